/* ins-affaire-texts.c — what the affaire panel says of a declaration, as text */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-country.h"
#include "core/ins-ecb-rates.h"
#include "core/ins-format.h"
#include "ins-affaire-texts.h"
#include "ins-ui-format.h"

/* Coded words of the declaration ------------------------------------------- */

typedef struct {
  const char *code;
  const char *label;
} CodeLabel;

static const CodeLabel nationalities[] = {
  { "francaise", N_("French") },
  { "ue_eee_ru_suisse", N_("National of the EU, the EEA, the United Kingdom or Switzerland") },
  { "autre", N_("Other") },
};

static const CodeLabel situations[] = {
  { "salarie", N_("Employee or self-employed") },
  { "etudiant", N_("Student or trainee") },
  { "demandeur_emploi", N_("Compensated by Pôle emploi") },
  { "frontalier_suisse", N_("Swiss cross-border worker") },
  { "retraite", N_("Retired") },
  { "invalidite_rente", N_("Invalidity pensioner or AT/MP annuitant") },
  { "autre", N_("Other") },
};

static const CodeLabel natures[] = {
  { "maladie", N_("Illness or non-occupational accident") },
  { "ald", N_("Long-term illness (ALD)") },
  { "maternite", N_("Maternity") },
  { "at_mp", N_("Occupational accident or disease (AT/MP)") },
  { "tiers", N_("Accident caused by a third party") },
};

static const CodeLabel stay_motifs[] = {
  { "tourisme", N_("Tourism") },
  { "etudes", N_("Studies") },
  { "detachement", N_("Posting by the employer") },
  { "soins_programmes", N_("Planned care") },
  { "frontalier", N_("Cross-border work") },
  { "autre", N_("Other") },
};

static const char *
code_label (const CodeLabel *table, gsize n, const char *code)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (table[i].code, code) == 0)
      return _(table[i].label);
  return code ? code : "";
}

#define CODE_LABEL(table, code) code_label (table, G_N_ELEMENTS (table), code)

const char *
ins_affaire_text_code (InsAffaireCode kind, const char *code)
{
  switch (kind)
    {
    case INS_AFFAIRE_CODE_NATIONALITY: return CODE_LABEL (nationalities, code);
    case INS_AFFAIRE_CODE_SITUATION:   return CODE_LABEL (situations, code);
    case INS_AFFAIRE_CODE_NATURE:      return CODE_LABEL (natures, code);
    case INS_AFFAIRE_CODE_STAY_MOTIF:  return CODE_LABEL (stay_motifs, code);
    default:                           return code ? code : "";
    }
}

const char *
ins_affaire_text_yes_no (gboolean value)
{
  return value ? _("Yes") : _("No");
}

/* Texts ---------------------------------------------------------------------- */

char *
ins_affaire_text_date (const GDate *date)
{
  return g_date_valid (date) ? ins_format_gdate_long (date) : g_strdup ("");
}

char *
ins_affaire_text_period (const GDate *from, const GDate *to)
{
  g_autofree char *a = ins_affaire_text_date (from);
  g_autofree char *b = ins_affaire_text_date (to);

  /* TRANSLATORS: a period of dates, "from 2 March 2026 to 14 March 2026" */
  return g_strdup_printf (_("from %s to %s"), a, b);
}

/* « Japon (hors UE/EEE) »; the zone is left out where it is the country itself (Suisse, Royaume-Uni). */
char *
ins_affaire_text_country (const InsCountry *country, const char *code)
{
  if (country == NULL)
    return g_strdup (code);
  if (country->zone == INS_ZONE_CH || country->zone == INS_ZONE_UK)
    return g_strdup (country->name);
  return g_strdup_printf ("%s (%s)", country->name, ins_country_zone_label (country->zone));
}

char *
ins_affaire_text_amount (InsAffaire *a)
{
  g_autofree char *declared = ins_format_amount (a->amount_minor, a->currency);
  const InsCurrency *currency = ins_currency_lookup (a->currency);
  InsRate rate;
  GDate rate_date;
  gint64 cents;

  if (g_strcmp0 (a->currency, "EUR") == 0)
    return g_steal_pointer (&declared);
  if (a->soins == NULL || currency == NULL
      || !ins_ecb_rates_lookup (ins_ecb_rates_get_default (), a->currency, &a->soins->care_from,
                                &rate, &rate_date)
      || !ins_money_to_euro_cents (currency, a->amount_minor, rate, &cents, NULL))
    {
      g_autofree char *reason = ins_ui_missing_rate_reason (a->currency,
                                                            a->soins ? &a->soins->care_from : NULL);

      /* TRANSLATORS: "222 XPF (The ECB publishes no reference rate for the XPF. The rate is entered with the decision.)" */
      return g_strdup_printf (_("%s (%s The rate is entered with the decision.)"), declared, reason);
    }
  {
    g_autofree char *euros = ins_format_euros (cents);
    g_autofree char *rate_text = ins_format_rate (a->currency, rate);
    g_autofree char *date_text = ins_format_gdate_long (&rate_date);

    /* TRANSLATORS: "222 JPY ≈ 1,38 € (ECB rate of 14 March 2026: 1 € = 161,2300 JPY)" */
    return g_strdup_printf (_("%s ≈ %s (ECB rate of %s: %s)"), declared, euros, date_text, rate_text);
  }
}
