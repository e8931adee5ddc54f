/* ins-queue-model.h — the whole queue as a sparse GListModel of InsQueueItem
 *
 * n_items is the size of the queue (counted once per query: exact up to
 * INS_QUEUE_EXACT_COUNT_LIMIT, else the planner's estimate), so the scrollbar
 * spans all of it. A row not fetched yet is a placeholder item; when the view
 * rests on it, its page is fetched (by keyset next to a loaded row, by offset
 * from the nearest loaded row or either end otherwise) and the placeholders
 * are filled in place. Rows far from where the view is are dropped again.
 * Where an estimated size proves wrong (a window meets its neighbour early or
 * late, an end is reached), placeholders are added or removed there.
 *
 * When the store says an affaire changed, the loaded windows are fetched
 * again and compared with what is shown: rows keep their objects (and so the
 * selection and the scroll), and items-changed names exactly the rows that
 * appeared or left.
 */
#pragma once

#include <gio/gio.h>

#include "core/ins-queue-query.h"
#include "store/ins-store.h"

G_BEGIN_DECLS

#define INS_TYPE_QUEUE_MODEL (ins_queue_model_get_type ())
G_DECLARE_FINAL_TYPE (InsQueueModel, ins_queue_model, INS, QUEUE_MODEL, GObject)

#define INS_QUEUE_MODEL_PAGE_SIZE 100
/* Loaded rows beyond which those far from the view are dropped. */
#define INS_QUEUE_MODEL_MAX_LOADED 3000

/* Properties: store (construct-only), loading (gboolean: a fetch is due or
 *   in flight), has-more (gboolean: some rows are placeholders).
 * Signal: load-failed (GError *): rows could not be fetched (not emitted
 *   for cancellation). */

InsQueueModel       *ins_queue_model_new        (InsStore            *store);
void                 ins_queue_model_set_query  (InsQueueModel       *self,
                                                 const InsQueueQuery *query);
const InsQueueQuery *ins_queue_model_get_query  (InsQueueModel       *self);
/* Fetches the loaded windows again and applies the differences. */
void                 ins_queue_model_reload     (InsQueueModel       *self);
gboolean             ins_queue_model_get_loading (InsQueueModel      *self);
gboolean             ins_queue_model_get_has_more (InsQueueModel     *self);
/* Fetches the first page of placeholders now, if there is one. */
void                 ins_queue_model_load_more  (InsQueueModel       *self);
/* The position of affaire @id among the loaded rows, or
 * GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint                ins_queue_model_find       (InsQueueModel       *self,
                                                 gint64               id);
gboolean             ins_queue_model_is_loaded  (InsQueueModel       *self,
                                                 guint                position);
guint                ins_queue_model_get_n_loaded (InsQueueModel     *self);
/* Statements issued for rows since the query was set (for tests and benchmarks). */
guint                ins_queue_model_get_n_fetches (InsQueueModel    *self);
/* Lowers the INS_QUEUE_MODEL_MAX_LOADED cap (tests). */
void                 ins_queue_model_set_max_loaded (InsQueueModel   *self,
                                                     guint            max_loaded);

G_END_DECLS
