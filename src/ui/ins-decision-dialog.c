/* ins-decision-dialog.c — the small dialog each affaire action opens */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-currency.h"
#include "core/ins-format.h"
#include "core/ins-money.h"
#include "ins-decision-dialog.h"
#include "ins-ui-format.h"

#define FIELD_TEXT        "text"
#define FIELD_REASONING   "reasoning"
#define FIELD_MOTIF       "motif"
#define FIELD_PIECES      "pieces"
#define FIELD_AVIS        "avis"
#define FIELD_RATE        "rate"
#define FIELD_RATE_SOURCE "rate_source"
#define FIELD_AMOUNT      "amount_eur"

/* The pieces an incomplete affaire can lack, as page-tag nicks. */
static const InsPageTag missing_piece_tags[] = {
  INS_PAGE_TAG_FACTURE,
  INS_PAGE_TAG_PREUVE_PAIEMENT,
  INS_PAGE_TAG_PRESCRIPTION,
  INS_PAGE_TAG_AUTORISATION_PREALABLE,
  INS_PAGE_TAG_ATTESTATION_DETACHEMENT,
};

struct _InsDecisionDialog
{
  AdwMessageDialog parent_instance;

  /* form widgets (those the action needs; others NULL) */
  GtkTextView     *text_view;
  GtkTextView     *reasoning_view;
  GtkCheckButton  *motif_checks[INS_N_MOTIFS];
  GtkCheckButton  *piece_checks[G_N_ELEMENTS (missing_piece_tags)];
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

G_DEFINE_FINAL_TYPE (InsDecisionDialog, ins_decision_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
is_foreign_care (InsDecisionDialog *self)
{
  return self->affaire->kind == INS_KIND_SOINS_ETRANGER;
}

static char *
text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (view == NULL)
    return NULL;
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
text_view_filled (GtkTextView *view)
{
  g_autofree char *text = text_view_get (view);

  return text != NULL && *g_strstrip (text) != '\0';
}

static void
save_field (InsDecisionDialog *self, const char *field, const char *value)
{
  if (self->drafts != NULL && !self->restoring)
    ins_drafts_set (self->drafts, self->affaire->id, self->action, field, value);
}

static const char *
draft_field (InsDecisionDialog *self, const char *field)
{
  if (self->drafts == NULL)
    return NULL;
  return ins_drafts_get (self->drafts, self->affaire->id, self->action, field);
}

/* The rate the decision will use: the ECB's, or the one the agent typed. */
static gboolean
current_rate (InsDecisionDialog *self, InsRate *rate)
{
  if (self->reference_rate != NULL)
    return ins_rate_parse (self->reference_rate, rate, NULL);
  if (self->rate_entry == NULL)
    return FALSE;
  return ins_rate_parse (gtk_editable_get_text (GTK_EDITABLE (self->rate_entry)), rate, NULL);
}

static gboolean
current_amount_eur (InsDecisionDialog *self, gint64 *cents)
{
  const InsCurrency *euro = ins_currency_lookup ("EUR");
  const char *text;

  if (self->amount_entry == NULL)
    return FALSE;
  text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  return ins_currency_parse_amount (euro, text, cents, NULL);
}

static gboolean
converted_amount (InsDecisionDialog *self, gint64 *cents)
{
  const InsCurrency *currency;
  InsRate rate;

  currency = self->affaire->currency ? ins_currency_lookup (self->affaire->currency) : NULL;
  if (currency == NULL || !current_rate (self, &rate))
    return FALSE;
  return ins_money_to_euro_cents (currency, self->affaire->amount_minor, rate, cents, NULL);
}

static void
update_complete (InsDecisionDialog *self)
{
  gboolean complete;

  if (!adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (self), "confirm"))
    return;
  complete = ins_decision_dialog_is_complete (self);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm", complete);
}

static void
update_amount_hint (InsDecisionDialog *self)
{
  gint64 cents;

  if (self->amount_hint == NULL)
    return;
  if (converted_amount (self, &cents))
    {
      g_autofree char *euros = ins_format_euros (cents);
      g_autofree char *hint = g_strdup_printf (_("Converted at this rate: %s"), euros);

      gtk_label_set_text (self->amount_hint, hint);
      if (!self->amount_edited && self->amount_entry != NULL)
        {
          g_autofree char *plain = ins_ui_format_euro_input (cents);

          self->restoring = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), plain);
          self->restoring = FALSE;
        }
    }
  else
    gtk_label_set_text (self->amount_hint, _("Enter a valid rate to compute the amount in euros."));
}

