/* ins-transition-store.c — status changes: one short, version-checked transaction each */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-format.h"
#include "core/ins-rules.h"
#include "ins-affaire-store.h"
#include "ins-claim-store.h"
#include "ins-db.h"
#include "ins-db-row.h"
#include "ins-sql.h"
#include "ins-transition-store.h"

G_DEFINE_BOXED_TYPE (InsTransition, ins_transition, ins_transition_copy, ins_transition_free)

InsTransition *
ins_transition_new (InsAction action,
                    gint64    affaire_id,
                    int       version)
{
  InsTransition *self = g_new0 (InsTransition, 1);

  self->action = action;
  self->affaire_id = affaire_id;
  self->version = version;
  g_date_clear (&self->rate_date, 1);
  return self;
}

InsTransition *
ins_transition_copy (const InsTransition *self)
{
  InsTransition *copy = g_memdup2 (self, sizeof *self);

  copy->comment = g_strdup (self->comment);
  copy->avis_conclusion_text = g_strdup (self->avis_conclusion_text);
  copy->avis_reasoning = g_strdup (self->avis_reasoning);
  copy->rate = g_strdup (self->rate);
  copy->rate_source = g_strdup (self->rate_source);
  copy->missing_pieces = g_strdupv (self->missing_pieces);
  copy->courrier = self->courrier ? g_bytes_ref (self->courrier) : NULL;
  return copy;
}

void
ins_transition_free (InsTransition *self)
{
  if (self == NULL)
    return;
  g_free (self->comment);
  g_free (self->avis_conclusion_text);
  g_free (self->avis_reasoning);
  g_free (self->rate);
  g_free (self->rate_source);
  g_strfreev (self->missing_pieces);
  g_clear_pointer (&self->courrier, g_bytes_unref);
  g_free (self);
}

/* Who did what, for conflicts ---------------------------------------------- */

static char *
describe (const char *action, const char *who, GDateTime *at)
{
  g_autofree char *date = ins_format_date_long (at);
  /* TRANSLATORS: a time of day in a sentence, strftime format: "10 h 42" in French.
   * xgettext:no-c-format */
  g_autofree char *time = g_date_time_format (at, _("%H:%M"));
  InsAction a = INS_N_ACTIONS;

  if (who == NULL || *who == '\0')
    return g_strdup_printf (_("This affaire was changed on %s at %s"), date, time);
  ins_action_from_nick (action, &a);
  switch (a)
    {
    case INS_ACTION_CLAIM:
      return g_strdup_printf (_("%s took this affaire on %s at %s"), who, date, time);
    case INS_ACTION_RELEASE:
      return g_strdup_printf (_("%s put this affaire back in the queue on %s at %s"), who, date, time);
    case INS_ACTION_REQUEST_AVIS:
      return g_strdup_printf (_("%s requested a medical opinion on this affaire on %s at %s"), who, date, time);
    case INS_ACTION_RECORD_AVIS:
      return g_strdup_printf (_("%s gave the medical opinion on this affaire on %s at %s"), who, date, time);
    case INS_ACTION_ACCEPT:
      return g_strdup_printf (_("%s accepted this affaire on %s at %s"), who, date, time);
    case INS_ACTION_REFUSE:
      return g_strdup_printf (_("%s refused this affaire on %s at %s"), who, date, time);
    case INS_ACTION_MARK_INCOMPLETE:
      return g_strdup_printf (_("%s marked this affaire incomplete on %s at %s"), who, date, time);
    case INS_ACTION_CLOSE:
      return g_strdup_printf (_("%s closed this affaire on %s at %s"), who, date, time);
    case INS_ACTION_PIECES_RECEIVED:
      return g_strdup_printf (_("%s recorded the missing documents of this affaire on %s at %s"), who, date, time);
    case INS_ACTION_REASSIGN:
      return g_strdup_printf (_("%s reassigned this affaire on %s at %s"), who, date, time);
    case INS_ACTION_TRANSFER:
      return g_strdup_printf (_("%s transferred this affaire on %s at %s"), who, date, time);
    case INS_ACTION_MARK_UNUSABLE:
      return g_strdup_printf (_("%s marked this affaire as unusable on %s at %s"), who, date, time);
    case INS_N_ACTIONS:
    default:
      return g_strdup_printf (_("%s changed this affaire on %s at %s"), who, date, time);
    }
}

char *
ins_transition_store_describe_last_change (PGconn  *conn,
                                           gint64   affaire_id,
                                           GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, affaire_id);
  const char *params[] = { id };
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GDateTime) at = NULL;

  res = ins_db_exec (conn,
                     "SELECT h.action, g.display_name, h.at FROM history h"
                     "  LEFT JOIN agent g ON g.id = h.agent_id"
                     " WHERE h.affaire_id = $1 ORDER BY h.id DESC LIMIT 1",
                     1, params, error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0 || (at = ins_db_row_datetime (res, 0, 2)) == NULL)
    return g_strdup (_("Another agent changed this affaire in the meantime"));
  return describe (ins_db_get_string (res, 0, 0), ins_db_get_string (res, 0, 1), at);
}

