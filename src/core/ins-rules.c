/* ins-rules.c — the status machine */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-rules.h"

G_DEFINE_QUARK (ins-rules-error-quark, ins_rules_error)

#define BIT(x) (1u << (x))
#define ROLE_I BIT (INS_ROLE_INSTRUCTEUR)
#define ROLE_M BIT (INS_ROLE_MEDECIN_CONSEIL)
#define ROLE_S BIT (INS_ROLE_SUPERVISEUR)

typedef struct {
  guint      roles;          /* who may do it */
  guint      statuses;       /* from which statuses */
  gboolean   foreign_only;   /* only for foreign care */
  gboolean   holder_only;    /* an instructeur must hold the claim */
  InsStatus  target;
} Rule;

static const Rule rules[INS_N_ACTIONS] = {
  [INS_ACTION_CLAIM] = {
    ROLE_I | ROLE_S, BIT (INS_STATUS_RECUE) | BIT (INS_STATUS_EN_COURS),
    FALSE, FALSE, INS_STATUS_EN_COURS },
  [INS_ACTION_RELEASE] = {
    ROLE_I | ROLE_S, BIT (INS_STATUS_EN_COURS),
    FALSE, TRUE, INS_STATUS_RECUE },
  [INS_ACTION_REQUEST_AVIS] = {
    ROLE_I, BIT (INS_STATUS_EN_COURS),
    TRUE, TRUE, INS_STATUS_AVIS_MEDICAL_DEMANDE },
  [INS_ACTION_RECORD_AVIS] = {
    ROLE_M, BIT (INS_STATUS_AVIS_MEDICAL_DEMANDE),
    TRUE, FALSE, INS_STATUS_EN_COURS },
  [INS_ACTION_ACCEPT] = {
    ROLE_I, BIT (INS_STATUS_EN_COURS),
    FALSE, TRUE, INS_STATUS_ACCEPTEE },
  [INS_ACTION_REFUSE] = {
    ROLE_I, BIT (INS_STATUS_EN_COURS),
    FALSE, TRUE, INS_STATUS_REFUSEE },
  [INS_ACTION_MARK_INCOMPLETE] = {
    ROLE_I, BIT (INS_STATUS_EN_COURS),
    FALSE, TRUE, INS_STATUS_EN_ATTENTE_PIECES },
  [INS_ACTION_CLOSE] = {
    ROLE_I, BIT (INS_STATUS_ACCEPTEE) | BIT (INS_STATUS_REFUSEE),
    FALSE, TRUE, INS_STATUS_CLOTUREE },
  [INS_ACTION_PIECES_RECEIVED] = {
    ROLE_I | ROLE_S, BIT (INS_STATUS_EN_ATTENTE_PIECES),
    FALSE, FALSE, INS_STATUS_RECUE },
  [INS_ACTION_REASSIGN] = {
    ROLE_S, BIT (INS_STATUS_RECUE) | BIT (INS_STATUS_EN_COURS),
    FALSE, FALSE, INS_STATUS_EN_COURS },
  [INS_ACTION_TRANSFER] = {
    ROLE_S, BIT (INS_STATUS_RECUE) | BIT (INS_STATUS_EN_COURS)
            | BIT (INS_STATUS_NON_EXPLOITABLE) | BIT (INS_STATUS_EN_ATTENTE_PIECES),
    FALSE, FALSE, INS_STATUS_RECUE },
  [INS_ACTION_MARK_UNUSABLE] = {
    ROLE_I | ROLE_S, BIT (INS_STATUS_EN_COURS),
    FALSE, TRUE, INS_STATUS_NON_EXPLOITABLE },
};

static const char *
wrong_role_message (InsAction action, InsRole role)
{
  if (role == INS_ROLE_MEDECIN_CONSEIL)
    return _("A medical adviser can only record a medical opinion");
  switch (action)
    {
    case INS_ACTION_RECORD_AVIS:
      return _("Only a medical adviser can record a medical opinion");
    case INS_ACTION_REASSIGN:
      return _("Only a supervisor can reassign an affaire");
    case INS_ACTION_TRANSFER:
      return _("Only a supervisor can transfer an affaire to another organisme");
    case INS_ACTION_REQUEST_AVIS:
    case INS_ACTION_ACCEPT:
    case INS_ACTION_REFUSE:
    case INS_ACTION_MARK_INCOMPLETE:
    case INS_ACTION_CLOSE:
      return _("Only the case worker holding the affaire can decide on it");
    case INS_ACTION_CLAIM:
    case INS_ACTION_RELEASE:
    case INS_ACTION_PIECES_RECEIVED:
    case INS_ACTION_MARK_UNUSABLE:
    case INS_N_ACTIONS:
    default:
      return _("This role cannot do this action");
    }
}

