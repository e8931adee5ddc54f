/* ins-notify-error.c — the notification layer's error domain */
#define G_LOG_DOMAIN "ins-notify"

#include "config.h"

#include "ins-notify-error.h"

G_DEFINE_QUARK (ins-notify-error-quark, ins_notify_error)
