/* test-claim-indexes.c — after 015, every queue page, the dashboard's open
 * affaires and the claim still read an index in order; submission ids stay unique */
#include "config.h"

#include <string.h>

#include "store/ins-db.h"
#include "store/ins-queue-store.h"
#include "store/ins-workload-store.h"
#include "ins-store-fixture.h"
#include "ins-test-db.h"

#define PREFIX "si_"

static PGconn *admin;

/* On a few hundred rows the planner reads the table and sorts whatever the
 * indexes: forbid both (a plan keeps them only when nothing else can serve
 * the statement), so a plan says which index serves the statement. */
static void
index_only_planning (PGconn *conn)
{
  g_autoptr(GError) error = NULL;

  ins_db_run (conn, "SET enable_seqscan = off", 0, NULL, &error);
  g_assert_no_error (error);
  ins_db_run (conn, "SET enable_sort = off", 0, NULL, &error);
  g_assert_no_error (error);
  ins_db_run (conn, "SET enable_bitmapscan = off", 0, NULL, &error);
  g_assert_no_error (error);
}

static char *
explain (PGconn *conn, const char *sql, int n_params, const char **params)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *statement = g_strconcat ("EXPLAIN ", sql, NULL);
  g_autoptr(PGresult) res = ins_db_exec (conn, statement, n_params, params, &error);
  GString *plan = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < PQntuples (res); i++)
    g_string_append_printf (plan, "%s\n", PQgetvalue (res, i, 0));
  return g_string_free (plan, FALSE);
}

/* @plan reads affaire through an index whose condition holds the organisme
 * (row security's qual, or the statement's own), in the statement's order. */
static void
assert_index_ordered (const char *plan, const char *what)
{
  if (strstr (plan, "Seq Scan on affaire") != NULL || strstr (plan, "Sort") != NULL
      || (strstr (plan, "Index Cond: (organisme_id = ") == NULL
          && strstr (plan, "Index Cond: ((organisme_id = ") == NULL))
    g_error ("%s: not an ordered index scan of the organisme:\n%s", what, plan);
}

static void
assert_uses (const char *plan, const char *index, const char *what)
{
  g_autofree char *scan = g_strdup_printf (" using %s on affaire", index);

  if (strstr (plan, scan) == NULL)
    g_error ("%s: %s not used:\n%s", what, index, plan);
}

/* Every sort both ways, first page and the page after a cursor, with each
 * kind of filter and search: an index condition on the organisme, no sort. */
static void
test_queue_plans (void)
{
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  const char *searches[] = { NULL, "1800", "SE-", "lef" };

  index_only_planning (conn);
  for (int sort = 0; sort < INS_N_QUEUE_SORTS; sort++)
    for (int desc = 0; desc < 2; desc++)
      for (int filter = 0; filter < 4; filter++)
        for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
          {
            g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
            g_autoptr(InsQueuePage) first = NULL;
            g_autoptr(GError) error = NULL;
            g_autofree char *what = g_strdup_printf ("sort %d%s, filter %d, search %s", sort,
                                                     desc ? " desc" : "", filter, searches[s]);

            query->sort = (InsQueueSort) sort;
            query->descending = desc;
            ins_queue_query_set_search (query, searches[s]);
            if (filter == 1)
              query->status_mask = INS_QUEUE_STATUS_BIT (INS_STATUS_RECUE) | INS_QUEUE_STATUS_BIT (INS_STATUS_EN_COURS);
            else if (filter == 2)
              query->kind_mask = INS_QUEUE_KIND_BIT (INS_KIND_CHEVAUCHEMENT_OC);
            else if (filter == 3)
              query->assignee = INS_QUEUE_ASSIGNEE_UNASSIGNED;

            first = ins_queue_store_page (conn, marie, query, NULL, INS_QUEUE_AFTER, 5, &error);
            g_assert_no_error (error);
            for (int with_cursor = 0; with_cursor < 2; with_cursor++)
              for (int before = 0; before < 2; before++)
                for (int offset = 0; offset < 20; offset += 13)
                  {
                    const InsQueueCursor *cursor = with_cursor ? first->last : NULL;
                    g_autofree char *plan = NULL;
                    g_autofree char *where = g_strdup_printf ("%s, %s, %s, offset %d", what,
                                                              with_cursor ? "after a row" : "from an end",
                                                              before ? "before" : "after", offset);

                    if (with_cursor && cursor == NULL)
                      continue;
                    plan = ins_queue_store_explain_page (conn, marie, query, cursor,
                                                         before ? INS_QUEUE_BEFORE : INS_QUEUE_AFTER, offset,
                                                         &error);
                    g_assert_no_error (error);
                    assert_index_ordered (plan, where);
                    if ((with_cursor || offset) && strstr (plan, "Index Cond: ((organisme_id = ") == NULL)
                      g_error ("%s: the keyset is not in the index condition:\n%s", where, plan);
                  }
          }
}

/* A jump into the default queue (open statuses, by priority) finds its first
 * row from the index alone. */
