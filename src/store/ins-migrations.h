/* ins-migrations.h — the schema's numbered migrations, compiled in */
#pragma once

#include <libpq-fe.h>
#include <glib.h>

G_BEGIN_DECLS

/* The highest migration this program knows. */
int      ins_migrations_latest  (void);

/* The version the database is at (0 for an empty database), or -1 with @error. */
int      ins_migrations_current (PGconn *conn, GError **error);

/* Applies the missing migrations in order, each in its own transaction,
 * serialised across processes by an advisory lock. Applying twice is a no-op.
 * A database newer than this program is refused (INS_STORE_ERROR_SCHEMA_TOO_NEW).
 * @applied, if not NULL, receives how many were applied. */
gboolean ins_migrations_apply   (PGconn  *conn,
                                 int     *applied,
                                 GError **error);

G_END_DECLS
