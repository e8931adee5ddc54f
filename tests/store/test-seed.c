/* test-seed.c — instruction-seed's data: valid NIRs, both kinds, readable
 * attachments shared by hash, consistent statuses and history, named agents */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <poppler.h>

#include "core/ins-currency.h"
#include "core/ins-nir.h"
#include "ingest/ins-probe.h"
#include "store/ins-affaire-store.h"
#include "store/ins-db.h"
#include "store/ins-preview-store.h"
#include "store/ins-seed-store.h"
#include "tools/seed/ins-seed.h"
#include "tools/seed/ins-seed-pool.h"
#include "ins-test-db.h"

#define N_AFFAIRES 200

static PGconn *seeded;

static PGresult *
query (const char *sql)
{
  g_autoptr(GError) error = NULL;
  PGresult *res = ins_db_exec (seeded, sql, 0, NULL, &error);

  g_assert_no_error (error);
  return res;
}

static gint64
scalar (const char *sql)
{
  g_autoptr(PGresult) res = query (sql);

  g_assert_cmpint (PQntuples (res), ==, 1);
  return ins_db_get_int64 (res, 0, 0);
}

/* How many pages @bytes has as a PDF (0 when it does not open), or 1 for an
 * image that decodes (0 when it does not). */
static int
open_pages (GBytes *bytes, const char *content_type)
{
  if (g_str_equal (content_type, "application/pdf"))
    {
      g_autoptr(GError) error = NULL;
      PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);
      int n;

      if (doc == NULL)
        return 0;
      n = poppler_document_get_n_pages (doc);
      for (int i = 0; i < n; i++)
        {
          PopplerPage *page = poppler_document_get_page (doc, i);
          double w, h;

          poppler_page_get_size (page, &w, &h);
          g_assert_cmpfloat (w, >, 100);
          g_assert_cmpfloat (h, >, 100);
          g_object_unref (page);
        }
      g_object_unref (doc);
      return n;
    }
  else
    {
      g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
      g_autoptr(GError) error = NULL;
      GdkPixbuf *pixbuf;

      if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &error) || !gdk_pixbuf_loader_close (loader, &error))
        return 0;
      pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
      if (pixbuf == NULL || gdk_pixbuf_get_width (pixbuf) < 100)
        return 0;
      return 1;
    }
}

static void
test_pool_documents (void)
{
  g_autoptr(InsSeedPool) pool = ins_seed_pool_new (40, 7);
  guint kinds[INS_SEED_N_DOC_KINDS] = { 0 };
  gboolean multi_page = FALSE;

  g_assert_cmpuint (ins_seed_pool_size (pool), >=, 40);
  for (guint i = 0; i < ins_seed_pool_size (pool); i++)
    {
      const InsSeedDoc *doc = ins_seed_pool_get (pool, i);
      int pages = open_pages (doc->bytes, doc->content_type);

      kinds[doc->kind]++;
      if (doc->kind == INS_SEED_DOC_CORRUPT)
        {
          g_assert_cmpint (pages, ==, 0);
          g_assert_cmpint (doc->page_count, ==, 0);
          g_assert_nonnull (doc->unreadable_reason);
        }
      else
        {
          g_assert_cmpint (pages, ==, doc->page_count);
          g_assert_null (doc->unreadable_reason);
          multi_page |= pages > 1;
        }
    }
  for (int k = 0; k < INS_SEED_N_DOC_KINDS; k++)
    g_assert_cmpuint (kinds[k], >, 0);
  g_assert_true (multi_page);
}