static void
on_text_changed (GtkTextBuffer *buffer, InsDecisionDialog *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  save_field (self, g_object_get_data (G_OBJECT (buffer), "ins-field"), text);
  update_complete (self);
}

static void
on_entry_changed (GtkEditable *editable, InsDecisionDialog *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "ins-field");

  save_field (self, field, gtk_editable_get_text (editable));
  if (g_strcmp0 (field, FIELD_AMOUNT) == 0 && !self->restoring)
    self->amount_edited = TRUE;
  if (g_strcmp0 (field, FIELD_RATE) == 0)
    update_amount_hint (self);
  update_complete (self);
}

static int
selected_motif (InsDecisionDialog *self)
{
  for (int i = 0; i < INS_N_MOTIFS; i++)
    if (self->motif_checks[i] != NULL && gtk_check_button_get_active (self->motif_checks[i]))
      return i;
  return -1;
}

static void
on_motif_toggled (GtkCheckButton *check, InsDecisionDialog *self)
{
  int motif = selected_motif (self);

  if (!gtk_check_button_get_active (check))
    return;
  if (motif >= 0)
    save_field (self, FIELD_MOTIF, ins_motif_to_nick (motif));
  update_complete (self);
}

static void
on_piece_toggled (GtkCheckButton *check, InsDecisionDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pieces = NULL;
  g_autofree char *joined = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (missing_piece_tags); i++)
    if (gtk_check_button_get_active (self->piece_checks[i]))
      g_strv_builder_add (builder, ins_page_tag_to_nick (missing_piece_tags[i]));
  pieces = g_strv_builder_end (builder);
  joined = g_strjoinv (",", pieces);
  save_field (self, FIELD_PIECES, joined);
  update_complete (self);
}

static void
on_avis_toggled (GtkCheckButton *check, InsDecisionDialog *self)
{
  if (!gtk_check_button_get_active (check))
    return;
  save_field (self, FIELD_AVIS,
              ins_avis_to_nick (check == self->favorable_check ? INS_AVIS_FAVORABLE
                                                                : INS_AVIS_DEFAVORABLE));
  update_complete (self);
}

static void
on_applied_toggled (GtkCheckButton *check, InsDecisionDialog *self)
{
  update_complete (self);
}

/* Form construction ---------------------------------------------------------- */

static GtkWidget *
caption (const char *text, GtkWidget *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  if (mnemonic_widget != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  return label;
}

static GtkTextView *
add_text_area (InsDecisionDialog *self, GtkBox *box, const char *title,
               const char *accessible_name, const char *field)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  const char *draft = draft_field (self, field);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_add_css_class (scrolled, "ins-text-area");

  gtk_box_append (box, caption (title, view));
  gtk_box_append (box, scrolled);

  if (draft != NULL)
    gtk_text_buffer_set_text (buffer, draft, -1);
  g_object_set_data_full (G_OBJECT (buffer), "ins-field", g_strdup (field), g_free);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_text_changed), self);
  return GTK_TEXT_VIEW (view);
}

static GtkEntry *
add_entry (InsDecisionDialog *self, GtkGrid *grid, int row, const char *title,
           const char *field, const char *initial)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  const char *draft = draft_field (self, field);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (label)),
                                  -1);
  if (draft != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), draft);
  else if (initial != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  g_object_set_data_full (G_OBJECT (entry), "ins-field", g_strdup (field), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), self);
  return GTK_ENTRY (entry);
}

