/* ins-decision-dialog-private.h — the decision dialog's state, shared with
 * the form that ins-decision-form.c builds */
#pragma once

#include "ins-decision-dialog.h"

G_BEGIN_DECLS

#define FIELD_TEXT        "text"
#define FIELD_REASONING   "reasoning"
#define FIELD_MOTIF       "motif"
#define FIELD_PIECES      "pieces"
#define FIELD_AVIS        "avis"
#define FIELD_RATE        "rate"
#define FIELD_RATE_SOURCE "rate_source"
#define FIELD_AMOUNT      "amount_eur"

/* The pieces an incomplete affaire can lack. */
#define INS_DECISION_N_PIECES 5
extern const InsPageTag ins_decision_missing_pieces[INS_DECISION_N_PIECES];

struct _InsDecisionDialog
{
  AdwMessageDialog parent_instance;

  /* form widgets (those the action needs; others NULL) */
  GtkTextView     *text_view;
  GtkTextView     *reasoning_view;
  GtkCheckButton  *motif_checks[INS_N_MOTIFS];
  GtkCheckButton  *piece_checks[INS_DECISION_N_PIECES];
  GtkCheckButton  *favorable_check;
  GtkCheckButton  *defavorable_check;
  GtkEntry        *rate_entry;
  GtkEntry        *rate_source_entry;
  GtkEntry        *amount_entry;
  GtkLabel        *rate_label;
  GtkLabel        *amount_hint;
  GtkCheckButton  *applied_check;

  /* owned */
  InsAffaire      *affaire;
  InsDrafts       *drafts;
  InsAction        action;
  char            *reference_rate;
  GDate            rate_date;
  gboolean         restoring;
  gboolean         amount_edited;
};

/* ins-decision-dialog.c */
gboolean    ins_decision_dialog_is_foreign_care     (InsDecisionDialog *self);
/* Keeps @value of @field in the drafts (not while the form is restored). */
void        ins_decision_dialog_save_field          (InsDecisionDialog *self,
                                                     const char        *field,
                                                     const char        *value);
const char *ins_decision_dialog_draft_field         (InsDecisionDialog *self,
                                                     const char        *field);
void        ins_decision_dialog_update_complete     (InsDecisionDialog *self);
void        ins_decision_dialog_update_amount_hint  (InsDecisionDialog *self);

/* ins-decision-form.c */
/* Builds the fields of the dialog's action into @box. */
void        ins_decision_form_build                 (InsDecisionDialog *self,
                                                     GtkBox            *box);
/* The refusal motif ticked, or -1. */
int         ins_decision_form_selected_motif        (InsDecisionDialog *self);

G_END_DECLS
