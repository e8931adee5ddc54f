/* ins-money.c — exact conversions between a currency and the euro */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-core-error.h"
#include "ins-money.h"

#ifndef __SIZEOF_INT128__
#error "ins-money.c needs a compiler with 128-bit integers"
#endif

typedef unsigned __int128 u128;

#define MAX_AMOUNT G_GUINT64_CONSTANT (1000000000000000)
#define MAX_RATE_DECIMALS 10

static gboolean
rate_error (GError **error)
{
  g_set_error_literal (error, INS_CORE_ERROR, INS_CORE_ERROR_RATE_INVALID,
                       _("The rate must be a positive number of units for 1 euro, with at most 10 decimals, such as 161.23"));
  return FALSE;
}

gboolean
ins_rate_parse (const char  *text,
                InsRate     *out_rate,
                GError     **error)
{
  guint64 integer = 0, fraction = 0;
  guint n_integer = 0, n_fraction = 0;
  gboolean in_fraction = FALSE;

  g_return_val_if_fail (out_rate != NULL, FALSE);

  if (text == NULL)
    return rate_error (error);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (in_fraction)
            {
              if (++n_fraction > MAX_RATE_DECIMALS)
                return rate_error (error);
              fraction = fraction * 10 + (guint64) (*p - '0');
            }
          else
            {
              integer = integer * 10 + (guint64) (*p - '0');
              n_integer++;
              if (integer >= G_GUINT64_CONSTANT (1000000000))
                return rate_error (error);
            }
        }
      else if ((*p == '.' || *p == ',') && !in_fraction && n_integer > 0)
        in_fraction = TRUE;
      else
        return rate_error (error);
    }

  if (n_integer == 0 || (in_fraction && n_fraction == 0))
    return rate_error (error);

  for (guint i = n_fraction; i < MAX_RATE_DECIMALS; i++)
    fraction *= 10;

  if (integer == 0 && fraction == 0)
    return rate_error (error);
  *out_rate = integer * INS_RATE_SCALE + fraction;
  return TRUE;
}

char *
ins_rate_to_string (InsRate rate)
{
  char fraction[MAX_RATE_DECIMALS + 1];
  int len;

  if (rate % INS_RATE_SCALE == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, rate / INS_RATE_SCALE);

  g_snprintf (fraction, sizeof fraction, "%010" G_GUINT64_FORMAT, rate % INS_RATE_SCALE);
  for (len = MAX_RATE_DECIMALS; len > 0 && fraction[len - 1] == '0'; len--)
    fraction[len - 1] = '\0';
  return g_strdup_printf ("%" G_GUINT64_FORMAT ".%s", rate / INS_RATE_SCALE, fraction);
}

static u128
pow10_128 (guint n)
{
  u128 r = 1;

  while (n-- > 0)
    r *= 10;
  return r;
}

/* round (numerator / denominator), half up, into a gint64 with @negative sign. */
static gboolean
divide_half_up (u128 numerator, u128 denominator, gboolean negative, gint64 *out, GError **error)
{
  u128 q = numerator / denominator;
  u128 r = numerator % denominator;

  if (r >= denominator - r)
    q++;
  if (q > (u128) G_MAXINT64)
    {
      g_set_error_literal (error, INS_CORE_ERROR, INS_CORE_ERROR_AMOUNT_RANGE,
                           _("The amount is too large"));
      return FALSE;
    }
  *out = negative ? -(gint64) q : (gint64) q;
  return TRUE;
}

static gboolean
check_inputs (const InsCurrency *currency, gint64 amount, InsRate rate, GError **error)
{
  if (rate == 0 || rate >= G_GUINT64_CONSTANT (1000000000) * INS_RATE_SCALE)
    return rate_error (error);
  if (amount > (gint64) MAX_AMOUNT || amount < -(gint64) MAX_AMOUNT)
    {
      g_set_error_literal (error, INS_CORE_ERROR, INS_CORE_ERROR_AMOUNT_RANGE,
                           _("The amount is too large"));
      return FALSE;
    }
  return TRUE;
}

gboolean
ins_money_to_euro_cents (const InsCurrency *currency,
                         gint64             amount,
                         InsRate            rate,
                         gint64            *out_cents,
                         GError           **error)
{
  u128 magnitude;

  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (currency->minor_units <= 4, FALSE);
  g_return_val_if_fail (out_cents != NULL, FALSE);

  if (!check_inputs (currency, amount, rate, error))
    return FALSE;

  /* cents = amount / 10^mu * 100 / (rate / 10^10) */
  magnitude = (u128) (amount < 0 ? -amount : amount);
  return divide_half_up (magnitude * pow10_128 (12 - currency->minor_units), rate,
                         amount < 0, out_cents, error);
}

gboolean
ins_money_from_euro_cents (const InsCurrency *currency,
                           gint64             cents,
                           InsRate            rate,
                           gint64            *out_amount,
                           GError           **error)
{
  u128 magnitude;

  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (currency->minor_units <= 4, FALSE);
  g_return_val_if_fail (out_amount != NULL, FALSE);

  if (!check_inputs (currency, cents, rate, error))
    return FALSE;

  /* amount = cents / 100 * rate / 10^10 * 10^mu */
  magnitude = (u128) (cents < 0 ? -cents : cents);
  return divide_half_up (magnitude * rate * pow10_128 (currency->minor_units), pow10_128 (12),
                         cents < 0, out_amount, error);
}