static GtkWidget *
info_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  return label;
}

static void
build_request_avis (InsDecisionDialog *self, GtkBox *box)
{
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Request a medical opinion"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("The médecin-conseil will see the affaire and its pieces. "
                                 "Ask a precise question."));
  self->text_view = add_text_area (self, box, _("_Question for the médecin-conseil"),
                                   _("Question for the médecin-conseil"), FIELD_TEXT);
}

static void
build_accept (InsDecisionDialog *self, GtkBox *box)
{
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Accept the affaire"));

  if (is_foreign_care (self))
    {
      GtkWidget *grid = gtk_grid_new ();
      g_autofree char *declared = ins_format_amount (self->affaire->amount_minor,
                                                     self->affaire->currency);
      g_autofree char *declared_text = g_strdup_printf (_("Declared amount: %s"), declared);

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("The amount reimbursed is converted at the ECB reference rate "
                                     "of the date of care."));
      gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_box_append (box, info_label (declared_text));
      self->rate_label = GTK_LABEL (info_label (""));
      gtk_box_append (box, GTK_WIDGET (self->rate_label));
      gtk_box_append (box, grid);

      self->rate_entry = add_entry (self, GTK_GRID (grid), 0, _("_Rate (units for 1 €)"), FIELD_RATE, NULL);
      self->rate_source_entry = add_entry (self, GTK_GRID (grid), 1, _("Rate _source"), FIELD_RATE_SOURCE, NULL);
      self->amount_entry = add_entry (self, GTK_GRID (grid), 2, _("_Amount reimbursed (€)"), FIELD_AMOUNT, NULL);
      self->amount_edited = draft_field (self, FIELD_AMOUNT) != NULL;
      self->amount_hint = GTK_LABEL (info_label (""));
      gtk_widget_add_css_class (GTK_WIDGET (self->amount_hint), "dim-label");
      gtk_box_append (box, GTK_WIDGET (self->amount_hint));
      ins_decision_dialog_set_reference_rate (self, NULL, NULL);
    }
  else
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("Apply the insured person's choice in the beneficiaries' "
                                     "reference system, then confirm it here."));
      self->applied_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (
          _("The choice is _applied in the beneficiaries' reference system")));
      g_signal_connect (self->applied_check, "toggled", G_CALLBACK (on_applied_toggled), self);
      gtk_box_append (box, GTK_WIDGET (self->applied_check));
    }
  self->text_view = add_text_area (self, box, _("_Comment (optional)"), _("Comment"), FIELD_TEXT);
}

static void
build_refuse (InsDecisionDialog *self, GtkBox *box)
{
  const char *draft = draft_field (self, FIELD_MOTIF);
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  InsRefusalMotif motif;

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Refuse the affaire"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("The insured person will receive a letter giving the motif and your text."));
  gtk_box_append (box, caption (_("Motif"), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Motif"), -1);
  for (guint i = 0; i < INS_N_MOTIFS; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (ins_motif_label (i));

      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->motif_checks[0]);
      self->motif_checks[i] = GTK_CHECK_BUTTON (check);
      gtk_box_append (GTK_BOX (list), check);
    }
  if (draft != NULL && ins_motif_from_nick (draft, &motif))
    gtk_check_button_set_active (self->motif_checks[motif], TRUE);
  for (guint i = 0; i < INS_N_MOTIFS; i++)
    g_signal_connect (self->motif_checks[i], "toggled", G_CALLBACK (on_motif_toggled), self);
  gtk_box_append (box, list);

  self->text_view = add_text_area (self, box, _("_Explanation for the insured person"),
                                   _("Explanation for the insured person"), FIELD_TEXT);
}

static void
build_incomplete (InsDecisionDialog *self, GtkBox *box)
{
  const char *draft = draft_field (self, FIELD_PIECES);
  g_auto(GStrv) ticked = draft ? g_strsplit (draft, ",", -1) : NULL;
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Missing pieces"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("The insured person will be asked for the pieces ticked here; "
                                 "the affaire waits until they arrive."));
  gtk_box_append (box, caption (_("Pieces to ask for"), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pieces to ask for"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (missing_piece_tags); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (ins_ui_piece_label (missing_piece_tags[i]));

      if (ticked != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                     g_strv_contains ((const char * const *) ticked,
                                                      ins_page_tag_to_nick (missing_piece_tags[i])));
      g_signal_connect (check, "toggled", G_CALLBACK (on_piece_toggled), self);
      self->piece_checks[i] = GTK_CHECK_BUTTON (check);
      gtk_box_append (GTK_BOX (list), check);
    }
  gtk_box_append (box, list);
  self->text_view = add_text_area (self, box, _("_Details for the insured person"),
                                   _("Details for the insured person"), FIELD_TEXT);
}

