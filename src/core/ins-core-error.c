/* ins-core-error.c — the error domain of the domain values */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include "ins-core-error.h"

G_DEFINE_QUARK (ins-core-error-quark, ins_core_error)
