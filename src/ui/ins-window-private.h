/* ins-window-private.h — the window's parts kept in their own files */
#pragma once

#include "notify/ins-relay.h"
#include "ins-affaire-panel.h"
#include "ins-dashboard-view.h"
#include "ins-decision-dialog.h"
#include "ins-drafts.h"
#include "ins-queue-view.h"
#include "ins-window.h"
#include "ins-workspace-state.h"

G_BEGIN_DECLS

/* The panes' state (ins-window-layout.c). */
typedef struct {
  GSettings  *settings;       /* NULL: nothing kept */
  GdkSurface *surface;        /* borrowed, while realized */
  guint       update_source;
  int         queue_width;    /* while the queue is folded away too */
  gboolean    chosen;         /* the agent showed or hid the affaire pane */
} InsWindowLayout;

struct _InsWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toasts;
  AdwWindowTitle  *title;
  GtkLabel        *agent_label;
  GtkInfoBar      *connection_bar;
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *search_entry;
  GtkToggleButton *affaire_button;
  GtkPaned        *outer_paned;       /* queue | inner_paned */
  GtkPaned        *inner_paned;       /* affaire | documents */
  InsQueueView    *queue_view;
  InsAffairePanel *affaire_panel;
  AdwBin          *document_slot;
  GtkWidget       *claim_next_button;
  GtkWidget       *answer_avis_button;
  GtkWidget       *request_avis_button;
  GtkWidget       *accept_button;
  GtkWidget       *refuse_button;
  GtkWidget       *incomplete_button;
  GtkWidget       *close_button;
  GtkWidget       *close_next_button;
  GtkStack        *main_stack;        /* workspace, and the dashboard for a superviseur */
  GtkWidget       *view_switcher;
  GtkWidget       *action_bar;
  GtkWidget       *relay_box;
  GtkLabel        *relay_pending_label;
  GtkWidget       *relay_failed_button;   /* superviseur only: to the dashboard's failed table */
  GtkLabel        *relay_failed_label;
  InsDashboardView *dashboard_view;   /* superviseur only, in main_stack */

  /* borrowed */
  GtkWindow       *dialog;            /* weak */
  AdwToast        *connection_toast;  /* weak: « the database cannot be reached », while shown */

  /* owned */
  InsStore        *store;
  InsRelay        *relay;             /* NULL when no notification URL is configured */
  char            *relay_url;         /* to start the relay once the agent is known */
  InsDrafts       *drafts;
  InsAffaire      *affaire;
  GCancellable    *cancellable;       /* the window's lifetime */
  GCancellable    *load_cancellable;  /* the affaire being loaded */
  InsWindowLayout  layout;
  gint64           shown_id;
  gint64           pending_select_id;
  gboolean         busy;
  gboolean         loading;
  gboolean         ready;
  gboolean         medecin_mode;
  guint            count_source;
  guint            reload_source;
  guint            lease_source;
  GdkFrameClock   *documents_clock;   /* while the documents wait for the panel's frame */
  gulong           documents_paint_handler;
  guint            documents_source;  /* the idle after that frame, or the fallback timeout */
  guint            counts_pending;
  gint64           counts[3];
  gboolean         counts_exact[3];
  char            *subtitle;
  char            *relay_status;
  char            *last_message;
  AdwToast        *message_toast;     /* weak: the message shown, until dismissed */
};

/* ins-window.c */
/* Keeps the window's size and the queue's filters and order in @settings
 * (nothing when NULL: the schema is not installed). */
void          ins_window_use_settings      (InsWindow *self,
                                            GSettings *settings);
InsQueueView *ins_window_get_queue_view    (InsWindow *self);
InsDrafts    *ins_window_get_drafts        (InsWindow *self);
/* The connected agent, or NULL before the store knows it. */
InsAgent     *ins_window_get_agent         (InsWindow *self);
void          ins_window_update_actions    (InsWindow *self);
void          ins_window_set_busy          (InsWindow *self,
                                            gboolean   busy);
void          ins_window_set_last_message  (InsWindow  *self,
                                            const char *message);
