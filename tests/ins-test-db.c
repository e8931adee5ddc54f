/* ins-test-db.c — a fresh, migrated database for each store test program */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "store/ins-db.h"
#include "store/ins-migrations.h"
#include "ins-test-db.h"

static char *test_conninfo;
static char *test_dbname;

static PGconn *
admin_connect (void)
{
  const char *admin = g_getenv ("INS_TEST_ADMIN_CONNINFO");
  g_autoptr(GError) error = NULL;
  PGconn *conn;

  if (admin == NULL)
    g_error ("INS_TEST_ADMIN_CONNINFO is not set: run the tests through scripts/test");
  conn = ins_db_connect (admin, &error);
  if (conn == NULL)
    g_error ("cannot reach the test cluster: %s", error->message);
  return conn;
}

static void
drop_database (void)
{
  g_autoptr(PGconn) admin = NULL;
  g_autofree char *sql = NULL;

  if (test_dbname == NULL || g_getenv ("INS_TEST_KEEP_DB") != NULL)
    return;
  admin = admin_connect ();
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", test_dbname);
  PQclear (PQexec (admin, sql));
}

const char *
ins_test_db_conninfo (void)
{
  g_autoptr(PGconn) admin = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *escaped = NULL;

  if (test_conninfo != NULL)
    return test_conninfo;

  admin = admin_connect ();
  /* Roles are shared by the whole cluster: test programs running in
   * parallel migrate one at a time (the lock lives in the admin database). */
  if (!ins_db_run (admin, "SELECT pg_advisory_lock(4242)", 0, NULL, &error))
    g_error ("cannot lock the test cluster: %s", error->message);
  test_dbname = g_strdup_printf ("ins_test_%d_%u", (int) getpid (), g_random_int ());
  sql = g_strdup_printf ("CREATE DATABASE \"%s\"", test_dbname);
  if (!ins_db_run (admin, sql, 0, NULL, &error))
    g_error ("cannot create the test database: %s", error->message);
  atexit (drop_database);

  escaped = g_strdup (test_dbname);
  test_conninfo = g_strdup_printf ("%s dbname=%s", g_getenv ("INS_TEST_ADMIN_CONNINFO"), escaped);
  conn = ins_db_connect (test_conninfo, &error);
  if (conn == NULL || !ins_migrations_apply (conn, NULL, &error))
    g_error ("cannot migrate the test database: %s", error->message);
  ins_db_run (admin, "SELECT pg_advisory_unlock(4242)", 0, NULL, NULL);
  return test_conninfo;
}

PGconn *
ins_test_db_connect (void)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = ins_db_connect (ins_test_db_conninfo (), &error);

  g_assert_no_error (error);
  return conn;
}

PGconn *
ins_test_db_connect_as (const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = g_strdup_printf ("%s user=%s", ins_test_db_conninfo (), role);
  PGconn *conn = ins_db_connect (conninfo, &error);

  g_assert_no_error (error);
  return conn;
}

void
ins_test_db_truncate (PGconn *conn)
{
  /* Several statements: the simple query protocol. */
  g_autoptr(PGresult) res = PQexec (conn,
    "ALTER TABLE history DISABLE TRIGGER history_append_only;"
    "TRUNCATE affaire, assure, blob, notification_outbox, history, avis_medical,"
    " avis_medical_reasoning, attachment, attachment_page, soins_etranger,"
    " oc_beneficiaire CASCADE;"
    "ALTER TABLE history ENABLE TRIGGER history_append_only");

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
}
