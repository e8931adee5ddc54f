/* ins-ui-format.h — texts the workspace shows that the core formatters do not cover */
#pragma once

#include <glib.h>

#include "core/ins-types.h"

G_BEGIN_DECLS

/* Euro cents as an agent types them: « 1234,56 » (no separators, no sign). */
char       *ins_ui_format_euro_input (gint64      cents);

/* A missing piece, by the page tag that proves it: « Factures acquittées et détaillées »… */
const char *ins_ui_piece_label       (InsPageTag  tag);


G_END_DECLS
