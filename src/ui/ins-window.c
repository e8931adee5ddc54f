/* ins-window.c — the agent's workspace: queue, affaire, documents and actions */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/ins-ecb-rates.h"
#include "core/ins-format.h"
#include "notify/ins-relay.h"
#include "store/ins-claim-store.h"
#include "ins-affaire-hints.h"
#include "ins-affaire-panel.h"
#include "ins-dashboard-view.h"
#include "ins-decision-dialog.h"
#include "ins-document-view.h"
#include "ins-drafts.h"
#include "ins-preferences-window-state.h"
#include "ins-queue-view.h"
#include "ins-window.h"
#include "ins-window-private.h"
#include "ins-workspace-state.h"

#define COUNT_DELAY_MS 700
#define AFFAIRE_RELOAD_DELAY_MS 60

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
  GtkLabel        *relay_failed_label;
  InsDashboardView *dashboard_view;   /* superviseur only, in main_stack */

  /* borrowed */
  GtkWindow       *dialog;            /* weak */

  /* owned */
  InsStore        *store;
  InsRelay        *relay;             /* NULL when no notification URL is configured */
  char            *relay_url;         /* to start the relay once the agent is known */
  InsDrafts       *drafts;
  InsAffaire      *affaire;
  GCancellable    *cancellable;       /* the window's lifetime */
  GCancellable    *load_cancellable;  /* the affaire being loaded */
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
};

G_DEFINE_FINAL_TYPE (InsWindow, ins_window, ADW_TYPE_APPLICATION_WINDOW)

static void load_affaire (InsWindow *self, gint64 id);
static void claim_next (InsWindow *self);

/* State ---------------------------------------------------------------------- */

static InsAgent *
agent (InsWindow *self)
{
  return self->store ? ins_store_get_agent (self->store) : NULL;
}

static void
compute_state (InsWindow *self, InsWorkspaceState *state)
{
  InsAgent *me = agent (self);

  memset (state, 0, sizeof *state);
  state->connected = self->ready && self->store && ins_store_get_connected (self->store) && me != NULL;
  state->busy = self->busy;
  state->role = me ? me->role : INS_ROLE_INSTRUCTEUR;
  state->has_affaire = self->affaire != NULL;
  if (self->affaire != NULL && me != NULL)
    ins_affaire_get_facts (self->affaire, me->id, NULL, &state->facts);
}

gboolean
ins_window_action_enabled (InsWindow *self, InsWorkspaceAction action)
{
  InsWorkspaceState state;

  compute_state (self, &state);
  return ins_workspace_action_enabled (action, &state);
}

static void
update_actions (InsWindow *self)
{
  InsWorkspaceState state;

  compute_state (self, &state);
  for (guint i = 0; i < INS_WS_N_ACTIONS; i++)
    {
      g_autofree char *name = g_strconcat ("affaire.", ins_workspace_action_name (i), NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, ins_workspace_action_enabled (i, &state));
    }
}

static void
set_busy (InsWindow *self, gboolean busy)
{
  self->busy = busy;
  update_actions (self);
}

static void
set_last_message (InsWindow *self, const char *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
}

static void
toast (InsWindow *self, const char *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toasts, t);
}

void
ins_window_show_message (InsWindow *self, const char *message)
{
  set_last_message (self, message);
  toast (self, message);
}

static void
on_conflict_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
}

/* A conflict or a refusal by the rules: say what happened, then reload. */
static void
report_error (InsWindow *self, const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_last_message (self, error->message);
  if (g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT)
      || g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_ALLOWED)
      || g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Someone acted on this affaire first"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_Reload"));
      g_signal_connect (dialog, "response", G_CALLBACK (on_conflict_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      if (self->shown_id != 0)
        load_affaire (self, self->shown_id);
      ins_queue_model_reload (ins_queue_view_get_model (self->queue_view));
      return;
    }
  if (g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION))
    {
      toast (self, _("The database cannot be reached: what you typed is kept and nothing was changed."));
      return;
    }
  toast (self, error->message);
}

/* Counts in the subtitle ----------------------------------------------------- */

static void
update_subtitle (InsWindow *self)
{
  g_autofree char *a = ins_format_integer (self->counts[0]);
  g_autofree char *b = ins_format_integer (self->counts[1]);
  g_autofree char *c = ins_format_integer (self->counts[2]);

  g_free (self->subtitle);
  if (self->medecin_mode)
    self->subtitle = g_strdup_printf (_("%s%s opinions requested"), self->counts_exact[0] ? "" : "≈ ", a);
  else
    /* TRANSLATORS: counts in the header bar: to take, held by me, overdue */
    self->subtitle = g_strdup_printf (_("%s%s to take · %s mine · %s%s overdue"),
                                      self->counts_exact[0] ? "" : "≈ ", a, b,
                                      self->counts_exact[2] ? "" : "≈ ", c);
  adw_window_title_set_subtitle (self->title, self->subtitle);
}

