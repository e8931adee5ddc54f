/* test-queue-store.c — queue pages (keyset both ways against OFFSET), filters, search, counts */
#include "config.h"

#include <string.h>

#include "core/ins-country.h"
#include "store/ins-db.h"
#include "store/ins-queue-store.h"
#include "ins-store-fixture.h"
#include "ins-test-db.h"

#define PREFIX "sq_"
#define PAGE 17

static PGconn *admin;

/* The French country names of the core, as SQL rows (code, name) for the
 * reference order of the place sort: the migration's ins_country_name_fr()
 * must say the same. */
static char *country_names;

static void
build_country_names (void)
{
  g_autoptr(GString) values = g_string_new ("(VALUES ");
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (admin, "SELECT DISTINCT country FROM affaire WHERE country IS NOT NULL",
                                         0, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), >, 3);
  for (int i = 0; i < PQntuples (res); i++)
    {
      const InsCountry *country = ins_country_lookup (ins_db_get_string (res, i, 0));
      g_autofree char *quoted = NULL;

      g_assert_nonnull (country);
      quoted = PQescapeLiteral (admin, country->name, strlen (country->name));
      g_string_append_printf (values, "%s('%s', %s)", i ? ", " : "", country->code, quoted);
      PQfreemem (g_steal_pointer (&quoted));
    }
  g_string_append (values, ") AS n (code, name)");
  country_names = g_string_free (g_steal_pointer (&values), FALSE);
}

/* The ids of a reference query read OFFSET page by OFFSET page. */
static GArray *
reference_ids (const char *where, const char *order)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int offset = 0;; offset += PAGE)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT a.id FROM affaire a"
                                              " LEFT JOIN agent g ON g.id = a.assignee_id"
                                              " LEFT JOIN %s ON n.code = a.country"
                                              " WHERE %s ORDER BY %s LIMIT %d OFFSET %d",
                                              country_names, where, order, PAGE, offset);
      g_autoptr(GError) error = NULL;
      g_autoptr(PGresult) res = ins_db_exec (admin, sql, 0, NULL, &error);

      g_assert_no_error (error);
      for (int i = 0; i < PQntuples (res); i++)
        {
          gint64 id = ins_db_get_int64 (res, i, 0);
          g_array_append_val (ids, id);
        }
      if (PQntuples (res) < PAGE)
        break;
    }
  return ids;
}

static void
assert_same_ids (GArray *expected, GArray *got)
{
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_cmpint (g_array_index (got, gint64, i), ==, g_array_index (expected, gint64, i));
}

static GArray *
walk_as (PGconn *conn, const InsAgent *agent, const InsQueueQuery *query, InsQueueDirection direction)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(InsQueueCursor) cursor = NULL;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(InsQueuePage) page = ins_queue_store_page (conn, agent, query, cursor, direction, PAGE, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->rows->len, <=, PAGE);
      if (direction == INS_QUEUE_AFTER)
        for (guint i = 0; i < page->rows->len; i++)
          g_array_append_val (ids, ((InsQueueRow *) g_ptr_array_index (page->rows, i))->id);
      else
        for (guint i = page->rows->len; i > 0; i--)
          g_array_prepend_val (ids, ((InsQueueRow *) g_ptr_array_index (page->rows, i - 1))->id);
      if (!page->has_more)
        break;
      g_assert_nonnull (page->first);
      g_clear_pointer (&cursor, ins_queue_cursor_free);
      cursor = ins_queue_cursor_copy (direction == INS_QUEUE_AFTER ? page->last : page->first);
    }
  return ids;
}

/* Each sort's order written from the columns the queue shows, not from the
 * keys of 012-queue-sorts.sql, ascending then descending; ties by id. */
