/* bench-relay — the notification relay's figures, each next to a baseline
 *
 *   bench-relay --database CONNINFO --sink PATH [--rows N] [--backlog N] [--workers N]
 *
 * On a migrated, empty database: relay throughput to a local sink (baseline:
 * the same POSTs without the database), close → delivered latency, a backlog
 * drained after an outage of the sink, and the time to draw one courrier
 * (baseline: an empty A4 PDF page). Prints a Markdown table; never fails on
 * a time. Run through bench/relay-run.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>

#include "notify/ins-courrier.h"
#include "notify/ins-relay.h"
#include "store/ins-db.h"
#include "store/ins-migrations.h"

static char *conninfo;
static char *sink_path;
static char *work_dir;

static void
die (const char *what, GError *error)
{
  g_printerr ("bench-relay: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static void
run (PGconn *conn, const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!ins_db_run (conn, sql, 0, NULL, &error))
    die (sql, error);
}

static gint64
query_int (PGconn *conn, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (conn, sql, 0, NULL, &error);

  if (res == NULL)
    die (sql, error);
  return ins_db_get_int64 (res, 0, 0);
}

static double
query_double (PGconn *conn, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (conn, sql, 0, NULL, &error);

  if (res == NULL)
    die (sql, error);
  return g_ascii_strtod (PQgetvalue (res, 0, 0), NULL);
}

static void
reset (PGconn *conn)
{
  run (conn, "TRUNCATE affaire, assure, notification_outbox CASCADE");
  run (conn, "INSERT INTO organisme (code, name, letterhead) VALUES ('CNSE',"
             " 'Centre national des soins à l’étranger', E'BP 90501\\n56019 VANNES CEDEX')"
             " ON CONFLICT (code) DO NOTHING");
}

/* @n accepted foreign-care affaires, not closed; their ids from @first. */
static void
insert_affaires (PGconn *conn, int n)
{
  g_autofree char *sql = g_strdup_printf (
    "WITH a AS (INSERT INTO assure (nir, nom, prenom, address)"
    "  SELECT '2' || lpad((coalesce((SELECT max(id) FROM assure), 0) + i)::text, 14, '0'),"
    "         'MARTIN', 'Camille', E'12 rue des Lilas\\n56000 Vannes'"
    "  FROM generate_series(1, %d) i RETURNING id, nir)"
    " INSERT INTO affaire (numero, submission_id, kind, status, organisme_id, assure_id, received_at,"
    "   due_at, nir, nom, prenom, beneficiaire, country, amount_minor, currency, decided_at,"
    "   amount_eur_cents, rate, rate_date, rate_source)"
    " SELECT 'SE-2026-' || lpad(a.id::text, 7, '0'), 'bench-' || a.id, 'soins_etranger', 'acceptee',"
    "   (SELECT id FROM organisme WHERE code = 'CNSE'), a.id, now(), now() + interval '28 days',"
    "   a.nir, 'MARTIN', 'Camille', 'Camille MARTIN', 'JP', 20000, 'JPY', now(), 12490, 160.1234,"
    "   '2026-03-03', 'BCE' FROM a", n);
  run (conn, sql);
}

/* Closes every accepted affaire and queues its notification, one transaction
 * each; @latencies (may be NULL) receives each transaction's time in ms. */
static void
close_all (PGconn *conn, double per_second, GArray *latencies)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) ids = ins_db_exec (conn, "SELECT id FROM affaire WHERE status = 'acceptee' ORDER BY id",
                                         0, NULL, &error);
  gint64 start = g_get_monotonic_time ();

  if (ids == NULL)
    die ("ids", error);
  for (int r = 0; r < PQntuples (ids); r++)
    {
      const char *params[] = { PQgetvalue (ids, r, 0) };

      if (per_second > 0)
        {
          gint64 due = start + (gint64) (r * G_USEC_PER_SEC / per_second);
          gint64 now = g_get_monotonic_time ();
          if (due > now)
            g_usleep (due - now);
        }
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      if (!ins_db_run (conn, "BEGIN", 0, NULL, &error)
          || !ins_db_run (conn, "UPDATE affaire SET status = 'cloturee', closed_at = clock_timestamp(),"
                                " version = version + 1 WHERE id = $1::bigint", 1, params, &error)
          || !ins_db_run (conn, "SELECT ins_outbox_enqueue($1::bigint, 'acceptation')", 1, params, &error)
          || !ins_db_run (conn, "COMMIT", 0, NULL, &error))
        die ("close", error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (latencies != NULL)
        g_array_append_val (latencies, ms);
    }
}