static const char *
wrong_status_message (InsAction action, const InsAffaireFacts *facts)
{
  switch (action)
    {
    case INS_ACTION_CLAIM:
      if (facts->status == INS_STATUS_EN_COURS)
        return _("This affaire is already being worked on by someone else");
      return _("Only an affaire waiting in the queue can be claimed");
    case INS_ACTION_CLOSE:
      return _("An affaire cannot be closed without a decision");
    case INS_ACTION_RECORD_AVIS:
      return _("No medical opinion has been requested for this affaire");
    case INS_ACTION_PIECES_RECEIVED:
      return _("This affaire is not waiting for documents");
    case INS_ACTION_REASSIGN:
      return _("Only an affaire in the queue or in progress can be reassigned");
    case INS_ACTION_TRANSFER:
      return _("A decided affaire cannot be transferred");
    case INS_ACTION_RELEASE:
    case INS_ACTION_REQUEST_AVIS:
    case INS_ACTION_ACCEPT:
    case INS_ACTION_REFUSE:
    case INS_ACTION_MARK_INCOMPLETE:
    case INS_ACTION_MARK_UNUSABLE:
    case INS_N_ACTIONS:
    default:
      return _("This action needs an affaire in progress");
    }
}

gboolean
ins_rules_check (InsAction              action,
                 InsRole                role,
                 const InsAffaireFacts *facts,
                 GError               **error)
{
  const Rule *rule;

  g_return_val_if_fail ((guint) action < INS_N_ACTIONS, FALSE);
  g_return_val_if_fail ((guint) role < INS_N_ROLES, FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);

  rule = &rules[action];

  if (!(rule->roles & BIT (role)))
    {
      g_set_error_literal (error, INS_RULES_ERROR, INS_RULES_ERROR_WRONG_ROLE,
                           wrong_role_message (action, role));
      return FALSE;
    }

  if (facts->status == INS_STATUS_CLOTUREE)
    {
      g_set_error_literal (error, INS_RULES_ERROR, INS_RULES_ERROR_WRONG_STATUS,
                           _("This affaire is closed: its decision is final"));
      return FALSE;
    }

  if (rule->foreign_only && facts->kind != INS_KIND_SOINS_ETRANGER)
    {
      g_set_error_literal (error, INS_RULES_ERROR, INS_RULES_ERROR_WRONG_KIND,
                           action == INS_ACTION_RECORD_AVIS
                           ? _("A complementary insurer affaire has no medical opinion")
                           : _("A medical opinion cannot be requested for a complementary insurer affaire"));
      return FALSE;
    }

  if (!(rule->statuses & BIT (facts->status))
      || (action == INS_ACTION_CLAIM && facts->status == INS_STATUS_EN_COURS
          && !facts->lease_stale))
    {
      g_set_error_literal (error, INS_RULES_ERROR, INS_RULES_ERROR_WRONG_STATUS,
                           wrong_status_message (action, facts));
      return FALSE;
    }

  if (rule->holder_only && role == INS_ROLE_INSTRUCTEUR && !facts->is_holder)
    {
      g_set_error_literal (error, INS_RULES_ERROR, INS_RULES_ERROR_NOT_HOLDER,
                           _("Only the case worker holding this affaire can do this"));
      return FALSE;
    }

  if (action == INS_ACTION_ACCEPT && facts->excluded)
    {
      g_set_error_literal (error, INS_RULES_ERROR, INS_RULES_ERROR_EXCLUDED,
                           _("This affaire is not eligible for the service: refuse or transfer it"));
      return FALSE;
    }

  return TRUE;
}

gboolean
ins_rules_allows (InsAction              action,
                  InsRole                role,
                  const InsAffaireFacts *facts)
{
  return ins_rules_check (action, role, facts, NULL);
}

InsStatus
ins_rules_target (InsAction              action,
                  const InsAffaireFacts *facts)
{
  g_return_val_if_fail ((guint) action < INS_N_ACTIONS, facts->status);

  return rules[action].target;
}