typedef struct {
  InsWindow *self;
  guint      slot;
} CountData;

static void
count_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CountData *data = user_data;
  g_autoptr(InsWindow) self = data->self;
  g_autoptr(GError) error = NULL;
  gint64 count = 0;
  gboolean exact = TRUE;
  guint slot = data->slot;

  g_free (data);
  if (!ins_store_queue_count_finish (INS_STORE (source), result, &count, &exact, &error))
    {
      self->counts_pending--;
      return;
    }
  self->counts[slot] = count;
  self->counts_exact[slot] = exact;
  if (--self->counts_pending == 0)
    update_subtitle (self);
}

static void
count_one (InsWindow *self, guint slot, InsQueueQuery *query)
{
  CountData *data = g_new0 (CountData, 1);

  data->self = g_object_ref (self);
  data->slot = slot;
  self->counts_pending++;
  ins_store_queue_count_async (self->store, query, self->cancellable, count_done, data);
}

static gboolean
refresh_counts (gpointer user_data)
{
  InsWindow *self = user_data;
  g_autoptr(InsQueueQuery) received = ins_queue_query_new ();
  g_autoptr(InsQueueQuery) mine = ins_queue_query_new ();
  g_autoptr(InsQueueQuery) overdue = ins_queue_query_new ();

  self->count_source = 0;
  if (!self->ready || self->counts_pending > 0)
    return G_SOURCE_REMOVE;

  if (self->medecin_mode)
    {
      received->status_mask = INS_QUEUE_STATUS_BIT (INS_STATUS_AVIS_MEDICAL_DEMANDE);
      received->kind_mask = INS_QUEUE_KIND_BIT (INS_KIND_SOINS_ETRANGER);
      count_one (self, 0, received);
      return G_SOURCE_REMOVE;
    }
  received->status_mask = INS_QUEUE_STATUS_BIT (INS_STATUS_RECUE);
  mine->assignee = INS_QUEUE_ASSIGNEE_MINE;
  mine->status_mask = INS_QUEUE_STATUS_BIT (INS_STATUS_EN_COURS) | INS_QUEUE_STATUS_BIT (INS_STATUS_ACCEPTEE)
                      | INS_QUEUE_STATUS_BIT (INS_STATUS_REFUSEE);
  overdue->sla_breached = TRUE;
  count_one (self, 0, received);
  count_one (self, 1, mine);
  count_one (self, 2, overdue);
  return G_SOURCE_REMOVE;
}

static void
schedule_counts (InsWindow *self)
{
  if (self->count_source == 0)
    self->count_source = g_timeout_add (COUNT_DELAY_MS, refresh_counts, self);
}

/* Notifications the relay still has to send ------------------------------- */

static void
on_relay_counts (InsRelay *relay, gint64 pending, gint64 failed, InsWindow *self)
{
  g_autofree char *p = ins_format_integer (pending);
  g_autofree char *f = ins_format_integer (failed);
  g_autofree char *pending_text = NULL;
  g_autofree char *failed_text = NULL;

  pending_text = pending == 1 ? g_strdup (_("1 notification pending"))
                              : g_strdup_printf (_("%s notifications pending"), p);
  /* TRANSLATORS: notifications the relay gave up on, after the pending count */
  failed_text = g_strdup_printf (_("%s failed"), f);
  gtk_label_set_text (self->relay_pending_label, pending_text);
  {
    g_autofree char *shown = g_strdup_printf ("· %s", failed_text);
    gtk_label_set_text (self->relay_failed_label, shown);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->relay_failed_label), failed > 0);
  g_free (self->relay_status);
  self->relay_status = failed > 0 ? g_strdup_printf ("%s · %s", pending_text, failed_text)
                                  : g_strdup (pending_text);
  gtk_widget_set_tooltip_text (self->relay_box, self->relay_status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->relay_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->relay_status, -1);
  gtk_widget_set_visible (self->relay_box, TRUE);
}

