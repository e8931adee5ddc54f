/* ins-seed-agents.h — the demo organismes and their named agents */
#pragma once

#include <libpq-fe.h>
#include <glib.h>

G_BEGIN_DECLS

#define INS_SEED_CPAM "CPAM-40"
#define INS_SEED_CNSE "CNSE"

/* Creates (or updates) the CPAM des Landes and the CNSE with their letterheads. */
gboolean ins_seed_organismes (PGconn  *conn,
                              GError **error);

/* Creates the named agents of each role in each organisme (their login roles
 * included), with @password or none (the demo cluster trusts local sockets). */
gboolean ins_seed_agents     (PGconn      *conn,
                              const char  *password,
                              GError     **error);

G_END_DECLS