#define NOM "ins_fold(substring(a.beneficiaire from ' (.*)$')) COLLATE \"C\""
#define PRENOM "ins_fold(split_part(a.beneficiaire, ' ', 1)) COLLATE \"C\""
#define PLACE "ins_fold(CASE WHEN a.kind = 'soins_etranger' THEN n.name ELSE a.oc_label END) COLLATE \"C\""
#define AGENT "ins_fold(coalesce(g.display_name, '')) COLLATE \"C\""
static const char *orders[INS_N_QUEUE_SORTS][2] = {
  [INS_QUEUE_SORT_PRIORITY] = { "a.priority DESC, a.received_at, a.id", "a.priority, a.received_at DESC, a.id DESC" },
  [INS_QUEUE_SORT_AGE] = { "a.received_at, a.id", "a.received_at DESC, a.id DESC" },
  [INS_QUEUE_SORT_DUE] = { "a.due_at, a.id", "a.due_at DESC, a.id DESC" },
  [INS_QUEUE_SORT_NUMERO] = { "a.numero, a.id", "a.numero DESC, a.id DESC" },
  [INS_QUEUE_SORT_BENEFICIAIRE] = { NOM ", " PRENOM ", a.id", NOM " DESC, " PRENOM " DESC, a.id DESC" },
  [INS_QUEUE_SORT_PLACE] = { PLACE ", a.id", PLACE " DESC, a.id DESC" },
  [INS_QUEUE_SORT_AMOUNT] = { "a.currency IS NULL, a.currency, a.amount_minor, a.id",
                              "a.currency IS NULL DESC, a.currency DESC, a.amount_minor DESC, a.id DESC" },
  [INS_QUEUE_SORT_STATUS] = { "a.status, a.priority DESC, a.received_at, a.id",
                              "a.status DESC, a.priority, a.received_at DESC, a.id DESC" },
  [INS_QUEUE_SORT_AGENT] = { AGENT ", a.id", AGENT " DESC, a.id DESC" },
};

static GArray *
walk (const InsQueueQuery *query, InsQueueDirection direction)
{
  return walk_as (admin, NULL, query, direction);
}

static void
check_walks (InsQueueQuery *query, const char *where)
{
  for (int sort = 0; sort < INS_N_QUEUE_SORTS; sort++)
    for (int desc = 0; desc < 2; desc++)
      {
        g_autoptr(GArray) expected = reference_ids (where, orders[sort][desc]);
        g_autoptr(GArray) forward = NULL;
        g_autoptr(GArray) backward = NULL;

        query->sort = (InsQueueSort) sort;
        query->descending = desc;
        forward = walk (query, INS_QUEUE_AFTER);
        backward = walk (query, INS_QUEUE_BEFORE);
        g_assert_cmpuint (expected->len, >, PAGE);
        assert_same_ids (expected, forward);
        assert_same_ids (expected, backward);
      }
}

static void
test_keyset_all (void)
{
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();

  check_walks (query, "true");
}

static void
test_keyset_filtered (void)
{
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  int cpam = (int) fixture_int (admin, "SELECT id FROM organisme WHERE code = 'CPAM-40'", 0);
  g_autofree char *where = g_strdup_printf ("a.organisme_id = %d AND a.kind = 'soins_etranger'"
                                            " AND a.status IN ('recue', 'en_cours')", cpam);

  query->organisme_id = cpam;
  query->kind_mask = INS_QUEUE_KIND_BIT (INS_KIND_SOINS_ETRANGER);
  query->status_mask = INS_QUEUE_STATUS_BIT (INS_STATUS_RECUE) | INS_QUEUE_STATUS_BIT (INS_STATUS_EN_COURS);
  check_walks (query, where);
}

static void
test_keyset_one_status (void)
{
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();

  query->status_mask = INS_QUEUE_STATUS_BIT (INS_STATUS_RECUE);
  check_walks (query, "a.status = 'recue'");
}

/* Row security: an agent's pages are their organisme's rows, in every order. */
static void
test_keyset_as_agent (void)
{
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autofree char *where = g_strdup_printf ("a.organisme_id = %d", marie->organisme_id);

  for (int sort = 0; sort < INS_N_QUEUE_SORTS; sort++)
    for (int desc = 0; desc < 2; desc++)
      {
        g_autoptr(GArray) expected = reference_ids (where, orders[sort][desc]);
        g_autoptr(GArray) forward = NULL;
        g_autoptr(GArray) backward = NULL;

        query->sort = (InsQueueSort) sort;
        query->descending = desc;
        forward = walk_as (conn, marie, query, INS_QUEUE_AFTER);
        backward = walk_as (conn, marie, query, INS_QUEUE_BEFORE);
        g_assert_cmpuint (expected->len, >, PAGE);
        assert_same_ids (expected, forward);
        assert_same_ids (expected, backward);
      }
}

/* The agent sort follows claims (a trigger on assignee_id), new rows that
 * come assigned, and an agent's new name. */
