/* ins-affaire-hints.c — rule hints and the checklist of expected pieces */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-country.h"
#include "ins-affaire-hints.h"

#define OC_MAX_BENEFICIAIRES 4

gboolean
ins_affaire_has_tag (const InsAffaire *affaire, InsPageTag tag)
{
  if (affaire->attachments == NULL)
    return FALSE;
  for (guint i = 0; i < affaire->attachments->len; i++)
    {
      const InsAttachmentInfo *info = g_ptr_array_index (affaire->attachments, i);

      if (info->pages == NULL)
        continue;
      for (guint p = 0; p < info->pages->len; p++)
        if (g_array_index (info->pages, InsPageState, p).tag == tag)
          return TRUE;
    }
  return FALSE;
}

static void
add_piece (const InsAffaire *affaire, GArray *pieces, InsPageTag tag, gboolean required)
{
  InsExpectedPiece piece = { tag, required, ins_affaire_has_tag (affaire, tag) };

  g_array_append_val (pieces, piece);
}

GArray *
ins_affaire_expected_pieces (const InsAffaire *affaire)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (InsExpectedPiece));

  g_return_val_if_fail (affaire != NULL, pieces);
  if (affaire->kind != INS_KIND_SOINS_ETRANGER || affaire->soins == NULL)
    return pieces;

  add_piece (affaire, pieces, INS_PAGE_TAG_FACTURE, TRUE);
  add_piece (affaire, pieces, INS_PAGE_TAG_PREUVE_PAIEMENT, TRUE);
  add_piece (affaire, pieces, INS_PAGE_TAG_PRESCRIPTION, FALSE);
  if (affaire->soins->planned)
    add_piece (affaire, pieces, INS_PAGE_TAG_AUTORISATION_PREALABLE, TRUE);
  if (g_strcmp0 (affaire->soins->stay_motif, "detachement") == 0)
    add_piece (affaire, pieces, INS_PAGE_TAG_ATTESTATION_DETACHEMENT, TRUE);
  return pieces;
}

GStrv
ins_affaire_missing_pieces (const InsAffaire *affaire)
{
  g_autoptr(GArray) pieces = ins_affaire_expected_pieces (affaire);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < pieces->len; i++)
    {
      const InsExpectedPiece *piece = &g_array_index (pieces, InsExpectedPiece, i);

      if (piece->required && !piece->present)
        g_strv_builder_add (builder, ins_page_tag_to_nick (piece->tag));
    }
  return g_strv_builder_end (builder);
}

static gboolean
dates_cover (const GDate *from, const GDate *to, const GDate *inner_from, const GDate *inner_to)
{
  if (!g_date_valid (from) || !g_date_valid (to) || !g_date_valid (inner_from) || !g_date_valid (inner_to))
    return TRUE;
  return g_date_compare (from, inner_from) <= 0 && g_date_compare (inner_to, to) <= 0;
}

static void
soins_hints (const InsAffaire *affaire, GPtrArray *hints)
{
  const InsSoinsEtranger *soins = affaire->soins;

  if (soins->planned && !ins_affaire_has_tag (affaire, INS_PAGE_TAG_AUTORISATION_PREALABLE))
    g_ptr_array_add (hints, g_strdup (_("Planned care: no prior authorisation (S2 form, dialysis "
                                        "authorisation, DA1) among the tagged pages.")));
  if (affaire->country != NULL && !ins_country_in_eu_eea_ch_uk (affaire->country))
    {
      const InsCountry *country = ins_country_lookup (affaire->country);

      if (ins_country_is_french_com (affaire->country))
        g_ptr_array_add (hints, g_strdup_printf (_("Care in a French overseas collectivity (%s): "
                                                   "its own coordination rules apply."),
                                                 country ? country->name : affaire->country));
      else
        g_ptr_array_add (hints, g_strdup_printf (_("Care outside the EU, the EEA, Switzerland and the "
                                                   "United Kingdom (%s)."),
                                                 country ? country->name : affaire->country));
    }
  if (!dates_cover (&soins->stay_from, &soins->stay_to, &soins->care_from, &soins->care_to))
    g_ptr_array_add (hints, g_strdup (_("The dates of the stay do not cover the dates of care.")));
  if (g_strcmp0 (soins->stay_motif, "detachement") == 0
      && !ins_affaire_has_tag (affaire, INS_PAGE_TAG_ATTESTATION_DETACHEMENT))
    g_ptr_array_add (hints, g_strdup (_("Posted worker: no mission order or posting certificate among "
                                        "the tagged pages.")));
  if (!soins->certified)
    g_ptr_array_add (hints, g_strdup (_("The insured person did not certify the declaration.")));
}

static void
oc_hints (const InsAffaire *affaire, GPtrArray *hints)
{
  guint n = affaire->oc_beneficiaires ? affaire->oc_beneficiaires->len : 0;

  if (n > OC_MAX_BENEFICIAIRES)
    g_ptr_array_add (hints, g_strdup_printf (_("%u beneficiaries: not eligible to the online service "
                                               "(4 at most)."), n));
  for (guint i = 0; i < n; i++)
    {
      const InsOcBeneficiaire *b = g_ptr_array_index (affaire->oc_beneficiaires, i);

      if (b->precarity)
        g_ptr_array_add (hints, g_strdup_printf (_("%s %s: a precarity contract (Complémentaire santé "
                                                   "solidaire, CMU-C, ACS) is involved: not eligible."),
                                                 b->prenom, b->nom));
    }
}

GPtrArray *
ins_affaire_hints (const InsAffaire *affaire)
{
  GPtrArray *hints = g_ptr_array_new_with_free_func (g_free);
  guint unreadable = 0;

  g_return_val_if_fail (affaire != NULL, hints);

  if (affaire->kind == INS_KIND_SOINS_ETRANGER && affaire->soins != NULL)
    soins_hints (affaire, hints);
  else if (affaire->kind == INS_KIND_CHEVAUCHEMENT_OC)
    oc_hints (affaire, hints);
  /* The import's reason for an OC exclusion said again what the rules above
   * say more precisely (how many beneficiaries, who has a precarity contract). */
  if (affaire->excluded && (affaire->kind != INS_KIND_CHEVAUCHEMENT_OC || hints->len == 0))
    g_ptr_array_insert (hints, 0, affaire->exclusion_reason
                                  ? g_strdup_printf (_("Not eligible: %s"), affaire->exclusion_reason)
                                  : g_strdup (_("Not eligible to the online service.")));

  if (affaire->attachments != NULL)
    for (guint i = 0; i < affaire->attachments->len; i++)
      if (((InsAttachmentInfo *) g_ptr_array_index (affaire->attachments, i))->unreadable_reason != NULL)
        unreadable++;
  if (unreadable == 1)
    g_ptr_array_add (hints, g_strdup (_("One document cannot be read.")));
  else if (unreadable > 1)
    g_ptr_array_add (hints, g_strdup_printf (_("%u documents cannot be read."), unreadable));
  return hints;
}
