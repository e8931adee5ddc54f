/* ins-queue-columns.h — the queue's columns: their cells and their sorts in SQL */
#pragma once

#include <gtk/gtk.h>

#include "core/ins-queue-query.h"

G_BEGIN_DECLS

/* Gives the columns of the queue's template (in the order of InsQueueText)
 * their cell factories, their sorters and their header tooltips. */
void                 ins_queue_columns_setup     (GtkColumnView *view);
/* The sort the view's sorted column names; FALSE when no column is sorted. */
gboolean             ins_queue_columns_read_sort (GtkColumnView *view,
                                                  InsQueueSort  *sort,
                                                  gboolean      *descending);
/* The column called @name ("numero", "due"…), or NULL. */
GtkColumnViewColumn *ins_queue_columns_find      (GtkColumnView *view,
                                                  const char    *name);
/* The name of the column that sorts by @sort, or NULL. */
const char          *ins_queue_columns_sort_name (InsQueueSort   sort);

G_END_DECLS
