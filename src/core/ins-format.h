/* ins-format.h — French presentation of dates, amounts and rates, whatever
 * the process locale (the product is French)
 *
 * Thousands are separated by U+202F (narrow no-break space), the euro sign is
 * preceded by U+00A0 (no-break space), the decimal separator is a comma.
 */
#pragma once

#include <glib.h>

#include "ins-money.h"

G_BEGIN_DECLS

/* « 22 novembre 2026 » (« 1er mai 2026 »), in @dt's time zone. */
char *ins_format_date_long      (GDateTime   *dt);
/* « 22/11/2026 », in @dt's time zone. */
char *ins_format_date_short     (GDateTime   *dt);
/* « 22/11/2026 à 10 h 42 », in @dt's time zone. */
char *ins_format_date_time      (GDateTime   *dt);
/* « 22 novembre 2026 à 10 h 42 », in @dt's time zone. */
char *ins_format_date_time_long (GDateTime   *dt);

/* The same for a calendar date. */
char *ins_format_gdate_long     (const GDate *date);
char *ins_format_gdate_short    (const GDate *date);

/* « 1 234,56 € » from euro cents. */
char *ins_format_euros          (gint64       cents);

/* An amount in minor units of @currency: « 222 JPY », « 1 234,500 KWD »;
 * EUR as ins_format_euros(). Unknown codes are shown with 2 decimals. */
char *ins_format_amount         (gint64       minor,
                                 const char  *currency);

/* « 1 € = 161,2300 JPY » (at least 4 decimals, as the ECB shows them). */
char *ins_format_rate           (const char  *currency,
                                 InsRate      rate);

/* The inverse display: « 1 JPY = 0,006202 € » (4 significant digits, half
 * up). */
char *ins_format_rate_inverse   (const char  *currency,
                                 InsRate      rate);

/* An integer with French thousands separators: « 1 234 567 ». */
char *ins_format_integer        (gint64       value);

/* A name short enough for a narrow column, the first names as initials:
 * « Marie Dupont » → « M. Dupont », « Jean-Pierre Martin » → « J.-P. Martin ».
 * A single word is kept; NULL gives "". */
char *ins_format_name_short     (const char  *name);

G_END_DECLS
