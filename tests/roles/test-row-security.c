/* test-row-security.c — roles enforced by the database: organisme, medical
 * secrecy, append-only history (a matrix of role × action × organisme) */
#include "config.h"

#include <unistd.h>

#include "store/ins-affaire-store.h"
#include "store/ins-db.h"
#include "store/ins-outbox-store.h"
#include "store/ins-queue-store.h"
#include "ins-test-db.h"

typedef struct {
  char *login[3][2];   /* [role][organisme] */
  char *own_id;        /* an affaire of organisme A, en cours */
  char *other_id;      /* an affaire of organisme B */
  char *avis_id;       /* an affaire of A with a medical opinion requested */
} Fixture;

enum { INSTRUCTEUR, MEDECIN, SUPERVISEUR };
static const char *roles[] = { "instructeur", "medecin_conseil", "superviseur" };
static const char *orgs[] = { "T-A", "T-B" };
static Fixture fx;

static char *
scalar (PGconn *conn, const char *sql, int n, const char * const *params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (conn, sql, n, params, &error);

  g_assert_no_error (error);
  return PQntuples (res) ? g_strdup (ins_db_get_string (res, 0, 0)) : NULL;
}

static char *
insert_affaire (PGconn *conn, const char *org, const char *status, const char *suffix)
{
  const char *p[] = { org, status, suffix };
  return scalar (conn,
                 "INSERT INTO affaire (numero, submission_id, kind, status, organisme_id, assure_id,"
                 " received_at, due_at, nir, nom, prenom, beneficiaire, country, amount_minor, currency)"
                 " SELECT 'SE-T-' || $3, 'sub-' || $3, 'soins_etranger', $2::affaire_status, o.id, s.id,"
                 " now(), now() + interval '28 days', s.nir, s.nom, s.prenom, 'Léa Martin', 'JP', 22200, 'JPY'"
                 " FROM organisme o, assure s WHERE o.code = $1 LIMIT 1 RETURNING id",
                 3, p);
}

static void
add_attachment (PGconn *conn, const char *affaire_id)
{
  const char *p[] = { affaire_id };

  g_free (scalar (conn, "INSERT INTO blob (sha256, bytes) VALUES (sha256('%PDF-1.4 test'), '%PDF-1.4 test')"
                        " RETURNING 1", 0, NULL));
  g_free (scalar (conn, "INSERT INTO attachment (affaire_id, position, filename, content_type, size_bytes,"
                        " sha256, page_count) VALUES ($1, 1, 'facture.pdf', 'application/pdf', 13,"
                        " sha256('%PDF-1.4 test'), 1) RETURNING id", 1, p));
}

static void
setup_fixture (void)
{
  g_autoptr(PGconn) conn = ins_test_db_connect ();
  g_autoptr(GError) error = NULL;
  int pid = getpid ();

  ins_db_run (conn, "INSERT INTO organisme (code, name) VALUES ('T-A', 'CPAM A'), ('T-B', 'CPAM B')",
              0, NULL, &error);
  g_assert_no_error (error);
  ins_db_run (conn, "INSERT INTO assure (nir, nom, prenom) VALUES ('184127512345678', 'Martin', 'Léa')",
              0, NULL, &error);
  g_assert_no_error (error);

  for (int r = 0; r < 3; r++)
    for (int o = 0; o < 2; o++)
      {
        g_autofree char *id = NULL;
        const char *p[3];

        fx.login[r][o] = g_strdup_printf ("t%d_%s_%d", pid, roles[r], o);
        p[0] = fx.login[r][o];
        p[1] = roles[r];
        p[2] = orgs[o];
        id = scalar (conn, "SELECT ins_create_agent($1::name, $1::text, $2::agent_role, $3)", 3, p);
        g_assert_nonnull (id);
      }

  fx.own_id = insert_affaire (conn, "T-A", "en_cours", "1");
  fx.other_id = insert_affaire (conn, "T-B", "recue", "2");
  fx.avis_id = insert_affaire (conn, "T-A", "avis_medical_demande", "3");
  add_attachment (conn, fx.avis_id);
  {
    const char *p[] = { fx.avis_id, fx.login[INSTRUCTEUR][0] };
    g_autofree char *avis = scalar (conn,
      "INSERT INTO avis_medical (affaire_id, requested_by, question, answered_by, answered_at,"
      " conclusion, conclusion_text) SELECT $1, a.id, 'Soins justifiés ?', a.id, now(), 'favorable', 'Oui'"
      " FROM agent a WHERE a.login = $2 RETURNING id", 2, p);
    const char *q[] = { avis };
    g_free (scalar (conn, "INSERT INTO avis_medical_reasoning (avis_id, reasoning) VALUES ($1, "
                          "'Raisonnement couvert par le secret') RETURNING avis_id", 1, q));
  }
}