/* A conflict or a refusal by the rules: says what happened, then reloads. */
void          ins_window_report_error      (InsWindow    *self,
                                            const GError *error);
gboolean      ins_window_is_busy           (InsWindow *self);
/* Whether the window's action is enabled now (as its button shows). */
gboolean      ins_window_action_enabled    (InsWindow          *self,
                                            InsWorkspaceAction  action);
/* An affaire is being loaded or reloaded. */
gboolean      ins_window_is_loading        (InsWindow *self);
/* A toast, remembered as the last message. */
void          ins_window_show_message      (InsWindow  *self,
                                            const char *message);

/* ins-window-actions.c: the affaire's actions and the window's own */
void          ins_window_actions_class_init (GtkWidgetClass *widget_class);
void          ins_window_actions_init      (InsWindow  *self);
/* A toast offering to reopen the dialog whose text was kept. */
void          ins_window_offer_drafts      (InsWindow  *self);
/* Sends @transition; on success forgets @dialog's draft (if any), reloads,
 * and takes the next affaire when @then_next. */
void          ins_window_apply             (InsWindow         *self,
                                            InsTransition     *transition,
                                            InsDecisionDialog *dialog,
                                            gboolean           then_next);

/* ins-window-affaire.c: the affaire shown in the centre pane */
void          ins_window_affaire_init      (InsWindow  *self);
/* Follows the store's changes and keeps the shown affaire's lease. */
void          ins_window_affaire_watch_store (InsWindow *self);
/* Selects what the queue loads later (ins_window_show_affaire ()). */
void          ins_window_affaire_watch_queue (InsWindow *self);
void          ins_window_reload_affaire    (InsWindow  *self);

/* ins-window-header.c: the counts in the subtitle, the relay's status */
void          ins_window_header_class_init (GtkWidgetClass *widget_class);
void          ins_window_schedule_counts   (InsWindow  *self);
/* Sends the outbox to @url from worker threads connected with @conninfo (a
 * login that may act as ins_relay) and shows the pending and failed counts;
 * stops the relay running before. A NULL or empty @url only stops. */
void          ins_window_start_relay       (InsWindow  *self,
                                            const char *conninfo,
                                            const char *url);
InsRelay     *ins_window_get_relay         (InsWindow *self);
void          ins_window_stop_relay        (InsWindow  *self);
/* « N notifications en attente · M en échec », or NULL when hidden. */
const char   *ins_window_get_relay_status  (InsWindow *self);


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
/* What the placeholder of an unreadable attachment offers, from the rules. */
void          ins_window_documents_update_placeholder (InsWindow *self);
/* The agent may tag and turn the pages when holding the affaire, or supervising. */
void          ins_window_documents_show    (InsWindow  *self,
                                            InsAffaire *affaire,
                                            gboolean    changed_affaire);
/* Shows @self's affaire's documents once the frame that paints its panel
 * was painted; cancelled by the next call to ins_window_documents_show (). */
void          ins_window_documents_show_later (InsWindow *self);
/* The documents still wait for that frame. */
gboolean      ins_window_documents_pending (InsWindow  *self);
void          ins_window_documents_cancel_later (InsWindow *self);
/* Shows a generated document (a courrier to preview). */
void          ins_window_documents_show_bytes (InsWindow  *self,
                                               const char *title,
                                               GBytes     *bytes);
struct _InsDocumentView *ins_window_get_document_view (InsWindow *self);

/* ins-window-layout.c: the panes' widths and the affaire pane's visibility */
void          ins_window_layout_class_init (GtkWidgetClass *widget_class);
void          ins_window_layout_init       (InsWindow  *self);
void          ins_window_layout_dispose    (InsWindow  *self);
void          ins_window_layout_use_settings (InsWindow *self,
                                              GSettings *settings);
/* Unfolds the queue if the affaire pane took its room. */
void          ins_window_layout_show_queue (InsWindow *self);
void          ins_window_layout_show_affaire (InsWindow *self);
/* The queue pane's width that shows every column of the queue whole. */
int           ins_window_layout_queue_fit_width (InsWindow *self);

G_END_DECLS