/* Applying ----------------------------------------------------------------- */

typedef struct {
  InsAffaireFacts  facts;
  int              version;
  char            *courrier_sha256;   /* hex, kept from a refusal */
} Current;

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* What each action needs besides the rules; checked before touching the database. */
static gboolean
validate (const InsTransition *t, GError **error)
{
  switch (t->action)
    {
    case INS_ACTION_REQUEST_AVIS:
      if (blank (t->comment))
        return invalid (error, _("Write the question for the medical adviser"));
      break;
    case INS_ACTION_RECORD_AVIS:
      if ((guint) t->avis >= INS_N_AVIS)
        return invalid (error, _("Choose favourable or unfavourable"));
      if (blank (t->avis_conclusion_text))
        return invalid (error, _("Write the conclusion the case worker will see"));
      break;
    case INS_ACTION_REFUSE:
      if ((guint) t->motif >= INS_N_MOTIFS)
        return invalid (error, _("Choose the reason for the refusal"));
      break;
    case INS_ACTION_MARK_INCOMPLETE:
      if (t->missing_pieces == NULL || t->missing_pieces[0] == NULL)
        return invalid (error, _("Tick at least one missing document"));
      break;
    case INS_ACTION_MARK_UNUSABLE:
      if (blank (t->comment))
        return invalid (error, _("Say why the documents cannot be used"));
      break;
    case INS_ACTION_REASSIGN:
      if (t->target_agent_id <= 0)
        return invalid (error, _("Choose the agent who will take the affaire"));
      break;
    case INS_ACTION_TRANSFER:
      if (t->target_organisme_id <= 0)
        return invalid (error, _("Choose the organisme the affaire goes to"));
      break;
    case INS_ACTION_CLAIM:
    case INS_ACTION_RELEASE:
    case INS_ACTION_ACCEPT:
    case INS_ACTION_CLOSE:
    case INS_ACTION_PIECES_RECEIVED:
    case INS_N_ACTIONS:
    default:
      break;
    }
  return TRUE;
}

static gboolean
validate_accept (const InsTransition *t, InsAffaireKind kind, GError **error)
{
  if (kind != INS_KIND_SOINS_ETRANGER)
    return TRUE;
  if (t->amount_eur_cents < 0)
    return invalid (error, _("Enter the amount reimbursed in euros"));
  if (blank (t->rate) || !g_date_valid (&t->rate_date) || blank (t->rate_source))
    return invalid (error, _("Enter the exchange rate, its date and its source"));
  return TRUE;
}

static gboolean
lock_current (PGconn *conn, const InsAgent *agent, const char *id, Current *cur, GError **error)
{
  g_autofree char *agent_id = g_strdup_printf ("%d", agent->id);
  const char *params[] = { id, agent_id };
  g_autoptr(PGresult) res = ins_db_exec (conn,
    "SELECT kind, status, excluded,"
    "       coalesce(assignee_id = $2 AND lease_until > now(), false),"
    "       coalesce(assignee_id IS NOT NULL AND lease_until <= now(), false),"
    "       version, encode(courrier_sha256, 'hex')"
    "  FROM affaire WHERE id = $1 FOR UPDATE", 2, params, error);

  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND,
                           _("This affaire no longer exists or is not visible to you"));
      return FALSE;
    }
  ins_kind_from_nick (ins_db_get_string (res, 0, 0), &cur->facts.kind);
  ins_status_from_nick (ins_db_get_string (res, 0, 1), &cur->facts.status);
  cur->facts.excluded = ins_db_get_bool (res, 0, 2);
  cur->facts.is_holder = ins_db_get_bool (res, 0, 3);
  cur->facts.lease_stale = ins_db_get_bool (res, 0, 4);
  cur->version = (int) ins_db_get_int64 (res, 0, 5);
  cur->courrier_sha256 = ins_db_row_strdup (res, 0, 6);
  return TRUE;
}

static void
set_claim (InsSql *q, const InsAgent *agent, int agent_id)
{
  (void) agent;
  ins_sql_add (q, ", assignee_id = ?, lease_until = now() + make_interval(secs => ?)",
               g_strdup_printf ("%d", agent_id), g_strdup_printf ("%d", INS_LEASE_SECONDS));
}

static void
clear_claim (InsSql *q)
{
  ins_sql_add (q, ", assignee_id = NULL, lease_until = NULL");
}

