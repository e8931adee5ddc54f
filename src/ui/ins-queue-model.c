/* ins-queue-model.c — the whole queue as a sparse GListModel of InsQueueItem */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "ins-queue-item.h"
#include "ins-queue-model.h"
#include "ins-queue-slots.h"

/* The view asks for rows while the scrollbar is dragged: fetch once it rests. */
#define FETCH_DELAY_MS 40
/* Rows fetched beyond what the view asked for, on each side. */
#define MARGIN 30
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

typedef enum {
  FETCH_COUNT,
  FETCH_FIRST,
  FETCH_WINDOW,
  FETCH_RELOAD,
} FetchKind;

/* One statement in flight, for the rows of slots [a, b) (FETCH_FIRST: the
 * first rows of an empty model, b the rows counted). */
typedef struct {
  InsQueueModel     *self;
  GCancellable      *cancellable;
  FetchKind          kind;
  guint              a;
  guint              b;
  InsQueueDirection  direction;
  guint              limit;
  gint64             guard;     /* the loaded row expected right after the window, or 0 */
  gint64             last_id;   /* FETCH_RELOAD: the window's last row */
} Fetch;

struct _InsQueueModel
{
  GObject parent_instance;

  InsStore       *store;
  InsQueueQuery  *query;
  InsQueueSlots  *slots;
  guint           max_loaded;
  gboolean        count_exact;

  Fetch          *fetch;          /* in flight, or NULL */
  guint           n_fetches;
  gboolean        wanted;         /* placeholders the view asked for, in [want_lo, want_hi] */
  guint           want_lo;
  guint           want_hi;
  guint           fetch_source;
  gboolean        want_reload;
  GArray         *reload_ids;     /* first rows of the windows still to reload */
  gint64          reload_count;   /* the exact count a reload found, or -1 */
  guint           reload_source;

  gboolean        loading;
  gboolean        has_more;
  gulong          changed_handler;
};

static void ins_queue_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (InsQueueModel, ins_queue_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ins_queue_model_list_model_init))

static void run_pending (InsQueueModel *self);

static void
update_state (InsQueueModel *self)
{
  gboolean loading = self->fetch != NULL || self->fetch_source != 0;
  gboolean has_more = self->slots->n_loaded < self->slots->items->len;

  if (loading != self->loading)
    {
      self->loading = loading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  if (has_more != self->has_more)
    {
      self->has_more = has_more;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MORE]);
    }
}

/* Fetches ------------------------------------------------------------------- */

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->cancellable);
  g_clear_object (&fetch->self);
  g_free (fetch);
}

static Fetch *
fetch_new (InsQueueModel *self, FetchKind kind)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->self = g_object_ref (self);
  fetch->cancellable = g_cancellable_new ();
  fetch->kind = kind;
  self->fetch = fetch;
  self->n_fetches++;
  return fetch;
}

static void
cancel_fetch (InsQueueModel *self)
{
  if (self->fetch == NULL)
    return;
  g_cancellable_cancel (self->fetch->cancellable);
  self->fetch = NULL;
}

/* The fetch's callback owns it; NULL when the model moved on. */
static Fetch *
fetch_take (gpointer user_data)
{
  Fetch *fetch = user_data;

  if (g_cancellable_is_cancelled (fetch->cancellable))
    {
      fetch_free (fetch);
      return NULL;
    }
  fetch->self->fetch = NULL;
  return fetch;
}

static void
fail (InsQueueModel *self, GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      update_state (self);
      return;
    }
  g_debug ("Queue fetch failed: %s", error->message);
  self->wanted = FALSE;
  g_clear_pointer (&self->reload_ids, g_array_unref);
  update_state (self);
  g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

static void window_done (GObject *source, GAsyncResult *result, gpointer user_data);
static void start_first (InsQueueModel *self, guint count);

static void
start_page (InsQueueModel        *self,
            Fetch                *fetch,
            const InsQueueCursor *cursor,
            gint64                offset)
{
  ins_store_queue_page_at_async (self->store, self->query, cursor, fetch->direction, offset,
                                 fetch->limit, fetch->cancellable, window_done, fetch);
}

static InsQueueCursor *
cursor_at (InsQueueModel *self, guint position)
{
  return ins_queue_cursor_new_for_row (self->query->sort, ins_queue_item_get_row (ins_queue_slots_get (self->slots, position)));
}

/* Rows for the placeholders of [a, b): by keyset next to a loaded row, else
 * by offset from the nearest loaded row or end. */
