/* ins-window-private.h — the window's parts kept in their own files */
#pragma once

#include "ins-decision-dialog.h"
#include "ins-drafts.h"
#include "ins-queue-view.h"
#include "ins-window.h"

G_BEGIN_DECLS

/* ins-window.c */
InsQueueView *ins_window_get_queue_view    (InsWindow *self);
AdwBin       *ins_window_get_document_slot (InsWindow *self);
InsDrafts    *ins_window_get_drafts        (InsWindow *self);
gboolean      ins_window_is_busy           (InsWindow *self);
void          ins_window_reload_affaire    (InsWindow *self);
/* Sends @transition; on success forgets @dialog's draft (if any), reloads,
 * and takes the next affaire when @then_next. */
void          ins_window_apply             (InsWindow         *self,
                                            InsTransition     *transition,
                                            InsDecisionDialog *dialog,
                                            gboolean           then_next);

/* ins-window-decisions.c: what a decision needs besides the dialog */
/* Parses the ECB history off the main loop, once. */
void          ins_window_warm_up_rates     (void);
void          ins_window_set_reference_rate (InsWindow         *self,
                                             InsDecisionDialog *dialog);
/* Draws the courrier a refusal or a request for pieces owes (off the main
 * loop), attaches it to @transition, then applies it. */
void          ins_window_prepare_courrier  (InsWindow         *self,
                                            InsDecisionDialog *dialog,
                                            InsTransition     *transition,
                                            gboolean           then_next);

/* ins-window-documents.c: the right pane */
void          ins_window_documents_class_init (GtkWidgetClass *widget_class);
void          ins_window_documents_show    (InsWindow  *self,
                                            InsAffaire *affaire,
                                            gboolean    changed_affaire);

G_END_DECLS
