/* test-workload.c — the supervisor dashboard's figures, exact on a known
 * fixture, read as a superviseur under row security; its actions */
#include "config.h"

#include <unistd.h>

#include "store/ins-db.h"
#include "store/ins-transition-store.h"
#include "store/ins-workload-store.h"
#include "ins-store-fixture.h"
#include "ins-test-db.h"

static char *prefix;
static gint64 a[14];     /* CPAM-40 affaires, a[1] … a[13] */
static gint64 closed[6]; /* CPAM-40, clôturées, each closed once in the history */
static gint64 b[3];      /* CNSE affaires */
static gint64 failed_a, failed_b;

static void
run (PGconn *conn, const char *sql, gint64 id)
{
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { sid };
  g_autoptr(GError) error = NULL;

  ins_db_run (conn, sql, strstr (sql, "$1") ? 1 : 0, params, &error);
  g_assert_no_error (error);
}

static gint64
add (PGconn *admin, const char *organisme, InsAffaireKind kind, const char *status, int age_days)
{
  FixtureAffaire spec = { .organisme = organisme, .kind = kind, .status = status, .age_days = age_days };

  return fixture_add_affaire (admin, &spec);
}

static void
hold (PGconn *admin, gint64 id, const char *who, const char *lease, const char *updated)
{
  g_autofree char *login = g_strconcat (prefix, who, NULL);
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { sid, login, lease, updated };
  g_autoptr(GError) error = NULL;

  ins_db_run (admin,
              "UPDATE affaire SET assignee_id = (SELECT id FROM agent WHERE login = $2),"
              " lease_until = now() + $3::interval, updated_at = now() + $4::interval WHERE id = $1",
              4, params, &error);
  g_assert_no_error (error);
}

/* A close in the history by @who, @days_ago calendar days ago at noon. */
static void
add_close (PGconn *admin, gint64 id, const char *who, int days_ago, const char *action)
{
  g_autofree char *login = g_strconcat (prefix, who, NULL);
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *days = g_strdup_printf ("%d", days_ago);
  const char *params[] = { sid, login, days, action };
  g_autoptr(GError) error = NULL;

  ins_db_run (admin,
              "INSERT INTO history (affaire_id, agent_id, action, from_status, to_status, at)"
              " SELECT $1, id, $4, 'acceptee', 'cloturee',"
              "        (current_date - $3::int)::timestamptz + interval '12 hours'"
              "   FROM agent WHERE login = $2",
              4, params, &error);
  g_assert_no_error (error);
  /* Closing sets closed_at in the same transaction. */
  if (g_str_equal (action, "close"))
    run (admin, "UPDATE affaire a SET closed_at = h.at FROM history h"
                " WHERE a.id = $1 AND h.affaire_id = a.id AND h.action = 'close'", id);
}

static gint64
add_notification (PGconn *admin, gint64 affaire_id, const char *state)
{
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, affaire_id);
  const char *params[] = { sid, state };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (admin,
    "INSERT INTO notification_outbox (affaire_id, kind, payload, state, attempts, last_error)"
    " VALUES ($1, 'acceptation', '{}', $2::notification_state, 5, 'HTTP 503') RETURNING id",
    2, params, &error);

  g_assert_no_error (error);
  return ins_db_get_int64 (res, 0, 0);
}

