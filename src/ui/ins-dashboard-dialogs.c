/* ins-dashboard-dialogs.c — the small dialogs that confirm a supervisor's action */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-dashboard-dialogs.h"

AdwMessageDialog *
ins_dashboard_dialog_confirm (GtkWidget  *parent,
                              const char *heading,
                              const char *body,
                              const char *confirm_label,
                              gboolean    destructive)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                         heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "confirm", confirm_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
on_selected (GtkDropDown *drop_down, GParamSpec *pspec, AdwMessageDialog *dialog)
{
  (void) pspec;
  adw_message_dialog_set_response_enabled (dialog, "confirm",
                                           gtk_drop_down_get_selected (drop_down) != GTK_INVALID_LIST_POSITION);
}

AdwMessageDialog *
ins_dashboard_dialog_choose (GtkWidget          *parent,
                             const char         *heading,
                             const char         *body,
                             const char         *choice_label,
                             const char * const *choices,
                             const char         *confirm_label,
                             gboolean            with_comment)
{
  AdwMessageDialog *dialog = ins_dashboard_dialog_confirm (parent, heading, body, confirm_label, FALSE);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (choice_label);
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (choices);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), drop_down);
  g_object_set_data (G_OBJECT (dialog), "ins-drop-down", drop_down);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_selected), dialog, 0);
  on_selected (GTK_DROP_DOWN (drop_down), NULL, dialog);

  if (with_comment)
    {
      GtkWidget *comment_label = gtk_label_new_with_mnemonic (_("_Comment for the history"));
      GtkWidget *entry = gtk_entry_new ();

      gtk_label_set_xalign (GTK_LABEL (comment_label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (comment_label), entry);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, comment_label, NULL, -1);
      gtk_widget_set_margin_top (comment_label, 6);
      gtk_box_append (GTK_BOX (box), comment_label);
      gtk_box_append (GTK_BOX (box), entry);
      g_object_set_data (G_OBJECT (dialog), "ins-entry", entry);
    }
  adw_message_dialog_set_extra_child (dialog, box);
  return dialog;
}

guint
ins_dashboard_dialog_get_choice (AdwMessageDialog *dialog)
{
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (dialog), "ins-drop-down");

  return drop_down ? gtk_drop_down_get_selected (drop_down) : GTK_INVALID_LIST_POSITION;
}

void
ins_dashboard_dialog_set_choice (AdwMessageDialog *dialog, guint index)
{
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (dialog), "ins-drop-down");

  if (drop_down != NULL)
    gtk_drop_down_set_selected (drop_down, index);
}

const char *
ins_dashboard_dialog_get_comment (AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "ins-entry");

  return entry ? gtk_editable_get_text (entry) : "";
}
