/* ins-seed-people.c — sample insured people and their relatives, with valid, unique NIRs */
#define G_LOG_DOMAIN "ins-seed"

#include "config.h"

#include "core/ins-nir.h"
#include "ins-seed-data.h"
#include "ins-seed-people.h"

static const char * const departements[] = {
  "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
  "17", "18", "19", "2A", "2B", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
  "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47",
  "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63",
  "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79",
  "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95",
};

/* INSEE codes of countries of birth (born abroad: place "99" + code). */
static const char * const birth_countries[] = {
  "350", "351", "352", "109", "134", "139", "127", "131", "341", "223",
};

static gint64
days_from_civil (int y, int m, int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

InsSeedPerson
ins_seed_person_new (InsSeedGen *g, gint64 id)
{
  InsSeedPerson p = { .id = id };
  guint sex, year, month, order;
  char place[6];
  gint64 k;

  if (id * 7919 % 10 == 0)
    {
      /* Born abroad: the order, month, year, sex and country encode @id, so
       * the NIR is unique; the birth date follows from it. */
      k = id * 102947 % (999LL * 12 * 60 * 2 * 10);
      order = k % 999 + 1; k /= 999;
      month = k % 12 + 1; k /= 12;
      year = 1945 + k % 60; k /= 60;
      sex = k % 2 + 1; k /= 2;
      g_snprintf (place, sizeof place, "99%s", birth_countries[k % 10]);
    }
  else
    {
      k = id * 102947 % (999LL * 990 * G_N_ELEMENTS (departements));
      order = k % 999 + 1; k /= 999;
      g_snprintf (place, sizeof place, "%s%03d", departements[k / 990 % G_N_ELEMENTS (departements)],
                  (int) (k % 990 + 1));
      sex = g_rand_int_range (g->rand, 1, 3);
      year = g_rand_int_range (g->rand, 1940, 2005);
      month = g_rand_int_range (g->rand, 1, 13);
    }
  p.nir = ins_nir_build (sex, year % 100, month, place, order);
  g_assert (p.nir != NULL);
  p.nom = ins_seed_surnames[g_rand_int_range (g->rand, 0, g->n_surnames)];
  p.prenom = sex == 1 ? ins_seed_male_names[g_rand_int_range (g->rand, 0, g->n_males)]
                      : ins_seed_female_names[g_rand_int_range (g->rand, 0, g->n_females)];
  p.birth = days_from_civil (year, month, g_rand_int_range (g->rand, 1, 29));
  return p;
}

InsSeedPerson
ins_seed_ayant_droit_new (InsSeedGen *g, const InsSeedPerson *ouvreur)
{
  InsSeedPerson p = { 0 };
  gboolean child = g_rand_int_range (g->rand, 0, 100) < 70;
  int year;

  if (child || g_rand_int_range (g->rand, 0, 100) < 60)
    p.nom = ouvreur->nom;
  else
    p.nom = ins_seed_surnames[g_rand_int_range (g->rand, 0, g->n_surnames)];
  p.prenom = g_rand_boolean (g->rand) ? ins_seed_male_names[g_rand_int_range (g->rand, 0, g->n_males)]
                                      : ins_seed_female_names[g_rand_int_range (g->rand, 0, g->n_females)];
  ins_seed_civil_date (ouvreur->birth, &year, &(int) { 0 }, &(int) { 0 });
  year = child ? MAX (year + 22, 2004) + g_rand_int_range (g->rand, 0, 19) : year + g_rand_int_range (g->rand, -5, 6);
  year = MIN (year, 2024);
  p.birth = days_from_civil (year, g_rand_int_range (g->rand, 1, 13), g_rand_int_range (g->rand, 1, 29));
  return p;
}
