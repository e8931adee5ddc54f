/* ins-renderer.c — render jobs by priority on worker threads, page cache */
#define G_LOG_DOMAIN "ins-documents"

#include "config.h"

#include <math.h>

#include "core/ins-main-context.h"
#include "ins-document-error.h"
#include "documents/ins-documents-config.h"
#include "ins-renderer.h"

#define DEFAULT_TIMEOUT_MS   15000
/* A fit-width A4 page is about 4.5 MB of pixels: some fourteen pages, enough
 * for the shown page's neighbours and the next affaire's first pages. */
#define DEFAULT_CACHE_BYTES  (64u * 1024 * 1024)
#define MAX_OPEN_DOCUMENTS   6
#define MAX_REMEMBERED_FAILURES 64
#define MAX_PREVIEWS         64
#define MAX_FIRST_PAGE_HINTS 64
/* A PDF heavier than this per page is probably a scan: its first page (some
 * 200 ms of CPU) is not rendered ahead, it would take the CPU from the frames
 * that show its placeholder (measured: placeholder and page later, not
 * sooner). */
#define FIRST_RENDER_MAX_BYTES_PER_PAGE (250 * 1024)
#define N_WORKERS            2

typedef enum { JOB_OPEN, JOB_RENDER } JobKind;

typedef struct _Job {
  gatomicrefcount ref_count;
  JobKind kind;
  InsRenderer *renderer;   /* unowned: the tasks keep it alive until completion */
  char *key;               /* in renderer->pending */
  gint started;            /* atomic */
  gboolean cold;           /* only prefetch asked for it */
  gboolean skipped;        /* the worker found every request cancelled */
  gboolean completed;      /* job_complete () ran */

  char *doc_key;           /* open */
  GBytes *bytes;
  GBytes *preview;         /* PNG, or NULL */
  double first_width_px;   /* open: render the first page this wide, or 0 */
  guint first_rotation;
  struct _Job *first_render;   /* open: that render, under way on the worker */
  InsRenderDocument *doc;  /* render */
  guint page;
  double scale;
  guint rotation;

  GPtrArray *tasks;        /* GTask, under renderer->lock */

  InsRenderDocument *opened;
  InsPageImage *image;
  GError *error;
} Job;

typedef struct {
  Job *job;
  InsRenderPriority priority;
  guint64 seq;
} Ticket;

struct _InsRenderer
{
  GObject parent_instance;

  GMainContext *context;
  GThreadPool *pool;
  GMutex lock;
  guint64 seq;
  char **helper_argv;
  InsHelperPool *helpers;
  guint timeout_ms;

  InsPageCache *cache;
  GHashTable *pending;     /* job key → Job */
  GHashTable *documents;   /* key → InsRenderDocument */
  GQueue document_lru;     /* keys (owned by documents' objects), most recent first */
  GHashTable *failures;    /* key → GError */
  GHashTable *previews;    /* key → GBytes (PNG) */
  GHashTable *first_pages; /* key → FirstPageHint */
};

typedef struct {
  double width_px;
  guint rotation;
} FirstPageHint;

G_DEFINE_FINAL_TYPE (InsRenderer, ins_renderer, G_TYPE_OBJECT)

static Job *
job_new (JobKind kind, char *key)
{
  Job *job = g_new0 (Job, 1);

  g_atomic_ref_count_init (&job->ref_count);
  job->kind = kind;
  job->key = key;
  return job;
}

static Job *
job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
job_unref (Job *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;
  g_clear_pointer (&job->tasks, g_ptr_array_unref);
  g_clear_pointer (&job->first_render, job_unref);
  g_clear_object (&job->opened);
  g_clear_pointer (&job->image, ins_page_image_unref);
  g_clear_error (&job->error);
  g_clear_object (&job->doc);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->preview, g_bytes_unref);
  g_free (job->doc_key);
  g_free (job->key);
  g_free (job);
}

static void
ticket_free (gpointer data)
{
  Ticket *ticket = data;

  job_unref (ticket->job);
  g_free (ticket);
}

static int
ticket_compare (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Ticket *ta = a, *tb = b;

  if (ta->priority != tb->priority)
    return ta->priority < tb->priority ? -1 : 1;
  return ta->seq < tb->seq ? -1 : ta->seq > tb->seq;
}

static void
push_ticket (InsRenderer *self, Job *job, InsRenderPriority priority)
{
  Ticket *ticket = g_new0 (Ticket, 1);

  ticket->job = job_ref (job);
  ticket->priority = priority;
  ticket->seq = ++self->seq;
  g_thread_pool_push (self->pool, ticket, NULL);
}

