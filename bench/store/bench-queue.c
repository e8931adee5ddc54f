/* bench-queue.c — queue pages through the store, next to the same SQL on the server
 *
 * bench-queue --database CONNINFO (an agent's login) [--iterations N] [--deep OFFSET]
 *             [--deep-iterations N] [--sql-dir DIR]
 * Prints p50/p95/p99 of the first page and of a deep keyset page, as the store's
 * function sees them (client side) and as the server executes the same
 * statement (EXPLAIN ANALYZE); writes the statements for pgbench into DIR.
 */
#define G_LOG_DOMAIN "ins-bench"

#include "config.h"

#include <string.h>

#include "store/ins-affaire-store.h"
#include "store/ins-db.h"
#include "store/ins-queue-store.h"
#include "bench-common.h"

#define PAGE 50

/* The statement ins_queue_store_page() runs for the default query (every
 * affaire the agent may see, in claim order), as it builds it. */
#define PAGE_SELECT \
  "SELECT a.id, a.numero, a.kind, a.status, a.organisme_id, a.nom, a.prenom, a.beneficiaire," \
  " a.country, a.oc_label, a.amount_minor, a.currency, a.received_at, a.due_at," \
  " a.sla_paused_since, a.priority, a.assignee_id, g.display_name, a.lease_until," \
  " a.version, a.excluded FROM affaire a LEFT JOIN agent g ON g.id = a.assignee_id WHERE true"
#define PAGE_KEYSET " AND (a.queue_rank, a.received_at, a.id) >= (-(%s::smallint), %s::timestamptz, %s::bigint + 1)"
#define PAGE_ORDER " ORDER BY a.queue_rank, a.received_at, a.id LIMIT 51"

static GArray *
time_store (PGconn *conn, InsAgent *agent, InsQueueQuery *query, InsQueueCursor *cursor, int n)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(InsQueuePage) page = ins_queue_store_page (conn, agent, query, cursor, INS_QUEUE_AFTER,
                                                           PAGE, &error);
      double us = (double) (g_get_monotonic_time () - t0);

      if (page == NULL)
        g_error ("queue page: %s", error->message);
      if (page->rows->len != PAGE)
        g_error ("queue page: %u rows instead of %d", page->rows->len, PAGE);
      g_array_append_val (samples, us);
    }
  return samples;
}

/* Server-side execution times of @sql (EXPLAIN ANALYZE's "Execution Time"). */
static GArray *
time_server (PGconn *conn, const char *sql, int n)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *explain = g_strconcat ("EXPLAIN (ANALYZE, FORMAT JSON) ", sql, NULL);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PGresult) res = ins_db_exec (conn, explain, 0, NULL, &error);
      const char *json, *p;
      double us;

      if (res == NULL)
        g_error ("explain: %s", error->message);
      json = ins_db_get_string (res, 0, 0);
      p = strstr (json, "\"Execution Time\":");
      g_assert (p != NULL);
      us = g_ascii_strtod (p + strlen ("\"Execution Time\":"), NULL) * 1000;
      g_array_append_val (samples, us);
    }
  return samples;
}

int
main (int argc, char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *sql_dir = NULL;
  gint iterations = 500;
  gint deep_iterations = 50;
  gint64 deep = 300000;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database, "Connection of an agent", "CONNINFO" },
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations, "Pages timed per case", "N" },
    { "deep", 0, 0, G_OPTION_ARG_INT64, &deep, "Position of the deep page", "OFFSET" },
    { "deep-iterations", 0, 0, G_OPTION_ARG_INT, &deep_iterations, "Deep pages timed per case", "N" },
    { "sql-dir", 0, 0, G_OPTION_ARG_FILENAME, &sql_dir, "Where to write the statements for pgbench", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(InsAgent) agent = NULL;
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(InsQueueCursor) cursor = NULL;
  g_autoptr(InsQueueRow) row = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *first_sql = NULL;
  g_autofree char *deep_sql = NULL;
  g_autofree char *prio = NULL, *received = NULL, *id = NULL;
  const char *params[1];
  BenchStats s;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  conn = ins_db_connect (database, &error);
  if (conn == NULL || (agent = ins_affaire_store_current_agent (conn, &error)) == NULL)
    g_error ("%s", error->message);

  /* The deep page starts after the row at @deep in claim order (found once, with OFFSET). */
  offset = g_strdup_printf ("%" G_GINT64_FORMAT, deep);
  params[0] = offset;
  res = ins_db_exec (conn, "SELECT id, priority, to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                           " FROM affaire ORDER BY queue_rank, received_at, id OFFSET $1 LIMIT 1",
                     1, params, &error);
  if (res == NULL || PQntuples (res) != 1)
    g_error ("no row at %s: %s", offset, error ? error->message : "too few affaires");
  row = ins_queue_store_row (conn, ins_db_get_int64 (res, 0, 0), &error);
  if (row == NULL)
    g_error ("%s", error->message);
  cursor = ins_queue_cursor_new_for_row (INS_QUEUE_SORT_PRIORITY, row);

  prio = g_strdup_printf ("%s", ins_db_get_string (res, 0, 1));
  received = g_strdup_printf ("'%s'", ins_db_get_string (res, 0, 2));
  id = g_strdup_printf ("%s", ins_db_get_string (res, 0, 0));
  first_sql = g_strconcat (PAGE_SELECT, PAGE_ORDER, NULL);
  {
    g_autofree char *keyset = g_strdup_printf (PAGE_KEYSET, prio, received, id);
    deep_sql = g_strconcat (PAGE_SELECT, keyset, PAGE_ORDER, NULL);
  }
  if (sql_dir != NULL)
    {
      bench_write_sql (sql_dir, "queue-first.sql", first_sql);
      bench_write_sql (sql_dir, "queue-deep.sql", deep_sql);
    }

  /* Warm the caches the same way for both. */
  g_array_unref (time_store (conn, agent, query, NULL, 20));
  g_array_unref (time_store (conn, agent, query, cursor, 3));

  g_print ("| %-52s | %6s | %8s | %8s | %8s |\n", "case", "n", "p50 ms", "p95 ms", "p99 ms");
  g_print ("|%s|%s|%s|%s|%s|\n", "------------------------------------------------------", "--------",
           "----------", "----------", "----------");
  {
    g_autoptr(GArray) a = time_store (conn, agent, query, NULL, iterations);
    s = bench_stats (a);
    bench_print ("first page, ins_queue_store_page() (client side)", &s);
  }
  {
    g_autoptr(GArray) a = time_server (conn, first_sql, iterations);
    s = bench_stats (a);
    bench_print ("first page, same SQL, server execution (baseline)", &s);
  }
  {
    g_autoptr(GArray) a = time_store (conn, agent, query, cursor, deep_iterations);
    s = bench_stats (a);
    g_autofree char *what = g_strdup_printf ("page after row %" G_GINT64_FORMAT ", ins_queue_store_page()", deep);
    bench_print (what, &s);
  }
  {
    g_autoptr(GArray) a = time_server (conn, deep_sql, deep_iterations);
    s = bench_stats (a);
    bench_print ("deep page, same SQL, server execution (baseline)", &s);
  }
  return 0;
}
