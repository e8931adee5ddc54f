/* ins-helper-pool.c — one warm spare instruction-renderer, replaced off the caller's thread */
#define G_LOG_DOMAIN "ins-documents"

#include "config.h"

#include "ins-helper-pool.h"

/* A spare not ready within this is given up (the machine is swamped). */
#define READY_TIMEOUT_MS 30000
/* How long opening a document waits for a spare still warming up. */
#define TAKE_WAIT_MS 2000

struct _InsHelperPool
{
  gatomicrefcount ref_count;
  char **argv;            /* on-demand helpers */
  char **spare_argv;      /* the same, told to warm up while it waits */

  GMutex lock;            /* guards what follows */
  GCond ready;
  gboolean keep_spare;
  InsRenderHelper *spare;
  gboolean starting;
};

static gpointer
start_spare (gpointer data)
{
  InsHelperPool *pool = data;
  g_autoptr(GError) error = NULL;
  InsRenderHelper *helper;

  helper = ins_render_helper_spawn ((const char * const *) pool->spare_argv, &error);
  if (helper != NULL && !ins_render_helper_wait_ready (helper, READY_TIMEOUT_MS, &error))
    g_clear_pointer (&helper, ins_render_helper_free);
  if (helper == NULL)
    g_debug ("no spare renderer: %s", error->message);

  g_mutex_lock (&pool->lock);
  if (pool->spare == NULL)
    pool->spare = g_steal_pointer (&helper);
  pool->starting = FALSE;
  g_cond_broadcast (&pool->ready);
  g_mutex_unlock (&pool->lock);

  g_clear_pointer (&helper, ins_render_helper_free);
  ins_helper_pool_unref (pool);
  return NULL;
}

/* With the lock held. */
static void
refill (InsHelperPool *pool)
{
  if (!pool->keep_spare || pool->spare != NULL || pool->starting)
    return;
  pool->starting = TRUE;
  g_thread_unref (g_thread_new ("ins-spare-renderer", start_spare, ins_helper_pool_ref (pool)));
}

InsHelperPool *
ins_helper_pool_new (const char * const *argv,
                     gboolean            keep_spare)
{
  InsHelperPool *pool = g_new0 (InsHelperPool, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_atomic_ref_count_init (&pool->ref_count);
  g_mutex_init (&pool->lock);
  g_cond_init (&pool->ready);
  pool->argv = g_strdupv ((char **) argv);
  g_strv_builder_addv (builder, (const char **) argv);
  g_strv_builder_add (builder, "--warm-up");
  pool->spare_argv = g_strv_builder_end (builder);
  pool->keep_spare = keep_spare;

  g_mutex_lock (&pool->lock);
  refill (pool);
  g_mutex_unlock (&pool->lock);
  return pool;
}

InsHelperPool *
ins_helper_pool_ref (InsHelperPool *pool)
{
  g_atomic_ref_count_inc (&pool->ref_count);
  return pool;
}

void
ins_helper_pool_unref (InsHelperPool *pool)
{
  if (pool == NULL || !g_atomic_ref_count_dec (&pool->ref_count))
    return;
  /* A starting spare holds a reference: nothing else can touch the pool now. */
  g_clear_pointer (&pool->spare, ins_render_helper_free);
  g_strfreev (pool->argv);
  g_strfreev (pool->spare_argv);
  g_cond_clear (&pool->ready);
  g_mutex_clear (&pool->lock);
  g_free (pool);
}

InsRenderHelper *
ins_helper_pool_take (InsHelperPool *pool,
                      GError       **error)
{
  InsRenderHelper *helper;
  gint64 deadline = g_get_monotonic_time () + TAKE_WAIT_MS * G_TIME_SPAN_MILLISECOND;

  g_mutex_lock (&pool->lock);
  /* The one starting is ahead of a process started now, unless it is stuck. */
  while (pool->spare == NULL && pool->starting)
    if (!g_cond_wait_until (&pool->ready, &pool->lock, deadline))
      break;
  helper = g_steal_pointer (&pool->spare);
  refill (pool);
  g_mutex_unlock (&pool->lock);

  if (helper != NULL && ins_render_helper_check_alive (helper))
    return helper;
  g_clear_pointer (&helper, ins_render_helper_free);
  return ins_render_helper_spawn ((const char * const *) pool->argv, error);
}

GPid
ins_helper_pool_get_spare_pid (InsHelperPool *pool)
{
  GPid pid;

  g_mutex_lock (&pool->lock);
  pid = pool->spare ? ins_render_helper_get_pid (pool->spare) : 0;
  g_mutex_unlock (&pool->lock);
  return pid;
}

void
ins_helper_pool_wait_spare (InsHelperPool *pool)
{
  g_mutex_lock (&pool->lock);
  while (pool->starting)
    g_cond_wait (&pool->ready, &pool->lock);
  g_mutex_unlock (&pool->lock);
}

void
ins_helper_pool_stop_spares (InsHelperPool *pool)
{
  InsRenderHelper *spare;

  g_mutex_lock (&pool->lock);
  pool->keep_spare = FALSE;
  while (pool->starting)
    g_cond_wait (&pool->ready, &pool->lock);
  spare = g_steal_pointer (&pool->spare);
  g_mutex_unlock (&pool->lock);
  g_clear_pointer (&spare, ins_render_helper_free);
}
