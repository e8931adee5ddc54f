/* ins-backoff.h — when to try a notification again
 *
 * Exponential backoff with full jitter: the ceiling doubles with each attempt
 * from @base_ms up to @cap_ms, and the delay is drawn uniformly between 0 and
 * that ceiling, so relays that failed together do not retry together.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* min(@cap_ms, @base_ms × 2^(@attempt − 1)); @attempt counts from 1. */
gint64 ins_backoff_ceiling_ms (int    attempt,
                               gint64 base_ms,
                               gint64 cap_ms);

/* The delay for @attempt given @random, uniform in [0, 1). */
gint64 ins_backoff_delay_ms   (int    attempt,
                               gint64 base_ms,
                               gint64 cap_ms,
                               double random);

G_END_DECLS
