/* ins-workload-store.h — the supervisor dashboard's figures and its own actions
 *
 * The figures are SQL aggregates read as the connected agent, so row security
 * keeps them to that agent's organisme, all in one read-only REPEATABLE READ
 * transaction: they are consistent with each other. 006-workload.sql holds
 * the partial indexes that serve them.
 *
 * Releasing a stale claim, reassigning and transferring are transitions
 * (ins_store_apply_async with INS_ACTION_RELEASE, _REASSIGN, _TRANSFER); the
 * instructeurs to choose from come from ins_store_agents_async().
 */
#pragma once

#include <libpq-fe.h>

#include "core/ins-affaire.h"
#include "core/ins-workload.h"
#include "ins-store.h"
#include "ins-store-error.h"

G_BEGIN_DECLS

/* As a superviseur (the throughput is refused to other roles). */
InsWorkload *ins_workload_store_load               (PGconn                 *conn,
                                                    const InsWorkloadQuery *query,
                                                    GError                **error);

/* For benchmarks: the statements ins_workload_store_load() runs, as a
 * pgbench script — its transaction with the integer parameters written in. */
char        *ins_workload_store_script             (const InsWorkloadQuery *query);
/* For tests: the SLA breach count's statement, to EXPLAIN. */
const char  *ins_workload_store_breach_count_sql   (void);

/* Puts the failed notification @notification_id back to pending (a fresh
 * attempt count) and records it in its affaire's history as @agent, in one
 * transaction. INS_STORE_ERROR_CONFLICT when it is no longer failed (retried
 * or delivered meanwhile), INS_STORE_ERROR_NOT_FOUND when not visible. */
gboolean     ins_workload_store_retry_notification (PGconn          *conn,
                                                    const InsAgent  *agent,
                                                    gint64           notification_id,
                                                    GError         **error);

/* The same on the store's worker thread. */
void         ins_workload_store_load_async         (InsStore               *store,
                                                    const InsWorkloadQuery *query,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
InsWorkload *ins_workload_store_load_finish        (InsStore      *store,
                                                    GAsyncResult  *result,
                                                    GError       **error);

void         ins_workload_store_retry_notification_async  (InsStore            *store,
                                                           gint64               notification_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean     ins_workload_store_retry_notification_finish (InsStore      *store,
                                                           GAsyncResult  *result,
                                                           GError       **error);

G_END_DECLS
