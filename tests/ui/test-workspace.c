/* test-workspace.c — the agent's window on a real database, under Xvfb:
 * the affaire and its first page, browsing, the keyboard map and the
 * accessible names */
#include "config.h"

#include <glib/gi18n.h>

#include "store/ins-db.h"
#include "ui/ins-affaire-panel.h"
#include "ui/ins-document-view.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window-private.h"
#include "ui-test-util.h"
#include "ui-widget-texts.h"
#include "ui-workspace-steps.h"

/* Selection ------------------------------------------------------------------ */

typedef struct {
  gint64 attachment_id;
  int    page_no;
} PageSeen;

static void
on_page_shown (InsDocumentView *view, gint64 attachment_id, int page_no, PageSeen *seen)
{
  seen->attachment_id = attachment_id;
  seen->page_no = page_no;
}

static gboolean
page_seen (gpointer data)
{
  return ((PageSeen *) data)->page_no > 0;
}

static void
test_select_shows_affaire_and_first_page (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  gint64 id = ui_test_affaire_id ("SE-2026-0000001");
  InsDocumentView *doc;
  InsAffaire *affaire;
  PageSeen seen = { 0, };
  gulong handler;

  g_assert_true (ins_queue_view_select_id (ins_window_get_queue_view (window), id));
  ui_test_wait_affaire (window, id);
  affaire = ins_window_get_affaire (window);
  g_assert_cmpstr (affaire->numero, ==, "SE-2026-0000001");
  g_assert_nonnull (affaire->soins);

  doc = ins_window_get_document_view (window);
  g_assert_nonnull (doc);
  handler = g_signal_connect (doc, "page-shown", G_CALLBACK (on_page_shown), &seen);
  if (ins_document_view_get_current_page (doc) != 1 || seen.page_no == 0)
    ui_test_wait (page_seen, &seen, "the first page to be painted");
  g_signal_handler_disconnect (doc, handler);
  g_assert_cmpint (ins_document_view_get_current_document (doc), ==, 0);
  g_assert_cmpint (ins_document_view_get_current_page (doc), ==, 1);
  g_assert_cmpint (seen.attachment_id, ==, ((InsAttachmentInfo *) affaire->attachments->pdata[0])->id);
  ui_test_screenshot (GTK_WIDGET (window), "03-affaire-selected");
  /* Not held by Marie yet: she reads the pages but does not tag or turn them. */
  g_assert_cmpint (affaire->assignee_id, ==, 0);
  g_assert_true (ins_document_view_get_read_only (doc));

  /* An OC affaire: the resolver. */
  id = ui_test_affaire_id ("OC-2026-0000008");
  ins_window_show_affaire (window, id);
  ui_test_wait_affaire (window, id);
  g_assert_cmpuint (ins_window_get_affaire (window)->oc_beneficiaires->len, ==, 5);
  /* The resolver is in the affaire pane, folded away at this width until
   * the agent asks for it: the shot shows it. */
  ins_window_layout_show_affaire (window);
  ui_test_settle (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->affaire_panel)));
  ui_test_screenshot (GTK_WIDGET (window), "04-affaire-oc");
  ui_test_window_close (window);
}

static GtkWidget *
find_panel (GtkWidget *root)
{
  if (INS_IS_AFFAIRE_PANEL (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_panel (c);
      if (found)
        return found;
    }
  return NULL;
}

/* Twenty affaires selected in a row with j, each replacing the previous one's
 * load: the panel ends up showing exactly the last one, with its own
 * beneficiaries and OCs and none of the others', and its documents follow. */
static void
test_browse_twenty_shows_the_last (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *queue = ins_window_get_queue_view (window);
  GtkWidget *panel = find_panel (GTK_WIDGET (window));
  g_autoptr(GPtrArray) numeros = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *id_text = NULL, *member = NULL, *count_sql = NULL;
  InsAffaire *affaire;
  gint64 id = 0;
  guint n_members = 0;

  g_assert_nonnull (panel);
  ins_window_layout_show_affaire (window);
  for (guint i = 0; i < 28; i++)
    {
      InsQueueItem *item;

      g_assert_true (ins_queue_view_move_selection (queue, 1));
      item = ins_queue_view_get_selected (queue);
      id = ins_queue_item_get_id (item);
      g_ptr_array_add (numeros, ui_test_sql_value ("SELECT numero FROM affaire WHERE id = $1::bigint",
                                                   id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id)));
      g_clear_pointer (&id_text, g_free);
      ui_test_spin (i % 3);
      if (i >= 19 && g_str_has_prefix (g_ptr_array_index (numeros, numeros->len - 1), "OC-"))
        break;
    }
  g_assert_true (g_str_has_prefix (g_ptr_array_index (numeros, numeros->len - 1), "OC-"));
  ui_test_wait_affaire (window, id);
  affaire = ins_window_get_affaire (window);
  g_assert_true (ins_affaire_panel_get_affaire (INS_AFFAIRE_PANEL (panel)) == affaire);

  ui_widget_visible_texts (panel, texts);
  for (guint i = 0; i < numeros->len; i++)
    {
      guint seen_numero = 0;

      for (guint t = 0; t < texts->len; t++)
        if (g_strcmp0 (g_ptr_array_index (texts, t), g_ptr_array_index (numeros, i)) == 0)
          seen_numero++;
      g_assert_cmpuint (seen_numero, ==, i == numeros->len - 1 ? 1 : 0);
    }
  member = g_strdup_printf ("HM-%" G_GINT64_FORMAT "-", id);
  for (guint t = 0; t < texts->len; t++)
    {
      const char *text = g_ptr_array_index (texts, t);

      if (strstr (text, "HM-") != NULL)
        {
          g_assert_nonnull (strstr (text, member));
          n_members++;
        }
    }
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (n_members, ==, ui_test_sql_int ("SELECT count(*) FROM oc_beneficiaire WHERE affaire_id = $1::bigint",
                                                   id_text));
  g_assert_cmpuint (n_members, >, 0);
  g_assert_cmpuint (n_members, ==, affaire->oc_beneficiaires->len);

  /* The documents follow the panel: an OC affaire has none, and nothing of the
   * foreign-care affaires browsed before stays in the viewer. */
  ui_test_settle (window);
  g_assert_true (affaire->attachments == NULL || affaire->attachments->len == 0);
  g_assert_cmpuint (ins_document_view_get_n_documents (ins_window_get_document_view (window)), ==, 0);
  ui_test_window_close (window);
}

