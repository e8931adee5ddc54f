/* test-import.c — imports into a real PostgreSQL: both types, exclusions, the
 * non-exploitable path with real corpus PDFs, rejections writing nothing,
 * idempotent re-import, directories with their summary, least privilege */
#include "config.h"

#include <string.h>

#include "core/ins-sla.h"
#include "ingest/ins-import-error.h"
#include "ingest/ins-importer.h"
#include "ingest/ins-submission.h"
#include "store/ins-db.h"
#include "ins-ingest-test-util.h"
#include "ins-test-db.h"


typedef struct {
  PGconn *conn;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->conn = ins_test_db_connect ();
  ins_test_db_truncate (f->conn);
  ins_db_run (f->conn,
              "INSERT INTO organisme (code, name) VALUES"
              " ('CNSE', 'Centre national des soins à l''étranger'),"
              " ('CPAM-40', 'CPAM des Landes')"
              " ON CONFLICT (code) DO NOTHING",
              0, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->conn, PQfinish);
}

static gint64
count (PGconn *conn, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (conn, sql, 0, NULL, &error);

  g_assert_no_error (error);
  return ins_db_get_int64 (res, 0, 0);
}

static char *
query_string (PGconn *conn, const char *sql, const char *param)
{
  g_autoptr(GError) error = NULL;
  const char *params[] = { param };
  g_autoptr(PGresult) res = ins_db_exec (conn, sql, param ? 1 : 0, params, &error);

  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), ==, 1);
  return g_strdup (ins_db_get_string (res, 0, 0));
}

/* affaire, assure, blob, attachment, history, outbox, declarations */
static char *
table_counts (PGconn *conn)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                          "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                          "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          count (conn, "SELECT count(*) FROM affaire"),
                          count (conn, "SELECT count(*) FROM assure"),
                          count (conn, "SELECT count(*) FROM blob"),
                          count (conn, "SELECT count(*) FROM attachment"),
                          count (conn, "SELECT count(*) FROM history"),
                          count (conn, "SELECT count(*) FROM notification_outbox"),
                          count (conn, "SELECT count(*) FROM soins_etranger"),
                          count (conn, "SELECT count(*) FROM oc_beneficiaire"));
}

static GDateTime *
paris_time (const char *iso)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (paris);
  return g_date_time_to_timezone (t, paris);
}

static InsImportReport *
import (Fixture *f, const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  InsImportReport *report = ins_import_file (f->conn, file, now, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *text = ins_import_problem_format (report->problems->pdata[i]);
      g_test_message ("problem: %s", text);
    }
  return report;
}

static InsImportReport *
import_sample (Fixture *f, const char *name)
{
  g_autofree char *file = ingest_test_sample (name);
  return import (f, file);
}

