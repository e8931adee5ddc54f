/* ins-sql.h — SQL text built together with its bound parameters (store-private) */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

typedef struct {
  GString   *sql;
  GPtrArray *params;   /* of char*, NULL entries are SQL NULL */
} InsSql;

void      ins_sql_init  (InsSql *q);
void      ins_sql_clear (InsSql *q);
void      ins_sql_reset (InsSql *q);
/* Appends @fragment; each "?" in it becomes the next placeholder ($n) bound to
 * the next variadic char* argument, which the builder takes ownership of. */
void      ins_sql_add   (InsSql *q, const char *fragment, ...);
PGresult *ins_sql_exec  (PGconn *conn, InsSql *q, GError **error);

G_END_DECLS