static void
setup_fixture (void)
{
  g_autoptr(PGconn) admin = ins_test_db_connect ();
  g_autofree char *cnse_sup = NULL;

  prefix = g_strdup_printf ("wl%d_", (int) getpid ());
  fixture_people (admin, prefix);
  cnse_sup = g_strconcat (prefix, "gwen", NULL);
  {
    const char *p[] = { cnse_sup };
    g_autoptr(GError) error = NULL;
    ins_db_run (admin, "SELECT ins_create_agent($1, 'Gwen Le Bihan', 'superviseur', 'CNSE')", 1, p, &error);
    g_assert_no_error (error);
  }

  a[1] = add (admin, NULL, INS_KIND_SOINS_ETRANGER, "recue", 2);
  a[2] = add (admin, NULL, INS_KIND_SOINS_ETRANGER, "recue", 7);
  a[3] = add (admin, NULL, INS_KIND_SOINS_ETRANGER, "recue", 8);
  a[4] = add (admin, NULL, INS_KIND_CHEVAUCHEMENT_OC, "recue", 8);      /* 1 day late */
  a[5] = add (admin, NULL, INS_KIND_SOINS_ETRANGER, "en_cours", 30);    /* 2 days late */
  hold (admin, a[5], "marie", "10 minutes", "-1 hour");
  /* Waiting for the médecin-conseil for 10 days: due 3 days ago, but paused. */
  a[6] = add (admin, NULL, INS_KIND_SOINS_ETRANGER, "avis_medical_demande", 31);
  run (admin, "UPDATE affaire SET sla_paused_since = now() - interval '10 days' WHERE id = $1", a[6]);
  /* Paused 10 days in the past, resumed: due in 3 days although 35 days old. */
  a[7] = add (admin, NULL, INS_KIND_SOINS_ETRANGER, "recue", 35);
  run (admin, "UPDATE affaire SET due_at = due_at + interval '10 days' WHERE id = $1", a[7]);
  a[8] = add (admin, NULL, INS_KIND_CHEVAUCHEMENT_OC, "en_cours", 91);  /* lease expired */
  hold (admin, a[8], "paul", "-1 hour", "-2 hours");
  a[9] = add (admin, NULL, INS_KIND_SOINS_ETRANGER, "en_cours", 180);   /* no activity for 30 h */
  hold (admin, a[9], "marie", "10 minutes", "-30 hours");
  a[10] = add (admin, NULL, INS_KIND_SOINS_ETRANGER, "non_exploitable", 181);
  run (admin, "UPDATE affaire SET non_exploitable_reason = 'PDF illisible' WHERE id = $1", a[10]);
  a[11] = add (admin, NULL, INS_KIND_CHEVAUCHEMENT_OC, "cloturee", 20);
  a[12] = add (admin, NULL, INS_KIND_SOINS_ETRANGER, "cloturee", 40);
  a[13] = add (admin, NULL, INS_KIND_SOINS_ETRANGER, "acceptee", 3);

  for (guint i = 0; i < G_N_ELEMENTS (closed); i++)
    closed[i] = add (admin, NULL, INS_KIND_SOINS_ETRANGER, "cloturee", 60);
  add_close (admin, closed[0], "marie", 0, "close");
  add_close (admin, closed[1], "marie", 0, "close");
  add_close (admin, closed[2], "marie", 3, "close");
  add_close (admin, closed[3], "paul", 3, "close");
  add_close (admin, closed[4], "paul", 27, "close");   /* the first day of the period */
  add_close (admin, closed[5], "paul", 28, "close");   /* the day before: not counted */
  add_close (admin, a[13], "marie", 0, "accept");      /* not a close */

  b[0] = add (admin, "CNSE", INS_KIND_SOINS_ETRANGER, "recue", 100);
  b[1] = add (admin, "CNSE", INS_KIND_SOINS_ETRANGER, "cloturee", 10);
  b[2] = add (admin, "CNSE", INS_KIND_SOINS_ETRANGER, "en_cours", 50);
  hold (admin, b[2], "yann", "-1 hour", "-2 hours");
  add_close (admin, b[1], "yann", 1, "close");

  failed_a = add_notification (admin, a[12], "failed");
  add_notification (admin, a[11], "delivered");
  failed_b = add_notification (admin, b[1], "failed");
}