static gboolean
can_see (const char *login, const char *affaire_id)
{
  g_autoptr(PGconn) conn = ins_test_db_connect_as (login);
  const char *p[] = { affaire_id };
  g_autofree char *n = scalar (conn, "SELECT count(*) FROM affaire WHERE id = $1", 1, p);
  return g_str_equal (n, "1");
}

/* Whether an UPDATE by @login touched the affaire (RLS hides, grants refuse). */
static gboolean
can_update (const char *login, const char *affaire_id, const char *set)
{
  g_autoptr(PGconn) conn = ins_test_db_connect_as (login);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE affaire SET %s WHERE id = $1", set);
  const char *p[] = { affaire_id };
  g_autoptr(PGresult) res = ins_db_exec (conn, sql, 1, p, &error);

  if (res == NULL)
    {
      g_assert_true (g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN));
      return FALSE;
    }
  return g_str_equal (PQcmdTuples (res), "1");
}

static void
test_visibility_matrix (void)
{
  /* role, organisme of the agent → sees own-organisme en cours, other organisme, own avis */
  const struct { int role; int org; gboolean own, other, avis; } expect[] = {
    { INSTRUCTEUR, 0, TRUE, FALSE, TRUE },
    { INSTRUCTEUR, 1, FALSE, TRUE, FALSE },
    { MEDECIN, 0, FALSE, FALSE, TRUE },
    { MEDECIN, 1, FALSE, FALSE, FALSE },
    { SUPERVISEUR, 0, TRUE, FALSE, TRUE },
    { SUPERVISEUR, 1, FALSE, TRUE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      const char *login = fx.login[expect[i].role][expect[i].org];
      g_test_message ("%s of %s", roles[expect[i].role], orgs[expect[i].org]);
      g_assert_cmpint (can_see (login, fx.own_id), ==, expect[i].own);
      g_assert_cmpint (can_see (login, fx.other_id), ==, expect[i].other);
      g_assert_cmpint (can_see (login, fx.avis_id), ==, expect[i].avis);
    }
}

static void
test_update_matrix (void)
{
  /* An instructeur acts on their organisme only, and never moves an affaire. */
  g_assert_true (can_update (fx.login[INSTRUCTEUR][0], fx.own_id, "version = version + 1"));
  g_assert_false (can_update (fx.login[INSTRUCTEUR][1], fx.own_id, "version = version + 1"));
  g_assert_false (can_update (fx.login[INSTRUCTEUR][0], fx.other_id, "version = version + 1"));
  g_assert_false (can_update (fx.login[INSTRUCTEUR][0], fx.own_id, "organisme_id = organisme_id"));
  g_assert_false (can_update (fx.login[INSTRUCTEUR][0], fx.own_id, "nir = '255081416802538'"));
  /* The médecin-conseil acts on affaires awaiting an opinion only. */
  g_assert_false (can_update (fx.login[MEDECIN][0], fx.own_id, "version = version + 1"));
  g_assert_true (can_update (fx.login[MEDECIN][0], fx.avis_id, "version = version + 1"));
  g_assert_false (can_update (fx.login[MEDECIN][0], fx.avis_id, "decision_text = 'x'"));
  /* A superviseur reprioritises in their organisme, never directly moves an affaire. */
  g_assert_false (can_update (fx.login[SUPERVISEUR][1], fx.own_id, "priority = 1"));
  g_assert_true (can_update (fx.login[SUPERVISEUR][0], fx.own_id, "priority = 1"));
  g_assert_false (can_update (fx.login[SUPERVISEUR][0], fx.own_id,
                              "organisme_id = (SELECT id FROM organisme WHERE code = 'T-B')"));
}

/* The relay in an agent's application sends its organisme's notifications only. */
static void
test_agent_relay (void)
{
  g_autoptr(PGconn) owner = ins_test_db_connect ();
  g_autoptr(GError) error = NULL;
  const char *ids[] = { fx.avis_id, fx.other_id };
  gint64 pending = -1, failed = -1;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (scalar (owner, "SELECT ins_outbox_enqueue($1, 'accuse_reception')", 1, &ids[i]));

  {
    g_autoptr(PGconn) conn = ins_test_db_connect_as (fx.login[INSTRUCTEUR][0]);
    g_autoptr(GPtrArray) items = NULL;
    gboolean recorded = FALSE;

    g_assert_true (ins_outbox_counts (conn, &pending, &failed, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pending, ==, 1);
    g_assert_cmpint (failed, ==, 0);

    items = ins_outbox_claim (conn, "test-relay", 10, 60000, 5, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 1);
    g_assert_cmpint (((InsOutboxItem *) items->pdata[0])->affaire_id, ==,
                     g_ascii_strtoll (fx.avis_id, NULL, 10));
    g_assert_true (ins_outbox_mark_delivered (conn, items->pdata[0], "test-relay", &recorded, &error));
    g_assert_no_error (error);
    g_assert_true (recorded);
  }

  /* The médecin-conseil has no part in it… */
  {
    g_autoptr(PGconn) conn = ins_test_db_connect_as (fx.login[MEDECIN][0]);
    g_autoptr(GPtrArray) items = ins_outbox_claim (conn, "test-relay", 10, 60000, 5, &error);

    g_assert_null (items);
    g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }

  /* …and the other organisme's notification is still waiting for its own agents. */
  {
    const char *p[] = { fx.other_id };
    g_autofree char *state = scalar (owner, "SELECT state FROM notification_outbox WHERE affaire_id = $1", 1, p);
    g_assert_cmpstr (state, ==, "pending");
  }
}

static gboolean
transfer (const char *login, const char *affaire_id, GError **error)
{
  g_autoptr(PGconn) conn = ins_test_db_connect_as (login);
  const char *p[] = { affaire_id };
  g_autofree char *version = scalar (conn, "SELECT version FROM affaire WHERE id = $1", 1, p);
  const char *q[] = { affaire_id, version ? version : "1", "T-B", "cas complexe" };

  return ins_db_run (conn, "SELECT ins_transfer_affaire($1, $2, $3, $4)", 4, q, error);
}

static void
test_transfer (void)
{
  g_autoptr(GError) error = NULL;

  /* Neither an instructeur nor a superviseur of another organisme may… */
  g_assert_false (transfer (fx.login[INSTRUCTEUR][0], fx.own_id, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (transfer (fx.login[SUPERVISEUR][1], fx.own_id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (can_see (fx.login[INSTRUCTEUR][0], fx.own_id));

  /* …the superviseur of its organisme does, and it changes hands. */
  g_assert_true (transfer (fx.login[SUPERVISEUR][0], fx.own_id, &error));
  g_assert_no_error (error);
  g_assert_true (can_see (fx.login[INSTRUCTEUR][1], fx.own_id));
  g_assert_false (can_see (fx.login[INSTRUCTEUR][0], fx.own_id));
  {
    g_autoptr(PGconn) owner = ins_test_db_connect ();
    const char *p[] = { fx.own_id };
    g_autofree char *last = scalar (owner, "SELECT action || ':' || to_status FROM history"
                                           " WHERE affaire_id = $1 ORDER BY id DESC LIMIT 1", 1, p);
    g_assert_cmpstr (last, ==, "transfer:recue");
  }
}

/* Whether @login reads the bytes of the affaire's attachments. */
static gboolean
can_read_pieces (const char *login, const char *affaire_id)
{
  g_autoptr(PGconn) conn = ins_test_db_connect_as (login);
  const char *p[] = { affaire_id };
  g_autofree char *n = scalar (conn, "SELECT count(b.bytes) FROM attachment t"
                                     " JOIN blob b ON b.sha256 = t.sha256 WHERE t.affaire_id = $1", 1, p);
  return g_str_equal (n, "1");
}

static void
test_pieces (void)
{
  g_assert_true (can_read_pieces (fx.login[INSTRUCTEUR][0], fx.avis_id));
  g_assert_true (can_read_pieces (fx.login[SUPERVISEUR][0], fx.avis_id));
  g_assert_true (can_read_pieces (fx.login[MEDECIN][0], fx.avis_id));
  g_assert_false (can_read_pieces (fx.login[INSTRUCTEUR][1], fx.avis_id));
  g_assert_false (can_read_pieces (fx.login[MEDECIN][1], fx.avis_id));
}

static void
test_medical_secrecy (void)
{
  const char *p[] = { fx.avis_id };

  for (int r = 0; r < 3; r++)
    {
      g_autoptr(PGconn) conn = ins_test_db_connect_as (fx.login[r][0]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PGresult) res = ins_db_exec (conn,
        "SELECT r.reasoning FROM avis_medical_reasoning r JOIN avis_medical m ON m.id = r.avis_id"
        " WHERE m.affaire_id = $1", 1, p, &error);
      g_autofree char *conclusion = NULL;

      if (r == MEDECIN)
        {
          g_assert_no_error (error);
          g_assert_cmpint (PQntuples (res), ==, 1);
        }
      else
        {
          g_assert_null (res);
          g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
          /* …while the conclusion stays readable for the instructeur. */
          conclusion = scalar (conn, "SELECT conclusion_text FROM avis_medical WHERE affaire_id = $1", 1, p);
          g_assert_cmpstr (conclusion, ==, "Oui");
        }
    }
}

static void
test_history_append_only (void)
{
  g_autoptr(PGconn) owner = ins_test_db_connect ();
  g_autoptr(GError) error = NULL;
  const char *p[] = { fx.own_id, fx.login[INSTRUCTEUR][0] };

  g_free (scalar (owner, "INSERT INTO history (affaire_id, agent_id, action, comment)"
                         " SELECT $1, id, 'claim', 'pris' FROM agent WHERE login = $2 RETURNING id", 2, p));

  for (int r = 0; r < 3; r++)
    for (int o = 0; o < 2; o++)
      {
        g_autoptr(PGconn) conn = ins_test_db_connect_as (fx.login[r][o]);
        const char *attempts[] = {
          "UPDATE history SET comment = 'réécrit'",
          "DELETE FROM history",
          "TRUNCATE history",
        };
        for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
          {
            g_assert_false (ins_db_run (conn, attempts[i], 0, NULL, &error));
            g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
            g_clear_error (&error);
          }
      }

  /* Even the owner cannot rewrite it. */
  g_assert_false (ins_db_run (owner, "UPDATE history SET comment = 'réécrit'", 0, NULL, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (ins_db_run (owner, "DELETE FROM history", 0, NULL, &error));
  g_clear_error (&error);

  {
    g_autofree char *comment = scalar (owner, "SELECT comment FROM history WHERE affaire_id = $1", 1, p);
    g_assert_cmpstr (comment, ==, "pris");
  }
}

static void
test_history_in_own_name (void)
{
  g_autoptr(PGconn) conn = ins_test_db_connect_as (fx.login[INSTRUCTEUR][0]);
  g_autoptr(GError) error = NULL;
  const char *mine[] = { fx.own_id, fx.login[INSTRUCTEUR][0] };
  const char *other[] = { fx.own_id, fx.login[SUPERVISEUR][0] };

  g_assert_true (ins_db_run (conn, "INSERT INTO history (affaire_id, agent_id, action)"
                                   " SELECT $1, id, 'note' FROM agent WHERE login = $2", 2, mine, &error));
  g_assert_no_error (error);
  g_assert_false (ins_db_run (conn, "INSERT INTO history (affaire_id, agent_id, action)"
                                    " SELECT $1, id, 'note' FROM agent WHERE login = $2", 2, other, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
}

/* Search fields fed with SQL-injection attempts and LIKE wildcards: the queue
 * matches them literally, without error, and the tables stay whole. */
static char *
insert_named (PGconn *conn, const char *org, const char *nom, const char *suffix)
{
  const char *p[] = { org, nom, suffix };
  return scalar (conn,
                 "INSERT INTO affaire (numero, submission_id, kind, status, organisme_id, assure_id,"
                 " received_at, due_at, nir, nom, prenom, beneficiaire, country, amount_minor, currency)"
                 " SELECT 'SE-I-' || $3, 'sub-i-' || $3, 'soins_etranger', 'recue', o.id, s.id,"
                 " now(), now() + interval '28 days', s.nir, $2, 'Zoé', 'Zoé ' || $2, 'JP', 22200, 'JPY'"
                 " FROM organisme o, assure s WHERE o.code = $1 LIMIT 1 RETURNING id",
                 3, p);
}

static GPtrArray *
search_ids (PGconn *conn, const InsAgent *agent, const char *search)
{
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(InsQueuePage) page = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  ins_queue_query_set_search (query, search);
  page = ins_queue_store_page (conn, agent, query, NULL, INS_QUEUE_AFTER, 100, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  for (guint i = 0; i < page->rows->len; i++)
    g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT,
                                           ((InsQueueRow *) g_ptr_array_index (page->rows, i))->id));
  {
    gint64 count = -1;
    gboolean exact = FALSE;

    g_assert_true (ins_queue_store_count (conn, agent, query, &count, &exact, &error));
    g_assert_no_error (error);
    g_assert_true (exact);
    g_assert_cmpint (count, ==, ids->len);
  }
  return ids;
}

static void
test_search_injection (void)
{
  g_autoptr(PGconn) owner = ins_test_db_connect ();
  g_autoptr(PGconn) conn = ins_test_db_connect_as (fx.login[INSTRUCTEUR][0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(InsAgent) agent = ins_affaire_store_current_agent (conn, &error);
  static const char *noms[] = {
    "'; DROP TABLE affaire; --", "%Pourcent", "_Souligné", "\\Oblique", "O'Brien \"Bob\"",
    "Ünïcødé 名前 🙂", "$1 OR 1=1",
  };
  g_autofree char *ids[G_N_ELEMENTS (noms)] = { NULL, };
  g_autofree char *hidden = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *tables_before = NULL;
  g_autofree char *tables_after = NULL;
  const struct { const char *search; int expect; } cases[] = {
    { "'; DROP TABLE affaire; --", 0 },
    { "'; drop table", 0 },
    { "%", 1 },
    { "%pour", 1 },
    { "_", 2 },
    { "\\", 3 },
    { "\\obl", 3 },
    { "o'brien \"b", 4 },
    { "O'", 4 },
    { "ünïcødé 名", 5 },
    { "UNICØDÉ 名前 🙂", 5 },
    { "$1 OR", 6 },
    { "SE-%", -1 },
    { "SE-_", -1 },
    { "' OR '1'='1", -1 },
    { "\"", -1 },
    { "%%", -1 },
    { "_%", -1 },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (noms); i++)
    {
      g_autofree char *suffix = g_strdup_printf ("%u", i);
      ids[i] = insert_named (owner, "T-A", noms[i], suffix);
    }
  /* The same name in the other organisme stays out of sight. */
  hidden = insert_named (owner, "T-B", noms[0], "hidden");

  before = scalar (owner, "SELECT count(*) FROM affaire", 0, NULL);
  tables_before = scalar (owner, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = NULL;

      g_test_message ("search %s", cases[i].search);
      found = search_ids (conn, agent, cases[i].search);
      if (cases[i].expect < 0)
        g_assert_cmpuint (found->len, ==, 0);
      else
        {
          g_assert_cmpuint (found->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (found, 0), ==, ids[cases[i].expect]);
        }
      g_assert_false (g_ptr_array_find_with_equal_func (found, hidden, g_str_equal, NULL));
    }
  after = scalar (owner, "SELECT count(*) FROM affaire", 0, NULL);
  tables_after = scalar (owner, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", 0, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (tables_before, ==, tables_after);
  {
    const char *p[] = { ids[0] };
    g_autofree char *nom = scalar (owner, "SELECT nom FROM affaire WHERE id = $1", 1, p);
    g_assert_cmpstr (nom, ==, noms[0]);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setup_fixture ();
  g_test_add_func ("/roles/visibility-matrix", test_visibility_matrix);
  g_test_add_func ("/roles/medical-secrecy", test_medical_secrecy);
  g_test_add_func ("/roles/pieces", test_pieces);
  g_test_add_func ("/roles/history-append-only", test_history_append_only);
  g_test_add_func ("/roles/history-in-own-name", test_history_in_own_name);
  g_test_add_func ("/roles/update-matrix", test_update_matrix);
  g_test_add_func ("/roles/agent-relay", test_agent_relay);
  g_test_add_func ("/roles/transfer", test_transfer);
  g_test_add_func ("/roles/search-injection", test_search_injection);
  return g_test_run ();
}
