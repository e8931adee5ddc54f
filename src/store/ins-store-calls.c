/* ins-store-calls.c — the store's typed calls: what each runs on the worker thread, and its finish */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include "ins-affaire-store.h"
#include "ins-claim-store.h"
#include "ins-db.h"
#include "ins-queue-store.h"
#include "ins-store-private.h"
#include "ins-transition-store.h"

/* The calls that take at most one id and run one store function, each
 * through simple_func and call_simple. */
typedef enum {
  CALL_QUEUE_ROW,
  CALL_RENEW_LEASE,
  CALL_LOAD_AFFAIRE,
  CALL_HISTORY,
  CALL_ATTACHMENTS,
  CALL_ATTACHMENT_BYTES,
  CALL_AGENTS,
  CALL_ORGANISMES,
} Call;

typedef struct {
  Call            call;
  InsAgent       *agent;
  gint64          id;
  int             a;
  int             b;
  int             c;
  InsQueueQuery  *query;
  InsQueueCursor *cursor;
  InsTransition  *transition;
} Args;

static Args *
args_new (InsStore *self)
{
  Args *args = g_new0 (Args, 1);

  InsAgent *agent = ins_store_get_agent (self);

  args->agent = agent ? ins_agent_ref (agent) : NULL;
  return args;
}

static void
args_free (gpointer data)
{
  Args *args = data;

  g_clear_pointer (&args->agent, ins_agent_unref);
  g_clear_pointer (&args->query, ins_queue_query_free);
  g_clear_pointer (&args->cursor, ins_queue_cursor_free);
  g_clear_pointer (&args->transition, ins_transition_free);
  g_free (args);
}

static gpointer
finish_pointer (InsStore *self, GAsyncResult *result, gpointer tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

#define TRUE_RESULT GINT_TO_POINTER (1)

static gpointer
queue_page_at_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  (void) cancellable;
  return ins_queue_store_page_at (conn, args->agent, args->query, args->cursor,
                                  (InsQueueDirection) args->a, args->id, (guint) args->b, error);
}

void
ins_store_queue_page_at_async (InsStore             *self,
                               const InsQueueQuery  *query,
                               const InsQueueCursor *cursor,
                               InsQueueDirection     direction,
                               gint64                offset,
                               guint                 limit,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  Args *args = args_new (self);

  args->query = ins_queue_query_copy (query);
  args->cursor = cursor ? ins_queue_cursor_copy (cursor) : NULL;
  args->a = direction;
  args->b = (int) MAX (limit, 1);
  args->id = MAX (offset, -1);
  ins_store_call_full (self, queue_page_at_func, args, args_free, (GDestroyNotify) ins_queue_page_free,
                       cancellable, callback, user_data, ins_store_queue_page_at_async);
}

InsQueuePage *
ins_store_queue_page_at_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_queue_page_at_async, error);
}

void
ins_store_queue_page_async (InsStore             *self,
                            const InsQueueQuery  *query,
                            const InsQueueCursor *cursor,
                            InsQueueDirection     direction,
                            guint                 limit,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  ins_store_queue_page_at_async (self, query, cursor, direction, 0, limit, cancellable, callback, user_data);
}

InsQueuePage *
ins_store_queue_page_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return ins_store_queue_page_at_finish (self, result, error);
}

typedef struct {
  gint64   count;
  gboolean exact;
} Count;

static gpointer
queue_count_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  Count *c = g_new0 (Count, 1);

  (void) cancellable;
  if (!ins_queue_store_count (conn, args->agent, args->query, &c->count, &c->exact, error))
    g_clear_pointer (&c, g_free);
  return c;
}

void
ins_store_queue_count_async (InsStore            *self,
                             const InsQueueQuery *query,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Args *args = args_new (self);

  args->query = ins_queue_query_copy (query);
  ins_store_call_full (self, queue_count_func, args, args_free, g_free,
                       cancellable, callback, user_data, ins_store_queue_count_async);
}

