/* test-store-async.c — InsStore against the real database, on a GMainLoop */
#include "config.h"

#include "store/ins-db.h"
#include "store/ins-store.h"
#include "ins-store-fixture.h"
#include "ins-test-db.h"

#define PREFIX "sa_"

static PGconn *admin;

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

static InsStore *
open_store (const char *name)
{
  g_autofree char *conninfo = g_strdup_printf ("%s user=%s%s", ins_test_db_conninfo (), PREFIX, name);
  InsStore *store = ins_store_new (conninfo);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ins_store_open_async (store, NULL, keep_result, &result);
  g_assert_true (ins_store_open_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (ins_store_get_connected (store));
  return store;
}

static void
test_not_open_fails_fast (void)
{
  g_autoptr(InsStore) store = ins_store_new (ins_test_db_conninfo ());
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (ins_store_get_connected (store));
  g_assert_null (ins_store_get_agent (store));
  ins_store_queue_page_async (store, query, NULL, INS_QUEUE_AFTER, 10, NULL, keep_result, &result);
  g_assert_null (ins_store_queue_page_finish (store, wait_result (&result), &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION);
}

static void
test_open_as_non_agent (void)
{
  g_autoptr(InsStore) store = ins_store_new (ins_test_db_conninfo ());
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ins_store_open_async (store, NULL, keep_result, &result);
  g_assert_false (ins_store_open_finish (store, wait_result (&result), &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  g_assert_false (ins_store_get_connected (store));
}

static void
test_workflow (void)
{
  g_autoptr(InsStore) store = open_store ("marie");
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL, r6 = NULL, r7 = NULL, r8 = NULL;
  g_autoptr(GAsyncResult) r9 = NULL, r10 = NULL;
  g_autoptr(InsQueuePage) page = NULL;
  g_autoptr(InsAffaire) affaire = NULL;
  g_autoptr(InsTransition) release = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FixtureAffaire spec = { .with_attachment = TRUE, .priority = 3 };
  InsAgent *agent = ins_store_get_agent (store);
  gint64 id = fixture_add_affaire (admin, &spec);
  gint64 claimed, count = 0;
  gboolean exact = FALSE;
  int version = 0;

  g_assert_cmpstr (agent->display_name, ==, "Marie Dupont");

  ins_store_queue_page_async (store, query, NULL, INS_QUEUE_AFTER, 50, NULL, keep_result, &r1);
  ins_store_queue_count_async (store, query, NULL, keep_result, &r2);
  page = ins_store_queue_page_finish (store, wait_result (&r1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->rows->len, >=, 1);
  g_assert_cmpint (((InsQueueRow *) page->rows->pdata[0])->id, ==, id);
  g_assert_true (ins_store_queue_count_finish (store, wait_result (&r2), &count, &exact, &error));
  g_assert_true (exact);
  g_assert_cmpint (count, ==, page->rows->len);

  ins_store_claim_next_async (store, NULL, keep_result, &r3);
  claimed = ins_store_claim_next_finish (store, wait_result (&r3), &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (claimed, ==, id);

  ins_store_load_affaire_async (store, id, NULL, keep_result, &r4);
  affaire = ins_store_load_affaire_finish (store, wait_result (&r4), &error);
  g_assert_no_error (error);
  g_assert_cmpint (affaire->status, ==, INS_STATUS_EN_COURS);
  g_assert_cmpint (affaire->version, ==, version);
  g_assert_cmpint (affaire->assignee_id, ==, agent->id);

  ins_store_attachment_bytes_async (store, ((InsAttachmentInfo *) affaire->attachments->pdata[0])->id,
                                    NULL, keep_result, &r5);
  bytes = ins_store_attachment_bytes_finish (store, wait_result (&r5), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 16);

  ins_store_set_page_state_async (store, ((InsAttachmentInfo *) affaire->attachments->pdata[0])->id, 1, 90,
                                  INS_PAGE_TAG_FACTURE, NULL, keep_result, &r6);
  g_assert_true (ins_store_set_page_state_finish (store, wait_result (&r6), &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_int (admin, "SELECT rotation FROM attachment_page WHERE tag = 'facture'", 0), ==, 90);

  ins_store_renew_lease_async (store, id, NULL, keep_result, &r7);
  g_assert_true (ins_store_renew_lease_finish (store, wait_result (&r7), &error));
  g_assert_no_error (error);

  release = ins_transition_new (INS_ACTION_RELEASE, id, version);
  ins_store_apply_async (store, release, NULL, keep_result, &r8);
  g_assert_true (ins_store_apply_finish (store, wait_result (&r8), &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, affaire->version + 1);

  ins_store_history_async (store, id, NULL, keep_result, &r9);
  history = ins_store_history_finish (store, wait_result (&r9), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((InsHistoryEntry *) history->pdata[1])->action, ==, "release");
  g_assert_cmpstr (((InsHistoryEntry *) history->pdata[1])->agent_name, ==, "Marie Dupont");

  ins_store_agents_async (store, agent->organisme_id, NULL, keep_result, &r10);
  agents = ins_store_agents_finish (store, wait_result (&r10), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agents->len, ==, 4);
}

static void
test_conflict_async (void)
{
  g_autoptr(InsStore) store = open_store ("marie");
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(InsTransition) accept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) sophie_conn = NULL;
  g_autoptr(InsAgent) sophie = NULL;
  g_autoptr(InsTransition) release = NULL;
  FixtureAffaire spec = { .kind = INS_KIND_CHEVAUCHEMENT_OC, .priority = 9 };
  gint64 id = fixture_add_affaire (admin, &spec);
  int version = 0;

  ins_store_claim_next_async (store, NULL, keep_result, &r1);
  g_assert_cmpint (ins_store_claim_next_finish (store, wait_result (&r1), &version, &error), ==, id);

  sophie_conn = fixture_connect_as (PREFIX, "sophie", &sophie);
  release = ins_transition_new (INS_ACTION_RELEASE, id, version);
  g_assert_true (ins_transition_store_apply (sophie_conn, sophie, release, NULL, &error));
  g_assert_no_error (error);

  accept = ins_transition_new (INS_ACTION_ACCEPT, id, version);
  ins_store_apply_async (store, accept, NULL, keep_result, &r2);
  g_assert_false (ins_store_apply_finish (store, wait_result (&r2), NULL, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Sophie Leroy"));
  /* A conflict is no lost connection. */
  g_assert_true (ins_store_get_connected (store));
}

static void
test_cancelled (void)
{
  g_autoptr(InsStore) store = open_store ("marie");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ins_store_organismes_async (store, cancellable, keep_result, &result);
  g_assert_null (ins_store_organismes_finish (store, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct {
  gint64   wanted;
  gboolean affaire_seen;
  gboolean outbox_seen;
} Heard;

static void
on_affaire_changed (InsStore *store, gint64 id, Heard *heard)
{
  (void) store;
  if (id == heard->wanted)
    heard->affaire_seen = TRUE;
}

static void
on_outbox_changed (InsStore *store, Heard *heard)
{
  (void) store;
  heard->outbox_seen = TRUE;
}

static void
test_listen (void)
{
  g_autoptr(InsStore) store = open_store ("paul");
  g_autoptr(PGconn) other = ins_test_db_connect ();
  g_autoptr(GError) error = NULL;
  FixtureAffaire spec = { 0 };
  Heard heard = { 0 };
  g_autofree char *id = NULL;

  heard.wanted = fixture_add_affaire (admin, &spec);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, heard.wanted);
  g_signal_connect (store, "affaire-changed", G_CALLBACK (on_affaire_changed), &heard);
  g_signal_connect (store, "outbox-changed", G_CALLBACK (on_outbox_changed), &heard);

  /* Another session changes the affaire and queues its notification. */
  ins_db_run (other, "UPDATE affaire SET priority = 7 WHERE id = $1", 1, (const char *[]) { id }, &error);
  g_assert_no_error (error);
  ins_db_run (other, "SELECT ins_outbox_enqueue($1, 'accuse_reception')", 1, (const char *[]) { id }, &error);
  g_assert_no_error (error);

  while (!heard.affaire_seen || !heard.outbox_seen)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  admin = ins_test_db_connect ();
  fixture_people (admin, PREFIX);

  g_test_add_func ("/store-async/not-open-fails-fast", test_not_open_fails_fast);
  g_test_add_func ("/store-async/open-as-non-agent", test_open_as_non_agent);
  g_test_add_func ("/store-async/workflow", test_workflow);
  g_test_add_func ("/store-async/conflict", test_conflict_async);
  g_test_add_func ("/store-async/cancelled", test_cancelled);
  g_test_add_func ("/store-async/listen", test_listen);
  return g_test_run ();
}
