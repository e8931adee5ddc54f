/* test-ui-format.c — the workspace's own texts: why an amount has no euro equivalent */
#include "config.h"

#include <locale.h>

#include "ui/ins-ui-format.h"

static void
test_missing_rate_currency (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_date_set_dmy (&date, 14, G_DATE_MARCH, 2024);
  text = ins_ui_missing_rate_reason ("MAD", &date);
  g_assert_cmpstr (text, ==, "The ECB publishes no reference rate for the MAD.");
}

static void
test_missing_rate_after_file (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_date_set_dmy (&date, 24, G_DATE_JUNE, 2026);
  text = ins_ui_missing_rate_reason ("GBP", &date);
  g_assert_cmpstr (text, ==, "The ECB rates held here end on 13 avril 2026.");
}

static void
test_missing_rate_unpublished (void)
{
  GDate date;
  g_autofree char *text = NULL;

  /* The ECB began publishing the Icelandic króna again only in 2018: N/A in between. */
  g_date_set_dmy (&date, 1, G_DATE_JUNE, 2012);
  text = ins_ui_missing_rate_reason ("ISK", &date);
  g_assert_cmpstr (text, ==, "The ECB published no rate for the ISK on 1er juin 2012.");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui-format/missing-rate/currency", test_missing_rate_currency);
  g_test_add_func ("/ui-format/missing-rate/after-file", test_missing_rate_after_file);
  g_test_add_func ("/ui-format/missing-rate/unpublished", test_missing_rate_unpublished);
  return g_test_run ();
}