/* The most urgent priority among the requests still wanted, or -1. */
static int
job_wanted_priority (InsRenderer *self, Job *job)
{
  int best = -1;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < job->tasks->len; i++)
    {
      GTask *task = job->tasks->pdata[i];
      int priority = GPOINTER_TO_INT (g_task_get_task_data (task));

      if (!g_cancellable_is_cancelled (g_task_get_cancellable (task)) && (best < 0 || priority < best))
        best = priority;
    }
  g_mutex_unlock (&self->lock);
  return best;
}

static gboolean
job_all_cancelled (InsRenderer *self, Job *job)
{
  gboolean all = TRUE;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < job->tasks->len && all; i++)
    all = g_cancellable_is_cancelled (g_task_get_cancellable (job->tasks->pdata[i]));
  g_mutex_unlock (&self->lock);
  return all;
}

static void
remember_document (InsRenderer *self, InsRenderDocument *doc)
{
  const char *key = ins_render_document_get_key (doc);

  if (g_hash_table_contains (self->documents, key))
    return;
  g_hash_table_insert (self->documents, (gpointer) key, g_object_ref (doc));
  g_queue_push_head (&self->document_lru, (gpointer) key);
  while (self->document_lru.length > MAX_OPEN_DOCUMENTS)
    {
      const char *old = g_queue_pop_tail (&self->document_lru);
      /* Pages stay cached; the process ends when the last user lets go. */
      g_hash_table_remove (self->documents, old);
    }
}

static void
touch_document (InsRenderer *self, InsRenderDocument *doc)
{
  const char *key = ins_render_document_get_key (doc);
  GList *link = g_queue_find (&self->document_lru, key);

  if (link != NULL)
    {
      g_queue_unlink (&self->document_lru, link);
      g_queue_push_head_link (&self->document_lru, link);
    }
}

/* On the renderer's thread: hand the result to every request. */
static gboolean
job_complete (gpointer data)
{
  Job *job = data;
  g_autoptr(InsRenderer) self = g_object_ref (job->renderer);
  g_autoptr(GPtrArray) tasks = NULL;
  int wanted;

  /* A request joined while the worker was skipping the job for its cancelled
   * ones: the job runs after all, never answering it "cancelled". */
  if (job->skipped && (wanted = job_wanted_priority (self, job)) >= 0)
    {
      job->skipped = FALSE;
      g_clear_error (&job->error);
      g_atomic_int_set (&job->started, FALSE);
      push_ticket (self, job, (InsRenderPriority) wanted);
      return G_SOURCE_REMOVE;
    }

  job->completed = TRUE;
  /* pending held the job's first reference (see submit()); it holds the
   * document being rendered, so dropping it lets the helper quit. */
  if (g_hash_table_lookup (self->pending, job->key) == job)
    {
      g_hash_table_remove (self->pending, job->key);
      job_unref (job);
    }

  if (job->kind == JOB_OPEN)
    {
      Job *first = g_steal_pointer (&job->first_render);

      /* Before the callers hear of the document: their render of the first
       * page joins the one the worker went on with. pending takes the
       * reference the worker made it with. */
      if (first != NULL && !first->completed && !g_hash_table_contains (self->pending, first->key))
        g_hash_table_insert (self->pending, first->key, first);
      else if (first != NULL)
        job_unref (first);
      if (job->opened != NULL)
        remember_document (self, job->opened);
      else if (job->error != NULL && job->error->domain == INS_DOCUMENT_ERROR)
        {
          if (g_hash_table_size (self->failures) >= MAX_REMEMBERED_FAILURES)
            g_hash_table_remove_all (self->failures);
          g_hash_table_replace (self->failures, g_strdup (job->doc_key),
                                g_error_copy (job->error));
        }
    }
  else if (job->image != NULL)
    ins_page_cache_insert (self->cache, ins_render_document_get_key (job->doc), job->page,
                           job->rotation, job->scale, job->image, job->cold);

  g_mutex_lock (&self->lock);
  tasks = g_steal_pointer (&job->tasks);
  job->tasks = g_ptr_array_new ();
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = tasks->pdata[i];

      if (job->error != NULL)
        g_task_return_error (task, g_error_copy (job->error));
      else if (job->kind == JOB_OPEN)
        g_task_return_pointer (task, g_object_ref (job->opened), g_object_unref);
      else
        g_task_return_pointer (task, ins_page_image_ref (job->image),
                               (GDestroyNotify) ins_page_image_unref);
    }
  g_ptr_array_set_free_func (tasks, g_object_unref);
  return G_SOURCE_REMOVE;
}

