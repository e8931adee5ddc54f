/* ins-store.c — the asynchronous store: one worker thread, one LISTEN connection */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "core/ins-main-context.h"
#include "ins-affaire-store.h"
#include "ins-db.h"
#include "ins-store-private.h"

#define BACKOFF_MIN_MS 250
#define BACKOFF_MAX_MS 10000
/* After a claim is announced: its quarter of a second, and a margin for the
 * claims of that quarter still committing. */
#define CLAIMS_SETTLED_MS 400

/* The worker thread's side: it never touches the InsStore object. */
typedef struct {
  GAsyncQueue *queue;     /* of Job*; a Job with func == NULL stops the thread */
  GThread     *thread;
  PGconn      *conn;      /* owned and used by the worker thread only */
  char        *conninfo;
} Worker;

typedef struct {
  InsStoreFunc    func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
  gboolean        is_open;   /* connects afresh before running */
  GTask          *task;      /* completed on the main context, never touched by the worker */
  GCancellable   *cancellable;
  gpointer        result;
  GError         *error;
  GMainContext   *context;
} Job;

struct _InsStore
{
  GObject       parent_instance;

  char         *conninfo;
  GMainContext *context;
  Worker       *worker;
  InsAgent     *agent;
  PGconn       *listen;
  GSource      *listen_source;
  GSource      *reconnect_source;
  GSource      *refresh_source;
  GSource      *claims_source;
  guint         refresh_interval;
  guint         backoff_ms;
  gboolean      connected;
  gboolean      opening;
  gboolean      disposed;
};

G_DEFINE_FINAL_TYPE (InsStore, ins_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNINFO,
  PROP_CONNECTED,
  PROP_REFRESH_INTERVAL,
  N_PROPS
};

enum {
  AFFAIRE_CHANGED,
  OUTBOX_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_reconnect (InsStore *self);

/* Worker thread ------------------------------------------------------------ */

typedef struct {
  PGconn   *listen;
  InsAgent *agent;
} OpenResult;

static void
open_result_free (gpointer data)
{
  OpenResult *r = data;

  g_clear_pointer (&r->listen, PQfinish);
  g_clear_pointer (&r->agent, ins_agent_unref);
  g_free (r);
}

/* Runs on the worker: a fresh working connection, the agent, and a LISTEN
 * connection handed over to the main loop. */
static gpointer
open_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  g_autoptr(PGconn) listen = NULL;
  g_autoptr(InsAgent) agent = NULL;
  OpenResult *r;
  const char *conninfo = data;

  (void) cancellable;
  agent = ins_affaire_store_current_agent (conn, error);
  if (agent == NULL)
    return NULL;
  listen = ins_db_connect (conninfo, error);
  if (listen == NULL)
    return NULL;
  if (!ins_db_run (listen, "LISTEN affaire_changed", 0, NULL, error)
      || !ins_db_run (listen, "LISTEN affaire_claimed", 0, NULL, error)
      || !ins_db_run (listen, "LISTEN outbox_changed", 0, NULL, error))
    return NULL;
  r = g_new0 (OpenResult, 1);
  r->listen = g_steal_pointer (&listen);
  r->agent = g_steal_pointer (&agent);
  return r;
}

static gboolean job_done (gpointer data);

static gpointer
worker_main (gpointer data)
{
  Worker *worker = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (worker->queue);

      if (job->func == NULL)
        {
          g_free (job);
          break;
        }

      if (g_cancellable_set_error_if_cancelled (job->cancellable, &job->error))
        ;
      else
        {
          if (job->is_open)
            {
              g_clear_pointer (&worker->conn, PQfinish);
              worker->conn = ins_db_connect (worker->conninfo, &job->error);
            }
          if (worker->conn == NULL || PQstatus (worker->conn) != CONNECTION_OK)
            {
              if (job->error == NULL)
                g_set_error_literal (&job->error, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION,
                                     _("The connection to the database was lost"));
            }
          else
            {
              job->result = job->func (worker->conn, job->data, job->cancellable, &job->error);
              /* Never leave a transaction open behind a failed function. */
              if (PQstatus (worker->conn) == CONNECTION_OK)
                ins_db_rollback (worker->conn);
              if (PQstatus (worker->conn) != CONNECTION_OK)
                g_clear_pointer (&worker->conn, PQfinish);
            }
        }
      if (job->data_free != NULL)
        g_clear_pointer (&job->data, job->data_free);
      ins_main_context_post (job->context, job_done, job, NULL);
    }
  g_clear_pointer (&worker->conn, PQfinish);
  return NULL;
}