void
ins_window_start_relay (InsWindow  *self,
                        const char *conninfo,
                        const char *url)
{
  g_return_if_fail (INS_IS_WINDOW (self));

  if (self->relay != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->relay, self);
      ins_relay_stop (self->relay);
      g_clear_object (&self->relay);
    }
  gtk_widget_set_visible (self->relay_box, FALSE);
  if (url == NULL || *url == '\0')
    return;
  self->relay = ins_relay_new (conninfo, url);
  g_signal_connect (self->relay, "counts-changed", G_CALLBACK (on_relay_counts), self);
  ins_relay_start (self->relay);
}

InsRelay *
ins_window_get_relay (InsWindow *self)
{
  g_return_val_if_fail (INS_IS_WINDOW (self), NULL);
  return self->relay;
}

const char *
ins_window_get_relay_status (InsWindow *self)
{
  g_return_val_if_fail (INS_IS_WINDOW (self), NULL);
  return gtk_widget_get_visible (self->relay_box) ? self->relay_status : NULL;
}

/* The shown affaire ---------------------------------------------------------- */

static void offer_drafts (InsWindow *self);

static void
lease_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ins_store_renew_lease_finish (INS_STORE (source), result, &error)
      && g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT))
    report_error (self, error);
}

static gboolean
renew_lease (gpointer user_data)
{
  InsWindow *self = user_data;
  InsAgent *me = agent (self);

  if (self->affaire != NULL && me != NULL && self->affaire->assignee_id == me->id
      && self->affaire->status == INS_STATUS_EN_COURS && ins_store_get_connected (self->store))
    ins_store_renew_lease_async (self->store, self->affaire->id, self->cancellable,
                                 lease_done, g_object_ref (self));
  return G_SOURCE_CONTINUE;
}

static gboolean
may_annotate (InsWindow *self)
{
  InsAgent *me = agent (self);

  return self->affaire != NULL && me != NULL && !ins_window_is_medecin_mode (self)
         && (me->role == INS_ROLE_SUPERVISEUR || self->affaire->assignee_id == me->id);
}

static void
cancel_documents_later (InsWindow *self)
{
  if (self->documents_clock != NULL)
    g_clear_signal_handler (&self->documents_paint_handler, self->documents_clock);
  g_clear_object (&self->documents_clock);
  g_clear_handle_id (&self->documents_source, g_source_remove);
}

static gboolean
show_documents (gpointer user_data)
{
  InsWindow *self = user_data;

  self->documents_source = 0;
  ins_window_documents_show (self, self->affaire, TRUE, may_annotate (self));
  return G_SOURCE_REMOVE;
}

static void
on_panel_painted (GdkFrameClock *clock, InsWindow *self)
{
  cancel_documents_later (self);
  self->documents_source = g_idle_add (show_documents, self);
}

static gboolean
no_frame_painted (gpointer user_data)
{
  InsWindow *self = user_data;

  self->documents_source = 0;
  cancel_documents_later (self);
  return show_documents (self);
}

/* Painting the new row and panel and laying out and painting the new
 * documents in one frame made single iterations of 100–150 ms of CPU: the
 * documents follow once the frame that shows the panel was painted (or after
 * a while if no frame comes, e.g. the window was hidden meanwhile). */
static void
show_documents_later (InsWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->documents_clock != NULL || self->documents_source != 0)
    return;
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      show_documents (self);
      return;
    }
  self->documents_clock = g_object_ref (clock);
  self->documents_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_panel_painted), self);
  self->documents_source = g_timeout_add (500, no_frame_painted, self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
set_affaire (InsWindow *self, InsAffaire *affaire)
{
  InsAgent *me = agent (self);
  gboolean changed_affaire = affaire == NULL || self->affaire == NULL || self->affaire->id != affaire->id;

  if (affaire != NULL)
    ins_affaire_ref (affaire);
  g_clear_pointer (&self->affaire, ins_affaire_unref);
  self->affaire = affaire;
  ins_affaire_panel_set_affaire (self->affaire_panel, affaire, me ? me->role : INS_ROLE_INSTRUCTEUR);
  if (affaire != NULL && changed_affaire)
    show_documents_later (self);
  else if (self->documents_clock == NULL && self->documents_source == 0)
    ins_window_documents_show (self, affaire, changed_affaire, may_annotate (self));
  else if (affaire == NULL)
    {
      cancel_documents_later (self);
      ins_window_documents_show (self, NULL, TRUE, FALSE);
    }
  update_actions (self);
  if (affaire != NULL && changed_affaire)
    offer_drafts (self);
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsAffaire) affaire = ins_store_load_affaire_finish (INS_STORE (source), result, &error);

  if (affaire == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loading = FALSE;
      if (g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND))
        {
          self->shown_id = 0;
          set_affaire (self, NULL);
        }
      report_error (self, error);
      return;
    }
  if (affaire->id != self->shown_id)
    return;
  self->loading = FALSE;
  set_affaire (self, affaire);
}

