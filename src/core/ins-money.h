/* ins-money.h — conversions between a currency and the euro, exact
 *
 * Amounts are integer minor units; rates follow the ECB: units of the currency
 * for 1 euro, a decimal string with at most 10 decimals ("161.23"). Integer
 * arithmetic only (128-bit), rounding half up (away from zero).
 */
#pragma once

#include <glib.h>

#include "ins-currency.h"

G_BEGIN_DECLS

/* A rate held exactly as rate × 10^10. */
typedef guint64 InsRate;

#define INS_RATE_SCALE G_GUINT64_CONSTANT (10000000000)

/* Parses "161.23" (or "161,23"); refuses zero, negatives, more than 10
 * decimals and rates of 10^9 or more (INS_CORE_ERROR_RATE_INVALID). */
gboolean ins_rate_parse             (const char        *text,
                                     InsRate           *out_rate,
                                     GError           **error);

/* The canonical decimal text of @rate ("161.23", no trailing zeros). */
char    *ins_rate_to_string         (InsRate            rate);

/* @amount minor units of @currency to euro cents at @rate, half up.
 * Refuses |amount| > 10^15 (INS_CORE_ERROR_AMOUNT_RANGE). */
gboolean ins_money_to_euro_cents    (const InsCurrency *currency,
                                     gint64             amount,
                                     InsRate            rate,
                                     gint64            *out_cents,
                                     GError           **error);

/* The inverse: @cents euro cents in minor units of @currency at @rate, half
 * up (to show what a euro amount is worth in the declared currency). */
gboolean ins_money_from_euro_cents  (const InsCurrency *currency,
                                     gint64             cents,
                                     InsRate            rate,
                                     gint64            *out_amount,
                                     GError           **error);

G_END_DECLS
