/* test-ecb-rates.c — the ECB history: parsing, the last rate on or before a
 * date, no rate where the ECB has none, the compiled-in file loaded once */
#include "config.h"

#include <gio/gio.h>

#include "core/ins-ecb-rates.h"

static void
set_date (GDate *date, int y, int m, int d)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/* Looks @currency up on @y-@m-@d; @expected NULL for "no rate". */
static void
assert_rate (InsEcbRates *rates, const char *currency, int y, int m, int d,
             const char *expected, int ey, int em, int ed)
{
  GDate date, rate_date, expected_date;
  g_autofree char *rate = NULL;
  gboolean found;

  set_date (&date, y, m, d);
  g_date_clear (&rate_date, 1);
  found = ins_ecb_rates_lookup_string (rates, currency, &date, &rate, &rate_date);
  if (found != (expected != NULL))
    g_error ("%s on %04d-%02d-%02d: %s", currency, y, m, d, found ? rate : "no rate");
  if (expected == NULL)
    {
      g_assert_null (rate);
      return;
    }
  g_assert_cmpstr (rate, ==, expected);
  set_date (&expected_date, ey, em, ed);
  g_assert_cmpint (g_date_compare (&rate_date, &expected_date), ==, 0);
}

static void
test_default (void)
{
  InsEcbRates *rates = ins_ecb_rates_get_default ();
  GDate first, last, date;
  InsRate r = 0;

  g_assert_nonnull (rates);
  g_assert_true (rates == ins_ecb_rates_get_default ());

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  ins_ecb_rates_get_range (rates, &first, &last);
  set_date (&date, 1999, 1, 4);
  g_assert_cmpint (g_date_compare (&first, &date), ==, 0);
  set_date (&date, 2026, 4, 13);
  g_assert_cmpint (g_date_compare (&last, &date), ==, 0);

  g_assert_true (ins_ecb_rates_has_currency (rates, "JPY"));
  g_assert_true (ins_ecb_rates_has_currency (rates, "CYP"));
  g_assert_false (ins_ecb_rates_has_currency (rates, "MAD"));
  g_assert_false (ins_ecb_rates_has_currency (rates, "EUR"));

  /* A working day, then the weekend and Christmas take the last rate before. */
  assert_rate (rates, "USD", 2026, 4, 13, "1.1684", 2026, 4, 13);
  assert_rate (rates, "USD", 2026, 4, 12, "1.1711", 2026, 4, 10);
  assert_rate (rates, "JPY", 2026, 4, 11, "186.43", 2026, 4, 10);
  assert_rate (rates, "JPY", 2025, 12, 26, "183.83", 2025, 12, 24);
  assert_rate (rates, "JPY", 1999, 1, 4, "133.73", 1999, 1, 4);
  assert_rate (rates, "CYP", 2007, 12, 31, "0.585274", 2007, 12, 31);
  assert_rate (rates, "RUB", 2022, 3, 1, "117.201", 2022, 3, 1);
  assert_rate (rates, "ISK", 2008, 12, 9, "290", 2008, 12, 9);

  /* No rate: outside the file, a withdrawn or suspended currency, a currency
   * the ECB does not cover. */
  assert_rate (rates, "USD", 1999, 1, 3, NULL, 0, 0, 0);
  assert_rate (rates, "USD", 2026, 4, 14, NULL, 0, 0, 0);
  assert_rate (rates, "CYP", 2008, 1, 2, NULL, 0, 0, 0);
  assert_rate (rates, "RUB", 2022, 3, 2, NULL, 0, 0, 0);
  assert_rate (rates, "ISK", 2009, 6, 15, NULL, 0, 0, 0);
  assert_rate (rates, "MAD", 2024, 6, 14, NULL, 0, 0, 0);
  assert_rate (rates, "XOF", 2024, 6, 14, NULL, 0, 0, 0);

  /* The euro is worth one euro, whatever the date. */
  assert_rate (rates, "EUR", 2030, 1, 1, "1", 2030, 1, 1);

  set_date (&date, 2026, 4, 13);
  g_assert_true (ins_ecb_rates_lookup (rates, "JPY", &date, &r, NULL));
  g_assert_cmpuint (r, ==, G_GUINT64_CONSTANT (1867500000000));
}

