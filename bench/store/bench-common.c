/* bench-common.c — latency samples and their percentiles */
#include "config.h"

#include <stdio.h>

#include "bench-common.h"

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

BenchStats
bench_stats (GArray *samples)
{
  BenchStats s = { 0 };
  double sum = 0;

  s.n = samples->len;
  if (s.n == 0)
    return s;
  g_array_sort (samples, cmp_double);
  for (guint i = 0; i < s.n; i++)
    sum += g_array_index (samples, double, i);
  s.mean = sum / s.n;
  s.p50 = g_array_index (samples, double, s.n * 50 / 100);
  s.p95 = g_array_index (samples, double, MIN (s.n - 1, s.n * 95 / 100));
  s.p99 = g_array_index (samples, double, MIN (s.n - 1, s.n * 99 / 100));
  return s;
}

void
bench_print (const char *what, const BenchStats *s)
{
  g_print ("| %-52s | %6u | %8.3f | %8.3f | %8.3f |\n", what, s->n, s->p50 / 1000, s->p95 / 1000, s->p99 / 1000);
}

void
bench_write_sql (const char *dir, const char *name, const char *sql)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strconcat (sql, ";\n", NULL);

  if (!g_file_set_contents (path, text, -1, &error))
    g_error ("%s", error->message);
}
