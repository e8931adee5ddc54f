/* ins-dashboard-view.h — the supervisor's dashboard: the organisme's workload
 *
 * Figures come from ins_workload_store_load_async(), off the main loop, when
 * the view is shown, on F5 (dashboard.refresh) and a moment after the store
 * says affaires changed (at most every 10 s). Actions (each confirmed in a small dialog, sent
 * through the store with the version shown, recorded in the history):
 *   dashboard.release (x: affaire id), dashboard.reassign (x),
 *   dashboard.transfer (x), dashboard.retry (x: notification id),
 *   dashboard.refresh (F5), dashboard.export (the table shown, as CSV).
 * Signal "loaded" (): new figures are shown.
 */
#pragma once

#include <adwaita.h>

#include "store/ins-store.h"
#include "ins-dashboard-tables.h"

G_BEGIN_DECLS

#define INS_TYPE_DASHBOARD_VIEW (ins_dashboard_view_get_type ())
G_DECLARE_FINAL_TYPE (InsDashboardView, ins_dashboard_view, INS, DASHBOARD_VIEW, GtkWidget)

GtkWidget               *ins_dashboard_view_new            (void);
void                     ins_dashboard_view_set_store      (InsDashboardView *self,
                                                            InsStore         *store);
void                     ins_dashboard_view_refresh        (InsDashboardView *self);

/* What is shown: NULL before the first load. */
InsWorkload             *ins_dashboard_view_get_workload   (InsDashboardView    *self);
const InsDashboardTable *ins_dashboard_view_get_table      (InsDashboardView    *self,
                                                            InsDashboardTableId  id);
GtkGrid                 *ins_dashboard_view_get_grid       (InsDashboardView    *self,
                                                            InsDashboardTableId  id);
void                     ins_dashboard_view_show_table     (InsDashboardView    *self,
                                                            InsDashboardTableId  id);
InsDashboardTableId      ins_dashboard_view_get_visible_table (InsDashboardView *self);
/* The confirmation dialog an action opened, while it is open. */
AdwMessageDialog        *ins_dashboard_view_get_dialog     (InsDashboardView *self);
/* Whether figures are being loaded. */
gboolean                 ins_dashboard_view_get_loading    (InsDashboardView *self);
/* The last message shown (an action done, or an error). */
const char              *ins_dashboard_view_get_last_message (InsDashboardView *self);

/* Writes the table shown to @file as CSV, off the main loop. */
void                     ins_dashboard_view_export_async   (InsDashboardView    *self,
                                                            GFile               *file,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean                 ins_dashboard_view_export_finish  (InsDashboardView  *self,
                                                            GAsyncResult      *result,
                                                            GError           **error);

G_END_DECLS