static char *
render_key (const char *doc_key, guint page, guint rotation, double scale)
{
  return g_strdup_printf ("render\x1f%s\x1f%u\x1f%u\x1f%ld", doc_key, page, rotation,
                          lround (scale * 1000));
}

/* On the worker, for an open job that succeeded with a first-page hint: the
 * render job of that page, started (no ticket), one reference for pending
 * (handed over by job_complete (), see there) and one for the caller. */
static Job *
start_first_render (InsRenderer *self, Job *open)
{
  Job *job;
  double w, h, shown_w;

  if (open->kind != JOB_OPEN || open->opened == NULL || open->first_width_px <= 0
      || ins_render_document_get_kind (open->opened) != INS_DOCUMENT_KIND_PDF
      || g_bytes_get_size (open->bytes) / ins_render_document_get_n_pages (open->opened)
         > FIRST_RENDER_MAX_BYTES_PER_PAGE
      || job_all_cancelled (self, open))
    return NULL;
  ins_render_document_get_page_size (open->opened, 0, &w, &h);
  shown_w = open->first_rotation == 90 || open->first_rotation == 270 ? h : w;
  job = job_new (JOB_RENDER, NULL);
  job->renderer = self;
  job->doc = g_object_ref (open->opened);
  job->page = 0;
  job->rotation = open->first_rotation;
  job->scale = ins_renderer_scale_for_width (shown_w, open->first_width_px);
  job->key = render_key (ins_render_document_get_key (open->opened), 0, job->rotation, job->scale);
  job->cold = open->cold;
  job->started = TRUE;
  job->tasks = g_ptr_array_new ();
  open->first_render = job_ref (job);
  return job;
}

static void
worker (gpointer data, gpointer user_data)
{
  Ticket *ticket = data;
  Job *job = ticket->job;
  InsRenderer *self = job->renderer;
  Job *first;

  if (!g_atomic_int_compare_and_exchange (&job->started, FALSE, TRUE))
    {
      ticket_free (ticket);   /* a duplicate pushed to raise the priority */
      return;
    }

  if (job_all_cancelled (self, job))
    {
      job->skipped = TRUE;
      g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
    }
  else if (job->kind == JOB_OPEN)
    job->opened = ins_render_document_open_sync (job->doc_key, job->bytes, job->preview,
                                                 self->helpers,
                                                 g_atomic_int_get (&self->timeout_ms),
                                                 &job->error);
  else
    job->image = ins_render_document_render_sync (job->doc, job->page, job->scale,
                                                  job->rotation, &job->error);

  first = start_first_render (self, job);
  ins_main_context_post (self->context, job_complete, job_ref (job),
                         (GDestroyNotify) job_unref);
  if (first != NULL)
    {
      first->image = ins_render_document_render_sync (first->doc, first->page, first->scale,
                                                      first->rotation, &first->error);
      ins_main_context_post (self->context, job_complete, first, (GDestroyNotify) job_unref);
    }
  ticket_free (ticket);
}

/* Joins the job in flight under @key, or starts @job. Takes @job. */
static void
submit (InsRenderer *self, Job *job, GTask *task, InsRenderPriority priority)
{
  Job *running = g_hash_table_lookup (self->pending, job->key);

  g_task_set_task_data (task, GINT_TO_POINTER (priority), NULL);

  if (running != NULL)
    {
      job_unref (job);
      g_mutex_lock (&self->lock);
      g_ptr_array_add (running->tasks, task);
      g_mutex_unlock (&self->lock);
      if (priority < INS_RENDER_PRIORITY_PREFETCH)
        running->cold = FALSE;
      if (!g_atomic_int_get (&running->started))
        push_ticket (self, running, priority);
      return;
    }

  job->renderer = self;
  job->cold = priority == INS_RENDER_PRIORITY_PREFETCH;
  job->tasks = g_ptr_array_new ();
  g_ptr_array_add (job->tasks, task);
  g_hash_table_insert (self->pending, job->key, job);
  push_ticket (self, job, priority);
}

