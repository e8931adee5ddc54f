/* ins-main-context.c — handing a worker's result back to the thread that asked */
#include "config.h"

#include "ins-main-context.h"

void
ins_main_context_post (GMainContext   *context,
                       GSourceFunc     func,
                       gpointer        data,
                       GDestroyNotify  notify)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "ins-main-context-post");
  g_source_attach (source, context);
  g_source_unref (source);
}