static void
load_affaire (InsWindow *self, gint64 id)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->shown_id = id;
  self->loading = FALSE;
  if (id == 0)
    {
      set_affaire (self, NULL);
      return;
    }
  self->loading = TRUE;
  self->load_cancellable = g_cancellable_new ();
  if (self->affaire == NULL || self->affaire->id != id)
    ins_affaire_panel_set_loading (self->affaire_panel);
  ins_store_load_affaire_async (self->store, id, self->load_cancellable, load_done, g_object_ref (self));
}

void
ins_window_reload_affaire (InsWindow *self)
{
  if (self->shown_id != 0)
    load_affaire (self, self->shown_id);
}

static gboolean
reload_timeout (gpointer user_data)
{
  InsWindow *self = user_data;

  self->reload_source = 0;
  ins_window_reload_affaire (self);
  return G_SOURCE_REMOVE;
}

static void
on_affaire_changed (InsStore *store, gint64 id, InsWindow *self)
{
  schedule_counts (self);
  if (self->shown_id != 0 && (id == 0 || id == self->shown_id) && self->reload_source == 0)
    self->reload_source = g_timeout_add (AFFAIRE_RELOAD_DELAY_MS, reload_timeout, self);
}

static void
try_pending_select (InsWindow *self)
{
  if (self->pending_select_id != 0
      && ins_queue_view_select_id (self->queue_view, self->pending_select_id))
    self->pending_select_id = 0;
}

static void
on_queue_items_changed (GListModel *model, guint position, guint removed, guint added, InsWindow *self)
{
  if (added > 0)
    try_pending_select (self);
}

static void
on_queue_selection (InsQueueView *view, InsWindow *self)
{
  InsQueueItem *item = ins_queue_view_get_selected (view);

  if (item == NULL)
    return;
  if (ins_queue_item_get_id (item) != self->shown_id)
    load_affaire (self, ins_queue_item_get_id (item));
}

void
ins_window_show_affaire (InsWindow *self, gint64 id)
{
  g_return_if_fail (INS_IS_WINDOW (self));

  self->pending_select_id = id;
  try_pending_select (self);
  if (self->shown_id != id)
    load_affaire (self, id);
}

/* Transitions ---------------------------------------------------------------- */

typedef struct {
  InsWindow         *self;
  InsDecisionDialog *dialog;     /* kept until the action went through */
  InsAction          action;
  gboolean           then_next;
  GBytes            *courrier;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->dialog);
  g_clear_pointer (&data->courrier, g_bytes_unref);
  g_free (data);
}

static const char *
done_message (InsAction action)
{
  switch (action)
    {
    case INS_ACTION_CLAIM:           return _("Affaire taken");
    case INS_ACTION_REQUEST_AVIS:    return _("Medical opinion requested");
    case INS_ACTION_RECORD_AVIS:     return _("Opinion sent");
    case INS_ACTION_ACCEPT:          return _("Affaire accepted");
    case INS_ACTION_REFUSE:          return _("Affaire refused");
    case INS_ACTION_MARK_INCOMPLETE: return _("Missing pieces requested");
    case INS_ACTION_CLOSE:           return _("Affaire closed: the insured person will be notified");
    case INS_ACTION_MARK_UNUSABLE:   return _("Affaire marked unusable");
    default:                         return _("Done");
    }
}

static void
apply_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ApplyData *data = user_data;
  InsWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!ins_store_apply_finish (INS_STORE (source), result, NULL, &error))
    {
      report_error (self, error);
      apply_data_free (data);
      return;
    }
  if (data->dialog != NULL)
    ins_decision_dialog_discard_draft (data->dialog);
  set_last_message (self, done_message (data->action));
  toast (self, done_message (data->action));
  ins_window_reload_affaire (self);
  ins_queue_model_reload (ins_queue_view_get_model (self->queue_view));
  schedule_counts (self);
  if (data->courrier != NULL && !data->then_next)
    ins_window_documents_show_bytes (self, data->action == INS_ACTION_REFUSE ? _("Refusal letter")
                                                                             : _("Letter asking for pieces"),
                                     data->courrier);
  if (data->then_next)
    claim_next (self);
  apply_data_free (data);
}

