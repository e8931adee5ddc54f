/* ui-widget-texts.h — what the agent can read in a widget tree, for the UI tests */
#pragma once

#include <gtk/gtk.h>

/* Appends to @texts (borrowed strings) the text of every label of @root the
 * agent can see: visible, and in a stack only its visible child. */
void ui_widget_visible_texts (GtkWidget *root,
                              GPtrArray *texts);
