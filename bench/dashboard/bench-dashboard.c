/* bench-dashboard.c — the whole dashboard through the store, and each of its
 * statements alone, as a superviseur under row security
 *
 * bench-dashboard --database CONNINFO (a superviseur's login) [--iterations N] [--sql-dir DIR]
 * Writes DIR/dashboard.sql, the same transaction for pgbench -f (the baseline).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store/ins-db.h"
#include "store/ins-workload-store.h"
#include "bench-common.h"

static double
now_us (void)
{
  return (double) g_get_monotonic_time ();
}

static gboolean
time_loads (PGconn *conn, int iterations, const char *what)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  BenchStats stats;

  for (int i = 0; i < iterations; i++)
    {
      double t0 = now_us ();
      g_autoptr(InsWorkload) w = ins_workload_store_load (conn, NULL, &error);
      double t1 = now_us ();

      if (w == NULL)
        {
          g_printerr ("%s\n", error->message);
          return FALSE;
        }
      g_array_append_val (samples, (double) { t1 - t0 });
    }
  stats = bench_stats (samples);
  bench_print (what, &stats);
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *sql_dir = NULL;
  int iterations = 50;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database, "A superviseur's connection string", "CONNINFO" },
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations, "Loads to time (default 50)", "N" },
    { "sql-dir", 0, 0, G_OPTION_ARG_FILENAME, &sql_dir, "Where to write dashboard.sql for pgbench", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *script = ins_workload_store_script (NULL);
  g_auto(GStrv) statements = NULL;
  BenchStats stats;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  conn = ins_db_connect (database, &error);
  if (conn == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (sql_dir != NULL)
    bench_write_sql (sql_dir, "dashboard.sql", script);

  /* Warm the caches as a supervisor's first look would. */
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(InsWorkload) w = ins_workload_store_load (conn, NULL, &error);

      if (w == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (i == 0)
        g_print ("Figures: %u open affaires, %u overdue, %u closes in %u days by %u agents, %u untouched, "
                 "%u unusable, %u failed notifications\n\n",
                 ins_workload_backlog_sum (w, -1, -1, -1), ins_workload_breach_total (w),
                 ins_workload_closes_total (w), w->query.days, w->agents->len, w->untouched_count,
                 w->non_exploitable_count, w->failed_count);
    }

  g_print ("| %-52s | %6s | %8s | %8s | %8s |\n", "what (ms)", "n", "p50", "p95", "p99");
  g_print ("|%s|%s|%s|%s|%s|\n", "------------------------------------------------------", "--------",
           "----------", "----------", "----------");
  if (!time_loads (conn, iterations, "whole dashboard: ins_workload_store_load()"))
    return 1;

  /* Each statement alone, in the same kind of snapshot. */
  statements = g_strsplit (script, ";\n", -1);
  for (guint s = 0; statements[s] != NULL; s++)
    {
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *label = NULL;
      const char *sql = statements[s];
      const char *name = "";

      if (!g_str_has_prefix (sql, "-- "))
        continue;
      name = sql + 3;
      sql = strchr (sql, '\n') + 1;
      for (int i = 0; i < iterations; i++)
        {
          double t0 = now_us ();
          g_autoptr(PGresult) res = ins_db_exec (conn, sql, 0, NULL, &error);
          double t1 = now_us ();

          if (res == NULL)
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          g_array_append_val (samples, (double) { t1 - t0 });
        }
      stats = bench_stats (samples);
      label = g_strdup_printf ("  %.*s, alone", (int) (strchr (name, '\n') - name), name);
      bench_print (label, &stats);
    }
  /* Again, for the drift of a shared machine over the run. */
  if (!time_loads (conn, iterations, "whole dashboard again, after the statements"))
    return 1;
  return 0;
}
