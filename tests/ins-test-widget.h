/* ins-test-widget.h — widgets found in a widget tree, for the tests */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @root or its first descendant, depth first, that is a @type; NULL if none. */
GtkWidget *ins_test_find_type (GtkWidget *root,
                               GType      type);

G_END_DECLS
