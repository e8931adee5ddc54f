/* ins-transition-store.h — every action that changes an affaire's status or holder
 *
 * Each is one short transaction: lock the row, compare the version the agent
 * saw (INS_STORE_ERROR_CONFLICT with « Marie Dupont a clôturé cette affaire le
 * 22/11/2026 à 10 h 42 » otherwise), check ins_rules_check()
 * (INS_STORE_ERROR_NOT_ALLOWED with the rule's French message), update, append
 * history (who, from → to, comment), bump the version, and queue the
 * notification the action owes.
 */
#pragma once

#include <libpq-fe.h>

#include "core/ins-affaire.h"
#include "ins-store-error.h"

G_BEGIN_DECLS

typedef struct {
  InsAction          action;
  gint64             affaire_id;
  int                version;          /* the version the agent saw */
  char              *comment;          /* INS_ACTION_REQUEST_AVIS: the question (required);
                                        * ACCEPT / REFUSE / MARK_INCOMPLETE: the decision text;
                                        * MARK_UNUSABLE: the reason (required);
                                        * others: a comment for the history. May be NULL. */
  /* INS_ACTION_RECORD_AVIS (médecin-conseil) */
  InsAvisConclusion  avis;
  char              *avis_conclusion_text;  /* what the instructeur will see */
  char              *avis_reasoning;        /* medical secrecy: stored apart */
  /* INS_ACTION_ACCEPT, foreign care (required then, ignored for OC) */
  gint64             amount_eur_cents;
  char              *rate;             /* decimal text: units of currency for 1 euro */
  GDate              rate_date;
  char              *rate_source;      /* 'BCE' or the source the agent entered */
  /* INS_ACTION_REFUSE */
  InsRefusalMotif    motif;
  /* INS_ACTION_MARK_INCOMPLETE: the missing pieces (at least one) */
  GStrv              missing_pieces;
  /* REFUSE, MARK_INCOMPLETE, CLOSE: the courrier PDF, optional. A refusal's
   * courrier is kept and sent when the affaire is closed. */
  GBytes            *courrier;
  /* INS_ACTION_REASSIGN: the agent who will hold it */
  int                target_agent_id;
  /* INS_ACTION_TRANSFER: the organisme it goes to */
  int                target_organisme_id;
} InsTransition;

GType          ins_transition_get_type (void) G_GNUC_CONST;
InsTransition *ins_transition_new      (InsAction      action,
                                        gint64         affaire_id,
                                        int            version);
InsTransition *ins_transition_copy     (const InsTransition *self);
void           ins_transition_free     (InsTransition *self);

/* Applies @transition as @agent. INS_ACTION_CLAIM on a given affaire also
 * takes back a stale lease. On success *new_version (if not NULL) is the
 * affaire's version after the change. */
gboolean ins_transition_store_apply (PGconn               *conn,
                                     const InsAgent       *agent,
                                     const InsTransition  *transition,
                                     int                  *new_version,
                                     GError              **error);

/* The French sentence saying who last changed @affaire_id and how, from its
 * latest history entry (« Marie Dupont a clôturé cette affaire le 22/11/2026 à 10 h 42 »). */
char    *ins_transition_store_describe_last_change (PGconn   *conn,
                                                    gint64    affaire_id,
                                                    GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsTransition, ins_transition_free)

G_END_DECLS
