/* ui-widget-texts.c — what the agent can read in a widget tree, for the UI tests */
#include "config.h"

#include "ui-widget-texts.h"

void
ui_widget_visible_texts (GtkWidget *root,
                         GPtrArray *texts)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (GTK_IS_STACK (root))
    {
      ui_widget_visible_texts (gtk_stack_get_visible_child (GTK_STACK (root)), texts);
      return;
    }
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    ui_widget_visible_texts (c, texts);
}
