/* ins-affaire-fields.h — the affaire panel's building blocks, made once and
 * refilled for each affaire: titled sections, rows of a field grid that hide
 * when they do not apply, and lists of rows that grow as needed and are kept
 *
 * GTK measures a label again whenever its text is set, even to the same text:
 * everything here sets a label only when its text changes.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets @text (NULL: empty) on @label unless it already shows it. */
void       ins_label_set_text_if_changed (GtkLabel   *label,
                                          const char *text);
/* A left-aligned label that wraps, filling the width. */
GtkWidget *ins_wrap_label_new            (void);
/* Keeps exactly one of @classes (a NULL-terminated list) on @widget: @chosen. */
void       ins_widget_set_one_class      (GtkWidget         *widget,
                                          const char * const *classes,
                                          const char        *chosen);

/* A vertical box with a level-2 heading, appended to @content. */
GtkWidget *ins_section_new               (GtkBox     *content,
                                          const char *title);
/* A two-column grid of fields, appended to @section. */
GtkWidget *ins_field_grid_new            (GtkWidget  *section);

typedef struct {
  GtkWidget *key;
  GtkWidget *value;
} InsField;

/* Appends the row @name to @grid, hidden until shown. */
void       ins_field_init                (InsField   *field,
                                          GtkWidget  *grid,
                                          const char *name);
/* Shows the row with @value ("—" when NULL or empty). */
void       ins_field_show                (InsField   *field,
                                          const char *value);
void       ins_field_show_take           (InsField   *field,
                                          char       *value);
void       ins_field_hide                (InsField   *field);

/* The rows of a list (hints, pieces, history entries…) appended to a box after
 * what it already holds, made by @make when first needed, then kept. */
typedef GtkWidget *(*InsRowMake) (void);

typedef struct {
  GtkBox     *box;     /* borrowed */
  GPtrArray  *rows;    /* borrowed children of @box, in order */
  InsRowMake  make;
} InsRows;

void       ins_rows_init                 (InsRows    *rows,
                                          GtkWidget  *box,
                                          InsRowMake  make);
void       ins_rows_clear                (InsRows    *rows);
/* The @i-th row (made, and those before it, if needed), shown. */
GtkWidget *ins_rows_get                  (InsRows    *rows,
                                          guint       i);
/* Hides the rows from the @n-th on. */
void       ins_rows_truncate             (InsRows    *rows,
                                          guint       n);

G_END_DECLS
