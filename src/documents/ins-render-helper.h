/* ins-render-helper.h — one instruction-renderer process, driven synchronously
 *
 * Internal to the documents layer. Calls block (on a worker thread, never the
 * main loop) until the reply comes or @timeout_ms passes; on a timeout or a
 * crash the process is killed, the call fails with INS_DOCUMENT_ERROR_TIMEOUT or
 * _CRASHED and the helper is dead for good (spawn another one).
 */
#pragma once

#include <gio/gio.h>

#include "ins-page-image.h"
#include "ins-render-protocol.h"

G_BEGIN_DECLS

typedef struct _InsRenderHelper InsRenderHelper;

/* @argv: the program and its options (the renderer path first). */
InsRenderHelper *ins_render_helper_spawn   (const char * const *argv,
                                            GError            **error);
void             ins_render_helper_free    (InsRenderHelper *helper);
gboolean         ins_render_helper_is_dead (InsRenderHelper *helper);
/* The process id, for diagnostics and tests; 0 once dead. */
GPid             ins_render_helper_get_pid (InsRenderHelper *helper);
/* FALSE (and the helper dead) when an idle helper has exited or spoken
 * unasked: a helper without a request pending must stay silent. */
gboolean         ins_render_helper_check_alive (InsRenderHelper *helper);
/* Kills the process now (any thread). */
void             ins_render_helper_kill    (InsRenderHelper *helper);

/* For a helper started with --warm-up: waits for its ready reply. */
gboolean         ins_render_helper_wait_ready (InsRenderHelper *helper,
                                               guint            timeout_ms,
                                               GError         **error);
gboolean         ins_render_helper_open    (InsRenderHelper    *helper,
                                            GBytes             *document,
                                            guint               timeout_ms,
                                            GArray            **page_sizes,
                                            GError            **error);
InsPageImage    *ins_render_helper_render  (InsRenderHelper    *helper,
                                            guint               page,
                                            double              scale,
                                            guint               rotation,
                                            guint               timeout_ms,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsRenderHelper, ins_render_helper_free)

G_END_DECLS
