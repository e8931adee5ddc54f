/* ins-dashboard-tables.c — the dashboard's tables as text, and as CSV */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/ins-format.h"
#include "ins-dashboard-tables.h"

static const struct {
  const char *name;
  const char *title;
} pages[INS_N_DASHBOARD_TABLES] = {
  [INS_DASHBOARD_BACKLOG] = { "backlog", N_("Backlog") },
  [INS_DASHBOARD_BREACHES] = { "breaches", N_("Overdue") },
  [INS_DASHBOARD_THROUGHPUT] = { "throughput", N_("Closed per day") },
  [INS_DASHBOARD_UNTOUCHED] = { "untouched", N_("Untouched claims") },
  [INS_DASHBOARD_OLDEST] = { "oldest", N_("Oldest") },
  [INS_DASHBOARD_NON_EXPLOITABLES] = { "non-exploitables", N_("Unusable affaires") },
  [INS_DASHBOARD_FAILED] = { "failed", N_("Failed notifications") },
};

const char *
ins_dashboard_table_name (InsDashboardTableId id)
{
  g_return_val_if_fail ((guint) id < INS_N_DASHBOARD_TABLES, NULL);
  return pages[id].name;
}

const char *
ins_dashboard_table_title (InsDashboardTableId id)
{
  g_return_val_if_fail ((guint) id < INS_N_DASHBOARD_TABLES, NULL);
  return _(pages[id].title);
}

void
ins_dashboard_table_free (InsDashboardTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->headers);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->ids, g_array_unref);
  g_free (table);
}

/* Builder helpers -------------------------------------------------------------- */

