/* ins-claim-store.c — claiming the next affaire, renewing a lease */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-rules.h"
#include "ins-claim-store.h"
#include "ins-db.h"
#include "ins-transition-store.h"

/* The function is in 017-claim-sla-relay.sql; its statements are planned
 * once per session, and this one, prepared, too. */
static const char next_sql[] = "SELECT id, version FROM ins_claim_next($1, $2, $3)";

const char *
ins_claim_store_next_sql (void)
{
  return next_sql;
}

gint64
ins_claim_store_next (PGconn          *conn,
                      const InsAgent  *agent,
                      int             *version,
                      GError         **error)
{
  InsAffaireFacts facts = { INS_KIND_SOINS_ETRANGER, INS_STATUS_RECUE, FALSE, FALSE, FALSE };
  char agent_id[12], organisme_id[12];
  const char *params[] = { agent_id, organisme_id, G_STRINGIFY (INS_LEASE_SECONDS) };
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GError) rules_error = NULL;

  if (!ins_rules_check (INS_ACTION_CLAIM, agent->role, &facts, &rules_error))
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_ALLOWED, rules_error->message);
      return 0;
    }
  g_snprintf (agent_id, sizeof agent_id, "%d", agent->id);
  g_snprintf (organisme_id, sizeof organisme_id, "%d", agent->organisme_id);
  res = ins_db_exec_prepared (conn, "ins_claim_next", next_sql, G_N_ELEMENTS (params), params, error);
  if (res == NULL)
    return 0;
  if (PQntuples (res) == 0)
    return 0;
  if (version)
    *version = (int) ins_db_get_int64 (res, 0, 1);
  return ins_db_get_int64 (res, 0, 0);
}

gboolean
ins_claim_store_renew_lease (PGconn          *conn,
                             const InsAgent  *agent,
                             gint64           affaire_id,
                             GError         **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, affaire_id);
  g_autofree char *agent_id = g_strdup_printf ("%d", agent->id);
  g_autofree char *lease = g_strdup_printf ("%d", INS_LEASE_SECONDS);
  const char *params[] = { id, agent_id, lease };
  g_autoptr(PGresult) res = NULL;
  g_autofree char *message = NULL;

  res = ins_db_exec (conn,
                     "UPDATE affaire SET lease_until = now() + make_interval(secs => $3)"
                     " WHERE id = $1 AND assignee_id = $2",
                     G_N_ELEMENTS (params), params, error);
  if (res == NULL)
    return FALSE;
  if (g_strcmp0 (PQcmdTuples (res), "1") == 0)
    return TRUE;

  message = ins_transition_store_describe_last_change (conn, affaire_id, NULL);
  g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT,
                       message ? message : _("You no longer hold this affaire"));
  return FALSE;
}
