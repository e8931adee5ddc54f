/* test-sla.c — due dates, paused clocks, states, ages and bands */
#include "config.h"

#include "core/ins-sla.h"

static GTimeZone *paris;

static GDateTime *
at (int y, int m, int d, int hh, int mm)
{
  return g_date_time_new (paris, y, m, d, hh, mm, 0);
}

static void
assert_same (GDateTime *a, GDateTime *b)
{
  if (!g_date_time_equal (a, b))
    {
      g_autofree char *sa = g_date_time_format_iso8601 (a);
      g_autofree char *sb = g_date_time_format_iso8601 (b);

      g_error ("%s != %s", sa, sb);
    }
}

static void
test_due_at (void)
{
  g_autoptr(GDateTime) received = at (2026, 3, 2, 10, 0);
  g_autoptr(GDateTime) foreign = ins_sla_due_at (INS_KIND_SOINS_ETRANGER, received);
  g_autoptr(GDateTime) oc = ins_sla_due_at (INS_KIND_CHEVAUCHEMENT_OC, received);
  g_autoptr(GDateTime) foreign_expected = at (2026, 3, 30, 10, 0);
  g_autoptr(GDateTime) oc_expected = at (2026, 3, 9, 10, 0);

  g_assert_cmpuint (ins_sla_days_for_kind (INS_KIND_SOINS_ETRANGER), ==, 28);
  g_assert_cmpuint (ins_sla_days_for_kind (INS_KIND_CHEVAUCHEMENT_OC), ==, 7);
  assert_same (foreign, foreign_expected);
  assert_same (oc, oc_expected);
}

static void
test_pause_resume (void)
{
  g_autoptr(GDateTime) due = at (2026, 3, 30, 10, 0);
  g_autoptr(GDateTime) paused = at (2026, 3, 10, 15, 30);
  g_autoptr(GDateTime) resumed = at (2026, 3, 15, 9, 0);
  g_autoptr(GDateTime) moved = ins_sla_resume (due, paused, resumed);
  g_autoptr(GDateTime) expected = g_date_time_add (due, g_date_time_difference (resumed, paused));
  g_autoptr(GDateTime) expected_literal = at (2026, 4, 4, 3, 30);
  g_autoptr(GDateTime) not_moved = ins_sla_resume (due, resumed, paused);
  g_autoptr(GDateTime) late_now = at (2026, 4, 2, 12, 0);

  assert_same (moved, expected);
  assert_same (moved, expected_literal);
  assert_same (not_moved, due);

  g_assert_true (ins_sla_status_pauses (INS_STATUS_AVIS_MEDICAL_DEMANDE));
  g_assert_true (ins_sla_status_pauses (INS_STATUS_EN_ATTENTE_PIECES));
  for (int s = 0; s < INS_N_STATUSES; s++)
    if (s != INS_STATUS_AVIS_MEDICAL_DEMANDE && s != INS_STATUS_EN_ATTENTE_PIECES)
      g_assert_false (ins_sla_status_pauses (s));

  /* Past the original due date, but the clock is stopped well before it. */
  g_assert_cmpint (ins_sla_state (due, NULL, late_now), ==, INS_SLA_BREACHED);
  g_assert_cmpint (ins_sla_state (due, paused, late_now), ==, INS_SLA_ON_TIME);
  /* Once resumed, the moved due date is what counts. */
  g_assert_cmpint (ins_sla_state (moved, NULL, late_now), ==, INS_SLA_DUE_SOON);
}

