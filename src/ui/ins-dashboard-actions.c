/* ins-dashboard-actions.c — release, reassign, transfer, send again: each
 * confirmed in a small dialog, then sent through the store */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "store/ins-workload-store.h"
#include "ins-dashboard-dialogs.h"
#include "ins-dashboard-private.h"

gboolean
ins_dashboard_affaire_allows (const InsWorkloadAffaire *affaire,
                              InsAction                 action,
                              GDateTime                *now)
{
  InsAffaireFacts facts = { 0, };

  facts.kind = affaire->kind;
  facts.status = affaire->status;
  facts.lease_stale = affaire->lease_until != NULL && now != NULL
                      && g_date_time_compare (affaire->lease_until, now) <= 0;
  return ins_rules_allows (action, INS_ROLE_SUPERVISEUR, &facts);
}

/* What a pending action needs once confirmed. */
typedef struct {
  InsDashboardView *self;
  InsAction         action;
  gint64            id;
  int               version;
  GPtrArray        *targets;   /* InsAgent* or InsOrganisme*, in the dialog's order */
} Pending;

static void
pending_free (Pending *p)
{
  g_clear_object (&p->self);
  g_clear_pointer (&p->targets, g_ptr_array_unref);
  g_free (p);
}

static Pending *
pending_new (InsDashboardView *self, InsAction action, gint64 id, int version)
{
  Pending *p = g_new0 (Pending, 1);

  p->self = g_object_ref (self);
  p->action = action;
  p->id = id;
  p->version = version;
  return p;
}

static const char *
done_message (InsAction action)
{
  switch (action)
    {
    case INS_ACTION_RELEASE:
      return _("The affaire is back in the queue");
    case INS_ACTION_REASSIGN:
      return _("The affaire was reassigned");
    case INS_ACTION_TRANSFER:
      return _("The affaire was transferred");
    default:
      return _("Done");
    }
}

static void
apply_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Pending *p = user_data;
  g_autoptr(GError) error = NULL;

  if (!ins_store_apply_finish (INS_STORE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ins_dashboard_view_show_message (p->self, error->message);
    }
  else
    ins_dashboard_view_show_message (p->self, done_message (p->action));
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ins_dashboard_view_refresh (p->self);
  pending_free (p);
}

static void
retry_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Pending *p = user_data;
  g_autoptr(GError) error = NULL;

  if (!ins_workload_store_retry_notification_finish (INS_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ins_dashboard_view_show_message (p->self, error->message);
    }
  else
    ins_dashboard_view_show_message (p->self, _("The notification will be sent again"));
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ins_dashboard_view_refresh (p->self);
  pending_free (p);
}

static void
on_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  Pending *p = g_object_steal_data (G_OBJECT (dialog), "ins-pending");
  InsStore *store;
  GCancellable *cancellable;
  g_autoptr(InsTransition) t = NULL;

  (void) user_data;
  if (p == NULL)
    return;
  if (ins_dashboard_view_get_dialog (p->self) == dialog)
    ins_dashboard_view_set_dialog (p->self, NULL);
  store = ins_dashboard_view_get_store (p->self);
  cancellable = ins_dashboard_view_get_cancellable (p->self);
  if (g_strcmp0 (response, "confirm") != 0 || store == NULL)
    {
      pending_free (p);
      return;
    }
  if (p->action == INS_N_ACTIONS)
    {
      ins_workload_store_retry_notification_async (store, p->id, cancellable, retry_done, p);
      return;
    }

  t = ins_transition_new (p->action, p->id, p->version);
  if (p->action == INS_ACTION_REASSIGN || p->action == INS_ACTION_TRANSFER)
    {
      guint choice = ins_dashboard_dialog_get_choice (dialog);

      if (choice == GTK_INVALID_LIST_POSITION || choice >= p->targets->len)
        {
          pending_free (p);
          return;
        }
      if (p->action == INS_ACTION_REASSIGN)
        t->target_agent_id = ((InsAgent *) g_ptr_array_index (p->targets, choice))->id;
      else
        t->target_organisme_id = ((InsOrganisme *) g_ptr_array_index (p->targets, choice))->id;
    }
  if (*ins_dashboard_dialog_get_comment (dialog) != '\0')
    t->comment = g_strdup (ins_dashboard_dialog_get_comment (dialog));
  ins_store_apply_async (store, t, cancellable, apply_done, p);
}

