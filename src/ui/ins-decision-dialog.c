/* ins-decision-dialog.c — the small dialog each affaire action opens */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-currency.h"
#include "core/ins-format.h"
#include "core/ins-money.h"
#include "ins-decision-dialog-private.h"
#include "ins-ui-format.h"

/* The pieces an incomplete affaire can lack, as page-tag nicks. */
const InsPageTag ins_decision_missing_pieces[INS_DECISION_N_PIECES] = {
  INS_PAGE_TAG_FACTURE,
  INS_PAGE_TAG_PREUVE_PAIEMENT,
  INS_PAGE_TAG_PRESCRIPTION,
  INS_PAGE_TAG_AUTORISATION_PREALABLE,
  INS_PAGE_TAG_ATTESTATION_DETACHEMENT,
};

G_DEFINE_FINAL_TYPE (InsDecisionDialog, ins_decision_dialog, ADW_TYPE_MESSAGE_DIALOG)

gboolean
ins_decision_dialog_is_foreign_care (InsDecisionDialog *self)
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

void
ins_decision_dialog_save_field (InsDecisionDialog *self, const char *field, const char *value)
{
  if (self->drafts != NULL && !self->restoring)
    ins_drafts_set (self->drafts, self->affaire->id, self->action, field, value);
}

const char *
ins_decision_dialog_draft_field (InsDecisionDialog *self, const char *field)
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

void
ins_decision_dialog_update_complete (InsDecisionDialog *self)
{
  gboolean complete;

  if (!adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (self), "confirm"))
    return;
  complete = ins_decision_dialog_is_complete (self);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm", complete);
}

void
ins_decision_dialog_update_amount_hint (InsDecisionDialog *self)
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
  ins_decision_form_build (self, GTK_BOX (box));
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
  ins_decision_dialog_update_complete (self);
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
  ins_decision_dialog_update_amount_hint (self);
  ins_decision_dialog_update_complete (self);
}

void
ins_decision_dialog_preset_pieces (InsDecisionDialog  *self,
                                   const char * const *pieces)
{
  g_return_if_fail (INS_IS_DECISION_DIALOG (self));

  if (self->piece_checks[0] == NULL || ins_decision_dialog_draft_field (self, FIELD_PIECES) != NULL || pieces == NULL)
    return;
  self->restoring = TRUE;
  for (guint i = 0; i < INS_DECISION_N_PIECES; i++)
    gtk_check_button_set_active (self->piece_checks[i],
                                 g_strv_contains (pieces, ins_page_tag_to_nick (ins_decision_missing_pieces[i])));
  self->restoring = FALSE;
  ins_decision_dialog_update_complete (self);
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
      if (ins_decision_dialog_is_foreign_care (self))
        {
          InsRate rate;
          gint64 cents;
          const char *source = gtk_editable_get_text (GTK_EDITABLE (self->rate_source_entry));
          g_autofree char *stripped = g_strstrip (g_strdup (source));

          return current_rate (self, &rate) && *stripped != '\0' && current_amount_eur (self, &cents);
        }
      return gtk_check_button_get_active (self->applied_check);

    case INS_ACTION_REFUSE:
      return ins_decision_form_selected_motif (self) >= 0;

    case INS_ACTION_MARK_INCOMPLETE:
      for (guint i = 0; i < INS_DECISION_N_PIECES; i++)
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
      if (ins_decision_dialog_is_foreign_care (self))
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
      transition->motif = ins_decision_form_selected_motif (self);
      break;

    case INS_ACTION_MARK_INCOMPLETE:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

        for (guint i = 0; i < INS_DECISION_N_PIECES; i++)
          if (gtk_check_button_get_active (self->piece_checks[i]))
            g_strv_builder_add (builder, ins_page_tag_to_nick (ins_decision_missing_pieces[i]));
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
  for (guint i = 0; i < INS_DECISION_N_PIECES; i++)
    if (ins_decision_missing_pieces[i] == piece && self->piece_checks[i] != NULL)
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
