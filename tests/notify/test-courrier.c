/* test-courrier.c — the courrier PDF, read back with poppler */
#include "config.h"

#include <poppler.h>

#include "notify/ins-courrier.h"

static GDate *
date (int day, GDateMonth month, int year)
{
  return g_date_new_dmy (day, month, year);
}

static void
base (InsCourrierData *d, InsNotificationKind kind)
{
  memset (d, 0, sizeof *d);
  d->kind = kind;
  d->affaire_kind = INS_KIND_SOINS_ETRANGER;
  d->numero = "SE-2026-0000042";
  d->organisme_name = "Centre national des soins à l’étranger";
  d->letterhead = "BP 90501\n56019 VANNES CEDEX";
  d->nom = "MARTIN";
  d->prenom = "Camille";
  d->address = "12 rue des Lilas\n56000 Vannes";
}

/* All the text of the PDF, pages joined; the page count and size checked. */
static char *
pdf_text (GBytes *pdf, int *n_pages)
{
  g_autoptr(GError) error = NULL;
  static int dumped;

  /* INS_COURRIER_DUMP=DIR keeps the letters to look at them. */
  if (g_getenv ("INS_COURRIER_DUMP") != NULL)
    {
      g_autofree char *path = g_strdup_printf ("%s/courrier-%d.pdf", g_getenv ("INS_COURRIER_DUMP"), ++dumped);
      g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);
    }
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < *n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, 595.276, 0.5);
      g_assert_cmpfloat_with_epsilon (h, 841.890, 0.5);
      g_string_append (text, t);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (doc);
  /* Compare words, whatever spaces poppler extracts (U+00A0, U+202F, line breaks). */
  {
    g_autoptr(GRegex) spaces = g_regex_new ("[\\s\u00A0\u202F]+", 0, 0, NULL);
    char *flat = g_regex_replace_literal (spaces, text->str, -1, 0, " ", 0, NULL);
    g_string_free (text, TRUE);
    return flat;
  }
}

#define assert_contains(hay, needle) \
  G_STMT_START { if (strstr ((hay), (needle)) == NULL) \
    g_error ("courrier text lacks « %s »:\n%s", (needle), (hay)); } G_STMT_END

static void
test_refus (void)
{
  InsCourrierData d;
  g_autoptr(GDate) day = date (22, G_DATE_NOVEMBER, 2026);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  int n;

  base (&d, INS_NOTIFICATION_REFUS);
  d.date = day;
  d.has_refusal_motif = TRUE;
  d.refusal_motif = INS_MOTIF_HORS_DELAI;
  d.decision_text = "Les soins datent de plus de deux ans.";
  pdf = ins_courrier_render (&d, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  text = pdf_text (pdf, &n);
  g_assert_cmpint (n, ==, 1);
  assert_contains (text, "Centre national des soins à l’étranger");
  assert_contains (text, "Camille MARTIN");
  assert_contains (text, "12 rue des Lilas");
  assert_contains (text, "Vannes, le 22 novembre 2026");
  assert_contains (text, "Référence : SE-2026-0000042");
  assert_contains (text, "Objet : refus de prise en charge de soins réalisés à l’étranger");
  assert_contains (text, "« demande présentée hors délai »");
  assert_contains (text, "Les soins datent de plus de deux ans.");
  assert_contains (text, "commission de recours amiable");
  assert_contains (text, "Pour le directeur et par délégation");
  assert_contains (text, "page 1 sur 1");

  hash = ins_courrier_sha256 (pdf);
  g_assert_cmpuint (strlen (hash), ==, 64);
}

static void
test_acceptation (void)
{
  InsCourrierData d;
  g_autoptr(GDate) day = date (22, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) rate_day = date (3, G_DATE_MARCH, 2026);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int n;

  base (&d, INS_NOTIFICATION_ACCEPTATION);
  d.date = day;
  d.beneficiaire = "Léa MARTIN";
  d.received_at = g_date_time_new_local (2026, 10, 12, 11, 36, 0);
  d.has_amount_eur = TRUE;
  d.amount_eur_cents = 12490;
  d.amount_minor = 20000;
  d.currency = "JPY";
  d.rate = "160.1234";
  d.rate_date = rate_day;
  d.rate_source = "BCE";
  pdf = ins_courrier_render (&d, &error);
  g_date_time_unref ((GDateTime *) d.received_at);
  g_assert_no_error (error);
  text = pdf_text (pdf, &n);
  assert_contains (text, "le 12/10/2026 une demande de prise en charge de soins reçus à l’étranger par Léa MARTIN");
  assert_contains (text, "Montant déclaré : 20 000 JPY");
  assert_contains (text, "160,1234 JPY");
  assert_contains (text, "taux du 3 mars 2026 (source : BCE)");
  assert_contains (text, "Montant remboursé : 124,90 €");
}

static void
test_pieces_several_pages (void)
{
  InsCourrierData d;
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int n;

  for (int i = 1; i <= 60; i++)
    g_ptr_array_add (pieces, g_strdup_printf ("Facture acquittée et détaillée numéro %d, avec la preuve "
                                              "de paiement correspondante", i));
  g_ptr_array_add (pieces, NULL);
  base (&d, INS_NOTIFICATION_PIECES_MANQUANTES);
  d.city = "Mont-de-Marsan";
  d.missing_pieces = (const char * const *) pieces->pdata;
  pdf = ins_courrier_render (&d, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf, &n);
  g_assert_cmpint (n, >=, 2);
  assert_contains (text, "Mont-de-Marsan, le ");
  assert_contains (text, "les informations ou pièces suivantes :");
  assert_contains (text, "numéro 1, avec la preuve");
  assert_contains (text, "numéro 60, avec la preuve");
  assert_contains (text, "référence SE-2026-0000042 (suite)");
  {
    g_autofree char *last = g_strdup_printf ("page %d sur %d", n, n);
    assert_contains (text, last);
  }
}

static void
test_for_affaire (void)
{
  g_autoptr(InsAffaire) a = ins_affaire_new ();
  g_autoptr(InsOrganisme) o = ins_organisme_new ();
  g_autoptr(GDate) day = date (1, G_DATE_MAY, 2026);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int n;

  a->kind = INS_KIND_CHEVAUCHEMENT_OC;
  a->numero = g_strdup ("OC-2026-0000043");
  a->nom = g_strdup ("DURAND");
  a->prenom = g_strdup ("Paul");
  a->assure_address = g_strdup ("3 place du Marché\n40000 Mont-de-Marsan");
  a->has_refusal_motif = TRUE;
  a->refusal_motif = INS_MOTIF_NON_ELIGIBLE;
  o->name = g_strdup ("CPAM des Landes");
  o->letterhead = g_strdup ("250 avenue Foch\n40000 MONT-DE-MARSAN");
  pdf = ins_courrier_render_for_affaire (a, o, INS_NOTIFICATION_REFUS, day, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf, &n);
  assert_contains (text, "Mont-de-Marsan, le 1er mai 2026");
  assert_contains (text, "Objet : votre choix d’organisme complémentaire");
  assert_contains (text, "« demande non éligible au service en ligne »");
  assert_contains (text, "CPAM des Landes");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/courrier/refus", test_refus);
  g_test_add_func ("/courrier/acceptation", test_acceptation);
  g_test_add_func ("/courrier/pieces-several-pages", test_pieces_several_pages);
  g_test_add_func ("/courrier/for-affaire", test_for_affaire);
  return g_test_run ();
}
