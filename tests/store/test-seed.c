/* test-seed.c — instruction-seed's data: valid NIRs, both kinds, readable
 * attachments that show their affaire (or, for large counts, shared by hash),
 * consistent statuses and history, named agents */
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
#include "tools/seed/ins-seed-papers.h"
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

/* @text with every run of spaces (no-break ones too) and line ends made one
 * space, without the bidirectional marks poppler adds around runs. */
static char *
normalise (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        continue;
      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
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
  /* The pool holds every kind but the forms, drawn for an affaire only. */
  for (int k = 0; k <= INS_SEED_DOC_CORRUPT; k++)
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
  /* Each submission id taken once, in the side table of 015. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a JOIN affaire_submission s"
                           " ON s.submission_id = a.submission_id AND s.affaire_id = a.id"), ==, N_AFFAIRES);
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

  /* Drawn for each affaire: no two share their bytes; OC overlaps come with both OCs' certificates. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM attachment"), ==,
                   scalar ("SELECT count(DISTINCT sha256) FROM attachment"));
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE kind = 'chevauchement_oc' AND"
                           " (SELECT count(*) FROM attachment t WHERE t.affaire_id = a.id"
                           "   AND t.filename LIKE 'attestation-%') <> 2"), ==, 0);
  /* Foreign care comes with 1 to 10 pieces; an unreadable one makes the affaire non exploitable. */
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE kind = 'soins_etranger' AND"
                           " (SELECT count(*) FROM attachment t WHERE t.affaire_id = a.id) NOT BETWEEN 1 AND 10"), ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire a WHERE (status = 'non_exploitable') <>"
                           " EXISTS (SELECT FROM attachment t WHERE t.affaire_id = a.id AND t.page_count IS NULL)"), ==, 0);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire WHERE status = 'non_exploitable'"
                           " AND non_exploitable_reason IS NULL"), ==, 0);
}

/* The PDF held by @hex_bytes (a bytea column). */
static PopplerDocument *
pdf_open (const char *hex_bytes)
{
  g_autoptr(GError) error = NULL;
  size_t len = 0;
  guchar *raw = PQunescapeBytea ((const guchar *) hex_bytes, &len);
  g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (raw, len, (GDestroyNotify) PQfreemem, raw);
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* The text of every page of @doc, normalised. */
static char *
pdf_text (PopplerDocument *doc)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append_printf (text, "%s\n", page_text);
      g_object_unref (page);
    }
  return normalise (text->str);
}

static const InsSeedCountry *
country_of (const char *code)
{
  guint n;
  const InsSeedCountry *countries = ins_seed_countries (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (countries[i].code, code))
      return &countries[i];
  g_assert_not_reached ();
}

/* Whether @doc, whose text is @text, shows @wanted. On right-to-left pages,
 * poppler_page_get_text() follows the selection from the top left corner and
 * loses what lies before it in reading order: in Arabic, search the pages. */
static gboolean
shows (PopplerDocument *doc, const char *text, const char *wanted, const InsSeedCountry *country)
{
  g_autofree char *flat = normalise (wanted);
  gboolean found = FALSE;

  if (strstr (text, flat) != NULL)
    return TRUE;
  if (country->lang != INS_SEED_LANG_AR)
    return FALSE;
  for (int i = 0; i < poppler_document_get_n_pages (doc) && !found; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      GList *hits = poppler_page_find_text (page, wanted);

      found = hits != NULL;
      g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
      g_object_unref (page);
    }
  return found;
}

/* Each foreign-care affaire's invoice and proof name its beneficiary and show
 * its declared total as that country writes it; its prescription and
 * authorisation name the beneficiary too. */
