/* ins-workload.h — what the supervisor dashboard shows: the workload of one
 * organisme at one instant (shared domain.md, "What supervisors look at")
 *
 * The store fills an InsWorkload from one read-only snapshot, so every figure
 * is consistent with the others. "Open" means not clôturée. Ages are calendar
 * days in Europe/Paris, banded with ins_sla_age_band(). A breach is an open
 * affaire whose clock runs (not paused) and whose due date, already moved
 * forward by paused time, has passed.
 */
#pragma once

#include <glib-object.h>

#include "ins-sla.h"
#include "ins-types.h"

G_BEGIN_DECLS

#define INS_WORKLOAD_DEFAULT_UNTOUCHED_HOURS 24
#define INS_WORKLOAD_DEFAULT_LIST_LIMIT 50
#define INS_WORKLOAD_DEFAULT_DAYS 28

/* What to compute. */
typedef struct {
  guint untouched_hours;  /* a claim without activity for this long is untouched */
  guint list_limit;       /* rows in each list (the counts are always complete) */
  guint days;             /* throughput period, ending today */
} InsWorkloadQuery;

void ins_workload_query_init (InsWorkloadQuery *query);

/* One affaire in a list of the dashboard. */
typedef struct {
  gint64          id;
  char           *numero;
  InsAffaireKind  kind;
  InsStatus       status;
  char           *nom;            /* ouvreur de droit */
  char           *prenom;
  GDateTime      *received_at;
  GDateTime      *due_at;
  GDateTime      *sla_paused_since;
  GDateTime      *updated_at;     /* last action on it */
  GDateTime      *lease_until;    /* NULL when nobody holds it */
  guint           age_days;
  int             assignee_id;    /* 0: nobody */
  char           *assignee_name;
  int             version;        /* pass it back with an action */
  char           *reason;         /* non exploitable: why; NULL otherwise */
} InsWorkloadAffaire;

/* A notification the relay gave up on. */
typedef struct {
  gint64               id;
  gint64               affaire_id;
  char                *numero;
  InsNotificationKind  kind;
  int                  attempts;
  char                *last_error;
  GDateTime           *created_at;
} InsWorkloadNotification;

/* Closes by one agent, per day of the period. */
typedef struct {
  int     id;
  char   *name;
  guint  *per_day;   /* days entries, oldest day first */
  guint   total;
} InsWorkloadAgent;

typedef struct {
  GDateTime *as_of;                 /* the snapshot's time */
  InsWorkloadQuery query;
  GDate      first_day;             /* throughput period: first_day … first_day + days - 1 */

  /* open affaires by type × status × age band */
  guint      backlog[INS_N_KINDS][INS_N_STATUSES][INS_N_AGE_BANDS];

  GPtrArray *oldest;                /* of InsWorkloadAffaire*, oldest received first */
  guint      breach_count[INS_N_KINDS];
  GPtrArray *breaches;              /* of InsWorkloadAffaire*, longest overdue first */
  GPtrArray *agents;                /* of InsWorkloadAgent*, by name */
  guint      untouched_count;
  GPtrArray *untouched;             /* of InsWorkloadAffaire*, least recent activity first */
  guint      non_exploitable_count;
  GPtrArray *non_exploitables;      /* of InsWorkloadAffaire*, oldest first */
  guint      failed_count;
  GPtrArray *failed;                /* of InsWorkloadNotification*, oldest first */
} InsWorkload;

GType                    ins_workload_get_type              (void) G_GNUC_CONST;
InsWorkload             *ins_workload_new                   (const InsWorkloadQuery *query);
InsWorkload             *ins_workload_ref                   (InsWorkload *self);
void                     ins_workload_unref                 (InsWorkload *self);

/* List entries are reference counted: a row of the view keeps one. */
InsWorkloadAffaire      *ins_workload_affaire_new           (void);
InsWorkloadAffaire      *ins_workload_affaire_ref           (InsWorkloadAffaire *self);
void                     ins_workload_affaire_unref         (InsWorkloadAffaire *self);
InsWorkloadNotification *ins_workload_notification_new      (void);
InsWorkloadNotification *ins_workload_notification_ref      (InsWorkloadNotification *self);
void                     ins_workload_notification_unref    (InsWorkloadNotification *self);
/* An agent with a zero count for each of @days days. */
InsWorkloadAgent        *ins_workload_agent_new             (int         id,
                                                             const char *name,
                                                             guint       days);
void                     ins_workload_agent_free            (InsWorkloadAgent *self);

/* Adds @count affaires of @age_days to the backlog. */
void     ins_workload_add_backlog      (InsWorkload   *self,
                                        InsAffaireKind kind,
                                        InsStatus      status,
                                        guint          age_days,
                                        guint          count);
/* Adds @count closes by agent @id on @day (ignored outside the period); the
 * agent is added when new. */
void     ins_workload_add_closes       (InsWorkload   *self,
                                        int            agent_id,
                                        const char    *agent_name,
                                        const GDate   *day,
                                        guint          count);
/* Sorts the agents by name (after the last ins_workload_add_closes()). */
void     ins_workload_sort_agents      (InsWorkload   *self);

/* Sums of the backlog; a negative argument means "all". */
guint    ins_workload_backlog_sum      (const InsWorkload *self,
                                        int                kind,
                                        int                status,
                                        int                band);
guint    ins_workload_breach_total     (const InsWorkload *self);
/* Closes on day @index of the period (all agents) and over the period. */
guint    ins_workload_day_total        (const InsWorkload *self,
                                        guint              index);
guint    ins_workload_closes_total     (const InsWorkload *self);
/* The largest day total: the chart's scale. */
guint    ins_workload_day_max          (const InsWorkload *self);
/* The date of day @index of the period. */
void     ins_workload_day              (const InsWorkload *self,
                                        guint              index,
                                        GDate             *day);
InsWorkloadAgent *ins_workload_find_agent (const InsWorkload *self,
                                           int                agent_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsWorkload, ins_workload_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsWorkloadAffaire, ins_workload_affaire_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsWorkloadNotification, ins_workload_notification_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsWorkloadAgent, ins_workload_agent_free)

G_END_DECLS