/* Main context ------------------------------------------------------------- */

static void
set_connected (InsStore *self, gboolean connected)
{
  if (self->connected == connected)
    return;
  self->connected = connected;
  g_debug ("database %s", connected ? "connected" : "disconnected");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

static void
drop_listen (InsStore *self)
{
  if (self->listen_source != NULL)
    {
      g_source_destroy (self->listen_source);
      g_clear_pointer (&self->listen_source, g_source_unref);
    }
  g_clear_pointer (&self->listen, PQfinish);
}

static void
connection_lost (InsStore *self)
{
  drop_listen (self);
  set_connected (self, FALSE);
  schedule_reconnect (self);
}

static gboolean
on_claims_settled (gpointer user_data)
{
  InsStore *self = user_data;

  g_clear_pointer (&self->claims_source, g_source_unref);
  g_signal_emit (self, signals[AFFAIRE_CHANGED], 0, (gint64) 0);
  return G_SOURCE_REMOVE;
}

/* The database announces at most one claim per quarter of a second (see
 * 011-claim-path.sql): the claims committed after the announced one, in the
 * same quarter, are heard as one reload once that quarter is over. */
static void
schedule_claims_settled (InsStore *self)
{
  if (self->claims_source != NULL || self->disposed)
    return;
  self->claims_source = g_timeout_source_new (CLAIMS_SETTLED_MS);
  g_source_set_callback (self->claims_source, on_claims_settled, self, NULL);
  g_source_set_name (self->claims_source, "[instruction] claims settled");
  g_source_attach (self->claims_source, self->context);
}

static void
drop_claims_settled (InsStore *self)
{
  if (self->claims_source != NULL)
    {
      g_source_destroy (self->claims_source);
      g_clear_pointer (&self->claims_source, g_source_unref);
    }
}

static gboolean
on_listen_ready (int fd, GIOCondition condition, gpointer user_data)
{
  InsStore *self = user_data;
  PGnotify *notify;

  (void) fd;
  (void) condition;
  if (!PQconsumeInput (self->listen) || PQstatus (self->listen) != CONNECTION_OK)
    {
      /* Clearing the source from inside its own callback: detach it first. */
      g_clear_pointer (&self->listen_source, g_source_unref);
      g_clear_pointer (&self->listen, PQfinish);
      connection_lost (self);
      return G_SOURCE_REMOVE;
    }
  while ((notify = PQnotifies (self->listen)) != NULL)
    {
      if (g_str_equal (notify->relname, "affaire_changed"))
        {
          gint64 id = g_ascii_strtoll (notify->extra ? notify->extra : "", NULL, 10);
          g_signal_emit (self, signals[AFFAIRE_CHANGED], 0, id);
        }
      else if (g_str_equal (notify->relname, "affaire_claimed"))
        {
          gint64 id = g_ascii_strtoll (notify->extra ? notify->extra : "", NULL, 10);
          schedule_claims_settled (self);
          g_signal_emit (self, signals[AFFAIRE_CHANGED], 0, id);
        }
      else if (g_str_equal (notify->relname, "outbox_changed"))
        g_signal_emit (self, signals[OUTBOX_CHANGED], 0);
      PQfreemem (notify);
    }
  return G_SOURCE_CONTINUE;
}

static void
install_listen (InsStore *self, PGconn *listen)
{
  drop_listen (self);
  self->listen = listen;
  PQsetnonblocking (listen, 1);
  self->listen_source = g_unix_fd_source_new (PQsocket (listen), G_IO_IN | G_IO_ERR | G_IO_HUP);
  g_source_set_callback (self->listen_source, G_SOURCE_FUNC (on_listen_ready), self, NULL);
  g_source_set_name (self->listen_source, "[instruction] LISTEN");
  g_source_attach (self->listen_source, self->context);
}

static gboolean
on_refresh (gpointer user_data)
{
  InsStore *self = user_data;

  if (self->connected)
    g_signal_emit (self, signals[AFFAIRE_CHANGED], 0, (gint64) 0);
  return G_SOURCE_CONTINUE;
}

static void
restart_refresh (InsStore *self)
{
  if (self->refresh_source != NULL)
    {
      g_source_destroy (self->refresh_source);
      g_clear_pointer (&self->refresh_source, g_source_unref);
    }
  if (self->refresh_interval == 0 || self->disposed)
    return;
  self->refresh_source = g_timeout_source_new_seconds (self->refresh_interval);
  g_source_set_callback (self->refresh_source, on_refresh, self, NULL);
  g_source_attach (self->refresh_source, self->context);
}

static void
push_job (InsStore       *self,
          InsStoreFunc    func,
          gpointer        data,
          GDestroyNotify  data_free,
          GDestroyNotify  result_free,
          gboolean        is_open,
          GTask          *task)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->is_open = is_open;
  job->task = task;
  job->cancellable = g_task_get_cancellable (task);
  if (job->cancellable != NULL)
    g_object_ref (job->cancellable);
  job->context = g_main_context_ref (self->context);
  g_async_queue_push (self->worker->queue, job);
}