static void
set_headers (InsDashboardTable *t, ...)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  va_list args;
  const char *h;

  va_start (args, t);
  while ((h = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (b, h);
  va_end (args);
  t->headers = g_strv_builder_end (b);
}

/* Takes the strings (char*, NULL-terminated). */
static void
add_row (InsDashboardTable *t, gint64 id, ...)
{
  guint n = g_strv_length (t->headers);
  GStrv row = g_new0 (char *, n + 1);
  va_list args;

  va_start (args, id);
  for (guint i = 0; i < n; i++)
    {
      char *cell = va_arg (args, char *);
      row[i] = cell ? cell : g_strdup ("");
    }
  va_end (args);
  g_ptr_array_add (t->rows, row);
  g_array_append_val (t->ids, id);
}

static char *
number (gint64 n)
{
  return ins_format_integer (n);
}

static char *
date_time (GDateTime *dt)
{
  return dt ? ins_format_date_time (dt) : g_strdup ("");
}

static char *
person (const InsWorkloadAffaire *a)
{
  return g_strdup_printf ("%s %s", a->nom ? a->nom : "", a->prenom ? a->prenom : "");
}

static char *
holder (const InsWorkloadAffaire *a)
{
  return g_strdup (a->assignee_name ? a->assignee_name : "");
}

/* Tables ------------------------------------------------------------------------- */

static void
build_backlog (InsDashboardTable *t, const InsWorkload *w)
{
  set_headers (t, _("Type"), _("Status"), ins_sla_age_band_label (INS_AGE_BAND_0_7),
               ins_sla_age_band_label (INS_AGE_BAND_8_30), ins_sla_age_band_label (INS_AGE_BAND_31_90),
               ins_sla_age_band_label (INS_AGE_BAND_91_180), ins_sla_age_band_label (INS_AGE_BAND_OVER_180),
               _("Total"), NULL);
  t->numeric = 0xFC;

  for (int k = 0; k < INS_N_KINDS; k++)
    for (int s = 0; s < INS_N_STATUSES; s++)
      {
        const guint *bands = w->backlog[k][s];

        if (ins_workload_backlog_sum (w, k, s, -1) == 0)
          continue;
        add_row (t, 0, g_strdup (ins_kind_label (k)), g_strdup (ins_status_label (s)),
                 number (bands[0]), number (bands[1]), number (bands[2]), number (bands[3]), number (bands[4]),
                 number (ins_workload_backlog_sum (w, k, s, -1)));
      }
  add_row (t, 0, g_strdup (_("All open affaires")), g_strdup (""),
           number (ins_workload_backlog_sum (w, -1, -1, 0)), number (ins_workload_backlog_sum (w, -1, -1, 1)),
           number (ins_workload_backlog_sum (w, -1, -1, 2)), number (ins_workload_backlog_sum (w, -1, -1, 3)),
           number (ins_workload_backlog_sum (w, -1, -1, 4)), number (ins_workload_backlog_sum (w, -1, -1, -1)));
  t->has_total = TRUE;
}

static void
build_breaches (InsDashboardTable *t, const InsWorkload *w, GDateTime *now)
{
  set_headers (t, _("Numéro"), _("Type"), _("Status"), _("Insured person"), _("Due date"),
               _("Days overdue"), _("Held by"), NULL);
  t->numeric = 1 << 5;
  for (guint i = 0; i < w->breaches->len; i++)
    {
      InsWorkloadAffaire *a = g_ptr_array_index (w->breaches, i);

      add_row (t, a->id, g_strdup (a->numero), g_strdup (ins_kind_label (a->kind)),
               g_strdup (ins_status_label (a->status)), person (a),
               a->due_at ? ins_format_date_short (a->due_at) : NULL,
               number (a->due_at ? ins_sla_age_days (a->due_at, now) : 0), holder (a));
    }
}

static void
build_throughput (InsDashboardTable *t, const InsWorkload *w)
{
  guint n = w->agents->len;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_strv_builder_add (b, _("Day"));
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (b, ((InsWorkloadAgent *) g_ptr_array_index (w->agents, i))->name);
  g_strv_builder_add (b, _("Total"));
  t->headers = g_strv_builder_end (b);
  t->numeric = ~1u;

  for (guint d = 0; d <= w->query.days; d++)
    {
      gboolean total_row = d == w->query.days;
      GStrv row = g_new0 (char *, n + 3);
      gint64 none = 0;

      if (total_row)
        row[0] = g_strdup (_("Total"));
      else
        {
          GDate day;

          ins_workload_day (w, d, &day);
          row[0] = ins_format_gdate_short (&day);
        }
      for (guint i = 0; i < n; i++)
        {
          InsWorkloadAgent *agent = g_ptr_array_index (w->agents, i);
          row[i + 1] = number (total_row ? agent->total : agent->per_day[d]);
        }
      row[n + 1] = number (total_row ? ins_workload_closes_total (w) : ins_workload_day_total (w, d));
      g_ptr_array_add (t->rows, row);
      g_array_append_val (t->ids, none);
    }
  t->has_total = TRUE;
}

static void
build_untouched (InsDashboardTable *t, const InsWorkload *w, GDateTime *now)
{
  set_headers (t, _("Numéro"), _("Type"), _("Held by"), _("Last action"), _("Lease"), _("Age (days)"), NULL);
  t->numeric = 1 << 5;
  for (guint i = 0; i < w->untouched->len; i++)
    {
      InsWorkloadAffaire *a = g_ptr_array_index (w->untouched, i);
      gboolean expired = a->lease_until == NULL || g_date_time_compare (a->lease_until, now) <= 0;

      add_row (t, a->id, g_strdup (a->numero), g_strdup (ins_kind_label (a->kind)), holder (a),
               date_time (a->updated_at), g_strdup (expired ? _("expired") : _("active")), number (a->age_days));
    }
}

static void
build_oldest (InsDashboardTable *t, const InsWorkload *w, GDateTime *now)
{
  set_headers (t, _("Numéro"), _("Type"), _("Status"), _("Insured person"), _("Received on"),
               _("Age (days)"), _("Deadline"), _("Held by"), NULL);
  t->numeric = 1 << 5;
  for (guint i = 0; i < w->oldest->len; i++)
    {
      InsWorkloadAffaire *a = g_ptr_array_index (w->oldest, i);

      add_row (t, a->id, g_strdup (a->numero), g_strdup (ins_kind_label (a->kind)),
               g_strdup (ins_status_label (a->status)), person (a),
               a->received_at ? ins_format_date_short (a->received_at) : NULL, number (a->age_days),
               a->due_at ? ins_sla_describe_short (a->due_at, a->sla_paused_since, now) : NULL, holder (a));
    }
}

static void
build_non_exploitables (InsDashboardTable *t, const InsWorkload *w)
{
  set_headers (t, _("Numéro"), _("Type"), _("Insured person"), _("Received on"), _("Age (days)"), _("Reason"), NULL);
  t->numeric = 1 << 4;
  for (guint i = 0; i < w->non_exploitables->len; i++)
    {
      InsWorkloadAffaire *a = g_ptr_array_index (w->non_exploitables, i);

      add_row (t, a->id, g_strdup (a->numero), g_strdup (ins_kind_label (a->kind)), person (a),
               a->received_at ? ins_format_date_short (a->received_at) : NULL, number (a->age_days),
               g_strdup (a->reason));
    }
}

static void
build_failed (InsDashboardTable *t, const InsWorkload *w)
{
  set_headers (t, _("Numéro"), _("Notification"), _("Attempts"), _("Last error"), _("Queued"), NULL);
  t->numeric = 1 << 2;
  for (guint i = 0; i < w->failed->len; i++)
    {
      InsWorkloadNotification *n = g_ptr_array_index (w->failed, i);

      add_row (t, n->id, g_strdup (n->numero), g_strdup (ins_notification_kind_label (n->kind)),
               number (n->attempts), g_strdup (n->last_error), date_time (n->created_at));
    }
}

InsDashboardTable *
ins_dashboard_table_new (const InsWorkload   *workload,
                         InsDashboardTableId  id,
                         GDateTime           *now)
{
  InsDashboardTable *t = g_new0 (InsDashboardTable, 1);

  g_return_val_if_fail ((guint) id < INS_N_DASHBOARD_TABLES, NULL);

  t->id = id;
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  t->ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  switch (id)
    {
    case INS_DASHBOARD_BACKLOG:
      build_backlog (t, workload);
      break;
    case INS_DASHBOARD_BREACHES:
      build_breaches (t, workload, now);
      break;
    case INS_DASHBOARD_THROUGHPUT:
      build_throughput (t, workload);
      break;
    case INS_DASHBOARD_UNTOUCHED:
      build_untouched (t, workload, now);
      break;
    case INS_DASHBOARD_OLDEST:
      build_oldest (t, workload, now);
      break;
    case INS_DASHBOARD_NON_EXPLOITABLES:
      build_non_exploitables (t, workload);
      break;
    case INS_DASHBOARD_FAILED:
    case INS_N_DASHBOARD_TABLES:
    default:
      build_failed (t, workload);
      break;
    }
  return t;
}

/* CSV ------------------------------------------------------------------------- */

/* As French spreadsheets read it: fields separated by semicolons (the comma is
 * the decimal mark there), UTF-8 announced by a byte-order mark. */
#define CSV_SEPARATOR ';'

/* Numbers without their thousands separators, so that a spreadsheet reads them. */
static void
append_field (GString *out, const char *field, gboolean numeric)
{
  g_auto(GStrv) parts = numeric ? g_strsplit (field, "\u202F", -1) : NULL;
  g_autofree char *plain = parts ? g_strjoinv ("", parts) : NULL;
  gboolean formula, quote;

  if (plain != NULL)
    field = plain;
  formula = field[0] != '\0' && strchr ("=+-@", field[0]) != NULL;
  quote = formula || strpbrk (field, ";,\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
append_line (GString *out, char **fields, guint numeric)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, CSV_SEPARATOR);
      append_field (out, fields[i], i < 32 && (numeric & (1u << i)));
    }
  g_string_append (out, "\r\n");
}

char *
ins_dashboard_table_to_csv (const InsDashboardTable *table)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");

  append_line (out, table->headers, 0);
  for (guint i = 0; i < table->rows->len; i++)
    append_line (out, g_ptr_array_index (table->rows, i), table->numeric);
  return g_string_free (out, FALSE);
}
