/* ins-window.c — the agent's workspace: the window itself, the state its
 * actions are enabled from, the messages it shows, the connection it opens */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/ins-ecb-rates.h"
#include "ins-document-view.h"
#include "ins-paint-memory.h"
#include "ins-preferences-window-state.h"
#include "ins-window-private.h"

G_DEFINE_FINAL_TYPE (InsWindow, ins_window, ADW_TYPE_APPLICATION_WINDOW)

/* State ---------------------------------------------------------------------- */

InsAgent *
ins_window_get_agent (InsWindow *self)
{
  return self->store ? ins_store_get_agent (self->store) : NULL;
}

static void
compute_state (InsWindow *self, InsWorkspaceState *state)
{
  InsAgent *me = ins_window_get_agent (self);

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

void
ins_window_update_actions (InsWindow *self)
{
  InsWorkspaceState state;

  compute_state (self, &state);
  for (guint i = 0; i < INS_WS_N_ACTIONS; i++)
    {
      g_autofree char *name = g_strconcat ("affaire.", ins_workspace_action_name (i), NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, ins_workspace_action_enabled (i, &state));
    }
  ins_window_documents_update_placeholder (self);
}

void
ins_window_set_busy (InsWindow *self, gboolean busy)
{
  self->busy = busy;
  ins_window_update_actions (self);
}

void
ins_window_set_last_message (InsWindow *self, const char *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
}

static AdwToast *
toast (InsWindow *self, const char *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toasts, t);
  return t;
}

/* A new message replaces the one shown: queued behind it, it would come
 * after the affaire it speaks of is gone. */
void
ins_window_show_message (InsWindow *self, const char *message)
{
  ins_window_set_last_message (self, message);
  if (self->message_toast != NULL)
    adw_toast_dismiss (self->message_toast);
  g_set_weak_pointer (&self->message_toast, toast (self, message));
}

void
ins_window_report_error (InsWindow *self, const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ins_window_set_last_message (self, error->message);
  if (g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT)
      || g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_ALLOWED)
      || g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Someone acted on this affaire first"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_Reload"));
      gtk_window_present (GTK_WINDOW (dialog));
      ins_window_reload_affaire (self);
      ins_queue_model_reload (ins_queue_view_get_model (self->queue_view));
      return;
    }
  if (g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION))
    {
      g_set_weak_pointer (&self->connection_toast,
                          toast (self, _("The database cannot be reached: what you typed is kept and "
                                         "nothing was changed.")));
      return;
    }
  toast (self, error->message);
}

/* Connection ----------------------------------------------------------------- */

static void
enter_mode (InsWindow *self)
{
  InsAgent *me = ins_window_get_agent (self);
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
  if (self->ready || ins_window_get_agent (self) == NULL)
    return;
  self->ready = TRUE;
  enter_mode (self);
  ins_queue_view_set_store (self->queue_view, self->store);
  ins_window_affaire_watch_queue (self);
  ins_window_update_actions (self);
  ins_window_schedule_counts (self);
  ins_window_load_organismes (self);
  ins_queue_view_focus_list (self->queue_view);
  /* The médecin-conseil queues no notification and may not read the outbox. */
  if (self->relay_url != NULL && ins_window_get_agent (self)->role != INS_ROLE_MEDECIN_CONSEIL)
    ins_window_start_relay (self, ins_store_get_conninfo (self->store), self->relay_url);
}

static void
on_connected (InsStore *store, GParamSpec *pspec, InsWindow *self)
{
  gboolean connected = ins_store_get_connected (store);

  gtk_info_bar_set_revealed (self->connection_bar, !connected);
  /* Back: what the toast said no longer holds. */
  if (connected && self->connection_toast != NULL)
    adw_toast_dismiss (self->connection_toast);
  if (connected)
    become_ready (self);
  ins_window_update_actions (self);
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
      ins_window_set_last_message (self, error->message);
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
  ins_store_open_async (store, self->cancellable, open_done, g_object_ref (self));
  ins_window_affaire_watch_store (self);
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
  ins_window_documents_cancel_later (self);
  ins_window_layout_dispose (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->connection_toast);
  ins_window_stop_relay (self);
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
  g_clear_weak_pointer (&self->message_toast);
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
  gtk_widget_class_bind_template_child (widget_class, InsWindow, relay_failed_button);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, relay_failed_label);

  ins_window_actions_class_init (widget_class);
  ins_window_header_class_init (widget_class);
  ins_window_documents_class_init (widget_class);
  ins_window_layout_class_init (widget_class);
}

static void
ins_window_init (InsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  ins_window_affaire_init (self);
  ins_window_actions_init (self);
  /* Parsed once per process on a worker thread, so no lookup waits for it. */
  ins_ecb_rates_get_default_async (NULL, NULL, NULL);
  ins_window_documents_init (self);
  ins_window_layout_init (self);
  ins_paint_memory_keep_for (GTK_WINDOW (self));
  ins_window_update_actions (self);
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

InsDrafts *
ins_window_get_drafts (InsWindow *self)
{
  return self->drafts;
}

gboolean
ins_window_is_busy (InsWindow *self)
{
  return self->busy;
}

gboolean
ins_window_is_loading (InsWindow *self)
{
  return self->loading || self->reload_source != 0 || ins_window_documents_pending (self);
}