/* ins-window-header.c — what the header bar tells besides the title: the
 * queue's counts in the subtitle, the notifications the relay still has to send */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-format.h"
#include "ins-window-private.h"

#define COUNT_DELAY_MS 700


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

void
ins_window_schedule_counts (InsWindow *self)
{
  if (self->count_source == 0)
    self->count_source = g_timeout_add (COUNT_DELAY_MS, refresh_counts, self);
}

/* Notifications the relay still has to send ------------------------------- */

/* Only a superviseur can send a failed notification again: the others are
 * not told of failures they cannot act on. */
static gboolean
sees_failures (InsWindow *self)
{
  InsAgent *me = ins_window_get_agent (self);

  return me != NULL && me->role == INS_ROLE_SUPERVISEUR && self->dashboard_view != NULL;
}

static void
on_relay_counts (InsRelay *relay, gint64 pending, gint64 failed, InsWindow *self)
{
  g_autofree char *p = ins_format_integer (pending);
  g_autofree char *f = ins_format_integer (failed);
  g_autofree char *pending_text = NULL;
  g_autofree char *failed_text = NULL;
  g_autofree char *shown = NULL;
  gboolean show_failed = failed > 0 && sees_failures (self);

  if (pending == 0)
    pending_text = g_strdup (_("No notifications pending"));
  else if (pending == 1)
    pending_text = g_strdup (_("1 notification pending"));
  else
    pending_text = g_strdup_printf (_("%s notifications pending"), p);
  /* TRANSLATORS: notifications the relay gave up on, after the pending count */
  failed_text = g_strdup_printf (_("%s failed"), f);
  gtk_label_set_text (self->relay_pending_label, pending_text);
  shown = g_strdup_printf ("· %s", failed_text);
  gtk_label_set_text (self->relay_failed_label, shown);
  gtk_widget_set_visible (self->relay_failed_button, show_failed);
  g_free (self->relay_status);
  self->relay_status = show_failed ? g_strdup_printf ("%s · %s", pending_text, failed_text)
                                   : g_strdup (pending_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->relay_pending_label), pending_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->relay_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->relay_status, -1);
  if (show_failed)
    {
      g_autofree char *a11y = g_strdup_printf (_("%s: show them on the dashboard"), failed_text);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->relay_failed_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
    }
  /* An agent is told of notifications still to leave, not of an empty outbox;
   * the superviseur watches the relay all day. */
  gtk_widget_set_visible (self->relay_box, pending > 0 || show_failed || sees_failures (self));
}

static void
action_show_failed (GtkWidget *widget, const char *name, GVariant *param)
{
  InsWindow *self = INS_WINDOW (widget);

  if (!sees_failures (self))
    return;
  gtk_stack_set_visible_child_name (self->main_stack, "dashboard");
  ins_dashboard_view_show_table (self->dashboard_view, INS_DASHBOARD_FAILED);
}

void
ins_window_header_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-failed-notifications", NULL, action_show_failed);
}

void
ins_window_stop_relay (InsWindow *self)
{
  if (self->relay == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->relay, self);
  ins_relay_stop (self->relay);
  g_clear_object (&self->relay);
}

void
ins_window_start_relay (InsWindow  *self,
                        const char *conninfo,
                        const char *url)
{
  g_return_if_fail (INS_IS_WINDOW (self));

  ins_window_stop_relay (self);
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