/* ins-workload-store.c — the supervisor dashboard: aggregates in one snapshot */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-db.h"
#include "ins-db-row.h"
#include "ins-workload-store.h"

/* Every statement below sees only the affaires row security lets the
 * connected agent see; none names an organisme. */

#define AFFAIRE_COLUMNS \
  "a.id, a.numero, a.kind, a.status, a.nom, a.prenom, a.received_at, a.due_at," \
  " a.sla_paused_since, a.updated_at, a.lease_until," \
  " greatest(0, current_date - a.received_at::date), a.assignee_id, g.display_name," \
  " a.version, a.non_exploitable_reason"
#define AFFAIRE_FROM "affaire a LEFT JOIN agent g ON g.id = a.assignee_id"

static const char backlog_sql[] =
  "SELECT kind, status, greatest(0, current_date - received_at::date), count(*)"
  "  FROM affaire WHERE status <> 'cloturee'"
  " GROUP BY 1, 2, 3";

static const char oldest_sql[] =
  "SELECT " AFFAIRE_COLUMNS " FROM " AFFAIRE_FROM
  " WHERE a.status <> 'cloturee'"
  " ORDER BY a.received_at, a.id LIMIT $1";

/* Open affaires whose clock ran out, claimed or not, each read from an index
 * without the closed ones (017-claim-sla-relay.sql); the predicates are the
 * indexes' own. */
static const char breach_count_sql[] =
  "SELECT kind, count(*) FROM ("
  "  SELECT kind FROM affaire"
  "   WHERE status <> 'cloturee' AND status <> 'en_cours' AND sla_paused_since IS NULL AND due_at < now()"
  "  UNION ALL"
  "  SELECT kind FROM affaire"
  "   WHERE status = 'en_cours' AND sla_paused_since IS NULL AND due_at < now()) open"
  " GROUP BY 1";

const char *
ins_workload_store_breach_count_sql (void)
{
  return breach_count_sql;
}

static const char breaches_sql[] =
  "SELECT " AFFAIRE_COLUMNS " FROM " AFFAIRE_FROM
  " WHERE a.status <> 'cloturee' AND a.sla_paused_since IS NULL AND a.due_at < now()"
  " ORDER BY a.due_at, a.id LIMIT $1";

/* Closes per agent and calendar day since the first day of the period
 * (006-workload.sql: the history's row policy, per row, is too slow here). */
static const char closes_sql[] =
  "SELECT c.agent_id, g.display_name, c.day, c.closes"
  "  FROM ins_workload_closes($1::int) c JOIN agent g ON g.id = c.agent_id";

/* The organisme's instructeurs, shown even without a close. */
static const char instructeurs_sql[] =
  "SELECT id, display_name FROM agent"
  " WHERE organisme_id = ins_current_organisme_id() AND role = 'instructeur' AND active";

/* $H: the hours without activity. */
#define UNTOUCHED_WHERE(H) \
  " WHERE a.status = 'en_cours' AND a.assignee_id IS NOT NULL" \
  "   AND (a.lease_until <= now() OR a.updated_at < now() - make_interval(hours => " H "::int))"

static const char untouched_count_sql[] =
  "SELECT count(*) FROM affaire a" UNTOUCHED_WHERE ("$1");

static const char untouched_sql[] =
  "SELECT " AFFAIRE_COLUMNS " FROM " AFFAIRE_FROM UNTOUCHED_WHERE ("$2")
  " ORDER BY a.updated_at, a.id LIMIT $1";

static const char non_exploitable_count_sql[] =
  "SELECT count(*) FROM affaire WHERE status = 'non_exploitable'";

static const char non_exploitable_sql[] =
  "SELECT " AFFAIRE_COLUMNS " FROM " AFFAIRE_FROM
  " WHERE a.status = 'non_exploitable'"
  " ORDER BY a.received_at, a.id LIMIT $1";

static const char failed_sql[] =
  "SELECT n.id, n.affaire_id, a.numero, n.kind, n.attempts, n.last_error, n.created_at,"
  "       count(*) OVER ()"
  "  FROM notification_outbox n JOIN affaire a ON a.id = n.affaire_id"
  " WHERE n.state = 'failed'"
  " ORDER BY n.id LIMIT $1";