static void
build_close (InsDecisionDialog *self, GtkBox *box)
{
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Close the affaire"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("The decision becomes final and the insured person is notified."));
  self->text_view = add_text_area (self, box, _("_Comment for the history (optional)"),
                                   _("Comment for the history"), FIELD_TEXT);
}

static void
build_record_avis (InsDecisionDialog *self, GtkBox *box)
{
  const char *draft = draft_field (self, FIELD_AVIS);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *question = NULL;
  InsAvisConclusion avis;

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Medical opinion"));
  if (self->affaire->avis != NULL && self->affaire->avis->question != NULL)
    question = g_strdup_printf (_("Question: %s"), self->affaire->avis->question);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), question ? question : "");

  self->favorable_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Favourable")));
  self->defavorable_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Unfavourable")));
  gtk_check_button_set_group (self->defavorable_check, self->favorable_check);
  if (draft != NULL && ins_avis_from_nick (draft, &avis))
    gtk_check_button_set_active (avis == INS_AVIS_FAVORABLE ? self->favorable_check
                                                            : self->defavorable_check, TRUE);
  g_signal_connect (self->favorable_check, "toggled", G_CALLBACK (on_avis_toggled), self);
  g_signal_connect (self->defavorable_check, "toggled", G_CALLBACK (on_avis_toggled), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->favorable_check));
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->defavorable_check));
  gtk_box_append (box, caption (_("Opinion"), NULL));
  gtk_box_append (box, row);

  self->text_view = add_text_area (self, box, _("_Conclusion (shown to the instructeur)"),
                                   _("Conclusion shown to the instructeur"), FIELD_TEXT);
  self->reasoning_view = add_text_area (self, box, _("Medical _reasoning (confidential)"),
                                        _("Medical reasoning, confidential"), FIELD_REASONING);
}

static void
build_mark_unusable (InsDecisionDialog *self, GtkBox *box)
{
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Mark the affaire unusable"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("Its pieces cannot be read. Supervisors will see it among the "
                                 "unusable affaires."));
  self->text_view = add_text_area (self, box, _("_Reason"), _("Reason"), FIELD_TEXT);
}

static void
ins_decision_dialog_dispose (GObject *object)
{
  InsDecisionDialog *self = INS_DECISION_DIALOG (object);

  g_clear_object (&self->drafts);
  G_OBJECT_CLASS (ins_decision_dialog_parent_class)->dispose (object);
}

static void
ins_decision_dialog_finalize (GObject *object)
{
  InsDecisionDialog *self = INS_DECISION_DIALOG (object);

  g_clear_pointer (&self->affaire, ins_affaire_unref);
  g_clear_pointer (&self->reference_rate, g_free);
  G_OBJECT_CLASS (ins_decision_dialog_parent_class)->finalize (object);
}

static void
ins_decision_dialog_class_init (InsDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ins_decision_dialog_dispose;
  object_class->finalize = ins_decision_dialog_finalize;
}

