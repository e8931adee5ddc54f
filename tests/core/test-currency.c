/* test-currency.c — the ISO 4217 table and strict amount parsing */
#include "config.h"

#include "core/ins-core-error.h"
#include "core/ins-currency.h"

static void
test_table (void)
{
  const struct { const char *code; guint minor; const char *name; } expected[] = {
    { "EUR", 2, "Euro" }, { "JPY", 0, "Yen" }, { "KWD", 3, "Dinar koweïtien" },
    { "BHD", 3, "Dinar bahreïni" }, { "TND", 3, "Dinar tunisien" }, { "KRW", 0, "Won sud-coréen" },
    { "CLP", 0, "Peso chilien" }, { "ISK", 0, "Couronne islandaise" }, { "VND", 0, "Dong" },
    { "XOF", 0, "Franc CFA (BCEAO)" }, { "XPF", 0, "Franc CFP" }, { "MAD", 2, "Dirham marocain" },
    { "DZD", 2, "Dinar algérien" }, { "USD", 2, "Dollar des États-Unis" }, { "GBP", 2, "Livre sterling" },
    { "CHF", 2, "Franc suisse" }, { "THB", 2, "Baht" }, { "OMR", 3, "Rial omanais" },
  };
  /* Every column of the ECB history, withdrawn ones included. */
  const char *ecb = "USD JPY BGN CYP CZK DKK EEK GBP HUF LTL LVL MTL PLN ROL RON SEK SIT SKK CHF "
                    "ISK NOK HRK RUB TRL TRY AUD BRL CAD CNY HKD IDR ILS INR KRW MXN MYR NZD PHP SGD THB ZAR";
  g_auto(GStrv) ecb_codes = g_strsplit (ecb, " ", -1);
  const InsCurrency *all;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const InsCurrency *c = ins_currency_lookup (expected[i].code);

      g_assert_nonnull (c);
      g_assert_cmpstr (c->code, ==, expected[i].code);
      g_assert_cmpuint (c->minor_units, ==, expected[i].minor);
      g_assert_cmpstr (c->name, ==, expected[i].name);
      g_assert_cmpint (c->kind, ==, INS_CURRENCY_TENDER);
    }
  for (guint i = 0; ecb_codes[i] != NULL; i++)
    {
      const InsCurrency *c = ins_currency_lookup (ecb_codes[i]);

      if (c == NULL)
        g_error ("ECB currency %s missing", ecb_codes[i]);
      g_assert_cmpint (c->kind, !=, INS_CURRENCY_SPECIAL);
    }
  g_assert_cmpint (ins_currency_lookup ("CYP")->kind, ==, INS_CURRENCY_WITHDRAWN);
  g_assert_cmpint (ins_currency_lookup ("XAU")->kind, ==, INS_CURRENCY_SPECIAL);
  g_assert_null (ins_currency_lookup ("jpy"));
  g_assert_null (ins_currency_lookup ("ABC"));
  g_assert_null (ins_currency_lookup ("EURO"));
  g_assert_null (ins_currency_lookup (NULL));

  all = ins_currency_get_all (&n);
  g_assert_cmpuint (n, >, 170);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (strlen (all[i].code), ==, 3);
      g_assert_true (g_utf8_validate (all[i].name, -1, NULL));
      g_assert_cmpuint (all[i].minor_units, <=, 4);
      g_assert_null (strchr (all[i].name, '\''));
      if (i > 0)
        g_assert_cmpint (strcmp (all[i - 1].code, all[i].code), <, 0);
      g_assert_true (ins_currency_lookup (all[i].code) == &all[i]);
    }
}

static void
assert_amount (const char *code, const char *text, gint64 expected)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = -1;

  if (!ins_currency_parse_amount (ins_currency_lookup (code), text, &minor, &error))
    g_error ("“%s” %s: %s", text, code, error->message);
  g_assert_cmpint (minor, ==, expected);
}

static void
assert_amount_error (const char *code, const char *text, InsCoreError expected)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = -1;

  if (ins_currency_parse_amount (ins_currency_lookup (code), text, &minor, &error))
    g_error ("“%s” %s was accepted as %" G_GINT64_FORMAT, text, code, minor);
  g_assert_error (error, INS_CORE_ERROR, (int) expected);
  g_assert_cmpint (minor, ==, -1);
}

static void
test_parse (void)
{
  assert_amount ("EUR", "1234.5", 123450);
  assert_amount ("EUR", "1 234,50", 123450);
  assert_amount ("EUR", "1\u00a0234,5", 123450);
  assert_amount ("EUR", "1\u202f234\u202f567,89", 123456789);
  assert_amount ("EUR", "  12 ", 1200);
  assert_amount ("EUR", "0,01", 1);
  assert_amount ("EUR", "0", 0);
  assert_amount ("EUR", "007", 700);
  assert_amount ("JPY", "222", 222);
  assert_amount ("JPY", "1 000 000", 1000000);
  assert_amount ("KWD", "1 234,500", 1234500);
  assert_amount ("KWD", "1.2", 1200);
  assert_amount ("TND", "0.005", 5);
}

static void
test_parse_errors (void)
{
  assert_amount_error ("JPY", "222.5", INS_CORE_ERROR_AMOUNT_PRECISION);
  assert_amount_error ("JPY", "222,0", INS_CORE_ERROR_AMOUNT_PRECISION);
  assert_amount_error ("EUR", "1.234", INS_CORE_ERROR_AMOUNT_PRECISION);
  assert_amount_error ("KWD", "1.2345", INS_CORE_ERROR_AMOUNT_PRECISION);
  assert_amount_error ("EUR", "", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "   ", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "-12", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "+12", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "12.", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", ".5", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "1,234.50", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "1.234.567", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "12 34", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "1234 567", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "1  234", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "1 234 ,5", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "1e3", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "12 €", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "0x10", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("EUR", "١٢", INS_CORE_ERROR_AMOUNT_SYNTAX);
  assert_amount_error ("JPY", "1000000000000001", INS_CORE_ERROR_AMOUNT_RANGE);
  assert_amount_error ("EUR", "10000000000000,01", INS_CORE_ERROR_AMOUNT_RANGE);
  assert_amount_error ("EUR", "99999999999999999999999999", INS_CORE_ERROR_AMOUNT_RANGE);
  assert_amount_error ("XAU", "1", INS_CORE_ERROR_CURRENCY_NOT_TENDER);
  assert_amount ("JPY", "1000000000000000", G_GINT64_CONSTANT (1000000000000000));
  assert_amount ("EUR", "10000000000000", G_GINT64_CONSTANT (1000000000000000));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/currency/table", test_table);
  g_test_add_func ("/currency/parse", test_parse);
  g_test_add_func ("/currency/parse-errors", test_parse_errors);
  return g_test_run ();
}