static const char begin_sql[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
static const char now_sql[] = "SELECT now(), current_date - ($1::int - 1)";

static InsWorkloadAffaire *
read_affaire (PGresult *res, int row)
{
  InsWorkloadAffaire *a = ins_workload_affaire_new ();

  a->id = ins_db_get_int64 (res, row, 0);
  a->numero = ins_db_row_strdup (res, row, 1);
  ins_kind_from_nick (ins_db_get_string (res, row, 2), &a->kind);
  ins_status_from_nick (ins_db_get_string (res, row, 3), &a->status);
  a->nom = ins_db_row_strdup (res, row, 4);
  a->prenom = ins_db_row_strdup (res, row, 5);
  a->received_at = ins_db_row_datetime (res, row, 6);
  a->due_at = ins_db_row_datetime (res, row, 7);
  a->sla_paused_since = ins_db_row_datetime (res, row, 8);
  a->updated_at = ins_db_row_datetime (res, row, 9);
  a->lease_until = ins_db_row_datetime (res, row, 10);
  a->age_days = (guint) ins_db_get_int64 (res, row, 11);
  a->assignee_id = (int) ins_db_get_int64 (res, row, 12);
  a->assignee_name = ins_db_row_strdup (res, row, 13);
  a->version = (int) ins_db_get_int64 (res, row, 14);
  a->reason = ins_db_row_strdup (res, row, 15);
  return a;
}

static gboolean
load_list (PGconn      *conn,
           const char  *sql,
           int          n_params,
           const char **params,
           GPtrArray   *into,
           GError     **error)
{
  g_autoptr(PGresult) res = ins_db_exec (conn, sql, n_params, params, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (into, read_affaire (res, i));
  return TRUE;
}

static gboolean
load_count (PGconn      *conn,
            const char  *sql,
            int          n_params,
            const char **params,
            guint       *count,
            GError     **error)
{
  g_autoptr(PGresult) res = ins_db_exec (conn, sql, n_params, params, error);

  if (res == NULL)
    return FALSE;
  *count = (guint) ins_db_get_int64 (res, 0, 0);
  return TRUE;
}

static gboolean
load_backlog (PGconn *conn, InsWorkload *w, GError **error)
{
  g_autoptr(PGresult) res = ins_db_exec (conn, backlog_sql, 0, NULL, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      InsAffaireKind kind;
      InsStatus status;

      if (!ins_kind_from_nick (ins_db_get_string (res, i, 0), &kind)
          || !ins_status_from_nick (ins_db_get_string (res, i, 1), &status))
        continue;
      ins_workload_add_backlog (w, kind, status, (guint) ins_db_get_int64 (res, i, 2),
                                (guint) ins_db_get_int64 (res, i, 3));
    }
  return TRUE;
}

static gboolean
load_breach_counts (PGconn *conn, InsWorkload *w, GError **error)
{
  g_autoptr(PGresult) res = ins_db_exec (conn, breach_count_sql, 0, NULL, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      InsAffaireKind kind;

      if (ins_kind_from_nick (ins_db_get_string (res, i, 0), &kind))
        w->breach_count[kind] = (guint) ins_db_get_int64 (res, i, 1);
    }
  return TRUE;
}

static gboolean
load_throughput (PGconn *conn, InsWorkload *w, GError **error)
{
  g_autofree char *days = g_strdup_printf ("%u", w->query.days);
  const char *params[] = { days };
  g_autoptr(PGresult) agents = NULL;
  g_autoptr(PGresult) res = NULL;

  agents = ins_db_exec (conn, instructeurs_sql, 0, NULL, error);
  if (agents == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (agents); i++)
    ins_workload_add_closes (w, (int) ins_db_get_int64 (agents, i, 0), ins_db_get_string (agents, i, 1),
                             NULL, 0);

  res = ins_db_exec (conn, closes_sql, 1, params, error);
  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      GDate day;

      ins_db_row_date (res, i, 2, &day);
      ins_workload_add_closes (w, (int) ins_db_get_int64 (res, i, 0), ins_db_get_string (res, i, 1),
                               &day, (guint) ins_db_get_int64 (res, i, 3));
    }
  ins_workload_sort_agents (w);
  return TRUE;
}

static gboolean
load_failed (PGconn *conn, InsWorkload *w, const char *limit, GError **error)
{
  const char *params[] = { limit };
  g_autoptr(PGresult) res = ins_db_exec (conn, failed_sql, 1, params, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      InsWorkloadNotification *n = ins_workload_notification_new ();

      n->id = ins_db_get_int64 (res, i, 0);
      n->affaire_id = ins_db_get_int64 (res, i, 1);
      n->numero = ins_db_row_strdup (res, i, 2);
      ins_notification_kind_from_nick (ins_db_get_string (res, i, 3), &n->kind);
      n->attempts = (int) ins_db_get_int64 (res, i, 4);
      n->last_error = ins_db_row_strdup (res, i, 5);
      n->created_at = ins_db_row_datetime (res, i, 6);
      g_ptr_array_add (w->failed, n);
    }
  w->failed_count = PQntuples (res) > 0 ? (guint) ins_db_get_int64 (res, 0, 7) : 0;
  return TRUE;
}

static gboolean
load_snapshot (PGconn *conn, InsWorkload *w, GError **error)
{
  g_autofree char *limit = g_strdup_printf ("%u", MAX (w->query.list_limit, 1));
  g_autofree char *hours = g_strdup_printf ("%u", w->query.untouched_hours);
  g_autofree char *days = g_strdup_printf ("%u", w->query.days);
  const char *limit_p[] = { limit };
  const char *untouched_p[] = { limit, hours };
  const char *hours_p[] = { hours };
  const char *first_p[] = { days };
  g_autoptr(PGresult) now = NULL;

  now = ins_db_exec (conn, now_sql, 1, first_p, error);
  if (now == NULL)
    return FALSE;
  w->as_of = ins_db_row_datetime (now, 0, 0);
  ins_db_row_date (now, 0, 1, &w->first_day);

  return load_backlog (conn, w, error)
         && load_list (conn, oldest_sql, 1, limit_p, w->oldest, error)
         && load_breach_counts (conn, w, error)
         && load_list (conn, breaches_sql, 1, limit_p, w->breaches, error)
         && load_throughput (conn, w, error)
         && load_count (conn, untouched_count_sql, 1, hours_p, &w->untouched_count, error)
         && load_list (conn, untouched_sql, 2, untouched_p, w->untouched, error)
         && load_count (conn, non_exploitable_count_sql, 0, NULL, &w->non_exploitable_count, error)
         && load_list (conn, non_exploitable_sql, 1, limit_p, w->non_exploitables, error)
         && load_failed (conn, w, limit, error);
}

InsWorkload *
ins_workload_store_load (PGconn                 *conn,
                         const InsWorkloadQuery *query,
                         GError                **error)
{
  g_autoptr(InsWorkload) w = ins_workload_new (query);

  if (!ins_db_run (conn, begin_sql, 0, NULL, error))
    return NULL;
  if (!load_snapshot (conn, w, error))
    {
      ins_db_rollback (conn);
      return NULL;
    }
  /* Read only: ending it either way releases the snapshot. */
  if (!ins_db_commit (conn, error))
    return NULL;
  return g_steal_pointer (&w);
}

/* @sql with $1 and $2 replaced by integers. */
static void
append_statement (GString *out, const char *name, const char *sql, guint p1, guint p2)
{
  g_autofree char *s1 = g_strdup_printf ("%u", p1);
  g_autofree char *s2 = g_strdup_printf ("%u", p2);

  if (name != NULL)
    g_string_append_printf (out, "-- %s\n", name);
  for (const char *p = sql; *p; p++)
    {
      if (p[0] == '$' && (p[1] == '1' || p[1] == '2'))
        g_string_append (out, *++p == '1' ? s1 : s2);
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, ";\n");
}

char *
ins_workload_store_script (const InsWorkloadQuery *query)
{
  InsWorkloadQuery q;
  GString *out = g_string_new (NULL);
  guint limit;

  if (query != NULL)
    q = *query;
  else
    ins_workload_query_init (&q);
  limit = MAX (q.list_limit, 1);
  append_statement (out, NULL, begin_sql, 0, 0);
  append_statement (out, "snapshot time", now_sql, q.days, 0);
  append_statement (out, "backlog", backlog_sql, 0, 0);
  append_statement (out, "oldest", oldest_sql, limit, 0);
  append_statement (out, "overdue counts", breach_count_sql, 0, 0);
  append_statement (out, "overdue list", breaches_sql, limit, 0);
  append_statement (out, "instructeurs", instructeurs_sql, 0, 0);
  append_statement (out, "closes per agent and day", closes_sql, q.days, 0);
  append_statement (out, "untouched count", untouched_count_sql, q.untouched_hours, 0);
  append_statement (out, "untouched claims", untouched_sql, limit, q.untouched_hours);
  append_statement (out, "unusable count", non_exploitable_count_sql, 0, 0);
  append_statement (out, "unusable", non_exploitable_sql, limit, 0);
  append_statement (out, "failed notifications", failed_sql, limit, 0);
  append_statement (out, NULL, "COMMIT", 0, 0);
  return g_string_free (out, FALSE);
}

gboolean
ins_workload_store_retry_notification (PGconn          *conn,
                                       const InsAgent  *agent,
                                       gint64           notification_id,
                                       GError         **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, notification_id);
  g_autofree char *agent_id = g_strdup_printf ("%d", agent->id);
  const char *params[] = { id };
  g_autoptr(PGresult) res = NULL;

  if (!ins_db_begin (conn, error))
    return FALSE;
  res = ins_db_exec (conn,
                     "SELECT n.state, n.affaire_id, n.kind, a.status FROM notification_outbox n"
                     "  JOIN affaire a ON a.id = n.affaire_id"
                     " WHERE n.id = $1 FOR UPDATE OF n",
                     1, params, error);
  if (res == NULL)
    goto fail;
  if (PQntuples (res) == 0)
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND,
                           _("This notification no longer exists or is not visible to you"));
      goto fail;
    }
  if (g_strcmp0 (ins_db_get_string (res, 0, 0), "failed") != 0)
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT,
                           _("This notification is no longer failed: it was retried or sent meanwhile"));
      goto fail;
    }

  {
    InsNotificationKind kind = INS_NOTIFICATION_ACCUSE_RECEPTION;
    g_autofree char *comment = NULL;
    const char *update_p[] = { id };
    const char *history_p[4];

    ins_notification_kind_from_nick (ins_db_get_string (res, 0, 2), &kind);
    /* TRANSLATORS: a history comment; %s is a notification kind */
    comment = g_strdup_printf (_("Notification “%s” sent again"), ins_notification_kind_label (kind));
    history_p[0] = ins_db_get_string (res, 0, 1);
    history_p[1] = agent_id;
    history_p[2] = ins_db_get_string (res, 0, 3);
    history_p[3] = comment;

    if (!ins_db_run (conn,
                     "UPDATE notification_outbox SET state = 'pending', attempts = 0,"
                     " next_attempt_at = now(), last_error = NULL"
                     " WHERE id = $1 AND state = 'failed'",
                     1, update_p, error)
        || !ins_db_run (conn,
                        "INSERT INTO history (affaire_id, agent_id, action, from_status, to_status, comment)"
                        " VALUES ($1, $2, 'retry_notification', $3::affaire_status, $3::affaire_status, $4)",
                        4, history_p, error)
        || !ins_db_commit (conn, error))
      goto fail;
  }
  return TRUE;

