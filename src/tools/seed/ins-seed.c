/* ins-seed.c — everything instruction-seed does, callable from tests */
#define G_LOG_DOMAIN "ins-seed"

#include "config.h"

#include "store/ins-migrations.h"
#include "store/ins-seed-store.h"
#include "ins-seed-agents.h"
#include "ins-seed.h"

guint
ins_seed_pool_size_for (gint64 count)
{
  return (guint) CLAMP (count / 4, 40, 320);
}

/* A server in service has its rows frozen and hinted, its statistics
 * fresh: so the first claims after a seed do not pay for the load. */
static gboolean
vacuum_tables (PGconn               *conn,
               const InsSeedOptions *options,
               GError              **error)
{
  g_autoptr(GPtrArray) tables = NULL;

  if (!ins_seed_store_flush_commits (conn, error) || (tables = ins_seed_store_tables (conn, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      if (options->vacuum_progress)
        options->vacuum_progress (i, tables->len, g_ptr_array_index (tables, i), options->user_data);
      if (!ins_seed_store_vacuum (conn, g_ptr_array_index (tables, i), error))
        return FALSE;
    }
  if (options->vacuum_progress)
    options->vacuum_progress (tables->len, tables->len, NULL, options->user_data);
  return TRUE;
}

gboolean
ins_seed_run (PGconn               *conn,
              const InsSeedOptions *options,
              GError              **error)
{
  g_autoptr(InsSeedPool) pool = NULL;
  gint64 match_up_to = options->match_up_to > 0 ? options->match_up_to : INS_SEED_MATCHED_MAX;
  gint64 started;

  if (!ins_migrations_apply (conn, NULL, error) || !ins_seed_store_prepare (conn, error))
    return FALSE;
  if ((options->organismes || options->agents || options->count > 0) && !ins_seed_organismes (conn, error))
    return FALSE;
  if ((options->agents || options->count > 0) && !ins_seed_agents (conn, options->password, error))
    return FALSE;
  if (options->count <= 0)
    return TRUE;

  if (options->count > match_up_to)
    {
      started = g_get_monotonic_time ();
      pool = ins_seed_pool_new (ins_seed_pool_size_for (options->count), options->seed);
      g_debug ("pool of %u documents drawn in %.1f s", ins_seed_pool_size (pool),
               (g_get_monotonic_time () - started) / 1e6);
      started = g_get_monotonic_time ();
      if (!ins_seed_pool_store (pool, conn, error))
        return FALSE;
      g_debug ("pool stored in %.1f s", (g_get_monotonic_time () - started) / 1e6);
    }
  started = g_get_monotonic_time ();
  if (!ins_seed_affaires (conn, options->conninfo, options->jobs ? options->jobs : 2, pool, options->count, options->seed ^ 0x5eed, options->progress,
                          options->user_data, error))
    return FALSE;
  g_debug ("affaires loaded in %.1f s", (g_get_monotonic_time () - started) / 1e6);
  started = g_get_monotonic_time ();
  if (!vacuum_tables (conn, options, error))
    return FALSE;
  g_debug ("tables frozen and analysed in %.1f s", (g_get_monotonic_time () - started) / 1e6);
  return TRUE;
}
