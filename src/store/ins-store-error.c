/* ins-store-error.c — SQLSTATE classes mapped to store error codes */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-store-error.h"

G_DEFINE_QUARK (ins-store-error-quark, ins_store_error)

InsStoreError
ins_store_error_from_sqlstate (const char *sqlstate)
{
  if (sqlstate == NULL || strlen (sqlstate) != 5)
    return INS_STORE_ERROR_CONNECTION;
  if (g_str_has_prefix (sqlstate, "08") || g_str_equal (sqlstate, "57P01")
      || g_str_equal (sqlstate, "57P02") || g_str_equal (sqlstate, "57P03"))
    return INS_STORE_ERROR_CONNECTION;
  if (g_str_has_prefix (sqlstate, "28"))
    return INS_STORE_ERROR_AUTH;
  if (g_str_equal (sqlstate, "42501"))
    return INS_STORE_ERROR_FORBIDDEN;
  if (g_str_equal (sqlstate, "40001") || g_str_equal (sqlstate, "40P01"))
    return INS_STORE_ERROR_CONFLICT;
  if (g_str_equal (sqlstate, "23505"))
    return INS_STORE_ERROR_DUPLICATE;
  if (g_str_has_prefix (sqlstate, "23") || g_str_has_prefix (sqlstate, "22"))
    return INS_STORE_ERROR_INVALID;
  if (g_str_equal (sqlstate, "57014") || g_str_equal (sqlstate, "55P03")
      || g_str_equal (sqlstate, "25P03"))
    return INS_STORE_ERROR_TIMEOUT;
  return INS_STORE_ERROR_FAILED;
}

void
ins_store_set_error_from_result (GError  **error,
                                 PGconn   *conn,
                                 PGresult *res)
{
  const char *sqlstate = res ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *detail = res ? PQresultErrorMessage (res) : NULL;
  InsStoreError code;
  const char *message;

  if ((detail == NULL || *detail == '\0') && conn != NULL)
    detail = PQerrorMessage (conn);
  if (sqlstate == NULL && conn != NULL && PQstatus (conn) == CONNECTION_OK && res != NULL)
    code = INS_STORE_ERROR_FAILED;
  else
    code = ins_store_error_from_sqlstate (sqlstate);

  switch (code)
    {
    case INS_STORE_ERROR_CONNECTION:
      message = _("The connection to the database was lost");
      break;
    case INS_STORE_ERROR_AUTH:
      message = _("The database refused the credentials");
      break;
    case INS_STORE_ERROR_FORBIDDEN:
      message = _("Your role does not allow this action");
      break;
    case INS_STORE_ERROR_CONFLICT:
      message = _("Another agent changed this affaire at the same time");
      break;
    case INS_STORE_ERROR_DUPLICATE:
      message = _("This record already exists");
      break;
    case INS_STORE_ERROR_INVALID:
      message = _("The database refused invalid data");
      break;
    case INS_STORE_ERROR_TIMEOUT:
      message = _("The database took too long to answer");
      break;
    default:
      message = _("The database reported an error");
      break;
    }

  /* The server's own text goes to the debug log only: it may quote values. */
  g_debug ("store error %s: %s", sqlstate ? sqlstate : "-", detail ? detail : "");
  {
    const char *constraint = res ? PQresultErrorField (res, PG_DIAG_CONSTRAINT_NAME) : NULL;
    if (constraint != NULL)
      g_set_error (error, INS_STORE_ERROR, code, "%s (%s)", message, constraint);
    else
      g_set_error_literal (error, INS_STORE_ERROR, code, message);
  }
}