static void
test_agent_key_follows (void)
{
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *paul = g_strconcat (PREFIX, "paul", NULL);
  const char *params[] = { paul };
  g_autofree char *key = NULL;

  ins_db_run (admin, "UPDATE agent SET display_name = 'Aaron Martin' WHERE login = $1", 1, params, &error);
  g_assert_no_error (error);
  key = fixture_string (admin, "SELECT DISTINCT assignee_key FROM affaire a JOIN agent g ON g.id = a.assignee_id"
                               " WHERE g.display_name = 'Aaron Martin'", 0);
  g_assert_cmpstr (key, ==, "aaron martin");
  query->sort = INS_QUEUE_SORT_AGENT;
  check_walks (query, "true");
  ins_db_run (admin, "UPDATE agent SET display_name = 'Paul Martin' WHERE login = $1", 1, params, &error);
  g_assert_no_error (error);

  g_assert_true (ins_db_run (admin, "BEGIN", 0, NULL, &error));
  g_clear_pointer (&key, g_free);
  key = fixture_string (admin,
                        "INSERT INTO affaire (numero, submission_id, kind, organisme_id, assure_id, received_at,"
                        "                     due_at, nir, nom, prenom, beneficiaire, oc_label,"
                        "                     assignee_id, lease_until)"
                        " SELECT 'OC-TEST-1', 'OC-TEST-1', 'chevauchement_oc', a.organisme_id, a.assure_id,"
                        "        a.received_at, a.due_at, a.nir, a.nom, a.prenom, a.beneficiaire, 'MGEN',"
                        "        g.id, now() + interval '1 hour'"
                        "   FROM affaire a, agent g WHERE g.display_name = 'Sophie Leroy'"
                        "  ORDER BY a.id LIMIT 1 RETURNING assignee_key", 0);
  g_assert_cmpstr (key, ==, "sophie leroy");
  g_assert_true (ins_db_run (admin, "ROLLBACK", 0, NULL, &error));
}

/* The queue filters on status_code, which must be the InsStatus value. */
static void
test_status_codes (void)
{
  gint64 id = fixture_int (admin, "SELECT min(id) FROM affaire", 0);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (ins_db_run (admin, "BEGIN", 0, NULL, &error));
  for (int i = 0; i < INS_N_STATUSES; i++)
    {
      const char *params[] = { ins_status_to_nick ((InsStatus) i), id_text };
      g_autoptr(PGresult) res = ins_db_exec (admin, "UPDATE affaire SET status = $1::affaire_status"
                                                    " WHERE id = $2 RETURNING status_code",
                                             2, params, &error);

      g_assert_no_error (error);
      g_assert_cmpint (ins_db_get_int64 (res, 0, 0), ==, i);
    }
  g_assert_true (ins_db_run (admin, "ROLLBACK", 0, NULL, &error));
}

static void
test_middle_cursor (void)
{
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(InsQueuePage) first = ins_queue_store_page (admin, NULL, query, NULL, INS_QUEUE_AFTER, PAGE, &error);
  g_autoptr(InsQueuePage) second = NULL;
  g_autoptr(InsQueuePage) back = NULL;

  g_assert_no_error (error);
  second = ins_queue_store_page (admin, NULL, query, first->last, INS_QUEUE_AFTER, PAGE, &error);
  g_assert_no_error (error);
  /* Going back from the second page's first row gives the first page again. */
  back = ins_queue_store_page (admin, NULL, query, second->first, INS_QUEUE_BEFORE, PAGE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->rows->len, ==, first->rows->len);
  for (guint i = 0; i < back->rows->len; i++)
    g_assert_cmpint (((InsQueueRow *) back->rows->pdata[i])->id, ==, ((InsQueueRow *) first->rows->pdata[i])->id);
  g_assert_false (back->has_more);
  g_assert_true (second->has_more);
}

/* A row of a page carries its sort's keys: the queue model pages on from any
 * loaded row, whatever the sort, as it would from the page's own cursor. */