static double percentile (GArray *samples, double p);

static GSubprocess *
start_sink (int *port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *store = g_build_filename (work_dir, "sink.jsonl", NULL);
  g_autofree char *store_arg = g_strdup_printf ("--store=%s", store);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  GSubprocess *p;

  g_unlink (store);
  p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, sink_path, "--port=0", store_arg, NULL);
  if (p == NULL)
    die ("sink", error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (p));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  if (line == NULL)
    die ("sink port", error);
  *port = atoi (line);
  return p;
}

static void
stop_sink (GSubprocess *p)
{
  g_subprocess_send_signal (p, SIGTERM);
  g_subprocess_wait (p, NULL, NULL);
  g_object_unref (p);
}

static void
wait_delivered (PGconn *conn, gint64 n)
{
  while (query_int (conn, "SELECT count(*) FROM notification_outbox WHERE state = 'delivered'") < n)
    g_usleep (5 * 1000);
}

static void
row (const char *what, const char *figure, const char *baseline)
{
  g_print ("| %s | %s | %s |\n", what, figure, baseline);
}

/* Baseline: the same POST bodies sent by @workers threads, no database. */
typedef struct {
  char   *url;
  GBytes *body;
  int     n;
  int     next;
} Raw;

static gpointer
raw_thread (gpointer data)
{
  Raw *raw = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", 64, NULL);

  while (g_atomic_int_add (&raw->next, 1) < raw->n)
    {
      g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, raw->url);
      g_autofree char *key = g_uuid_string_random ();
      g_autoptr(GBytes) answer = NULL;

      soup_message_set_request_body_from_bytes (msg, "application/json", raw->body);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", key);
      answer = soup_session_send_and_read (session, msg, NULL, NULL);
    }
  return NULL;
}

