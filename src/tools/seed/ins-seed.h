/* ins-seed.h — everything instruction-seed does, callable from tests */
#pragma once

#include <libpq-fe.h>

#include "ins-seed-affaires.h"

G_BEGIN_DECLS

/* Up to this many affaires, each gets attachments drawn for it (its
 * beneficiary, provider, dates and amount); above, they come from a shared
 * pool, so that a million affaires stay small and quick to load. */
#define INS_SEED_MATCHED_MAX 10000

/* Progress of the last step, freezing and analysing the tables: @done of
 * @total, @table the next one (NULL when all are done). */
typedef void (*InsSeedVacuumProgress) (guint       done,
                                       guint       total,
                                       const char *table,
                                       gpointer    user_data);

typedef struct {
  gboolean         organismes;   /* create the demo organismes */
  gboolean         agents;       /* create their agents (implies organismes) */
  gint64           count;        /* affaires to add (0: none) */
  guint32          seed;         /* for reproducible data */
  const char      *password;     /* agents' password, or NULL */
  const char      *conninfo;     /* for loading on several connections, or NULL */
  guint            jobs;         /* loading threads (with @conninfo); 0: 2 */
  gint64           match_up_to;  /* most affaires whose attachments are drawn for each;
                                  * 0: INS_SEED_MATCHED_MAX */
  InsSeedProgress  progress;
  InsSeedVacuumProgress vacuum_progress;
  gpointer         user_data;    /* for both */
} InsSeedOptions;

/* Applies the migrations, then does what @options asks, as the database owner. */
gboolean ins_seed_run (PGconn               *conn,
                       const InsSeedOptions *options,
                       GError              **error);

/* The pool size for @count affaires: a few hundred documents at most. */
guint    ins_seed_pool_size_for (gint64 count);

G_END_DECLS
