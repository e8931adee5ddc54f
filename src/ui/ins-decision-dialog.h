/* ins-decision-dialog.h — the small dialog each affaire action opens
 *
 * One dialog per action: the question for the médecin-conseil, the amount in
 * euros beside the declared amount and rate, a coded motif and a text, the
 * missing pieces, the médecin-conseil's answer. What the agent types is kept in
 * InsDrafts as they type and restored when the dialog opens again. The
 * "confirm" response is enabled only when the form is complete.
 */
#pragma once

#include <adwaita.h>

#include "core/ins-affaire.h"
#include "store/ins-transition-store.h"
#include "ins-drafts.h"

G_BEGIN_DECLS

#define INS_TYPE_DECISION_DIALOG (ins_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (InsDecisionDialog, ins_decision_dialog, INS, DECISION_DIALOG, AdwMessageDialog)

/* @action: REQUEST_AVIS, ACCEPT, REFUSE, MARK_INCOMPLETE, CLOSE, RECORD_AVIS
 * or MARK_UNUSABLE. @drafts may be NULL. */
InsDecisionDialog *ins_decision_dialog_new          (GtkWindow        *parent,
                                                     InsAction         action,
                                                     InsAffaire       *affaire,
                                                     InsDrafts        *drafts);
InsAction          ins_decision_dialog_get_action   (InsDecisionDialog *self);
InsAffaire        *ins_decision_dialog_get_affaire  (InsDecisionDialog *self);

/* ACCEPT, foreign care: the ECB reference rate (decimal text, units of the
 * currency for 1 euro) published on @date; NULL when the ECB has none, and the
 * agent enters the rate and its source. */
void               ins_decision_dialog_set_reference_rate (InsDecisionDialog *self,
                                                           const char        *rate,
                                                           const GDate       *date);
/* MARK_INCOMPLETE: the pieces ticked when no draft says otherwise (page-tag nicks). */
void               ins_decision_dialog_preset_pieces (InsDecisionDialog  *self,
                                                      const char * const *pieces);

gboolean           ins_decision_dialog_is_complete   (InsDecisionDialog *self);
/* The transition the form describes, for @affaire at the version it was loaded with. */
InsTransition     *ins_decision_dialog_build_transition (InsDecisionDialog *self);
/* Forgets the draft (once the action went through). */
void               ins_decision_dialog_discard_draft (InsDecisionDialog *self);

/* The main text as typed (question, explanation, conclusion…). */
char              *ins_decision_dialog_dup_text      (InsDecisionDialog *self);

/* Test helpers: fill the form as an agent would. */
void               ins_decision_dialog_set_text      (InsDecisionDialog *self, const char *text);
void               ins_decision_dialog_set_reasoning (InsDecisionDialog *self, const char *text);
void               ins_decision_dialog_set_motif     (InsDecisionDialog *self, InsRefusalMotif motif);
void               ins_decision_dialog_set_piece     (InsDecisionDialog *self, InsPageTag piece, gboolean missing);
void               ins_decision_dialog_set_avis      (InsDecisionDialog *self, InsAvisConclusion avis);
void               ins_decision_dialog_set_rate      (InsDecisionDialog *self, const char *rate, const char *source);
void               ins_decision_dialog_set_amount_eur (InsDecisionDialog *self, const char *text);
void               ins_decision_dialog_set_applied   (InsDecisionDialog *self, gboolean applied);

G_END_DECLS