static void
test_agents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agents = ins_seed_store_list_agents (seeded, &error);
  const char *organismes[] = { "CPAM-40", "CNSE" };
  const char *roles[] = { "instructeur", "medecin_conseil", "superviseur" };

  g_assert_no_error (error);
  for (guint o = 0; o < G_N_ELEMENTS (organismes); o++)
    for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
      {
        guint n = 0;

        for (guint i = 0; i < agents->len; i++)
          {
            InsSeedAgent *a = g_ptr_array_index (agents, i);

            if (g_str_equal (a->organisme_code, organismes[o]) && g_str_equal (a->role, roles[r]))
              {
                const char *params[] = { a->login, a->role };
                g_autoptr(PGresult) res = ins_db_exec (seeded, "SELECT pg_has_role($1, $2, 'MEMBER')",
                                                       2, params, &error);

                g_assert_no_error (error);
                g_assert_true (ins_db_get_bool (res, 0, 0));
                g_assert_true (g_str_has_prefix (a->login, "ins_"));
                g_assert_true (g_utf8_validate (a->display_name, -1, NULL));
                n++;
              }
          }
        g_assert_cmpuint (n, >=, 2);
      }

  /* The first instructeur of the CNSE (the demo's default) logs in and works. */
  {
    g_autoptr(PGconn) agent = ins_test_db_connect_as ("ins_marie_dupont");
    g_autoptr(PGresult) res = ins_db_exec (agent, "SELECT count(*) FROM affaire", 0, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ins_db_get_int64 (res, 0, 0), >, 0);
  }
}

static void
test_nirs (void)
{
  g_autoptr(PGresult) res = query ("SELECT nir, to_char(birth_date, 'YYMM') FROM assure");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int abroad = 0;

  g_assert_cmpint (PQntuples (res), >=, N_AFFAIRES * 9 / 10);
  for (int i = 0; i < PQntuples (res); i++)
    {
      const char *nir = ins_db_get_string (res, i, 0);

      g_assert_true (ins_nir_is_valid (nir));
      /* Sex 1 or 2, then year and month of birth. */
      g_assert_true (nir[0] == '1' || nir[0] == '2');
      g_assert_cmpint (strncmp (nir + 1, ins_db_get_string (res, i, 1), 4), ==, 0);
      g_assert_true (g_hash_table_add (seen, (gpointer) nir));
      abroad += strncmp (nir + 5, "99", 2) == 0;
    }
  g_assert_cmpint (abroad, >, 0);
  g_assert_cmpint (abroad, <, PQntuples (res) / 2);

  /* The queue's copy of the NIR is the insured person's. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a JOIN assure s ON s.id = a.assure_id"
                           " WHERE a.nir <> s.nir OR a.nom <> s.nom"), ==, 0);
  /* Accents are kept. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM assure WHERE nom || prenom ~ '[éèëêïîôöüçÉ]'"), >, 0);
}

static void
test_both_kinds (void)
{
  g_autoptr(PGresult) res = NULL;

  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire"), ==, N_AFFAIRES);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire WHERE kind = 'soins_etranger'"), >=, N_AFFAIRES / 3);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire WHERE kind = 'chevauchement_oc'"), >=, N_AFFAIRES / 5);
  /* Each kind has its details. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE kind = 'soins_etranger'"
                           " AND NOT EXISTS (SELECT FROM soins_etranger s WHERE s.affaire_id = a.id)"), ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE kind = 'chevauchement_oc'"
                           " AND NOT EXISTS (SELECT FROM oc_beneficiaire b WHERE b.affaire_id = a.id)"), ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM soins_etranger WHERE char_length(reason) > 180"
                           " OR care_from < stay_from OR care_to > stay_to"), ==, 0);
  /* Ayants droit, and OC overlaps with several beneficiaries. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM soins_etranger WHERE NOT beneficiaire_is_ouvreur"), >, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM oc_beneficiaire WHERE rank > 1"), >, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire WHERE excluded AND exclusion_reason IS NULL"), ==, 0);

  /* Care in many countries and currencies, each known, with amounts. */
  g_assert_cmpint (scalar ("SELECT count(DISTINCT country) FROM affaire"), >=, 8);
  res = query ("SELECT DISTINCT currency FROM affaire WHERE currency IS NOT NULL");
  g_assert_cmpint (PQntuples (res), >=, 6);
  for (int i = 0; i < PQntuples (res); i++)
    g_assert_nonnull (ins_currency_lookup (ins_db_get_string (res, i, 0)));
}

