/* test-money.c — rates and exact conversions to and from the euro (expected
 * values computed apart with decimal arithmetic) */
#include "config.h"

#include "core/ins-core-error.h"
#include "core/ins-money.h"

static InsRate
rate (const char *text)
{
  g_autoptr(GError) error = NULL;
  InsRate r = 0;

  g_assert_true (ins_rate_parse (text, &r, &error));
  g_assert_no_error (error);
  return r;
}

static void
test_rate_parse (void)
{
  const char *bad[] = { "0", "0.0", "0,0000000000", "-1.5", "+1.5", "", "1.", ".5", "1.5.2", "1 000",
                        "0.00000000001", "1000000000", "1e3", "abc", "161.23 " };
  g_autofree char *a = ins_rate_to_string (rate ("161.23"));
  g_autofree char *b = ins_rate_to_string (rate ("0.8705000"));
  g_autofree char *c = ins_rate_to_string (rate ("20082"));
  g_autofree char *d = ins_rate_to_string (rate ("0,0000000001"));
  g_autofree char *e = ins_rate_to_string (rate ("999999999.9999999999"));

  g_assert_cmpuint (rate ("161.23"), ==, G_GUINT64_CONSTANT (1612300000000));
  g_assert_cmpuint (rate ("1"), ==, INS_RATE_SCALE);
  g_assert_cmpstr (a, ==, "161.23");
  g_assert_cmpstr (b, ==, "0.8705");
  g_assert_cmpstr (c, ==, "20082");
  g_assert_cmpstr (d, ==, "0.0000000001");
  g_assert_cmpstr (e, ==, "999999999.9999999999");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      InsRate r = 42;

      if (ins_rate_parse (bad[i], &r, &error))
        g_error ("rate “%s” accepted", bad[i]);
      g_assert_error (error, INS_CORE_ERROR, INS_CORE_ERROR_RATE_INVALID);
      g_assert_cmpuint (r, ==, 42);
    }
}

static void
assert_to_euro (const char *code, gint64 amount, const char *r, gint64 expected)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = 0;

  g_assert_true (ins_money_to_euro_cents (ins_currency_lookup (code), amount, rate (r), &cents, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cents, ==, expected);
}

static void
assert_from_euro (const char *code, gint64 cents, const char *r, gint64 expected)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = 0;

  g_assert_true (ins_money_from_euro_cents (ins_currency_lookup (code), cents, rate (r), &amount, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amount, ==, expected);
}

static void
test_to_euro (void)
{
  assert_to_euro ("JPY", 222, "161.23", 138);
  assert_to_euro ("KWD", 1234500, "0.3355", 367958);
  assert_to_euro ("USD", 10000, "1.1684", 8559);
  assert_to_euro ("EUR", 12345, "1", 12345);
  /* Exactly half a cent rounds up, away from zero. */
  assert_to_euro ("USD", 125, "2", 63);
  assert_to_euro ("USD", -125, "2", -63);
  assert_to_euro ("USD", 124, "2", 62);
  /* Large amounts: no precision lost. */
  assert_to_euro ("JPY", G_GINT64_CONSTANT (1000000000000000), "186.75", G_GINT64_CONSTANT (535475234270415));
  assert_to_euro ("IDR", G_GINT64_CONSTANT (1000000000000000), "20082.05", G_GINT64_CONSTANT (49795713087));
  assert_to_euro ("JPY", 1, "0.0000000001", G_GINT64_CONSTANT (1000000000000));
  assert_to_euro ("JPY", 0, "161.23", 0);
}

static void
test_from_euro (void)
{
  assert_from_euro ("JPY", 138, "161.23", 222);
  assert_from_euro ("KWD", 367958, "0.3355", 1234499);
  assert_from_euro ("USD", 1, "1.1684", 1);
  assert_from_euro ("USD", -8559, "1.1684", -10000);
  assert_from_euro ("EUR", 999, "1", 999);
}

static void
test_refusals (void)
{
  const InsCurrency *jpy = ins_currency_lookup ("JPY");
  const InsCurrency *kwd = ins_currency_lookup ("KWD");
  g_autoptr(GError) error = NULL;
  gint64 out = 7;

  g_assert_false (ins_money_to_euro_cents (jpy, 100, 0, &out, &error));
  g_assert_error (error, INS_CORE_ERROR, INS_CORE_ERROR_RATE_INVALID);
  g_clear_error (&error);
  g_assert_false (ins_money_from_euro_cents (jpy, 100, 0, &out, &error));
  g_assert_error (error, INS_CORE_ERROR, INS_CORE_ERROR_RATE_INVALID);
  g_clear_error (&error);
  g_assert_false (ins_money_to_euro_cents (jpy, G_GINT64_CONSTANT (1000000000000001), rate ("1"), &out, &error));
  g_assert_error (error, INS_CORE_ERROR, INS_CORE_ERROR_AMOUNT_RANGE);
  g_clear_error (&error);
  g_assert_false (ins_money_to_euro_cents (kwd, G_GINT64_CONSTANT (1000000000000000), rate ("0.0000000001"), &out, &error));
  g_assert_error (error, INS_CORE_ERROR, INS_CORE_ERROR_AMOUNT_RANGE);
  g_clear_error (&error);
  g_assert_false (ins_money_from_euro_cents (jpy, G_GINT64_CONSTANT (1000000000000000), rate ("999999999.9999999999"), &out, &error));
  g_assert_error (error, INS_CORE_ERROR, INS_CORE_ERROR_AMOUNT_RANGE);
  g_assert_cmpint (out, ==, 7);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/rate-parse", test_rate_parse);
  g_test_add_func ("/money/to-euro", test_to_euro);
  g_test_add_func ("/money/from-euro", test_from_euro);
  g_test_add_func ("/money/refusals", test_refusals);
  return g_test_run ();
}
