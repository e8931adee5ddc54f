/* ins-format.c — French presentation of dates, amounts and rates */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include <string.h>

#include "ins-currency.h"
#include "ins-format.h"

#ifndef __SIZEOF_INT128__
#error "ins-format.c needs a compiler with 128-bit integers"
#endif

#define NNBSP "\u202f"  /* between thousands */
#define NBSP "\u00a0"   /* before a unit */

static const char *months[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
  "septembre", "octobre", "novembre", "décembre",
};

static char *
long_date (int day, int month, int year)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  if (day == 1)
    return g_strdup_printf ("1er %s %d", months[month - 1], year);
  return g_strdup_printf ("%d %s %d", day, months[month - 1], year);
}

char *
ins_format_date_long (GDateTime *dt)
{
  int y, m, d;

  g_return_val_if_fail (dt != NULL, NULL);

  g_date_time_get_ymd (dt, &y, &m, &d);
  return long_date (d, m, y);
}

char *
ins_format_date_short (GDateTime *dt)
{
  int y, m, d;

  g_return_val_if_fail (dt != NULL, NULL);

  g_date_time_get_ymd (dt, &y, &m, &d);
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

/* « DATE à 10 h 42 », taking @date. */
static char *
at_time_of_day (char *date, GDateTime *dt)
{
  g_autofree char *owned = date;

  return g_strdup_printf ("%s à %d h %02d", owned, g_date_time_get_hour (dt), g_date_time_get_minute (dt));
}

char *
ins_format_date_time (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  return at_time_of_day (ins_format_date_short (dt), dt);
}

char *
ins_format_date_time_long (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  return at_time_of_day (ins_format_date_long (dt), dt);
}

char *
ins_format_gdate_long (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return long_date (g_date_get_day (date), g_date_get_month (date), g_date_get_year (date));
}

char *
ins_format_gdate_short (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (date),
                          (int) g_date_get_month (date), g_date_get_year (date));
}

/* Appends @value with a narrow no-break space between groups of three. */
static void
append_grouped (GString *out, unsigned __int128 value)
{
  char digits[48];
  int len = 0;

  do
    {
      digits[len++] = (char) ('0' + (int) (value % 10));
      value /= 10;
    }
  while (value > 0);

  for (int i = len - 1; i >= 0; i--)
    {
      g_string_append_c (out, digits[i]);
      if (i > 0 && i % 3 == 0)
        g_string_append (out, NNBSP);
    }
}

/* @magnitude / 10^@decimals written with a decimal comma. */
static void
append_decimal (GString *out, unsigned __int128 magnitude, guint decimals)
{
  unsigned __int128 scale = 1;
  char fraction[40];

  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  append_grouped (out, magnitude / scale);
  if (decimals == 0)
    return;

  magnitude %= scale;
  for (int i = (int) decimals - 1; i >= 0; i--)
    {
      fraction[i] = (char) ('0' + (int) (magnitude % 10));
      magnitude /= 10;
    }
  fraction[decimals] = '\0';
  g_string_append_c (out, ',');
  g_string_append (out, fraction);
}

static char *
format_minor (gint64 minor, guint decimals, const char *unit)
{
  GString *out = g_string_new (NULL);
  unsigned __int128 magnitude = minor < 0 ? (unsigned __int128) (-(minor + 1)) + 1 : (unsigned __int128) minor;

  if (minor < 0)
    g_string_append_c (out, '-');
  append_decimal (out, magnitude, decimals);
  g_string_append (out, NBSP);
  g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

char *
ins_format_euros (gint64 cents)
{
  return format_minor (cents, 2, "€");
}

char *
ins_format_amount (gint64      minor,
                   const char *currency)
{
  const InsCurrency *c;

  g_return_val_if_fail (currency != NULL, NULL);

  if (g_str_equal (currency, "EUR"))
    return ins_format_euros (minor);
  c = ins_currency_lookup (currency);
  return format_minor (minor, c != NULL ? c->minor_units : 2, currency);
}

char *
ins_format_rate (const char *currency,
                 InsRate     rate)
{
  GString *out;
  guint decimals = 10;

  g_return_val_if_fail (currency != NULL, NULL);

  while (decimals > 4 && rate % 10 == 0)
    {
      rate /= 10;
      decimals--;
    }
  out = g_string_new ("1" NBSP "€ = ");
  append_decimal (out, rate, decimals);
  g_string_append (out, NBSP);
  g_string_append (out, currency);
  return g_string_free (out, FALSE);
}

char *
ins_format_rate_inverse (const char *currency,
                         InsRate     rate)
{
  GString *out;
  unsigned __int128 numerator = INS_RATE_SCALE, value = 0;
  guint decimals;

  g_return_val_if_fail (currency != NULL, NULL);
  g_return_val_if_fail (rate > 0, NULL);

  /* The fewest decimals giving 4 significant digits of 1 / rate. */
  for (decimals = 0; decimals <= 24; decimals++)
    {
      value = (2 * numerator + rate) / (2 * (unsigned __int128) rate);
      if (value >= 1000)
        break;
      numerator *= 10;
    }
  out = g_string_new ("1" NBSP);
  g_string_append (out, currency);
  g_string_append (out, " = ");
  append_decimal (out, value, decimals);
  g_string_append (out, NBSP "€");
  return g_string_free (out, FALSE);
}

char *
ins_format_integer (gint64 value)
{
  GString *out = g_string_new (NULL);

  if (value < 0)
    g_string_append_c (out, '-');
  append_grouped (out, value < 0 ? (unsigned __int128) (-(value + 1)) + 1 : (unsigned __int128) value);
  return g_string_free (out, FALSE);
}

char *
ins_format_name_short (const char *name)
{
  const char *space = name ? strchr (name, ' ') : NULL;
  GString *initials;

  if (space == NULL)
    return g_strdup (name ? name : "");
  initials = g_string_new (NULL);
  for (const char *part = name; part < space; )
    {
      const char *dash = memchr (part, '-', (gsize) (space - part));

      g_string_append_unichar (initials, g_utf8_get_char (part));
      g_string_append_c (initials, '.');
      if (dash == NULL)
        break;
      g_string_append_c (initials, '-');
      part = dash + 1;
    }
  g_string_append (initials, space);
  return g_string_free (initials, FALSE);
}