void
ins_window_apply (InsWindow         *self,
                  InsTransition     *transition,
                  InsDecisionDialog *dialog,
                  gboolean           then_next)
{
  ApplyData *data = g_new0 (ApplyData, 1);

  data->self = g_object_ref (self);
  data->dialog = dialog ? g_object_ref (dialog) : NULL;
  data->action = transition->action;
  data->then_next = then_next;
  data->courrier = transition->courrier ? g_bytes_ref (transition->courrier) : NULL;
  set_busy (self, TRUE);
  ins_store_apply_async (self->store, transition, self->cancellable, apply_done, data);
}

static void
on_dialog_response (InsDecisionDialog *dialog, const char *response, InsWindow *self)
{
  g_autoptr(InsTransition) transition = NULL;
  gboolean then_next = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ins-then-next"));

  if (g_strcmp0 (response, "confirm") != 0 || !ins_decision_dialog_is_complete (dialog))
    return;
  transition = ins_decision_dialog_build_transition (dialog);
  ins_window_prepare_courrier (self, dialog, transition, then_next);
}

static void
open_dialog (InsWindow *self, InsAction action, gboolean then_next)
{
  InsDecisionDialog *dialog;

  if (self->affaire == NULL)
    return;
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);

  dialog = ins_decision_dialog_new (GTK_WINDOW (self), action, self->affaire, self->drafts);
  if (action == INS_ACTION_ACCEPT)
    ins_window_set_reference_rate (self, dialog);
  if (action == INS_ACTION_MARK_INCOMPLETE)
    {
      g_auto(GStrv) missing = ins_affaire_missing_pieces (self->affaire);
      ins_decision_dialog_preset_pieces (dialog, (const char * const *) missing);
    }
  g_object_set_data (G_OBJECT (dialog), "ins-then-next", GINT_TO_POINTER (then_next));
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response), self);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A toast offering to reopen the dialog whose text was kept. */
static void
offer_drafts (InsWindow *self)
{
  static const struct { InsAction action; const char *name; } actions[] = {
    { INS_ACTION_REQUEST_AVIS, "affaire.request-avis" },
    { INS_ACTION_ACCEPT, "affaire.accept" },
    { INS_ACTION_REFUSE, "affaire.refuse" },
    { INS_ACTION_MARK_INCOMPLETE, "affaire.incomplete" },
    { INS_ACTION_CLOSE, "affaire.close" },
    { INS_ACTION_RECORD_AVIS, "affaire.answer-avis" },
    { INS_ACTION_MARK_UNUSABLE, "affaire.mark-unusable" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (ins_drafts_has (self->drafts, self->affaire->id, actions[i].action))
      {
        AdwToast *t = adw_toast_new (_("Unsent text was kept for this affaire"));

        adw_toast_set_button_label (t, _("_Resume"));
        adw_toast_set_action_name (t, actions[i].name);
        adw_toast_set_timeout (t, 0);
        adw_toast_overlay_add_toast (self->toasts, t);
        return;
      }
}

/* Claims --------------------------------------------------------------------- */

static void
claim_next_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  int version = 0;
  gint64 id = ins_store_claim_next_finish (INS_STORE (source), result, &version, &error);

  set_busy (self, FALSE);
  if (error != NULL)
    {
      report_error (self, error);
      return;
    }
  if (id == 0)
    {
      set_last_message (self, _("The queue is empty: no affaire to take"));
      toast (self, self->last_message);
      return;
    }
  set_last_message (self, done_message (INS_ACTION_CLAIM));
  ins_window_layout_show_affaire (self);
  ins_window_show_affaire (self, id);
  ins_queue_model_reload (ins_queue_view_get_model (self->queue_view));
  schedule_counts (self);
}

static void
claim_next (InsWindow *self)
{
  set_busy (self, TRUE);
  ins_store_claim_next_async (self->store, self->cancellable, claim_next_done, g_object_ref (self));
}

static void
claim_shown (InsWindow *self)
{
  g_autoptr(InsTransition) transition = NULL;

  if (self->affaire == NULL)
    return;
  transition = ins_transition_new (INS_ACTION_CLAIM, self->affaire->id, self->affaire->version);
  ins_window_apply (self, transition, NULL, FALSE);
}

static void
on_queue_activated (InsQueueView *view, InsQueueItem *item, InsWindow *self)
{
  ins_window_layout_show_affaire (self);
  if (ins_queue_item_get_id (item) == self->shown_id
      && gtk_widget_is_sensitive (self->claim_next_button)
      && self->affaire != NULL)
    {
      InsAgent *me = agent (self);
      InsAffaireFacts facts;

      ins_affaire_get_facts (self->affaire, me ? me->id : 0, NULL, &facts);
      if (me != NULL && ins_rules_allows (INS_ACTION_CLAIM, me->role, &facts) && !self->busy)
        {
          claim_shown (self);
          return;
        }
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->affaire_panel));
}

