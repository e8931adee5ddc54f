/* ins-seed-affaires.c — realistic sample affaires, loaded in batches with COPY */
#define G_LOG_DOMAIN "ins-seed"

#include "config.h"

#include <glib/gi18n.h>

#include "store/ins-db.h"
#include "store/ins-seed-store.h"
#include "ins-seed-affaire-gen.h"
#include "ins-seed-affaires.h"
#include "ins-seed-agents.h"
#include "ins-seed-docs.h"

#define BATCH 10000
#define MATCHED_BATCH 100   /* drawing documents is slow: share it among the threads */

/* What the loading threads share. */
typedef struct {
  GMutex           lock;
  const char      *conninfo;
  InsSeedPool     *pool;
  InsSeedStaff            cpam;
  InsSeedStaff            cnse;
  gint64           now;
  gint64           count;
  guint32          seed;
  gint64           batch;      /* affaires per batch */
  gint64           next_batch;
  gint64           done;
  InsSeedProgress  progress;
  gpointer         user_data;
  GError          *error;      /* the first failure stops every thread */
} Load;

/* Loading --------------------------------------------------------------------- */

static gboolean
load_staff (Load *g, PGconn *conn, GError **error)
{
  g_autoptr(GPtrArray) agents = ins_seed_store_list_agents (conn, error);
  InsSeedStaff *both[] = { &g->cpam, &g->cnse };

  if (agents == NULL)
    return FALSE;
  for (guint s = 0; s < G_N_ELEMENTS (both); s++)
    {
      both[s]->instructeurs = g_array_new (FALSE, FALSE, sizeof (int));
      both[s]->medecins = g_array_new (FALSE, FALSE, sizeof (int));
    }
  for (guint i = 0; i < agents->len; i++)
    {
      InsSeedAgent *agent = g_ptr_array_index (agents, i);
      InsSeedStaff *staff = g_str_equal (agent->organisme_code, INS_SEED_CNSE) ? &g->cnse
                   : g_str_equal (agent->organisme_code, INS_SEED_CPAM) ? &g->cpam : NULL;

      if (staff == NULL)
        continue;
      staff->organisme_id = agent->organisme_id;
      if (g_str_equal (agent->role, "instructeur"))
        g_array_append_val (staff->instructeurs, agent->id);
      else if (g_str_equal (agent->role, "medecin_conseil"))
        g_array_append_val (staff->medecins, agent->id);
    }
  for (guint s = 0; s < G_N_ELEMENTS (both); s++)
    if (both[s]->instructeurs->len == 0 || both[s]->medecins->len == 0)
      {
        g_set_error (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND,
                     _("The demo organismes have no agents: create them first (--agents)"));
        return FALSE;
      }
  return TRUE;
}

static gboolean
flush_batch (InsSeedGen *g, PGconn *conn, gint64 first_id, gint64 last_id, GError **error)
{
  gint64 started;

  if (!ins_db_begin (conn, error))
    return FALSE;
  started = g_get_monotonic_time ();
  if (!ins_seed_docs_store (conn, g->made, error))
    {
      ins_db_rollback (conn);
      return FALSE;
    }
  g_ptr_array_set_size (g->made, 0);
  g->spent[INS_SEED_ATTACHMENT] += g_get_monotonic_time () - started;
  for (int t = 0; t < INS_SEED_N_TABLES; t++)
    {
      started = g_get_monotonic_time ();
      if (g->rows[t]->len == 0)
        continue;
      if (!ins_seed_store_copy_begin (conn, t, error)
          || !ins_seed_store_copy_put (conn, g->rows[t]->str, g->rows[t]->len, error)
          || !ins_seed_store_copy_end (conn, error))
        {
          ins_db_rollback (conn);
          return FALSE;
        }
      g_string_truncate (g->rows[t], 0);
      g->spent[t] += g_get_monotonic_time () - started;
    }
  started = g_get_monotonic_time ();
  if (!ins_seed_store_queue_notifications (conn, first_id, last_id, error)
      || !ins_db_commit (conn, error))
    {
      ins_db_rollback (conn);
      return FALSE;
    }
  g->spent[INS_SEED_N_TABLES] += g_get_monotonic_time () - started;
  return TRUE;
}

static void
staff_clear (InsSeedStaff *staff)
{
  g_clear_pointer (&staff->instructeurs, g_array_unref);
  g_clear_pointer (&staff->medecins, g_array_unref);
}

