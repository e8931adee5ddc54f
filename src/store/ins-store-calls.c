/* ins-store-calls.c — the store's typed calls: each a function run on the worker thread and its finish */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include "ins-affaire-store.h"
#include "ins-claim-store.h"
#include "ins-db.h"
#include "ins-queue-store.h"
#include "ins-store-private.h"
#include "ins-transition-store.h"

typedef struct {
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

static gpointer
queue_row_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  (void) cancellable;
  return ins_queue_store_row (conn, ((Args *) data)->id, error);
}

void
ins_store_queue_row_async (InsStore            *self,
                           gint64               affaire_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Args *args = args_new (self);

  args->id = affaire_id;
  ins_store_call_full (self, queue_row_func, args, args_free, (GDestroyNotify) ins_queue_row_unref,
                       cancellable, callback, user_data, ins_store_queue_row_async);
}

InsQueueRow *
ins_store_queue_row_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_queue_row_async, error);
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
renew_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  (void) cancellable;
  return ins_claim_store_renew_lease (conn, args->agent, args->id, error) ? TRUE_RESULT : NULL;
}

void
ins_store_renew_lease_async (InsStore            *self,
                             gint64               affaire_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Args *args = args_new (self);

  args->id = affaire_id;
  ins_store_call_full (self, renew_func, args, args_free, NULL,
                       cancellable, callback, user_data, ins_store_renew_lease_async);
}

gboolean
ins_store_renew_lease_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_renew_lease_async, error) != NULL;
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
load_affaire_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;

  (void) cancellable;
  return ins_affaire_store_load (conn, args->agent, args->id, error);
}

void
ins_store_load_affaire_async (InsStore            *self,
                              gint64               affaire_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Args *args = args_new (self);

  args->id = affaire_id;
  ins_store_call_full (self, load_affaire_func, args, args_free, (GDestroyNotify) ins_affaire_unref,
                       cancellable, callback, user_data, ins_store_load_affaire_async);
}

InsAffaire *
ins_store_load_affaire_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_load_affaire_async, error);
}

static gpointer
history_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  (void) cancellable;
  return ins_affaire_store_history (conn, ((Args *) data)->id, error);
}

void
ins_store_history_async (InsStore            *self,
                         gint64               affaire_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Args *args = args_new (self);

  args->id = affaire_id;
  ins_store_call_full (self, history_func, args, args_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data, ins_store_history_async);
}

GPtrArray *
ins_store_history_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_history_async, error);
}

static gpointer
attachments_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  (void) cancellable;
  return ins_affaire_store_attachments (conn, ((Args *) data)->id, error);
}

void
ins_store_attachments_async (InsStore            *self,
                             gint64               affaire_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Args *args = args_new (self);

  args->id = affaire_id;
  ins_store_call_full (self, attachments_func, args, args_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data, ins_store_attachments_async);
}

GPtrArray *
ins_store_attachments_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_attachments_async, error);
}

static gpointer
attachment_bytes_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  (void) cancellable;
  return ins_affaire_store_attachment_bytes (conn, ((Args *) data)->id, error);
}

void
ins_store_attachment_bytes_async (InsStore            *self,
                                  gint64               attachment_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Args *args = args_new (self);

  args->id = attachment_id;
  ins_store_call_full (self, attachment_bytes_func, args, args_free, (GDestroyNotify) g_bytes_unref,
                       cancellable, callback, user_data, ins_store_attachment_bytes_async);
}

GBytes *
ins_store_attachment_bytes_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_attachment_bytes_async, error);
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

static gpointer
agents_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  (void) cancellable;
  return ins_affaire_store_agents (conn, ((Args *) data)->a, error);
}

void
ins_store_agents_async (InsStore            *self,
                        int                  organisme_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Args *args = args_new (self);

  args->a = organisme_id;
  ins_store_call_full (self, agents_func, args, args_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data, ins_store_agents_async);
}

GPtrArray *
ins_store_agents_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_agents_async, error);
}

static gpointer
organismes_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  (void) data;
  (void) cancellable;
  return ins_affaire_store_organismes (conn, error);
}

void
ins_store_organismes_async (InsStore            *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  ins_store_call_full (self, organismes_func, args_new (self), args_free, (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data, ins_store_organismes_async);
}

GPtrArray *
ins_store_organismes_finish (InsStore *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, ins_store_organismes_async, error);
}