static void
ins_decision_dialog_init (InsDecisionDialog *self)
{
  g_date_clear (&self->rate_date, 1);
}

static const char *
confirm_label (InsAction action)
{
  switch (action)
    {
    case INS_ACTION_REQUEST_AVIS:    return _("_Send the request");
    case INS_ACTION_ACCEPT:          return _("_Accept");
    case INS_ACTION_REFUSE:          return _("_Refuse");
    case INS_ACTION_MARK_INCOMPLETE: return _("_Ask for the pieces");
    case INS_ACTION_CLOSE:           return _("_Close");
    case INS_ACTION_RECORD_AVIS:     return _("_Send the opinion");
    case INS_ACTION_MARK_UNUSABLE:   return _("_Mark unusable");
    default:                         return _("_Confirm");
    }
}

InsDecisionDialog *
ins_decision_dialog_new (GtkWindow  *parent,
                         InsAction   action,
                         InsAffaire *affaire,
                         InsDrafts  *drafts)
{
  InsDecisionDialog *self;
  GtkWidget *box;

  g_return_val_if_fail (affaire != NULL, NULL);

  self = g_object_new (INS_TYPE_DECISION_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 480,
                       NULL);
  self->action = action;
  self->affaire = ins_affaire_ref (affaire);
  self->drafts = drafts ? g_object_ref (drafts) : NULL;
  self->restoring = TRUE;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (box, "ins-decision-form");
  switch (action)
    {
    case INS_ACTION_REQUEST_AVIS:    build_request_avis (self, GTK_BOX (box)); break;
    case INS_ACTION_ACCEPT:          build_accept (self, GTK_BOX (box)); break;
    case INS_ACTION_REFUSE:          build_refuse (self, GTK_BOX (box)); break;
    case INS_ACTION_MARK_INCOMPLETE: build_incomplete (self, GTK_BOX (box)); break;
    case INS_ACTION_CLOSE:           build_close (self, GTK_BOX (box)); break;
    case INS_ACTION_RECORD_AVIS:     build_record_avis (self, GTK_BOX (box)); break;
    case INS_ACTION_MARK_UNUSABLE:   build_mark_unusable (self, GTK_BOX (box)); break;
    default:
      g_critical ("No dialog for action %s", ins_action_to_nick (action));
      break;
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("C_ancel"),
                                    "confirm", confirm_label (action),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "confirm",
                                              action == INS_ACTION_REFUSE || action == INS_ACTION_MARK_UNUSABLE
                                                ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  self->restoring = FALSE;
  update_complete (self);
  return self;
}

InsAction
ins_decision_dialog_get_action (InsDecisionDialog *self)
{
  g_return_val_if_fail (INS_IS_DECISION_DIALOG (self), INS_ACTION_CLAIM);
  return self->action;
}

InsAffaire *
ins_decision_dialog_get_affaire (InsDecisionDialog *self)
{
  g_return_val_if_fail (INS_IS_DECISION_DIALOG (self), NULL);
  return self->affaire;
}

void
ins_decision_dialog_set_reference_rate (InsDecisionDialog *self,
                                        const char        *rate,
                                        const GDate       *date)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self));

  g_clear_pointer (&self->reference_rate, g_free);
  g_date_clear (&self->rate_date, 1);
  if (self->rate_entry == NULL)
    return;

  self->restoring = TRUE;
  if (rate != NULL && date != NULL && g_date_valid (date))
    {
      g_autofree char *date_text = ins_format_gdate_long (date);
      g_autofree char *rate_text = NULL;
      g_autofree char *text = NULL;
      InsRate parsed = 0;

      ins_rate_parse (rate, &parsed, NULL);
      rate_text = ins_format_rate (self->affaire->currency, parsed);
      /* TRANSLATORS: "ECB reference rate of 14 March 2026: 1 € = 161,2300 JPY" */
      text = g_strdup_printf (_("ECB reference rate of %s: %s"), date_text, rate_text);

      self->reference_rate = g_strdup (rate);
      self->rate_date = *date;
      gtk_label_set_text (self->rate_label, text);
      gtk_editable_set_text (GTK_EDITABLE (self->rate_entry), rate);
      gtk_editable_set_text (GTK_EDITABLE (self->rate_source_entry), _("ECB"));
      gtk_editable_set_editable (GTK_EDITABLE (self->rate_entry), FALSE);
      gtk_editable_set_editable (GTK_EDITABLE (self->rate_source_entry), FALSE);
    }
  else
    {
      g_autofree char *reason = ins_ui_missing_rate_reason (self->affaire->currency,
                                                            self->affaire->soins
                                                            ? &self->affaire->soins->care_from : NULL);
      /* TRANSLATORS: "The ECB rates held here end on 13 April 2026. Enter the rate used and its source." */
      g_autofree char *text = g_strdup_printf (_("%s Enter the rate used and its source."), reason);

      gtk_label_set_text (self->rate_label, text);
      gtk_editable_set_editable (GTK_EDITABLE (self->rate_entry), TRUE);
      gtk_editable_set_editable (GTK_EDITABLE (self->rate_source_entry), TRUE);
      if (self->affaire->soins != NULL)
        self->rate_date = self->affaire->soins->care_from;
    }
  self->restoring = FALSE;
  update_amount_hint (self);
  update_complete (self);
}