static void
fetch_window (InsQueueModel *self, guint a, guint b)
{
  Fetch *fetch = fetch_new (self, FETCH_WINDOW);
  g_autoptr(InsQueueCursor) cursor = NULL;
  guint n = self->slots->items->len;
  gint64 offset = 0;

  fetch->a = a;
  fetch->b = b;
  fetch->limit = b - a;
  if (a > 0 && ins_queue_slots_loaded (self->slots, a - 1))
    {
      fetch->direction = INS_QUEUE_AFTER;
      cursor = cursor_at (self, a - 1);
      if (b < n && ins_queue_slots_loaded (self->slots, b))
        {
          fetch->guard = ins_queue_item_get_id (ins_queue_slots_get (self->slots, b));
          fetch->limit++;
        }
    }
  else if (b < n && ins_queue_slots_loaded (self->slots, b))
    {
      fetch->direction = INS_QUEUE_BEFORE;
      cursor = cursor_at (self, b);
    }
  else if (a == 0 || b == n)
    fetch->direction = a == 0 ? INS_QUEUE_AFTER : INS_QUEUE_BEFORE;
  else
    {
      guint before = a, after = b;

      while (before > 0 && !ins_queue_slots_loaded (self->slots, before - 1))
        before--;
      while (after < n && !ins_queue_slots_loaded (self->slots, after))
        after++;
      /* The nearest of: the start, a loaded row before, one after, the end. */
      fetch->direction = INS_QUEUE_AFTER;
      offset = a;
      if (before > 0 && a - before < offset)
        {
          offset = a - before;
          cursor = cursor_at (self, before - 1);
        }
      if (after - b < offset)
        {
          fetch->direction = INS_QUEUE_BEFORE;
          offset = after - b;
          g_clear_pointer (&cursor, ins_queue_cursor_free);
          if (after < n)
            cursor = cursor_at (self, after);
        }
    }
  g_debug ("Queue rows %u to %u: %s %s, offset %" G_GINT64_FORMAT, a, b,
           fetch->direction == INS_QUEUE_AFTER ? "after" : "before",
           cursor ? "a loaded row" : fetch->direction == INS_QUEUE_AFTER ? "the start" : "the end", offset);
  start_page (self, fetch, cursor, offset);
}

static void
window_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InsQueuePage) page = ins_store_queue_page_at_finish (INS_STORE (source), result, &error);
  g_autoptr(GDateTime) now = NULL;
  Fetch *fetch = fetch_take (user_data);
  InsQueueModel *self;

  if (fetch == NULL)
    return;
  self = fetch->self;
  if (page == NULL)
    {
      fail (self, error);
      fetch_free (fetch);
      return;
    }

  now = g_date_time_new_now_local ();
  if (fetch->kind == FETCH_FIRST)
    ins_queue_slots_fill_first (self->slots, fetch->b, fetch->limit, page, now);
  else if (fetch->kind == FETCH_RELOAD)
    {
    ins_queue_slots_apply (self->slots, fetch->a, fetch->b, page->rows, fetch->last_id, now);
    }
  else if (fetch->direction == INS_QUEUE_AFTER)
    ins_queue_slots_fill_after (self->slots, fetch->a, fetch->b, fetch->guard, fetch->limit, page, now);
  else
    ins_queue_slots_fill_before (self->slots, fetch->a, fetch->b, page, now);
  g_debug ("Queue rows fetched: %u (%u loaded of %u)", page->rows->len, self->slots->n_loaded, self->slots->items->len);
  ins_queue_slots_unload_far (self->slots, self->max_loaded);
  /* Nothing else holds the model: no more fetches. */
  if (G_OBJECT (self)->ref_count > 1)
    run_pending (self);
  fetch_free (fetch);
}

static void
count_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  Fetch *fetch = fetch_take (user_data);
  InsQueueModel *self;
  gint64 count = 0;
  gboolean exact = FALSE;

  if (!ins_store_queue_count_finish (INS_STORE (source), result, &count, &exact, &error))
    {
      if (fetch != NULL)
        fail (fetch->self, error);
      g_clear_pointer (&fetch, fetch_free);
      return;
    }
  if (fetch == NULL)
    return;
  self = fetch->self;
  count = CLAMP (count, 0, G_MAXINT);
  self->count_exact = exact;
  if (self->slots->items->len == 0)
    {
      g_debug ("Queue of %" G_GINT64_FORMAT " rows (%s)", count, exact ? "exact" : "estimated");
      g_clear_handle_id (&self->fetch_source, g_source_remove);
      self->wanted = FALSE;
      if (count > 0 && G_OBJECT (self)->ref_count > 1)
        start_first (self, (guint) count);
    }
  else
    self->reload_count = count;
  /* Nothing else holds the model: no more fetches. */
  if (G_OBJECT (self)->ref_count > 1)
    run_pending (self);
  fetch_free (fetch);
}

/* The rows come with the count: the view creates its cells once, with
 * their texts, rather than for placeholders filled a moment later. */
