/* ins-window-documents.c — the right pane: the affaire's pieces */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-format.h"
#include "ins-window-private.h"

static GtkWidget *
attachment_row (InsAttachmentInfo *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (info->filename);
  g_autofree char *details = NULL;
  GtkWidget *detail;

  if (info->unreadable_reason != NULL)
    details = g_strdup_printf (_("Cannot be read: %s"), info->unreadable_reason);
  else
    details = g_strdup_printf (ngettext ("%s, %d page", "%s, %d pages", info->page_count),
                               info->content_type, info->page_count);
  detail = gtk_label_new (details);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "ins-attachment");
  return box;
}

void
ins_window_documents_show (InsWindow  *self,
                           InsAffaire *affaire,
                           gboolean    changed_affaire)
{
  AdwBin *slot = ins_window_get_document_slot (self);
  GtkWidget *scrolled, *box;

  if (affaire == NULL || affaire->attachments == NULL || affaire->attachments->len == 0)
    {
      GtkWidget *page = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "x-office-document-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No document"));
      gtk_widget_add_css_class (page, "compact");
      adw_bin_set_child (slot, page);
      return;
    }

  scrolled = gtk_scrolled_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  for (guint i = 0; i < affaire->attachments->len; i++)
    gtk_box_append (GTK_BOX (box), attachment_row (g_ptr_array_index (affaire->attachments, i)));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  adw_bin_set_child (slot, scrolled);
}

void
ins_window_documents_class_init (GtkWidgetClass *widget_class)
{
}
