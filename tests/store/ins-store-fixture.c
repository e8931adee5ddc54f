/* ins-store-fixture.c — organismes, agents and affaires for the store tests */
#include "config.h"

#include "store/ins-affaire-store.h"
#include "store/ins-db.h"
#include "ins-store-fixture.h"
#include "ins-test-db.h"

static const struct {
  const char *name;
  const char *display;
  const char *role;
  const char *organisme;
} people[] = {
  { "marie", "Marie Dupont", "instructeur", "CPAM-40" },
  { "paul", "Paul Martin", "instructeur", "CPAM-40" },
  { "claire", "Claire Bernard", "medecin_conseil", "CPAM-40" },
  { "sophie", "Sophie Leroy", "superviseur", "CPAM-40" },
  { "yann", "Yann Le Goff", "instructeur", "CNSE" },
};

static void
run (PGconn *admin, const char *sql, int n, const char * const *params)
{
  g_autoptr(GError) error = NULL;

  ins_db_run (admin, sql, n, params, &error);
  g_assert_no_error (error);
}

void
fixture_people (PGconn *admin, const char *prefix)
{
  run (admin, "INSERT INTO organisme (code, name) VALUES ('CPAM-40', 'CPAM des Landes'),"
              " ('CNSE', 'Centre national des soins à l''étranger') ON CONFLICT DO NOTHING", 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *login = g_strconcat (prefix, people[i].name, NULL);
      const char *params[] = { login, people[i].display, people[i].role, people[i].organisme };
      run (admin, "SELECT ins_create_agent($1, $2, $3::agent_role, $4)", 4, params);
    }
}

PGconn *
fixture_connect_as (const char *prefix, const char *name, InsAgent **agent)
{
  g_autofree char *login = g_strconcat (prefix, name, NULL);
  PGconn *conn = ins_test_db_connect_as (login);
  g_autoptr(GError) error = NULL;

  if (agent != NULL)
    {
      *agent = ins_affaire_store_current_agent (conn, &error);
      g_assert_no_error (error);
    }
  return conn;
}

gint64
fixture_add_affaire (PGconn *admin, const FixtureAffaire *spec)
{
  static int counter;
  gboolean se = spec->kind == INS_KIND_SOINS_ETRANGER;
  int n = g_atomic_int_add (&counter, 1) + 1;
  g_autofree char *numero = g_strdup_printf ("%s-2026-%07d", se ? "SE" : "OC", n + (se ? 0 : 500000));
  g_autofree char *nir = spec->nir ? g_strdup (spec->nir) : g_strdup_printf ("2%012d%02d", 850540000 + n, n % 97);
  g_autofree char *age = g_strdup_printf ("%d", spec->age_days);
  g_autofree char *priority = g_strdup_printf ("%d", spec->priority);
  const char *params[] = {
    numero, se ? "soins_etranger" : "chevauchement_oc", spec->status ? spec->status : "recue",
    spec->organisme ? spec->organisme : "CPAM-40", nir, spec->nom ? spec->nom : "Dupont",
    spec->prenom ? spec->prenom : "Jeanne", age, priority, spec->excluded ? "t" : "f",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  gint64 id;

  res = ins_db_exec (admin,
    "WITH s AS (INSERT INTO assure (nir, nom, prenom) VALUES ($5, $6, $7)"
    "           ON CONFLICT (nir) DO UPDATE SET nom = EXCLUDED.nom RETURNING id)"
    " INSERT INTO affaire (numero, submission_id, kind, status, organisme_id, assure_id,"
    "                      received_at, due_at, priority, nir, nom, prenom, beneficiaire,"
    "                      country, oc_label, amount_minor, currency, excluded)"
    " SELECT $1, $1, $2::affaire_kind, $3::affaire_status, o.id, s.id,"
    "        now() - make_interval(days => $8::int),"
    "        now() - make_interval(days => $8::int)"
    "          + CASE WHEN $2 = 'soins_etranger' THEN interval '28 days' ELSE interval '7 days' END,"
    "        $9::smallint, $5, $6, $7, $7 || ' ' || $6,"
    "        CASE WHEN $2 = 'soins_etranger' THEN 'JP' END,"
    "        CASE WHEN $2 = 'chevauchement_oc' THEN 'Harmonie Mutuelle / MGEN' END,"
    "        CASE WHEN $2 = 'soins_etranger' THEN 22200 END,"
    "        CASE WHEN $2 = 'soins_etranger' THEN 'JPY' END, $10::boolean"
    "   FROM organisme o, s WHERE o.code = $4"
    " RETURNING id", G_N_ELEMENTS (params), params, &error);
  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), ==, 1);
  id = ins_db_get_int64 (res, 0, 0);

  {
    g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    const char *p[] = { sid };

    if (se)
      run (admin,
           "INSERT INTO soins_etranger (affaire_id, ouvreur_birth_date, nationality, situation,"
           " beneficiaire_is_ouvreur, beneficiaire_nom, beneficiaire_prenom, beneficiaire_birth_date,"
           " reason, planned, nature, care_from, care_to, stay_from, stay_to, stay_motif,"
           " hospitalisation, certified)"
           " VALUES ($1, '1985-05-04', 'francaise', 'salarie', true, 'Dupont', 'Jeanne', '1985-05-04',"
           " 'Fièvre pendant un séjour à Kyoto', false, 'maladie', '2026-03-02', '2026-03-04',"
           " '2026-02-20', '2026-03-10', 'tourisme', false, true)", 1, p);
    else
      run (admin,
           "INSERT INTO oc_beneficiaire (affaire_id, rank, nom, prenom, birth_date, oc1_name,"
           " oc1_member, oc1_start, oc2_name, oc2_member, oc2_start, chosen)"
           " VALUES ($1, 1, 'Dupont', 'Léa', '2012-01-09', 'Harmonie Mutuelle', 'HM-4471', '2024-01-01',"
           " 'MGEN', 'MG-99812', '2025-09-01', 2)", 1, p);
    if (spec->with_attachment)
      run (admin,
           "WITH b AS (INSERT INTO blob (sha256, bytes)"
           "           VALUES (sha256('%PDF-1.4 fixture'::bytea), '%PDF-1.4 fixture'::bytea)"
           "           ON CONFLICT DO NOTHING)"
           " INSERT INTO attachment (affaire_id, position, filename, content_type, size_bytes, sha256, page_count)"
           " VALUES ($1, 1, 'facture.pdf', 'application/pdf', 16, sha256('%PDF-1.4 fixture'::bytea), 2)",
           1, p);
  }
  return id;
}