static void
test_documents_show_the_affaire (void)
{
  g_autoptr(PGresult) res = query ("SELECT a.country, a.amount_minor, s.beneficiaire_prenom, s.beneficiaire_nom,"
                                   "   t.filename, b.bytes"
                                   "  FROM affaire a JOIN soins_etranger s ON s.affaire_id = a.id"
                                   "  JOIN attachment t ON t.affaire_id = a.id JOIN blob b ON b.sha256 = t.sha256"
                                   " WHERE t.content_type = 'application/pdf' AND t.page_count IS NOT NULL"
                                   "   AND t.filename !~ '^scan_'");
  guint invoices = 0, proofs = 0, forms = 0;
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);

  for (int i = 0; i < PQntuples (res); i++)
    {
      const InsSeedCountry *country = country_of (ins_db_get_string (res, i, 0));
      g_autofree char *nom = g_utf8_strup (ins_db_get_string (res, i, 3), -1);
      g_autofree char *patient = g_strdup_printf ("%s %s", ins_db_get_string (res, i, 2), nom);
      g_autofree char *total = ins_seed_format_amount (country, ins_db_get_int64 (res, i, 1));
      PopplerDocument *doc = pdf_open (ins_db_get_string (res, i, 5));
      g_autofree char *text = pdf_text (doc);
      const char *filename = ins_db_get_string (res, i, 4);

      if (!shows (doc, text, patient, country))
        g_error ("%s of care in %s does not name « %s »:\n%s", filename, country->code, patient, text);
      if (g_str_has_prefix (filename, "facture-") || g_str_has_prefix (filename, "preuve-paiement-"))
        {
          if (!shows (doc, text, total, country))
            g_error ("%s does not show « %s »:\n%s", filename, total, text);
          invoices += filename[0] == 'f';
          proofs += filename[0] == 'p';
          g_hash_table_add (countries, (gpointer) country->code);
        }
      else
        forms++;
      g_object_unref (doc);
    }
  g_assert_cmpuint (invoices, >, 20);
  g_assert_cmpuint (proofs, >, 20);
  g_assert_cmpuint (forms, >, 0);
  g_assert_cmpuint (g_hash_table_size (countries), >=, 8);
}

/* Each OC certificate names the OC and lists the affaire's beneficiaries
 * with their member numbers at that OC. */
static void
test_oc_certificates (void)
{
  g_autoptr(PGresult) res = query ("SELECT t.position, b.bytes,"
                                   "   CASE t.position WHEN 1 THEN min(o.oc1_name) ELSE min(o.oc2_name) END,"
                                   "   array_to_string(array_agg(upper(o.nom) || '|' || o.prenom || '|' ||"
                                   "     CASE t.position WHEN 1 THEN o.oc1_member ELSE o.oc2_member END), '|')"
                                   "  FROM attachment t JOIN blob b ON b.sha256 = t.sha256"
                                   "  JOIN oc_beneficiaire o ON o.affaire_id = t.affaire_id"
                                   " GROUP BY t.id, t.position, b.bytes");
  guint several = 0;

  g_assert_cmpint (PQntuples (res), >, 20);
  for (int i = 0; i < PQntuples (res); i++)
    {
      PopplerDocument *doc = pdf_open (ins_db_get_string (res, i, 1));
      g_autofree char *text = pdf_text (doc);
      g_auto(GStrv) wanted = g_strsplit (ins_db_get_string (res, i, 3), "|", -1);
      g_autofree char *oc = normalise (ins_db_get_string (res, i, 2));

      g_assert_nonnull (strstr (text, oc));
      for (guint w = 0; wanted[w] != NULL; w++)
        if (strstr (text, wanted[w]) == NULL)
          g_error ("the certificate of %s lacks « %s »:\n%s", oc, wanted[w], text);
      several += g_strv_length (wanted) > 3;
      g_object_unref (doc);
    }
  g_assert_cmpuint (several, >, 0);
}

/* A photo or scan cannot be read back: what the generator was asked to draw
 * is what the affaire declares, its lines summing to the total. */
