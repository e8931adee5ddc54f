/* ins-affaire-fields.c — the affaire panel's building blocks, made once and refilled */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include "ins-affaire-fields.h"

void
ins_label_set_text_if_changed (GtkLabel *label, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text ? text : "") != 0)
    gtk_label_set_text (label, text ? text : "");
}

GtkWidget *
ins_wrap_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

void
ins_widget_set_one_class (GtkWidget *widget, const char * const *classes, const char *chosen)
{
  for (guint i = 0; classes[i]; i++)
    if (g_strcmp0 (classes[i], chosen) != 0 && gtk_widget_has_css_class (widget, classes[i]))
      gtk_widget_remove_css_class (widget, classes[i]);
  if (chosen != NULL && !gtk_widget_has_css_class (widget, chosen))
    gtk_widget_add_css_class (widget, chosen);
}

GtkWidget *
ins_section_new (GtkBox *content, const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (content, box);
  return box;
}

GtkWidget *
ins_field_grid_new (GtkWidget *section)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_add_css_class (grid, "ins-fields");
  gtk_box_append (GTK_BOX (section), grid);
  return grid;
}

void
ins_field_init (InsField *field, GtkWidget *grid, const char *name)
{
  int row = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child; child = gtk_widget_get_next_sibling (child))
    row++;
  row /= 2;

  field->key = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (field->key), 0);
  gtk_label_set_yalign (GTK_LABEL (field->key), 0);
  gtk_label_set_wrap (GTK_LABEL (field->key), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (field->key), 14);
  gtk_widget_add_css_class (field->key, "dim-label");
  field->value = ins_wrap_label_new ();
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field->value), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  field->key, NULL, -1);
  gtk_widget_set_visible (field->key, FALSE);
  gtk_widget_set_visible (field->value, FALSE);
  gtk_grid_attach (GTK_GRID (grid), field->key, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), field->value, 1, row, 1, 1);
}

void
ins_field_show (InsField *field, const char *value)
{
  ins_label_set_text_if_changed (GTK_LABEL (field->value), value && *value ? value : "—");
  gtk_widget_set_visible (field->key, TRUE);
  gtk_widget_set_visible (field->value, TRUE);
}

void
ins_field_show_take (InsField *field, char *value)
{
  ins_field_show (field, value);
  g_free (value);
}

/* The text goes too: a hidden row keeps nothing of an earlier affaire. */
void
ins_field_hide (InsField *field)
{
  ins_label_set_text_if_changed (GTK_LABEL (field->value), NULL);
  gtk_widget_set_visible (field->key, FALSE);
  gtk_widget_set_visible (field->value, FALSE);
}

void
ins_rows_init (InsRows *rows, GtkWidget *box, InsRowMake make)
{
  rows->box = GTK_BOX (box);
  rows->rows = g_ptr_array_new ();
  rows->make = make;
}

void
ins_rows_clear (InsRows *rows)
{
  g_clear_pointer (&rows->rows, g_ptr_array_unref);
}

GtkWidget *
ins_rows_get (InsRows *rows, guint i)
{
  GtkWidget *row;

  while (rows->rows->len <= i)
    {
      row = rows->make ();
      gtk_box_append (rows->box, row);
      g_ptr_array_add (rows->rows, row);
    }
  row = g_ptr_array_index (rows->rows, i);
  gtk_widget_set_visible (row, TRUE);
  return row;
}

void
ins_rows_truncate (InsRows *rows, guint n)
{
  for (guint i = n; i < rows->rows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (rows->rows, i), FALSE);
}