/* Actions -------------------------------------------------------------------- */

static void
action_claim_next (GtkWidget *widget, const char *name, GVariant *param)
{
  claim_next (INS_WINDOW (widget));
}

static void
action_claim (GtkWidget *widget, const char *name, GVariant *param)
{
  claim_shown (INS_WINDOW (widget));
}

static void
action_dialog (GtkWidget *widget, const char *name, GVariant *param)
{
  InsWindow *self = INS_WINDOW (widget);
  InsAction action;
  gboolean then_next = FALSE;

  if (g_str_equal (name, "affaire.request-avis"))
    action = INS_ACTION_REQUEST_AVIS;
  else if (g_str_equal (name, "affaire.accept"))
    action = INS_ACTION_ACCEPT;
  else if (g_str_equal (name, "affaire.refuse"))
    action = INS_ACTION_REFUSE;
  else if (g_str_equal (name, "affaire.incomplete"))
    action = INS_ACTION_MARK_INCOMPLETE;
  else if (g_str_equal (name, "affaire.answer-avis"))
    action = INS_ACTION_RECORD_AVIS;
  else if (g_str_equal (name, "affaire.mark-unusable"))
    action = INS_ACTION_MARK_UNUSABLE;
  else if (g_str_equal (name, "affaire.close-next"))
    {
      action = INS_ACTION_CLOSE;
      then_next = TRUE;
    }
  else
    action = INS_ACTION_CLOSE;
  open_dialog (self, action, then_next);
}