static double
raw_posts_per_second (const char *url, PGconn *conn, int n, int workers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (conn, "SELECT payload::text FROM notification_outbox LIMIT 1", 0, NULL, &error);
  Raw raw = { (char *) url, NULL, n, 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  gint64 t0;

  if (res == NULL || PQntuples (res) == 0)
    die ("payload", error);
  /* The payload without its key: the sink checks a body's key against the header. */
  raw.body = g_bytes_new (PQgetvalue (res, 0, 0), PQgetlength (res, 0, 0));
  t0 = g_get_monotonic_time ();
  for (int i = 0; i < workers; i++)
    g_ptr_array_add (threads, g_thread_new ("raw", raw_thread, &raw));
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_bytes_unref (raw.body);
  return n / ((g_get_monotonic_time () - t0) / 1e6);
}

static void
bench_throughput (PGconn *conn, int rows, int workers, double rate)
{
  int port;
  GSubprocess *sink = start_sink (&port);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%d/messages", port);
  g_autoptr(InsRelay) relay = NULL;
  g_autofree char *what = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *base = NULL;
  gint64 t0;
  double seconds, raw;

  reset (conn);
  insert_affaires (conn, rows);
  close_all (conn, 0, NULL);
  relay = ins_relay_new (conninfo, url);
  ins_relay_set_workers (relay, workers);
  ins_relay_set_rate (relay, rate);
  t0 = g_get_monotonic_time ();
  ins_relay_start (relay);
  wait_delivered (conn, rows);
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  ins_relay_stop (relay);
  if (rate > 0)
    {
      what = g_strdup_printf ("relay limited with --rate %.0f, %d notifications", rate, rows);
      base = g_strdup_printf ("%.0f /s asked", rate);
    }
  else
    {
      raw = raw_posts_per_second (url, conn, rows, workers);
      what = g_strdup_printf ("relay throughput, %d pending notifications, %d workers", rows, workers);
      base = g_strdup_printf ("%.0f /s: the same POSTs, no database", raw);
    }
  figure = g_strdup_printf ("%.0f /s (%.2f s)", rows / seconds, seconds);
  row (what, figure, base);
  stop_sink (sink);
}

static void
bench_latency (PGconn *conn, int rows, double rate)
{
  int port;
  GSubprocess *sink = start_sink (&port);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%d/messages", port);
  g_autoptr(InsRelay) relay = NULL;
  g_autofree char *what = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *base = NULL;
  double p50, p95;
  g_autoptr(GArray) closes = g_array_new (FALSE, FALSE, sizeof (double));

  reset (conn);
  insert_affaires (conn, rows);
  relay = ins_relay_new (conninfo, url);
  ins_relay_start (relay);
  g_usleep (300 * 1000);
  close_all (conn, rate, closes);
  wait_delivered (conn, rows);
  ins_relay_stop (relay);

  p50 = query_double (conn, "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM"
                            " o.delivered_at - a.closed_at)) * 1000 FROM notification_outbox o JOIN affaire a"
                            " ON a.id = o.affaire_id");
  p95 = query_double (conn, "SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM"
                            " o.delivered_at - a.closed_at)) * 1000 FROM notification_outbox o JOIN affaire a"
                            " ON a.id = o.affaire_id");
  what = g_strdup_printf ("close → delivered, %d closes at %.0f/s, relay idle on LISTEN", rows, rate);
  figure = g_strdup_printf ("p50 %.1f ms, p95 %.1f ms", p50, p95);
  base = g_strdup_printf ("p50 %.1f ms, p95 %.1f ms: the close transaction alone (client side)",
                          percentile (closes, 0.5), percentile (closes, 0.95));
  row (what, figure, base);
  stop_sink (sink);
}

static void
bench_backlog (PGconn *conn, int rows, int outage_s)
{
  int port;
  GSubprocess *sink = NULL;
  g_autoptr(InsRelay) relay = NULL;
  g_autofree char *url = NULL;
  g_autofree char *what = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GSocketListener) reserve = g_socket_listener_new ();
  gint64 t0;
  double drain, fresh;
  InsRelayStats stats;

  /* A port where nothing listens during the outage. */
  port = g_socket_listener_add_any_inet_port (reserve, NULL, NULL);
  g_socket_listener_close (reserve);
  url = g_strdup_printf ("http://127.0.0.1:%d/messages", port);

  reset (conn);
  insert_affaires (conn, rows);
  close_all (conn, 0, NULL);
  relay = ins_relay_new (conninfo, url);
  ins_relay_set_backoff (relay, 500, 5000);
  ins_relay_set_max_attempts (relay, 1000);
  ins_relay_start (relay);
  g_usleep ((gulong) outage_s * G_USEC_PER_SEC);

  /* The service comes back on the same port. */
  {
    g_autofree char *store = g_build_filename (work_dir, "sink.jsonl", NULL);
    g_autofree char *store_arg = g_strdup_printf ("--store=%s", store);
    g_autofree char *port_arg = g_strdup_printf ("--port=%d", port);
    g_autoptr(GError) error = NULL;
    g_autoptr(GDataInputStream) out = NULL;
    g_autofree char *line = NULL;

    g_unlink (store);
    sink = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, sink_path, port_arg, store_arg, NULL);
    out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sink));
    line = g_data_input_stream_read_line (out, NULL, NULL, &error);
    if (line == NULL)
      die ("sink", error);
  }
  t0 = g_get_monotonic_time ();
  wait_delivered (conn, rows);
  drain = (g_get_monotonic_time () - t0) / 1e6;
  ins_relay_get_stats (relay, &stats);
  ins_relay_stop (relay);

  /* Baseline: the same backlog sent with the service up from the start. */
  {
    g_autoptr(InsRelay) fresh_relay = ins_relay_new (conninfo, url);

    run (conn, "UPDATE notification_outbox SET state = 'pending', attempts = 0, next_attempt_at = now(),"
               " delivered_at = NULL");
    stop_sink (sink);
    sink = start_sink (&port);
    g_clear_pointer (&url, g_free);
    url = g_strdup_printf ("http://127.0.0.1:%d/messages", port);
    g_clear_object (&fresh_relay);
    fresh_relay = ins_relay_new (conninfo, url);
    t0 = g_get_monotonic_time ();
    ins_relay_start (fresh_relay);
    wait_delivered (conn, rows);
    fresh = (g_get_monotonic_time () - t0) / 1e6;
    ins_relay_stop (fresh_relay);
  }

  what = g_strdup_printf ("%d-row backlog after a %d s outage of the service (backoff 0.5 s → 5 s, full jitter)",
                          rows, outage_s);
  figure = g_strdup_printf ("drained in %.2f s after it came back (%" G_GUINT64_FORMAT " failed attempts during the outage)",
                            drain, stats.retried);
  base = g_strdup_printf ("%.2f s: same backlog, service up", fresh);
  row (what, figure, base);
  stop_sink (sink);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *samples, double p)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, MIN (samples->len - 1, (guint) (samples->len * p)));
}

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
bench_courrier (int n)
{
  const char *pieces[] = { "Facture acquittée et détaillée", "Preuve de paiement",
                           "Prescription médicale", "Formulaire S2", NULL };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDate) day = g_date_new_dmy (22, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) rate_day = g_date_new_dmy (3, G_DATE_MARCH, 2026);
  InsCourrierData d = { 0 };
  g_autofree char *figure = NULL;
  g_autofree char *baseline = NULL;
  gsize size = 0;

  d.affaire_kind = INS_KIND_SOINS_ETRANGER;
  d.numero = "SE-2026-0000042";
  d.organisme_name = "Centre national des soins à l’étranger";
  d.letterhead = "BP 90501\n56019 VANNES CEDEX";
  d.nom = "MARTIN";
  d.prenom = "Camille";
  d.address = "12 rue des Lilas\n56000 Vannes";
  d.date = day;
  d.has_amount_eur = TRUE;
  d.amount_eur_cents = 12490;
  d.amount_minor = 20000;
  d.currency = "JPY";
  d.rate = "160.1234";
  d.rate_date = rate_day;
  d.rate_source = "BCE";
  d.has_refusal_motif = TRUE;
  d.refusal_motif = INS_MOTIF_PRESTATIONS_NON_REMBOURSABLES;
  d.decision_text = "Les soins de confort ne sont pas pris en charge.";
  d.missing_pieces = pieces;

  for (int i = 0; i < n; i++)
    {
      const InsNotificationKind kinds[] = { INS_NOTIFICATION_REFUS, INS_NOTIFICATION_PIECES_MANQUANTES,
                                            INS_NOTIFICATION_ACCEPTATION };
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double ms;
      cairo_surface_t *surface;
      cairo_t *cr;

      d.kind = kinds[i % 3];
      pdf = ins_courrier_render (&d, &error);
      if (pdf == NULL)
        die ("courrier", error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (times, ms);

      t0 = g_get_monotonic_time ();
      surface = cairo_pdf_surface_create_for_stream (discard, &size, 595.276, 841.890);
      cr = cairo_create (surface);
      cairo_move_to (cr, 70, 70);
      cairo_show_text (cr, "Madame, Monsieur,");
      cairo_show_page (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (base, ms);
    }
  figure = g_strdup_printf ("p50 %.1f ms, p95 %.1f ms", percentile (times, 0.5), percentile (times, 0.95));
  baseline = g_strdup_printf ("p50 %.2f ms: one line on an A4 cairo PDF page", percentile (base, 0.5));
  row ("one courrier (refus, pièces manquantes, acceptation in turn), two layout passes", figure, baseline);
}

int
main (int argc, char **argv)
{
  int rows = 5000, backlog = 10000, workers = 2, outage = 10, courriers = 300, latency_rows = 1000;
  double close_rate = 100;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_STRING, &conninfo, "Migrated database to use (emptied)", "CONNINFO" },
    { "sink", 0, 0, G_OPTION_ARG_FILENAME, &sink_path, "instruction-notify-sink", "PATH" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Notifications for the throughput run", "N" },
    { "backlog", 0, 0, G_OPTION_ARG_INT, &backlog, "Backlog rows", "N" },
    { "outage", 0, 0, G_OPTION_ARG_INT, &outage, "Seconds the service is down", "S" },
    { "workers", 0, 0, G_OPTION_ARG_INT, &workers, "Relay workers", "N" },
    { "latency-closes", 0, 0, G_OPTION_ARG_INT, &latency_rows, "Closes of the latency run", "N" },
    { "close-rate", 0, 0, G_OPTION_ARG_DOUBLE, &close_rate, "Closes per second of the latency run", "N" },
    { "courriers", 0, 0, G_OPTION_ARG_INT, &courriers, "Courriers drawn", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || conninfo == NULL || sink_path == NULL)
    die ("options (--database and --sink are required)", error);
  work_dir = g_dir_make_tmp ("ins-bench-relay-XXXXXX", NULL);
  conn = ins_db_connect (conninfo, &error);
  if (conn == NULL || !ins_migrations_apply (conn, NULL, &error))
    die ("database", error);
  run (conn, "SET client_min_messages = warning");

  g_print ("| what | figure | baseline (same run) |\n|---|---|---|\n");
  bench_courrier (courriers);
  bench_throughput (conn, rows, workers, 0);
  bench_throughput (conn, 1000, workers, 200);
  bench_latency (conn, latency_rows, close_rate);
  bench_backlog (conn, backlog, outage);
  return 0;
}
