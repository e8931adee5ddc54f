/* ins-workload.c — the figures of the supervisor dashboard */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include "ins-workload.h"

void
ins_workload_query_init (InsWorkloadQuery *query)
{
  query->untouched_hours = INS_WORKLOAD_DEFAULT_UNTOUCHED_HOURS;
  query->list_limit = INS_WORKLOAD_DEFAULT_LIST_LIMIT;
  query->days = INS_WORKLOAD_DEFAULT_DAYS;
}

static void
affaire_clear (gpointer data)
{
  InsWorkloadAffaire *self = data;

  g_free (self->numero);
  g_free (self->nom);
  g_free (self->prenom);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->sla_paused_since, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->lease_until, g_date_time_unref);
  g_free (self->assignee_name);
  g_free (self->reason);
}

InsWorkloadAffaire *
ins_workload_affaire_new (void)
{
  return g_atomic_rc_box_new0 (InsWorkloadAffaire);
}

InsWorkloadAffaire *
ins_workload_affaire_ref (InsWorkloadAffaire *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
ins_workload_affaire_unref (InsWorkloadAffaire *self)
{
  g_atomic_rc_box_release_full (self, affaire_clear);
}

static void
notification_clear (gpointer data)
{
  InsWorkloadNotification *self = data;

  g_free (self->numero);
  g_free (self->last_error);
  g_clear_pointer (&self->created_at, g_date_time_unref);
}

InsWorkloadNotification *
ins_workload_notification_new (void)
{
  return g_atomic_rc_box_new0 (InsWorkloadNotification);
}

InsWorkloadNotification *
ins_workload_notification_ref (InsWorkloadNotification *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
ins_workload_notification_unref (InsWorkloadNotification *self)
{
  g_atomic_rc_box_release_full (self, notification_clear);
}

InsWorkloadAgent *
ins_workload_agent_new (int id, const char *name, guint days)
{
  InsWorkloadAgent *self = g_new0 (InsWorkloadAgent, 1);

  self->id = id;
  self->name = g_strdup (name ? name : "");
  self->per_day = g_new0 (guint, MAX (days, 1));
  return self;
}

void
ins_workload_agent_free (InsWorkloadAgent *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->per_day);
  g_free (self);
}

static void
workload_clear (gpointer data)
{
  InsWorkload *self = data;

  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->oldest, g_ptr_array_unref);
  g_clear_pointer (&self->breaches, g_ptr_array_unref);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->untouched, g_ptr_array_unref);
  g_clear_pointer (&self->non_exploitables, g_ptr_array_unref);
  g_clear_pointer (&self->failed, g_ptr_array_unref);
}

InsWorkload *
ins_workload_new (const InsWorkloadQuery *query)
{
  InsWorkload *self = g_atomic_rc_box_new0 (InsWorkload);

  if (query != NULL)
    self->query = *query;
  else
    ins_workload_query_init (&self->query);
  self->query.days = MAX (self->query.days, 1);
  g_date_clear (&self->first_day, 1);
  self->oldest = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_workload_affaire_unref);
  self->breaches = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_workload_affaire_unref);
  self->agents = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_workload_agent_free);
  self->untouched = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_workload_affaire_unref);
  self->non_exploitables = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_workload_affaire_unref);
  self->failed = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_workload_notification_unref);
  return self;
}

InsWorkload *
ins_workload_ref (InsWorkload *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
ins_workload_unref (InsWorkload *self)
{
  g_atomic_rc_box_release_full (self, workload_clear);
}

G_DEFINE_BOXED_TYPE (InsWorkload, ins_workload, ins_workload_ref, ins_workload_unref)

void
ins_workload_add_backlog (InsWorkload   *self,
                          InsAffaireKind kind,
                          InsStatus      status,
                          guint          age_days,
                          guint          count)
{
  g_return_if_fail ((guint) kind < INS_N_KINDS);
  g_return_if_fail ((guint) status < INS_N_STATUSES);

  self->backlog[kind][status][ins_sla_age_band (age_days)] += count;
}

InsWorkloadAgent *
ins_workload_find_agent (const InsWorkload *self, int agent_id)
{
  for (guint i = 0; i < self->agents->len; i++)
    {
      InsWorkloadAgent *agent = g_ptr_array_index (self->agents, i);

      if (agent->id == agent_id)
        return agent;
    }
  return NULL;
}

void
ins_workload_add_closes (InsWorkload *self,
                         int          agent_id,
                         const char  *agent_name,
                         const GDate *day,
                         guint        count)
{
  InsWorkloadAgent *agent = ins_workload_find_agent (self, agent_id);
  int index;

  if (agent == NULL)
    {
      agent = ins_workload_agent_new (agent_id, agent_name, self->query.days);
      g_ptr_array_add (self->agents, agent);
    }
  if (day == NULL || !g_date_valid (day) || !g_date_valid (&self->first_day))
    return;
  index = g_date_days_between (&self->first_day, day);
  if (index < 0 || (guint) index >= self->query.days)
    return;
  agent->per_day[index] += count;
  agent->total += count;
}

static int
compare_agents (gconstpointer a, gconstpointer b)
{
  const InsWorkloadAgent *x = *(InsWorkloadAgent * const *) a;
  const InsWorkloadAgent *y = *(InsWorkloadAgent * const *) b;
  g_autofree char *kx = g_utf8_collate_key (x->name, -1);
  g_autofree char *ky = g_utf8_collate_key (y->name, -1);
  int c = g_strcmp0 (kx, ky);

  return c != 0 ? c : (x->id > y->id) - (x->id < y->id);
}

void
ins_workload_sort_agents (InsWorkload *self)
{
  g_ptr_array_sort (self->agents, compare_agents);
}

guint
ins_workload_backlog_sum (const InsWorkload *self, int kind, int status, int band)
{
  guint sum = 0;

  for (int k = 0; k < INS_N_KINDS; k++)
    for (int s = 0; s < INS_N_STATUSES; s++)
      for (int b = 0; b < INS_N_AGE_BANDS; b++)
        if ((kind < 0 || kind == k) && (status < 0 || status == s) && (band < 0 || band == b))
          sum += self->backlog[k][s][b];
  return sum;
}

guint
ins_workload_breach_total (const InsWorkload *self)
{
  guint sum = 0;

  for (int k = 0; k < INS_N_KINDS; k++)
    sum += self->breach_count[k];
  return sum;
}

guint
ins_workload_day_total (const InsWorkload *self, guint index)
{
  guint sum = 0;

  g_return_val_if_fail (index < self->query.days, 0);
  for (guint i = 0; i < self->agents->len; i++)
    sum += ((InsWorkloadAgent *) g_ptr_array_index (self->agents, i))->per_day[index];
  return sum;
}

guint
ins_workload_closes_total (const InsWorkload *self)
{
  guint sum = 0;

  for (guint i = 0; i < self->agents->len; i++)
    sum += ((InsWorkloadAgent *) g_ptr_array_index (self->agents, i))->total;
  return sum;
}

guint
ins_workload_day_max (const InsWorkload *self)
{
  guint max = 0;

  for (guint d = 0; d < self->query.days; d++)
    max = MAX (max, ins_workload_day_total (self, d));
  return max;
}

void
ins_workload_day (const InsWorkload *self, guint index, GDate *day)
{
  *day = self->first_day;
  if (g_date_valid (day))
    g_date_add_days (day, index);
}