void
fixture_add_many (PGconn *admin, const char *organisme, int n)
{
  g_autofree char *count = g_strdup_printf ("%d", n);
  const char *params[] = { organisme, count };

  run (admin,
       "INSERT INTO assure (nir, nom, prenom) VALUES ('199999999999999', 'Lot', 'Test')"
       " ON CONFLICT (nir) DO NOTHING", 0, NULL);
  run (admin,
       "INSERT INTO affaire (numero, submission_id, kind, status, organisme_id, assure_id,"
       "                     received_at, due_at, priority, nir, nom, prenom, beneficiaire,"
       "                     country, oc_label, amount_minor, currency)"
       " SELECT k.numero, k.numero, k.kind, 'recue', o.id, s.id,"
       "        timestamptz '2026-06-01 09:00+02' - (i % 37) * interval '1 day',"
       "        timestamptz '2026-06-01 09:00+02' - (i % 37) * interval '1 day'"
       "          + (i % 11) * interval '1 day',"
       "        (i % 3)::smallint, lpad((1800000000000 + i * 7919)::text, 15, '0'),"
       "        (ARRAY['Lefèvre', 'Dupont', 'Éluard', 'Martin', 'Çelik', 'Bernard'])[1 + i % 6],"
       "        (ARRAY['Zoé', 'Jérôme', 'Anne', 'Luc'])[1 + i % 4],"
       "        (ARRAY['Zoé', 'Jérôme', 'Anne', 'Luc'])[1 + i % 4] || ' Bénéficiaire',"
       "        CASE WHEN k.kind = 'soins_etranger' THEN 'JP' END,"
       "        CASE WHEN k.kind = 'chevauchement_oc' THEN 'MGEN / Malakoff' END,"
       "        CASE WHEN k.kind = 'soins_etranger' THEN 1000 + i END,"
       "        CASE WHEN k.kind = 'soins_etranger' THEN 'JPY' END"
       "   FROM generate_series(1, $2::int) i"
       "   CROSS JOIN LATERAL (SELECT CASE WHEN i % 4 = 0 THEN 'chevauchement_oc' ELSE 'soins_etranger' END::affaire_kind AS kind,"
       "                              $1 || '-' || txid_current() || '-' || lpad(i::text, 7, '0') AS numero) k"
       "   JOIN organisme o ON o.code = $1"
       "   CROSS JOIN (SELECT id FROM assure WHERE nir = '199999999999999') s",
       2, params);
  run (admin, "ANALYZE affaire", 0, NULL);
}

gint64
fixture_int (PGconn *admin, const char *sql, gint64 id)
{
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { sid };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (admin, sql, strstr (sql, "$1") ? 1 : 0, params, &error);

  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), >=, 1);
  return ins_db_get_int64 (res, 0, 0);
}

char *
fixture_string (PGconn *admin, const char *sql, gint64 id)
{
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { sid };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (admin, sql, strstr (sql, "$1") ? 1 : 0, params, &error);

  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), >=, 1);
  return g_strdup (ins_db_get_string (res, 0, 0));
}
