/* ins-rules.h — the status machine: which action is allowed for which type,
 * status and role, and where it leads (shared domain.md, "The life of an affaire") */
#pragma once

#include <glib.h>

#include "ins-types.h"

G_BEGIN_DECLS

#define INS_RULES_ERROR (ins_rules_error_quark ())

typedef enum {
  INS_RULES_ERROR_WRONG_ROLE,    /* this role never does this */
  INS_RULES_ERROR_WRONG_KIND,    /* e.g. no medical opinion for an OC affaire */
  INS_RULES_ERROR_WRONG_STATUS,  /* e.g. no closing without a decision */
  INS_RULES_ERROR_NOT_HOLDER,    /* only the agent holding the claim acts */
  INS_RULES_ERROR_EXCLUDED,      /* an excluded OC affaire cannot be accepted */
} InsRulesError;

GQuark   ins_rules_error_quark (void);

/* The facts the rules look at. */
typedef struct {
  InsAffaireKind kind;
  InsStatus      status;
  gboolean       excluded;     /* flagged at import: not eligible (OC: 5+ beneficiaries, precarity) */
  gboolean       is_holder;    /* the acting agent holds the claim (assignee with a live lease) */
  gboolean       lease_stale;  /* someone holds it but the lease has expired */
} InsAffaireFacts;

/* Whether @role may do @action on an affaire with @facts; on FALSE, @error
 * (INS_RULES_ERROR) says why in French. */
gboolean ins_rules_check   (InsAction              action,
                            InsRole                role,
                            const InsAffaireFacts *facts,
                            GError               **error);

/* Convenience for enabling buttons. */
gboolean ins_rules_allows  (InsAction              action,
                            InsRole                role,
                            const InsAffaireFacts *facts);

/* The status an allowed action leads to (the same status when it does not
 * change it, e.g. reassign). */
InsStatus ins_rules_target (InsAction              action,
                            const InsAffaireFacts *facts);

G_END_DECLS
