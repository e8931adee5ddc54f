/* ins-queue-view.h — the queue pane: filters and the column view of affaires */
#pragma once

#include <gtk/gtk.h>

#include "store/ins-store.h"
#include "ins-queue-item.h"
#include "ins-queue-model.h"

G_BEGIN_DECLS

#define INS_TYPE_QUEUE_VIEW (ins_queue_view_get_type ())
G_DECLARE_FINAL_TYPE (InsQueueView, ins_queue_view, INS, QUEUE_VIEW, GtkWidget)

/* Signals:
 *   selection-changed (): the selected affaire changed (see get_selected).
 *   activated (InsQueueItem *): Enter or a double click on a row. */

void           ins_queue_view_set_store         (InsQueueView *self,
                                                 InsStore     *store);
InsQueueModel *ins_queue_view_get_model         (InsQueueView *self);
/* Médecin-conseil mode: only the affaires waiting for an opinion, no filters. */
void           ins_queue_view_set_medecin_mode  (InsQueueView *self,
                                                 gboolean      medecin_mode);
void           ins_queue_view_set_search        (InsQueueView *self,
                                                 const char   *search);
/* The query the filters, the search and the sorted column describe. */
InsQueueQuery *ins_queue_view_build_query       (InsQueueView *self);

InsQueueItem  *ins_queue_view_get_selected      (InsQueueView *self);
/* Selects affaire @id if it is loaded; FALSE otherwise. */
gboolean       ins_queue_view_select_id         (InsQueueView *self,
                                                 gint64        id);
/* Moves the selection by @delta rows (j/k); returns FALSE at an end. */
gboolean       ins_queue_view_move_selection    (InsQueueView *self,
                                                 int           delta);
/* The id of the row after the selected one (the first row when none is
 * selected), or 0. */
gint64         ins_queue_view_peek_next         (InsQueueView *self);
void           ins_queue_view_focus_list        (InsQueueView *self);

/* Filters, for the keyboard and tests. */
void           ins_queue_view_set_kind_filter   (InsQueueView *self,
                                                 int           kind);   /* -1: every kind */
void           ins_queue_view_set_status_filter (InsQueueView *self,
                                                 guint         index);  /* see ins-queue-view.c */
void           ins_queue_view_set_mine          (InsQueueView *self,
                                                 gboolean      mine);
void           ins_queue_view_set_breached      (InsQueueView *self,
                                                 gboolean      breached);
/* Sorts by a column as a click on its header does: "numero",
 * "beneficiaire", "place", "amount", "received", "due", "status" or "agent"
 * (NULL or another name: the claim order). */
void           ins_queue_view_sort_by           (InsQueueView *self,
                                                 const char   *column,
                                                 gboolean      descending);

/* Restores the filters, search and order last kept in @settings
 * (queue-filter-*, queue-sort) and keeps them there as they change. */
void           ins_queue_view_set_settings      (InsQueueView *self,
                                                 GSettings    *settings);
const char    *ins_queue_view_get_search        (InsQueueView *self);

G_END_DECLS
