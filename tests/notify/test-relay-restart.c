/* test-relay-restart.c — PostgreSQL restarted while affaires are being closed
 * and notifications sent (suite notify-serial: it cuts every connection of
 * the cluster, so it runs alone). */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "ins-test-db.h"
#include "notify-harness.h"
#include "store/ins-db.h"

#define N_CLOSES 2000

static const char *relay_args[] = {
  "--workers=2", "--batch=20", "--timeout-ms=2000", "--poll-ms=200",
  "--backoff-base-ms=20", "--backoff-cap-ms=400", "--max-attempts=1000", NULL
};

typedef struct {
  GArray *ids;
  int     done;      /* closes attempted to the end, atomic */
  int     closed;
  int     errors;    /* statements lost with the server, retried */
} Closer;

/* Closes every affaire, reconnecting and retrying when the server goes away;
 * a retried close that had committed finds the version moved on. */
static gpointer
close_thread (gpointer data)
{
  Closer *c = data;
  PGconn *conn = ins_test_db_connect ();

  for (guint i = 0; i < c->ids->len; i++)
    {
      for (;;)
        {
          g_autoptr(GError) error = NULL;
          int r = notify_fixture_try_close (conn, g_array_index (c->ids, gint64, i), 1, "acceptation", &error);

          if (r >= 0)
            {
              c->closed += r;
              break;
            }
          c->errors++;
          g_usleep (100 * 1000);
          if (PQstatus (conn) != CONNECTION_OK)
            {
              PQfinish (conn);
              conn = ins_db_connect (ins_test_db_conninfo (), NULL);
              while (conn == NULL || PQstatus (conn) != CONNECTION_OK)
                {
                  g_clear_pointer (&conn, PQfinish);
                  g_usleep (200 * 1000);
                  conn = ins_db_connect (ins_test_db_conninfo (), NULL);
                }
            }
        }
      g_atomic_int_inc (&c->done);
    }
  PQfinish (conn);
  return NULL;
}

static void
restart_postgresql (void)
{
  const char *pgdata = g_getenv ("INS_TEST_PGDATA");
  const char *bin = g_getenv ("INS_TEST_PG_BIN");
  g_autofree char *pg_ctl = g_build_filename (bin, "pg_ctl", NULL);
  g_autofree char *log = g_build_filename (pgdata, "server.log", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) p = NULL;

  if (getuid () == 0)
    {
      g_ptr_array_add (argv, (char *) "runuser");
      g_ptr_array_add (argv, (char *) "-u");
      g_ptr_array_add (argv, (char *) "postgres");
      g_ptr_array_add (argv, (char *) "--");
    }
  g_ptr_array_add (argv, pg_ctl);
  g_ptr_array_add (argv, (char *) "-D");
  g_ptr_array_add (argv, (char *) pgdata);
  g_ptr_array_add (argv, (char *) "-l");
  g_ptr_array_add (argv, log);
  g_ptr_array_add (argv, (char *) "-m");
  g_ptr_array_add (argv, (char *) "fast");
  g_ptr_array_add (argv, (char *) "-w");
  g_ptr_array_add (argv, (char *) "restart");
  g_ptr_array_add (argv, NULL);
  p = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (p, NULL, &error));
  g_assert_no_error (error);
}

typedef struct {
  gint64 expected;
} Expect;

static gboolean
all_delivered (gpointer data)
{
  Expect *e = data;
  g_autoptr(PGconn) conn = ins_db_connect (ins_test_db_conninfo (), NULL);
  g_autoptr(PGresult) res = NULL;

  if (conn == NULL)
    return FALSE;
  res = ins_db_exec (conn, "SELECT count(*) FROM notification_outbox WHERE state = 'delivered'", 0, NULL, NULL);
  return res != NULL && ins_db_get_int64 (res, 0, 0) == e->expected;
}

static gboolean
half_done (gpointer data)
{
  return g_atomic_int_get (&((Closer *) data)->done) >= N_CLOSES / 2;
}

static void
test_restart_mid_run (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ins-notify-XXXXXX", NULL);
  g_autofree char *store = g_build_filename (dir, "sink.jsonl", NULL);
  NotifySink *sink = NULL;
  PGconn *conn;
  GSubprocess *relays[2];
  Closer closer = { 0 };
  Expect expect = { N_CLOSES };
  GThread *thread;

  if (g_getenv ("INS_TEST_PGDATA") == NULL || g_getenv ("INS_TEST_PG_BIN") == NULL)
    {
      g_test_skip ("INS_TEST_PGDATA and INS_TEST_PG_BIN are set by scripts/test");
      return;
    }

  sink = notify_sink_start (store, NULL);
  conn = ins_test_db_connect ();
  closer.ids = notify_fixture_affaires (conn, "SE-2026-R", N_CLOSES, "acceptation");
  PQfinish (conn);

  for (guint i = 0; i < G_N_ELEMENTS (relays); i++)
    relays[i] = notify_relay_spawn (sink->url, relay_args, NULL);
  thread = g_thread_new ("close", close_thread, &closer);
  g_assert_true (notify_wait_until (half_done, &closer, 300));
  restart_postgresql ();
  g_thread_join (thread);
  g_assert_true (notify_wait_until (all_delivered, &expect, 300));

  conn = ins_test_db_connect ();
  {
    g_autoptr(GHashTable) stored = notify_sink_stored_keys (sink);
    g_autoptr(PGresult) res = ins_db_exec (conn, "SELECT idempotency_key FROM notification_outbox", 0, NULL, NULL);

    g_assert_cmpint (notify_query_int (conn, "SELECT count(*) FROM affaire WHERE status = 'cloturee'"), ==, N_CLOSES);
    g_assert_cmpint (notify_query_int (conn, "SELECT count(*) FROM notification_outbox"), ==, N_CLOSES);
    g_assert_cmpint (PQntuples (res), ==, N_CLOSES);
    g_assert_cmpuint (g_hash_table_size (stored), ==, N_CLOSES);
    for (int r = 0; r < PQntuples (res); r++)
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (stored, ins_db_get_string (res, r, 0))), ==, 1);
  }
  g_test_message ("%d closes, %d statements lost with the server and retried", closer.closed, closer.errors);
  PQfinish (conn);

  for (guint i = 0; i < G_N_ELEMENTS (relays); i++)
    {
      notify_relay_kill (relays[i]);
      g_object_unref (relays[i]);
    }
  g_array_unref (closer.ids);
  notify_sink_stop (sink);
  g_remove (store);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/relay-restart/postgresql-restarted-mid-run", test_restart_mid_run);
  return g_test_run ();
}
