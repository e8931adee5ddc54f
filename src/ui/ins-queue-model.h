/* ins-queue-model.h — the queue as a lazy GListModel of InsQueueItem
 *
 * Pages come from the store by keyset (never OFFSET): the first page when the
 * query is set, the next one when the view asks for an item near the end of
 * what is loaded. When the store says an affaire changed, the loaded range is
 * fetched again and compared with what is shown: rows keep their objects (and
 * so the selection and the scroll), and items-changed names exactly the rows
 * that appeared or left.
 */
#pragma once

#include <gio/gio.h>

#include "core/ins-queue-query.h"
#include "store/ins-store.h"

G_BEGIN_DECLS

#define INS_TYPE_QUEUE_MODEL (ins_queue_model_get_type ())
G_DECLARE_FINAL_TYPE (InsQueueModel, ins_queue_model, INS, QUEUE_MODEL, GObject)

#define INS_QUEUE_MODEL_PAGE_SIZE 100

/* Properties: store (construct-only), loading (gboolean), has-more (gboolean).
 * Signal: load-failed (GError *): a page could not be fetched (not emitted
 *   for cancellation). */

InsQueueModel       *ins_queue_model_new        (InsStore            *store);
void                 ins_queue_model_set_query  (InsQueueModel       *self,
                                                 const InsQueueQuery *query);
const InsQueueQuery *ins_queue_model_get_query  (InsQueueModel       *self);
/* Fetches the loaded range again and applies the differences. */
void                 ins_queue_model_reload     (InsQueueModel       *self);
gboolean             ins_queue_model_get_loading (InsQueueModel      *self);
gboolean             ins_queue_model_get_has_more (InsQueueModel     *self);
/* Loads the next page now, if there is one. */
void                 ins_queue_model_load_more  (InsQueueModel       *self);
/* The position of affaire @id, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint                ins_queue_model_find       (InsQueueModel       *self,
                                                 gint64               id);

G_END_DECLS
