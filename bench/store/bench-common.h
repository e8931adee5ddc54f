/* bench-common.h — latency samples and their percentiles */
#pragma once

#include <glib.h>

typedef struct {
  double p50, p95, p99, mean;
  guint  n;
} BenchStats;

/* Percentiles of @samples (microseconds, sorted in place). */
BenchStats bench_stats    (GArray *samples);

/* Prints one line of the result table: name, then p50 / p95 / p99 in ms. */
void       bench_print    (const char *what, const BenchStats *stats);

/* Writes @sql to @dir/@name for pgbench -f. */
void       bench_write_sql (const char *dir, const char *name, const char *sql);
