/* ins-ecb-rates.h — the ECB euro reference rates (data/ecb/eurofxref-hist.csv)
 *
 * One row per TARGET working day, one column per currency, "N/A" where the ECB
 * published nothing. The reference rate for a date is the one of the last row
 * on or before it; there is none when that row says N/A, or the date lies
 * outside the file: the agent then enters the rate and its source.
 */
#pragma once

#include <gio/gio.h>

#include "ins-money.h"

G_BEGIN_DECLS

typedef struct _InsEcbRates InsEcbRates;

/* Parses the CSV in @csv; NULL with a G_IO_ERROR_INVALID_DATA error saying the
 * line when it is malformed. */
InsEcbRates *ins_ecb_rates_new_from_bytes (GBytes       *csv,
                                           GError      **error);

/* The history compiled into the program (/fr/ameli/Instruction/data/
 * eurofxref-hist.csv), parsed once on first use, from any thread; never freed. */
InsEcbRates *ins_ecb_rates_get_default    (void);

/* The same, loaded on a worker thread the first time: call it at start-up so
 * that the main loop never waits for the parse. Fails (rather than aborts)
 * when the resources are gone, as while the process exits. */
void         ins_ecb_rates_get_default_async  (GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
InsEcbRates *ins_ecb_rates_get_default_finish (GAsyncResult        *result,
                                               GError             **error);

void         ins_ecb_rates_free           (InsEcbRates  *self);

/* First and last date of the file. */
void         ins_ecb_rates_get_range      (InsEcbRates  *self,
                                           GDate        *first,
                                           GDate        *last);

/* Whether the file has a column for @currency ("USD"). */
gboolean     ins_ecb_rates_has_currency   (InsEcbRates  *self,
                                           const char   *currency);

/* The reference rate of @currency for @date: TRUE with @out_rate (exact) and
 * @out_rate_date (the row used; either may be NULL), FALSE when there is none.
 * EUR gives 1 at @date. */
gboolean     ins_ecb_rates_lookup         (InsEcbRates  *self,
                                           const char   *currency,
                                           const GDate  *date,
                                           InsRate      *out_rate,
                                           GDate        *out_rate_date);

/* Same, with the rate as its decimal text ("161.23"), newly allocated. */
gboolean     ins_ecb_rates_lookup_string  (InsEcbRates  *self,
                                           const char   *currency,
                                           const GDate  *date,
                                           char        **out_rate,
                                           GDate        *out_rate_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsEcbRates, ins_ecb_rates_free)

G_END_DECLS