static void
test_jump_index_only (void)
{
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(InsQueuePage) jumped = NULL;
  g_autoptr(InsQueuePage) walked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;

  index_only_planning (conn);
  query->sort = INS_QUEUE_SORT_PRIORITY;
  query->status_mask = INS_QUEUE_STATUS_BIT (INS_STATUS_RECUE) | INS_QUEUE_STATUS_BIT (INS_STATUS_EN_COURS);
  plan = ins_queue_store_explain_page (conn, marie, query, NULL, INS_QUEUE_AFTER, 60, &error);
  g_assert_no_error (error);
  if (strstr (plan, "Index Only Scan using affaire_org_order_idx on affaire") == NULL)
    g_error ("jump: the first row is not found from the index alone:\n%s", plan);

  /* And it is the row 60 rows on, with the page that follows it. */
  jumped = ins_queue_store_page_at (conn, marie, query, NULL, INS_QUEUE_AFTER, 60, 10, &error);
  g_assert_no_error (error);
  walked = ins_queue_store_page (conn, marie, query, NULL, INS_QUEUE_AFTER, 70, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jumped->rows->len, ==, 10);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpint (((InsQueueRow *) jumped->rows->pdata[i])->id, ==,
                     ((InsQueueRow *) walked->rows->pdata[60 + i])->id);
}

/* 015 merged the age and due-date sorts' indexes with the dashboard's
 * open affaires by age and running clocks by due date. */
static void
test_merged_indexes (void)
{
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autoptr(InsAgent) sophie = NULL;
  g_autoptr(PGconn) sophie_conn = fixture_connect_as (PREFIX, "sophie", &sophie);
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(InsQueuePage) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *age_first = NULL;
  g_autofree char *age_next = NULL;
  g_autofree char *oldest = NULL;
  g_autofree char *backlog = NULL;
  g_autofree char *due_first = NULL;
  g_autofree char *breach_count = NULL;
  g_autofree char *breaches = NULL;
  const char *limit[] = { "20" };

  index_only_planning (conn);
  index_only_planning (sophie_conn);
  query->sort = INS_QUEUE_SORT_AGE;
  first = ins_queue_store_page (conn, marie, query, NULL, INS_QUEUE_AFTER, 5, &error);
  g_assert_no_error (error);
  age_first = ins_queue_store_explain_page (conn, marie, query, NULL, INS_QUEUE_AFTER, 0, &error);
  g_assert_no_error (error);
  age_next = ins_queue_store_explain_page (conn, marie, query, first->last, INS_QUEUE_AFTER, 0, &error);
  g_assert_no_error (error);
  assert_uses (age_first, "affaire_org_received_idx", "age sort");
  assert_uses (age_next, "affaire_org_received_idx", "age sort after a row");

  /* The statements of ins-workload-store.c: the oldest open affaires and the backlog. */
  oldest = explain (sophie_conn,
                    "SELECT a.id FROM affaire a WHERE a.status <> 'cloturee'"
                    " ORDER BY a.received_at, a.id LIMIT $1", 1, limit);
  assert_index_ordered (oldest, "oldest open affaires");
  assert_uses (oldest, "affaire_org_received_idx", "oldest open affaires");
  backlog = explain (sophie_conn,
                     "SELECT kind, status, greatest(0, current_date - received_at::date), count(*)"
                     "  FROM affaire WHERE status <> 'cloturee' GROUP BY 1, 2, 3", 0, NULL);
  if (strstr (backlog, "Index Only Scan using affaire_org_received_idx on affaire") == NULL)
    g_error ("backlog: not read from the index alone:\n%s", backlog);

  /* And the due-date sort's index, the SLA breaches: their count and list. */
  query->sort = INS_QUEUE_SORT_DUE;
  due_first = ins_queue_store_explain_page (conn, marie, query, NULL, INS_QUEUE_AFTER, 0, &error);
  g_assert_no_error (error);
  assert_uses (due_first, "affaire_org_due_idx", "due-date sort");
  /* The breach count reads no closed affaire (017): unclaimed ones from
   * the running clocks' index, claimed ones from the claims' index. */
  breach_count = explain (sophie_conn, ins_workload_store_breach_count_sql (), 0, NULL);
  if (strstr (breach_count, "Index Only Scan using affaire_running_due_idx on affaire") == NULL
      || strstr (breach_count, "Index Only Scan using affaire_claimed_activity_idx on affaire") == NULL
      || strstr (breach_count, "affaire_org_due_idx") != NULL)
    g_error ("breach count: not read from the open affaires' indexes alone:\n%s", breach_count);
  breaches = explain (sophie_conn,
                      "SELECT a.id FROM affaire a"
                      " WHERE a.status <> 'cloturee' AND a.sla_paused_since IS NULL AND a.due_at < now()"
                      " ORDER BY a.due_at, a.id LIMIT $1", 1, limit);
  assert_index_ordered (breaches, "breaches");
  assert_uses (breaches, "affaire_org_due_idx", "breaches");
}