static void
start_first (InsQueueModel *self, guint count)
{
  Fetch *fetch = fetch_new (self, FETCH_FIRST);

  fetch->a = 0;
  fetch->b = count;
  fetch->direction = INS_QUEUE_AFTER;
  fetch->limit = MIN (count, INS_QUEUE_MODEL_PAGE_SIZE);
  start_page (self, fetch, NULL, 0);
}

static void
start_count (InsQueueModel *self)
{
  Fetch *fetch = fetch_new (self, FETCH_COUNT);

  ins_store_queue_count_async (self->store, self->query, fetch->cancellable, count_done, fetch);
}

/* Reload ------------------------------------------------------------------- */

static void
start_reload (InsQueueModel *self)
{
  self->want_reload = FALSE;
  g_clear_pointer (&self->reload_ids, g_array_unref);
  self->reload_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->slots->items->len; i++)
    if (ins_queue_slots_loaded (self->slots, i) && (i == 0 || !ins_queue_slots_loaded (self->slots, i - 1)))
      {
        gint64 id = ins_queue_item_get_id (ins_queue_slots_get (self->slots, i));
        g_array_append_val (self->reload_ids, id);
      }
  self->reload_count = -1;
  /* An exact count is cheap (bounded); an estimate stays as it is. */
  if (self->count_exact || self->slots->items->len == 0)
    start_count (self);
}

static gboolean
reload_next_window (InsQueueModel *self)
{
  while (self->reload_ids != NULL && self->reload_ids->len > 0)
    {
      gint64 id = g_array_index (self->reload_ids, gint64, 0);
      guint start = ins_queue_model_find (self, id);
      g_autoptr(InsQueueCursor) cursor = NULL;
      guint end;
      Fetch *fetch;

      g_array_remove_index (self->reload_ids, 0);
      if (start == GTK_INVALID_LIST_POSITION)
        continue;
      for (end = start + 1; end < self->slots->items->len && ins_queue_slots_loaded (self->slots, end); end++)
        ;
      fetch = fetch_new (self, FETCH_RELOAD);
      fetch->a = start;
      fetch->b = end;
      fetch->direction = INS_QUEUE_AFTER;
      fetch->limit = end - start;
      fetch->last_id = ins_queue_item_get_id (ins_queue_slots_get (self->slots, end - 1));
      /* From the start, rows that came before the first one are seen too. */
      if (start > 0)
        cursor = cursor_at (self, start);
      start_page (self, fetch, cursor, start > 0 ? -1 : 0);
      return TRUE;
    }
  g_clear_pointer (&self->reload_ids, g_array_unref);
  return FALSE;
}

/* The exact count a reload found, applied past the last loaded row. */
static void
reconcile_count (InsQueueModel *self)
{
  guint n = self->slots->items->len;
  guint count = (guint) self->reload_count;

  self->reload_count = -1;
  if (count > n)
    ins_queue_slots_insert (self->slots, n, count - n);
  else if (count < n)
    {
      guint first = n;

      while (first > count && !ins_queue_slots_loaded (self->slots, first - 1))
        first--;
      ins_queue_slots_remove (self->slots, first, n - first);
    }
}

/* Scheduling ----------------------------------------------------------------- */

static gboolean
plan_window (InsQueueModel *self)
{
  guint n = self->slots->items->len;
  guint lo, hi, a, b;

  if (!self->wanted || n == 0)
    {
      self->wanted = FALSE;
      return FALSE;
    }
  lo = self->want_lo > MARGIN ? self->want_lo - MARGIN : 0;
  hi = MIN ((guint64) self->want_hi + MARGIN, n - 1);
  for (a = lo; a <= hi && ins_queue_slots_loaded (self->slots, a); a++)
    ;
  if (a > hi)
    {
      self->wanted = FALSE;
      return FALSE;
    }
  for (b = a; b < n && b - a < INS_QUEUE_MODEL_PAGE_SIZE && !ins_queue_slots_loaded (self->slots, b); b++)
    ;
  while (a > 0 && b - a < INS_QUEUE_MODEL_PAGE_SIZE && !ins_queue_slots_loaded (self->slots, a - 1))
    a--;
  fetch_window (self, a, b);
  return TRUE;
}

static void
run_pending (InsQueueModel *self)
{
  if (self->fetch == NULL && self->query != NULL)
    {
      if (self->want_reload)
        start_reload (self);
      if (self->fetch == NULL && !reload_next_window (self))
        {
          if (self->reload_count >= 0)
            reconcile_count (self);
          if (self->fetch_source == 0)
            plan_window (self);
        }
    }
  update_state (self);
}