static void
action_search (GtkWidget *widget, const char *name, GVariant *param)
{
  InsWindow *self = INS_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
action_refresh (GtkWidget *widget, const char *name, GVariant *param)
{
  InsWindow *self = INS_WINDOW (widget);

  ins_queue_model_reload (ins_queue_view_get_model (self->queue_view));
  ins_window_reload_affaire (self);
  schedule_counts (self);
  if (self->dashboard_view != NULL
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dashboard") == 0)
    ins_dashboard_view_refresh (self->dashboard_view);
}

/* The affaire actions belong to the workspace, not to the dashboard. */
static void
on_main_page (GtkStack *stack, GParamSpec *pspec, InsWindow *self)
{
  gtk_widget_set_visible (self->action_bar,
                          g_strcmp0 (gtk_stack_get_visible_child_name (stack), "dashboard") != 0);
}

static void
action_focus_queue (GtkWidget *widget, const char *name, GVariant *param)
{
  ins_window_layout_show_queue (INS_WINDOW (widget));
  ins_queue_view_focus_list (INS_WINDOW (widget)->queue_view);
}

static void
on_search_changed (GtkSearchEntry *entry, InsWindow *self)
{
  ins_queue_view_set_search (self->queue_view, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search (GtkSearchEntry *entry, InsWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  ins_queue_view_focus_list (self->queue_view);
}

/* Connection ----------------------------------------------------------------- */

static void
enter_mode (InsWindow *self)
{
  InsAgent *me = agent (self);
  g_autofree char *who = NULL;

  self->medecin_mode = me->role == INS_ROLE_MEDECIN_CONSEIL;
  who = g_strdup_printf ("%s — %s", me->display_name, ins_role_label (me->role));
  gtk_label_set_text (self->agent_label, who);
  adw_window_title_set_title (self->title, self->medecin_mode ? _("Medical opinions to give")
                                                                : _("Affaires to process"));

  gtk_widget_set_visible (self->claim_next_button, !self->medecin_mode);
  gtk_widget_set_visible (self->request_avis_button, !self->medecin_mode);
  gtk_widget_set_visible (self->accept_button, !self->medecin_mode);
  gtk_widget_set_visible (self->refuse_button, !self->medecin_mode);
  gtk_widget_set_visible (self->incomplete_button, !self->medecin_mode);
  gtk_widget_set_visible (self->close_button, !self->medecin_mode);
  gtk_widget_set_visible (self->close_next_button, !self->medecin_mode);
  gtk_widget_set_visible (self->answer_avis_button, self->medecin_mode);
  ins_queue_view_set_medecin_mode (self->queue_view, self->medecin_mode);
  if (ins_window_get_document_view (self) != NULL)
    ins_document_view_set_read_only (ins_window_get_document_view (self), self->medecin_mode);

  if (me->role == INS_ROLE_SUPERVISEUR && self->dashboard_view == NULL)
    {
      self->dashboard_view = INS_DASHBOARD_VIEW (ins_dashboard_view_new ());
      gtk_stack_add_titled (self->main_stack, GTK_WIDGET (self->dashboard_view), "dashboard", _("Dashboard"));
      ins_dashboard_view_set_store (self->dashboard_view, self->store);
      gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (self->view_switcher), self->main_stack);
      gtk_widget_set_visible (self->view_switcher, TRUE);
    }
}

static void
become_ready (InsWindow *self)
{
  if (self->ready || agent (self) == NULL)
    return;
  self->ready = TRUE;
  enter_mode (self);
  ins_queue_view_set_store (self->queue_view, self->store);
  /* The model outlives the window while a fetch is in flight. */
  g_signal_connect_object (ins_queue_view_get_model (self->queue_view), "items-changed",
                           G_CALLBACK (on_queue_items_changed), self, 0);
  /* Rows fetched into placeholders change no item. */
  g_signal_connect_object (ins_queue_view_get_model (self->queue_view), "notify::loading",
                           G_CALLBACK (try_pending_select), self, G_CONNECT_SWAPPED);
  update_actions (self);
  schedule_counts (self);
  ins_window_load_organismes (self);
  ins_queue_view_focus_list (self->queue_view);
  /* The médecin-conseil queues no notification and may not read the outbox. */
  if (self->relay_url != NULL && agent (self)->role != INS_ROLE_MEDECIN_CONSEIL)
    ins_window_start_relay (self, ins_store_get_conninfo (self->store), self->relay_url);
}

static void
on_connected (InsStore *store, GParamSpec *pspec, InsWindow *self)
{
  gboolean connected = ins_store_get_connected (store);

  gtk_info_bar_set_revealed (self->connection_bar, !connected);
  if (connected)
    become_ready (self);
  update_actions (self);
}

static void
open_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ins_store_open_finish (INS_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not open the database: %s", error->message);
      set_last_message (self, error->message);
      if (!g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                      _("Cannot open the workspace"),
                                                      error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_OK"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      gtk_info_bar_set_revealed (self->connection_bar, TRUE);
      return;
    }
  gtk_info_bar_set_revealed (self->connection_bar, !ins_store_get_connected (self->store));
  become_ready (self);
}

static void
set_store (InsWindow *self, InsStore *store)
{
  self->store = g_object_ref (store);
  g_signal_connect (store, "notify::connected", G_CALLBACK (on_connected), self);
  g_signal_connect (store, "affaire-changed", G_CALLBACK (on_affaire_changed), self);
  ins_store_open_async (store, self->cancellable, open_done, g_object_ref (self));
  self->lease_source = g_timeout_add_seconds (INS_LEASE_SECONDS / 3, renew_lease, self);
}

/* GObject -------------------------------------------------------------------- */

static void
ins_window_dispose (GObject *object)
{
  InsWindow *self = INS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->count_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->lease_source, g_source_remove);
  cancel_documents_later (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_weak_pointer (&self->dialog);
  if (self->relay != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->relay, self);
      ins_relay_stop (self->relay);
      g_clear_object (&self->relay);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), INS_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->drafts);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->affaire, ins_affaire_unref);
  G_OBJECT_CLASS (ins_window_parent_class)->dispose (object);
}

static void
ins_window_finalize (GObject *object)
{
  InsWindow *self = INS_WINDOW (object);

  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->relay_status, g_free);
  g_clear_pointer (&self->relay_url, g_free);
  g_clear_pointer (&self->last_message, g_free);
  G_OBJECT_CLASS (ins_window_parent_class)->finalize (object);
}

static void
ins_window_class_init (InsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ins_window_dispose;
  object_class->finalize = ins_window_finalize;

  g_type_ensure (INS_TYPE_QUEUE_VIEW);
  g_type_ensure (INS_TYPE_AFFAIRE_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/fr/ameli/Instruction/ui/ins-window.ui");
  gtk_widget_class_bind_template_child (widget_class, InsWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, title);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, agent_label);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, connection_bar);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, queue_view);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, affaire_panel);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, document_slot);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, claim_next_button);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, answer_avis_button);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, request_avis_button);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, accept_button);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, refuse_button);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, incomplete_button);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, close_button);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, close_next_button);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, action_bar);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, relay_box);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, relay_pending_label);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, relay_failed_label);
  gtk_widget_class_bind_template_callback (widget_class, on_main_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_action (widget_class, "affaire.claim-next", NULL, action_claim_next);
  gtk_widget_class_install_action (widget_class, "affaire.claim", NULL, action_claim);
  gtk_widget_class_install_action (widget_class, "affaire.request-avis", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "affaire.accept", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "affaire.refuse", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "affaire.incomplete", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "affaire.close", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "affaire.close-next", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "affaire.answer-avis", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "affaire.mark-unusable", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, action_refresh);
  gtk_widget_class_install_action (widget_class, "win.focus-queue", NULL, action_focus_queue);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "affaire.claim-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "affaire.request-avis", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "affaire.accept", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, 0, "affaire.refuse", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, 0, "affaire.incomplete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "affaire.close-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "affaire.close-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.focus-queue", NULL);

  ins_window_documents_class_init (widget_class);
  ins_window_layout_class_init (widget_class);
}