/* Keyboard and accessibility ------------------------------------------------------ */

static void
check_accessible (GtkWidget *widget, guint *checked)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child) && gtk_widget_get_focusable (child)
          && (GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child) || GTK_IS_DROP_DOWN (child)))
        {
          const char *label = GTK_IS_BUTTON (child) ? gtk_button_get_label (GTK_BUTTON (child)) : NULL;
          const char *tooltip = gtk_widget_get_tooltip_text (child);

          if (!((label != NULL && *label) || (tooltip != NULL && *tooltip)
                || GTK_IS_DROP_DOWN (child) || GTK_IS_MENU_BUTTON (child)))
            {
              g_test_message ("no name: %s in %s", G_OBJECT_TYPE_NAME (child),
                              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (child)));
              g_test_fail ();
            }
          (*checked)++;
        }
      /* Composite GTK widgets name their own parts. */
      if (!GTK_IS_MENU_BUTTON (child) && !GTK_IS_DROP_DOWN (child) && !GTK_IS_WINDOW_CONTROLS (child))
        check_accessible (child, checked);
    }
}

static void
test_shortcuts_and_names (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/fr/ameli/Instruction/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  InsWindow *window;
  guint checked = 0;
  const char *labels[] = { _("Take the next affaire"), _("Request a medical opinion"), _("Accept"), _("Refuse"),
                           _("Incomplete"), _("Close"), _("Close and next") };

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));

  window = ui_test_window_new ("ui_marie");
  check_accessible (GTK_WIDGET (window), &checked);
  g_assert_cmpuint (checked, >=, G_N_ELEMENTS (labels));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *ids[] = { "claim_next_button", "request_avis_button", "accept_button", "refuse_button",
                            "incomplete_button", "close_button", "close_next_button" };
      GObject *button = gtk_widget_get_template_child (GTK_WIDGET (window), INS_TYPE_WINDOW, ids[i]);

      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, labels[i]);
    }
  ui_test_window_close (window);
}

/* Every action word the store writes in the history reads as French words. */
static void
test_history_labels (void)
{
  const char *extra[] = { "import", "retry_notification", "transfer" };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (ui_test_admin (), "SELECT DISTINCT action FROM history", 0, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < INS_N_ACTIONS; i++)
    {
      const char *label = ins_affaire_panel_history_label (ins_action_to_nick (i));

      g_assert_cmpstr (label, !=, ins_action_to_nick (i));
      g_assert_cmpstr (label, !=, _("Other action"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    g_assert_cmpstr (ins_affaire_panel_history_label (extra[i]), !=, _("Other action"));
  g_assert_cmpint (PQntuples (res), >, 0);
  for (int i = 0; i < PQntuples (res); i++)
    g_assert_cmpstr (ins_affaire_panel_history_label (PQgetvalue (res, i, 0)), !=, _("Other action"));
  g_assert_cmpstr (ins_affaire_panel_history_label ("some_future_word"), ==, _("Other action"));
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/workspace/selection-shows-affaire-and-first-page", test_select_shows_affaire_and_first_page);
  g_test_add_func ("/workspace/browse-twenty-shows-the-last", test_browse_twenty_shows_the_last);
  g_test_add_func ("/workspace/shortcuts-and-names", test_shortcuts_and_names);
  g_test_add_func ("/workspace/history-labels", test_history_labels);
  return g_test_run ();
}
