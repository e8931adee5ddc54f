/* ins-decision-form.c — the decision dialog's form: the fields each action
 * needs, kept in the drafts as they are typed */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-format.h"
#include "ins-decision-dialog-private.h"
#include "ins-ui-format.h"

static void
on_text_changed (GtkTextBuffer *buffer, InsDecisionDialog *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ins_decision_dialog_save_field (self, g_object_get_data (G_OBJECT (buffer), "ins-field"), text);
  ins_decision_dialog_update_complete (self);
}

static void
on_entry_changed (GtkEditable *editable, InsDecisionDialog *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "ins-field");

  ins_decision_dialog_save_field (self, field, gtk_editable_get_text (editable));
  if (g_strcmp0 (field, FIELD_AMOUNT) == 0 && !self->restoring)
    self->amount_edited = TRUE;
  if (g_strcmp0 (field, FIELD_RATE) == 0)
    ins_decision_dialog_update_amount_hint (self);
  ins_decision_dialog_update_complete (self);
}

int
ins_decision_form_selected_motif (InsDecisionDialog *self)
{
  for (int i = 0; i < INS_N_MOTIFS; i++)
    if (self->motif_checks[i] != NULL && gtk_check_button_get_active (self->motif_checks[i]))
      return i;
  return -1;
}

static void
on_motif_toggled (GtkCheckButton *check, InsDecisionDialog *self)
{
  int motif = ins_decision_form_selected_motif (self);

  if (!gtk_check_button_get_active (check))
    return;
  if (motif >= 0)
    ins_decision_dialog_save_field (self, FIELD_MOTIF, ins_motif_to_nick (motif));
  ins_decision_dialog_update_complete (self);
}

static void
on_piece_toggled (GtkCheckButton *check, InsDecisionDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pieces = NULL;
  g_autofree char *joined = NULL;

  for (guint i = 0; i < INS_DECISION_N_PIECES; i++)
    if (gtk_check_button_get_active (self->piece_checks[i]))
      g_strv_builder_add (builder, ins_page_tag_to_nick (ins_decision_missing_pieces[i]));
  pieces = g_strv_builder_end (builder);
  joined = g_strjoinv (",", pieces);
  ins_decision_dialog_save_field (self, FIELD_PIECES, joined);
  ins_decision_dialog_update_complete (self);
}

static void
on_avis_toggled (GtkCheckButton *check, InsDecisionDialog *self)
{
  if (!gtk_check_button_get_active (check))
    return;
  ins_decision_dialog_save_field (self, FIELD_AVIS,
              ins_avis_to_nick (check == self->favorable_check ? INS_AVIS_FAVORABLE
                                                                : INS_AVIS_DEFAVORABLE));
  ins_decision_dialog_update_complete (self);
}

static void
on_applied_toggled (GtkCheckButton *check, InsDecisionDialog *self)
{
  ins_decision_dialog_update_complete (self);
}

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
  const char *draft = ins_decision_dialog_draft_field (self, field);

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
  const char *draft = ins_decision_dialog_draft_field (self, field);

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

  if (ins_decision_dialog_is_foreign_care (self))
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
      self->amount_edited = ins_decision_dialog_draft_field (self, FIELD_AMOUNT) != NULL;
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
  const char *draft = ins_decision_dialog_draft_field (self, FIELD_MOTIF);
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
  const char *draft = ins_decision_dialog_draft_field (self, FIELD_PIECES);
  g_auto(GStrv) ticked = draft ? g_strsplit (draft, ",", -1) : NULL;
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Missing pieces"));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("The insured person will be asked for the pieces ticked here; "
                                 "the affaire waits until they arrive."));
  gtk_box_append (box, caption (_("Pieces to ask for"), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pieces to ask for"), -1);
  for (guint i = 0; i < INS_DECISION_N_PIECES; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (ins_ui_piece_label (ins_decision_missing_pieces[i]));

      if (ticked != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                     g_strv_contains ((const char * const *) ticked,
                                                      ins_page_tag_to_nick (ins_decision_missing_pieces[i])));
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
  const char *draft = ins_decision_dialog_draft_field (self, FIELD_AVIS);
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

void
ins_decision_form_build (InsDecisionDialog *self, GtkBox *box)
{
  switch (self->action)
    {
    case INS_ACTION_REQUEST_AVIS:    build_request_avis (self, box); break;
    case INS_ACTION_ACCEPT:          build_accept (self, box); break;
    case INS_ACTION_REFUSE:          build_refuse (self, box); break;
    case INS_ACTION_MARK_INCOMPLETE: build_incomplete (self, box); break;
    case INS_ACTION_CLOSE:           build_close (self, box); break;
    case INS_ACTION_RECORD_AVIS:     build_record_avis (self, box); break;
    case INS_ACTION_MARK_UNUSABLE:   build_mark_unusable (self, box); break;
    default:
      g_critical ("No dialog for action %s", ins_action_to_nick (self->action));
      break;
    }
}
