/* ins-paint-memory.h — keeps the memory a software-drawn X11 window paints through */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     ins_paint_memory_keep_for (GtkWindow *window);
gboolean ins_paint_memory_is_kept  (GtkWindow *window);

G_END_DECLS