static void
test_soins_etranger (Fixture *f, gconstpointer data)
{
  g_autoptr(InsImportReport) report = import_sample (f, "se-valid");
  g_autoptr(GRegex) numero = g_regex_new ("^SE-2025-[0-9]{7}$", 0, 0, NULL);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GDateTime) received = paris_time ("2025-03-10T14:32:05+01:00");
  /* 28 calendar days in Paris: across the switch to summer time, 14:32 CEST */
  g_autoptr(GDateTime) due = ins_sla_due_at (INS_KIND_SOINS_ETRANGER, received);
  const char *params[1];

  g_assert_cmpint (report->outcome, ==, INS_IMPORT_IMPORTED);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_true (g_regex_match (numero, report->numero, 0, NULL));
  g_assert_false (report->excluded);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, report->affaire_id);
  params[0] = id;

  res = ins_db_exec (f->conn,
                     "SELECT a.numero, a.status, a.kind, a.nir, a.nom, a.prenom, a.beneficiaire,"
                     "  a.country, a.amount_minor, a.currency, a.excluded,"
                     "  extract(epoch FROM a.received_at)::bigint, extract(epoch FROM a.due_at)::bigint,"
                     "  o.code, s.reason, s.beneficiaire_birth_date, s.stay_motif, s.ouvreur_birth_date,"
                     "  u.address, a.non_exploitable_reason"
                     " FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                     " JOIN soins_etranger s ON s.affaire_id = a.id JOIN assure u ON u.id = a.assure_id"
                     " WHERE a.id = $1::bigint", 1, params, &error);
  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), ==, 1);
  g_assert_cmpstr (ins_db_get_string (res, 0, 0), ==, report->numero);
  g_assert_cmpstr (ins_db_get_string (res, 0, 1), ==, "recue");
  g_assert_cmpstr (ins_db_get_string (res, 0, 2), ==, "soins_etranger");
  g_assert_cmpstr (ins_db_get_string (res, 0, 3), ==, "185107511203432");
  g_assert_cmpstr (ins_db_get_string (res, 0, 4), ==, "Lefèvre");
  g_assert_cmpstr (ins_db_get_string (res, 0, 6), ==, "Lucas Lefèvre");
  g_assert_cmpstr (ins_db_get_string (res, 0, 7), ==, "JP");
  g_assert_cmpint (ins_db_get_int64 (res, 0, 8), ==, 22200);
  g_assert_cmpstr (ins_db_get_string (res, 0, 9), ==, "JPY");
  g_assert_false (ins_db_get_bool (res, 0, 10));
  g_assert_cmpint (ins_db_get_int64 (res, 0, 11), ==, g_date_time_to_unix (received));
  g_assert_cmpint (ins_db_get_int64 (res, 0, 12), ==, g_date_time_to_unix (due));
  g_assert_cmpint (g_date_time_to_unix (due) - g_date_time_to_unix (received), ==, 28 * 86400 - 3600);
  g_assert_cmpstr (ins_db_get_string (res, 0, 13), ==, "CNSE");
  g_assert_true (g_str_has_prefix (ins_db_get_string (res, 0, 14), "Chute lors d’une randonnée"));
  g_assert_cmpstr (ins_db_get_string (res, 0, 15), ==, "2008-09-16");
  g_assert_cmpstr (ins_db_get_string (res, 0, 16), ==, "tourisme");
  g_assert_cmpstr (ins_db_get_string (res, 0, 17), ==, "1985-10-07");
  g_assert_cmpstr (ins_db_get_string (res, 0, 18), ==, "Appartement 12\n8 rue des Écoles\n56000 VANNES");
  g_assert_true (ins_db_is_null (res, 0, 19));
  g_clear_pointer (&res, PQclear);

  res = ins_db_exec (f->conn,
                     "SELECT position, filename, content_type, size_bytes, page_count, unreadable_reason,"
                     "  encode(a.sha256, 'hex'), length(b.bytes)"
                     " FROM attachment a JOIN blob b USING (sha256) WHERE affaire_id = $1::bigint ORDER BY position",
                     1, params, &error);
  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), ==, 2);
  g_assert_cmpstr (ins_db_get_string (res, 0, 1), ==, "facture-hopital.pdf");
  g_assert_cmpstr (ins_db_get_string (res, 0, 2), ==, "application/pdf");
  g_assert_cmpint (ins_db_get_int64 (res, 0, 3), ==, 25798);
  g_assert_cmpint (ins_db_get_int64 (res, 0, 4), ==, 3);
  g_assert_true (ins_db_is_null (res, 0, 5));
  g_assert_cmpint (ins_db_get_int64 (res, 0, 7), ==, 25798);
  g_assert_cmpstr (ins_db_get_string (res, 1, 2), ==, "image/jpeg");
  g_assert_cmpint (ins_db_get_int64 (res, 1, 4), ==, 1);
  {
    g_autofree char *contents = NULL;
    gsize len;
    g_autofree char *sha = NULL;

    g_autofree char *receipt = g_test_build_filename (G_TEST_DIST, "data", "submissions", "se-valid",
                                                      "recu-pharmacie.jpg", NULL);

    g_file_get_contents (receipt, &contents, &len, &error);
    g_assert_no_error (error);
    sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, len);
    g_assert_cmpstr (ins_db_get_string (res, 1, 6), ==, sha);
  }
  g_clear_pointer (&res, PQclear);

  /* The PDF's first-page preview was stored with it; the JPEG has none. */
  res = ins_db_exec (f->conn,
                     "SELECT a.position, p.width, p.height FROM attachment a JOIN blob_preview p USING (sha256)"
                     " WHERE affaire_id = $1::bigint",
                     1, params, &error);
  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), ==, 1);
  g_assert_cmpint (ins_db_get_int64 (res, 0, 0), ==, 1);
  g_assert_cmpint (MAX (ins_db_get_int64 (res, 0, 1), ins_db_get_int64 (res, 0, 2)), ==, 256);
  g_clear_pointer (&res, PQclear);

  res = ins_db_exec (f->conn,
                     "SELECT h.action, h.to_status, h.agent_id IS NULL, o.kind, o.state"
                     " FROM history h JOIN notification_outbox o USING (affaire_id)"
                     " WHERE h.affaire_id = $1::bigint", 1, params, &error);
  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), ==, 1);
  g_assert_cmpstr (ins_db_get_string (res, 0, 0), ==, "import");
  g_assert_cmpstr (ins_db_get_string (res, 0, 1), ==, "recue");
  g_assert_true (ins_db_get_bool (res, 0, 2));
  g_assert_cmpstr (ins_db_get_string (res, 0, 3), ==, "accuse_reception");
  g_assert_cmpstr (ins_db_get_string (res, 0, 4), ==, "pending");
}

