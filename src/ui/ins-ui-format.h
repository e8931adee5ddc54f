/* ins-ui-format.h — texts the workspace shows that the core formatters do not cover */
#pragma once

#include <glib.h>

#include "core/ins-types.h"

G_BEGIN_DECLS

/* Euro cents as an agent types them: « 1234,56 » (no separators, no sign). */
char       *ins_ui_format_euro_input (gint64      cents);

/* A missing piece, by the page tag that proves it: « Factures acquittées et détaillées »… */
const char *ins_ui_piece_label       (InsPageTag  tag);

/* Why no ECB reference rate exists for @currency on @date, as a sentence: the
 * ECB does not publish that currency, the rates file ends before @date, or the
 * ECB published nothing for it that day. */
char       *ins_ui_missing_rate_reason (const char  *currency,
                                        const GDate *date);

/* @text as a sentence: a capital first letter and a full stop at the end (unless
 * it ends with . ! ? or …). The probe says « document endommagé ou illisible »
 * where a tooltip or a status page wants « Document endommagé ou illisible. ». */
char       *ins_ui_sentence            (const char  *text);

G_END_DECLS