static void
test_row_cursor_every_sort (void)
{
  for (InsQueueSort sort = 0; sort < INS_N_QUEUE_SORTS; sort++)
    {
      g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(InsQueuePage) first = NULL;
      g_autoptr(InsQueuePage) by_page = NULL;
      g_autoptr(InsQueuePage) by_row = NULL;
      g_autoptr(InsQueueCursor) cursor = NULL;

      query->sort = sort;
      first = ins_queue_store_page (admin, NULL, query, NULL, INS_QUEUE_AFTER, PAGE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (first->rows->len, ==, PAGE);
      cursor = ins_queue_cursor_new_for_row (sort, first->rows->pdata[PAGE - 1]);
      g_assert_nonnull (cursor);
      by_page = ins_queue_store_page (admin, NULL, query, first->last, INS_QUEUE_AFTER, PAGE, &error);
      g_assert_no_error (error);
      by_row = ins_queue_store_page (admin, NULL, query, cursor, INS_QUEUE_AFTER, PAGE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (by_row->rows->len, ==, by_page->rows->len);
      g_assert_cmpuint (by_row->rows->len, >, 0);
      for (guint i = 0; i < by_row->rows->len; i++)
        g_assert_cmpint (((InsQueueRow *) by_row->rows->pdata[i])->id, ==,
                         ((InsQueueRow *) by_page->rows->pdata[i])->id);
    }
}

static guint
count_matching (InsQueueQuery *query, const InsAgent *agent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(InsQueuePage) page = ins_queue_store_page (admin, agent, query, NULL, INS_QUEUE_AFTER, 1000, &error);
  gint64 count = -1;
  gboolean exact = FALSE;

  g_assert_no_error (error);
  g_assert_false (page->has_more);
  g_assert_true (ins_queue_store_count (admin, agent, query, &count, &exact, &error));
  g_assert_no_error (error);
  g_assert_true (exact);
  g_assert_cmpint (count, ==, page->rows->len);
  return page->rows->len;
}

static void
test_search (void)
{
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  FixtureAffaire spec = { .nom = "Lefèvre-Noël", .prenom = "Hélène", .nir = "285052A01234577" };
  gint64 id = fixture_add_affaire (admin, &spec);
  g_autofree char *numero = fixture_string (admin, "SELECT numero FROM affaire WHERE id = $1", id);
  g_autofree char *lower_numero = g_ascii_strdown (numero, -1);
  gint64 lefevre = fixture_int (admin, "SELECT count(*) FROM affaire WHERE nom LIKE 'Lefèvre%'"
                                " OR substr(beneficiaire, strpos(beneficiaire, ' ') + 1) LIKE 'Lefèvre%'", 0);
  gint64 eluard = fixture_int (admin, "SELECT count(*) FROM affaire WHERE nom = 'Éluard'"
                               " OR beneficiaire LIKE '% Éluard'", 0);

  /* The nom of the insured person or of the beneficiary: accents and case
   * do not matter; the prefix does. */
  ins_queue_query_set_search (query, "lefevre");
  g_assert_cmpuint (count_matching (query, NULL), ==, lefevre);
  ins_queue_query_set_search (query, "LEFÈVRE-NOËL hél");
  g_assert_cmpuint (count_matching (query, NULL), ==, 1);
  ins_queue_query_set_search (query, "  eluard ");
  g_assert_cmpuint (count_matching (query, NULL), ==, eluard);
  g_assert_cmpuint (eluard, >, 0);
  /* The beneficiary as the queue shows it, prénom first, or nom first. */
  ins_queue_query_set_search (query, "zoe benef");
  g_assert_cmpuint (count_matching (query, NULL), ==,
                    fixture_int (admin, "SELECT count(*) FROM affaire WHERE beneficiaire = 'Zoé Bénéficiaire'", 0));
  ins_queue_query_set_search (query, "beneficiaire zo");
  g_assert_cmpuint (count_matching (query, NULL), ==,
                    fixture_int (admin, "SELECT count(*) FROM affaire WHERE beneficiaire = 'Zoé Bénéficiaire'", 0));
  /* LIKE wildcards are literal. */
  ins_queue_query_set_search (query, "%");
  g_assert_cmpuint (count_matching (query, NULL), ==, 0);

  /* NIR prefix, with spaces as agents type them, Corsica letters included. */
  ins_queue_query_set_search (query, "2 85 05 2A");
  g_assert_cmpuint (count_matching (query, NULL), ==, 1);
  ins_queue_query_set_search (query, "0018000000");
  g_assert_cmpuint (count_matching (query, NULL), ==,
                    fixture_int (admin, "SELECT count(*) FROM affaire WHERE nir LIKE '0018000000%'", 0));

  /* Numéro, exact or prefix, any case. */
  ins_queue_query_set_search (query, lower_numero);
  g_assert_cmpuint (count_matching (query, NULL), ==, 1);
  ins_queue_query_set_search (query, "SE-2026-");
  g_assert_cmpuint (count_matching (query, NULL), ==,
                    fixture_int (admin, "SELECT count(*) FROM affaire WHERE numero LIKE 'SE-2026-%'", 0));
}

static void
test_filters (void)
{
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(InsAgent) marie = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (PREFIX, "marie", &marie);
  g_autofree char *marie_id = g_strdup_printf ("%d", marie->id);
  const char *params[] = { marie_id };
  g_autoptr(GError) error = NULL;

  /* Five affaires held by Marie, three past due. */
  ins_db_run (admin,
              "UPDATE affaire SET status = 'en_cours', assignee_id = $1, lease_until = now() + interval '1 hour'"
              " WHERE id IN (SELECT id FROM affaire WHERE status = 'recue' ORDER BY id LIMIT 5)",
              1, params, &error);
  g_assert_no_error (error);
  ins_db_run (admin, "UPDATE affaire SET due_at = now() - interval '1 day' WHERE id IN"
                     " (SELECT id FROM affaire ORDER BY id DESC LIMIT 3)", 0, NULL, &error);
  g_assert_no_error (error);
  ins_db_run (admin, "UPDATE affaire SET due_at = now() + interval '30 days' WHERE id NOT IN"
                     " (SELECT id FROM affaire ORDER BY id DESC LIMIT 3)", 0, NULL, &error);
  g_assert_no_error (error);

  query->assignee = INS_QUEUE_ASSIGNEE_MINE;
  g_assert_cmpuint (count_matching (query, marie), ==, 5);
  query->assignee = INS_QUEUE_ASSIGNEE_AGENT;
  query->assignee_id = marie->id;
  g_assert_cmpuint (count_matching (query, NULL), ==, 5);
  query->assignee = INS_QUEUE_ASSIGNEE_UNASSIGNED;
  g_assert_cmpuint (count_matching (query, NULL), ==,
                    fixture_int (admin, "SELECT count(*) FROM affaire WHERE assignee_id IS NULL", 0));
  query->assignee = INS_QUEUE_ASSIGNEE_ANY;

  query->sla_breached = TRUE;
  g_assert_cmpuint (count_matching (query, NULL), ==, 3);
  query->sla_breached = FALSE;

  query->kind_mask = INS_QUEUE_KIND_BIT (INS_KIND_CHEVAUCHEMENT_OC);
  g_assert_cmpuint (count_matching (query, NULL), ==,
                    fixture_int (admin, "SELECT count(*) FROM affaire WHERE kind = 'chevauchement_oc'", 0));
  query->kind_mask = 0;
  query->status_mask = INS_QUEUE_STATUS_BIT (INS_STATUS_EN_COURS);
  g_assert_cmpuint (count_matching (query, NULL), ==, 5);
  query->status_mask = 0;

  /* Row security: an agent of the CPAM only ever sees the CPAM's affaires. */
  {
    g_autoptr(InsQueuePage) page = ins_queue_store_page (conn, marie, query, NULL, INS_QUEUE_AFTER, 1000, &error);
    g_assert_no_error (error);
    g_assert_cmpint (page->rows->len, ==,
                     fixture_int (admin, "SELECT count(*) FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                                         " WHERE o.code = 'CPAM-40'", 0));
    for (guint i = 0; i < page->rows->len; i++)
      g_assert_cmpint (((InsQueueRow *) page->rows->pdata[i])->organisme_id, ==, marie->organisme_id);
  }
}

static void
test_row_values (void)
{
  FixtureAffaire spec = { .kind = INS_KIND_SOINS_ETRANGER, .nom = "Müller", .prenom = "Zoé", .priority = 2 };
  gint64 id = fixture_add_affaire (admin, &spec);
  g_autoptr(GError) error = NULL;
  g_autoptr(InsQueueRow) row = ins_queue_store_row (admin, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (row->id, ==, id);
  g_assert_cmpstr (row->nom, ==, "Müller");
  g_assert_cmpstr (row->beneficiaire, ==, "Zoé Müller");
  g_assert_cmpstr (row->country, ==, "JP");
  g_assert_cmpstr (row->currency, ==, "JPY");
  g_assert_cmpint (row->amount_minor, ==, 22200);
  g_assert_cmpint (row->priority, ==, 2);
  g_assert_cmpint (row->status, ==, INS_STATUS_RECUE);
  g_assert_cmpint (row->version, ==, 1);
  g_assert_nonnull (row->received_at);
  g_assert_cmpint (g_date_time_compare (row->due_at, row->received_at), >, 0);
  g_assert_null (row->lease_until);

  g_assert_null (ins_queue_store_row (admin, id + 100000, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND);
}

static void
test_count_estimate (void)
{
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 count = 0;
  gboolean exact = TRUE;

  fixture_add_many (admin, "CNSE", INS_QUEUE_EXACT_COUNT_LIMIT + 2000);
  g_assert_true (ins_queue_store_count (admin, NULL, query, &count, &exact, &error));
  g_assert_no_error (error);
  g_assert_false (exact);
  /* The planner's estimate after ANALYZE: near the truth, never below the exact limit. */
  g_assert_cmpint (count, >, INS_QUEUE_EXACT_COUNT_LIMIT);
  g_assert_cmpint (count, <, 2 * (INS_QUEUE_EXACT_COUNT_LIMIT + 2400));

  query->organisme_id = (int) fixture_int (admin, "SELECT id FROM organisme WHERE code = 'CPAM-40'", 0);
  g_assert_true (ins_queue_store_count (admin, NULL, query, &count, &exact, &error));
  g_assert_true (exact);
  g_assert_cmpint (count, ==, fixture_int (admin, "SELECT count(*) FROM affaire a JOIN organisme o"
                                                  " ON o.id = a.organisme_id WHERE o.code = 'CPAM-40'", 0));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  admin = ins_test_db_connect ();
  fixture_people (admin, PREFIX);
  fixture_add_many (admin, "CPAM-40", 260);
  fixture_add_many (admin, "CNSE", 60);
  /* Names, places, amounts and assignees with ties, for the sorts. */
  {
    g_autoptr(GError) error = NULL;
    const char *params[] = { PREFIX };

    ins_db_run (admin,
                "UPDATE affaire SET"
                " beneficiaire = (ARRAY['Zoé Le Gall', 'Anne Le', 'Émile Çelik', 'Jean-Luc dupont',"
                "                       'Luc Éluard', 'Zoé Éluard', 'Ève Lefèvre-Noël'])[1 + id % 7],"
                " country = CASE WHEN kind = 'soins_etranger'"
                "           THEN (ARRAY['JP', 'DE', 'BE', 'GB', 'CI', 'ES', 'AT'])[1 + id % 7] END,"
                " currency = CASE WHEN kind = 'soins_etranger'"
                "            THEN (ARRAY['JPY', 'EUR', 'EUR', 'GBP', 'XOF', 'EUR', 'EUR'])[1 + id % 7] END,"
                " amount_minor = CASE WHEN kind = 'soins_etranger' THEN 1000 + (id % 5) * 250 END,"
                " oc_label = CASE WHEN kind = 'chevauchement_oc'"
                "            THEN (ARRAY['MGEN / Malakoff', 'Écureuil Mutuelle', 'AG2R'])[1 + id % 3] END",
                0, NULL, &error);
    g_assert_no_error (error);
    ins_db_run (admin,
                "UPDATE affaire a SET lease_until = now() + interval '1 hour',"
                " assignee_id = (SELECT id FROM agent WHERE login = $1 ||"
                "                (ARRAY['paul', 'sophie', 'yann'])[1 + a.id % 3])"
                " WHERE a.id % 4 = 1",
                1, params, &error);
    g_assert_no_error (error);
  }
  build_country_names ();

  g_test_add_func ("/queue/keyset-all-sorts-both-ways", test_keyset_all);
  g_test_add_func ("/queue/keyset-filtered", test_keyset_filtered);
  g_test_add_func ("/queue/keyset-one-status", test_keyset_one_status);
  g_test_add_func ("/queue/keyset-as-agent", test_keyset_as_agent);
  g_test_add_func ("/queue/agent-key-follows", test_agent_key_follows);
  g_test_add_func ("/queue/status-codes", test_status_codes);
  g_test_add_func ("/queue/back-from-middle", test_middle_cursor);
  g_test_add_func ("/queue/row-cursor-every-sort", test_row_cursor_every_sort);
  g_test_add_func ("/queue/search", test_search);
  g_test_add_func ("/queue/filters", test_filters);
  g_test_add_func ("/queue/row-values", test_row_values);
  g_test_add_func ("/queue/count-estimate", test_count_estimate);
  return g_test_run ();
}
