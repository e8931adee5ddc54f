/* ins-backoff.c — exponential backoff with full jitter */
#define G_LOG_DOMAIN "ins-notify"

#include "config.h"

#include "ins-backoff.h"

gint64
ins_backoff_ceiling_ms (int    attempt,
                        gint64 base_ms,
                        gint64 cap_ms)
{
  gint64 ceiling = MAX (base_ms, 0);

  cap_ms = MAX (cap_ms, 0);
  for (int i = 1; i < attempt && ceiling < cap_ms; i++)
    ceiling *= 2;
  return MIN (ceiling, cap_ms);
}

gint64
ins_backoff_delay_ms (int    attempt,
                      gint64 base_ms,
                      gint64 cap_ms,
                      double random)
{
  gint64 ceiling = ins_backoff_ceiling_ms (attempt, base_ms, cap_ms);

  random = CLAMP (random, 0.0, 1.0);
  return MIN ((gint64) (random * (double) (ceiling + 1)), ceiling);
}
