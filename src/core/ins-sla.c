/* ins-sla.c — due dates, paused clocks, ages and bands */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-sla.h"

static const char *state_labels[] = {
  N_("On time"),
  N_("Due soon"),
  N_("Overdue"),
};

static const struct {
  guint       min_days;
  guint       max_days;
  const char *label;
} bands[] = {
  { 0, 7, N_("0 to 7 days") },
  { 8, 30, N_("8 to 30 days") },
  { 31, 90, N_("31 to 90 days") },
  { 91, 180, N_("91 to 180 days") },
  { 181, G_MAXUINT, N_("Over 180 days") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (state_labels) == INS_N_SLA_STATES);
G_STATIC_ASSERT (G_N_ELEMENTS (bands) == INS_N_AGE_BANDS);

guint
ins_sla_days_for_kind (InsAffaireKind kind)
{
  g_return_val_if_fail ((guint) kind < INS_N_KINDS, 0);

  return kind == INS_KIND_CHEVAUCHEMENT_OC ? INS_SLA_DAYS_CHEVAUCHEMENT_OC
                                           : INS_SLA_DAYS_SOINS_ETRANGER;
}

GDateTime *
ins_sla_due_at (InsAffaireKind  kind,
                GDateTime      *received_at)
{
  g_return_val_if_fail (received_at != NULL, NULL);

  return g_date_time_add_days (received_at, (int) ins_sla_days_for_kind (kind));
}

gboolean
ins_sla_status_pauses (InsStatus status)
{
  return status == INS_STATUS_AVIS_MEDICAL_DEMANDE || status == INS_STATUS_EN_ATTENTE_PIECES;
}

GDateTime *
ins_sla_resume (GDateTime *due_at,
                GDateTime *paused_at,
                GDateTime *resumed_at)
{
  GTimeSpan paused;

  g_return_val_if_fail (due_at != NULL, NULL);
  g_return_val_if_fail (paused_at != NULL, NULL);
  g_return_val_if_fail (resumed_at != NULL, NULL);

  paused = g_date_time_difference (resumed_at, paused_at);
  if (paused <= 0)
    return g_date_time_ref (due_at);
  return g_date_time_add (due_at, paused);
}

InsSlaState
ins_sla_state (GDateTime *due_at,
               GDateTime *paused_at,
               GDateTime *now)
{
  GTimeSpan left;

  g_return_val_if_fail (due_at != NULL, INS_SLA_ON_TIME);
  g_return_val_if_fail (now != NULL, INS_SLA_ON_TIME);

  left = g_date_time_difference (due_at, paused_at != NULL ? paused_at : now);
  if (left < 0)
    return INS_SLA_BREACHED;
  if (left <= INS_SLA_DUE_SOON_DAYS * G_TIME_SPAN_DAY)
    return INS_SLA_DUE_SOON;
  return INS_SLA_ON_TIME;
}

const char *
ins_sla_state_label (InsSlaState state)
{
  g_return_val_if_fail ((guint) state < INS_N_SLA_STATES, NULL);

  return _(state_labels[state]);
}

/* Calendar days from @from to @to, both seen in @zone. */
static int
calendar_days (GDateTime *from, GDateTime *to, GTimeZone *zone)
{
  g_autoptr(GDateTime) a = g_date_time_to_timezone (from, zone);
  g_autoptr(GDateTime) b = g_date_time_to_timezone (to, zone);
  GDate da, db;
  int y, m, d;

  g_date_clear (&da, 1);
  g_date_clear (&db, 1);
  g_date_time_get_ymd (a, &y, &m, &d);
  g_date_set_dmy (&da, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  g_date_time_get_ymd (b, &y, &m, &d);
  g_date_set_dmy (&db, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_days_between (&da, &db);
}

typedef enum { READING_LATE, READING_PAUSED, READING_DUE } Reading;

/* What a deadline text says: late by @days, paused with @days left, or due in @days. */
static Reading
read_deadline (GDateTime *due_at, GDateTime *paused_at, GDateTime *now, guint *days)
{
  GDateTime *clock = paused_at != NULL ? paused_at : now;
  int left = calendar_days (clock, due_at, g_date_time_get_timezone (now));

  if (ins_sla_state (due_at, paused_at, now) == INS_SLA_BREACHED)
    {
      *days = (guint) MAX (1, -left);
      return READING_LATE;
    }
  *days = (guint) MAX (0, left);
  return paused_at != NULL ? READING_PAUSED : READING_DUE;
}

/* Explicit 0 / 1 / many cases rather than ngettext: each text is one plain
 * message for translators. */
char *
ins_sla_describe (GDateTime *due_at,
                  GDateTime *paused_at,
                  GDateTime *now)
{
  guint days;

  g_return_val_if_fail (due_at != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  switch (read_deadline (due_at, paused_at, now, &days))
    {
    case READING_LATE:
      return days == 1 ? g_strdup (_("Overdue by 1 day"))
                       : g_strdup_printf (_("Overdue by %u days"), days);
    case READING_PAUSED:
      if (days == 0)
        return g_strdup (_("Clock paused, due the day it stopped"));
      return days == 1 ? g_strdup (_("Clock paused, 1 day left"))
                       : g_strdup_printf (_("Clock paused, %u days left"), days);
    case READING_DUE:
    default:
      if (days == 0)
        return g_strdup (_("Due today"));
      return days == 1 ? g_strdup (_("Due tomorrow"))
                       : g_strdup_printf (_("Due in %u days"), days);
    }
}

char *
ins_sla_describe_short (GDateTime *due_at,
                        GDateTime *paused_at,
                        GDateTime *now)
{
  guint days;

  g_return_val_if_fail (due_at != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  switch (read_deadline (due_at, paused_at, now, &days))
    {
    case READING_LATE:
      return days == 1 ? g_strdup (_("1 day late"))
                       : g_strdup_printf (_("%u days late"), days);
    case READING_PAUSED:
      if (days == 0)
        return g_strdup (_("Paused, due that day"));
      return days == 1 ? g_strdup (_("Paused, 1 day left"))
                       : g_strdup_printf (_("Paused, %u days left"), days);
    case READING_DUE:
    default:
      if (days == 0)
        return g_strdup (_("Today"));
      return days == 1 ? g_strdup (_("Tomorrow"))
                       : g_strdup_printf (_("In %u days"), days);
    }
}

guint
ins_sla_age_days (GDateTime *received_at,
                  GDateTime *now)
{
  g_return_val_if_fail (received_at != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  return (guint) MAX (0, calendar_days (received_at, now, g_date_time_get_timezone (now)));
}

InsAgeBand
ins_sla_age_band (guint age_days)
{
  for (guint i = 0; i < INS_N_AGE_BANDS; i++)
    if (age_days <= bands[i].max_days)
      return (InsAgeBand) i;
  return INS_AGE_BAND_OVER_180;
}

void
ins_sla_age_band_bounds (InsAgeBand  band,
                         guint      *min_days,
                         guint      *max_days)
{
  g_return_if_fail ((guint) band < INS_N_AGE_BANDS);

  if (min_days != NULL)
    *min_days = bands[band].min_days;
  if (max_days != NULL)
    *max_days = bands[band].max_days;
}

const char *
ins_sla_age_band_label (InsAgeBand band)
{
  g_return_val_if_fail ((guint) band < INS_N_AGE_BANDS, NULL);

  return _(bands[band].label);
}
