/* ins-claim-store.h — claiming affaires from the queue (repository, synchronous) */
#pragma once

#include <libpq-fe.h>

#include "core/ins-affaire.h"
#include "ins-store-error.h"

G_BEGIN_DECLS

/* How long a claim lasts without renewal; the UI renews it every third of that. */
#define INS_LEASE_SECONDS 900

/* Claims the next claimable affaire ('recue') of @agent's organisme in claim
 * order (priority, then oldest), atomically: two agents never get the same
 * one. Returns its id and sets *version, or 0 with no error when the queue is
 * empty. */
gint64   ins_claim_store_next        (PGconn          *conn,
                                      const InsAgent  *agent,
                                      int             *version,
                                      GError         **error);

/* The statement ins_claim_store_next() runs, with $1 the agent's id, $2 the
 * organisme's and $3 the lease in seconds: benchmarks run it raw. */
const char *ins_claim_store_next_sql (void);

/* Extends @agent's lease on @affaire_id (no version bump, no history).
 * INS_STORE_ERROR_CONFLICT when the agent no longer holds it. */
gboolean ins_claim_store_renew_lease (PGconn          *conn,
                                      const InsAgent  *agent,
                                      gint64           affaire_id,
                                      GError         **error);

/* Claiming a given affaire, releasing it and taking back a stale lease are
 * transitions: see ins-transition-store.h (INS_ACTION_CLAIM, INS_ACTION_RELEASE). */

G_END_DECLS
