/* test-migrations.c — migrations from empty, re-applied, and refused when too new */
#include "config.h"

#include "store/ins-db.h"
#include "store/ins-migrations.h"
#include "ins-test-db.h"

static void
test_from_empty (void)
{
  g_autoptr(PGconn) conn = ins_test_db_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;

  g_assert_cmpint (ins_migrations_latest (), >=, 1);
  g_assert_cmpint (ins_migrations_current (conn, &error), ==, ins_migrations_latest ());
  g_assert_no_error (error);

  res = ins_db_exec (conn, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                           "AND tablename IN ('affaire', 'history', 'notification_outbox', 'blob')",
                     0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ins_db_get_int64 (res, 0, 0), ==, 4);
}

static void
test_reapply_is_noop (void)
{
  g_autoptr(PGconn) conn = ins_test_db_connect ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) before = NULL;
  g_autoptr(PGresult) after = NULL;
  const char *sql = "SELECT count(*), max(version) FROM schema_version";
  int applied = -1;

  before = ins_db_exec (conn, sql, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ins_migrations_apply (conn, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpint (applied, ==, 0);

  after = ins_db_exec (conn, sql, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ins_db_get_int64 (after, 0, 0), ==, ins_db_get_int64 (before, 0, 0));
  g_assert_cmpint (ins_db_get_int64 (after, 0, 1), ==, ins_migrations_latest ());
}

static void
test_too_new_refused (void)
{
  g_autoptr(PGconn) conn = ins_test_db_connect ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ins_db_run (conn, "BEGIN", 0, NULL, &error));
  g_assert_true (ins_db_run (conn, "INSERT INTO schema_version (version, name) VALUES (9999, '9999-future.sql')",
                             0, NULL, &error));
  g_assert_false (ins_migrations_apply (conn, NULL, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_SCHEMA_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "9999"));
  g_clear_error (&error);
  g_assert_true (ins_db_run (conn, "ROLLBACK", 0, NULL, &error));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/migrations/from-empty", test_from_empty);
  g_test_add_func ("/migrations/reapply-is-noop", test_reapply_is_noop);
  g_test_add_func ("/migrations/too-new-refused", test_too_new_refused);
  return g_test_run ();
}
