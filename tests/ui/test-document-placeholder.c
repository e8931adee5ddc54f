/* test-document-placeholder.c — an unreadable attachment in the workspace:
 * its placeholder offers to mark the affaire unusable only when the agent
 * can, says so once it is, and « Ouvrir avec l'application par défaut » says
 * clearly when the desktop has no application for it */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ui/ins-decision-dialog.h"
#include "ui/ins-document-view.h"
#include "ui/ins-window-private.h"
#include "ui-test-util.h"

typedef struct {
  GtkWidget *button;
  GtkWidget *note;
  GtkStack  *stack;
} Placeholder;

static Placeholder
find_placeholder (InsWindow *window)
{
  InsDocumentView *doc = ins_window_get_document_view (window);
  Placeholder p;

  g_assert_nonnull (doc);
  p.button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (doc), INS_TYPE_DOCUMENT_VIEW,
                                                        "mark_unusable_button"));
  p.note = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (doc), INS_TYPE_DOCUMENT_VIEW,
                                                      "unusable_note"));
  p.stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (doc), INS_TYPE_DOCUMENT_VIEW, "stack"));
  return p;
}

static gboolean
documents_loaded (gpointer data)
{
  InsDocumentView *doc = ins_window_get_document_view (data);

  return doc != NULL && ins_document_view_get_n_documents (doc) == 2;
}

static gboolean
placeholder_shown (gpointer data)
{
  InsWindow *window = data;
  InsDocumentView *doc = ins_window_get_document_view (window);

  return doc != NULL && ins_document_view_get_n_documents (doc) == 2
         && g_strcmp0 (gtk_stack_get_visible_child_name (find_placeholder (window).stack), "error") == 0;
}

/* The affaire's second attachment, the one the import found unreadable. */
static Placeholder
show_unreadable (InsWindow *window, gint64 id)
{
  ins_window_show_affaire (window, id);
  ui_test_settle (window);
  ui_test_wait (documents_loaded, window, "the attachments");
  ins_document_view_set_current_document (ins_window_get_document_view (window), 1);
  ui_test_wait (placeholder_shown, window, "the placeholder");
  ui_test_settle (window);
  return find_placeholder (window);
}

static gboolean
dialog_open (gpointer data)
{
  return ins_window_get_dialog (data) != NULL;
}

static gboolean
unusable (gpointer data)
{
  g_autofree char *status = ui_test_affaire_status (*(gint64 *) data);

  return g_strcmp0 (status, "non_exploitable") == 0;
}

static void
test_offered_when_it_can_be_done (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  gint64 id = ui_test_affaire_id ("SE-2026-0000005");
  InsDecisionDialog *dialog;
  Placeholder p;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);

  /* Received, held by nobody: taking it comes first. */
  p = show_unreadable (window, id);
  g_assert_false (gtk_widget_get_visible (p.button));
  g_assert_true (gtk_widget_get_visible (p.note));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (p.note)), ==, _("Take the affaire to mark it unusable"));
  ui_test_screenshot (GTK_WIDGET (window), "placeholder-received");

  /* Held by her: offered, and it works. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "affaire.claim", NULL));
  ui_test_settle (window);
  g_assert_cmpint (ins_window_get_affaire (window)->status, ==, INS_STATUS_EN_COURS);
  g_assert_true (gtk_widget_get_visible (p.button));
  g_assert_true (gtk_widget_is_sensitive (p.button));
  g_assert_false (gtk_widget_get_visible (p.note));
  ui_test_screenshot (GTK_WIDGET (window), "placeholder-can-mark");
  gtk_widget_activate (p.button);
  ui_test_wait (dialog_open, window, "the dialog");
  dialog = INS_DECISION_DIALOG (ins_window_get_dialog (window));
  g_assert_cmpint (ins_decision_dialog_get_action (dialog), ==, INS_ACTION_MARK_UNUSABLE);
  ins_decision_dialog_set_text (dialog, "Scan tronqué, illisible");
  g_assert_true (ins_decision_dialog_is_complete (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  ui_test_wait (unusable, &id, "the affaire to be unusable");
  ui_test_settle (window);

  /* Marked: said, not offered again (the action is no longer possible). */
  ui_test_wait (placeholder_shown, window, "the placeholder again");
  p = find_placeholder (window);
  g_assert_cmpint (ins_window_get_affaire (window)->status, ==, INS_STATUS_NON_EXPLOITABLE);
  g_assert_false (gtk_widget_get_visible (p.button));
  g_assert_true (gtk_widget_get_visible (p.note));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (p.note)), ==, _("This affaire is already marked unusable"));
  g_assert_false (ins_window_action_enabled (window, INS_WS_MARK_UNUSABLE));
  ui_test_screenshot (GTK_WIDGET (window), "placeholder-already-unusable");
  ui_test_window_close (window);
}

