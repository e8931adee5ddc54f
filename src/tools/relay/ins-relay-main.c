/* instruction-relay — sends the notification outbox, for a server deployment
 *
 *   instruction-relay [--database CONNINFO] [--url URL] [--rate N] [--once] [--retry-failed]
 *
 * Runs until SIGINT or SIGTERM, or with --once until nothing due remains.
 * --retry-failed first puts the parked notifications back to pending.
 */
#define G_LOG_DOMAIN "ins-relay"

#include "config.h"

#include <glib-unix.h>
#include <stdio.h>

#include "notify/ins-relay.h"
#include "store/ins-db.h"
#include "store/ins-outbox-store.h"

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_CONTINUE;
}

static void
counts_cb (InsRelay *relay, gint64 pending, gint64 failed, gpointer user_data)
{
  g_printerr ("pending %" G_GINT64_FORMAT ", failed %" G_GINT64_FORMAT "\n", pending, failed);
}

int
main (int argc, char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *service = NULL;
  g_autofree char *url = NULL;
  double rate = 0;
  gboolean once = FALSE, retry_failed = FALSE, verbose = FALSE;
  int workers = 2, batch = 50, timeout_ms = 10000, max_attempts = 8, poll_ms = 5000;
  gint64 lease_ms = 0, backoff_base_ms = 1000, backoff_cap_ms = 600000;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database, "libpq connection string (default: libpq environment)", "CONNINFO" },
    { "service", 0, 0, G_OPTION_ARG_STRING, &service, "pg_service.conf entry", "NAME" },
    { "url", 'u', 0, G_OPTION_ARG_STRING, &url, "Messaging service URL (default: $INS_NOTIFY_URL)", "URL" },
    { "rate", 'r', 0, G_OPTION_ARG_DOUBLE, &rate, "At most N notifications per second (0: no limit)", "N" },
    { "once", 0, 0, G_OPTION_ARG_NONE, &once, "Send what is due now, then exit", NULL },
    { "retry-failed", 0, 0, G_OPTION_ARG_NONE, &retry_failed, "Put parked notifications back to pending first", NULL },
    { "workers", 'w', 0, G_OPTION_ARG_INT, &workers, "Sending threads (default 2)", "N" },
    { "batch", 0, 0, G_OPTION_ARG_INT, &batch, "Rows claimed at once (default 50)", "N" },
    { "timeout-ms", 0, 0, G_OPTION_ARG_INT, &timeout_ms, "Timeout of one POST (default 10000)", "MS" },
    { "lease-ms", 0, 0, G_OPTION_ARG_INT64, &lease_ms, "Lease of a claimed row (default max (30 s, 3 × timeout))", "MS" },
    { "max-attempts", 0, 0, G_OPTION_ARG_INT, &max_attempts, "Attempts before a row is parked (default 8)", "N" },
    { "backoff-base-ms", 0, 0, G_OPTION_ARG_INT64, &backoff_base_ms, "First retry ceiling (default 1000)", "MS" },
    { "backoff-cap-ms", 0, 0, G_OPTION_ARG_INT64, &backoff_cap_ms, "Largest retry ceiling (default 600000)", "MS" },
    { "poll-ms", 0, 0, G_OPTION_ARG_INT, &poll_ms, "Poll interval besides LISTEN (default 5000)", "MS" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print the pending and failed counts as they change", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— send the notification outbox");
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRelay) relay = NULL;
  InsRelayStats stats;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (service != NULL)
    database = ins_db_conninfo_for_service (service);
  if (url == NULL)
    url = g_strdup (g_getenv ("INS_NOTIFY_URL") ? g_getenv ("INS_NOTIFY_URL") : "http://127.0.0.1:8088/messages");

  if (retry_failed)
    {
      g_autoptr(PGconn) conn = ins_db_connect (database, &error);
      gint64 n;

      if (conn == NULL || (n = ins_outbox_retry_failed (conn, 0, &error)) < 0)
        {
          g_printerr ("instruction-relay: %s\n", error->message);
          return 1;
        }
      g_printerr ("%" G_GINT64_FORMAT " parked notification(s) back to pending\n", n);
    }

  relay = ins_relay_new (database, url);
  ins_relay_set_rate (relay, rate);
  ins_relay_set_workers (relay, workers);
  ins_relay_set_batch_size (relay, batch);
  ins_relay_set_timeout_ms (relay, timeout_ms);
  if (lease_ms > 0)
    ins_relay_set_lease_ms (relay, lease_ms);
  ins_relay_set_max_attempts (relay, max_attempts);
  ins_relay_set_backoff (relay, backoff_base_ms, backoff_cap_ms);
  ins_relay_set_poll_interval_ms (relay, poll_ms);
  if (verbose)
    g_signal_connect (relay, "counts-changed", G_CALLBACK (counts_cb), NULL);

  if (once)
    {
      if (!ins_relay_run_once (relay, NULL, &error))
        {
          g_printerr ("instruction-relay: %s\n", error->message);
          return 1;
        }
    }
  else
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

      g_unix_signal_add (SIGINT, quit_cb, loop);
      g_unix_signal_add (SIGTERM, quit_cb, loop);
      ins_relay_start (relay);
      g_main_loop_run (loop);
      ins_relay_stop (relay);
    }

  ins_relay_get_stats (relay, &stats);
  g_printerr ("sent %" G_GUINT64_FORMAT ", delivered %" G_GUINT64_FORMAT ", retried %" G_GUINT64_FORMAT
              ", parked %" G_GUINT64_FORMAT ", superseded %" G_GUINT64_FORMAT "\n",
              stats.sent, stats.delivered, stats.retried, stats.parked, stats.superseded);
  return 0;
}
