/* ins-render-document.h — one open attachment: its kind, pages and their sizes
 *
 * Made by ins_renderer_open_async(). A PDF owns one instruction-renderer
 * process (restarted when it dies); JPEG and PNG are decoded in-process on a
 * worker thread. Page sizes are in PDF points (1/72 inch), upright, before the
 * agent's rotation; an image's pixel counts as 0.75 point (96 dpi), so at 100 %
 * an image shows pixel for pixel.
 */
#pragma once

#include <glib-object.h>

#include "ins-helper-pool.h"
#include "ins-image-decode.h"
#include "ins-page-image.h"

G_BEGIN_DECLS

#define INS_TYPE_RENDER_DOCUMENT (ins_render_document_get_type ())

G_DECLARE_FINAL_TYPE (InsRenderDocument, ins_render_document, INS, RENDER_DOCUMENT, GObject)

const char      *ins_render_document_get_key       (InsRenderDocument *self);
InsDocumentKind  ins_render_document_get_kind      (InsRenderDocument *self);
guint            ins_render_document_get_n_pages   (InsRenderDocument *self);
/* @page is 0-based. */
void             ins_render_document_get_page_size (InsRenderDocument *self,
                                                    guint              page,
                                                    double            *width,
                                                    double            *height);
/* A small upright preview of the first page, or NULL: decoded at open time
 * for an image, the stored PNG handed to the open for a PDF. */
InsPageImage    *ins_render_document_get_preview   (InsRenderDocument *self);
GBytes          *ins_render_document_get_bytes     (InsRenderDocument *self);
/* The renderer process id now (PDF only; 0 when none runs), for tests. */
GPid             ins_render_document_get_helper_pid (InsRenderDocument *self);

/* Blocking: for InsRenderer's worker threads only. */
/* @preview: a PNG of a PDF's first page, or NULL. */
InsRenderDocument *ins_render_document_open_sync   (const char         *key,
                                                    GBytes             *bytes,
                                                    GBytes             *preview,
                                                    InsHelperPool      *pool,
                                                    guint               timeout_ms,
                                                    GError            **error);
InsPageImage      *ins_render_document_render_sync (InsRenderDocument  *self,
                                                    guint               page,
                                                    double              scale,
                                                    guint               rotation,
                                                    GError            **error);

G_END_DECLS