/* The médecin-conseil reads: nothing to mark, nothing to take. */
static void
test_not_offered_to_the_medecin (void)
{
  InsWindow *window = ui_test_window_new ("ui_claire");
  gint64 id = ui_test_affaire_id ("SE-2026-0000006");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  Placeholder p;

  ui_test_sql_run ("INSERT INTO attachment (affaire_id, position, filename, content_type, size_bytes, sha256,"
                   "                        page_count, unreadable_reason)"
                   " SELECT $1::bigint, 2, filename, content_type, size_bytes, sha256, NULL, unreadable_reason"
                   "   FROM attachment WHERE filename = 'scan-illisible.pdf' LIMIT 1", id_text);
  ui_test_sql_run ("UPDATE affaire SET status = 'avis_medical_demande' WHERE id = $1::bigint", id_text);
  p = show_unreadable (window, id);
  g_assert_false (gtk_widget_get_visible (p.button));
  g_assert_false (gtk_widget_get_visible (p.note));
  ui_test_window_close (window);
}

/* This process sees no application at all (see main): the agent is told,
 * in French in the real app, instead of nothing happening. */
static void
test_open_external_without_a_viewer (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  gint64 id = ui_test_affaire_id ("SE-2026-0000005");

  show_unreadable (window, id);
  ins_window_set_last_message (window, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ins_window_get_document_view (window)),
                                             "doc.open-external", NULL));
  ui_test_settle (window);
  g_assert_cmpstr (ins_window_get_last_message (window), ==,
                   _("No application on this computer can open this document: ask your IT support to "
                     "install a document viewer."));
  ui_test_screenshot (GTK_WIDGET (window), "placeholder-no-viewer");
  ui_test_window_close (window);
}

/* A data directory with everything of /usr/share (icons, MIME types,
 * schemas) but the applications. */
static char *
data_dir_without_applications (void)
{
  g_autoptr(GError) error = NULL;
  char *top = g_dir_make_tmp ("ins-ui-noapps-XXXXXX", &error);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_no_error (error);
  dir = g_dir_open ("/usr/share", 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_strcmp0 (name, "applications") != 0)
      {
        g_autofree char *target = g_build_filename ("/usr/share", name, NULL);
        g_autofree char *link = g_build_filename (top, name, NULL);

        if (symlink (target, link) != 0)
          g_error ("cannot link %s: %s", link, g_strerror (errno));
      }
  return top;
}

static void
remove_data_dir (const char *top)
{
  g_autoptr(GDir) dir = g_dir_open (top, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *link = g_build_filename (top, name, NULL);
      g_unlink (link);
    }
  g_rmdir (top);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data = data_dir_without_applications ();
  g_autofree char *home = g_dir_make_tmp ("ins-ui-home-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_DIRS", data, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  ui_test_init (&argc, &argv);
  g_test_add_func ("/placeholder/offered-when-it-can-be-done", test_offered_when_it_can_be_done);
  g_test_add_func ("/placeholder/not-offered-to-the-medecin", test_not_offered_to_the_medecin);
  g_test_add_func ("/placeholder/open-external-without-a-viewer", test_open_external_without_a_viewer);
  status = g_test_run ();
  remove_data_dir (data);
  g_rmdir (home);
  return status;
}