gboolean
ins_store_queue_count_finish (InsStore      *self,
                              GAsyncResult  *result,
                              gint64        *count,
                              gboolean      *exact,
                              GError       **error)
{
  g_autofree Count *c = finish_pointer (self, result, ins_store_queue_count_async, error);

  if (c == NULL)
    return FALSE;
  if (count)
    *count = c->count;
  if (exact)
    *exact = c->exact;
  return TRUE;
}

typedef struct {
  gint64 id;
  int    version;
} Claimed;

static gpointer
claim_next_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  Claimed *c = g_new0 (Claimed, 1);
  GError *local = NULL;

  (void) cancellable;
  c->id = ins_claim_store_next (conn, args->agent, &c->version, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      g_clear_pointer (&c, g_free);
    }
  return c;
}

void
ins_store_claim_next_async (InsStore            *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  ins_store_call_full (self, claim_next_func, args_new (self), args_free, g_free,
                       cancellable, callback, user_data, ins_store_claim_next_async);
}

gint64
ins_store_claim_next_finish (InsStore      *self,
                             GAsyncResult  *result,
                             int           *version,
                             GError       **error)
{
  g_autofree Claimed *c = finish_pointer (self, result, ins_store_claim_next_async, error);

  if (c == NULL)
    return 0;
  if (version)
    *version = c->version;
  return c->id;
}

static gpointer
apply_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  int version = 0;

  (void) cancellable;
  if (!ins_transition_store_apply (conn, args->agent, args->transition, &version, error))
    return NULL;
  return GINT_TO_POINTER (version);
}

void
ins_store_apply_async (InsStore            *self,
                       const InsTransition *transition,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Args *args = args_new (self);

  args->transition = ins_transition_copy (transition);
  ins_store_call_full (self, apply_func, args, args_free, NULL,
                       cancellable, callback, user_data, ins_store_apply_async);
}

gboolean
ins_store_apply_finish (InsStore      *self,
                        GAsyncResult  *result,
                        int           *new_version,
                        GError       **error)
{
  gpointer version = finish_pointer (self, result, ins_store_apply_async, error);

  if (version == NULL)
    return FALSE;
  if (new_version)
    *new_version = GPOINTER_TO_INT (version);
  return TRUE;
}

static gpointer
page_state_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  (void) cancellable;
  if (!ins_db_begin (conn, error))
    return NULL;
  if ((args->b >= 0 && !ins_affaire_store_set_page_rotation (conn, args->id, args->a, args->b, error))
      || (args->c >= 0 && !ins_affaire_store_set_page_tag (conn, args->id, args->a, (InsPageTag) args->c, error))
      || !ins_db_commit (conn, error))
    return NULL;
  return TRUE_RESULT;
}

void
ins_store_set_page_state_async (InsStore            *self,
                                gint64               attachment_id,
                                int                  page_no,
                                int                  rotation,
                                int                  tag,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Args *args = args_new (self);

  args->id = attachment_id;
  args->a = page_no;
  args->b = rotation;
  args->c = tag;
  ins_store_call_full (self, page_state_func, args, args_free, NULL,
                       cancellable, callback, user_data, ins_store_set_page_state_async);
}

gboolean
ins_store_set_page_state_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_set_page_state_async, error) != NULL;
}

/* How to free each one's result when nobody takes it. */
static const GDestroyNotify call_result_free[] = {
  [CALL_QUEUE_ROW]        = (GDestroyNotify) ins_queue_row_unref,
  [CALL_RENEW_LEASE]      = NULL,
  [CALL_LOAD_AFFAIRE]     = (GDestroyNotify) ins_affaire_unref,
  [CALL_HISTORY]          = (GDestroyNotify) g_ptr_array_unref,
  [CALL_ATTACHMENTS]      = (GDestroyNotify) g_ptr_array_unref,
  [CALL_ATTACHMENT_BYTES] = (GDestroyNotify) g_bytes_unref,
  [CALL_AGENTS]           = (GDestroyNotify) g_ptr_array_unref,
  [CALL_ORGANISMES]       = (GDestroyNotify) g_ptr_array_unref,
};

