/* ins-queue-model.c — the queue as a lazy GListModel of InsQueueItem */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <gtk/gtk.h>

#include "ins-queue-item.h"
#include "ins-queue-model.h"

/* Start fetching the next page when the view reaches this close to the end. */
#define PREFETCH_DISTANCE 30
/* A reload fetches at most this many rows; beyond, the list is cut back. */
#define RELOAD_CAP 2000
/* Changes arriving together become one reload. */
#define RELOAD_DELAY_MS 80

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  PROP_HAS_MORE,
  N_PROPS
};

enum {
  LOAD_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

struct _InsQueueModel
{
  GObject parent_instance;

  InsStore       *store;
  InsQueueQuery  *query;
  GPtrArray      *items;          /* of InsQueueItem* */
  InsQueueCursor *last_cursor;
  gboolean        has_more;

  GCancellable   *cancellable;    /* of the current query's fetches */
  gboolean        fetching;       /* a page or a reload is in flight */
  gboolean        want_more;
  gboolean        want_reload;
  guint           emitting;       /* GTK reads new items while items-changed runs */
  guint           reload_source;
  gulong          changed_handler;
};

static void ins_queue_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (InsQueueModel, ins_queue_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ins_queue_model_list_model_init))

static void fetch_more (InsQueueModel *self);
static void fetch_reload (InsQueueModel *self);

static void
emit_items_changed (InsQueueModel *self, guint position, guint removed, guint added)
{
  self->emitting++;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  self->emitting--;
}

static void
set_fetching (InsQueueModel *self, gboolean fetching)
{
  if (self->fetching == fetching)
    return;
  self->fetching = fetching;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_has_more (InsQueueModel *self, gboolean has_more)
{
  if (self->has_more == !!has_more)
    return;
  self->has_more = !!has_more;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MORE]);
}

/* What was asked for while a fetch ran, in order of importance. */
static void
run_pending (InsQueueModel *self)
{
  if (self->fetching || self->query == NULL)
    return;
  if (self->want_reload)
    fetch_reload (self);
  else if (self->want_more && self->has_more)
    fetch_more (self);
}

static void
fail (InsQueueModel *self, GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_debug ("Queue fetch failed: %s", error->message);
  set_fetching (self, FALSE);
  g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

static void
more_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsQueueModel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsQueuePage) page = ins_store_queue_page_finish (INS_STORE (source), result, &error);
  g_autoptr(GDateTime) now = NULL;
  guint position;

  if (page == NULL)
    {
      fail (self, error);
      return;
    }

  g_debug ("Queue page of %u rows (more: %d)", page->rows->len, page->has_more);
  now = g_date_time_new_now_local ();
  position = self->items->len;
  for (guint i = 0; i < page->rows->len; i++)
    g_ptr_array_add (self->items, ins_queue_item_new (g_ptr_array_index (page->rows, i), now));
  if (page->last != NULL)
    {
      g_clear_pointer (&self->last_cursor, ins_queue_cursor_free);
      self->last_cursor = ins_queue_cursor_copy (page->last);
    }
  self->want_more = FALSE;
  set_has_more (self, page->has_more && page->rows->len > 0);
  set_fetching (self, FALSE);
  if (page->rows->len > 0)
    emit_items_changed (self, position, 0, page->rows->len);
  run_pending (self);
}

static void
fetch_more (InsQueueModel *self)
{
  set_fetching (self, TRUE);
  ins_store_queue_page_async (self->store, self->query, self->last_cursor, INS_QUEUE_AFTER,
                              INS_QUEUE_MODEL_PAGE_SIZE, self->cancellable,
                              more_done, g_object_ref (self));
}

static guint
find_from (GPtrArray *items, gint64 id, guint start)
{
  for (guint i = start; i < items->len; i++)
    if (ins_queue_item_get_id (g_ptr_array_index (items, i)) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Turns the shown list into @rows with the fewest items-changed: rows that
 * stay keep their object, updated in place. */
static void
apply_rows (InsQueueModel *self, GPtrArray *rows)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < rows->len; i++)
    {
      InsQueueRow *row = g_ptr_array_index (rows, i);
      g_hash_table_add (wanted, &row->id);
    }

  /* Rows that left, removed back to front by runs. */
  for (guint i = self->items->len; i > 0;)
    {
      guint end = i;
      gint64 id = ins_queue_item_get_id (g_ptr_array_index (self->items, i - 1));

      if (g_hash_table_contains (wanted, &id))
        {
          i--;
          continue;
        }
      while (i > 0)
        {
          id = ins_queue_item_get_id (g_ptr_array_index (self->items, i - 1));
          if (g_hash_table_contains (wanted, &id))
            break;
          i--;
        }
      g_ptr_array_remove_range (self->items, i, end - i);
      emit_items_changed (self, i, end - i, 0);
    }

  /* Rows that stay are updated; rows that came or moved are inserted. */
  for (guint i = 0; i < rows->len; i++)
    {
      InsQueueRow *row = g_ptr_array_index (rows, i);
      InsQueueItem *current = i < self->items->len ? g_ptr_array_index (self->items, i) : NULL;
      guint found;

      if (current != NULL && ins_queue_item_get_id (current) == row->id)
        {
          ins_queue_item_update (current, row, now);
          continue;
        }

      found = find_from (self->items, row->id, i + 1);
      if (found != GTK_INVALID_LIST_POSITION)
        {
          InsQueueItem *moved = g_ptr_array_steal_index (self->items, found);

          emit_items_changed (self, found, 1, 0);
          ins_queue_item_update (moved, row, now);
          g_ptr_array_insert (self->items, i, moved);
        }
      else
        g_ptr_array_insert (self->items, i, ins_queue_item_new (row, now));
      emit_items_changed (self, i, 0, 1);
    }
}

