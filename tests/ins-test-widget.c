/* ins-test-widget.c — widgets found in a widget tree, and time for them to settle, for the tests */
#include "config.h"

#include "ins-test-widget.h"

GtkWidget *
ins_test_find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ins_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
ins_test_settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}
