/* ins-db.h — connections and small helpers over libpq
 *
 * Everything here is synchronous and takes a PGconn: call it from a worker
 * thread (see ins-db-worker.h) or from a command-line tool, never from the GTK
 * main loop.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

#include "ins-store-error.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)

/* Opens a connection. @conninfo is a libpq keyword/value string or URI; NULL or
 * "" uses libpq's environment (PGHOST, PGDATABASE, PGSERVICE…). The session is
 * set to UTF-8, ISO dates and the application name "instruction". */
PGconn   *ins_db_connect        (const char  *conninfo,
                                 GError     **error);

/* Builds a conninfo for a pg_service.conf service name. */
char     *ins_db_conninfo_for_service (const char *service);

/* Runs @sql with text parameters (NULL entries are SQL NULL). Returns the
 * result on success (PGRES_COMMAND_OK or PGRES_TUPLES_OK), or NULL with @error set. */
PGresult *ins_db_exec           (PGconn             *conn,
                                 const char         *sql,
                                 int                 n_params,
                                 const char * const *params,
                                 GError            **error);

/* Same, for a statement run often: prepared under @name on the first call
 * on @conn, then only executed, so that the server parses and plans it once
 * per connection. @name names @sql alone, for every connection. */
PGresult *ins_db_exec_prepared  (PGconn             *conn,
                                 const char         *name,
                                 const char         *sql,
                                 int                 n_params,
                                 const char * const *params,
                                 GError            **error);

/* Same, for a statement whose result is not needed. */
gboolean  ins_db_run            (PGconn             *conn,
                                 const char         *sql,
                                 int                 n_params,
                                 const char * const *params,
                                 GError            **error);

gboolean  ins_db_begin          (PGconn *conn, GError **error);
gboolean  ins_db_commit         (PGconn *conn, GError **error);
/* Rolls back if a transaction is open; never fails loudly. */
void      ins_db_rollback       (PGconn *conn);

/* Value accessors: NULL fields read as NULL / 0 / FALSE. */
const char *ins_db_get_string   (PGresult *res, int row, int col);
gint64      ins_db_get_int64    (PGresult *res, int row, int col);
gboolean    ins_db_get_bool     (PGresult *res, int row, int col);
gboolean    ins_db_is_null      (PGresult *res, int row, int col);

/* The server version as "15.18", for the About window. */
char       *ins_db_server_version (PGconn *conn);

G_END_DECLS