static gboolean
job_done (gpointer data)
{
  Job *job = data;
  g_autoptr(GTask) task = job->task;
  InsStore *self = g_task_get_source_object (task);

  if (job->error != NULL && g_error_matches (job->error, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION)
      && !job->is_open && self->connected)
    connection_lost (self);

  if (job->error != NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else
    g_task_return_pointer (task, job->result, job->result_free);

  g_clear_object (&job->cancellable);
  g_main_context_unref (job->context);
  g_free (job);
  return G_SOURCE_REMOVE;
}

static void
opened (InsStore *self, OpenResult *r)
{
  g_clear_pointer (&self->agent, ins_agent_unref);
  self->agent = g_steal_pointer (&r->agent);
  install_listen (self, g_steal_pointer (&r->listen));
  self->backoff_ms = 0;
  set_connected (self, TRUE);
  restart_refresh (self);
}

static void
reconnect_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  InsStore *self = INS_STORE (object);
  g_autoptr(GError) error = NULL;
  OpenResult *r = g_task_propagate_pointer (G_TASK (result), &error);

  (void) user_data;
  self->opening = FALSE;
  if (r == NULL)
    {
      g_debug ("reconnection failed: %s", error->message);
      schedule_reconnect (self);
      return;
    }
  opened (self, r);
  open_result_free (r);
  /* Whatever happened while we were away: everyone reloads. */
  g_signal_emit (self, signals[AFFAIRE_CHANGED], 0, (gint64) 0);
}

