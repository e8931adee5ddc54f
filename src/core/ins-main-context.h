/* ins-main-context.h — handing a worker's result back to the thread that asked
 *
 * g_main_context_invoke() runs the function at once, on the calling worker,
 * whenever nobody holds the context at that moment (a test iterating by hand,
 * a window between two iterations): the result would then race the thread it
 * was meant for. Posting always goes through the context's own loop.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs @func (@data) once from @context's next iteration, at default priority;
 * @notify frees @data afterwards. Thread-safe. */
void ins_main_context_post (GMainContext   *context,
                            GSourceFunc     func,
                            gpointer        data,
                            GDestroyNotify  notify);

G_END_DECLS
