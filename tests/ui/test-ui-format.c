/* test-ui-format.c — the workspace's own texts: why an amount has no euro
 * equivalent, a document tab's shortened name, an OC exclusion's hints */
#include "config.h"

#include <locale.h>

#include "ui/ins-affaire-hints.h"
#include "ui/ins-attachment-tabs.h"
#include "ui/ins-ui-format.h"

static void
test_missing_rate_currency (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_date_set_dmy (&date, 14, G_DATE_MARCH, 2024);
  text = ins_ui_missing_rate_reason ("MAD", &date);
  g_assert_cmpstr (text, ==, "The ECB publishes no reference rate for the MAD.");
}

static void
test_missing_rate_after_file (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_date_set_dmy (&date, 24, G_DATE_JUNE, 2026);
  text = ins_ui_missing_rate_reason ("GBP", &date);
  g_assert_cmpstr (text, ==, "The ECB rates held here end on 13 avril 2026.");
}

static void
test_missing_rate_unpublished (void)
{
  GDate date;
  g_autofree char *text = NULL;

  /* The ECB began publishing the Icelandic króna again only in 2018: N/A in between. */
  g_date_set_dmy (&date, 1, G_DATE_JUNE, 2012);
  text = ins_ui_missing_rate_reason ("ISK", &date);
  g_assert_cmpstr (text, ==, "The ECB published no rate for the ISK on 1er juin 2012.");
}

/* A tab's name keeps its start, its extension and what precedes it, in
 * characters (not bytes), and is never longer than asked. */
static void
test_tab_name_shortened (void)
{
  struct { const char *name; guint chars; const char *shown; } cases[] = {
    { "facture-SE-2026-0000005.pdf", 48, "facture-SE-2026-0000005.pdf" },
    { "facture-SE-2026-0000005.pdf", 27, "facture-SE-2026-0000005.pdf" },
    { "facture-SE-2026-0000005.pdf", 20, "facture-SE-2…005.pdf" },
    { "attestation-swiss-life-prevoyance-et-sante.pdf", 15, "attesta…nte.pdf" },
    { "reçu-pharmacie-à-genève-n°12.jpeg", 15, "reçu-ph…12.jpeg" },
    { "Capture_6284.png", 15, "Capture…284.png" },
    { "scan-sans-extension-0042", 15, "scan-sans-e…042" },
    { "x.pdf", 2, "x.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = ins_attachment_tabs_shorten (cases[i].name, cases[i].chars);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      if (cases[i].chars >= 3)
        g_assert_cmpint (g_utf8_strlen (shown, -1), <=, cases[i].chars);
    }
}

static InsAffaire *
oc_affaire (guint n_beneficiaires, const char *exclusion_reason)
{
  InsAffaire *a = ins_affaire_new ();

  a->kind = INS_KIND_CHEVAUCHEMENT_OC;
  a->excluded = exclusion_reason != NULL;
  a->exclusion_reason = g_strdup (exclusion_reason);
  a->oc_beneficiaires = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_oc_beneficiaire_free);
  for (guint i = 0; i < n_beneficiaires; i++)
    {
      InsOcBeneficiaire *b = ins_oc_beneficiaire_new ();

      b->prenom = g_strdup ("Hugo");
      b->nom = g_strdup ("Lacoste");
      g_ptr_array_add (a->oc_beneficiaires, b);
    }
  return a;
}

/* The panel showed an excluded OC affaire's reason twice: the import's
 * sentence and the rule's. The rule's, more precise, is enough; the import's
 * stays when no rule says why. */
static void
test_oc_exclusion_said_once (void)
{
  g_autoptr(InsAffaire) six = oc_affaire (6, "5 bénéficiaires ou plus : hors du périmètre du service en ligne");
  g_autoptr(InsAffaire) two = oc_affaire (2, "Contrat de précarité en cause");
  g_autoptr(GPtrArray) six_hints = ins_affaire_hints (six);
  g_autoptr(GPtrArray) two_hints = ins_affaire_hints (two);

  g_assert_cmpuint (six_hints->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (six_hints, 0), ==,
                   "6 beneficiaries: not eligible to the online service (4 at most).");
  g_assert_cmpuint (two_hints->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (two_hints, 0), ==, "Not eligible: Contrat de précarité en cause");
}

/* The probe's reasons are fragments; tooltips and status pages want sentences. */
static void
test_sentence (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "document endommagé ou illisible", "Document endommagé ou illisible." },
    { "  écrit à la main ", "Écrit à la main." },
    { "Le fichier est endommagé.", "Le fichier est endommagé." },
    { "Lisible ?", "Lisible ?" },
    { "tronqué…", "Tronqué…" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ins_ui_sentence (cases[i].in);
      g_assert_cmpstr (text, ==, cases[i].out);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui-format/missing-rate/currency", test_missing_rate_currency);
  g_test_add_func ("/ui-format/sentence", test_sentence);
  g_test_add_func ("/ui-format/tab-name-shortened", test_tab_name_shortened);
  g_test_add_func ("/ui-format/oc-exclusion-said-once", test_oc_exclusion_said_once);
  g_test_add_func ("/ui-format/missing-rate/after-file", test_missing_rate_after_file);
  g_test_add_func ("/ui-format/missing-rate/unpublished", test_missing_rate_unpublished);
  return g_test_run ();
}
