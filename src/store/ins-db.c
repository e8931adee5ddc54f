/* ins-db.c — connections and small helpers over libpq */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ins-db.h"


PGconn *
ins_db_connect (const char  *conninfo,
                GError     **error)
{
  const char *keys[] = { "dbname", "application_name", "client_encoding", "options",
                         "connect_timeout", NULL };
  const char *values[] = { conninfo ? conninfo : "", "instruction", "UTF8",
                           "-c DateStyle=ISO -c TimeZone=Europe/Paris -c IntervalStyle=iso_8601",
                           "10", NULL };
  g_autoptr(PGconn) conn = NULL;

  /* expand_dbname lets @conninfo carry host, user, service…; the session
   * settings after it take precedence over any it carries. */
  conn = PQconnectdbParams (keys, values, 1);
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      const char *msg = conn ? PQerrorMessage (conn) : "";
      InsStoreError code = INS_STORE_ERROR_CONNECTION;

      if (strstr (msg, "password authentication failed") || strstr (msg, "no password supplied")
          || strstr (msg, "authentication failed") || strstr (msg, "no pg_hba.conf entry"))
        code = INS_STORE_ERROR_AUTH;
      g_set_error (error, INS_STORE_ERROR, code, "%s", g_strstrip (g_strdup (msg)));
      return NULL;
    }
  return g_steal_pointer (&conn);
}

char *
ins_db_conninfo_for_service (const char *service)
{
  GString *s = g_string_new ("service='");
  for (const char *p = service; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
  return g_string_free (s, FALSE);
}

PGresult *
ins_db_exec (PGconn             *conn,
             const char         *sql,
             int                 n_params,
             const char * const *params,
             GError            **error)
{
  g_autoptr(PGresult) res = NULL;
  ExecStatusType status;

  res = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);
  status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      ins_store_set_error_from_result (error, conn, res);
      return NULL;
    }
  return g_steal_pointer (&res);
}

gboolean
ins_db_run (PGconn             *conn,
            const char         *sql,
            int                 n_params,
            const char * const *params,
            GError            **error)
{
  g_autoptr(PGresult) res = ins_db_exec (conn, sql, n_params, params, error);
  return res != NULL;
}

gboolean
ins_db_begin (PGconn *conn, GError **error)
{
  return ins_db_run (conn, "BEGIN", 0, NULL, error);
}

gboolean
ins_db_commit (PGconn *conn, GError **error)
{
  return ins_db_run (conn, "COMMIT", 0, NULL, error);
}

void
ins_db_rollback (PGconn *conn)
{
  if (PQtransactionStatus (conn) != PQTRANS_IDLE && PQstatus (conn) == CONNECTION_OK)
    PQclear (PQexec (conn, "ROLLBACK"));
}

const char *
ins_db_get_string (PGresult *res, int row, int col)
{
  return PQgetisnull (res, row, col) ? NULL : PQgetvalue (res, row, col);
}

gint64
ins_db_get_int64 (PGresult *res, int row, int col)
{
  return PQgetisnull (res, row, col) ? 0 : g_ascii_strtoll (PQgetvalue (res, row, col), NULL, 10);
}

gboolean
ins_db_get_bool (PGresult *res, int row, int col)
{
  return !PQgetisnull (res, row, col) && PQgetvalue (res, row, col)[0] == 't';
}

gboolean
ins_db_is_null (PGresult *res, int row, int col)
{
  return PQgetisnull (res, row, col);
}

char *
ins_db_server_version (PGconn *conn)
{
  int v = PQserverVersion (conn);
  return g_strdup_printf ("%d.%d", v / 10000, v % 10000);
}