const char *
ins_renderer_find_helper (void)
{
  static char *path;

  if (g_once_init_enter (&path))
    {
      const char *env = g_getenv ("INS_RENDERER_PATH");
      char *found;

      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else if (INS_RENDERER_BUILD_PATH[0] != '\0'
               && g_file_test (INS_RENDERER_BUILD_PATH, G_FILE_TEST_IS_EXECUTABLE))
        found = g_strdup (INS_RENDERER_BUILD_PATH);
      else
        found = g_build_filename (LIBEXECDIR, "instruction-renderer", NULL);
      g_once_init_leave (&path, found);
    }
  return path;
}

static void
ins_renderer_finalize (GObject *object)
{
  InsRenderer *self = INS_RENDERER (object);

  g_thread_pool_free (self->pool, TRUE, TRUE);
  g_queue_clear (&self->document_lru);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->failures, g_hash_table_unref);
  g_clear_pointer (&self->previews, g_hash_table_unref);
  g_clear_pointer (&self->first_pages, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->cache);
  ins_helper_pool_stop_spares (self->helpers);
  g_clear_pointer (&self->helpers, ins_helper_pool_unref);
  g_clear_pointer (&self->helper_argv, g_strfreev);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (ins_renderer_parent_class)->finalize (object);
}

static void
ins_renderer_class_init (InsRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ins_renderer_finalize;
}

static void
ins_renderer_init (InsRenderer *self)
{
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->cache = ins_page_cache_new (DEFAULT_CACHE_BYTES);
  self->pending = g_hash_table_new (g_str_hash, g_str_equal);
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_error_free);
  self->previews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_bytes_unref);
  self->first_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pool = g_thread_pool_new_full (worker, self, ticket_free, N_WORKERS, FALSE, NULL);
  g_thread_pool_set_sort_function (self->pool, ticket_compare, NULL);
}

InsRenderer *
ins_renderer_new (void)
{
  const char *argv[] = { ins_renderer_find_helper (), NULL };

  return ins_renderer_new_for_helper (argv);
}

InsRenderer *
ins_renderer_new_for_helper (const char * const *argv)
{
  return ins_renderer_new_full (argv, TRUE);
}

InsRenderer *
ins_renderer_new_full (const char * const *argv,
                       gboolean            keep_spare)
{
  InsRenderer *self;

  g_return_val_if_fail (argv != NULL && argv[0] != NULL, NULL);

  self = g_object_new (INS_TYPE_RENDERER, NULL);
  self->helper_argv = g_strdupv ((char **) argv);
  self->helpers = ins_helper_pool_new (argv, keep_spare);
  return self;
}

InsRenderer *
ins_renderer_get_default (void)
{
  static InsRenderer *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, ins_renderer_new ());
  return instance;
}

InsPageCache *
ins_renderer_get_cache (InsRenderer *self)
{
  g_return_val_if_fail (INS_IS_RENDERER (self), NULL);
  return self->cache;
}

guint
ins_renderer_get_timeout_ms (InsRenderer *self)
{
  g_return_val_if_fail (INS_IS_RENDERER (self), 0);
  return (guint) g_atomic_int_get (&self->timeout_ms);
}

void
ins_renderer_set_timeout_ms (InsRenderer *self, guint timeout_ms)
{
  g_return_if_fail (INS_IS_RENDERER (self));
  g_atomic_int_set (&self->timeout_ms, MAX (timeout_ms, 1));
}

GPid
ins_renderer_get_spare_helper_pid (InsRenderer *self,
                                   gboolean     wait)
{
  g_return_val_if_fail (INS_IS_RENDERER (self), 0);

  if (wait)
    ins_helper_pool_wait_spare (self->helpers);
  return ins_helper_pool_get_spare_pid (self->helpers);
}

void
ins_renderer_add_preview (InsRenderer *self,
                          const char  *key,
                          GBytes      *png)
{
  g_return_if_fail (INS_IS_RENDERER (self));
  g_return_if_fail (key != NULL && png != NULL);

  if (g_hash_table_size (self->previews) >= MAX_PREVIEWS)
    g_hash_table_remove_all (self->previews);
  g_hash_table_replace (self->previews, g_strdup (key), g_bytes_ref (png));
}

void
ins_renderer_hint_first_page (InsRenderer *self,
                              const char  *key,
                              double       width_px,
                              guint        rotation)
{
  FirstPageHint *hint;

  g_return_if_fail (INS_IS_RENDERER (self));
  g_return_if_fail (key != NULL);

  if (!(width_px >= 1) || !isfinite (width_px) || rotation % 90 != 0 || rotation >= 360)
    return;
  if (g_hash_table_size (self->first_pages) >= MAX_FIRST_PAGE_HINTS)
    g_hash_table_remove_all (self->first_pages);
  hint = g_new (FirstPageHint, 1);
  hint->width_px = width_px;
  hint->rotation = rotation;
  g_hash_table_replace (self->first_pages, g_strdup (key), hint);
}