static void
test_statuses_and_history (void)
{
  gint64 recue = scalar ("SELECT count(*) FROM affaire WHERE status = 'recue'");

  /* Mostly waiting in the queue, and several other statuses. */
  g_assert_cmpint (recue, >, N_AFFAIRES / 3);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire GROUP BY status ORDER BY count(*) DESC LIMIT 1"), ==, recue);
  g_assert_cmpint (scalar ("SELECT count(DISTINCT status) FROM affaire"), >=, 5);
  /* Held ones have a holder; others none. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire WHERE (status IN ('en_cours', 'acceptee', 'refusee'))"
                           " <> (assignee_id IS NOT NULL)"), ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire WHERE (status = 'cloturee') <> (closed_at IS NOT NULL)"), ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire WHERE status = 'cloturee'"
                           " AND decided_at IS NULL"), ==, 0);
  /* Received over months, so age bands and SLA breaches show. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire WHERE received_at < now() - interval '31 days'"), >, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire WHERE received_at > now() - interval '8 days'"), >, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire WHERE received_at > now()"), ==, 0);

  /* The history starts with the import and ends in the current status, in time order. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE"
                           " (SELECT action FROM history h WHERE h.affaire_id = a.id ORDER BY id LIMIT 1) <> 'import'"
                           " OR (SELECT to_status FROM history h WHERE h.affaire_id = a.id ORDER BY id DESC LIMIT 1)"
                           "    <> a.status"), ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM (SELECT at < lag(at) OVER (PARTITION BY affaire_id ORDER BY id)"
                           " AS back FROM history) h WHERE back"), ==, 0);
  /* The version counts the changes. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE version <>"
                           " (SELECT count(*) FROM history h WHERE h.affaire_id = a.id)"), ==, 0);
  /* Medical opinions: open ones for the affaires waiting for them, answered ones with the reasoning apart. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE (status = 'avis_medical_demande') <>"
                           " EXISTS (SELECT FROM avis_medical m WHERE m.affaire_id = a.id AND m.answered_at IS NULL)"),
                   ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM avis_medical m WHERE (answered_at IS NOT NULL) <>"
                           " EXISTS (SELECT FROM avis_medical_reasoning r WHERE r.avis_id = m.id)"), ==, 0);
  /* Every affaire but the unusable got its acknowledgement; closed ones their decision. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE status <> 'non_exploitable' AND NOT EXISTS"
                           " (SELECT FROM notification_outbox n WHERE n.affaire_id = a.id"
                           "   AND n.kind = 'accuse_reception')"), ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE status = 'cloturee' AND NOT EXISTS"
                           " (SELECT FROM notification_outbox n WHERE n.affaire_id = a.id"
                           "   AND n.kind <> 'accuse_reception')"), ==, 0);
}

static void
test_attachments (void)
{
  g_autoptr(PGresult) res = query ("SELECT DISTINCT ON (t.sha256) t.content_type, t.page_count, b.bytes,"
                                   "   t.size_bytes, sha256(b.bytes) = t.sha256"
                                   "  FROM attachment t JOIN blob b ON b.sha256 = t.sha256");
  gboolean pdf = FALSE, jpeg = FALSE, png = FALSE;

  g_assert_cmpint (PQntuples (res), >, 10);
  for (int i = 0; i < PQntuples (res); i++)
    {
      const char *type = ins_db_get_string (res, i, 0);
      size_t len = 0;
      guchar *raw = PQunescapeBytea ((const guchar *) ins_db_get_string (res, i, 2), &len);
      g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (raw, len, (GDestroyNotify) PQfreemem, raw);
      int expected = ins_db_is_null (res, i, 1) ? 0 : (int) ins_db_get_int64 (res, i, 1);

      g_assert_cmpint ((gint64) len, ==, ins_db_get_int64 (res, i, 3));
      g_assert_true (ins_db_get_bool (res, i, 4));
      g_assert_cmpint (open_pages (bytes, type), ==, expected);
      pdf |= g_str_equal (type, "application/pdf") && expected > 0;
      jpeg |= g_str_equal (type, "image/jpeg");
      png |= g_str_equal (type, "image/png");
    }
  g_assert_true (pdf && jpeg && png);

  /* Every readable PDF has its first-page preview, made by the probe. */
  g_assert_cmpint (scalar ("SELECT count(DISTINCT t.sha256) FROM attachment t"
                           " WHERE t.content_type = 'application/pdf' AND t.page_count IS NOT NULL"
                           "   AND NOT EXISTS (SELECT FROM blob_preview p WHERE p.sha256 = t.sha256)"), ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM blob_preview"), >, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM blob_preview p JOIN attachment t USING (sha256)"
                           " WHERE t.content_type <> 'application/pdf' OR t.page_count IS NULL"), ==, 0);

  /* An affaire's attachments come with their previews. */
  {
    g_autoptr(GError) error = NULL;
    gint64 affaire = scalar ("SELECT min(t.affaire_id) FROM attachment t JOIN blob_preview USING (sha256)");
    g_autoptr(GPtrArray) infos = ins_affaire_store_attachments (seeded, affaire, &error);
    guint with_preview = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < infos->len; i++)
      {
        InsAttachmentInfo *a = infos->pdata[i];
        int w = 0, h = 0;

        if (a->preview == NULL)
          continue;
        with_preview++;
        g_assert_cmpstr (a->content_type, ==, "application/pdf");
        g_assert_true (ins_preview_png_size (a->preview, &w, &h));
        g_assert_cmpint (MAX (w, h), ==, 256);
      }
    g_assert_cmpuint (with_preview, >=, 1);
  }

  /* Bytes are shared by hash across affaires. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM attachment"), >,
                   scalar ("SELECT count(DISTINCT sha256) FROM attachment"));
  /* Foreign care comes with 1 to 10 pieces; an unreadable one makes the affaire non exploitable. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE kind = 'soins_etranger' AND"
                           " (SELECT count(*) FROM attachment t WHERE t.affaire_id = a.id) NOT BETWEEN 1 AND 10"), ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE (status = 'non_exploitable') <>"
                           " EXISTS (SELECT FROM attachment t WHERE t.affaire_id = a.id AND t.page_count IS NULL)"), ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire WHERE status = 'non_exploitable'"
                           " AND non_exploitable_reason IS NULL"), ==, 0);
}

static void
test_reseed_adds (void)
{
  g_autoptr(GError) error = NULL;
  InsSeedOptions options = { .count = 10, .seed = 99 };
  gint64 before = scalar ("SELECT count(*) FROM affaire");

  /* A second run appends, with new NIRs and numéros (both unique). */
  g_assert_true (ins_seed_run (seeded, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire"), ==, before + 10);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  InsSeedOptions options = { .organismes = TRUE, .agents = TRUE, .count = N_AFFAIRES, .seed = 20260401,
                             .jobs = 2 };
  int status;

  g_test_init (&argc, &argv, NULL);

  {
    g_autofree char *probe = g_test_build_filename (G_TEST_BUILT, "..", "src", "tools", "pdf-probe",
                                                    "instruction-pdf-probe", NULL);
    g_unsetenv ("INS_PDF_PROBE");
    ins_probe_set_helper (probe);
  }
  seeded = ins_test_db_connect ();
  options.conninfo = ins_test_db_conninfo ();
  if (!ins_seed_run (seeded, &options, &error))
    g_error ("seeding failed: %s", error->message);

  g_test_add_func ("/seed/pool-documents", test_pool_documents);
  g_test_add_func ("/seed/agents", test_agents);
  g_test_add_func ("/seed/nirs", test_nirs);
  g_test_add_func ("/seed/both-kinds", test_both_kinds);
  g_test_add_func ("/seed/statuses-and-history", test_statuses_and_history);
  g_test_add_func ("/seed/attachments", test_attachments);
  g_test_add_func ("/seed/reseed-adds", test_reseed_adds);
  status = g_test_run ();
  PQfinish (seeded);
  return status;
}