void
ins_decision_dialog_preset_pieces (InsDecisionDialog  *self,
                                   const char * const *pieces)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self));

  if (self->piece_checks[0] == NULL || draft_field (self, FIELD_PIECES) != NULL || pieces == NULL)
    return;
  self->restoring = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (missing_piece_tags); i++)
    gtk_check_button_set_active (self->piece_checks[i],
                                 g_strv_contains (pieces, ins_page_tag_to_nick (missing_piece_tags[i])));
  self->restoring = FALSE;
  update_complete (self);
}

gboolean
ins_decision_dialog_is_complete (InsDecisionDialog *self)
{
  g_return_val_if_fail (INS_IS_DECISION_DIALOG (self), FALSE);

  switch (self->action)
    {
    case INS_ACTION_REQUEST_AVIS:
    case INS_ACTION_MARK_UNUSABLE:
      return text_view_filled (self->text_view);

    case INS_ACTION_ACCEPT:
      if (is_foreign_care (self))
        {
          InsRate rate;
          gint64 cents;
          const char *source = gtk_editable_get_text (GTK_EDITABLE (self->rate_source_entry));
          g_autofree char *stripped = g_strstrip (g_strdup (source));

          return current_rate (self, &rate) && *stripped != '\0' && current_amount_eur (self, &cents);
        }
      return gtk_check_button_get_active (self->applied_check);

    case INS_ACTION_REFUSE:
      return selected_motif (self) >= 0;

    case INS_ACTION_MARK_INCOMPLETE:
      for (guint i = 0; i < G_N_ELEMENTS (missing_piece_tags); i++)
        if (gtk_check_button_get_active (self->piece_checks[i]))
          return TRUE;
      return FALSE;

    case INS_ACTION_RECORD_AVIS:
      return (gtk_check_button_get_active (self->favorable_check)
              || gtk_check_button_get_active (self->defavorable_check))
             && text_view_filled (self->text_view);

    case INS_ACTION_CLOSE:
      return TRUE;

    default:
      return FALSE;
    }
}

static char *
stripped_or_null (char *text)
{
  if (text == NULL)
    return NULL;
  g_strstrip (text);
  if (*text == '\0')
    {
      g_free (text);
      return NULL;
    }
  return text;
}

