/* ins-ui-format.c — texts the workspace shows that the core formatters do not cover */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

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
