/* test-claim-store.c — concurrent claims, claim order, stale lease take-back, renewal */
#include "config.h"

#include "store/ins-claim-store.h"
#include "store/ins-db.h"
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  admin = ins_test_db_connect ();
  fixture_people (admin, PREFIX);

  g_test_add_func ("/claim/concurrent-no-duplicates", test_concurrent_claims);
  g_test_add_func ("/claim/order", test_claim_order);
  g_test_add_func ("/claim/stale-lease-and-renewal", test_stale_lease_and_renewal);
  return g_test_run ();
}