static void
test_oc (Fixture *f, gconstpointer data)
{
  g_autoptr(InsImportReport) report = import_sample (f, "oc-valid");
  g_autoptr(GRegex) numero = g_regex_new ("^OC-2025-[0-9]{7}$", 0, 0, NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, report->affaire_id);
  const char *params[] = { id };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GDateTime) received = paris_time ("2025-04-03T09:05:41+02:00");
  g_autoptr(GDateTime) due = ins_sla_due_at (INS_KIND_CHEVAUCHEMENT_OC, received);

  g_assert_cmpint (report->outcome, ==, INS_IMPORT_IMPORTED);
  g_assert_true (g_regex_match (numero, report->numero, 0, NULL));
  res = ins_db_exec (f->conn,
                     "SELECT a.status, a.kind, a.nir, a.oc_label, a.excluded, a.country IS NULL,"
                     "  a.amount_minor IS NULL, extract(epoch FROM a.due_at)::bigint, o.code,"
                     "  (SELECT count(*) FROM attachment t WHERE t.affaire_id = a.id)"
                     " FROM affaire a JOIN organisme o ON o.id = a.organisme_id WHERE a.id = $1::bigint",
                     1, params, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ins_db_get_string (res, 0, 0), ==, "recue");
  g_assert_cmpstr (ins_db_get_string (res, 0, 1), ==, "chevauchement_oc");
  g_assert_cmpstr (ins_db_get_string (res, 0, 2), ==, "290032A00401234");
  g_assert_cmpstr (ins_db_get_string (res, 0, 3), ==, "LES MUTUELLES DE L'AIN / LA BALOISE ASSURANCES");
  g_assert_false (ins_db_get_bool (res, 0, 4));
  g_assert_true (ins_db_get_bool (res, 0, 5));
  g_assert_true (ins_db_get_bool (res, 0, 6));
  g_assert_cmpint (ins_db_get_int64 (res, 0, 7), ==, g_date_time_to_unix (due));
  g_assert_cmpstr (ins_db_get_string (res, 0, 8), ==, "CPAM-40");
  g_assert_cmpint (ins_db_get_int64 (res, 0, 9), ==, 0);
  g_clear_pointer (&res, PQclear);

  res = ins_db_exec (f->conn,
                     "SELECT rank, prenom, birth_date, oc1_name, oc1_member, oc2_name, oc2_start,"
                     "  chosen, precarity FROM oc_beneficiaire WHERE affaire_id = $1::bigint ORDER BY rank",
                     1, params, &error);
  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), ==, 2);
  g_assert_cmpstr (ins_db_get_string (res, 1, 1), ==, "Léo");
  g_assert_cmpstr (ins_db_get_string (res, 1, 2), ==, "2014-05-02");
  g_assert_cmpstr (ins_db_get_string (res, 1, 4), ==, "4789563P");
  g_assert_cmpstr (ins_db_get_string (res, 1, 6), ==, "2020-01-01");
  g_assert_cmpint (ins_db_get_int64 (res, 1, 7), ==, 2);
  g_assert_false (ins_db_get_bool (res, 1, 8));
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM notification_outbox WHERE kind = 'accuse_reception'"), ==, 1);
}

