/* test-outbox-privileges.c — the relay's logins change outbox rows only
 * the way the relay does (017): claim, record what they hold, retry failed */
#include "config.h"

#include <unistd.h>

#include "store/ins-db.h"
#include "store/ins-outbox-store.h"
#include "ins-store-fixture.h"
#include "ins-test-db.h"

#define PREFIX "op_"

static PGconn *admin;

/* One pending notification per new affaire of the CPAM des Landes, due now;
 * every older row out of the way. */
static gint64
add_notification (void)
{
  FixtureAffaire spec = { 0 };
  g_autofree char *affaire = g_strdup_printf ("%" G_GINT64_FORMAT, fixture_add_affaire (admin, &spec));
  const char *params[] = { affaire };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;

  ins_db_run (admin, "UPDATE notification_outbox SET state = 'delivered', lease_owner = NULL,"
                     " lease_until = NULL, delivered_at = now() WHERE state <> 'delivered'", 0, NULL, &error);
  g_assert_no_error (error);
  res = ins_db_exec (admin,
                     "INSERT INTO notification_outbox (affaire_id, kind, payload, next_attempt_at)"
                     " VALUES ($1, 'accuse_reception', '{}', now() - interval '1 second') RETURNING id",
                     1, params, &error);
  g_assert_no_error (error);
  return ins_db_get_int64 (res, 0, 0);
}

static char *
state_of (gint64 id)
{
  return fixture_string (admin, "SELECT state::text || '/' || attempts FROM notification_outbox WHERE id = $1", id);
}

static void
assert_refused (PGconn *conn, const char *sql, gint64 id)
{
  g_autofree char *id_s = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { id_s };
  g_autoptr(GError) error = NULL;

  g_assert_false (ins_db_run (conn, sql, 1, params, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
}

static InsOutboxItem *
claim_one (PGconn *conn, const char *owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ins_outbox_claim (conn, owner, 10, 60000, 5, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  return g_ptr_array_steal_index (items, 0);
}

/* What the relay in an instructeur's application does still works. */
static void
test_agent_relay_job (void)
{
  g_autoptr(PGconn) marie = fixture_connect_as (PREFIX, "marie", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = add_notification ();
  g_autoptr(InsOutboxItem) item = claim_one (marie, "app-marie");
  g_autoptr(InsOutboxItem) again = NULL;
  g_autofree char *delivered = NULL;
  gboolean recorded = FALSE;

  g_assert_cmpint (item->id, ==, id);
  g_assert_true (ins_outbox_mark_retry (marie, item, "app-marie", 0, "HTTP 503", &recorded, &error));
  g_assert_no_error (error);
  g_assert_true (recorded);
  again = claim_one (marie, "app-marie");
  g_assert_true (ins_outbox_mark_delivered (marie, again, "app-marie", &recorded, &error));
  g_assert_no_error (error);
  g_assert_true (recorded);
  delivered = state_of (id);
  g_assert_cmpstr (delivered, ==, "delivered/2");
}

/* Marking a notification delivered, or putting it off, without holding it. */
static void
test_unclaimed_refused (void)
{
  g_autoptr(PGconn) marie = fixture_connect_as (PREFIX, "marie", NULL);
  gint64 id = add_notification ();
  g_autofree char *state = NULL;

  assert_refused (marie, "UPDATE notification_outbox SET state = 'delivered', delivered_at = now()"
                         " WHERE id = $1::bigint", id);
  assert_refused (marie, "UPDATE notification_outbox SET next_attempt_at = now() + interval '1 year'"
                         " WHERE id = $1::bigint", id);
  assert_refused (marie, "UPDATE notification_outbox SET lease_owner = 'x', lease_until = now() + interval '1 year',"
                         " next_attempt_at = now() + interval '1 year', attempts = attempts + 1"
                         " WHERE id = $1::bigint", id);
  state = state_of (id);
  g_assert_cmpstr (state, ==, "pending/0");
}

/* A row held by one login: another cannot record it, even knowing its
 * owner string and attempt, and the holder cannot reset its attempts. */
static void
test_other_login_refused (void)
{
  g_autoptr(PGconn) marie = fixture_connect_as (PREFIX, "marie", NULL);
  g_autoptr(PGconn) paul = fixture_connect_as (PREFIX, "paul", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = add_notification ();
  g_autoptr(InsOutboxItem) item = claim_one (marie, "app-marie");
  g_autofree char *state = NULL;
  gboolean recorded = TRUE;

  g_assert_false (ins_outbox_mark_delivered (paul, item, "app-marie", &recorded, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  assert_refused (marie, "UPDATE notification_outbox SET attempts = 0 WHERE id = $1::bigint", id);
  state = state_of (id);
  g_assert_cmpstr (state, ==, "pending/1");
}

/* Sending a failed notification again is the superviseur's (and the relay
 * service's), not the instructeur's. */
static void
test_retry_failed (void)
{
  g_autoptr(PGconn) marie = fixture_connect_as (PREFIX, "marie", NULL);
  g_autoptr(PGconn) sophie = fixture_connect_as (PREFIX, "sophie", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = add_notification ();
  g_autoptr(InsOutboxItem) item = claim_one (marie, "app-marie");
  g_autofree char *state = NULL;
  gboolean recorded = FALSE;

  g_assert_true (ins_outbox_mark_failed (marie, item, "app-marie", "HTTP 400", &recorded, &error));
  g_assert_no_error (error);
  g_assert_true (recorded);
  g_assert_cmpint (ins_outbox_retry_failed (marie, id, &error), ==, -1);
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (ins_outbox_retry_failed (sophie, id, &error), ==, 1);
  g_assert_no_error (error);
  state = state_of (id);
  g_assert_cmpstr (state, ==, "pending/0");
}

/* The relay service's own login is held to the same rules. */
static void
test_relay_service (void)
{
  g_autofree char *role = g_strdup_printf ("op_relay_%d", (int) getpid ());
  g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN IN ROLE ins_relay", role);
  g_autofree char *drop = g_strdup_printf ("DROP ROLE %s", role);
  g_autoptr(GError) error = NULL;
  gint64 id = add_notification ();

  g_assert_true (ins_db_run (admin, create, 0, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PGconn) relay = ins_test_db_connect_as (role);
    g_autoptr(InsOutboxItem) item = NULL;
    gboolean recorded = FALSE;

    assert_refused (relay, "UPDATE notification_outbox SET state = 'delivered', delivered_at = now()"
                           " WHERE id = $1::bigint", id);
    item = claim_one (relay, "svc");
    g_assert_true (ins_outbox_mark_delivered (relay, item, "svc", &recorded, &error));
    g_assert_no_error (error);
    g_assert_true (recorded);
    assert_refused (relay, "UPDATE notification_outbox SET state = 'pending', delivered_at = NULL"
                           " WHERE id = $1::bigint", id);
  }
  g_assert_true (ins_db_run (admin, drop, 0, NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  admin = ins_test_db_connect ();
  fixture_people (admin, PREFIX);

  g_test_add_func ("/outbox-privileges/agent-relay-job", test_agent_relay_job);
  g_test_add_func ("/outbox-privileges/unclaimed-refused", test_unclaimed_refused);
  g_test_add_func ("/outbox-privileges/other-login-refused", test_other_login_refused);
  g_test_add_func ("/outbox-privileges/retry-failed", test_retry_failed);
  g_test_add_func ("/outbox-privileges/relay-service", test_relay_service);

  return g_test_run ();
}
