/* test-import-tool.c — instruction-import run as a subprocess on tests/data/submissions */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "store/ins-db.h"
#include "ins-ingest-test-util.h"
#include "ins-test-db.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_tool (Run *run, const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *tool = ingest_test_import_tool ();
  g_autofree char *probe = ingest_test_probe_path ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, "INS_PDF_PROBE", probe, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_ptr_array_add (argv, tool);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\n%s%s", run->status, run->out, run->err);
}

static gint64
count (PGconn *conn, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (conn, sql, 0, NULL, &error);

  g_assert_no_error (error);
  return ins_db_get_int64 (res, 0, 0);
}

static guint
count_lines_with (const char *text, const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i]; i++)
    n += g_str_has_prefix (lines[i], prefix);
  return n;
}

static void
test_tool_directory (void)
{
  g_autoptr(PGconn) conn = ins_test_db_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "submissions", NULL);
  const char *args[] = { "--database", ins_test_db_conninfo (), dir, NULL };
  Run run = { 0 };

  ins_test_db_truncate (conn);
  ins_db_run (conn, "INSERT INTO organisme (code, name) VALUES ('CNSE', 'CNSE'), ('CPAM-40', 'CPAM des Landes')"
                    " ON CONFLICT (code) DO NOTHING", 0, NULL, &error);
  g_assert_no_error (error);

  run_tool (&run, args);
  /* something was rejected: non-zero */
  g_assert_cmpint (run.status, ==, 1);
  /* not a terminal: one plain line per submission, no progress bar */
  g_assert_cmpuint (count_lines_with (run.out, "["), ==, 10);
  g_assert_nonnull (strstr (run.out, "[10/10]"));
  g_assert_null (strstr (run.out, "\r"));
  g_assert_null (strstr (run.out, "185107511203432"));
  g_assert_nonnull (strstr (run.out, "invalid-nir-key/submission.json"));
  g_assert_nonnull (strstr (run.out, "$.assure.nir"));
  g_assert_cmpint (count (conn, "SELECT count(*) FROM affaire"), ==, 6);
  g_assert_cmpint (count (conn, "SELECT count(*) FROM affaire WHERE status = 'non_exploitable'"), ==, 2);
  g_assert_cmpint (count (conn, "SELECT count(*) FROM affaire WHERE excluded"), ==, 2);
  g_assert_cmpint (count (conn, "SELECT count(*) FROM notification_outbox"), ==, 6);
  run_clear (&run);

  /* again: nothing changes, the same rejections */
  run_tool (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpint (count (conn, "SELECT count(*) FROM affaire"), ==, 6);
  g_assert_cmpint (count (conn, "SELECT count(*) FROM history"), ==, 6);
  run_clear (&run);
}

static void
test_tool_valid_only (void)
{
  g_autoptr(PGconn) conn = ins_test_db_connect ();
  g_autoptr(GError) error = NULL;
  g_autofree char *se = g_test_build_filename (G_TEST_DIST, "data", "submissions", "se-valid", NULL);
  g_autofree char *oc = ingest_test_sample ("oc-valid");
  const char *args[] = { "--database", ins_test_db_conninfo (), se, oc, NULL };
  Run run = { 0 };

  ins_test_db_truncate (conn);
  ins_db_run (conn, "INSERT INTO organisme (code, name) VALUES ('CNSE', 'CNSE'), ('CPAM-40', 'CPAM des Landes')"
                    " ON CONFLICT (code) DO NOTHING", 0, NULL, &error);
  g_assert_no_error (error);
  run_tool (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines_with (run.out, "["), ==, 2);
  g_assert_cmpint (count (conn, "SELECT count(*) FROM affaire WHERE status = 'recue'"), ==, 2);
  run_clear (&run);
}

static void
test_tool_failures (void)
{
  const char *missing[] = { "--database", ins_test_db_conninfo (), "/nonexistent/submissions", NULL };
  const char *no_path[] = { "--database", ins_test_db_conninfo (), NULL };
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "submissions", "oc-valid", NULL);
  const char *bad_db[] = { "--database", "host=/nonexistent port=1 dbname=none connect_timeout=2", dir, NULL };
  Run run = { 0 };

  run_tool (&run, missing);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, !=, "");
  run_clear (&run);
  run_tool (&run, no_path);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_tool (&run, bad_db);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, !=, "");
  run_clear (&run);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ingest/tool/directory", test_tool_directory);
  g_test_add_func ("/ingest/tool/valid-only", test_tool_valid_only);
  g_test_add_func ("/ingest/tool/failures", test_tool_failures);
  return g_test_run ();
}
