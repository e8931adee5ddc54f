/* ins-renderer.h — renders attachments off the main loop, by priority, with a page cache
 *
 * PDF pages are rendered by instruction-renderer processes (one per open
 * document, restarted when one crashes or hangs past the timeout, and one warm
 * spare started ahead for the next document); JPEG and PNG
 * are decoded at display scale on worker threads. Requests run visible pages
 * first, then neighbours, then prefetch; identical requests in flight are
 * served by one render. Finished pages go into a bounded LRU page cache, which
 * the caller can query synchronously to paint without waiting.
 *
 * Errors are INS_DOCUMENT_ERROR (see ins_document_error_message() for the French
 * text); an unreadable or hostile document is an error, never a crash.
 * Use from the main thread (or the thread that created the renderer).
 */
#pragma once

#include <gio/gio.h>

#include "ins-page-cache.h"
#include "ins-render-document.h"

G_BEGIN_DECLS

typedef enum {
  INS_RENDER_PRIORITY_VISIBLE,    /* what the agent looks at */
  INS_RENDER_PRIORITY_NEIGHBOUR,  /* the pages around it, thumbnails */
  INS_RENDER_PRIORITY_PREFETCH,   /* the next affaire's first pages */
} InsRenderPriority;

#define INS_TYPE_RENDERER (ins_renderer_get_type ())

G_DECLARE_FINAL_TYPE (InsRenderer, ins_renderer, INS, RENDERER, GObject)

/* The application's renderer (created on first use, never freed). */
InsRenderer       *ins_renderer_get_default      (void);
InsRenderer       *ins_renderer_new              (void);
/* A renderer running @argv (the helper's path, then its options). */
InsRenderer       *ins_renderer_new_for_helper   (const char * const *argv);
/* @keep_spare: whether a warm spare process waits for the next PDF (the
 * default: opening a PDF then never waits for a process start); one at most. */
InsRenderer       *ins_renderer_new_full         (const char * const *argv,
                                                  gboolean            keep_spare);

/* The spare's process id, 0 when none is ready; @wait: first let the one being
 * started finish starting (tests, benchmarks). */
GPid               ins_renderer_get_spare_helper_pid (InsRenderer *self,
                                                      gboolean     wait);

/* The instruction-renderer to run: $INS_RENDERER_PATH, the build tree's in a
 * development build, else the installed one in libexecdir. */
const char        *ins_renderer_find_helper      (void);

InsPageCache      *ins_renderer_get_cache        (InsRenderer *self);
guint              ins_renderer_get_timeout_ms   (InsRenderer *self);
void               ins_renderer_set_timeout_ms   (InsRenderer *self, guint timeout_ms);

/* Opens @bytes (PDF, JPEG or PNG, told by content) under @key, a name unique
 * to these bytes (e.g. the attachment id or its sha256). An open document with
 * the same key is reused; a key that failed recently fails again at once. */
void               ins_renderer_open_async       (InsRenderer         *self,
                                                  const char          *key,
                                                  GBytes              *bytes,
                                                  InsRenderPriority    priority,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
InsRenderDocument *ins_renderer_open_finish      (InsRenderer         *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* A stored low-resolution PNG of the first page of the document @key names
 * (see ins-preview-store.h): a PDF opened under @key afterwards offers it as
 * its preview, so that its first paint costs no render. */
void               ins_renderer_add_preview      (InsRenderer         *self,
                                                  const char          *key,
                                                  GBytes              *png);
/* The document opened under @key next will be shown fitted to @width_px
 * device pixels, its first page turned by @rotation: the worker that opens it
 * renders that page right after, without waiting for the caller to ask, so a
 * render_async () for the same image joins the one under way (or finds it
 * cached). A wrong hint costs one render, never a wrong image. */
void               ins_renderer_hint_first_page  (InsRenderer         *self,
                                                  const char          *key,
                                                  double               width_px,
                                                  guint                rotation);
/* The render scale for a page @page_width points wide shown @width_px device
 * pixels wide (rounded to a whole pixel). */
double             ins_renderer_scale_for_width  (double               page_width,
                                                  double               width_px);
/* The open document under @key, or NULL; it counts as just used. Borrowed. */
InsRenderDocument *ins_renderer_lookup_document  (InsRenderer         *self,
                                                  const char          *key);

/* Renders @page (0-based) at @scale device pixels per point, turned by
 * @rotation degrees clockwise (0, 90, 180, 270). */
void               ins_renderer_render_async     (InsRenderer         *self,
                                                  InsRenderDocument   *document,
                                                  guint                page,
                                                  double               scale,
                                                  guint                rotation,
                                                  InsRenderPriority    priority,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
InsPageImage      *ins_renderer_render_finish    (InsRenderer         *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* The cached image for exactly this request, or NULL. Borrowed. */
InsPageImage      *ins_renderer_lookup_page      (InsRenderer         *self,
                                                  InsRenderDocument   *document,
                                                  guint                page,
                                                  double               scale,
                                                  guint                rotation);

G_END_DECLS