/* Takes batches until none is left: each drawn from its own seed (so the data
 * does not depend on which thread loads it), loaded in one transaction. */
static void
load_batches (Load *load, PGconn *conn)
{
  InsSeedGen g = { 0 };
  GError *error = NULL;

  ins_seed_gen_init (&g, load->now, load->pool, &load->cpam, &load->cnse);
  for (;;)
    {
      guint32 seeds[2];
      gint64 batch, n, first_id;

      g_mutex_lock (&load->lock);
      batch = load->next_batch++;
      n = load->error ? 0 : MIN (load->batch, load->count - batch * load->batch);
      g_mutex_unlock (&load->lock);
      if (n <= 0)
        break;

      seeds[0] = load->seed;
      seeds[1] = (guint32) batch;
      g_clear_pointer (&g.rand, g_rand_free);
      g.rand = g_rand_new_with_seed_array (seeds, 2);
      if (!ins_seed_store_reserve (conn, INS_SEED_SEQ_AFFAIRE, n, &g.next_affaire, &error)
          || !ins_seed_store_reserve (conn, INS_SEED_SEQ_ASSURE, n, &g.next_assure, &error)
          || !ins_seed_store_reserve (conn, INS_SEED_SEQ_AVIS, n, &g.next_avis, &error)
          || !ins_seed_store_reserve (conn, INS_SEED_SEQ_NUMERO, n, &g.next_numero, &error))
        break;
      first_id = g.next_affaire;
      g.position = batch * load->batch;
      g.total = load->count;
      /* Insured persons file again only within their batch. */
      g_clear_pointer (&g.last.nir, g_free);
      for (gint64 i = 0; i < n; i++)
        ins_seed_gen_affaire (&g);
      if (!flush_batch (&g, conn, first_id, first_id + n - 1, &error))
        break;

      g_mutex_lock (&load->lock);
      load->done += n;
      if (load->progress)
        load->progress (load->done, load->count, load->user_data);
      g_mutex_unlock (&load->lock);
    }
  if (error != NULL)
    {
      g_mutex_lock (&load->lock);
      if (load->error == NULL)
        load->error = g_steal_pointer (&error);
      g_clear_error (&error);
      g_mutex_unlock (&load->lock);
    }
  for (int t = 0; t <= INS_SEED_N_TABLES; t++)
    g_debug ("table %d: %.1f s", t, g.spent[t] / 1e6);
  ins_seed_gen_clear (&g);
}

static gpointer
load_thread (gpointer data)
{
  Load *load = data;
  GError *error = NULL;
  g_autoptr(PGconn) conn = ins_db_connect (load->conninfo, &error);

  if (conn != NULL && ins_seed_store_prepare (conn, &error))
    load_batches (load, conn);
  if (error != NULL)
    {
      g_mutex_lock (&load->lock);
      if (load->error == NULL)
        load->error = g_steal_pointer (&error);
      g_clear_error (&error);
      g_mutex_unlock (&load->lock);
    }
  return NULL;
}

gboolean
ins_seed_affaires (PGconn          *conn,
                   const char      *conninfo,
                   guint            jobs,
                   InsSeedPool     *pool,
                   gint64           count,
                   guint32          seed,
                   InsSeedProgress  progress,
                   gpointer         user_data,
                   GError         **error)
{
  Load load = { 0 };
  gboolean ok;

  g_mutex_init (&load.lock);
  load.conninfo = conninfo;
  load.pool = pool;
  load.now = g_get_real_time () / G_USEC_PER_SEC;
  load.count = count;
  load.batch = pool != NULL ? BATCH : MATCHED_BATCH;
  load.seed = seed;
  load.progress = progress;
  load.user_data = user_data;

  if (load_staff (&load, conn, error))
    {
      if (progress)
        progress (0, count, user_data);
      if (conninfo == NULL || jobs <= 1)
        load_batches (&load, conn);
      else
        {
          g_autoptr(GPtrArray) threads = g_ptr_array_new ();

          for (guint i = 0; i < jobs; i++)
            g_ptr_array_add (threads, g_thread_new ("ins-seed-load", load_thread, &load));
          for (guint i = 0; i < jobs; i++)
            g_thread_join (g_ptr_array_index (threads, i));
        }
      ok = load.error == NULL;
      if (load.error != NULL)
        g_propagate_error (error, g_steal_pointer (&load.error));
    }
  else
    ok = FALSE;

  staff_clear (&load.cpam);
  staff_clear (&load.cnse);
  g_mutex_clear (&load.lock);
  return ok;
}
