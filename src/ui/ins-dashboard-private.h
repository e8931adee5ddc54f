/* ins-dashboard-private.h — the dashboard's parts kept in their own files */
#pragma once

#include "ins-dashboard-view.h"

G_BEGIN_DECLS

/* ins-dashboard-view.c */
InsStore                *ins_dashboard_view_get_store        (InsDashboardView *self);
GCancellable            *ins_dashboard_view_get_cancellable  (InsDashboardView *self);
void                     ins_dashboard_view_set_dialog       (InsDashboardView *self,
                                                              AdwMessageDialog *dialog);
void                     ins_dashboard_view_show_message     (InsDashboardView *self,
                                                              const char       *message);
InsWorkloadAffaire      *ins_dashboard_view_find_affaire     (InsDashboardView *self,
                                                              gint64            id);
InsWorkloadNotification *ins_dashboard_view_find_notification (InsDashboardView *self,
                                                               gint64            id);

/* ins-dashboard-actions.c */
void                     ins_dashboard_actions_class_init    (GtkWidgetClass *widget_class);
/* Whether a superviseur may do @action on @affaire now (ins_rules_allows()). */
gboolean                 ins_dashboard_affaire_allows        (const InsWorkloadAffaire *affaire,
                                                              InsAction                 action,
                                                              GDateTime                *now);

/* ins-dashboard-export.c: dashboard.export */
void                     ins_dashboard_export_class_init     (GtkWidgetClass *widget_class);

G_END_DECLS
