/* ins-queue-store.h — queue pages and counts (repository, synchronous) */
#pragma once

#include <libpq-fe.h>

#include "core/ins-affaire.h"
#include "core/ins-queue-query.h"
#include "ins-store-error.h"

G_BEGIN_DECLS

/* The largest count computed exactly; above it the total is the planner's estimate. */
#define INS_QUEUE_EXACT_COUNT_LIMIT 10000

/* Up to @limit rows of @query after or before @cursor (NULL: from the start,
 * or for INS_QUEUE_BEFORE the last page), in display order. @agent resolves
 * INS_QUEUE_ASSIGNEE_MINE. One statement, keyset only (no OFFSET). */
InsQueuePage *ins_queue_store_page  (PGconn               *conn,
                                     const InsAgent       *agent,
                                     const InsQueueQuery  *query,
                                     const InsQueueCursor *cursor,
                                     InsQueueDirection     direction,
                                     guint                 limit,
                                     GError              **error);

/* As ins_queue_store_page, but the rows start @offset rows further from
 * @cursor (from the start, or for INS_QUEUE_BEFORE the end, when NULL): for
 * jumps far from any row already read. @offset -1 includes @cursor's own row
 * (refreshing a window from its first row). */
InsQueuePage *ins_queue_store_page_at (PGconn               *conn,
                                       const InsAgent       *agent,
                                       const InsQueueQuery  *query,
                                       const InsQueueCursor *cursor,
                                       InsQueueDirection     direction,
                                       gint64                offset,
                                       guint                 limit,
                                       GError              **error);

/* The plan (EXPLAIN, text) of the statement ins_queue_store_page_at() runs,
 * for tests and benchmarks to check which index serves it. */
char         *ins_queue_store_explain_page (PGconn               *conn,
                                            const InsAgent       *agent,
                                            const InsQueueQuery  *query,
                                            const InsQueueCursor *cursor,
                                            InsQueueDirection     direction,
                                            gint64                offset,
                                            GError              **error);

/* A cheap total for the header: exact (and *exact TRUE) when the query
 * matches at most INS_QUEUE_EXACT_COUNT_LIMIT rows, which a bounded count
 * establishes; otherwise the planner's row estimate for the query (*exact FALSE). */
gboolean      ins_queue_store_count (PGconn               *conn,
                                     const InsAgent       *agent,
                                     const InsQueueQuery  *query,
                                     gint64               *count,
                                     gboolean             *exact,
                                     GError              **error);

/* One row by id (for refreshing a row after affaire-changed); NULL with
 * INS_STORE_ERROR_NOT_FOUND when gone. */
InsQueueRow  *ins_queue_store_row   (PGconn               *conn,
                                     gint64                affaire_id,
                                     GError              **error);

G_END_DECLS