static void
test_drawn_images (void)
{
  static const struct { const char *code; gint64 minor; const char *shown; } cases[] = {
    { "JP", 1234567, "¥1,234,567" },
    { "KW", 1234567, "KWD\u00a01,234.567" },
    { "ES", 123456, "1.234,56\u00a0€" },
    { "SN", 98765, "98\u202f765\u00a0FCFA" },
    { "CH", 123450, "CHF\u00a01’234.50" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (InsSeedDocKind kind = INS_SEED_DOC_INVOICE; kind <= INS_SEED_DOC_PHOTO_PNG; kind++)
      {
        InsSeedCare care = {
          .country = country_of (cases[c].code), .patient = "Anaïs LE GOFF", .birth = 9000,
          .stay_from = 20000, .stay_to = 20010, .care_from = 20002, .care_to = 20004,
          .issued = 20004, .paid = 20006, .total_minor = cases[c].minor, .reference = "AB-123456",
        };
        g_autoptr(InsSeedDoc) doc = ins_seed_doc_generate_for (kind, &care, rand);
        g_autofree char *formatted = ins_seed_format_amount (care.country, care.total_minor);

        g_assert_cmpstr (formatted, ==, cases[c].shown);
        g_assert_cmpstr (doc->shown_total, ==, cases[c].shown);
        g_assert_cmpstr (doc->shown_patient, ==, "Anaïs LE GOFF");
        g_assert_cmpint (doc->lines_total, ==, cases[c].minor);
        g_assert_cmpint (open_pages (doc->bytes, doc->content_type), ==, doc->page_count);
      }
}

/* The papers of an affaire: its invoice always, its authorisation when planned. */
static void
test_papers (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  InsSeedCare care = {
    .country = country_of ("TH"), .patient = "Jean DUPONT", .birth = 9000,
    .stay_from = 20000, .stay_to = 20010, .care_from = 20002, .care_to = 20004,
    .issued = 20004, .paid = 20006, .total_minor = 2,
  };
  InsSeedDoc *docs[10];
  guint n = ins_seed_papers_for_care (&care, TRUE, FALSE, rand, docs);
  gboolean authorised = FALSE;

  g_assert_cmpuint (n, >=, 2);
  /* Two satang split in at most two lines. */
  g_assert_cmpint (docs[0]->lines_total, ==, 2);
  for (guint i = 0; i < n; i++)
    {
      authorised |= docs[i]->kind == INS_SEED_DOC_AUTHORISATION;
      g_assert_cmpint (open_pages (docs[i]->bytes, docs[i]->content_type), ==, docs[i]->page_count);
      ins_seed_doc_free (docs[i]);
    }
  g_assert_true (authorised);
}

/* The seed ends as a server in service would be: every table vacuumed
 * (FREEZE) and analysed by it, every page of every table and of its TOAST
 * table all-visible and all-frozen in the visibility map (which needs the
 * loads' commits on disk: ins_seed_store_flush_commits()). */
static void
test_tables_frozen (void)
{
  const char *relations = "SELECT c.oid FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace"
                          "   AND c.relkind = 'r'"
                          " UNION ALL SELECT c.reltoastrelid FROM pg_class c"
                          " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'"
                          "   AND c.reltoastrelid <> 0";
  g_autofree char *pages = g_strdup_printf ("SELECT count(*) FROM (%s) r (oid), pg_visibility_map(r.oid)", relations);
  g_autofree char *unmarked = g_strdup_printf ("SELECT count(*) FROM (%s) r (oid), pg_visibility_map(r.oid) v"
                                               " WHERE NOT (v.all_visible AND v.all_frozen)", relations);
  g_autoptr(GError) error = NULL;

  ins_db_run (seeded, "CREATE EXTENSION IF NOT EXISTS pg_visibility", 0, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (scalar ("SELECT count(*) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace"
                           " AND c.relkind = 'r'"), >, 10);
  g_assert_cmpint (scalar ("SELECT count(*) FROM pg_class c"
                           " JOIN pg_stat_user_tables s ON s.relid = c.oid"
                           " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'"
                           " AND (s.vacuum_count = 0 OR s.analyze_count = 0)"), ==, 0);
  g_assert_cmpint (scalar (pages), >, 100);
  if (scalar (unmarked) != 0)
    {
      g_autofree char *which = g_strdup_printf ("SELECT string_agg(r.oid::regclass || ' ' || v.n || '/' || v.total, ', ')"
                                                " FROM (%s) r (oid), LATERAL (SELECT count(*) FILTER (WHERE NOT"
                                                " (all_visible AND all_frozen)) n, count(*) total"
                                                " FROM pg_visibility_map(r.oid)) v WHERE v.n > 0", relations);
      g_autoptr(PGresult) res = query (which);

      g_test_message ("pages not all-visible and all-frozen: %s", PQgetvalue (res, 0, 0));
    }
  g_assert_cmpint (scalar (unmarked), ==, 0);
}

/* VACUUM marks a page all-visible only when each of its rows is older than
 * every snapshot a session of the same database holds (sessions of other
 * databases do not count, nor workers that vacuum). An autovacuum worker
 * analysing a table of the new rows holds one: the pages it saw loaded
 * after its snapshot stay unmarked. The database is this program's own;
 * autovacuum is kept off its tables, so only the seed touches them. */
static void
keep_autovacuum_away (PGconn *conn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (conn, "SELECT c.oid::regclass::text FROM pg_class c"
                                               " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'",
                                         0, NULL, &error);

  g_assert_no_error (error);
  for (int i = 0; i < PQntuples (res); i++)
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE %s SET (autovacuum_enabled = off,"
                                              " toast.autovacuum_enabled = off)", PQgetvalue (res, i, 0));

      ins_db_run (conn, sql, 0, NULL, &error);
      g_assert_no_error (error);
    }
}

static void
test_reseed_adds (void)
{
  g_autoptr(GError) error = NULL;
  /* Above match_up_to, attachments come from the shared pool. */
  InsSeedOptions options = { .count = 60, .seed = 99, .match_up_to = 50 };
  gint64 before = scalar ("SELECT count(*) FROM affaire");
  gint64 last_id = scalar ("SELECT max(id) FROM affaire");
  g_autofree char *shared = NULL;

  /* A second run appends, with new NIRs and numéros (both unique). */
  g_assert_true (ins_seed_run (seeded, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpint (scalar ("SELECT count(*) FROM affaire"), ==, before + 60);
  /* Bytes are shared by hash across those affaires. */
  shared = g_strdup_printf ("SELECT count(*) - count(DISTINCT sha256) FROM attachment WHERE affaire_id > %"
                            G_GINT64_FORMAT, last_id);
  g_assert_cmpint (scalar (shared), >, 0);
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
  keep_autovacuum_away (seeded);
  if (!ins_seed_run (seeded, &options, &error))
    g_error ("seeding failed: %s", error->message);

  g_test_add_func ("/seed/tables-frozen", test_tables_frozen);
  g_test_add_func ("/seed/pool-documents", test_pool_documents);
  g_test_add_func ("/seed/agents", test_agents);
  g_test_add_func ("/seed/nirs", test_nirs);
  g_test_add_func ("/seed/both-kinds", test_both_kinds);
  g_test_add_func ("/seed/statuses-and-history", test_statuses_and_history);
  g_test_add_func ("/seed/attachments", test_attachments);
  g_test_add_func ("/seed/documents-show-the-affaire", test_documents_show_the_affaire);
  g_test_add_func ("/seed/oc-certificates", test_oc_certificates);
  g_test_add_func ("/seed/drawn-images", test_drawn_images);
  g_test_add_func ("/seed/papers", test_papers);
  g_test_add_func ("/seed/reseed-adds", test_reseed_adds);
  status = g_test_run ();
  PQfinish (seeded);
  return status;
}
