/* test-workspace-relay.c — the window runs the notification relay: real
 * outbox rows, the real instruction-notify-sink, the counts in the header;
 * failures only for the superviseur, who can send them again */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "notify/ins-relay.h"
#include "ui/ins-window-private.h"
#include "ins-test-db.h"
#include "notify/notify-harness.h"
#include "ui-test-util.h"

typedef struct {
  InsWindow  *window;
  const char *expected;
} StatusWait;

static gboolean
status_is (gpointer data)
{
  StatusWait *w = data;

  return g_strcmp0 (ins_window_get_relay_status (w->window), w->expected) == 0;
}

static gboolean
drained_and_status_is (gpointer data)
{
  return ui_test_sql_int ("SELECT count(*) FROM notification_outbox WHERE state::text = $1", "pending") == 0
         && status_is (data);
}

static void
test_relay_counts_and_delivery (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ins-ui-relay-XXXXXX", NULL);
  g_autofree char *store_path = g_build_filename (dir, "sink.jsonl", NULL);
  InsWindow *window = ui_test_window_new ("ui_marie");
  PGconn *admin = ui_test_admin ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(InsRelay) relay = NULL;
  NotifySink *sink;
  gint64 pending, failed;
  StatusWait w = { window, NULL };
  g_autofree char *none_pending = g_strdup (_("No notifications pending"));
  g_autofree char *one_failed = g_strdup_printf (_("%s failed"), "1");
  g_autofree char *none_pending_one_failed = g_strdup_printf ("%s · %s", none_pending, one_failed);
  g_autofree char *failed_label = g_strdup_printf ("· %s", one_failed);

  /* Without a URL nothing runs and nothing shows. */
  ins_window_start_relay (window, ins_test_db_conninfo (), NULL);
  g_assert_null (ins_window_get_relay (window));
  g_assert_null (ins_window_get_relay_status (window));

  notify_fixture_organisme (admin);
  ids = notify_fixture_affaires (admin, "SE-2026-R", 4, "refus");
  notify_fixture_close_all (admin, ids, "refus");
  ui_test_sql_run ("UPDATE notification_outbox SET state = 'failed', last_error = 'test'"
                   " WHERE id = (SELECT min(id) FROM notification_outbox WHERE state = 'pending'"
                   "              AND affaire_id IN (SELECT id FROM affaire WHERE numero LIKE $1))",
                   "SE-2026-R%");
  pending = ui_test_sql_int ("SELECT count(*) FROM notification_outbox WHERE state::text = $1", "pending");
  failed = ui_test_sql_int ("SELECT count(*) FROM notification_outbox WHERE state::text = $1", "failed");
  g_assert_cmpint (pending, >=, 3);
  g_assert_cmpint (failed, ==, 1);

  /* The relay sends every pending row to the sink. What failed stays, but
   * an instructeur cannot send it again: it is not shown to her, nor is an
   * empty outbox. */
  sink = notify_sink_start (store_path, NULL);
  ins_window_start_relay (window, ins_test_db_conninfo (), sink->url);
  relay = g_object_ref (ins_window_get_relay (window));
  g_assert_true (ins_relay_is_running (relay));
  w.expected = NULL;
  ui_test_wait (drained_and_status_is, &w, "the relay to drain the outbox");
  g_assert_false (gtk_widget_get_visible (window->relay_box));
  g_assert_false (gtk_widget_get_visible (window->relay_failed_button));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-failed-notifications", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), !=, "dashboard");
  ui_test_screenshot (GTK_WIDGET (window), "relay-counts-instructeur");
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM notification_outbox WHERE state::text = $1",
                                    "delivered"), ==, pending);
  keys = notify_sink_stored_keys (sink);
  g_assert_cmpuint (g_hash_table_size (keys), ==, pending);
  ui_test_window_close (window);
  g_assert_false (ins_relay_is_running (relay));
  g_clear_object (&relay);

  /* The superviseur sees the failure, in words and in the error colour, and
   * it leads to the dashboard's table where it can be sent again. */
  window = ui_test_window_new ("ui_sophie");
  w.window = window;
  ins_window_start_relay (window, ins_test_db_conninfo (), sink->url);
  relay = g_object_ref (ins_window_get_relay (window));
  w.expected = none_pending_one_failed;
  ui_test_wait (status_is, &w, "the superviseur's relay counts");
  g_assert_true (gtk_widget_get_visible (window->relay_box));
  g_assert_true (gtk_widget_get_visible (window->relay_failed_button));
  g_assert_cmpstr (gtk_label_get_text (window->relay_failed_label), ==, failed_label);
  ui_test_screenshot (GTK_WIDGET (window), "relay-counts");
  g_signal_emit_by_name (window->relay_failed_button, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "dashboard");
  g_assert_cmpint (ins_dashboard_view_get_visible_table (window->dashboard_view), ==, INS_DASHBOARD_FAILED);

  /* A row a supervisor sends again counts as pending, then is delivered. */
  ui_test_sql_run ("UPDATE notification_outbox SET state = 'pending', attempts = 0,"
                   " next_attempt_at = now() WHERE state::text = $1", "failed");
  w.expected = none_pending;
  ui_test_wait (status_is, &w, "the retried row to be delivered");
  g_assert_false (gtk_widget_get_visible (window->relay_failed_button));
  g_clear_pointer (&keys, g_hash_table_unref);
  keys = notify_sink_stored_keys (sink);
  g_assert_cmpuint (g_hash_table_size (keys), ==, pending + 1);

  /* Closing the window stops the relay cleanly. */
  ui_test_window_close (window);
  g_assert_false (ins_relay_is_running (relay));
  notify_sink_stop (sink);
  g_unlink (store_path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);
  ui_test_sql_run ("SELECT ins_create_agent($1, 'Sophie Leroy', 'superviseur', 'CPAM-40')", "ui_sophie");
  g_test_add_func ("/workspace/relay-counts-and-delivery", test_relay_counts_and_delivery);
  return g_test_run ();
}
