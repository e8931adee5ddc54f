/* ins-window-actions.c — the affaire's actions (claims, the decision dialogs
 * and the transitions they send) and the window's own (search, refresh) */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "ins-affaire-hints.h"
#include "ins-window-private.h"

static void claim_next (InsWindow *self);

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

  ins_window_set_busy (self, FALSE);
  if (!ins_store_apply_finish (INS_STORE (source), result, NULL, &error))
    {
      ins_window_report_error (self, error);
      apply_data_free (data);
      return;
    }
  if (data->dialog != NULL)
    ins_decision_dialog_discard_draft (data->dialog);
  ins_window_show_message (self, done_message (data->action));
  ins_window_reload_affaire (self);
  ins_queue_model_reload (ins_queue_view_get_model (self->queue_view));
  ins_window_schedule_counts (self);
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
  ins_window_set_busy (self, TRUE);
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

/* The window actions that open a decision dialog, and its transition. */
static const struct { InsAction action; const char *name; } dialog_actions[] = {
  { INS_ACTION_REQUEST_AVIS, "affaire.request-avis" },
  { INS_ACTION_ACCEPT, "affaire.accept" },
  { INS_ACTION_REFUSE, "affaire.refuse" },
  { INS_ACTION_MARK_INCOMPLETE, "affaire.incomplete" },
  { INS_ACTION_CLOSE, "affaire.close" },
  { INS_ACTION_RECORD_AVIS, "affaire.answer-avis" },
  { INS_ACTION_MARK_UNUSABLE, "affaire.mark-unusable" },
};

void
ins_window_offer_drafts (InsWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (dialog_actions); i++)
    if (ins_drafts_has (self->drafts, self->affaire->id, dialog_actions[i].action))
      {
        AdwToast *t = adw_toast_new (_("Unsent text was kept for this affaire"));

        adw_toast_set_button_label (t, _("_Resume"));
        adw_toast_set_action_name (t, dialog_actions[i].name);
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

  ins_window_set_busy (self, FALSE);
  if (error != NULL)
    {
      ins_window_report_error (self, error);
      return;
    }
  if (id == 0)
    {
      ins_window_show_message (self, _("The queue is empty: no affaire to take"));
      return;
    }
  ins_window_set_last_message (self, done_message (INS_ACTION_CLAIM));
  ins_window_layout_show_affaire (self);
  ins_window_show_affaire (self, id);
  ins_queue_model_reload (ins_queue_view_get_model (self->queue_view));
  ins_window_schedule_counts (self);
}

static void
claim_next (InsWindow *self)
{
  ins_window_set_busy (self, TRUE);
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
      InsAgent *me = ins_window_get_agent (self);
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
  InsAction action = INS_ACTION_CLOSE;   /* affaire.close and affaire.close-next */

  for (guint i = 0; i < G_N_ELEMENTS (dialog_actions); i++)
    if (g_str_equal (name, dialog_actions[i].name))
      action = dialog_actions[i].action;
  open_dialog (self, action, g_str_equal (name, "affaire.close-next"));
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
  ins_window_schedule_counts (self);
  if (self->dashboard_view != NULL
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dashboard") == 0)
    ins_dashboard_view_refresh (self->dashboard_view);
}

/* The affaire actions belong to the workspace, not to the dashboard; the
 * title says which one is shown. */
static void
on_main_page (GtkStack *stack, GParamSpec *pspec, InsWindow *self)
{
  gboolean dashboard = g_strcmp0 (gtk_stack_get_visible_child_name (stack), "dashboard") == 0;

  gtk_widget_set_visible (self->action_bar, !dashboard);
  adw_window_title_set_title (self->title, dashboard ? _("Dashboard")
                                           : self->medecin_mode ? _("Medical opinions to give")
                                           : _("Affaires to process"));
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

/* What is searched is the queue: it comes back if the affaire had taken its room. */
static void
on_search_mode (InsWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    ins_window_layout_show_queue (self);
}

static void
on_stop_search (GtkSearchEntry *entry, InsWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  ins_queue_view_focus_list (self->queue_view);
}

/* Down or Entrée in the search goes on to the results, not to the filters below. */
static gboolean
search_to_results (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  InsWindow *self = INS_WINDOW (gtk_widget_get_ancestor (widget, INS_TYPE_WINDOW));

  ins_queue_view_focus_list (self->queue_view);
  return TRUE;
}

static void
on_search_activate (GtkSearchEntry *entry, InsWindow *self)
{
  ins_queue_view_focus_list (self->queue_view);
}

void
ins_window_actions_class_init (GtkWidgetClass *widget_class)
{
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
}

void
ins_window_actions_init (InsWindow *self)
{
  g_signal_connect (self->queue_view, "activated", G_CALLBACK (on_queue_activated), self);
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcutAction *to_results = gtk_callback_action_new (search_to_results, NULL, NULL);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Down, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Down, 0)),
                                                          to_results));
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode), self);
}