static void
test_oc_excluded (Fixture *f, gconstpointer data)
{
  g_autoptr(InsImportReport) five = import_sample (f, "oc-five-beneficiaries");
  g_autoptr(InsImportReport) precarity = import_sample (f, "oc-precarity");
  g_autofree char *five_id = g_strdup_printf ("%" G_GINT64_FORMAT, five->affaire_id);
  g_autofree char *reason = NULL;

  g_assert_cmpint (five->outcome, ==, INS_IMPORT_IMPORTED);
  g_assert_true (five->excluded);
  g_assert_cmpint (precarity->outcome, ==, INS_IMPORT_IMPORTED);
  g_assert_true (precarity->excluded);

  reason = query_string (f->conn, "SELECT exclusion_reason FROM affaire WHERE id = $1::bigint AND excluded"
                                  " AND status = 'recue'", five_id);
  g_assert_nonnull (strstr (reason, "5"));
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM oc_beneficiaire"), ==, 6);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM oc_beneficiaire WHERE precarity"), ==, 1);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM affaire WHERE excluded AND exclusion_reason <> ''"), ==, 2);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM notification_outbox"), ==, 2);
}

static void
assert_non_exploitable (Fixture *f, const char *sample, guint unreadable, guint readable)
{
  g_autoptr(InsImportReport) report = import_sample (f, sample);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, report->affaire_id);
  g_autofree char *reason = NULL;
  g_autofree char *counts = NULL;

  g_assert_cmpint (report->outcome, ==, INS_IMPORT_NON_EXPLOITABLE);
  g_assert_nonnull (report->non_exploitable_reason);
  reason = query_string (f->conn, "SELECT non_exploitable_reason FROM affaire"
                                  " WHERE id = $1::bigint AND status = 'non_exploitable'", id);
  g_assert_cmpstr (reason, ==, report->non_exploitable_reason);
  g_test_message ("%s: %s", sample, reason);

  counts = g_strdup_printf ("%u/%u", unreadable, readable);
  {
    g_autofree char *actual = query_string (f->conn,
        "SELECT count(*) FILTER (WHERE page_count IS NULL AND unreadable_reason IS NOT NULL)"
        "  || '/' || count(*) FILTER (WHERE page_count >= 1 AND unreadable_reason IS NULL)"
        " FROM attachment WHERE affaire_id = $1::bigint", id);
    g_assert_cmpstr (actual, ==, counts);
  }
  /* kept, never dropped: history and acknowledgement as for any affaire */
  {
    g_autofree char *history = query_string (f->conn,
        "SELECT to_status::text FROM history WHERE affaire_id = $1::bigint AND action = 'import'", id);
    g_autofree char *outbox = query_string (f->conn,
        "SELECT kind::text FROM notification_outbox WHERE affaire_id = $1::bigint", id);
    g_assert_cmpstr (history, ==, "non_exploitable");
    g_assert_cmpstr (outbox, ==, "accuse_reception");
  }
}

static void
test_non_exploitable (Fixture *f, gconstpointer data)
{
  assert_non_exploitable (f, "se-encrypted-pdf", 1, 0);
  assert_non_exploitable (f, "se-damaged-pdf", 1, 1);
}

/* Every password-protected PDF of the corpus (copied in tests/data/submissions/
 * protected-pdfs), and one text file named .pdf. */
static void
test_non_exploitable_corpus (Fixture *f, gconstpointer data)
{
  static const char *files[] = {
    "issue21579.pdf", "issue3371.pdf", "issue6010_1.pdf", "issue6010_2.pdf", "saslprep-r6.pdf",
  };
  g_autoptr(JsonNode) root = ingest_test_load ("se-encrypted-pdf");
  g_autofree char *file = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(JsonArray) list = json_array_new ();
  g_autoptr(InsImportReport) report = NULL;
  g_autofree char *id = NULL;
  JsonNode *node;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      JsonObject *o = json_object_new ();
      json_object_set_string_member (o, "file", files[i]);
      json_array_add_object_element (list, o);
    }
  {
    JsonObject *o = json_object_new ();
    json_object_set_string_member (o, "file", "pas-un-pdf.pdf");
    json_array_add_object_element (list, o);
  }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, list);
  ingest_test_set (root, "attachments", node);
  ingest_test_set (root, "submission_id", ingest_test_string ("TS-SE-2025-CORPUS"));
  file = ingest_test_write (root, "se-encrypted-pdf");
  dir = g_path_get_dirname (file);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from = g_test_build_filename (G_TEST_DIST, "data", "submissions",
                                                     "protected-pdfs", files[i], NULL);
      g_autofree char *to = g_build_filename (dir, files[i], NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (to, contents, len, NULL));
    }
  {
    g_autofree char *text = g_build_filename (dir, "pas-un-pdf.pdf", NULL);
    g_assert_true (g_file_set_contents (text, "Facture\nMontant : 12 €\n", -1, NULL));
  }

  report = import (f, file);
  g_assert_cmpint (report->outcome, ==, INS_IMPORT_NON_EXPLOITABLE);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, report->affaire_id);
  {
    g_autofree char *unreadable = query_string (f->conn,
        "SELECT count(*) FROM attachment WHERE affaire_id = $1::bigint AND page_count IS NULL", id);
    g_autofree char *octet = query_string (f->conn,
        "SELECT content_type FROM attachment WHERE affaire_id = $1::bigint AND position = 6", id);
    g_assert_cmpstr (unreadable, ==, "6");
    g_assert_cmpstr (octet, ==, "application/octet-stream");
  }
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_nonnull (strstr (report->non_exploitable_reason, files[i]));
}