static gboolean
on_reconnect (gpointer user_data)
{
  InsStore *self = user_data;
  GTask *task;

  g_clear_pointer (&self->reconnect_source, g_source_unref);
  if (self->opening || self->connected)
    return G_SOURCE_REMOVE;
  self->opening = TRUE;
  task = g_task_new (self, NULL, reconnect_done, NULL);
  g_task_set_source_tag (task, on_reconnect);
  push_job (self, open_func, g_strdup (self->conninfo), g_free, open_result_free, TRUE, task);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (InsStore *self)
{
  if (self->reconnect_source != NULL || self->opening || self->disposed)
    return;
  self->backoff_ms = self->backoff_ms == 0 ? BACKOFF_MIN_MS : MIN (self->backoff_ms * 2, BACKOFF_MAX_MS);
  /* Jitter, so that a whole office does not reconnect in the same instant. */
  self->reconnect_source = g_timeout_source_new (self->backoff_ms / 2 + g_random_int_range (0, (gint32) self->backoff_ms / 2 + 1));
  g_source_set_callback (self->reconnect_source, on_reconnect, self, NULL);
  g_source_set_name (self->reconnect_source, "[instruction] reconnect");
  g_source_attach (self->reconnect_source, self->context);
}

/* GObject ------------------------------------------------------------------ */

static void
ins_store_constructed (GObject *object)
{
  InsStore *self = INS_STORE (object);

  G_OBJECT_CLASS (ins_store_parent_class)->constructed (object);

  self->worker = g_new0 (Worker, 1);
  self->worker->queue = g_async_queue_new ();
  self->worker->conninfo = g_strdup (self->conninfo ? self->conninfo : "");
  self->worker->thread = g_thread_new ("ins-store", worker_main, self->worker);
}

static void
ins_store_dispose (GObject *object)
{
  InsStore *self = INS_STORE (object);

  self->disposed = TRUE;
  drop_listen (self);
  drop_claims_settled (self);
  if (self->reconnect_source != NULL)
    {
      g_source_destroy (self->reconnect_source);
      g_clear_pointer (&self->reconnect_source, g_source_unref);
    }
  restart_refresh (self);
  G_OBJECT_CLASS (ins_store_parent_class)->dispose (object);
}

static void
ins_store_finalize (GObject *object)
{
  InsStore *self = INS_STORE (object);

  /* Every job holds a reference on the store through its task: none is left. */
  g_async_queue_push (self->worker->queue, g_new0 (Job, 1));
  g_thread_join (self->worker->thread);
  g_async_queue_unref (self->worker->queue);
  g_free (self->worker->conninfo);
  g_free (self->worker);

  g_clear_pointer (&self->agent, ins_agent_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->conninfo);
  G_OBJECT_CLASS (ins_store_parent_class)->finalize (object);
}

static void
ins_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  InsStore *self = INS_STORE (object);

  switch (prop_id)
    {
    case PROP_CONNINFO:
      g_value_set_string (value, self->conninfo);
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, self->connected);
      break;
    case PROP_REFRESH_INTERVAL:
      g_value_set_uint (value, self->refresh_interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ins_store_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  InsStore *self = INS_STORE (object);

  switch (prop_id)
    {
    case PROP_CONNINFO:
      self->conninfo = g_value_dup_string (value);
      break;
    case PROP_REFRESH_INTERVAL:
      ins_store_set_refresh_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ins_store_class_init (InsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ins_store_constructed;
  object_class->dispose = ins_store_dispose;
  object_class->finalize = ins_store_finalize;
  object_class->get_property = ins_store_get_property;
  object_class->set_property = ins_store_set_property;

  properties[PROP_CONNINFO] =
    g_param_spec_string ("conninfo", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFRESH_INTERVAL] =
    g_param_spec_uint ("refresh-interval", NULL, NULL, 0, 3600, 60,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[AFFAIRE_CHANGED] =
    g_signal_new ("affaire-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[OUTBOX_CHANGED] =
    g_signal_new ("outbox-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ins_store_init (InsStore *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->refresh_interval = 60;
}

InsStore *
ins_store_new (const char *conninfo)
{
  return g_object_new (INS_TYPE_STORE, "conninfo", conninfo, NULL);
}

gboolean
ins_store_get_connected (InsStore *self)
{
  g_return_val_if_fail (INS_IS_STORE (self), FALSE);
  return self->connected;
}

InsAgent *
ins_store_get_agent (InsStore *self)
{
  g_return_val_if_fail (INS_IS_STORE (self), NULL);
  return self->agent;
}

const char *
ins_store_get_conninfo (InsStore *self)
{
  g_return_val_if_fail (INS_IS_STORE (self), NULL);
  return self->conninfo;
}

guint
ins_store_get_refresh_interval (InsStore *self)
{
  g_return_val_if_fail (INS_IS_STORE (self), 0);
  return self->refresh_interval;
}

void
ins_store_set_refresh_interval (InsStore *self, guint seconds)
{
  g_return_if_fail (INS_IS_STORE (self));
  if (self->refresh_interval == seconds)
    return;
  self->refresh_interval = seconds;
  if (self->connected)
    restart_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH_INTERVAL]);
}

/* Opening ------------------------------------------------------------------ */

static void
open_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  InsStore *self = INS_STORE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpenResult *r = g_task_propagate_pointer (G_TASK (result), &error);

  self->opening = FALSE;
  if (r == NULL)
    {
      if (g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION))
        schedule_reconnect (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  opened (self, r);
  open_result_free (r);
  g_task_return_boolean (task, TRUE);
}

void
ins_store_open_async (InsStore            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task;
  GTask *inner;

  g_return_if_fail (INS_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ins_store_open_async);
  if (self->connected)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  self->opening = TRUE;
  inner = g_task_new (self, cancellable, open_done, task);
  push_job (self, open_func, g_strdup (self->conninfo ? self->conninfo : ""), g_free,
            open_result_free, TRUE, inner);
}

gboolean
ins_store_open_finish (InsStore      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ins_store_open_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Generic calls ------------------------------------------------------------ */

void
ins_store_call_full (InsStore            *self,
                     InsStoreFunc         func,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GDestroyNotify       result_free,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data,
                     gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (!self->connected)
    {
      if (data_free != NULL)
        data_free (data);
      g_task_return_new_error (task, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION, "%s",
                               _("The connection to the database was lost"));
      g_object_unref (task);
      return;
    }
  push_job (self, func, data, data_free, result_free, FALSE, task);
}

void
ins_store_call_async (InsStore            *self,
                      InsStoreFunc         func,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (INS_IS_STORE (self));
  g_return_if_fail (func != NULL);
  ins_store_call_full (self, func, data, data_free, NULL, cancellable, callback, user_data, ins_store_call_async);
}

gpointer
ins_store_call_finish (InsStore      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