fail:
  ins_db_rollback (conn);
  return FALSE;
}

/* Asynchronous ------------------------------------------------------------- */

static gpointer
load_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  (void) cancellable;
  return ins_workload_store_load (conn, data, error);
}

void
ins_workload_store_load_async (InsStore               *store,
                               const InsWorkloadQuery *query,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  InsWorkloadQuery *copy = g_new0 (InsWorkloadQuery, 1);

  if (query != NULL)
    *copy = *query;
  else
    ins_workload_query_init (copy);
  ins_store_call_async (store, load_func, copy, g_free, cancellable, callback, user_data);
}

InsWorkload *
ins_workload_store_load_finish (InsStore      *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  return ins_store_call_finish (store, result, error);
}

typedef struct {
  InsAgent *agent;
  gint64    id;
} RetryData;

static void
retry_data_free (gpointer data)
{
  RetryData *r = data;

  g_clear_pointer (&r->agent, ins_agent_unref);
  g_free (r);
}

static gpointer
retry_func (PGconn *conn, gpointer data, GCancellable *cancellable, GError **error)
{
  RetryData *r = data;

  (void) cancellable;
  if (r->agent == NULL)
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION,
                           _("The connection to the database was lost"));
      return NULL;
    }
  return ins_workload_store_retry_notification (conn, r->agent, r->id, error) ? GINT_TO_POINTER (1) : NULL;
}

void
ins_workload_store_retry_notification_async (InsStore            *store,
                                             gint64               notification_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  RetryData *r = g_new0 (RetryData, 1);
  InsAgent *agent = ins_store_get_agent (store);

  r->agent = agent ? ins_agent_ref (agent) : NULL;
  r->id = notification_id;
  ins_store_call_async (store, retry_func, r, retry_data_free, cancellable, callback, user_data);
}

gboolean
ins_workload_store_retry_notification_finish (InsStore      *store,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return ins_store_call_finish (store, result, error) != NULL;
}
