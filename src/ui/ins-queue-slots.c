/* ins-queue-slots.c — the rows of a sparse queue model */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "ins-queue-slots.h"

static void
emit_items_changed (InsQueueSlots *self, guint position, guint removed, guint added)
{
  self->emitting++;
  g_list_model_items_changed (self->model, position, removed, added);
  self->emitting--;
}

static void
clear_slot (InsQueueSlots *self, guint position)
{
  InsQueueItem *item = ins_queue_slots_get (self, position);

  if (item == NULL)
    return;
  if (!ins_queue_item_is_placeholder (item))
    self->n_loaded--;
  g_object_unref (item);
  self->items->pdata[position] = NULL;
}

void
ins_queue_slots_remove (InsQueueSlots *self, guint position, guint count)
{
  count = MIN (count, self->items->len - MIN (position, self->items->len));
  if (count == 0)
    return;
  for (guint i = position; i < position + count; i++)
    clear_slot (self, i);
  g_ptr_array_remove_range (self->items, position, count);
  if (self->focus >= position + count)
    self->focus -= count;
  else if (self->focus >= position)
    self->focus = position;
  emit_items_changed (self, position, count, 0);
}

void
ins_queue_slots_insert (InsQueueSlots *self, guint position, guint count)
{
  guint old = self->items->len;

  if (count == 0)
    return;
  g_ptr_array_set_size (self->items, old + count);
  memmove (self->items->pdata + position + count, self->items->pdata + position,
           (old - position) * sizeof (gpointer));
  memset (self->items->pdata + position, 0, count * sizeof (gpointer));
  if (self->focus >= position)
    self->focus += count;
  emit_items_changed (self, position, 0, count);
}

/* Fills slot @position with @row: a placeholder or the same affaire in place,
 * another affaire (a stale slot) by replacing the item. */
static void
ins_queue_slots_place (InsQueueSlots *self, guint position, InsQueueRow *row, GDateTime *now)
{
  InsQueueItem *item = ins_queue_slots_get (self, position);

  if (item == NULL)
    {
      self->items->pdata[position] = ins_queue_item_new (row, now);
      self->n_loaded++;
    }
  else if (ins_queue_item_is_placeholder (item))
    {
      ins_queue_item_update (item, row, now);
      self->n_loaded++;
    }
  else if (ins_queue_item_get_id (item) == row->id)
    ins_queue_item_update (item, row, now);
  else
    {
      g_object_unref (item);
      self->items->pdata[position] = ins_queue_item_new (row, now);
      emit_items_changed (self, position, 1, 1);
    }
}

