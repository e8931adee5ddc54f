/* ins-migrations.c — applies resources/sql/NNN-name.sql in order */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <stdlib.h>

#include "ins-db.h"
#include "ins-migrations.h"

#define SQL_PATH "/fr/ameli/Instruction/sql/"
/* Any constant shared by all Instruction processes: "INSTRUCT" in ASCII, folded. */
#define MIGRATION_LOCK "4776939484761363028"

typedef struct {
  int   version;
  char *name;
} Migration;

static void
migration_clear (gpointer data)
{
  g_free (((Migration *) data)->name);
}

static int
migration_compare (gconstpointer a, gconstpointer b)
{
  return ((const Migration *) a)->version - ((const Migration *) b)->version;
}

static GArray *
list_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (SQL_PATH, 0, NULL);
  GArray *list = g_array_new (FALSE, FALSE, sizeof (Migration));

  g_array_set_clear_func (list, migration_clear);
  for (guint i = 0; names && names[i]; i++)
    {
      char *end = NULL;
      long version = strtol (names[i], &end, 10);
      Migration m;

      if (end == names[i] || *end != '-' || !g_str_has_suffix (names[i], ".sql") || version <= 0)
        continue;
      m.version = (int) version;
      m.name = g_strdup (names[i]);
      g_array_append_val (list, m);
    }
  g_array_sort (list, migration_compare);
  return list;
}

int
ins_migrations_latest (void)
{
  g_autoptr(GArray) list = list_migrations ();
  return list->len ? g_array_index (list, Migration, list->len - 1).version : 0;
}

int
ins_migrations_current (PGconn *conn, GError **error)
{
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) res = NULL;

  exists = ins_db_exec (conn, "SELECT to_regclass('public.schema_version') IS NOT NULL", 0, NULL, error);
  if (exists == NULL)
    return -1;
  if (!ins_db_get_bool (exists, 0, 0))
    return 0;
  res = ins_db_exec (conn, "SELECT coalesce(max(version), 0) FROM schema_version", 0, NULL, error);
  if (res == NULL)
    return -1;
  return (int) ins_db_get_int64 (res, 0, 0);
}

static gboolean
apply_one (PGconn *conn, const Migration *m, GError **error)
{
  g_autofree char *path = g_strconcat (SQL_PATH, m->name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autofree char *sql = NULL;
  g_autofree char *version = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *params[2];

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  if (!ins_db_begin (conn, error))
    return FALSE;
  /* A script of many statements: the simple query protocol, no parameters. */
  res = PQexec (conn, sql);
  if (res == NULL || PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      ins_store_set_error_from_result (error, conn, res);
      g_prefix_error (error, _("Migration %s failed: "), m->name);
      g_debug ("migration %s: %s", m->name, res ? PQresultErrorMessage (res) : "");
      ins_db_rollback (conn);
      return FALSE;
    }
  version = g_strdup_printf ("%d", m->version);
  params[0] = version;
  params[1] = m->name;
  if (!ins_db_run (conn, "INSERT INTO schema_version (version, name) VALUES ($1, $2)", 2, params, error)
      || !ins_db_commit (conn, error))
    {
      ins_db_rollback (conn);
      return FALSE;
    }
  g_info ("applied migration %s", m->name);
  return TRUE;
}

/* Migrations are tracked one by one, so one numbered below the newest
 * applied (written on another branch) is still applied. */
static gboolean
load_applied (PGconn *conn, GHashTable *done, GError **error)
{
  g_autoptr(PGresult) res = NULL;

  res = ins_db_exec (conn, "SELECT version FROM schema_version", 0, NULL, error);
  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    g_hash_table_add (done, GINT_TO_POINTER ((int) ins_db_get_int64 (res, i, 0)));
  return TRUE;
}

gboolean
ins_migrations_apply (PGconn  *conn,
                      int     *applied,
                      GError **error)
{
  g_autoptr(GArray) list = list_migrations ();
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
  const char *lock[] = { MIGRATION_LOCK };
  int latest = list->len ? g_array_index (list, Migration, list->len - 1).version : 0;
  int current;
  int count = 0;
  gboolean ok = FALSE;

  if (applied)
    *applied = 0;
  if (!ins_db_run (conn, "SELECT pg_advisory_lock($1::bigint)", 1, lock, error))
    return FALSE;

  current = ins_migrations_current (conn, error);
  if (current < 0)
    goto out;
  if (current > latest)
    {
      g_set_error (error, INS_STORE_ERROR, INS_STORE_ERROR_SCHEMA_TOO_NEW,
                   _("The database is at schema version %d, newer than this program knows (%d): "
                     "install the newer version of Instruction"),
                   current, latest);
      goto out;
    }
  if (current > 0 && !load_applied (conn, done, error))
    goto out;

  for (guint i = 0; i < list->len; i++)
    {
      const Migration *m = &g_array_index (list, Migration, i);
      if (g_hash_table_contains (done, GINT_TO_POINTER (m->version)))
        continue;
      /* Only an outdated database needs the owner's rights: an up-to-date
       * one is left untouched, so the service roles can start on it. */
      if (current == 0 && count == 0
          && !ins_db_run (conn,
                          "CREATE TABLE IF NOT EXISTS schema_version ("
                          " version integer PRIMARY KEY,"
                          " name text NOT NULL,"
                          " applied_at timestamptz NOT NULL DEFAULT now())",
                          0, NULL, error))
        goto out;
      if (!apply_one (conn, m, error))
        goto out;
      count++;
    }
  if (applied)
    *applied = count;
  ok = TRUE;

out:
  PQclear (PQexecParams (conn, "SELECT pg_advisory_unlock($1::bigint)", 1, NULL, lock, NULL, NULL, 0));
  return ok;
}
