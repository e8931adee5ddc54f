/* ins-seed-affaires.h — realistic sample affaires, loaded in batches with COPY */
#pragma once

#include <libpq-fe.h>

#include "ins-seed-pool.h"

G_BEGIN_DECLS

/* Called with @done = 0 before the first batch, then after each. */
typedef void (*InsSeedProgress) (gint64 done, gint64 total, gpointer user_data);

/* Generates @count affaires of both kinds with their insured persons,
 * details, attachments (from @pool, whose blobs must be stored, or without
 * a pool drawn for each affaire and stored with it), history,
 * medical opinions and owed notifications, with statuses spread as in a
 * working queue. Each batch is one transaction. The organismes and agents of
 * ins-seed-agents.h must exist. With @conninfo, @jobs threads load batches
 * at once, each on its own connection; otherwise @conn loads them all. */
gboolean ins_seed_affaires (PGconn          *conn,
                            const char      *conninfo,
                            guint            jobs,
                            InsSeedPool     *pool,
                            gint64           count,
                            guint32          seed,
                            InsSeedProgress  progress,
                            gpointer         user_data,
                            GError         **error);

G_END_DECLS