static gpointer
get_default_thread (gpointer data)
{
  return ins_ecb_rates_get_default ();
}

static void
test_default_once_across_threads (void)
{
  GThread *threads[8];
  gpointer results[8];

  /* Run in a subprocess so that the first call really races. */
  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("ecb", get_default_thread, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        results[i] = g_thread_join (threads[i]);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        {
          g_assert_nonnull (results[i]);
          g_assert_true (results[i] == results[0]);
        }
      g_assert_true (results[0] == ins_ecb_rates_get_default ());
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
on_default_ready (GObject *source, GAsyncResult *result, gpointer user_data)
{
  InsEcbRates **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ins_ecb_rates_get_default_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_default_async (void)
{
  InsEcbRates *rates = NULL;

  if (g_test_subprocess ())
    {
      ins_ecb_rates_get_default_async (NULL, on_default_ready, &rates);
      while (rates == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (rates == ins_ecb_rates_get_default ());
      g_assert_true (ins_ecb_rates_has_currency (rates, "USD"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static InsEcbRates *
from_text (const char *text, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ins_ecb_rates_new_from_bytes (bytes, error);
}

static void
test_small_file (void)
{
  /* Ascending order, CRLF, no trailing comma, a blank line: all accepted. */
  g_autoptr(GError) error = NULL;
  g_autoptr(InsEcbRates) rates = from_text ("Date,USD,XYZ\r\n"
                                            "2024-01-02,1.0956,N/A\r\n"
                                            "\r\n"
                                            "2024-01-05,1.0921,12.5\r\n", &error);

  g_assert_no_error (error);
  g_assert_nonnull (rates);
  assert_rate (rates, "USD", 2024, 1, 4, "1.0956", 2024, 1, 2);
  assert_rate (rates, "XYZ", 2024, 1, 4, NULL, 0, 0, 0);
  assert_rate (rates, "XYZ", 2024, 1, 5, "12.5", 2024, 1, 5);
}

static void
test_malformed (void)
{
  const struct { const char *text; const char *line; } cases[] = {
    { "", "line 0" },
    { "Date,USD,\n", "line 1" },
    { "Day,USD,\n2024-01-02,1.1,\n", "line 1" },
    { "Date,USDX,\n2024-01-02,1.1,\n", "line 1" },
    { "Date,USD,JPY,\n2024-01-02,1.1,\n", "line 2" },
    { "Date,USD,\n2024-01-02,1.1,\n2024-02-30,1.1,\n", "line 3" },
    { "Date,USD,\n2024-01-02,1.1,\n02/01/2024,1.1,\n", "line 3" },
    { "Date,USD,\n2024-01-02,-1.1,\n", "line 2" },
    { "Date,USD,\n2024-01-02,0,\n", "line 2" },
    { "Date,USD,\n2024-01-02,abc,\n", "line 2" },
    { "Date,USD,\n2024-01-03,1.1,\n2024-01-02,1.2,\n2024-01-03,1.3,\n", "line" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(InsEcbRates) rates = from_text (cases[i].text, &error);

      if (rates != NULL)
        g_error ("case %u was accepted", i);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].line) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].line);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ecb-rates/default-once-across-threads", test_default_once_across_threads);
  g_test_add_func ("/ecb-rates/default-async", test_default_async);
  g_test_add_func ("/ecb-rates/default", test_default);
  g_test_add_func ("/ecb-rates/small-file", test_small_file);
  g_test_add_func ("/ecb-rates/malformed", test_malformed);
  return g_test_run ();
}
