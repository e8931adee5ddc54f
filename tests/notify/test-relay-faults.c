/* test-relay-faults.c — exactly one notification per close, whatever breaks
 *
 * Real instruction-relay processes against the real instruction-notify-sink
 * and the test database: relays killed (SIGKILL) before and after their POST
 * and from outside, the sink answering 500, too late, or dropping the
 * connection after it stored; the same close sent by two clients at once; a
 * lease that expires during a slow POST; several relays on the same rows.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "ins-test-db.h"
#include "notify-harness.h"
#include "store/ins-db.h"

#define N_CLOSES 2000

/* Relay options making retries quick enough for a test. */
static const char *fast_args[] = {
  "--workers=2", "--batch=20", "--timeout-ms=1000", "--lease-ms=4000", "--poll-ms=200",
  "--backoff-base-ms=20", "--backoff-cap-ms=400", "--max-attempts=1000", NULL
};

typedef struct {
  const char *kind;
  GArray     *ids;
  int         closed;   /* successful closes, both clients together */
  int         lost;     /* closes refused: the other client closed first */
} Closer;

static gpointer
close_thread (gpointer data)
{
  Closer *c = data;
  g_autoptr(PGconn) conn = ins_test_db_connect ();

  for (guint i = 0; i < c->ids->len; i++)
    {
      if (notify_fixture_close (conn, g_array_index (c->ids, gint64, i), 1, c->kind))
        g_atomic_int_inc (&c->closed);
      else
        g_atomic_int_inc (&c->lost);
    }
  return NULL;
}

/* Every affaire is closed by two clients at once; one of them wins. */
static void
close_twice (GArray *ids, const char *kind, int *closed, int *lost)
{
  Closer c = { kind, ids, 0, 0 };
  GThread *a = g_thread_new ("close-a", close_thread, &c);
  GThread *b = g_thread_new ("close-b", close_thread, &c);

  g_thread_join (a);
  g_thread_join (b);
  *closed += c.closed;
  *lost += c.lost;
}

typedef struct {
  PGconn *conn;
  gint64  expected;
} Outbox;

static gboolean
all_delivered (gpointer data)
{
  Outbox *o = data;

  return notify_query_int (o->conn, "SELECT count(*) FROM notification_outbox WHERE state = 'delivered'")
         == o->expected;
}

static gboolean
sink_idle (gpointer data)
{
  return notify_sink_stat (data, "in_flight") == 0;
}

/* Every outbox row delivered, its key stored exactly once at the sink, and
 * nothing else stored. */
static void
assert_exactly_once (PGconn *conn, NotifySink *sink, gint64 expected)
{
  g_autoptr(GHashTable) stored = notify_sink_stored_keys (sink);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;

  g_assert_cmpint (notify_query_int (conn, "SELECT count(*) FROM notification_outbox"), ==, expected);
  g_assert_cmpint (notify_query_int (conn, "SELECT count(DISTINCT affaire_id) FROM notification_outbox"), ==, expected);
  g_assert_cmpint (notify_query_int (conn, "SELECT count(*) FROM notification_outbox WHERE state <> 'delivered'"), ==, 0);

  res = ins_db_exec (conn, "SELECT idempotency_key FROM notification_outbox", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (stored), ==, (guint) expected);
  for (int r = 0; r < PQntuples (res); r++)
    g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (stored, ins_db_get_string (res, r, 0))), ==, 1);
}

typedef struct {
  GSubprocess *process;
  const char  *fault;
} Relay;

/* Restarts the relays that died (killed by their own fault hook). */
static void
respawn_dead (Relay *relays, guint n, const char *url, int *self_kills)
{
  for (guint i = 0; i < n; i++)
    {
      GSubprocess *p = relays[i].process;

      if (g_subprocess_get_identifier (p) != NULL)
        continue;
      if (g_subprocess_get_if_signaled (p) && g_subprocess_get_term_sig (p) == SIGKILL)
        (*self_kills)++;
      g_object_unref (p);
      relays[i].process = notify_relay_spawn (url, fast_args, relays[i].fault);
    }
}