static gboolean
apply_locked (PGconn              *conn,
              const InsAgent      *agent,
              const InsTransition *t,
              const char          *id,
              Current             *cur,
              InsStatus            target,
              GError             **error)
{
  g_autofree char *agent_id = g_strdup_printf ("%d", agent->id);
  g_autofree char *courrier = NULL;
  g_autofree char *version = g_strdup_printf ("%d", t->version);
  g_autoptr(PGresult) res = NULL;
  InsNotificationKind notification = INS_N_NOTIFICATIONS;
  InsSql q;

  /* Moving an affaire out of the supervisor's own organisme is beyond what
   * row security lets an UPDATE do: 005-row-security.sql provides a checked
   * function that also writes the history. */
  if (t->action == INS_ACTION_TRANSFER)
    {
      g_autofree char *organisme = g_strdup_printf ("%d", t->target_organisme_id);
      const char *params[] = { id, version, organisme, t->comment };
      return ins_db_run (conn,
                         "SELECT ins_transfer_affaire($1, $2,"
                         " (SELECT code FROM organisme WHERE id = $3::smallint), $4)",
                         4, params, error);
    }

  if (t->courrier != NULL
      && (t->action == INS_ACTION_REFUSE || t->action == INS_ACTION_MARK_INCOMPLETE
          || t->action == INS_ACTION_CLOSE))
    {
      courrier = ins_affaire_store_put_blob (conn, t->courrier, error);
      if (courrier == NULL)
        return FALSE;
    }

  /* History first: once transferred, the affaire is no longer visible to the
   * supervisor's organisme under row security. */
  {
    const char *params[] = { id, agent_id, ins_action_to_nick (t->action),
                             ins_status_to_nick (cur->facts.status), ins_status_to_nick (target),
                             t->comment ? t->comment : "" };
    if (!ins_db_run (conn,
                     "INSERT INTO history (affaire_id, agent_id, action, from_status, to_status, comment)"
                     " VALUES ($1, $2, $3, $4::affaire_status, $5::affaire_status, $6)",
                     G_N_ELEMENTS (params), params, error))
      return FALSE;
  }

  if (t->action == INS_ACTION_REQUEST_AVIS)
    {
      const char *params[] = { id, agent_id, t->comment };
      if (!ins_db_run (conn, "INSERT INTO avis_medical (affaire_id, requested_by, question) VALUES ($1, $2, $3)",
                       3, params, error))
        return FALSE;
    }

  ins_sql_init (&q);
  ins_sql_add (&q, "UPDATE affaire SET status = ?::affaire_status, version = version + 1, updated_at = now()",
               g_strdup (ins_status_to_nick (target)));

  switch (t->action)
    {
    case INS_ACTION_CLAIM:
      set_claim (&q, agent, agent->id);
      break;
    case INS_ACTION_RELEASE:
      clear_claim (&q);
      break;
    case INS_ACTION_REQUEST_AVIS:
      clear_claim (&q);
      ins_sql_add (&q, ", sla_paused_since = coalesce(sla_paused_since, now())");
      break;
    case INS_ACTION_RECORD_AVIS:
      {
        g_autoptr(PGresult) avis = NULL;
        const char *params[] = { id, agent_id, ins_avis_to_nick (t->avis), t->avis_conclusion_text };

        avis = ins_db_exec (conn,
                            "UPDATE avis_medical SET answered_by = $2, answered_at = now(),"
                            "       conclusion = $3::avis_conclusion, conclusion_text = $4"
                            " WHERE affaire_id = $1 AND answered_at IS NULL"
                            " RETURNING id, requested_by",
                            4, params, error);
        if (avis == NULL || PQntuples (avis) == 0)
          {
            if (avis != NULL)
              g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_ALLOWED,
                                   _("No medical opinion has been requested for this affaire"));
            ins_sql_clear (&q);
            return FALSE;
          }
        if (!blank (t->avis_reasoning))
          {
            const char *p[] = { ins_db_get_string (avis, 0, 0), t->avis_reasoning };
            if (!ins_db_run (conn, "INSERT INTO avis_medical_reasoning (avis_id, reasoning) VALUES ($1, $2)",
                             2, p, error))
              {
                ins_sql_clear (&q);
                return FALSE;
              }
          }
        /* Back to the instructeur who asked, with a fresh lease. */
        set_claim (&q, agent, (int) ins_db_get_int64 (avis, 0, 1));
        ins_sql_add (&q, ", due_at = due_at + (now() - coalesce(sla_paused_since, now())),"
                         " sla_paused_since = NULL");
      }
      break;
    case INS_ACTION_ACCEPT:
      ins_sql_add (&q, ", decided_at = now(), decided_by = ?, decision_text = ?, refusal_motif = NULL",
                   g_strdup (agent_id), g_strdup (t->comment));
      if (cur->facts.kind == INS_KIND_SOINS_ETRANGER)
        ins_sql_add (&q, ", amount_eur_cents = ?, rate = ?::numeric, rate_date = ?::date, rate_source = ?",
                     g_strdup_printf ("%" G_GINT64_FORMAT, t->amount_eur_cents), g_strdup (t->rate),
                     ins_db_format_date (&t->rate_date), g_strdup (t->rate_source));
      break;
    case INS_ACTION_REFUSE:
      ins_sql_add (&q, ", decided_at = now(), decided_by = ?, refusal_motif = ?::refusal_motif,"
                       " decision_text = ?, amount_eur_cents = NULL",
                   g_strdup (agent_id), g_strdup (ins_motif_to_nick (t->motif)), g_strdup (t->comment));
      if (courrier != NULL)
        ins_sql_add (&q, ", courrier_sha256 = decode(?, 'hex')", g_strdup (courrier));
      break;
    case INS_ACTION_MARK_INCOMPLETE:
      clear_claim (&q);
      ins_sql_add (&q, ", missing_pieces = ?::text[], decision_text = ?,"
                       " sla_paused_since = coalesce(sla_paused_since, now())",
                   ins_db_format_strv ((const char * const *) t->missing_pieces), g_strdup (t->comment));
      notification = INS_NOTIFICATION_PIECES_MANQUANTES;
      break;
    case INS_ACTION_CLOSE:
      clear_claim (&q);
      ins_sql_add (&q, ", closed_at = now()");
      if (courrier != NULL)
        ins_sql_add (&q, ", courrier_sha256 = decode(?, 'hex')", g_strdup (courrier));
      else
        courrier = g_strdup (cur->courrier_sha256);
      if (cur->facts.status == INS_STATUS_REFUSEE)
        notification = INS_NOTIFICATION_REFUS;
      else if (cur->facts.kind == INS_KIND_CHEVAUCHEMENT_OC)
        notification = INS_NOTIFICATION_OC_ACTIVEE;
      else
        notification = INS_NOTIFICATION_ACCEPTATION;
      break;
    case INS_ACTION_PIECES_RECEIVED:
      clear_claim (&q);
      ins_sql_add (&q, ", due_at = due_at + (now() - coalesce(sla_paused_since, now())),"
                       " sla_paused_since = NULL");
      break;
    case INS_ACTION_REASSIGN:
      set_claim (&q, agent, t->target_agent_id);
      break;
    case INS_ACTION_MARK_UNUSABLE:
      clear_claim (&q);
      ins_sql_add (&q, ", non_exploitable_reason = ?", g_strdup (t->comment));
      break;
    case INS_ACTION_TRANSFER:
    case INS_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }

  ins_sql_add (&q, " WHERE id = ? AND version = ?", g_strdup (id), g_strdup (version));
  res = ins_sql_exec (conn, &q, error);
  ins_sql_clear (&q);
  if (res == NULL)
    return FALSE;
  if (g_strcmp0 (PQcmdTuples (res), "1") != 0)
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT,
                           _("Another agent changed this affaire at the same time"));
      return FALSE;
    }

  if (notification != INS_N_NOTIFICATIONS)
    {
      const char *params[] = { id, ins_notification_kind_to_nick (notification), courrier };
      if (!ins_db_run (conn,
                       "SELECT ins_outbox_enqueue($1, $2::notification_kind, decode($3, 'hex'))",
                       3, params, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ins_transition_store_apply (PGconn               *conn,
                            const InsAgent       *agent,
                            const InsTransition  *t,
                            int                  *new_version,
                            GError              **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, t->affaire_id);
  g_autoptr(GError) rules_error = NULL;
  Current cur = { { 0, }, 0, NULL };
  InsStatus target;
  gboolean ok = FALSE;

  g_return_val_if_fail ((guint) t->action < INS_N_ACTIONS, FALSE);

  if (!validate (t, error))
    return FALSE;
  if (!ins_db_begin (conn, error))
    return FALSE;
  if (!lock_current (conn, agent, id, &cur, error))
    goto out;

  if (cur.version != t->version)
    {
      g_autofree char *message = ins_transition_store_describe_last_change (conn, t->affaire_id, error);
      if (message != NULL)
        g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT, message);
      goto out;
    }
  if (!ins_rules_check (t->action, agent->role, &cur.facts, &rules_error))
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_ALLOWED, rules_error->message);
      goto out;
    }
  if (t->action == INS_ACTION_ACCEPT && !validate_accept (t, cur.facts.kind, error))
    goto out;

  target = ins_rules_target (t->action, &cur.facts);
  if (!apply_locked (conn, agent, t, id, &cur, target, error))
    goto out;
  if (!ins_db_commit (conn, error))
    goto out;
  if (new_version)
    *new_version = cur.version + 1;
  ok = TRUE;

out:
  if (!ok)
    ins_db_rollback (conn);
  g_free (cur.courrier_sha256);
  return ok;
}
