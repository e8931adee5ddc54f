/* ins-workspace-state.c — which of the window's actions are enabled */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include "ins-workspace-state.h"

static const char * const action_names[INS_WS_N_ACTIONS] = {
  [INS_WS_CLAIM_NEXT]    = "claim-next",
  [INS_WS_CLAIM]         = "claim",
  [INS_WS_REQUEST_AVIS]  = "request-avis",
  [INS_WS_ACCEPT]        = "accept",
  [INS_WS_REFUSE]        = "refuse",
  [INS_WS_INCOMPLETE]    = "incomplete",
  [INS_WS_CLOSE]         = "close",
  [INS_WS_CLOSE_NEXT]    = "close-next",
  [INS_WS_ANSWER_AVIS]   = "answer-avis",
  [INS_WS_MARK_UNUSABLE] = "mark-unusable",
};

static const InsAction domain_actions[INS_WS_N_ACTIONS] = {
  [INS_WS_CLAIM_NEXT]    = INS_ACTION_CLAIM,
  [INS_WS_CLAIM]         = INS_ACTION_CLAIM,
  [INS_WS_REQUEST_AVIS]  = INS_ACTION_REQUEST_AVIS,
  [INS_WS_ACCEPT]        = INS_ACTION_ACCEPT,
  [INS_WS_REFUSE]        = INS_ACTION_REFUSE,
  [INS_WS_INCOMPLETE]    = INS_ACTION_MARK_INCOMPLETE,
  [INS_WS_CLOSE]         = INS_ACTION_CLOSE,
  [INS_WS_CLOSE_NEXT]    = INS_ACTION_CLOSE,
  [INS_WS_ANSWER_AVIS]   = INS_ACTION_RECORD_AVIS,
  [INS_WS_MARK_UNUSABLE] = INS_ACTION_MARK_UNUSABLE,
};

const char *
ins_workspace_action_name (InsWorkspaceAction action)
{
  g_return_val_if_fail (action < INS_WS_N_ACTIONS, NULL);
  return action_names[action];
}

gboolean
ins_workspace_action_enabled (InsWorkspaceAction        action,
                              const InsWorkspaceState  *state)
{
  g_return_val_if_fail (action < INS_WS_N_ACTIONS, FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!state->connected || state->busy)
    return FALSE;

  if (action == INS_WS_CLAIM_NEXT)
    {
      /* The next claimable affaire is, by definition, received and unheld. */
      InsAffaireFacts next = { .kind = INS_KIND_SOINS_ETRANGER, .status = INS_STATUS_RECUE };
      return ins_rules_allows (INS_ACTION_CLAIM, state->role, &next);
    }

  if (!state->has_affaire)
    return FALSE;
  return ins_rules_allows (domain_actions[action], state->role, &state->facts);
}