/* The claim's choice (ins_claim_next() in 015) reads the claimable rows in claim order. */
static void
test_claim_plan (void)
{
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autofree char *organisme = g_strdup_printf ("%d", marie->organisme_id);
  const char *params[] = { organisme };
  g_autofree char *plan = NULL;

  index_only_planning (conn);
  plan = explain (conn,
                  "SELECT id FROM affaire WHERE organisme_id = $1::smallint AND status = 'recue'"
                  " ORDER BY priority DESC, received_at, id LIMIT 1 FOR UPDATE SKIP LOCKED", 1, params);
  assert_index_ordered (plan, "claim");
  assert_uses (plan, "affaire_claimable_idx", "claim");
}

/* Under row security a search reaches an index through its ranges (016):
 * with bitmap scans only, the planner picks the search's own index over the
 * whole organisme's. */
static void
test_search_plans (void)
{
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autoptr(GError) error = NULL;
  struct { const char *search; const char *cond; } cases[] = {
    { "1800", "Index Cond: ((nir ~>=~ " },
    { "2 85 05 2A", "Index Cond: ((nir ~>=~ " },
    { "se-2026-", "Index Cond: ((numero ~>=~ " },
    { "lef", "(ouvreur_key >= " },
    { "zoe benef", "(beneficiaire_key >= " },
  };

  for (const char *const *off = (const char *const[]) { "SET enable_seqscan = off", "SET enable_indexscan = off",
                                                          "SET enable_indexonlyscan = off", NULL }; *off; off++)
    {
      ins_db_run (conn, *off, 0, NULL, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
      g_autofree char *plan = NULL;

      ins_queue_query_set_search (query, cases[i].search);
      plan = ins_queue_store_explain_page (conn, marie, query, NULL, INS_QUEUE_AFTER, 0, &error);
      g_assert_no_error (error);
      if (strstr (plan, cases[i].cond) == NULL || strstr (plan, "Bitmap Index Scan using affaire_org_order_idx"))
        g_error ("search %s: its range is not an index condition:\n%s", cases[i].search, plan);
    }
}

/* A submission id is taken once: a second affaire with it is skipped (as the
 * import's ON CONFLICT DO NOTHING did), and it never changes. */
static void
test_submission_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  FixtureAffaire spec = { 0 };
  gint64 id = fixture_add_affaire (admin, &spec);
  gint64 before = fixture_int (admin, "SELECT count(*) FROM affaire", 0);
  g_autofree char *submission = fixture_string (admin, "SELECT submission_id FROM affaire WHERE id = $1", id);
  const char *params[] = { submission };

  g_assert_cmpint (fixture_int (admin, "SELECT affaire_id FROM affaire_submission WHERE submission_id ="
                                       " (SELECT submission_id FROM affaire WHERE id = $1)", id), ==, id);

  res = ins_db_exec (admin,
                     "INSERT INTO affaire (numero, submission_id, kind, organisme_id, assure_id, received_at,"
                     "                     due_at, nir, nom, prenom, beneficiaire, oc_label)"
                     " SELECT 'OC-2026-9999999', submission_id, 'chevauchement_oc', organisme_id, assure_id,"
                     "        received_at, due_at, nir, nom, prenom, beneficiaire, 'MGEN'"
                     "   FROM affaire WHERE submission_id = $1 RETURNING id",
                     1, params, &error);
  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), ==, 0);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire", 0), ==, before);

  g_assert_false (ins_db_run (admin, "UPDATE affaire SET submission_id = 'TS-OTHER' WHERE submission_id = $1",
                              1, params, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (ins_db_run (admin, "DELETE FROM affaire WHERE submission_id = $1", 1, params, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire_submission WHERE affaire_id = $1", id), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  admin = ins_test_db_connect ();
  fixture_people (admin, PREFIX);
  ins_test_db_truncate (admin);
  fixture_add_many (admin, "CPAM-40", 200);
  fixture_add_many (admin, "CNSE", 40);
  {
    g_autoptr(GError) error = NULL;
    const char *params[] = { PREFIX };

    ins_db_run (admin,
                "UPDATE affaire a SET status = 'en_cours', lease_until = now() + interval '1 hour',"
                " assignee_id = (SELECT id FROM agent WHERE login = $1 || 'paul')"
                " WHERE a.id % 4 = 1",
                1, params, &error);
    g_assert_no_error (error);
    ins_db_run (admin, "UPDATE affaire SET status = 'cloturee' WHERE id % 5 = 2", 0, NULL, &error);
    g_assert_no_error (error);
    ins_db_run (admin, "VACUUM (ANALYZE) affaire", 0, NULL, &error);
    g_assert_no_error (error);
  }

  g_test_add_func ("/claim-indexes/queue-plans", test_queue_plans);
  g_test_add_func ("/claim-indexes/jump-index-only", test_jump_index_only);
  g_test_add_func ("/claim-indexes/merged-indexes", test_merged_indexes);
  g_test_add_func ("/claim-indexes/claim-plan", test_claim_plan);
  g_test_add_func ("/claim-indexes/search-plans", test_search_plans);
  g_test_add_func ("/claim-indexes/submission-once", test_submission_once);

  return g_test_run ();
}