static void
test_chaos (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ins-notify-XXXXXX", NULL);
  g_autofree char *store = g_build_filename (dir, "sink.jsonl", NULL);
  const char *sink_args[] = { "--fail-rate=0.08", "--drop-rate=0.04", "--delay-ms=1500",
                              "--delay-rate=0.01", NULL };
  NotifySink *sink = notify_sink_start (store, sink_args);
  g_autoptr(PGconn) conn = ins_test_db_connect ();
  Relay relays[] = {
    { NULL, "kill-before-post-nth=40,kill-before-post=0.002" },
    { NULL, "kill-after-post-nth=40,kill-after-post=0.002" },
    { NULL, NULL },
  };
  const char *kinds[] = { "acceptation", "refus", "pieces_manquantes", "oc_activee" };
  const int shares[] = { 1700, 100, 100, 100 };
  Outbox outbox = { conn, N_CLOSES };
  int closed = 0, lost = 0, external_kills = 0, self_kills = 0, slices = 0;
  GArray *batches[G_N_ELEMENTS (kinds)];

  ins_test_db_truncate (conn);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    batches[k] = notify_fixture_affaires (conn, "SE-2026-C", shares[k], kinds[k]);

  for (guint i = 0; i < G_N_ELEMENTS (relays); i++)
    relays[i].process = notify_relay_spawn (sink->url, fast_args, relays[i].fault);

  /* Closes arrive by slices while the relays work and die; one relay is
   * killed from outside after every third slice. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      for (guint from = 0; from < batches[k]->len; from += 100)
        {
          g_autoptr(GArray) slice = g_array_new (FALSE, FALSE, sizeof (gint64));

          g_array_append_vals (slice, &g_array_index (batches[k], gint64, from),
                               MIN (100, batches[k]->len - from));
          close_twice (slice, kinds[k], &closed, &lost);
          if (++slices % 3 == 0)
            {
              Relay *victim = &relays[slices % G_N_ELEMENTS (relays)];

              notify_relay_kill (victim->process);
              g_clear_object (&victim->process);
              victim->process = notify_relay_spawn (sink->url, fast_args, victim->fault);
              external_kills++;
            }
          respawn_dead (relays, G_N_ELEMENTS (relays), sink->url, &self_kills);
        }
      g_array_unref (batches[k]);
    }
  g_assert_cmpint (closed, ==, N_CLOSES);
  g_assert_cmpint (lost, ==, N_CLOSES);

  /* Keep the self-killing relays alive until most is delivered. */
  for (int round = 0; round < 600; round++)
    {
      gint64 delivered = notify_query_int (conn, "SELECT count(*) FROM notification_outbox WHERE state = 'delivered'");

      if (delivered >= N_CLOSES * 9 / 10)
        break;
      respawn_dead (relays, G_N_ELEMENTS (relays), sink->url, &self_kills);
      g_usleep (200 * 1000);
    }

  /* The storm ends: faults off, one clean relay finishes the work. */
  g_free (notify_sink_control (sink, "{\"fail_rate\":0,\"drop_rate\":0,\"delay_ms\":0}"));
  for (guint i = 0; i < G_N_ELEMENTS (relays); i++)
    {
      notify_relay_kill (relays[i].process);
      g_clear_object (&relays[i].process);
    }
  relays[2].process = notify_relay_spawn (sink->url, fast_args, NULL);
  g_assert_true (notify_wait_until (all_delivered, &outbox, 300));

  assert_exactly_once (conn, sink, N_CLOSES);
  /* The faults did happen. */
  g_assert_cmpint (notify_sink_stat (sink, "failed"), >, 0);
  g_assert_cmpint (notify_sink_stat (sink, "dropped"), >, 0);
  g_assert_cmpint (notify_sink_stat (sink, "duplicates"), >, 0);
  g_assert_cmpint (external_kills, >, 0);
  g_assert_cmpint (self_kills, >, 0);
  g_test_message ("%d closes, %d refused second closes, %d relays killed from outside, %d by themselves, "
                  "sink: %" G_GINT64_FORMAT " received, %" G_GINT64_FORMAT " answered 500, "
                  "%" G_GINT64_FORMAT " dropped after storing, %" G_GINT64_FORMAT " duplicates (409)",
                  closed, lost, external_kills, self_kills, notify_sink_stat (sink, "received"),
                  notify_sink_stat (sink, "failed"), notify_sink_stat (sink, "dropped"),
                  notify_sink_stat (sink, "duplicates"));

  notify_relay_kill (relays[2].process);
  g_object_unref (relays[2].process);
  notify_sink_stop (sink);
  g_remove (store);
  g_rmdir (dir);
}

