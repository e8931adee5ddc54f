/* ins-seed-pool.h — a pool of generated attachments shared by hash across affaires */
#pragma once

#include <libpq-fe.h>

#include "ins-seed-docs.h"

G_BEGIN_DECLS

typedef struct _InsSeedPool InsSeedPool;

/* Generates about @size documents for care in every country of
 * ins_seed_countries(), plus a few corrupt files. Deterministic for @seed. */
InsSeedPool      *ins_seed_pool_new    (guint         size,
                                        guint32       seed);
void              ins_seed_pool_free   (InsSeedPool  *pool);

/* Stores every document's bytes in the blob table (once per hash). */
gboolean          ins_seed_pool_store  (InsSeedPool  *pool,
                                        PGconn       *conn,
                                        GError      **error);

guint             ins_seed_pool_size   (InsSeedPool  *pool);
const InsSeedDoc *ins_seed_pool_get    (InsSeedPool  *pool,
                                        guint         index);

/* The attachments of one foreign-care affaire in country @country_index (an
 * invoice, often a payment proof, sometimes more): fills @out (10 slots) and
 * returns how many. With @corrupt, one of them is an unreadable file. */
guint             ins_seed_pool_pick   (InsSeedPool       *pool,
                                        guint              country_index,
                                        gboolean           corrupt,
                                        GRand             *rand,
                                        const InsSeedDoc **out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsSeedPool, ins_seed_pool_free)

G_END_DECLS