static guint
find_in (GPtrArray *items, gint64 id, guint start, guint end)
{
  for (guint i = start; i < end; i++)
    {
      InsQueueItem *item = g_ptr_array_index (items, i);

      if (item != NULL && ins_queue_item_get_id (item) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static int
row_index (GPtrArray *rows, gint64 id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((InsQueueRow *) g_ptr_array_index (rows, i))->id == id)
      return (int) i;
  return -1;
}

/* Drops the rows far from where the view is, unless someone else holds
 * them (the view's rows, the selection). */
void
ins_queue_slots_unload_far (InsQueueSlots *self, guint max_loaded)
{
  guint keep = max_loaded / 2;

  if (self->n_loaded <= max_loaded)
    return;
  for (guint i = 0; i < self->items->len; i++)
    {
      InsQueueItem *item = ins_queue_slots_get (self, i);
      guint distance = i > self->focus ? i - self->focus : self->focus - i;

      if (item != NULL && distance > keep && G_OBJECT (item)->ref_count == 1)
        clear_slot (self, i);
    }
  g_debug ("Queue rows loaded after unloading: %u", self->n_loaded);
}


/* Where the estimated size proved wrong: after rows fetched forward, the
 * neighbour met early (fewer rows between) or not at all (more), or the
 * queue's end reached before the last slot. */
void
ins_queue_slots_fill_after (InsQueueSlots *self, guint a, guint b, gint64 guard, guint limit,
                            InsQueuePage *page, GDateTime *now)
{
  guint k = page->rows->len;
  guint m = MIN (k, b - a);

  if (guard != 0)
    {
      int j = row_index (page->rows, guard);

      if (j >= 0)
        m = (guint) j;
    }
  for (guint i = 0; i < m; i++)
    ins_queue_slots_place (self, a + i, g_ptr_array_index (page->rows, i), now);

  if (guard != 0 && m < b - a && row_index (page->rows, guard) >= 0)
    ins_queue_slots_remove (self, a + m, b - a - m);
  else if (guard != 0 && k == limit && row_index (page->rows, guard) < 0)
    ins_queue_slots_insert (self, b, INS_QUEUE_SLOTS_GROWTH);
  else if (k < b - a)
    ins_queue_slots_remove (self, a + k, self->items->len - (a + k));
  else if (!page->has_more && guard == 0 && b < self->items->len)
    ins_queue_slots_remove (self, b, self->items->len - b);
  else if (page->has_more && b == self->items->len)
    ins_queue_slots_insert (self, b, INS_QUEUE_SLOTS_GROWTH);
}

void
ins_queue_slots_fill_first (InsQueueSlots *self, guint count, guint limit, InsQueuePage *page, GDateTime *now)
{
  guint k = page->rows->len;
  guint n = count;

  g_return_if_fail (self->items->len == 0);
  if (k < limit || !page->has_more)
    n = k;
  else if (n == k)
    n += INS_QUEUE_SLOTS_GROWTH;
  g_ptr_array_set_size (self->items, n);
  for (guint i = 0; i < k; i++)
    {
      self->items->pdata[i] = ins_queue_item_new (g_ptr_array_index (page->rows, i), now);
      self->n_loaded++;
    }
  self->focus = 0;
  if (n > 0)
    emit_items_changed (self, 0, 0, n);
}

void
ins_queue_slots_fill_before (InsQueueSlots *self, guint a, guint b, InsQueuePage *page, GDateTime *now)
{
  guint k = page->rows->len;
  guint m = MIN (k, b - a);

  for (guint i = 0; i < m; i++)
    ins_queue_slots_place (self, b - m + i, g_ptr_array_index (page->rows, k - m + i), now);
  if (k < b - a)
    ins_queue_slots_remove (self, 0, b - k);
  else if (!page->has_more && a > 0)
    ins_queue_slots_remove (self, 0, a);
  else if (page->has_more && a == 0)
    ins_queue_slots_insert (self, 0, INS_QUEUE_SLOTS_GROWTH);
}


/* Rows that stay keep their object, updated in place. */
void
ins_queue_slots_apply (InsQueueSlots *self, guint start, guint end, GPtrArray *rows, gint64 last_id,
                       GDateTime *now)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  int last = row_index (rows, last_id);

  if (last >= 0)
    g_ptr_array_set_size (rows, (guint) last + 1);
  end = MIN (end, self->items->len);

  for (guint i = 0; i < rows->len; i++)
    {
      InsQueueRow *row = g_ptr_array_index (rows, i);
      g_hash_table_add (wanted, &row->id);
    }

  /* Rows that left, removed back to front by runs. */
  for (guint i = end; i > start;)
    {
      guint run_end = i;

      while (i > start)
        {
          InsQueueItem *item = ins_queue_slots_get (self, i - 1);
          gint64 id = item ? ins_queue_item_get_id (item) : 0;

          if (id != 0 && g_hash_table_contains (wanted, &id))
            break;
          i--;
        }
      if (i < run_end)
        {
          ins_queue_slots_remove (self, i, run_end - i);
          end -= run_end - i;
        }
      else
        i--;
    }

  /* Rows that stay are updated; rows that came or moved are inserted. */
  for (guint i = 0; i < rows->len; i++)
    {
      InsQueueRow *row = g_ptr_array_index (rows, i);
      guint position = start + i;
      InsQueueItem *current = position < end ? ins_queue_slots_get (self, position) : NULL;
      guint found;

      if (current != NULL && ins_queue_item_get_id (current) == row->id)
        {
          ins_queue_item_update (current, row, now);
          continue;
        }

      found = find_in (self->items, row->id, position + 1, end);
      if (found != GTK_INVALID_LIST_POSITION)
        {
          InsQueueItem *moved = g_ptr_array_steal_index (self->items, found);

          emit_items_changed (self, found, 1, 0);
          ins_queue_item_update (moved, row, now);
          g_ptr_array_insert (self->items, position, moved);
        }
      else
        {
          g_ptr_array_insert (self->items, position, ins_queue_item_new (row, now));
          self->n_loaded++;
          end++;
        }
      emit_items_changed (self, position, 0, 1);
    }
}


InsQueueSlots *
ins_queue_slots_new (GListModel *model)
{
  InsQueueSlots *self = g_new0 (InsQueueSlots, 1);

  self->model = model;
  self->items = g_ptr_array_new ();
  return self;
}

void
ins_queue_slots_free (InsQueueSlots *self)
{
  for (guint i = 0; i < self->items->len; i++)
    clear_slot (self, i);
  g_ptr_array_unref (self->items);
  g_free (self);
}

InsQueueItem *
ins_queue_slots_item (InsQueueSlots *self, guint position)
{
  InsQueueItem *item = ins_queue_slots_get (self, position);

  if (item == NULL)
    item = self->items->pdata[position] = ins_queue_item_new_placeholder ();
  self->focus = position;
  return g_object_ref (item);
}

void
ins_queue_slots_clear (InsQueueSlots *self)
{
  ins_queue_slots_remove (self, 0, self->items->len);
  self->focus = 0;
}

guint
ins_queue_slots_find (InsQueueSlots *self, gint64 id)
{
  if (id == 0)
    return GTK_INVALID_LIST_POSITION;
  return find_in (self->items, id, 0, self->items->len);
}