static void
ins_window_init (InsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->queue_view, "selection-changed", G_CALLBACK (on_queue_selection), self);
  g_signal_connect (self->queue_view, "activated", G_CALLBACK (on_queue_activated), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Parsed once per process on a worker thread, so no lookup waits for it. */
  ins_ecb_rates_get_default_async (NULL, NULL, NULL);
  ins_window_documents_init (self);
  ins_window_layout_init (self);
  update_actions (self);
  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

InsWindow *
ins_window_new_for_conninfo (GtkApplication *application,
                             const char     *conninfo,
                             const char     *drafts_path)
{
  InsWindow *self = g_object_new (INS_TYPE_WINDOW, "application", application, NULL);
  g_autoptr(InsStore) store = ins_store_new (conninfo);

  self->drafts = ins_drafts_new (drafts_path);
  set_store (self, store);
  return self;
}

void
ins_window_use_settings (InsWindow *self, GSettings *settings)
{
  const char *search;

  g_return_if_fail (INS_IS_WINDOW (self));
  if (settings == NULL)
    return;
  ins_window_state_track (GTK_WINDOW (self), settings);
  ins_window_layout_use_settings (self, settings);
  ins_queue_view_set_settings (self->queue_view, settings);
  search = ins_queue_view_get_search (self->queue_view);
  if (search != NULL && *search != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
    }
}

/* $INS_NOTIFY_URL (set by scripts/demo) wins over the preference. */
static char *
notification_url (InsApplication *application)
{
  GSettings *settings = ins_application_get_settings (application);
  const char *env = g_getenv ("INS_NOTIFY_URL");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return settings ? g_settings_get_string (settings, "notification-service-url") : NULL;
}

InsWindow *
ins_window_new (InsApplication *application)
{
  const char *conninfo = ins_application_get_conninfo (application);
  InsWindow *self = ins_window_new_for_conninfo (GTK_APPLICATION (application), conninfo, NULL);
  ins_window_use_settings (self, ins_application_get_settings (application));
  self->relay_url = notification_url (application);
  return self;
}

InsStore *
ins_window_get_store (InsWindow *self)
{
  g_return_val_if_fail (INS_IS_WINDOW (self), NULL);
  return self->store;
}

InsAffaire *
ins_window_get_affaire (InsWindow *self)
{
  g_return_val_if_fail (INS_IS_WINDOW (self), NULL);
  return self->affaire;
}

GtkWindow *
ins_window_get_dialog (InsWindow *self)
{
  g_return_val_if_fail (INS_IS_WINDOW (self), NULL);
  return self->dialog;
}

const char *
ins_window_get_subtitle (InsWindow *self)
{
  g_return_val_if_fail (INS_IS_WINDOW (self), NULL);
  return self->subtitle;
}

gboolean
ins_window_get_connection_lost (InsWindow *self)
{
  g_return_val_if_fail (INS_IS_WINDOW (self), FALSE);
  return gtk_info_bar_get_revealed (self->connection_bar);
}

const char *
ins_window_get_last_message (InsWindow *self)
{
  g_return_val_if_fail (INS_IS_WINDOW (self), NULL);
  return self->last_message;
}

InsQueueView *
ins_window_get_queue_view (InsWindow *self)
{
  return self->queue_view;
}

AdwBin *
ins_window_get_document_slot (InsWindow *self)
{
  return self->document_slot;
}

InsDrafts *
ins_window_get_drafts (InsWindow *self)
{
  return self->drafts;
}

gboolean
ins_window_is_medecin_mode (InsWindow *self)
{
  return self->medecin_mode;
}

gboolean
ins_window_is_busy (InsWindow *self)
{
  return self->busy;
}

gboolean
ins_window_is_loading (InsWindow *self)
{
  return self->loading || self->reload_source != 0 || self->documents_clock != NULL || self->documents_source != 0;
}