static void
present (InsDashboardView *self, AdwMessageDialog *dialog, Pending *p)
{
  /* Freed with the dialog unless a response takes it. */
  g_object_set_data_full (G_OBJECT (dialog), "ins-pending", p, (GDestroyNotify) pending_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  ins_dashboard_view_set_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Release -------------------------------------------------------------------- */

static void
action_release (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDashboardView *self = INS_DASHBOARD_VIEW (widget);
  InsWorkloadAffaire *a = ins_dashboard_view_find_affaire (self, g_variant_get_int64 (param));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  (void) name;
  if (a == NULL)
    return;
  heading = g_strdup_printf (_("Put %s back in the queue?"), a->numero);
  body = g_strdup_printf (_("%s will no longer hold it; what they have not saved is lost."),
                          a->assignee_name ? a->assignee_name : _("The agent"));
  present (self, ins_dashboard_dialog_confirm (widget, heading, body, _("_Release"), TRUE),
           pending_new (self, INS_ACTION_RELEASE, a->id, a->version));
}

/* Reassign and transfer: the choices are loaded first ---------------------- */

static void
agents_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Pending *p = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agents = ins_store_agents_finish (INS_STORE (source), result, &error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) choices = NULL;
  InsWorkloadAffaire *a = ins_dashboard_view_find_affaire (p->self, p->id);
  g_autofree char *heading = NULL;

  if (agents == NULL || a == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ins_dashboard_view_show_message (p->self, error->message);
      pending_free (p);
      return;
    }
  p->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_agent_unref);
  for (guint i = 0; i < agents->len; i++)
    {
      InsAgent *agent = g_ptr_array_index (agents, i);

      if (agent->role != INS_ROLE_INSTRUCTEUR || !agent->active || agent->id == a->assignee_id)
        continue;
      g_ptr_array_add (p->targets, ins_agent_ref (agent));
      g_strv_builder_add (names, agent->display_name);
    }
  choices = g_strv_builder_end (names);
  heading = g_strdup_printf (_("Reassign %s"), a->numero);
  present (p->self,
           ins_dashboard_dialog_choose (GTK_WIDGET (p->self), heading,
                                        _("The agent you choose holds the affaire from now on."),
                                        _("_Case worker"), (const char * const *) choices,
                                        _("_Reassign"), TRUE),
           p);
}

static void
action_reassign (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDashboardView *self = INS_DASHBOARD_VIEW (widget);
  InsWorkloadAffaire *a = ins_dashboard_view_find_affaire (self, g_variant_get_int64 (param));
  InsStore *store = ins_dashboard_view_get_store (self);
  InsAgent *me = store ? ins_store_get_agent (store) : NULL;

  (void) name;
  if (a == NULL || me == NULL)
    return;
  ins_store_agents_async (store, me->organisme_id, ins_dashboard_view_get_cancellable (self), agents_done,
                          pending_new (self, INS_ACTION_REASSIGN, a->id, a->version));
}

static void
organismes_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Pending *p = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organismes = ins_store_organismes_finish (INS_STORE (source), result, &error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) choices = NULL;
  InsWorkloadAffaire *a = ins_dashboard_view_find_affaire (p->self, p->id);
  InsAgent *me = ins_store_get_agent (INS_STORE (source));
  g_autofree char *heading = NULL;

  if (organismes == NULL || a == NULL || me == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ins_dashboard_view_show_message (p->self, error->message);
      pending_free (p);
      return;
    }
  p->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_organisme_unref);
  for (guint i = 0; i < organismes->len; i++)
    {
      InsOrganisme *o = g_ptr_array_index (organismes, i);

      if (o->id == me->organisme_id)
        continue;
      g_ptr_array_add (p->targets, ins_organisme_ref (o));
      g_strv_builder_add (names, o->name);
    }
  choices = g_strv_builder_end (names);
  heading = g_strdup_printf (_("Transfer %s"), a->numero);
  present (p->self,
           ins_dashboard_dialog_choose (GTK_WIDGET (p->self), heading,
                                        _("The affaire goes back to the queue of the organisme you choose "
                                          "and leaves yours."),
                                        _("_Organisme"), (const char * const *) choices,
                                        _("_Transfer"), TRUE),
           p);
}

static void
action_transfer (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDashboardView *self = INS_DASHBOARD_VIEW (widget);
  InsWorkloadAffaire *a = ins_dashboard_view_find_affaire (self, g_variant_get_int64 (param));
  InsStore *store = ins_dashboard_view_get_store (self);

  (void) name;
  if (a == NULL || store == NULL)
    return;
  ins_store_organismes_async (store, ins_dashboard_view_get_cancellable (self), organismes_done,
                              pending_new (self, INS_ACTION_TRANSFER, a->id, a->version));
}

/* Send again ----------------------------------------------------------------- */

static void
action_retry (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDashboardView *self = INS_DASHBOARD_VIEW (widget);
  InsWorkloadNotification *n = ins_dashboard_view_find_notification (self, g_variant_get_int64 (param));
  g_autofree char *heading = NULL;

  (void) name;
  if (n == NULL)
    return;
  heading = g_strdup_printf (_("Send the notification of %s again?"), n->numero);
  /* INS_N_ACTIONS marks the retry, which is not a transition. */
  present (self,
           ins_dashboard_dialog_confirm (widget, heading,
                                         _("It goes back to the notifications to send; the insured person "
                                           "receives it once, even if an earlier attempt got through."),
                                         _("_Send Again"), FALSE),
           pending_new (self, INS_N_ACTIONS, n->id, 0));
}

void
ins_dashboard_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dashboard.release", "x", action_release);
  gtk_widget_class_install_action (widget_class, "dashboard.reassign", "x", action_reassign);
  gtk_widget_class_install_action (widget_class, "dashboard.transfer", "x", action_transfer);
  gtk_widget_class_install_action (widget_class, "dashboard.retry", "x", action_retry);
}
