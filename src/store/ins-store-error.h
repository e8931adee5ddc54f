/* ins-store-error.h — the store's error domain */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

#define INS_STORE_ERROR (ins_store_error_quark ())

typedef enum {
  INS_STORE_ERROR_FAILED,
  INS_STORE_ERROR_CONNECTION,   /* server unreachable or connection lost (class 08, 57P) */
  INS_STORE_ERROR_AUTH,         /* authentication refused (28) */
  INS_STORE_ERROR_FORBIDDEN,    /* privilege or role rule refused (42501) */
  INS_STORE_ERROR_CONFLICT,     /* someone else changed it first, or serialization failure */
  INS_STORE_ERROR_NOT_FOUND,
  INS_STORE_ERROR_NOT_ALLOWED,  /* the status machine refuses this action now */
  INS_STORE_ERROR_INVALID,      /* a check, not-null or foreign-key constraint refused the data */
  INS_STORE_ERROR_DUPLICATE,    /* unique violation */
  INS_STORE_ERROR_TIMEOUT,      /* statement or lock timeout (57014, 55P03) */
  INS_STORE_ERROR_SCHEMA_TOO_NEW,
} InsStoreError;

GQuark   ins_store_error_quark       (void);

/* Maps a SQLSTATE to a code of this domain. */
InsStoreError ins_store_error_from_sqlstate (const char *sqlstate);

/* Sets @error from a failed result (or from the connection when @res is NULL),
 * with a French message for what an agent can meet. */
void     ins_store_set_error_from_result (GError  **error,
                                          PGconn   *conn,
                                          PGresult *res);

G_END_DECLS
