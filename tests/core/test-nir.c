/* test-nir.c — NIR validation, Corsica, formatting, masking, generation */
#include "config.h"

#include "core/ins-core-error.h"
#include "core/ins-nir.h"

static void
assert_nir_error (const char *text, InsCoreError code, const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nir = ins_nir_parse (text, &error);

  g_assert_null (nir);
  g_assert_error (error, INS_CORE_ERROR, (int) code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s”: message “%s” lacks “%s”", text, error->message, in_message);
  g_assert_false (ins_nir_is_valid (text));
}

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = ins_nir_parse ("255081416802538", &error);
  g_autofree char *b = ins_nir_parse ("2 55 08 14 168 025 38", NULL);
  g_autofree char *c = ins_nir_parse ("1\u00a084\u202f12 75 123 456 40", NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "255081416802538");
  g_assert_cmpstr (b, ==, "255081416802538");
  g_assert_cmpstr (c, ==, "184127512345640");
  /* Provisional numbers and INSEE's unknown-month codes. */
  g_assert_cmpuint (ins_nir_compute_key ("3842075123456"), ==, 97 - (3842075123456 % 97));
  for (guint sex = 1; sex <= 8; sex++)
    {
      g_autofree char *nir = ins_nir_build (sex, 84, 12, "75112", 7);
      gboolean expected = sex == 1 || sex == 2 || sex == 3 || sex == 4 || sex == 7 || sex == 8;

      g_assert_cmpint (nir != NULL, ==, expected);
      if (nir != NULL)
        g_assert_true (ins_nir_is_valid (nir));
    }
}

static void
test_corsica (void)
{
  g_autofree char *a = ins_nir_parse ("1 85 05 2A 004 123 56", NULL);
  g_autofree char *b = ins_nir_parse ("1850520b00412383", NULL);
  g_autofree char *b_ok = ins_nir_parse ("185052b00412383", NULL);

  g_assert_cmpstr (a, ==, "185052A00412356");
  g_assert_null (b);  /* 16 characters */
  g_assert_cmpstr (b_ok, ==, "185052B00412383");
  g_assert_cmpuint (ins_nir_compute_key ("185052A004123"), ==, 56);
  g_assert_cmpuint (ins_nir_compute_key ("185052B004123"), ==, 83);
  /* 2A is not 19 for the digits: the same digits with 19 give the same key,
   * but the A/B keys differ from each other. */
  g_assert_cmpuint (ins_nir_compute_key ("1850519004123"), ==, 56);
  /* A 2A number with the 2B key is refused. */
  assert_nir_error ("185052A00412383", INS_CORE_ERROR_NIR_KEY, NULL);
  /* A letter is allowed only after a 2 in the department. */
  assert_nir_error ("185053A00412356", INS_CORE_ERROR_NIR_CHARACTER, "7");
  assert_nir_error ("1A5052A00412356", INS_CORE_ERROR_NIR_CHARACTER, "2");
}

static void
test_errors (void)
{
  assert_nir_error ("", INS_CORE_ERROR_NIR_LENGTH, "0");
  assert_nir_error ("25508141680253", INS_CORE_ERROR_NIR_LENGTH, "14");
  assert_nir_error ("2550814168025380", INS_CORE_ERROR_NIR_LENGTH, "16");
  assert_nir_error ("2550814168O2538", INS_CORE_ERROR_NIR_CHARACTER, "11");
  assert_nir_error ("2-55-08", INS_CORE_ERROR_NIR_CHARACTER, "2");
  assert_nir_error ("255081416802539", INS_CORE_ERROR_NIR_KEY, "key");
  assert_nir_error ("25508141680253A", INS_CORE_ERROR_NIR_CHARACTER, "15");
  assert_nir_error ("555081416802538", INS_CORE_ERROR_NIR_SEX, NULL);
  assert_nir_error ("055081416802538", INS_CORE_ERROR_NIR_SEX, NULL);
  assert_nir_error ("255131416802538", INS_CORE_ERROR_NIR_MONTH, NULL);
  assert_nir_error ("255001416802538", INS_CORE_ERROR_NIR_MONTH, NULL);
  assert_nir_error ("255451416802538", INS_CORE_ERROR_NIR_MONTH, NULL);
  g_assert_cmpuint (ins_nir_compute_key ("25508"), ==, 0);
  g_assert_cmpuint (ins_nir_compute_key ("2550814168025"), ==, 38);
}