double
ins_renderer_scale_for_width (double page_width,
                              double width_px)
{
  /* A quarter pixel short of a whole number of pixels: the renderer's width,
   * rounded up, is exactly that number. */
  return (MAX (round (width_px), 1) - 0.25) / MAX (page_width, 1);
}

InsRenderDocument *
ins_renderer_lookup_document (InsRenderer *self,
                              const char  *key)
{
  InsRenderDocument *doc;

  g_return_val_if_fail (INS_IS_RENDERER (self), NULL);
  doc = g_hash_table_lookup (self->documents, key);
  if (doc != NULL)
    touch_document (self, doc);
  return doc;
}

void
ins_renderer_open_async (InsRenderer         *self,
                         const char          *key,
                         GBytes              *bytes,
                         InsRenderPriority    priority,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  InsRenderDocument *doc;
  const GError *failure;
  FirstPageHint *hint;
  Job *job;

  g_return_if_fail (INS_IS_RENDERER (self));
  g_return_if_fail (key != NULL && bytes != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ins_renderer_open_async);

  doc = g_hash_table_lookup (self->documents, key);
  if (doc != NULL)
    {
      touch_document (self, doc);
      g_task_return_pointer (task, g_object_ref (doc), g_object_unref);
      return;
    }
  failure = g_hash_table_lookup (self->failures, key);
  if (failure != NULL)
    {
      g_task_return_error (task, g_error_copy (failure));
      return;
    }

  job = job_new (JOB_OPEN, g_strconcat ("open\x1f", key, NULL));
  job->doc_key = g_strdup (key);
  job->bytes = g_bytes_ref (bytes);
  job->preview = g_hash_table_lookup (self->previews, key);
  if (job->preview != NULL)
    job->preview = g_bytes_ref (job->preview);
  hint = g_hash_table_lookup (self->first_pages, key);
  if (hint != NULL)
    {
      job->first_width_px = hint->width_px;
      job->first_rotation = hint->rotation;
      g_hash_table_remove (self->first_pages, key);
    }
  submit (self, job, g_steal_pointer (&task), priority);
}

InsRenderDocument *
ins_renderer_open_finish (InsRenderer   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ins_renderer_open_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

InsPageImage *
ins_renderer_lookup_page (InsRenderer       *self,
                          InsRenderDocument *document,
                          guint              page,
                          double             scale,
                          guint              rotation)
{
  g_return_val_if_fail (INS_IS_RENDERER (self), NULL);
  g_return_val_if_fail (INS_IS_RENDER_DOCUMENT (document), NULL);
  return ins_page_cache_lookup (self->cache, ins_render_document_get_key (document),
                                page, rotation, scale);
}

void
ins_renderer_render_async (InsRenderer         *self,
                           InsRenderDocument   *document,
                           guint                page,
                           double               scale,
                           guint                rotation,
                           InsRenderPriority    priority,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  InsPageImage *cached;
  Job *job;

  g_return_if_fail (INS_IS_RENDERER (self));
  g_return_if_fail (INS_IS_RENDER_DOCUMENT (document));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ins_renderer_render_async);

  if (page >= ins_render_document_get_n_pages (document) || rotation % 90 != 0
      || rotation >= 360 || !(scale > 0) || !isfinite (scale))
    {
      g_task_return_new_error (task, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_FAILED,
                               "bad render request: page %u scale %g rotation %u",
                               page, scale, rotation);
      return;
    }

  cached = ins_page_cache_lookup (self->cache, ins_render_document_get_key (document),
                                  page, rotation, scale);
  if (cached != NULL)
    {
      g_task_return_pointer (task, ins_page_image_ref (cached),
                             (GDestroyNotify) ins_page_image_unref);
      return;
    }

  job = job_new (JOB_RENDER, render_key (ins_render_document_get_key (document), page,
                                         rotation, scale));
  job->doc = g_object_ref (document);
  job->page = page;
  job->scale = scale;
  job->rotation = rotation;
  submit (self, job, g_steal_pointer (&task), priority);
}

InsPageImage *
ins_renderer_render_finish (InsRenderer   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ins_renderer_render_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
