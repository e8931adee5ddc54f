/* ins-queue-query.c — queue filters, sorts and keyset cursors */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include "ins-queue-query.h"

struct _InsQueueCursor
{
  InsQueueSort  sort;
  GStrv         keys;
  gint64        id;
};

static InsQueuePage *ins_queue_page_copy (InsQueuePage *self);

G_DEFINE_BOXED_TYPE (InsQueueQuery, ins_queue_query, ins_queue_query_copy, ins_queue_query_free)
G_DEFINE_BOXED_TYPE (InsQueueCursor, ins_queue_cursor, ins_queue_cursor_copy, ins_queue_cursor_free)
G_DEFINE_BOXED_TYPE (InsQueuePage, ins_queue_page, ins_queue_page_copy, ins_queue_page_free)

InsQueueQuery *
ins_queue_query_new (void)
{
  return g_new0 (InsQueueQuery, 1);
}

InsQueueQuery *
ins_queue_query_copy (const InsQueueQuery *self)
{
  InsQueueQuery *copy = g_memdup2 (self, sizeof *self);

  copy->search = g_strdup (self->search);
  return copy;
}

void
ins_queue_query_free (InsQueueQuery *self)
{
  if (self == NULL)
    return;
  g_free (self->search);
  g_free (self);
}

gboolean
ins_queue_query_equal (const InsQueueQuery *a,
                       const InsQueueQuery *b)
{
  return a->kind_mask == b->kind_mask
         && a->status_mask == b->status_mask
         && a->assignee == b->assignee
         && (a->assignee != INS_QUEUE_ASSIGNEE_AGENT || a->assignee_id == b->assignee_id)
         && a->organisme_id == b->organisme_id
         && !a->sla_breached == !b->sla_breached
         && g_strcmp0 (a->search && *a->search ? a->search : NULL,
                       b->search && *b->search ? b->search : NULL) == 0
         && a->sort == b->sort
         && !a->descending == !b->descending;
}

void
ins_queue_query_set_search (InsQueueQuery *self,
                            const char    *search)
{
  g_autofree char *stripped = search ? g_strstrip (g_strdup (search)) : NULL;

  g_free (self->search);
  self->search = stripped && *stripped ? g_steal_pointer (&stripped) : NULL;
}

static char *
format_timestamp (GDateTime *dt)
{
  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S.%f%:z") : NULL;
}

InsQueueCursor *
ins_queue_cursor_new (InsQueueSort        sort,
                      const char * const *keys,
                      gint64              id)
{
  InsQueueCursor *self = g_new0 (InsQueueCursor, 1);

  self->sort = sort;
  self->keys = g_strdupv ((GStrv) keys);
  self->id = id;
  return self;
}

InsQueueCursor *
ins_queue_cursor_new_for_row (InsQueueSort       sort,
                              const InsQueueRow *row)
{
  g_autofree char *rank = g_strdup_printf ("%d", -row->priority);
  g_autofree char *received = format_timestamp (row->received_at);
  g_autofree char *due = format_timestamp (row->due_at);
  g_autofree char *status = g_strdup_printf ("%d", (int) row->status);

  if (row->sort_keys != NULL && row->keyed_sort == (int) sort)
    return ins_queue_cursor_new (sort, (const char * const *) row->sort_keys, row->id);
  switch (sort)
    {
    case INS_QUEUE_SORT_PRIORITY:
      return ins_queue_cursor_new (sort, (const char *[]) { rank, received, NULL }, row->id);
    case INS_QUEUE_SORT_AGE:
      return ins_queue_cursor_new (sort, (const char *[]) { received, NULL }, row->id);
    case INS_QUEUE_SORT_DUE:
      return ins_queue_cursor_new (sort, (const char *[]) { due, NULL }, row->id);
    case INS_QUEUE_SORT_NUMERO:
      return ins_queue_cursor_new (sort, (const char *[]) { row->numero, NULL }, row->id);
    case INS_QUEUE_SORT_STATUS:
      return ins_queue_cursor_new (sort, (const char *[]) { status, rank, received, NULL }, row->id);
    case INS_QUEUE_SORT_BENEFICIAIRE:
    case INS_QUEUE_SORT_PLACE:
    case INS_QUEUE_SORT_AMOUNT:
    case INS_QUEUE_SORT_AGENT:
    case INS_N_QUEUE_SORTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

InsQueueCursor *
ins_queue_cursor_copy (const InsQueueCursor *self)
{
  return ins_queue_cursor_new (self->sort, (const char * const *) self->keys, self->id);
}

void
ins_queue_cursor_free (InsQueueCursor *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->keys);
  g_free (self);
}

InsQueueSort
ins_queue_cursor_get_sort (const InsQueueCursor *self)
{
  return self->sort;
}

gint64
ins_queue_cursor_get_id (const InsQueueCursor *self)
{
  return self->id;
}

const char * const *
ins_queue_cursor_get_keys (const InsQueueCursor *self)
{
  return (const char * const *) self->keys;
}

InsQueuePage *
ins_queue_page_new (void)
{
  InsQueuePage *self = g_new0 (InsQueuePage, 1);

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_queue_row_unref);
  return self;
}

static InsQueuePage *
ins_queue_page_copy (InsQueuePage *self)
{
  InsQueuePage *copy = ins_queue_page_new ();

  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (copy->rows, ins_queue_row_ref (g_ptr_array_index (self->rows, i)));
  copy->has_more = self->has_more;
  copy->first = self->first ? ins_queue_cursor_copy (self->first) : NULL;
  copy->last = self->last ? ins_queue_cursor_copy (self->last) : NULL;
  return copy;
}

void
ins_queue_page_free (InsQueuePage *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->first, ins_queue_cursor_free);
  g_clear_pointer (&self->last, ins_queue_cursor_free);
  g_free (self);
}
