/* test-store-reconnect.c — InsStore survives a PostgreSQL restart (suite store-serial:
 * it restarts the shared test cluster, so it runs alone) */
#include "config.h"

#include <unistd.h>

#include "store/ins-db.h"
#include "store/ins-store.h"
#include "ins-store-fixture.h"
#include "ins-test-db.h"

#define PREFIX "sr_"

static void
keep_result (GObject *object, GAsyncResult *result, gpointer user_data)
{
  (void) object;
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

typedef struct {
  gboolean lost;
  gboolean back;
  gint64   wanted;
  gboolean heard;
} Seen;

static void
on_connected (InsStore *store, GParamSpec *pspec, Seen *seen)
{
  (void) pspec;
  if (!ins_store_get_connected (store))
    seen->lost = TRUE;
  else if (seen->lost)
    seen->back = TRUE;
}

static void
on_affaire_changed (InsStore *store, gint64 id, Seen *seen)
{
  (void) store;
  if (seen->wanted != 0 && id == seen->wanted)
    seen->heard = TRUE;
}

static void
restart_server (void)
{
  const char *bin = g_getenv ("INS_TEST_PG_BIN");
  const char *data = g_getenv ("INS_TEST_PGDATA");
  g_autofree char *pg_ctl = g_build_filename (bin, "pg_ctl", NULL);
  g_autofree char *log = g_build_filename (data, "server.log", NULL);
  const char *as_root[] = { "runuser", "-u", "postgres", "--", pg_ctl, "-D", data, "-l", log,
                            "-m", "fast", "-w", "-t", "60", "restart", NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  /* PostgreSQL refuses root: as root, the cluster's owner runs pg_ctl. */
  g_spawn_sync (NULL, (char **) (getuid () == 0 ? as_root : as_root + 4), NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_reconnect_after_restart (void)
{
  g_autofree char *conninfo = g_strdup_printf ("%s user=%smarie", ins_test_db_conninfo (), PREFIX);
  g_autoptr(InsStore) store = ins_store_new (conninfo);
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GAsyncResult) paged = NULL;
  g_autoptr(InsQueuePage) page = NULL;
  g_autoptr(PGconn) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  Seen seen = { 0 };

  if (g_getenv ("INS_TEST_PGDATA") == NULL || g_getenv ("INS_TEST_PG_BIN") == NULL)
    {
      g_test_skip ("needs INS_TEST_PGDATA and INS_TEST_PG_BIN (scripts/test)");
      return;
    }

  ins_store_open_async (store, NULL, keep_result, &opened);
  g_assert_true (ins_store_open_finish (store, wait_result (&opened), &error));
  g_assert_no_error (error);
  g_signal_connect (store, "notify::connected", G_CALLBACK (on_connected), &seen);
  g_signal_connect (store, "affaire-changed", G_CALLBACK (on_affaire_changed), &seen);

  restart_server ();
  /* The LISTEN connection notices at once; the store comes back by itself. */
  while (!seen.back)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ins_store_get_connected (store));

  /* Calls work again… */
  ins_store_queue_page_async (store, query, NULL, INS_QUEUE_AFTER, 10, NULL, keep_result, &paged);
  page = ins_store_queue_page_finish (store, wait_result (&paged), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->rows->len, ==, 1);

  /* …and so does LISTEN. */
  admin = ins_test_db_connect ();
  seen.wanted = ((InsQueueRow *) page->rows->pdata[0])->id;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, seen.wanted);
  ins_db_run (admin, "UPDATE affaire SET priority = 4 WHERE id = $1", 1, (const char *[]) { id }, &error);
  g_assert_no_error (error);
  while (!seen.heard)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int argc, char *argv[])
{
  g_autoptr(PGconn) admin = NULL;
  FixtureAffaire spec = { 0 };

  g_test_init (&argc, &argv, NULL);

  admin = ins_test_db_connect ();
  fixture_people (admin, PREFIX);
  fixture_add_affaire (admin, &spec);
  g_clear_pointer (&admin, PQfinish);

  g_test_add_func ("/store-reconnect/after-restart", test_reconnect_after_restart);
  return g_test_run ();
}
