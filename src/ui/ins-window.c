/* ins-window.c — the main window */
#include "config.h"

#include <glib/gi18n.h>

#include "ins-window.h"

struct _InsWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwWindowTitle *title;
};

G_DEFINE_FINAL_TYPE (InsWindow, ins_window, ADW_TYPE_APPLICATION_WINDOW)

static void
ins_window_class_init (InsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/fr/ameli/Instruction/ui/ins-window.ui");
  gtk_widget_class_bind_template_child (widget_class, InsWindow, title);
}

static void
ins_window_init (InsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

InsWindow *
ins_window_new (InsApplication *application)
{
  return g_object_new (INS_TYPE_WINDOW, "application", application, NULL);
}