InsTransition *
ins_decision_dialog_build_transition (InsDecisionDialog *self)
{
  InsTransition *transition;

  g_return_val_if_fail (INS_IS_DECISION_DIALOG (self), NULL);
  g_return_val_if_fail (ins_decision_dialog_is_complete (self), NULL);

  transition = ins_transition_new (self->action, self->affaire->id, self->affaire->version);
  transition->comment = stripped_or_null (text_view_get (self->text_view));

  switch (self->action)
    {
    case INS_ACTION_ACCEPT:
      if (is_foreign_care (self))
        {
          InsRate rate = 0;

          current_rate (self, &rate);
          current_amount_eur (self, &transition->amount_eur_cents);
          transition->rate = ins_rate_to_string (rate);
          transition->rate_date = self->rate_date;
          transition->rate_source = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rate_source_entry))));
          if (self->reference_rate != NULL)
            {
              g_free (transition->rate_source);
              transition->rate_source = g_strdup ("BCE");
            }
        }
      break;

    case INS_ACTION_REFUSE:
      transition->motif = selected_motif (self);
      break;

    case INS_ACTION_MARK_INCOMPLETE:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

        for (guint i = 0; i < G_N_ELEMENTS (missing_piece_tags); i++)
          if (gtk_check_button_get_active (self->piece_checks[i]))
            g_strv_builder_add (builder, ins_page_tag_to_nick (missing_piece_tags[i]));
        transition->missing_pieces = g_strv_builder_end (builder);
      }
      break;

    case INS_ACTION_RECORD_AVIS:
      transition->avis = gtk_check_button_get_active (self->favorable_check)
                         ? INS_AVIS_FAVORABLE : INS_AVIS_DEFAVORABLE;
      transition->avis_conclusion_text = g_steal_pointer (&transition->comment);
      transition->avis_reasoning = stripped_or_null (text_view_get (self->reasoning_view));
      break;

    default:
      break;
    }
  return transition;
}

void
ins_decision_dialog_discard_draft (InsDecisionDialog *self)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self));
  if (self->drafts != NULL)
    ins_drafts_clear (self->drafts, self->affaire->id, self->action);
}

char *
ins_decision_dialog_dup_text (InsDecisionDialog *self)
{
  g_return_val_if_fail (INS_IS_DECISION_DIALOG (self), NULL);
  return text_view_get (self->text_view);
}

/* Test helpers ---------------------------------------------------------------- */

void
ins_decision_dialog_set_text (InsDecisionDialog *self, const char *text)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self) && self->text_view != NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
}

void
ins_decision_dialog_set_reasoning (InsDecisionDialog *self, const char *text)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self) && self->reasoning_view != NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reasoning_view), text, -1);
}

void
ins_decision_dialog_set_motif (InsDecisionDialog *self, InsRefusalMotif motif)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self) && self->motif_checks[0] != NULL);
  gtk_check_button_set_active (self->motif_checks[motif], TRUE);
}

void
ins_decision_dialog_set_piece (InsDecisionDialog *self, InsPageTag piece, gboolean missing)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self));
  for (guint i = 0; i < G_N_ELEMENTS (missing_piece_tags); i++)
    if (missing_piece_tags[i] == piece && self->piece_checks[i] != NULL)
      gtk_check_button_set_active (self->piece_checks[i], missing);
}

void
ins_decision_dialog_set_avis (InsDecisionDialog *self, InsAvisConclusion avis)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self) && self->favorable_check != NULL);
  gtk_check_button_set_active (avis == INS_AVIS_FAVORABLE ? self->favorable_check
                                                          : self->defavorable_check, TRUE);
}

void
ins_decision_dialog_set_rate (InsDecisionDialog *self, const char *rate, const char *source)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self) && self->rate_entry != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_entry), rate);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_source_entry), source);
}

void
ins_decision_dialog_set_amount_eur (InsDecisionDialog *self, const char *text)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self) && self->amount_entry != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), text);
}

void
ins_decision_dialog_set_applied (InsDecisionDialog *self, gboolean applied)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self) && self->applied_check != NULL);
  gtk_check_button_set_active (self->applied_check, applied);
}
