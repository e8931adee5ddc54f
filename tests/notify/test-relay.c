/* test-relay.c — InsRelay in the process (as the application runs it) and the
 * instruction-relay tool's --once and --retry-failed, against the real sink
 * or a local SoupServer answering what the test needs */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "ins-test-db.h"
#include "notify-harness.h"
#include "notify/ins-relay.h"
#include "store/ins-db.h"

typedef struct {
  char       *dir;
  char       *store;
  NotifySink *sink;
  PGconn     *conn;
} Fixture;

static void
fixture_setup (Fixture *f, const char * const *sink_args)
{
  f->dir = g_dir_make_tmp ("ins-notify-XXXXXX", NULL);
  f->store = g_build_filename (f->dir, "sink.jsonl", NULL);
  f->sink = notify_sink_start (f->store, sink_args);
  f->conn = ins_test_db_connect ();
  ins_test_db_truncate (f->conn);
}

static void
fixture_teardown (Fixture *f)
{
  notify_sink_stop (f->sink);
  PQfinish (f->conn);
  g_remove (f->store);
  g_rmdir (f->dir);
  g_free (f->store);
  g_free (f->dir);
}

static InsRelay *
fast_relay (const char *url)
{
  InsRelay *relay = ins_relay_new (ins_test_db_conninfo (), url);

  ins_relay_set_backoff (relay, 10, 200);
  ins_relay_set_poll_interval_ms (relay, 100);
  ins_relay_set_timeout_ms (relay, 2000);
  return relay;
}

typedef struct {
  gint64 pending;
  gint64 failed;
  int    emissions;
  gint64 max_pending;
} Counts;