static void
assert_rejected_writes_nothing (Fixture *f, const char *file, const char *path, InsImportError code)
{
  g_autofree char *before = table_counts (f->conn);
  g_autoptr(InsImportReport) report = import (f, file);
  g_autofree char *after = table_counts (f->conn);
  gboolean seen = FALSE;

  g_assert_cmpint (report->outcome, ==, INS_IMPORT_REJECTED);
  g_assert_null (report->numero);
  g_assert_cmpuint (report->problems->len, >=, 1);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const InsImportProblem *p = report->problems->pdata[i];
      g_assert_cmpstr (p->file, ==, file);
      seen |= g_str_equal (p->path, path) && p->code == code;
    }
  g_assert_true (seen);
  g_assert_cmpstr (before, ==, after);
}

static void
test_rejected (Fixture *f, gconstpointer data)
{
  g_autofree char *json = ingest_test_sample ("invalid-json");
  g_autofree char *nir = ingest_test_sample ("invalid-nir-key");
  g_autofree char *reason = ingest_test_sample ("invalid-missing-reason");
  g_autofree char *none = ingest_test_sample ("invalid-no-attachment");
  g_autoptr(JsonNode) root = ingest_test_load ("se-valid");
  g_autofree char *organisme = NULL;
  g_autoptr(InsImportReport) valid = import_sample (f, "oc-valid");

  g_assert_cmpint (valid->outcome, ==, INS_IMPORT_IMPORTED);
  assert_rejected_writes_nothing (f, json, "$", INS_IMPORT_ERROR_MALFORMED);
  assert_rejected_writes_nothing (f, nir, "$.assure.nir", INS_IMPORT_ERROR_INVALID);
  assert_rejected_writes_nothing (f, reason, "$.soins_etranger.reason", INS_IMPORT_ERROR_MISSING);
  assert_rejected_writes_nothing (f, none, "$.attachments", INS_IMPORT_ERROR_ATTACHMENT);

  /* checked by the store, in the transaction: nothing written either, not even the assuré */
  ingest_test_set (root, "organisme", ingest_test_string ("CPAM-99"));
  ingest_test_set (root, "assure.nir", ingest_test_string ("2620640192087 22"));
  organisme = ingest_test_write (root, "se-valid");
  assert_rejected_writes_nothing (f, organisme, "$.organisme", INS_IMPORT_ERROR_UNKNOWN_ORGANISME);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM assure WHERE nir = '262064019208722'"), ==, 0);
}

static void
test_idempotent (Fixture *f, gconstpointer data)
{
  g_autoptr(InsImportReport) first = import_sample (f, "se-valid");
  g_autofree char *before = table_counts (f->conn);
  g_autofree char *version = query_string (f->conn, "SELECT string_agg(version || ':' || updated_at, ',') FROM affaire", NULL);
  g_autoptr(InsImportReport) second = import_sample (f, "se-valid");
  g_autofree char *after = table_counts (f->conn);
  g_autofree char *version_after = query_string (f->conn, "SELECT string_agg(version || ':' || updated_at, ',') FROM affaire", NULL);

  g_assert_cmpint (first->outcome, ==, INS_IMPORT_IMPORTED);
  g_assert_cmpint (second->outcome, ==, INS_IMPORT_ALREADY);
  g_assert_cmpstr (second->numero, ==, first->numero);
  g_assert_cmpint (second->affaire_id, ==, first->affaire_id);
  g_assert_cmpstr (before, ==, "1/1/2/2/1/1/1/0");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (version_after, ==, version);
}

