/* test-workspace-recovery.c — the window while PostgreSQL goes away and comes
 * back: the bar, the actions disabled, nothing half-done, resynchronisation.
 * Stops the test cluster: suite ui-serial, never run alongside others. */
#include "config.h"

#include <unistd.h>

#include "ui/ins-queue-view.h"
#include "ui/ins-window-private.h"
#include "ins-test-db.h"
#include "ui-test-util.h"

static void
pg_ctl (const char *what)
{
  const char *bin = g_getenv ("INS_TEST_PG_BIN");
  const char *data = g_getenv ("INS_TEST_PGDATA");
  g_autofree char *pg_ctl = g_build_filename (bin, "pg_ctl", NULL);
  g_autofree char *log = g_build_filename (data, "server.log", NULL);
  const char *as_root[] = { "runuser", "-u", "postgres", "--", pg_ctl, "-D", data, "-l", log,
                            "-m", "fast", "-w", "-t", "60", what, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  /* PostgreSQL refuses root: as root, the cluster's owner runs pg_ctl. */
  g_spawn_sync (NULL, (char **) (getuid () == 0 ? as_root : as_root + 4), NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
connection_lost (gpointer data)
{
  return ins_window_get_connection_lost (data);
}

static gboolean
connection_back (gpointer data)
{
  return !ins_window_get_connection_lost (data) && ins_store_get_connected (ins_window_get_store (data));
}

static gboolean
button_sensitive (GtkWidget *window, const char *id)
{
  GObject *button = gtk_widget_get_template_child (window, INS_TYPE_WINDOW, id);

  return gtk_widget_is_sensitive (GTK_WIDGET (button));
}

static gboolean
actions_off (gpointer data)
{
  return ins_window_get_connection_lost (data)
         && !button_sensitive (data, "claim_next_button") && !button_sensitive (data, "refuse_button");
}

static gboolean
connection_toast_gone (gpointer data)
{
  return ((InsWindow *) data)->connection_toast == NULL;
}

static void
test_recovers_after_restart (void)
{
  InsWindow *window;
  InsQueueModel *model;
  g_autofree char *id_text = NULL;
  g_autofree char *status = NULL;
  gint64 id;

  if (g_getenv ("INS_TEST_PGDATA") == NULL || g_getenv ("INS_TEST_PG_BIN") == NULL)
    {
      g_test_skip ("needs INS_TEST_PGDATA and INS_TEST_PG_BIN (scripts/test)");
      return;
    }

  window = ui_test_window_new ("ui_marie");
  model = ins_queue_view_get_model (ins_window_get_queue_view (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "affaire.claim-next", NULL);
  ui_test_settle (window);
  id = ins_window_get_affaire (window)->id;
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_true (button_sensitive (GTK_WIDGET (window), "refuse_button"));

  /* The server goes away: the bar shows, every action is off. */
  pg_ctl ("stop");
  ui_test_wait (connection_lost, window, "the connection bar");
  ui_test_wait (actions_off, window, "the actions to be disabled");
  g_assert_false (button_sensitive (GTK_WIDGET (window), "claim_next_button"));
  g_assert_false (button_sensitive (GTK_WIDGET (window), "refuse_button"));
  g_assert_false (ins_window_action_enabled (window, INS_WS_CLOSE));
  /* What is shown stays shown. */
  g_assert_nonnull (ins_window_get_affaire (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  ui_test_screenshot (GTK_WIDGET (window), "20-connection-lost");

  /* Meanwhile the world moved on (another agent, while this window was cut off). */
  pg_ctl ("start");
  ui_test_reconnect_admin ();
  ui_test_sql_run ("UPDATE affaire SET priority = 9 WHERE numero = $1", "SE-2026-0000199");

  /* Back by itself: actions on again, the queue and the affaire resynchronised. */
  ui_test_wait (connection_back, window, "the reconnection");
  ui_test_settle (window);
  g_assert_true (button_sensitive (GTK_WIDGET (window), "refuse_button"));
  g_assert_true (button_sensitive (GTK_WIDGET (window), "claim_next_button"));
  status = ui_test_affaire_status (id);
  g_assert_cmpstr (status, ==, "en_cours");   /* nothing half-done */
  {
    InsQueueItem *first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpstr (ins_queue_item_get_numero (first), ==, "SE-2026-0000199");
    g_object_unref (first);
  }
  /* The toast that said the database could not be reached is gone too. */
  ui_test_wait (connection_toast_gone, window, "the connection toast to go");
  ui_test_screenshot (GTK_WIDGET (window), "21-connection-back");

  /* And it works: the affaire can be released, then taken again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "affaire.claim-next", NULL);
  ui_test_settle (window);
  g_assert_cmpstr (ins_window_get_affaire (window)->numero, ==, "SE-2026-0000199");
  g_assert_cmpint (ui_test_history_count (ins_window_get_affaire (window)->id, "claim"), ==, 1);
  ui_test_window_close (window);
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/workspace/recovers-after-postgresql-restart", test_recovers_after_restart);
  return g_test_run ();
}