/* A relay whose POST outlasts its lease: another relay takes the row over and
 * sends it too; the sink keeps one, the late outcome is not recorded. Half the
 * answers are slow (were they all, no claim would ever outlive its POST). */
static void
test_lease_expires_during_slow_post (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ins-notify-XXXXXX", NULL);
  g_autofree char *store = g_build_filename (dir, "sink.jsonl", NULL);
  const char *sink_args[] = { "--delay-ms=1200", "--delay-rate=0.5", NULL };
  const char *slow_args[] = { "--workers=4", "--batch=1", "--timeout-ms=5000", "--lease-ms=300",
                              "--poll-ms=100", "--backoff-base-ms=20", "--backoff-cap-ms=200",
                              "--max-attempts=1000", NULL };
  NotifySink *sink = notify_sink_start (store, sink_args);
  g_autoptr(PGconn) conn = ins_test_db_connect ();
  g_autoptr(GArray) ids = NULL;
  GSubprocess *a, *b;
  Outbox outbox = { conn, 12 };

  ins_test_db_truncate (conn);
  ids = notify_fixture_affaires (conn, "SE-2026-S", 12, "acceptation");
  notify_fixture_close_all (conn, ids, "acceptation");
  a = notify_relay_spawn (sink->url, slow_args, NULL);
  b = notify_relay_spawn (sink->url, slow_args, NULL);
  g_assert_true (notify_wait_until (all_delivered, &outbox, 120));

  /* The slow POSTs that lost their lease are still at the sink: let them end. */
  g_assert_true (notify_wait_until (sink_idle, sink, 30));
  assert_exactly_once (conn, sink, 12);
  /* Rows were taken over (attempt > 1) and sent again, answered 409. */
  g_assert_cmpint (notify_query_int (conn, "SELECT max(attempts) FROM notification_outbox"), >, 1);
  g_assert_cmpint (notify_sink_stat (sink, "duplicates"), >, 0);

  notify_relay_kill (a);
  notify_relay_kill (b);
  g_object_unref (a);
  g_object_unref (b);
  notify_sink_stop (sink);
  g_remove (store);
  g_rmdir (dir);
}

/* Three relays on the same backlog with slow answers: no row is ever in flight
 * twice at the sink (the sink counts a request whose key is already in flight). */
static void
test_relays_never_send_concurrently (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ins-notify-XXXXXX", NULL);
  g_autofree char *store = g_build_filename (dir, "sink.jsonl", NULL);
  const char *sink_args[] = { "--delay-ms=50", NULL };
  const char *args[] = { "--workers=3", "--batch=5", "--timeout-ms=10000", "--poll-ms=100", NULL };
  NotifySink *sink = notify_sink_start (store, sink_args);
  g_autoptr(PGconn) conn = ins_test_db_connect ();
  g_autoptr(GArray) ids = NULL;
  GSubprocess *relays[3];
  Outbox outbox = { conn, 150 };

  ins_test_db_truncate (conn);
  ids = notify_fixture_affaires (conn, "SE-2026-N", 150, "refus");
  for (guint i = 0; i < G_N_ELEMENTS (relays); i++)
    relays[i] = notify_relay_spawn (sink->url, args, NULL);
  notify_fixture_close_all (conn, ids, "refus");
  g_assert_true (notify_wait_until (all_delivered, &outbox, 120));

  assert_exactly_once (conn, sink, 150);
  g_assert_cmpint (notify_sink_stat (sink, "concurrent"), ==, 0);
  g_assert_cmpint (notify_sink_stat (sink, "duplicates"), ==, 0);
  g_assert_cmpint (notify_query_int (conn, "SELECT max(attempts) FROM notification_outbox"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (relays); i++)
    {
      notify_relay_kill (relays[i]);
      g_object_unref (relays[i]);
    }
  notify_sink_stop (sink);
  g_remove (store);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/relay-faults/two-relays-never-concurrent", test_relays_never_send_concurrently);
  g_test_add_func ("/relay-faults/lease-expires-during-slow-post", test_lease_expires_during_slow_post);
  g_test_add_func ("/relay-faults/chaos-2000-closes", test_chaos);
  return g_test_run ();
}