static gpointer
simple_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  (void) cancellable;
  switch (args->call)
    {
    case CALL_QUEUE_ROW:
      return ins_queue_store_row (conn, args->id, error);
    case CALL_RENEW_LEASE:
      return ins_claim_store_renew_lease (conn, args->agent, args->id, error) ? TRUE_RESULT : NULL;
    case CALL_LOAD_AFFAIRE:
      return ins_affaire_store_load (conn, args->agent, args->id, error);
    case CALL_HISTORY:
      return ins_affaire_store_history (conn, args->id, error);
    case CALL_ATTACHMENTS:
      return ins_affaire_store_attachments (conn, args->id, error);
    case CALL_ATTACHMENT_BYTES:
      return ins_affaire_store_attachment_bytes (conn, args->id, error);
    case CALL_AGENTS:
      return ins_affaire_store_agents (conn, (int) args->id, error);
    case CALL_ORGANISMES:
      return ins_affaire_store_organismes (conn, error);
    }
  g_return_val_if_reached (NULL);
}

/* Runs @call with @id on the worker thread, @source_tag naming the typed call. */
static void
call_simple (InsStore            *self,
             Call                 call,
             gint64               id,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data,
             gpointer             source_tag)
{
  Args *args = args_new (self);

  args->call = call;
  args->id = id;
  ins_store_call_full (self, simple_func, args, args_free, call_result_free[call],
                       cancellable, callback, user_data, source_tag);
}

void
ins_store_queue_row_async (InsStore            *self,
                           gint64               affaire_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  call_simple (self, CALL_QUEUE_ROW, affaire_id, cancellable, callback, user_data, ins_store_queue_row_async);
}

InsQueueRow *
ins_store_queue_row_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_queue_row_async, error);
}

void
ins_store_renew_lease_async (InsStore            *self,
                             gint64               affaire_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  call_simple (self, CALL_RENEW_LEASE, affaire_id,
               cancellable, callback, user_data, ins_store_renew_lease_async);
}

gboolean
ins_store_renew_lease_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_renew_lease_async, error) != NULL;
}

void
ins_store_load_affaire_async (InsStore            *self,
                              gint64               affaire_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  call_simple (self, CALL_LOAD_AFFAIRE, affaire_id,
               cancellable, callback, user_data, ins_store_load_affaire_async);
}

InsAffaire *
ins_store_load_affaire_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_load_affaire_async, error);
}

void
ins_store_history_async (InsStore            *self,
                         gint64               affaire_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  call_simple (self, CALL_HISTORY, affaire_id, cancellable, callback, user_data, ins_store_history_async);
}

GPtrArray *
ins_store_history_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_history_async, error);
}

void
ins_store_attachments_async (InsStore            *self,
                             gint64               affaire_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  call_simple (self, CALL_ATTACHMENTS, affaire_id,
               cancellable, callback, user_data, ins_store_attachments_async);
}

GPtrArray *
ins_store_attachments_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_attachments_async, error);
}

void
ins_store_attachment_bytes_async (InsStore            *self,
                                  gint64               attachment_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  call_simple (self, CALL_ATTACHMENT_BYTES, attachment_id,
               cancellable, callback, user_data, ins_store_attachment_bytes_async);
}

GBytes *
ins_store_attachment_bytes_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_attachment_bytes_async, error);
}

void
ins_store_agents_async (InsStore            *self,
                        int                  organisme_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  call_simple (self, CALL_AGENTS, organisme_id, cancellable, callback, user_data, ins_store_agents_async);
}

GPtrArray *
ins_store_agents_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_agents_async, error);
}

void
ins_store_organismes_async (InsStore            *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  call_simple (self, CALL_ORGANISMES, 0, cancellable, callback, user_data, ins_store_organismes_async);
}

GPtrArray *
ins_store_organismes_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_organismes_async, error);
}