static void
counts_cb (InsRelay *relay, gint64 pending, gint64 failed, Counts *c)
{
  /* Emitted on the main context that created the relay, never on a worker. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  c->pending = pending;
  c->failed = failed;
  c->max_pending = MAX (c->max_pending, pending);
  c->emissions++;
}

typedef struct {
  Counts *counts;
  gint64  pending;
  gint64  failed;
} CountsGoal;

static gboolean
counts_reached (gpointer data)
{
  CountsGoal *g = data;

  return g->counts->emissions > 0 && g->counts->pending == g->pending && g->counts->failed == g->failed;
}

static void
test_in_process_delivers_and_counts (void)
{
  Fixture f;
  g_autoptr(InsRelay) relay = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) stored = NULL;
  Counts counts = { 0 };
  CountsGoal done = { &counts, 0, 0 };
  InsRelayStats stats;

  fixture_setup (&f, NULL);
  ids = notify_fixture_affaires (f.conn, "SE-2026-I", 200, "refus");
  notify_fixture_close_all (f.conn, ids, "refus");

  relay = fast_relay (f.sink->url);
  g_signal_connect (relay, "counts-changed", G_CALLBACK (counts_cb), &counts);
  ins_relay_start (relay);
  g_assert_true (ins_relay_is_running (relay));
  g_assert_true (notify_wait_until (counts_reached, &done, 120));
  ins_relay_stop (relay);
  g_assert_false (ins_relay_is_running (relay));

  ins_relay_get_stats (relay, &stats);
  g_assert_cmpuint (stats.delivered, ==, 200);
  g_assert_cmpuint (stats.parked, ==, 0);
  g_assert_cmpint (ins_relay_get_pending (relay), ==, 0);
  g_assert_cmpint (counts.max_pending, >, 0);
  stored = notify_sink_stored_keys (f.sink);
  g_assert_cmpuint (g_hash_table_size (stored), ==, 200);
  g_assert_cmpint (notify_query_int (f.conn, "SELECT count(*) FROM notification_outbox WHERE state = 'delivered'"
                                             " AND delivered_at IS NOT NULL AND lease_until IS NULL"), ==, 200);
  fixture_teardown (&f);
}

static void
unprocessable_cb (SoupServer *server, SoupServerMessage *msg, const char *path,
                  GHashTable *query, gpointer data)
{
  soup_server_message_set_status (msg, 422, NULL);
}

static void
test_client_error_parks_then_retry_failed (void)
{
  Fixture f;
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRelay) relay = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GSubprocess) tool = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  Counts counts = { 0 };
  CountsGoal parked = { &counts, 0, 5 };
  const char *retry_args[] = { "--once", "--retry-failed", NULL };

  fixture_setup (&f, NULL);
  soup_server_add_handler (server, NULL, unprocessable_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/messages", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  ids = notify_fixture_affaires (f.conn, "SE-2026-U", 5, "acceptation");
  notify_fixture_close_all (f.conn, ids, "acceptation");
  relay = fast_relay (url);
  g_signal_connect (relay, "counts-changed", G_CALLBACK (counts_cb), &counts);
  ins_relay_start (relay);
  g_assert_true (notify_wait_until (counts_reached, &parked, 60));
  ins_relay_stop (relay);
  g_assert_cmpint (notify_query_int (f.conn, "SELECT count(*) FROM notification_outbox WHERE state = 'failed'"
                                             " AND attempts = 1 AND last_error LIKE 'HTTP 422%'"), ==, 5);

  /* instruction-relay --retry-failed --once sends them again, to the sink. */
  tool = notify_relay_spawn (f.sink->url, retry_args, NULL);
  g_assert_true (g_subprocess_wait_check (tool, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (notify_query_int (f.conn, "SELECT count(*) FROM notification_outbox WHERE state = 'delivered'"), ==, 5);
  g_assert_cmpint (notify_sink_stat (f.sink, "stored"), ==, 5);
  fixture_teardown (&f);
}

static void
test_server_errors_retried (void)
{
  const char *sink_args[] = { "--fail-next=12", NULL };
  const char *once[] = { "--once", "--backoff-base-ms=1", "--backoff-cap-ms=1", NULL };
  Fixture f;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  fixture_setup (&f, sink_args);
  ids = notify_fixture_affaires (f.conn, "SE-2026-E", 4, "pieces_manquantes");
  notify_fixture_close_all (f.conn, ids, "pieces_manquantes");

  /* --once leaves the rows whose retry is not due yet: run it until done. */
  for (int i = 0; i < 100 && notify_query_int (f.conn, "SELECT count(*) FROM notification_outbox"
                                                       " WHERE state <> 'delivered'") > 0; i++)
    {
      g_autoptr(GSubprocess) tool = notify_relay_spawn (f.sink->url, once, NULL);
      g_assert_true (g_subprocess_wait_check (tool, NULL, &error));
      g_usleep (10 * 1000);
    }
  g_assert_cmpint (notify_query_int (f.conn, "SELECT count(*) FROM notification_outbox WHERE state = 'delivered'"), ==, 4);
  g_assert_cmpint (notify_query_int (f.conn, "SELECT sum(attempts) FROM notification_outbox"), ==, 16);
  g_assert_cmpint (notify_sink_stat (f.sink, "failed"), ==, 12);
  g_assert_cmpint (notify_sink_stat (f.sink, "stored"), ==, 4);
  fixture_teardown (&f);
}

static void
test_attempts_exhausted_park (void)
{
  const char *sink_args[] = { "--fail-rate=1", NULL };
  Fixture f;
  g_autoptr(InsRelay) relay = NULL;
  g_autoptr(GArray) ids = NULL;
  Counts counts = { 0 };
  CountsGoal parked = { &counts, 0, 3 };

  fixture_setup (&f, sink_args);
  ids = notify_fixture_affaires (f.conn, "SE-2026-Z", 3, "acceptation");
  notify_fixture_close_all (f.conn, ids, "acceptation");
  relay = fast_relay (f.sink->url);
  ins_relay_set_max_attempts (relay, 4);
  g_signal_connect (relay, "counts-changed", G_CALLBACK (counts_cb), &counts);
  ins_relay_start (relay);
  g_assert_true (notify_wait_until (counts_reached, &parked, 60));
  ins_relay_stop (relay);
  g_assert_cmpint (notify_query_int (f.conn, "SELECT count(*) FROM notification_outbox WHERE state = 'failed'"
                                             " AND attempts = 4 AND last_error LIKE 'HTTP 500%attempts exhausted'"), ==, 3);
  g_assert_cmpint (notify_sink_stat (f.sink, "failed"), ==, 12);
  g_assert_cmpint (notify_sink_stat (f.sink, "stored"), ==, 0);
  fixture_teardown (&f);
}

static gboolean
sink_busy (gpointer data)
{
  return notify_sink_stat (data, "in_flight") > 0;
}

/* Stopping cancels the POST in flight and gives the claimed rows back. */
static void
test_stop_gives_back (void)
{
  const char *sink_args[] = { "--delay-ms=60000", NULL };
  Fixture f;
  g_autoptr(InsRelay) relay = NULL;
  g_autoptr(GArray) ids = NULL;

  fixture_setup (&f, sink_args);
  ids = notify_fixture_affaires (f.conn, "SE-2026-H", 6, "acceptation");
  notify_fixture_close_all (f.conn, ids, "acceptation");
  relay = fast_relay (f.sink->url);
  ins_relay_set_timeout_ms (relay, 120000);
  ins_relay_start (relay);
  g_assert_true (notify_wait_until (sink_busy, f.sink, 60));
  ins_relay_stop (relay);
  g_assert_cmpint (notify_query_int (f.conn, "SELECT count(*) FROM notification_outbox WHERE state = 'pending'"
                                             " AND attempts = 0 AND lease_owner IS NULL"), ==, 6);
  fixture_teardown (&f);
}

static guint
post_to_sink (NotifySink *sink, const char *key, const char *body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, sink->url);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  if (key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", key);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  return soup_message_get_status (msg);
}

/* The stand-in answers as docs/notifications.md says, and keeps its keys
 * across a restart. */
static void
test_sink_contract (void)
{
  Fixture f;
  g_autoptr(GHashTable) stored = NULL;

  fixture_setup (&f, NULL);
  g_assert_cmpuint (post_to_sink (f.sink, NULL, "{\"kind\":\"refus\"}"), ==, 400);
  g_assert_cmpuint (post_to_sink (f.sink, "k-1", "not json"), ==, 400);
  g_assert_cmpuint (post_to_sink (f.sink, "k-1", "{\"idempotency_key\":\"other\"}"), ==, 422);
  g_assert_cmpuint (post_to_sink (f.sink, "k-1", "{\"idempotency_key\":\"k-1\"}"), ==, 201);
  g_assert_cmpuint (post_to_sink (f.sink, "k-1", "{\"idempotency_key\":\"k-1\"}"), ==, 409);
  g_free (notify_sink_control (f.sink, "{\"fail_next\":1}"));
  g_assert_cmpuint (post_to_sink (f.sink, "k-2", "{}"), ==, 500);
  g_assert_cmpuint (post_to_sink (f.sink, "k-2", "{}"), ==, 201);
  g_assert_cmpint (notify_sink_stat (f.sink, "stored"), ==, 2);
  g_assert_cmpint (notify_sink_stat (f.sink, "duplicates"), ==, 1);
  g_assert_cmpint (notify_sink_stat (f.sink, "refused"), ==, 3);

  /* Restarted on the same store, it still knows k-1. */
  notify_sink_stop (f.sink);
  f.sink = notify_sink_start (f.store, NULL);
  g_assert_cmpuint (post_to_sink (f.sink, "k-1", "{}"), ==, 409);
  stored = notify_sink_stored_keys (f.sink);
  g_assert_cmpuint (g_hash_table_size (stored), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (stored, "k-1")), ==, 1);
  fixture_teardown (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/relay/in-process-delivers-and-counts", test_in_process_delivers_and_counts);
  g_test_add_func ("/relay/client-error-parks-then-retry-failed", test_client_error_parks_then_retry_failed);
  g_test_add_func ("/relay/server-errors-retried", test_server_errors_retried);
  g_test_add_func ("/relay/attempts-exhausted-park", test_attempts_exhausted_park);
  g_test_add_func ("/relay/stop-gives-back", test_stop_gives_back);
  g_test_add_func ("/relay/notify-sink-contract", test_sink_contract);
  return g_test_run ();
}
