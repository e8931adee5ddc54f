/* ins-db.c — connections and small helpers over libpq */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <libpq-events.h>
#include <stdlib.h>
#include <string.h>

#include "ins-db.h"

/* A connection's prepared statements, by name, kept as its libpq instance
 * data: gone with the connection, forgotten when libpq resets it. */
static int
prepared_event (PGEventId  id,
                void      *info,
                void      *pass_through)
{
  PGconn *conn = NULL;
  GHashTable *names;

  (void) pass_through;
  if (id == PGEVT_CONNRESET)
    conn = ((PGEventConnReset *) info)->conn;
  else if (id == PGEVT_CONNDESTROY)
    conn = ((PGEventConnDestroy *) info)->conn;
  if (conn == NULL || (names = PQinstanceData (conn, prepared_event)) == NULL)
    return TRUE;
  if (id == PGEVT_CONNRESET)
    g_hash_table_remove_all (names);
  else
    g_hash_table_unref (names);
  return TRUE;
}

static GHashTable *
prepared_names (PGconn *conn)
{
  GHashTable *names = PQinstanceData (conn, prepared_event);

  if (names != NULL)
    return names;
  if (!PQregisterEventProc (conn, prepared_event, "ins-db-prepared", NULL))
    return NULL;
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!PQsetInstanceData (conn, prepared_event, names))
    {
      g_hash_table_unref (names);
      return NULL;
    }
  return names;
}

static gboolean
result_ok (PGconn    *conn,
           PGresult  *res,
           GError   **error)
{
  ExecStatusType status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  ins_store_set_error_from_result (error, conn, res);
  return FALSE;
}

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
  g_autoptr(PGresult) res = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);

  return result_ok (conn, res, error) ? g_steal_pointer (&res) : NULL;
}

PGresult *
ins_db_exec_prepared (PGconn             *conn,
                      const char         *name,
                      const char         *sql,
                      int                 n_params,
                      const char * const *params,
                      GError            **error)
{
  GHashTable *names = prepared_names (conn);
  g_autoptr(PGresult) res = NULL;

  if (names == NULL)
    return ins_db_exec (conn, sql, n_params, params, error);
  if (!g_hash_table_contains (names, name))
    {
      res = PQprepare (conn, name, sql, n_params, NULL);
      if (!result_ok (conn, res, error))
        return NULL;
      g_hash_table_add (names, g_strdup (name));
      g_clear_pointer (&res, PQclear);
    }
  res = PQexecPrepared (conn, name, n_params, params, NULL, NULL, 0);
  return result_ok (conn, res, error) ? g_steal_pointer (&res) : NULL;
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
