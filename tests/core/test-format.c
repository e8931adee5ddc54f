/* test-format.c — French dates, amounts and rates whatever the locale */
#include "config.h"

#include <locale.h>

#include "core/ins-format.h"

#define NNBSP "\u202f"
#define NBSP "\u00a0"

#define CHECK(expr, expected)                        \
  G_STMT_START {                                     \
    g_autofree char *s_ = (expr);                    \
    g_assert_cmpstr (s_, ==, (expected));            \
  } G_STMT_END

static void
test_dates (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) dt = g_date_time_new (paris, 2026, 11, 22, 10, 42, 7);
  g_autoptr(GDateTime) first = g_date_time_new (paris, 2026, 5, 1, 9, 5, 0);
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 12, 31, 23, 30, 0);
  g_autoptr(GDateTime) utc_in_paris = g_date_time_to_timezone (utc, paris);
  GDate date;

  CHECK (ins_format_date_long (dt), "22 novembre 2026");
  CHECK (ins_format_date_short (dt), "22/11/2026");
  CHECK (ins_format_date_time (dt), "22/11/2026 à 10 h 42");
  CHECK (ins_format_date_long (first), "1er mai 2026");
  CHECK (ins_format_date_time (first), "01/05/2026 à 9 h 05");
  CHECK (ins_format_date_time_long (dt), "22 novembre 2026 à 10 h 42");
  CHECK (ins_format_date_time_long (first), "1er mai 2026 à 9 h 05");
  /* Shown in the time zone of the value given. */
  CHECK (ins_format_date_long (utc), "31 décembre 2026");
  CHECK (ins_format_date_time (utc_in_paris), "01/01/2027 à 0 h 30");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 14, G_DATE_AUGUST, 2025);
  CHECK (ins_format_gdate_long (&date), "14 août 2025");
  CHECK (ins_format_gdate_short (&date), "14/08/2025");
  g_date_set_dmy (&date, 1, G_DATE_FEBRUARY, 1999);
  CHECK (ins_format_gdate_long (&date), "1er février 1999");
}

static void
test_amounts (void)
{
  CHECK (ins_format_euros (123456), "1" NNBSP "234,56" NBSP "€");
  CHECK (ins_format_euros (5), "0,05" NBSP "€");
  CHECK (ins_format_euros (0), "0,00" NBSP "€");
  CHECK (ins_format_euros (-123456), "-1" NNBSP "234,56" NBSP "€");
  CHECK (ins_format_euros (123456789012), "1" NNBSP "234" NNBSP "567" NNBSP "890,12" NBSP "€");
  CHECK (ins_format_euros (G_MININT64), "-92" NNBSP "233" NNBSP "720" NNBSP "368" NNBSP "547" NNBSP "758,08" NBSP "€");
  CHECK (ins_format_amount (222, "JPY"), "222" NBSP "JPY");
  CHECK (ins_format_amount (1234500, "KWD"), "1" NNBSP "234,500" NBSP "KWD");
  CHECK (ins_format_amount (100000, "USD"), "1" NNBSP "000,00" NBSP "USD");
  CHECK (ins_format_amount (123450, "EUR"), "1" NNBSP "234,50" NBSP "€");
  CHECK (ins_format_amount (1234567, "VND"), "1" NNBSP "234" NNBSP "567" NBSP "VND");
  CHECK (ins_format_amount (1999, "ZZZ"), "19,99" NBSP "ZZZ");
  CHECK (ins_format_integer (1234567), "1" NNBSP "234" NNBSP "567");
  CHECK (ins_format_integer (999), "999");
  CHECK (ins_format_integer (-1000), "-1" NNBSP "000");
}

static InsRate
rate (const char *text)
{
  InsRate r = 0;

  g_assert_true (ins_rate_parse (text, &r, NULL));
  return r;
}

static void
test_rates (void)
{
  CHECK (ins_format_rate ("JPY", rate ("161.23")), "1" NBSP "€ = 161,2300" NBSP "JPY");
  CHECK (ins_format_rate ("GBP", rate ("0.87058")), "1" NBSP "€ = 0,87058" NBSP "GBP");
  CHECK (ins_format_rate ("IDR", rate ("20082.05")), "1" NBSP "€ = 20" NNBSP "082,0500" NBSP "IDR");
  CHECK (ins_format_rate ("XOF", rate ("655.957")), "1" NBSP "€ = 655,9570" NBSP "XOF");
  CHECK (ins_format_rate ("USD", rate ("1")), "1" NBSP "€ = 1,0000" NBSP "USD");
  CHECK (ins_format_rate ("ZZZ", rate ("0.0000000001")), "1" NBSP "€ = 0,0000000001" NBSP "ZZZ");
  CHECK (ins_format_rate_inverse ("JPY", rate ("161.23")), "1" NBSP "JPY = 0,006202" NBSP "€");
  CHECK (ins_format_rate_inverse ("GBP", rate ("0.87058")), "1" NBSP "GBP = 1,149" NBSP "€");
  CHECK (ins_format_rate_inverse ("USD", rate ("2")), "1" NBSP "USD = 0,5000" NBSP "€");
  CHECK (ins_format_rate_inverse ("XXX", rate ("0.001")), "1" NBSP "XXX = 1" NNBSP "000" NBSP "€");
}

static void
test_locale_independent (void)
{
  /* Whatever the process locale: formats never go through it. */
  const char *locales[] = { "C.UTF-8", "en_US.UTF-8", "de_DE.UTF-8" };

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      setlocale (LC_ALL, locales[i]);
      CHECK (ins_format_euros (123456), "1" NNBSP "234,56" NBSP "€");
      CHECK (ins_format_rate ("JPY", rate ("161.23")), "1" NBSP "€ = 161,2300" NBSP "JPY");
    }
  setlocale (LC_ALL, "");
}

/* Names for a narrow column: first names as initials, compound ones too. */
static void
test_names_short (void)
{
  static const char * const names[][2] = {
    { "Marie Dupont", "M. Dupont" },
    { "Jean-Pierre Martin", "J.-P. Martin" },
    { "Élodie Le Gall", "É. Le Gall" },
    { "Karim", "Karim" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = ins_format_name_short (names[i][0]);

      g_assert_cmpstr (text, ==, names[i][1]);
    }
  {
    g_autofree char *none = ins_format_name_short (NULL);

    g_assert_cmpstr (none, ==, "");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/amounts", test_amounts);
  g_test_add_func ("/format/rates", test_rates);
  g_test_add_func ("/format/locale-independent", test_locale_independent);
  g_test_add_func ("/format/names-short", test_names_short);
  return g_test_run ();
}
