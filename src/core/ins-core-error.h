/* ins-core-error.h — the error domain of the domain values (NIR, amounts,
 * currencies, rates); the status machine keeps its own INS_RULES_ERROR */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define INS_CORE_ERROR (ins_core_error_quark ())

typedef enum {
  INS_CORE_ERROR_NIR_LENGTH,         /* not 15 characters */
  INS_CORE_ERROR_NIR_CHARACTER,      /* a character not allowed at its position */
  INS_CORE_ERROR_NIR_SEX,            /* first digit not 1, 2, 3, 4, 7 or 8 */
  INS_CORE_ERROR_NIR_MONTH,          /* month not 01–12, 20–42 or 50–99 */
  INS_CORE_ERROR_NIR_KEY,            /* the key does not match */
  INS_CORE_ERROR_CURRENCY_UNKNOWN,   /* not an ISO 4217 code we know */
  INS_CORE_ERROR_CURRENCY_NOT_TENDER,/* a fund, metal or accounting unit */
  INS_CORE_ERROR_AMOUNT_SYNTAX,      /* not a decimal amount */
  INS_CORE_ERROR_AMOUNT_PRECISION,   /* more decimals than the currency has */
  INS_CORE_ERROR_AMOUNT_RANGE,       /* too large */
  INS_CORE_ERROR_RATE_INVALID,       /* not a positive decimal with at most 10 decimals */
} InsCoreError;

GQuark ins_core_error_quark (void);

G_END_DECLS
