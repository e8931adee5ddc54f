/* test-claim-store.c — concurrent claims, claim order, stale lease take-back, renewal,
 * claim announcements */
#include "config.h"

#include <sys/select.h>

#include "store/ins-claim-store.h"
#include "store/ins-db.h"
#include "store/ins-store.h"
#include "store/ins-transition-store.h"
#include "ins-store-fixture.h"
#include "ins-test-db.h"

#define PREFIX "sc_"
#define N_THREADS 8
#define N_AFFAIRES 240

static PGconn *admin;

typedef struct {
  const char *name;
  GArray     *ids;
} Claimer;

static gpointer
claim_until_empty (gpointer data)
{
  Claimer *c = data;
  g_autoptr(InsAgent) agent = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, c->name, &agent);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      int version = 0;
      gint64 id = ins_claim_store_next (conn, agent, &version, &error);

      g_assert_no_error (error);
      if (id == 0)
        break;
      g_assert_cmpint (version, ==, 2);
      g_array_append_val (c->ids, id);
    }
  return NULL;
}

static void
test_concurrent_claims (void)
{
  /* Four agents of the CPAM, each with two sessions (two windows). */
  const char *names[N_THREADS] = { "marie", "paul", "sophie", "marie", "paul", "sophie", "marie", "paul" };
  Claimer claimers[N_THREADS];
  GThread *threads[N_THREADS];
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint total = 0;

  ins_test_db_truncate (admin);
  fixture_add_many (admin, "CPAM-40", N_AFFAIRES);
  fixture_add_many (admin, "CNSE", 30);

  for (int i = 0; i < N_THREADS; i++)
    {
      claimers[i].name = names[i];
      claimers[i].ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      threads[i] = g_thread_new ("claimer", claim_until_empty, &claimers[i]);
    }
  for (int i = 0; i < N_THREADS; i++)
    {
      g_thread_join (threads[i]);
      for (guint j = 0; j < claimers[i].ids->len; j++)
        {
          gint64 *id = &g_array_index (claimers[i].ids, gint64, j);
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
        }
      total += claimers[i].ids->len;
    }

  /* Every CPAM affaire claimed exactly once, none of the CNSE's. */
  g_assert_cmpuint (total, ==, N_AFFAIRES);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                                       " WHERE o.code = 'CPAM-40' AND a.status = 'en_cours'"
                                       " AND a.assignee_id IS NOT NULL AND a.version = 2", 0), ==, N_AFFAIRES);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM history WHERE action = 'claim'", 0), ==, N_AFFAIRES);
  g_assert_cmpint (fixture_int (admin, "SELECT count(DISTINCT affaire_id) FROM history WHERE action = 'claim'", 0),
                   ==, N_AFFAIRES);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                                       " WHERE o.code = 'CNSE' AND a.status = 'recue'", 0), ==, 30);
  for (int i = 0; i < N_THREADS; i++)
    g_array_unref (claimers[i].ids);
}

static void
test_claim_order (void)
{
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autoptr(InsAgent) claire = NULL;
  g_autoptr(PGconn) claire_conn = fixture_connect_as (PREFIX, "claire", &claire);
  g_autoptr(GError) error = NULL;
  FixtureAffaire old = { .age_days = 20 };
  FixtureAffaire older = { .age_days = 30 };
  FixtureAffaire urgent = { .age_days = 1, .priority = 5 };
  gint64 id_old, id_older, id_urgent;

  ins_test_db_truncate (admin);
  id_old = fixture_add_affaire (admin, &old);
  id_older = fixture_add_affaire (admin, &older);
  id_urgent = fixture_add_affaire (admin, &urgent);

  /* Priority first, then the oldest. */
  g_assert_cmpint (ins_claim_store_next (conn, marie, NULL, &error), ==, id_urgent);
  g_assert_cmpint (ins_claim_store_next (conn, marie, NULL, &error), ==, id_older);
  g_assert_cmpint (ins_claim_store_next (conn, marie, NULL, &error), ==, id_old);
  g_assert_cmpint (ins_claim_store_next (conn, marie, NULL, &error), ==, 0);
  g_assert_no_error (error);

  /* A médecin-conseil takes no affaire from the queue. */
  g_assert_cmpint (ins_claim_store_next (claire_conn, claire, NULL, &error), ==, 0);
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_ALLOWED);
}