static gboolean
fetch_timeout (gpointer user_data)
{
  InsQueueModel *self = user_data;

  self->fetch_source = 0;
  /* A window the view has left is not worth waiting for. */
  if (self->fetch != NULL && self->fetch->kind == FETCH_WINDOW && self->wanted
      && (self->fetch->b + INS_QUEUE_MODEL_PAGE_SIZE < self->want_lo
          || self->fetch->a > self->want_hi + INS_QUEUE_MODEL_PAGE_SIZE))
    cancel_fetch (self);
  run_pending (self);
  return G_SOURCE_REMOVE;
}

static void
want (InsQueueModel *self, guint position)
{
  if (self->wanted && position + INS_QUEUE_MODEL_PAGE_SIZE >= self->want_lo
      && position <= self->want_hi + INS_QUEUE_MODEL_PAGE_SIZE)
    {
      if (position >= self->want_lo && position <= self->want_hi)
        return;
      self->want_lo = MIN (self->want_lo, position);
      self->want_hi = MAX (self->want_hi, position);
    }
  else
    {
      self->wanted = TRUE;
      self->want_lo = self->want_hi = position;
    }
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  self->fetch_source = g_timeout_add (FETCH_DELAY_MS, fetch_timeout, self);
  if (self->slots->emitting == 0)
    update_state (self);
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
  return INS_QUEUE_MODEL (model)->slots->items->len;
}

static gpointer
ins_queue_model_get_item (GListModel *model, guint position)
{
  InsQueueModel *self = INS_QUEUE_MODEL (model);
  InsQueueItem *item;

  if (position >= self->slots->items->len)
    return NULL;
  item = ins_queue_slots_item (self->slots, position);
  if (ins_queue_item_is_placeholder (item))
    want (self, position);
  return g_object_ref (item);
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
      g_value_set_boolean (value, self->loading);
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

  cancel_fetch (self);
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (ins_queue_model_parent_class)->dispose (object);
}

static void
ins_queue_model_finalize (GObject *object)
{
  InsQueueModel *self = INS_QUEUE_MODEL (object);

  g_clear_pointer (&self->slots, ins_queue_slots_free);
  g_clear_pointer (&self->query, ins_queue_query_free);
  g_clear_pointer (&self->reload_ids, g_array_unref);
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
  self->slots = ins_queue_slots_new (G_LIST_MODEL (self));
  self->max_loaded = INS_QUEUE_MODEL_MAX_LOADED;
  self->reload_count = -1;
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
  g_return_if_fail (INS_IS_QUEUE_MODEL (self));
  g_return_if_fail (query != NULL);

  if (self->query != NULL && ins_queue_query_equal (self->query, query))
    return;

  cancel_fetch (self);
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  g_clear_pointer (&self->query, ins_queue_query_free);
  self->query = ins_queue_query_copy (query);
  self->wanted = FALSE;
  self->want_reload = FALSE;
  g_clear_pointer (&self->reload_ids, g_array_unref);
  self->reload_count = -1;
  self->n_fetches = 0;
  ins_queue_slots_clear (self->slots);
  start_count (self);
  update_state (self);
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
  return self->loading;
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
  guint first = 0;

  g_return_if_fail (INS_IS_QUEUE_MODEL (self));

  while (first < self->slots->items->len && ins_queue_slots_loaded (self->slots, first))
    first++;
  if (first == self->slots->items->len)
    return;
  self->wanted = TRUE;
  self->want_lo = self->want_hi = first;
  self->slots->focus = first;
  g_clear_handle_id (&self->fetch_source, g_source_remove);
  run_pending (self);
}

guint
ins_queue_model_find (InsQueueModel *self, gint64 id)
{
  g_return_val_if_fail (INS_IS_QUEUE_MODEL (self), GTK_INVALID_LIST_POSITION);
  if (id == 0)
    return GTK_INVALID_LIST_POSITION;
  return ins_queue_slots_find (self->slots, id);
}

gboolean
ins_queue_model_is_loaded (InsQueueModel *self, guint position)
{
  g_return_val_if_fail (INS_IS_QUEUE_MODEL (self), FALSE);
  return position < self->slots->items->len && ins_queue_slots_loaded (self->slots, position);
}

guint
ins_queue_model_get_n_loaded (InsQueueModel *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_MODEL (self), 0);
  return self->slots->n_loaded;
}

guint
ins_queue_model_get_n_fetches (InsQueueModel *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_MODEL (self), 0);
  return self->n_fetches;
}

void
ins_queue_model_set_max_loaded (InsQueueModel *self, guint max_loaded)
{
  g_return_if_fail (INS_IS_QUEUE_MODEL (self));
  self->max_loaded = MAX (max_loaded, 2 * INS_QUEUE_MODEL_PAGE_SIZE);
  ins_queue_slots_unload_far (self->slots, self->max_loaded);
}
