/* ins-currency.h — ISO 4217 currencies with their minor units and French names
 *
 * The table holds every active code, plus the withdrawn ones that appear in
 * the ECB history (CYP, EEK, HRK, LTL, LVL, MTL, ROL, SIT, SKK, TRL). Names are
 * reference data in French (the product's language, from ISO's French edition),
 * not user-interface strings.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  INS_CURRENCY_TENDER,     /* a currency people pay with */
  INS_CURRENCY_WITHDRAWN,  /* replaced (e.g. by the euro) but in the ECB history */
  INS_CURRENCY_SPECIAL,    /* fund, precious metal, accounting unit, test code */
} InsCurrencyKind;

typedef struct {
  const char      *code;         /* "JPY" */
  guint16          numeric;      /* 392 */
  guint8           minor_units;  /* 0 for JPY, 2 for EUR, 3 for KWD */
  InsCurrencyKind  kind;
  const char      *name;         /* « Yen » */
} InsCurrency;

/* The currency of upper-case @code, or NULL when unknown. */
const InsCurrency *ins_currency_lookup      (const char  *code);

/* The whole table, sorted by code; @n_currencies receives its length. */
const InsCurrency *ins_currency_get_all     (guint       *n_currencies);

/* Parses @text ("1234.5", "1 234,50", "222") into integer minor units of
 * @currency (which must be INS_CURRENCY_TENDER or WITHDRAWN), strictly: one
 * decimal separator ('.' or ','), thousands separated by spaces (also U+00A0,
 * U+202F) in groups of three, at most minor_units decimals, no sign, at most
 * 10^15 minor units. Errors are INS_CORE_ERROR. */
gboolean ins_currency_parse_amount (const InsCurrency *currency,
                                    const char        *text,
                                    gint64            *out_minor,
                                    GError           **error);

G_END_DECLS
