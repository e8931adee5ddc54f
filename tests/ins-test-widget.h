/* ins-test-widget.h — widgets found in a widget tree, and time for them to settle, for the tests */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @root or its first descendant, depth first, that is a @type; NULL if none. */
GtkWidget *ins_test_find_type (GtkWidget *root,
                               GType      type);

/* Runs the main loop for @ms milliseconds: styles applied, sizes measured,
 * widgets drawn. */
void       ins_test_settle    (guint      ms);

G_END_DECLS