static gint64
prepared_claims (PGconn *conn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (conn,
                                         "SELECT count(*) FROM pg_prepared_statements"
                                         " WHERE name = 'ins_claim_next'", 0, NULL, &error);

  g_assert_no_error (error);
  return ins_db_get_int64 (res, 0, 0);
}

/* The claim statement is prepared once per connection, and again on a
 * connection libpq reset (which forgets its prepared statements). */
static void
test_claim_prepared_once (void)
{
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autoptr(GError) error = NULL;
  FixtureAffaire affaire = { .age_days = 3 };
  gint64 ids[4];

  ins_test_db_truncate (admin);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      affaire.age_days = 10 - i;
      ids[i] = fixture_add_affaire (admin, &affaire);
    }
  g_assert_cmpint (prepared_claims (conn), ==, 0);
  g_assert_cmpint (ins_claim_store_next (conn, marie, NULL, &error), ==, ids[0]);
  g_assert_no_error (error);
  g_assert_cmpint (ins_claim_store_next (conn, marie, NULL, &error), ==, ids[1]);
  g_assert_no_error (error);
  g_assert_cmpint (prepared_claims (conn), ==, 1);

  PQreset (conn);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  g_assert_cmpint (prepared_claims (conn), ==, 0);
  /* Prepared in a transaction rolled back, it stays prepared. */
  g_assert_true (ins_db_begin (conn, &error));
  g_assert_cmpint (ins_claim_store_next (conn, marie, NULL, &error), ==, ids[2]);
  g_assert_no_error (error);
  ins_db_rollback (conn);
  g_assert_cmpint (prepared_claims (conn), ==, 1);
  g_assert_cmpint (ins_claim_store_next (conn, marie, NULL, &error), ==, ids[2]);
  g_assert_no_error (error);
  g_assert_cmpint (ins_claim_store_next (conn, marie, NULL, &error), ==, ids[3]);
  g_assert_no_error (error);
  g_assert_cmpint (ins_claim_store_next (conn, marie, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (prepared_claims (conn), ==, 1);
}

/* The claimer is the connected agent, whatever agent id the client passes:
 * Marie cannot claim for Paul, through the store or calling the function. */
static void
test_claim_for_another (void)
{
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(InsAgent) paul = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autoptr(PGconn) paul_conn = fixture_connect_as (PREFIX, "paul", &paul);
  g_autoptr(InsAgent) posing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *paul_id = NULL;
  g_autofree char *organisme_id = NULL;
  FixtureAffaire spec = { 0 };
  gint64 id;

  ins_test_db_truncate (admin);
  id = fixture_add_affaire (admin, &spec);

  posing = ins_agent_new ();
  posing->id = paul->id;
  posing->role = marie->role;
  posing->organisme_id = marie->organisme_id;
  g_assert_cmpint (ins_claim_store_next (conn, posing, NULL, &error), ==, 0);
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  paul_id = g_strdup_printf ("%d", paul->id);
  organisme_id = g_strdup_printf ("%d", marie->organisme_id);
  {
    const char *params[] = { paul_id, organisme_id };

    g_assert_false (ins_db_run (conn, "SELECT * FROM ins_claim_next($1, $2, 60)", 2, params, &error));
    g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }

  /* Nothing was claimed or logged; Paul himself still can. */
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire WHERE id = $1 AND status = 'recue'"
                                       " AND assignee_id IS NULL", id), ==, 1);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM history WHERE action = 'claim'", 0), ==, 0);
  g_assert_cmpint (ins_claim_store_next (paul_conn, paul, NULL, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (fixture_int (admin, "SELECT assignee_id FROM affaire WHERE id = $1", id), ==, paul->id);
}

static void
test_stale_lease_and_renewal (void)
{
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(InsAgent) paul = NULL;
  g_autoptr(PGconn) marie_conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autoptr(PGconn) paul_conn = fixture_connect_as (PREFIX, "paul", &paul);
  g_autoptr(InsTransition) take = NULL;
  g_autoptr(GError) error = NULL;
  FixtureAffaire spec = { 0 };
  gint64 id;
  gint64 lease_before;
  int version = 0;

  ins_test_db_truncate (admin);
  id = fixture_add_affaire (admin, &spec);
  g_assert_cmpint (ins_claim_store_next (marie_conn, marie, &version, &error), ==, id);

  /* Renewing moves the lease forward and changes nothing else. */
  ins_db_run (admin, "UPDATE affaire SET lease_until = now() + interval '1 minute'", 0, NULL, &error);
  lease_before = fixture_int (admin, "SELECT extract(epoch FROM lease_until)::bigint FROM affaire WHERE id = $1", id);
  g_assert_true (ins_claim_store_renew_lease (marie_conn, marie, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_int (admin, "SELECT extract(epoch FROM lease_until)::bigint FROM affaire WHERE id = $1", id)
                   - lease_before, >, INS_LEASE_SECONDS / 2);
  g_assert_cmpint (fixture_int (admin, "SELECT version FROM affaire WHERE id = $1", id), ==, version);

  /* While the lease lives, Paul cannot take it. */
  take = ins_transition_new (INS_ACTION_CLAIM, id, version);
  g_assert_false (ins_transition_store_apply (paul_conn, paul, take, NULL, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* Marie went home: her lease expires, Paul takes the affaire back. */
  ins_db_run (admin, "UPDATE affaire SET lease_until = now() - interval '1 minute'", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ins_transition_store_apply (paul_conn, paul, take, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_int (admin, "SELECT assignee_id FROM affaire WHERE id = $1 AND lease_until > now()", id),
                   ==, paul->id);

  /* Marie's renewal now fails, saying who took it. */
  g_assert_false (ins_claim_store_renew_lease (marie_conn, marie, id, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Paul Martin"));
}

/* Announcements -------------------------------------------------------------- */

/* The channel and payload of every notification up to the marker @listen's
 * session hears on `claims_test_marker`: notifications arrive in commit
 * order, so whatever a claim sent before the marker is in the list. */
static GPtrArray *
heard_until_marker (PGconn *listen)
{
  GPtrArray *heard = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  ins_db_run (admin, "NOTIFY claims_test_marker", 0, NULL, &error);
  g_assert_no_error (error);
  for (;;)
    {
      PGnotify *n;
      fd_set fds;

      g_assert_true (PQconsumeInput (listen));
      while ((n = PQnotifies (listen)) != NULL)
        {
          gboolean marker = g_str_equal (n->relname, "claims_test_marker");

          if (!marker)
            g_ptr_array_add (heard, g_strdup_printf ("%s %s", n->relname, n->extra));
          PQfreemem (n);
          if (marker)
            return heard;
        }
      FD_ZERO (&fds);
      FD_SET (PQsocket (listen), &fds);
      select (PQsocket (listen) + 1, &fds, NULL, NULL, NULL);
    }
}

static void
test_claims_announced (void)
{
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autoptr(PGconn) listen = ins_test_db_connect ();
  g_autoptr(GPtrArray) heard = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  FixtureAffaire spec = { 0 };
  gint64 first, second;

  ins_test_db_truncate (admin);
  fixture_add_affaire (admin, &spec);
  fixture_add_affaire (admin, &spec);
  ins_db_run (listen, "LISTEN affaire_changed", 0, NULL, &error);
  ins_db_run (listen, "LISTEN affaire_claimed", 0, NULL, &error);
  ins_db_run (listen, "LISTEN claims_test_marker", 0, NULL, &error);
  g_assert_no_error (error);

  /* No claim announced in this quarter of a second yet: this one is, on its
   * own channel only. */
  ins_db_run (admin, "SELECT setval('affaire_claim_announced', 1)", 0, NULL, &error);
  g_assert_no_error (error);
  first = ins_claim_store_next (conn, marie, NULL, &error);
  g_assert_no_error (error);
  heard = heard_until_marker (listen);
  expected = g_strdup_printf ("affaire_claimed %" G_GINT64_FORMAT, first);
  g_assert_cmpuint (heard->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (heard, 0), ==, expected);
  g_clear_pointer (&heard, g_ptr_array_unref);

  /* A claim in a quarter already announced sends nothing. */
  ins_db_run (admin, "SELECT setval('affaire_claim_announced', floor(extract(epoch FROM now()) * 4)::bigint + 4000)",
              0, NULL, &error);
  g_assert_no_error (error);
  second = ins_claim_store_next (conn, marie, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, !=, 0);
  heard = heard_until_marker (listen);
  g_assert_cmpuint (heard->len, ==, 0);
  g_clear_pointer (&heard, g_ptr_array_unref);

  /* Giving it back is an ordinary change, notified with its id. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, second);

    ins_db_run (admin, "UPDATE affaire SET status = 'recue', assignee_id = NULL, lease_until = NULL,"
                       " version = version + 1 WHERE id = $1", 1, (const char *[]) { id }, &error);
    g_assert_no_error (error);
    g_free (expected);
    expected = g_strdup_printf ("affaire_changed %s", id);
  }
  heard = heard_until_marker (listen);
  g_assert_cmpuint (heard->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (heard, 0), ==, expected);
  ins_db_run (admin, "SELECT setval('affaire_claim_announced', 1)", 0, NULL, &error);
  g_assert_no_error (error);
}

typedef struct {
  gint64 claimed;
  guint  claimed_seen;   /* affaire-changed (claimed) */
  guint  settled_seen;   /* affaire-changed (0) after it */
} Heard;

static void
on_affaire_changed (InsStore *store, gint64 id, Heard *heard)
{
  (void) store;
  if (id == heard->claimed && heard->claimed != 0)
    heard->claimed_seen++;
  else if (id == 0 && heard->claimed_seen > 0)
    heard->settled_seen++;
}

static void
on_opened (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ins_store_open_finish (INS_STORE (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* An InsStore hears the announced claim at once, then reloads everything once
 * the claims of that quarter, announced or not, have committed. */
static void
test_store_hears_claims (void)
{
  g_autofree char *conninfo = g_strdup_printf ("%s user=%spaul", ins_test_db_conninfo (), PREFIX);
  g_autoptr(InsStore) store = ins_store_new (conninfo);
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autoptr(GError) error = NULL;
  FixtureAffaire spec = { 0 };
  Heard heard = { 0 };
  gboolean opened = FALSE;

  ins_test_db_truncate (admin);
  fixture_add_affaire (admin, &spec);
  g_object_set (store, "refresh-interval", 0, NULL);
  ins_store_open_async (store, NULL, on_opened, &opened);
  while (!opened)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (store, "affaire-changed", G_CALLBACK (on_affaire_changed), &heard);

  ins_db_run (admin, "SELECT setval('affaire_claim_announced', 1)", 0, NULL, &error);
  g_assert_no_error (error);
  heard.claimed = ins_claim_store_next (conn, marie, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (heard.claimed, !=, 0);
  while (heard.settled_seen == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (heard.claimed_seen, ==, 1);
  g_assert_cmpuint (heard.settled_seen, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  admin = ins_test_db_connect ();
  fixture_people (admin, PREFIX);

  g_test_add_func ("/claim/concurrent-no-duplicates", test_concurrent_claims);
  g_test_add_func ("/claim/order", test_claim_order);
  g_test_add_func ("/claim/prepared-once", test_claim_prepared_once);
  g_test_add_func ("/claim/only-for-oneself", test_claim_for_another);
  g_test_add_func ("/claim/stale-lease-and-renewal", test_stale_lease_and_renewal);
  g_test_add_func ("/claim/announced", test_claims_announced);
  g_test_add_func ("/claim/store-hears-claims", test_store_hears_claims);
  return g_test_run ();
}