static void
test_month_codes (void)
{
  const struct { guint month; gboolean ok; } months[] = {
    { 0, FALSE }, { 1, TRUE }, { 12, TRUE }, { 13, FALSE }, { 19, FALSE }, { 20, TRUE },
    { 42, TRUE }, { 43, FALSE }, { 49, FALSE }, { 50, TRUE }, { 99, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autofree char *nir = ins_nir_build (1, 70, months[i].month, "99217", 12);

      g_assert_cmpint (nir != NULL, ==, months[i].ok);
    }
}

static void
test_format_and_mask (void)
{
  g_autofree char *f = ins_nir_format ("184127512345640");
  g_autofree char *f2 = ins_nir_format ("1 85 05 2a 004 123 56");
  g_autofree char *bad = ins_nir_format ("184127512345641");
  g_autofree char *m = ins_nir_mask ("184127512345640");
  g_autofree char *m2 = ins_nir_mask ("1 84 12 75 123 456 40");
  g_autofree char *m3 = ins_nir_mask ("1841");

  g_assert_cmpstr (f, ==, "1 84 12 75 123 456 40");
  g_assert_cmpstr (f2, ==, "1 85 05 2A 004 123 56");
  g_assert_null (bad);
  g_assert_cmpstr (m, ==, "1 84 ** ** *** *** **");
  g_assert_cmpstr (m2, ==, "1 84 ** ** *** *** **");
  g_assert_cmpstr (m3, ==, "***");
}

static void
test_build (void)
{
  g_autofree char *paris = ins_nir_build (1, 84, 12, "75112", 345);
  g_autofree char *ajaccio = ins_nir_build (2, 1, 3, "2A004", 1);
  g_autofree char *reunion = ins_nir_build (2, 99, 7, "97411", 999);
  g_autofree char *bad_place = ins_nir_build (1, 84, 12, "7511", 1);
  g_autofree char *bad_order = ins_nir_build (1, 84, 12, "75112", 0);
  g_autofree char *bad_letter = ins_nir_build (1, 84, 12, "3A004", 1);

  g_assert_nonnull (paris);
  g_assert_true (g_str_has_prefix (paris, "1841275112345"));
  g_assert_cmpuint (strlen (paris), ==, 15);
  g_assert_true (ins_nir_is_valid (paris));
  g_assert_true (g_str_has_prefix (ajaccio, "201032A004001"));
  g_assert_true (ins_nir_is_valid (ajaccio));
  g_assert_true (ins_nir_is_valid (reunion));
  g_assert_null (bad_place);
  g_assert_null (bad_order);
  g_assert_null (bad_letter);

  /* Every generated number validates, over a sweep of parts. */
  for (guint order = 1; order <= 999; order += 37)
    for (guint month = 1; month <= 12; month++)
      {
        g_autofree char *nir = ins_nir_build (1 + order % 2, order % 100, month, "69123", order);

        g_assert_nonnull (nir);
        g_assert_true (ins_nir_is_valid (nir));
      }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nir/valid", test_valid);
  g_test_add_func ("/nir/corsica", test_corsica);
  g_test_add_func ("/nir/errors", test_errors);
  g_test_add_func ("/nir/month-codes", test_month_codes);
  g_test_add_func ("/nir/format-and-mask", test_format_and_mask);
  g_test_add_func ("/nir/build", test_build);
  return g_test_run ();
}
