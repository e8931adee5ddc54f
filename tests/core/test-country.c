/* test-country.c — ISO 3166-1 countries, French names, zones */
#include "config.h"

#include "core/ins-country.h"

static void
test_names (void)
{
  const struct { const char *code; const char *name; } expected[] = {
    { "JP", "Japon" }, { "GB", "Royaume-Uni" }, { "US", "États-Unis" }, { "DE", "Allemagne" },
    { "CI", "Côte d’Ivoire" }, { "MA", "Maroc" }, { "TH", "Thaïlande" }, { "KR", "Corée du Sud" },
    { "PF", "Polynésie française" }, { "NC", "Nouvelle-Calédonie" }, { "RE", "La Réunion" },
    { "CH", "Suisse" }, { "TR", "Turquie" }, { "VN", "Viêt Nam" },
  };
  const InsCountry *all;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const InsCountry *c = ins_country_lookup (expected[i].code);

      g_assert_nonnull (c);
      g_assert_cmpstr (c->name, ==, expected[i].name);
    }
  g_assert_null (ins_country_lookup ("jp"));
  g_assert_null (ins_country_lookup ("ZZ"));
  g_assert_null (ins_country_lookup ("FRA"));
  g_assert_null (ins_country_lookup (NULL));

  all = ins_country_get_all (&n);
  g_assert_cmpuint (n, >=, 249);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (strlen (all[i].code), ==, 2);
      g_assert_true (g_utf8_validate (all[i].name, -1, NULL));
      g_assert_null (strchr (all[i].name, '\''));
      if (i > 0)
        g_assert_cmpint (strcmp (all[i - 1].code, all[i].code), <, 0);
      g_assert_true (ins_country_lookup (all[i].code) == &all[i]);
    }
}

static void
test_zones (void)
{
  const char *eu = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE";
  g_auto(GStrv) members = g_strsplit (eu, " ", -1);
  const InsCountry *all;
  guint n, n_eu = 0;

  g_assert_cmpuint (g_strv_length (members), ==, 27);
  for (guint i = 0; members[i] != NULL; i++)
    {
      g_assert_cmpint (ins_country_lookup (members[i])->zone, ==, INS_ZONE_EU);
      g_assert_true (ins_country_in_eu_eea_ch_uk (members[i]));
    }
  all = ins_country_get_all (&n);
  for (guint i = 0; i < n; i++)
    if (all[i].zone == INS_ZONE_EU && !(all[i].flags & (INS_COUNTRY_FLAG_FRENCH_DROM | INS_COUNTRY_FLAG_FRENCH_COM)))
      n_eu++;
  /* The 27 members and Åland. */
  g_assert_cmpuint (n_eu, ==, 28);

  g_assert_cmpint (ins_country_lookup ("IS")->zone, ==, INS_ZONE_EEA);
  g_assert_cmpint (ins_country_lookup ("LI")->zone, ==, INS_ZONE_EEA);
  g_assert_cmpint (ins_country_lookup ("NO")->zone, ==, INS_ZONE_EEA);
  g_assert_cmpint (ins_country_lookup ("CH")->zone, ==, INS_ZONE_CH);
  g_assert_cmpint (ins_country_lookup ("GB")->zone, ==, INS_ZONE_UK);
  g_assert_true (ins_country_in_eu_eea_ch_uk ("NO"));
  g_assert_true (ins_country_in_eu_eea_ch_uk ("CH"));
  g_assert_true (ins_country_in_eu_eea_ch_uk ("GB"));
  g_assert_false (ins_country_in_eu_eea_ch_uk ("JP"));
  g_assert_false (ins_country_in_eu_eea_ch_uk ("US"));
  g_assert_false (ins_country_in_eu_eea_ch_uk ("TR"));
  g_assert_false (ins_country_in_eu_eea_ch_uk ("GI"));
  g_assert_false (ins_country_in_eu_eea_ch_uk ("JE"));
  g_assert_false (ins_country_in_eu_eea_ch_uk ("GL"));
  g_assert_false (ins_country_in_eu_eea_ch_uk ("XX"));
  g_assert_false (ins_country_in_eu_eea_ch_uk (NULL));

  for (guint z = 0; z < INS_N_ZONES; z++)
    g_assert_nonnull (ins_country_zone_label (z));
}

static void
test_overseas (void)
{
  const char *com[] = { "PF", "NC", "WF", "PM", "BL", "MF" };
  const char *drom[] = { "GP", "MQ", "GF", "RE", "YT" };
  const InsCountry *all;
  guint n, n_com = 0;

  for (guint i = 0; i < G_N_ELEMENTS (com); i++)
    g_assert_true (ins_country_is_french_com (com[i]));
  for (guint i = 0; i < G_N_ELEMENTS (drom); i++)
    {
      g_assert_false (ins_country_is_french_com (drom[i]));
      g_assert_true (ins_country_lookup (drom[i])->flags & INS_COUNTRY_FLAG_FRENCH_DROM);
      g_assert_cmpint (ins_country_lookup (drom[i])->zone, ==, INS_ZONE_EU);
    }
  all = ins_country_get_all (&n);
  for (guint i = 0; i < n; i++)
    if (ins_country_is_french_com (all[i].code))
      n_com++;
  g_assert_cmpuint (n_com, ==, 6);
  g_assert_false (ins_country_is_french_com ("FR"));
  g_assert_false (ins_country_is_french_com ("TF"));
  g_assert_false (ins_country_in_eu_eea_ch_uk ("PF"));
  g_assert_false (ins_country_in_eu_eea_ch_uk ("NC"));
  g_assert_true (ins_country_in_eu_eea_ch_uk ("MF"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/country/names", test_names);
  g_test_add_func ("/country/zones", test_zones);
  g_test_add_func ("/country/overseas", test_overseas);
  return g_test_run ();
}
