/* ins-window-private.h — the window's parts kept in their own files */
#pragma once

#include "ins-decision-dialog.h"
#include "ins-drafts.h"
#include "ins-queue-view.h"
#include "ins-window.h"
#include "ins-workspace-state.h"

G_BEGIN_DECLS

/* ins-window.c */
InsQueueView *ins_window_get_queue_view    (InsWindow *self);
AdwBin       *ins_window_get_document_slot (InsWindow *self);
InsDrafts    *ins_window_get_drafts        (InsWindow *self);
gboolean      ins_window_is_busy           (InsWindow *self);
/* The connected agent is a médecin-conseil: documents are read-only. */
gboolean      ins_window_is_medecin_mode   (InsWindow *self);
/* Whether the window's action is enabled now (as its button shows). */
gboolean      ins_window_action_enabled    (InsWindow          *self,
                                            InsWorkspaceAction  action);
/* An affaire is being loaded or reloaded. */
gboolean      ins_window_is_loading        (InsWindow *self);
void          ins_window_reload_affaire    (InsWindow *self);
/* A toast, remembered as the last message. */
void          ins_window_show_message      (InsWindow  *self,
                                            const char *message);
/* Sends @transition; on success forgets @dialog's draft (if any), reloads,
 * and takes the next affaire when @then_next. */
void          ins_window_apply             (InsWindow         *self,
                                            InsTransition     *transition,
                                            InsDecisionDialog *dialog,
                                            gboolean           then_next);

/* Sends the outbox to @url from worker threads connected with @conninfo (a
 * login that may act as ins_relay) and shows the pending and failed counts;
 * stops the relay running before. A NULL or empty @url only stops. */
void          ins_window_start_relay       (InsWindow  *self,
                                            const char *conninfo,
                                            const char *url);
struct _InsRelay *ins_window_get_relay     (InsWindow *self);
/* « N notifications en attente · M en échec », or NULL when hidden. */
const char   *ins_window_get_relay_status  (InsWindow *self);

/* Keeps the window's size and the queue's filters and order in @settings
 * (nothing when NULL: the schema is not installed). */
void          ins_window_use_settings      (InsWindow *self,
                                            GSettings *settings);

/* ins-window-decisions.c: what a decision needs besides the dialog */
/* Fetches the organismes' letterheads for the courriers. */
void          ins_window_load_organismes   (InsWindow *self);
/* Parses the ECB history off the main loop, once. */
void          ins_window_set_reference_rate (InsWindow         *self,
                                             InsDecisionDialog *dialog);
/* Draws the courrier a refusal or a request for pieces owes (off the main
 * loop), attaches it to @transition, then applies it. */
void          ins_window_prepare_courrier  (InsWindow         *self,
                                            InsDecisionDialog *dialog,
                                            InsTransition     *transition,
                                            gboolean           then_next);

/* ins-window-documents.c: the right pane */
struct _InsDocumentView;
void          ins_window_documents_class_init (GtkWidgetClass *widget_class);
void          ins_window_documents_init    (InsWindow  *self);
/* @may_annotate: the agent may tag and turn the pages (holds the affaire, or supervises). */
void          ins_window_documents_show    (InsWindow  *self,
                                            InsAffaire *affaire,
                                            gboolean    changed_affaire,
                                            gboolean    may_annotate);
/* Shows a generated document (a courrier to preview). */
void          ins_window_documents_show_bytes (InsWindow  *self,
                                               const char *title,
                                               GBytes     *bytes);
struct _InsDocumentView *ins_window_get_document_view (InsWindow *self);

/* ins-window-layout.c: the panes' widths and the affaire pane's visibility */
void          ins_window_layout_class_init (GtkWidgetClass *widget_class);
void          ins_window_layout_init       (InsWindow  *self);
void          ins_window_layout_use_settings (InsWindow *self,
                                              GSettings *settings);
/* Unfolds the queue if the affaire pane took its room. */
void          ins_window_layout_show_queue (InsWindow *self);
void          ins_window_layout_show_affaire (InsWindow *self);
/* The queue pane's width that shows every column of the queue whole. */
int           ins_window_layout_queue_fit_width (InsWindow *self);

G_END_DECLS
