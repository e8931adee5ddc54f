/* ins-queue-slots.h — the rows of a sparse queue model, one slot per row of
 * the queue: an InsQueueItem with its row, a placeholder the view asked for,
 * or NULL. Every change is told to @model as items-changed. */
#pragma once

#include <gio/gio.h>

#include "core/ins-queue-query.h"
#include "ins-queue-item.h"

G_BEGIN_DECLS

/* Slots added where the queue proves longer than counted; more follow as
 * the rows are read. */
#define INS_QUEUE_SLOTS_GROWTH 100

typedef struct {
  GListModel *model;      /* borrowed: the owner */
  GPtrArray  *items;
  guint       n_loaded;   /* slots holding a row */
  guint       focus;      /* where the view last asked */
  guint       emitting;   /* GTK reads new items while items-changed runs */
} InsQueueSlots;

InsQueueSlots *ins_queue_slots_new        (GListModel    *model);
void           ins_queue_slots_free       (InsQueueSlots *self);

static inline InsQueueItem *
ins_queue_slots_get (InsQueueSlots *self, guint position)
{
  return g_ptr_array_index (self->items, position);
}

static inline gboolean
ins_queue_slots_loaded (InsQueueSlots *self, guint position)
{
  InsQueueItem *item = ins_queue_slots_get (self, position);

  return item != NULL && !ins_queue_item_is_placeholder (item);
}

/* The item at @position, a new placeholder if none yet (a new reference). */
InsQueueItem  *ins_queue_slots_item       (InsQueueSlots *self,
                                           guint          position);
void           ins_queue_slots_clear      (InsQueueSlots *self);
void           ins_queue_slots_remove     (InsQueueSlots *self,
                                           guint          position,
                                           guint          count);
/* Adds @count empty slots at @position. */
void           ins_queue_slots_insert     (InsQueueSlots *self,
                                           guint          position,
                                           guint          count);
guint          ins_queue_slots_find       (InsQueueSlots *self,
                                           gint64         id);
/* Past @max_loaded rows, drops those far from the focus that no one else holds. */
void           ins_queue_slots_unload_far (InsQueueSlots *self,
                                           guint          max_loaded);

/* Rows fetched forward for the slots [@a, @b), @guard the id of the loaded
 * row expected right after them (0: none; @limit counts it), and where the
 * queue's size proved wrong, slots added or removed. */
void           ins_queue_slots_fill_after  (InsQueueSlots *self,
                                            guint          a,
                                            guint          b,
                                            gint64         guard,
                                            guint          limit,
                                            InsQueuePage  *page,
                                            GDateTime     *now);
/* Fills an empty model: @count slots (fewer or more where the first rows
 * prove the count wrong), the first of them holding @page's rows fetched
 * with @limit; one items-changed. */
void           ins_queue_slots_fill_first  (InsQueueSlots *self,
                                            guint          count,
                                            guint          limit,
                                            InsQueuePage  *page,
                                            GDateTime     *now);
/* Rows fetched backward, ending at slot @b - 1. */
void           ins_queue_slots_fill_before (InsQueueSlots *self,
                                            guint          a,
                                            guint          b,
                                            InsQueuePage  *page,
                                            GDateTime     *now);
/* Turns the loaded slots [@start, @end) into @rows, up to @last_id (what
 * follows it belongs to the next slots), with the fewest items-changed. */
void           ins_queue_slots_apply       (InsQueueSlots *self,
                                            guint          start,
                                            guint          end,
                                            GPtrArray     *rows,
                                            gint64         last_id,
                                            GDateTime     *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsQueueSlots, ins_queue_slots_free)

G_END_DECLS