static InsWorkload *
load_as (const char *name)
{
  g_autoptr(PGconn) conn = fixture_connect_as (prefix, name, NULL);
  g_autoptr(GError) error = NULL;
  InsWorkload *w = ins_workload_store_load (conn, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (w);
  g_assert_cmpint (PQtransactionStatus (conn), ==, PQTRANS_IDLE);
  return w;
}

static gboolean
lists_contain (GPtrArray *list, gint64 id)
{
  for (guint i = 0; i < list->len; i++)
    if (((InsWorkloadAffaire *) g_ptr_array_index (list, i))->id == id)
      return TRUE;
  return FALSE;
}

static void
assert_ids (GPtrArray *list, const gint64 *ids, guint n)
{
  g_assert_cmpuint (list->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (((InsWorkloadAffaire *) g_ptr_array_index (list, i))->id, ==, ids[i]);
}

static void
test_backlog (void)
{
  g_autoptr(InsWorkload) w = load_as ("sophie");
  const guint SE = INS_KIND_SOINS_ETRANGER, OC = INS_KIND_CHEVAUCHEMENT_OC;

  g_assert_cmpuint (w->backlog[SE][INS_STATUS_RECUE][INS_AGE_BAND_0_7], ==, 2);
  g_assert_cmpuint (w->backlog[SE][INS_STATUS_ACCEPTEE][INS_AGE_BAND_0_7], ==, 1);
  g_assert_cmpuint (w->backlog[SE][INS_STATUS_RECUE][INS_AGE_BAND_8_30], ==, 1);
  g_assert_cmpuint (w->backlog[OC][INS_STATUS_RECUE][INS_AGE_BAND_8_30], ==, 1);
  g_assert_cmpuint (w->backlog[SE][INS_STATUS_EN_COURS][INS_AGE_BAND_8_30], ==, 1);
  g_assert_cmpuint (w->backlog[SE][INS_STATUS_AVIS_MEDICAL_DEMANDE][INS_AGE_BAND_31_90], ==, 1);
  g_assert_cmpuint (w->backlog[SE][INS_STATUS_RECUE][INS_AGE_BAND_31_90], ==, 1);
  g_assert_cmpuint (w->backlog[OC][INS_STATUS_EN_COURS][INS_AGE_BAND_91_180], ==, 1);
  g_assert_cmpuint (w->backlog[SE][INS_STATUS_EN_COURS][INS_AGE_BAND_91_180], ==, 1);
  g_assert_cmpuint (w->backlog[SE][INS_STATUS_NON_EXPLOITABLE][INS_AGE_BAND_OVER_180], ==, 1);
  /* Nothing else: closed ones and the other organisme's are not counted. */
  g_assert_cmpuint (ins_workload_backlog_sum (w, -1, -1, -1), ==, 11);
  g_assert_cmpuint (ins_workload_backlog_sum (w, -1, INS_STATUS_CLOTUREE, -1), ==, 0);
  g_assert_cmpuint (ins_workload_backlog_sum (w, OC, -1, -1), ==, 2);
  g_assert_cmpuint (ins_workload_backlog_sum (w, -1, -1, INS_AGE_BAND_0_7), ==, 3);
  g_assert_cmpuint (ins_workload_backlog_sum (w, -1, -1, INS_AGE_BAND_8_30), ==, 3);
  g_assert_cmpuint (ins_workload_backlog_sum (w, -1, -1, INS_AGE_BAND_31_90), ==, 2);
  g_assert_cmpuint (ins_workload_backlog_sum (w, -1, -1, INS_AGE_BAND_91_180), ==, 2);
  g_assert_cmpuint (ins_workload_backlog_sum (w, -1, -1, INS_AGE_BAND_OVER_180), ==, 1);

  {
    const gint64 oldest[] = { a[10], a[9], a[8], a[7], a[6], a[5], a[3], a[4], a[2], a[13], a[1] };
    assert_ids (w->oldest, oldest, G_N_ELEMENTS (oldest));
    g_assert_cmpuint (((InsWorkloadAffaire *) w->oldest->pdata[0])->age_days, ==, 181);
    g_assert_cmpuint (((InsWorkloadAffaire *) w->oldest->pdata[10])->age_days, ==, 2);
  }
}

static void
test_breaches (void)
{
  g_autoptr(InsWorkload) w = load_as ("sophie");
  /* Longest overdue first; a[6] is paused, a[7]'s due date moved by its pause. */
  const gint64 breaches[] = { a[10], a[9], a[8], a[5], a[4] };

  g_assert_cmpuint (w->breach_count[INS_KIND_SOINS_ETRANGER], ==, 3);
  g_assert_cmpuint (w->breach_count[INS_KIND_CHEVAUCHEMENT_OC], ==, 2);
  g_assert_cmpuint (ins_workload_breach_total (w), ==, 5);
  assert_ids (w->breaches, breaches, G_N_ELEMENTS (breaches));
  g_assert_false (lists_contain (w->breaches, a[6]));
  g_assert_false (lists_contain (w->breaches, a[7]));
}

static void
test_throughput (void)
{
  g_autoptr(InsWorkload) w = load_as ("sophie");
  InsWorkloadAgent *marie, *paul;
  GDate today, day;

  g_assert_cmpuint (w->query.days, ==, 28);
  /* The organisme's instructeurs, by name, even without closes; no one else. */
  g_assert_cmpuint (w->agents->len, ==, 2);
  marie = g_ptr_array_index (w->agents, 0);
  paul = g_ptr_array_index (w->agents, 1);
  g_assert_cmpstr (marie->name, ==, "Marie Dupont");
  g_assert_cmpstr (paul->name, ==, "Paul Martin");

  g_assert_cmpuint (marie->total, ==, 3);
  g_assert_cmpuint (marie->per_day[27], ==, 2);
  g_assert_cmpuint (marie->per_day[24], ==, 1);
  g_assert_cmpuint (paul->total, ==, 2);
  g_assert_cmpuint (paul->per_day[24], ==, 1);
  g_assert_cmpuint (paul->per_day[0], ==, 1);
  g_assert_cmpuint (ins_workload_day_total (w, 27), ==, 2);
  g_assert_cmpuint (ins_workload_day_total (w, 24), ==, 2);
  g_assert_cmpuint (ins_workload_day_total (w, 0), ==, 1);
  g_assert_cmpuint (ins_workload_closes_total (w), ==, 5);
  g_assert_cmpuint (ins_workload_day_max (w), ==, 2);

  /* The period ends today (Europe/Paris). */
  {
    g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
    g_autoptr(GDateTime) now = g_date_time_to_timezone (w->as_of, paris);

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
    ins_workload_day (w, 27, &day);
    g_assert_cmpint (g_date_compare (&day, &today), ==, 0);
  }
}

static void
test_untouched_and_lists (void)
{
  g_autoptr(InsWorkload) w = load_as ("sophie");
  const gint64 untouched[] = { a[9], a[8] };
  InsWorkloadAffaire *first;
  InsWorkloadNotification *n;

  g_assert_cmpuint (w->untouched_count, ==, 2);
  assert_ids (w->untouched, untouched, 2);
  first = g_ptr_array_index (w->untouched, 0);
  g_assert_cmpstr (first->assignee_name, ==, "Marie Dupont");
  g_assert_cmpint (first->version, ==, 1);

  g_assert_cmpuint (w->non_exploitable_count, ==, 1);
  g_assert_cmpuint (w->non_exploitables->len, ==, 1);
  first = g_ptr_array_index (w->non_exploitables, 0);
  g_assert_cmpint (first->id, ==, a[10]);
  g_assert_cmpstr (first->reason, ==, "PDF illisible");

  g_assert_cmpuint (w->failed_count, ==, 1);
  g_assert_cmpuint (w->failed->len, ==, 1);
  n = g_ptr_array_index (w->failed, 0);
  g_assert_cmpint (n->id, ==, failed_a);
  g_assert_cmpint (n->affaire_id, ==, a[12]);
  g_assert_cmpint (n->kind, ==, INS_NOTIFICATION_ACCEPTATION);
  g_assert_cmpint (n->attempts, ==, 5);
  g_assert_cmpstr (n->last_error, ==, "HTTP 503");
}

static void
test_other_organisme_sees_none (void)
{
  g_autoptr(InsWorkload) w = load_as ("gwen");

  g_assert_cmpuint (ins_workload_backlog_sum (w, -1, -1, -1), ==, 2);
  g_assert_cmpuint (w->backlog[INS_KIND_SOINS_ETRANGER][INS_STATUS_RECUE][INS_AGE_BAND_91_180], ==, 1);
  g_assert_cmpuint (w->backlog[INS_KIND_SOINS_ETRANGER][INS_STATUS_EN_COURS][INS_AGE_BAND_31_90], ==, 1);
  for (guint i = 1; i < G_N_ELEMENTS (a); i++)
    {
      g_assert_false (lists_contain (w->oldest, a[i]));
      g_assert_false (lists_contain (w->breaches, a[i]));
      g_assert_false (lists_contain (w->untouched, a[i]));
      g_assert_false (lists_contain (w->non_exploitables, a[i]));
    }
  g_assert_cmpuint (ins_workload_breach_total (w), ==, 2);
  g_assert_cmpuint (w->untouched_count, ==, 1);
  g_assert_cmpuint (w->non_exploitable_count, ==, 0);
  g_assert_cmpuint (w->agents->len, ==, 1);
  g_assert_cmpstr (((InsWorkloadAgent *) w->agents->pdata[0])->name, ==, "Yann Le Goff");
  g_assert_cmpuint (ins_workload_closes_total (w), ==, 1);
  g_assert_cmpuint (w->failed_count, ==, 1);
  g_assert_cmpint (((InsWorkloadNotification *) w->failed->pdata[0])->id, ==, failed_b);
}

/* The dashboard is the superviseur's: an instructeur is refused, not shown zeros. */
static void
test_instructeur_refused (void)
{
  g_autoptr(PGconn) conn = fixture_connect_as (prefix, "marie", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(InsWorkload) w = ins_workload_store_load (conn, NULL, &error);

  g_assert_null (w);
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  g_assert_cmpint (PQtransactionStatus (conn), ==, PQTRANS_IDLE);
}

static void
test_retry_notification (void)
{
  g_autoptr(PGconn) admin = ins_test_db_connect ();
  g_autoptr(InsAgent) sophie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (prefix, "sophie", &sophie);
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *comment = NULL;

  /* Another organisme's notification is out of sight. */
  g_assert_false (ins_workload_store_retry_notification (conn, sophie, failed_b, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (ins_workload_store_retry_notification (conn, sophie, failed_a, &error));
  g_assert_no_error (error);
  state = fixture_string (admin, "SELECT state || '/' || attempts || '/' || coalesce(last_error, '-')"
                                 " FROM notification_outbox WHERE id = $1", failed_a);
  g_assert_cmpstr (state, ==, "pending/0/-");
  comment = fixture_string (admin, "SELECT g.login || ' ' || h.action || ' ' || h.from_status || ' ' || h.comment"
                                   "  FROM history h JOIN agent g ON g.id = h.agent_id"
                                   " WHERE h.affaire_id = $1 ORDER BY h.id DESC LIMIT 1", a[12]);
  g_assert_true (g_str_has_prefix (comment, prefix));
  g_assert_nonnull (strstr (comment, "sophie retry_notification cloturee "));

  /* Done already: a conflict, nothing recorded twice. */
  g_assert_false (ins_workload_store_retry_notification (conn, sophie, failed_a, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM history WHERE affaire_id = $1"
                                       " AND action = 'retry_notification'", a[12]), ==, 1);
  g_assert_cmpint (PQtransactionStatus (conn), ==, PQTRANS_IDLE);
}

static void
apply (PGconn *conn, const InsAgent *agent, InsTransition *t, GError **error)
{
  ins_transition_store_apply (conn, agent, t, NULL, error);
}

static void
test_supervisor_actions (void)
{
  g_autoptr(PGconn) admin = ins_test_db_connect ();
  g_autoptr(InsAgent) sophie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (prefix, "sophie", &sophie);
  g_autoptr(InsWorkload) before = load_as ("sophie");
  g_autoptr(InsWorkload) after = NULL;
  g_autoptr(GError) error = NULL;
  InsWorkloadAffaire *stale = g_ptr_array_index (before->untouched, 1);
  g_autoptr(InsTransition) release = ins_transition_new (INS_ACTION_RELEASE, stale->id, stale->version);
  g_autoptr(InsTransition) reassign = ins_transition_new (INS_ACTION_REASSIGN, a[1], 1);
  g_autoptr(InsTransition) transfer = ins_transition_new (INS_ACTION_TRANSFER, a[3], 1);
  g_autoptr(InsTransition) late = ins_transition_new (INS_ACTION_RELEASE, stale->id, stale->version);
  g_autofree char *who = NULL;

  /* Release the stale claim of a[8]. */
  g_assert_cmpint (stale->id, ==, a[8]);
  apply (conn, sophie, release, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire WHERE id = $1 AND status = 'recue'"
                                       " AND assignee_id IS NULL", a[8]), ==, 1);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM history h JOIN agent g ON g.id = h.agent_id"
                                       " WHERE h.affaire_id = $1 AND h.action = 'release'"
                                       " AND g.display_name = 'Sophie Leroy'", a[8]), ==, 1);
  /* The version seen is checked: a second release of the same version conflicts. */
  apply (conn, sophie, late, &error);
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Reassign a[1] to Paul. */
  reassign->target_agent_id = (int) fixture_int (admin, "SELECT id FROM agent WHERE display_name = 'Paul Martin'", 0);
  apply (conn, sophie, reassign, &error);
  g_assert_no_error (error);
  who = fixture_string (admin, "SELECT g.display_name || ' ' || a.status FROM affaire a"
                               " JOIN agent g ON g.id = a.assignee_id WHERE a.id = $1", a[1]);
  g_assert_cmpstr (who, ==, "Paul Martin en_cours");

  /* Transfer a[3] to the CNSE: out of Sophie's sight, in Gwen's. */
  transfer->target_organisme_id = (int) fixture_int (admin, "SELECT id FROM organisme WHERE code = 'CNSE'", 0);
  transfer->comment = g_strdup ("Dossier complexe");
  apply (conn, sophie, transfer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM history WHERE affaire_id = $1"
                                       " AND action = 'transfer'", a[3]), ==, 1);

  after = load_as ("sophie");
  g_assert_cmpuint (ins_workload_backlog_sum (after, -1, -1, -1), ==, 10);
  g_assert_false (lists_contain (after->oldest, a[3]));
  g_assert_cmpuint (after->untouched_count, ==, 1);
  {
    g_autoptr(InsWorkload) gwen = load_as ("gwen");
    g_assert_true (lists_contain (gwen->oldest, a[3]));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setup_fixture ();

  g_test_add_func ("/workload/backlog", test_backlog);
  g_test_add_func ("/workload/breaches", test_breaches);
  g_test_add_func ("/workload/throughput", test_throughput);
  g_test_add_func ("/workload/untouched-and-lists", test_untouched_and_lists);
  g_test_add_func ("/workload/other-organisme", test_other_organisme_sees_none);
  g_test_add_func ("/workload/instructeur-refused", test_instructeur_refused);
  g_test_add_func ("/workload/retry-notification", test_retry_notification);
  g_test_add_func ("/workload/supervisor-actions", test_supervisor_actions);
  return g_test_run ();
}