static void
reload_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsQueueModel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsQueuePage) page = ins_store_queue_page_finish (INS_STORE (source), result, &error);

  if (page == NULL)
    {
      fail (self, error);
      return;
    }

  apply_rows (self, page->rows);
  g_clear_pointer (&self->last_cursor, ins_queue_cursor_free);
  if (page->last != NULL)
    self->last_cursor = ins_queue_cursor_copy (page->last);
  set_has_more (self, page->has_more && page->rows->len > 0);
  set_fetching (self, FALSE);
  run_pending (self);
}

static void
fetch_reload (InsQueueModel *self)
{
  guint limit = CLAMP (self->items->len, INS_QUEUE_MODEL_PAGE_SIZE, RELOAD_CAP);

  self->want_reload = FALSE;
  set_fetching (self, TRUE);
  ins_store_queue_page_async (self->store, self->query, NULL, INS_QUEUE_AFTER, limit,
                              self->cancellable, reload_done, g_object_ref (self));
}

static gboolean
reload_timeout (gpointer user_data)
{
  InsQueueModel *self = user_data;

  self->reload_source = 0;
  ins_queue_model_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_affaire_changed (InsStore *store, gint64 id, InsQueueModel *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout, self);
}

/* GListModel ----------------------------------------------------------------- */

static GType
ins_queue_model_get_item_type (GListModel *model)
{
  return INS_TYPE_QUEUE_ITEM;
}

static guint
ins_queue_model_get_n_items (GListModel *model)
{
  return INS_QUEUE_MODEL (model)->items->len;
}

static gpointer
ins_queue_model_get_item (GListModel *model, guint position)
{
  InsQueueModel *self = INS_QUEUE_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  if (self->has_more && self->emitting == 0 && position + PREFETCH_DISTANCE >= self->items->len)
    ins_queue_model_load_more (self);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
ins_queue_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ins_queue_model_get_item_type;
  iface->get_n_items = ins_queue_model_get_n_items;
  iface->get_item = ins_queue_model_get_item;
}

/* GObject -------------------------------------------------------------------- */

static void
ins_queue_model_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  InsQueueModel *self = INS_QUEUE_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->fetching);
      break;
    case PROP_HAS_MORE:
      g_value_set_boolean (value, self->has_more);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ins_queue_model_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  InsQueueModel *self = INS_QUEUE_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ins_queue_model_constructed (GObject *object)
{
  InsQueueModel *self = INS_QUEUE_MODEL (object);

  G_OBJECT_CLASS (ins_queue_model_parent_class)->constructed (object);
  self->changed_handler = g_signal_connect (self->store, "affaire-changed",
                                            G_CALLBACK (on_affaire_changed), self);
}

static void
ins_queue_model_dispose (GObject *object)
{
  InsQueueModel *self = INS_QUEUE_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (ins_queue_model_parent_class)->dispose (object);
}

static void
ins_queue_model_finalize (GObject *object)
{
  InsQueueModel *self = INS_QUEUE_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->query, ins_queue_query_free);
  g_clear_pointer (&self->last_cursor, ins_queue_cursor_free);
  G_OBJECT_CLASS (ins_queue_model_parent_class)->finalize (object);
}

static void
ins_queue_model_class_init (InsQueueModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ins_queue_model_get_property;
  object_class->set_property = ins_queue_model_set_property;
  object_class->constructed = ins_queue_model_constructed;
  object_class->dispose = ins_queue_model_dispose;
  object_class->finalize = ins_queue_model_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, INS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
ins_queue_model_init (InsQueueModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}

InsQueueModel *
ins_queue_model_new (InsStore *store)
{
  g_return_val_if_fail (INS_IS_STORE (store), NULL);
  return g_object_new (INS_TYPE_QUEUE_MODEL, "store", store, NULL);
}

void
ins_queue_model_set_query (InsQueueModel       *self,
                           const InsQueueQuery *query)
{
  guint removed;

  g_return_if_fail (INS_IS_QUEUE_MODEL (self));
  g_return_if_fail (query != NULL);

  if (self->query != NULL && ins_queue_query_equal (self->query, query))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->query, ins_queue_query_free);
  self->query = ins_queue_query_copy (query);
  g_clear_pointer (&self->last_cursor, ins_queue_cursor_free);
  self->want_more = FALSE;
  self->want_reload = FALSE;
  self->fetching = FALSE;

  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  if (removed > 0)
    emit_items_changed (self, 0, removed, 0);
  set_has_more (self, FALSE);
  fetch_more (self);
}

const InsQueueQuery *
ins_queue_model_get_query (InsQueueModel *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_MODEL (self), NULL);
  return self->query;
}

void
ins_queue_model_reload (InsQueueModel *self)
{
  g_return_if_fail (INS_IS_QUEUE_MODEL (self));

  if (self->query == NULL)
    return;
  self->want_reload = TRUE;
  run_pending (self);
}

gboolean
ins_queue_model_get_loading (InsQueueModel *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_MODEL (self), FALSE);
  return self->fetching;
}

gboolean
ins_queue_model_get_has_more (InsQueueModel *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_MODEL (self), FALSE);
  return self->has_more;
}

void
ins_queue_model_load_more (InsQueueModel *self)
{
  g_return_if_fail (INS_IS_QUEUE_MODEL (self));

  if (!self->has_more)
    return;
  self->want_more = TRUE;
  run_pending (self);
}

guint
ins_queue_model_find (InsQueueModel *self, gint64 id)
{
  g_return_val_if_fail (INS_IS_QUEUE_MODEL (self), GTK_INVALID_LIST_POSITION);
  return find_from (self->items, id, 0);
}