static void
test_states (void)
{
  g_autoptr(GDateTime) due = at (2026, 3, 30, 10, 0);
  g_autoptr(GDateTime) far = at (2026, 3, 20, 10, 0);
  g_autoptr(GDateTime) just_before_soon = at (2026, 3, 28, 9, 59);
  g_autoptr(GDateTime) soon = at (2026, 3, 28, 10, 0);
  g_autoptr(GDateTime) same_day = at (2026, 3, 30, 8, 0);
  g_autoptr(GDateTime) day_before = at (2026, 3, 29, 23, 0);
  g_autoptr(GDateTime) exactly = at (2026, 3, 30, 10, 0);
  g_autoptr(GDateTime) after = at (2026, 3, 30, 10, 1);
  g_autoptr(GDateTime) days_after = at (2026, 4, 2, 9, 0);
  g_autoptr(GDateTime) paused = at (2026, 3, 25, 12, 0);

  g_assert_cmpint (ins_sla_state (due, NULL, far), ==, INS_SLA_ON_TIME);
  g_assert_cmpint (ins_sla_state (due, NULL, just_before_soon), ==, INS_SLA_ON_TIME);
  g_assert_cmpint (ins_sla_state (due, NULL, soon), ==, INS_SLA_DUE_SOON);
  g_assert_cmpint (ins_sla_state (due, NULL, exactly), ==, INS_SLA_DUE_SOON);
  g_assert_cmpint (ins_sla_state (due, NULL, after), ==, INS_SLA_BREACHED);

  for (int s = 0; s < INS_N_SLA_STATES; s++)
    g_assert_nonnull (ins_sla_state_label (s));
  g_assert_cmpstr (ins_sla_state_label (INS_SLA_BREACHED), ==, "Overdue");

#define DESCRIBE(p, n, expected)                                     \
  G_STMT_START {                                                     \
    g_autofree char *s_ = ins_sla_describe (due, (p), (n));          \
    g_assert_cmpstr (s_, ==, (expected));                            \
  } G_STMT_END
  DESCRIBE (NULL, far, "Due in 10 days");
  DESCRIBE (NULL, same_day, "Due today");
  DESCRIBE (NULL, day_before, "Due tomorrow");
  DESCRIBE (NULL, after, "Overdue by 1 day");
  DESCRIBE (NULL, days_after, "Overdue by 3 days");
  DESCRIBE (paused, days_after, "Clock paused, 5 days left");
#undef DESCRIBE

#define SHORT(p, n, expected)                                        \
  G_STMT_START {                                                     \
    g_autofree char *s_ = ins_sla_describe_short (due, (p), (n));    \
    g_assert_cmpstr (s_, ==, (expected));                            \
  } G_STMT_END
  SHORT (NULL, far, "In 10 days");
  SHORT (NULL, same_day, "Today");
  SHORT (NULL, day_before, "Tomorrow");
  SHORT (NULL, after, "1 day late");
  SHORT (NULL, days_after, "3 days late");
  SHORT (paused, days_after, "Paused, 5 days left");
  SHORT (exactly, days_after, "Paused, due that day");
#undef SHORT
}

static void
test_age (void)
{
  g_autoptr(GDateTime) received = at (2026, 1, 10, 23, 30);
  g_autoptr(GDateTime) same_day = at (2026, 1, 10, 23, 59);
  g_autoptr(GDateTime) next_morning = at (2026, 1, 11, 0, 5);
  g_autoptr(GDateTime) later = at (2026, 7, 10, 8, 0);
  g_autoptr(GDateTime) before = at (2026, 1, 9, 8, 0);
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GDateTime) in_tokyo = g_date_time_new (tokyo, 2026, 1, 11, 8, 0, 0);

  g_assert_cmpuint (ins_sla_age_days (received, same_day), ==, 0);
  g_assert_cmpuint (ins_sla_age_days (received, next_morning), ==, 1);
  g_assert_cmpuint (ins_sla_age_days (received, later), ==, 181);
  g_assert_cmpuint (ins_sla_age_days (received, before), ==, 0);
  /* Days are counted in the time zone of "now": received on 11 January in Tokyo. */
  g_assert_cmpuint (ins_sla_age_days (received, in_tokyo), ==, 0);
}

static void
test_bands (void)
{
  const struct { guint days; InsAgeBand band; } cases[] = {
    { 0, INS_AGE_BAND_0_7 }, { 7, INS_AGE_BAND_0_7 }, { 8, INS_AGE_BAND_8_30 },
    { 30, INS_AGE_BAND_8_30 }, { 31, INS_AGE_BAND_31_90 }, { 90, INS_AGE_BAND_31_90 },
    { 91, INS_AGE_BAND_91_180 }, { 180, INS_AGE_BAND_91_180 }, { 181, INS_AGE_BAND_OVER_180 },
    { 5000, INS_AGE_BAND_OVER_180 }, { G_MAXUINT, INS_AGE_BAND_OVER_180 },
  };
  guint previous_max = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ins_sla_age_band (cases[i].days), ==, cases[i].band);

  for (int b = 0; b < INS_N_AGE_BANDS; b++)
    {
      guint min, max;

      ins_sla_age_band_bounds (b, &min, &max);
      g_assert_cmpuint (min, ==, b == 0 ? 0 : previous_max + 1);
      g_assert_cmpint (ins_sla_age_band (min), ==, b);
      g_assert_cmpint (ins_sla_age_band (max), ==, b);
      g_assert_nonnull (ins_sla_age_band_label (b));
      previous_max = max;
    }
  g_assert_cmpuint (previous_max, ==, G_MAXUINT);
  g_assert_cmpstr (ins_sla_age_band_label (INS_AGE_BAND_8_30), ==, "8 to 30 days");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  paris = g_time_zone_new_offset (3600);
  g_test_add_func ("/sla/due-at", test_due_at);
  g_test_add_func ("/sla/pause-resume", test_pause_resume);
  g_test_add_func ("/sla/states", test_states);
  g_test_add_func ("/sla/age", test_age);
  g_test_add_func ("/sla/bands", test_bands);
  return g_test_run ();
}
