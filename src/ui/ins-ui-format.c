/* ins-ui-format.c — texts the workspace shows that the core formatters do not cover */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/ins-ecb-rates.h"
#include "core/ins-format.h"
#include "ins-ui-format.h"

char *
ins_ui_format_euro_input (gint64 cents)
{
  if (cents < 0)
    cents = 0;
  return g_strdup_printf ("%" G_GINT64_FORMAT ",%02d", cents / 100, (int) (cents % 100));
}

const char *
ins_ui_piece_label (InsPageTag tag)
{
  switch (tag)
    {
    case INS_PAGE_TAG_FACTURE:                 return _("Paid and itemised invoices");
    case INS_PAGE_TAG_PREUVE_PAIEMENT:         return _("Proofs of payment");
    case INS_PAGE_TAG_PRESCRIPTION:            return _("Medical prescriptions");
    case INS_PAGE_TAG_AUTORISATION_PREALABLE:  return _("Prior authorisation (S2 form, dialysis authorisation, DA1)");
    case INS_PAGE_TAG_ATTESTATION_DETACHEMENT: return _("Mission order or posting certificate");
    case INS_PAGE_TAG_AUTRE:                   return _("Other piece");
    case INS_PAGE_TAG_NONE:
    case INS_N_PAGE_TAGS:
    default:                                   return "";
    }
}

char *
ins_ui_missing_rate_reason (const char  *currency,
                            const GDate *date)
{
  InsEcbRates *rates = ins_ecb_rates_get_default ();
  GDate first, last;

  if (currency == NULL || !ins_ecb_rates_has_currency (rates, currency))
    /* TRANSLATORS: "The ECB publishes no reference rate for the MAD." */
    return g_strdup_printf (_("The ECB publishes no reference rate for the %s."), currency ? currency : "");

  ins_ecb_rates_get_range (rates, &first, &last);
  if (date != NULL && g_date_valid (date) && g_date_compare (date, &last) > 0)
    {
      g_autofree char *last_text = ins_format_gdate_long (&last);

      /* TRANSLATORS: "The ECB rates held here end on 13 April 2026." */
      return g_strdup_printf (_("The ECB rates held here end on %s."), last_text);
    }
  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *date_text = ins_format_gdate_long (date);

      /* TRANSLATORS: "The ECB published no rate for the GBP on 3 January 1999." */
      return g_strdup_printf (_("The ECB published no rate for the %s on %s."), currency, date_text);
    }
  return g_strdup (_("The date of care is unknown."));
}

char *
ins_ui_sentence (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  const char *rest;
  g_autofree char *first = NULL;
  gunichar last;

  if (stripped[0] == '\0')
    return g_strdup ("");
  rest = g_utf8_next_char (stripped);
  first = g_utf8_strup (stripped, rest - stripped);
  last = g_utf8_get_char (g_utf8_prev_char (stripped + strlen (stripped)));
  return g_strconcat (first, rest,
                      last == '.' || last == '!' || last == '?' || last == 0x2026 ? "" : ".", NULL);
}
