/* bench-claim.c — claim-next under concurrency, through the store
 *
 * bench-claim --database CONNINFO (an instructeur's login) [--sessions 50] [--seconds 30] [--sql-dir DIR]
 * Each session is a thread with its own connection calling
 * ins_claim_store_next() in a loop; prints the throughput, the latency
 * percentiles and how many affaires were handed out twice (must be 0).
 * Writes the same statement for pgbench into DIR.
 */
#define G_LOG_DOMAIN "ins-bench"

#include "config.h"

#include "store/ins-affaire-store.h"
#include "store/ins-claim-store.h"
#include "store/ins-db.h"
#include "bench-common.h"

typedef struct {
  const char *conninfo;
  gint64      deadline;
  GArray     *latencies;   /* µs */
  GArray     *claimed;     /* affaire ids */
  guint       empty;       /* the queue was empty */
  char       *failure;
} Session;

static gpointer
run_session (gpointer data)
{
  Session *s = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = ins_db_connect (s->conninfo, &error);
  g_autoptr(InsAgent) agent = NULL;

  if (conn == NULL || (agent = ins_affaire_store_current_agent (conn, &error)) == NULL)
    {
      s->failure = g_strdup (error->message);
      return NULL;
    }
  while (g_get_monotonic_time () < s->deadline)
    {
      gint64 t0 = g_get_monotonic_time ();
      int version = 0;
      gint64 id = ins_claim_store_next (conn, agent, &version, &error);
      double us = (double) (g_get_monotonic_time () - t0);

      if (error != NULL)
        {
          s->failure = g_strdup (error->message);
          return NULL;
        }
      if (id == 0)
        {
          s->empty++;
          continue;
        }
      g_array_append_val (s->latencies, us);
      g_array_append_val (s->claimed, id);
    }
  return NULL;
}

int
main (int argc, char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *sql_dir = NULL;
  gint sessions = 50, seconds = 30;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database, "Connection of an instructeur", "CONNINFO" },
    { "sessions", 'c', 0, G_OPTION_ARG_INT, &sessions, "Concurrent sessions", "N" },
    { "seconds", 'T', 0, G_OPTION_ARG_INT, &seconds, "Duration", "S" },
    { "sql-dir", 0, 0, G_OPTION_ARG_FILENAME, &sql_dir, "Where to write the statement for pgbench", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(InsAgent) agent = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  Session *s;
  GThread **threads;
  guint doubles = 0, empty = 0;
  gint64 started;
  double elapsed;
  BenchStats st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  conn = ins_db_connect (database, &error);
  if (conn == NULL || (agent = ins_affaire_store_current_agent (conn, &error)) == NULL)
    g_error ("%s", error->message);

  if (sql_dir != NULL)
    {
      /* The statement of ins_claim_store_next(), with this agent's values. */
      g_autoptr(GString) sql = g_string_new (ins_claim_store_next_sql ());
      g_autofree char *agent_id = g_strdup_printf ("%d", agent->id);
      g_autofree char *organisme_id = g_strdup_printf ("%d", agent->organisme_id);
      g_autofree char *lease = g_strdup_printf ("%d", INS_LEASE_SECONDS);

      g_string_replace (sql, "$1", agent_id, 0);
      g_string_replace (sql, "$2", organisme_id, 0);
      g_string_replace (sql, "$3", lease, 0);
      bench_write_sql (sql_dir, "claim-next.sql", sql->str);
    }

  s = g_new0 (Session, sessions);
  threads = g_new0 (GThread *, sessions);
  started = g_get_monotonic_time ();
  for (int i = 0; i < sessions; i++)
    {
      s[i].conninfo = database;
      s[i].deadline = started + (gint64) seconds * G_USEC_PER_SEC;
      s[i].latencies = g_array_new (FALSE, FALSE, sizeof (double));
      s[i].claimed = g_array_new (FALSE, FALSE, sizeof (gint64));
      threads[i] = g_thread_new ("claim", run_session, &s[i]);
    }
  for (int i = 0; i < sessions; i++)
    g_thread_join (threads[i]);
  elapsed = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  for (int i = 0; i < sessions; i++)
    {
      if (s[i].failure)
        g_error ("session %d: %s", i, s[i].failure);
      g_array_append_vals (all, s[i].latencies->data, s[i].latencies->len);
      for (guint j = 0; j < s[i].claimed->len; j++)
        if (!g_hash_table_add (seen, &g_array_index (s[i].claimed, gint64, j)))
          doubles++;
      empty += s[i].empty;
    }
  st = bench_stats (all);
  g_print ("| %-52s | %6u | %8.3f | %8.3f | %8.3f |\n", "claim next, ins_claim_store_next()", st.n,
           st.p50 / 1000, st.p95 / 1000, st.p99 / 1000);
  g_print ("claims: %u in %.1f s = %.0f claims/s with %d sessions; empty queue %u times; "
           "double claims among them: %u\n", st.n, elapsed, st.n / elapsed, sessions, empty, doubles);
  for (int i = 0; i < sessions; i++)
    {
      g_array_unref (s[i].latencies);
      g_array_unref (s[i].claimed);
    }
  g_free (s);
  g_free (threads);
  return doubles == 0 ? 0 : 1;
}
