/* ins-core-error.c — the error domain of the domain values */
#include "config.h"

#include "ins-core-error.h"

G_DEFINE_QUARK (ins-core-error-quark, ins_core_error)
