/* ins-workspace-state.h — which of the window's actions are enabled, as a pure
 * function of the domain rules, the agent's role and the connection */
#pragma once

#include <glib.h>

#include "core/ins-rules.h"

G_BEGIN_DECLS

typedef struct {
  InsRole         role;
  gboolean        connected;
  gboolean        busy;          /* an action is in flight */
  gboolean        has_affaire;   /* an affaire is shown */
  InsAffaireFacts facts;         /* of the shown affaire */
} InsWorkspaceState;

/* The window's affaire actions. */
typedef enum {
  INS_WS_CLAIM_NEXT,
  INS_WS_CLAIM,          /* take the shown affaire */
  INS_WS_REQUEST_AVIS,
  INS_WS_ACCEPT,
  INS_WS_REFUSE,
  INS_WS_INCOMPLETE,
  INS_WS_CLOSE,
  INS_WS_CLOSE_NEXT,
  INS_WS_ANSWER_AVIS,
  INS_WS_MARK_UNUSABLE,
  INS_WS_N_ACTIONS
} InsWorkspaceAction;

/* The GAction name (without the "affaire." prefix). */
const char *ins_workspace_action_name    (InsWorkspaceAction action);
gboolean    ins_workspace_action_enabled (InsWorkspaceAction        action,
                                          const InsWorkspaceState  *state);

G_END_DECLS