/* The same pieces under another submission id, by the same insured person:
 * one assuré, the bytes stored once. */
static void
test_shared_blobs_and_assure (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = ingest_test_load ("se-valid");
  g_autofree char *file = NULL;
  g_autoptr(InsImportReport) first = import_sample (f, "se-valid");
  g_autoptr(InsImportReport) second = NULL;
  g_autofree char *address = NULL;

  ingest_test_set (root, "submission_id", ingest_test_string ("TS-SE-2025-000199"));
  ingest_test_set (root, "assure.address", json_from_string ("[\"3 place Gambetta\", \"56000 VANNES\"]", NULL));
  file = ingest_test_write (root, "se-valid");
  second = import (f, file);
  g_assert_cmpint (second->outcome, ==, INS_IMPORT_IMPORTED);
  g_assert_cmpstr (second->numero, !=, first->numero);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM affaire"), ==, 2);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM attachment"), ==, 4);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM blob"), ==, 2);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM assure"), ==, 1);
  address = query_string (f->conn, "SELECT address FROM assure", NULL);
  g_assert_cmpstr (address, ==, "3 place Gambetta\n56000 VANNES");
}

static void
test_directory (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "submissions", NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = ins_import_collect (paths, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  InsImportSummary first = { 0 }, second = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 10);
  for (int round = 0; round < 2; round++)
    for (guint i = 0; i < files->len; i++)
      {
        g_autoptr(InsImportReport) report = ins_import_file (f->conn, files->pdata[i], now, NULL, &error);

        g_assert_no_error (error);
        ins_import_summary_add (round == 0 ? &first : &second, report);
      }
  g_assert_cmpuint (first.imported, ==, 4);
  g_assert_cmpuint (first.excluded, ==, 2);
  g_assert_cmpuint (first.non_exploitable, ==, 2);
  g_assert_cmpuint (first.rejected, ==, 4);
  g_assert_cmpuint (first.already, ==, 0);
  g_assert_cmpuint (second.imported, ==, 0);
  g_assert_cmpuint (second.non_exploitable, ==, 0);
  g_assert_cmpuint (second.rejected, ==, 4);
  g_assert_cmpuint (second.already, ==, 6);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM affaire"), ==, 6);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM notification_outbox WHERE kind = 'accuse_reception'"), ==, 6);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM history WHERE action = 'import'"), ==, 6);
}

/* The import service's own role is enough (grants and row security). */
static void
test_import_role (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *file = ingest_test_sample ("se-valid");
  g_autoptr(InsImportReport) report = NULL;
  g_autoptr(InsImportReport) again = NULL;

  ins_db_run (f->conn,
              "DO $$ BEGIN"
              "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ins_import_test') THEN"
              "    CREATE ROLE ins_import_test LOGIN;"
              "  END IF;"
              "  GRANT ins_import TO ins_import_test;"
              " END $$", 0, NULL, &error);
  g_assert_no_error (error);
  conn = ins_test_db_connect_as ("ins_import_test");
  report = ins_import_file (conn, file, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->outcome, ==, INS_IMPORT_IMPORTED);
  again = ins_import_file (conn, file, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->outcome, ==, INS_IMPORT_ALREADY);
  g_assert_cmpint (count (f->conn, "SELECT count(*) FROM attachment"), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ingest_test_use_built_probe ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/ingest/import/soins-etranger", test_soins_etranger);
  ADD ("/ingest/import/oc", test_oc);
  ADD ("/ingest/import/oc-excluded", test_oc_excluded);
  ADD ("/ingest/import/non-exploitable", test_non_exploitable);
  ADD ("/ingest/import/non-exploitable-corpus", test_non_exploitable_corpus);
  ADD ("/ingest/import/rejected-writes-nothing", test_rejected);
  ADD ("/ingest/import/idempotent", test_idempotent);
  ADD ("/ingest/import/shared-blobs", test_shared_blobs_and_assure);
  ADD ("/ingest/import/directory", test_directory);
  ADD ("/ingest/import/import-role", test_import_role);
#undef ADD
  return g_test_run ();
}
