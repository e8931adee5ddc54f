/* test-workspace-layout.c — the window at its default size: every queue column
 * whole, the documents beside it with their toolbar, the page menu doing what
 * the toolbar's buttons did, the panes' widths kept per agent */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/ins-attachment-tabs.h"
#include "ui/ins-document-view.h"
#include "ui/ins-queue-item.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window-private.h"
#include "ins-test-db.h"
#include "ui-test-util.h"

static GtkWidget *
child_of (InsWindow *window, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), INS_TYPE_WINDOW, name));
}

static GtkColumnView *
queue_columns (InsWindow *window)
{
  return GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (ins_window_get_queue_view (window)),
                                                         INS_TYPE_QUEUE_VIEW, "column_view"));
}

static void
resize (InsWindow *window, int width, int height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  ui_test_settle (window);
  ui_test_spin (20);
}

/* The sum of the columns' widths fits in the column view, and nothing
 * scrolls sideways. */
static void
assert_every_column_whole (InsWindow *window)
{
  GtkColumnView *view = queue_columns (window);
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  int sum = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_true (gtk_column_view_column_get_visible (column));
      g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), >, 0);
      sum += gtk_column_view_column_get_fixed_width (column);
    }
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 9);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, sum);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h), <=, 0.5);
}

static void
test_default_size (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  GtkWidget *queue = GTK_WIDGET (ins_window_get_queue_view (window));
  GtkWidget *affaire = child_of (window, "affaire_panel");
  GtkWidget *documents = child_of (window, "document_slot");
  GtkWidget *toggle = child_of (window, "affaire_button");
  GtkWindow *fresh = g_object_new (INS_TYPE_WINDOW, NULL);
  int width = 0, height = 0;

  /* F9 is in the shortcuts window. */
  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/fr/ameli/Instruction/gtk/help-overlay.ui");
    GSList *objects = gtk_builder_get_objects (builder);
    gboolean listed = FALSE;

    for (GSList *l = objects; l != NULL; l = l->next)
      if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        {
          g_autofree char *accelerator = NULL;

          g_object_get (l->data, "accelerator", &accelerator, NULL);
          listed |= g_strcmp0 (accelerator, "F9") == 0;
        }
    g_slist_free (objects);
    g_assert_true (listed);
    gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  }

  /* The size the template asks for, made for a 1366 × 768 screen. */
  gtk_window_get_default_size (fresh, &width, &height);
  gtk_window_destroy (fresh);
  g_assert_cmpint (width, ==, 1360);
  g_assert_cmpint (height, ==, 700);
  resize (window, width, height);
  g_assert_true (ins_queue_view_select_id (ins_window_get_queue_view (window),
                                           ui_test_affaire_id ("SE-2026-0000001")));
  ui_test_settle (window);
  ui_test_spin (20);
  assert_every_column_whole (window);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (child_of (window, "outer_paned"))), >=,
                   ins_window_layout_queue_fit_width (window));

  /* The three panes do not fit: the documents take the affaire's room. */
  g_assert_false (gtk_widget_get_visible (affaire));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpint (gtk_widget_get_width (documents), >=, 440);
  ui_test_screenshot (GTK_WIDGET (window), "layout-1360x700-queue");

  /* F9: the affaire takes the queue's room, beside the documents. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-affaire", NULL));
  ui_test_spin (20);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_true (gtk_widget_get_visible (affaire));
  g_assert_false (gtk_widget_get_visible (queue));
  g_assert_cmpint (gtk_widget_get_width (affaire), >=, 280);
  g_assert_cmpint (gtk_widget_get_width (documents), >=, 700);
  ui_test_screenshot (GTK_WIDGET (window), "layout-1360x700-affaire");

  /* Going to the queue (Ctrl+L) brings it back whole. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-queue", NULL));
  ui_test_spin (20);
  g_assert_true (gtk_widget_get_visible (queue));
  g_assert_false (gtk_widget_get_visible (affaire));
  assert_every_column_whole (window);

  /* Opening a row (Entrée) is working on it: the affaire beside its documents,
   * and back to the queue with Ctrl+L. (Not the shown row: Entrée on it
   * would take it.) */
  {
    GListModel *rows = G_LIST_MODEL (ins_queue_view_get_model (ins_window_get_queue_view (window)));
    g_autoptr(InsQueueItem) first = g_list_model_get_item (rows, 0);

    g_signal_emit_by_name (queue_columns (window), "activate",
                           ins_queue_item_get_id (first) == ins_window_get_affaire (window)->id ? 1 : 0);
  }
  ui_test_spin (20);
  g_assert_true (gtk_widget_get_visible (affaire));
  g_assert_false (gtk_widget_get_visible (queue));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-queue", NULL));
  ui_test_spin (20);
  g_assert_true (gtk_widget_get_visible (queue));

  /* As wide as the test display goes: the queue still whole. */
  resize (window, 1600, 1000);
  assert_every_column_whole (window);
  g_assert_cmpint (gtk_widget_get_width (documents), >=, 440);
  ui_test_window_close (window);
}

typedef struct {
  const char *sql;
  const char *param;
  const char *expected;
} SqlWait;

static gboolean
sql_is (gpointer data)
{
  SqlWait *w = data;
  g_autofree char *value = ui_test_sql_value (w->sql, w->param);

  return g_strcmp0 (value, w->expected) == 0;
}

static gboolean
page_shown (gpointer data)
{
  return ins_document_view_get_current_page (data) == 1;
}

static void
test_page_menu (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsDocumentView *doc;
  GtkWidget *menu;
  GtkWidget *item;
  InsAffaire *affaire;
  g_autofree char *attachment = NULL;
  SqlWait rotation = { "SELECT rotation FROM attachment_page WHERE attachment_id = $1::bigint AND page_no = 1",
                       NULL, "90" };
  SqlWait tag = { "SELECT tag FROM attachment_page WHERE attachment_id = $1::bigint AND page_no = 1",
                  NULL, "facture" };

  resize (window, 1360, 700);
  g_assert_false (gtk_widget_get_visible (child_of (window, "affaire_panel")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "affaire.claim-next", NULL));
  ui_test_settle (window);
  affaire = ins_window_get_affaire (window);
  g_assert_nonnull (affaire);
  /* Taking the next affaire is working on it: it shows beside its documents. */
  g_assert_true (gtk_widget_get_visible (child_of (window, "affaire_panel")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ins_window_get_queue_view (window))));
  g_assert_cmpint (affaire->kind, ==, INS_KIND_SOINS_ETRANGER);
  g_assert_cmpuint (affaire->attachments->len, >, 0);
  attachment = g_strdup_printf ("%" G_GINT64_FORMAT, ((InsAttachmentInfo *) affaire->attachments->pdata[0])->id);
  rotation.param = tag.param = attachment;
  doc = ins_window_get_document_view (window);
  ui_test_wait (page_shown, doc, "the first page");
  g_assert_false (ins_document_view_get_read_only (doc));

  /* One button, named, in the Tab order, holds what the toolbar no longer shows. */
  menu = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (doc), INS_TYPE_DOCUMENT_VIEW, "page_menu_button"));
  g_assert_true (GTK_IS_MENU_BUTTON (menu));
  g_assert_true (gtk_widget_get_mapped (menu));
  g_assert_nonnull (gtk_widget_get_tooltip_text (menu));
  g_assert_true (gtk_widget_get_focusable (gtk_widget_get_first_child (menu)));

  /* Turning the page through the menu is remembered as the button did. */
  item = ui_test_find_menu_item (menu, _("Rotate clockwise"));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_is_sensitive (item));
  g_signal_emit_by_name (item, "clicked");
  ui_test_wait (sql_is, &rotation, "the rotation in the database");
  g_assert_true (sql_is (&rotation));

  /* Tagging through the menu: the page's tag in the database. */
  item = ui_test_find_menu_item (menu, ins_page_tag_label (INS_PAGE_TAG_FACTURE));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_is_sensitive (item));
  g_signal_emit_by_name (item, "clicked");
  ui_test_wait (sql_is, &tag, "the tag in the database");
  g_assert_true (sql_is (&tag));

  /* Back to upright through the other rotation; the viewer is offered too. */
  item = ui_test_find_menu_item (menu, _("Rotate counterclockwise"));
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  rotation.expected = "0";
  ui_test_wait (sql_is, &rotation, "the rotation back in the database");
  g_assert_true (sql_is (&rotation));
  item = ui_test_find_menu_item (menu, _("Open with the default application"));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_is_sensitive (item));
  ui_test_window_close (window);
}

static void
test_panes_restored (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  g_autoptr(GSettings) settings = NULL;
  InsWindow *window;

  g_assert_nonnull (schema);
  settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_set_int (settings, "window-width", 1500);
  g_settings_set_int (settings, "window-height", 900);
  g_settings_set_int (settings, "queue-pane-width", 700);
  g_settings_set_int (settings, "affaire-pane-width", 300);
  g_settings_set_boolean (settings, "affaire-pane-visible", TRUE);

  window = ui_test_window_new ("ui_marie");
  ins_window_use_settings (window, settings);
  ui_test_settle (window);
  ui_test_spin (20);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (child_of (window, "outer_paned"))), ==, 700);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (child_of (window, "inner_paned"))), ==, 300);
  g_assert_true (gtk_widget_get_visible (child_of (window, "affaire_panel")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ins_window_get_queue_view (window))));

  /* The agent hides the affaire pane and widens the queue: kept on closing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-affaire", NULL));
  g_assert_false (gtk_widget_get_visible (child_of (window, "affaire_panel")));
  g_assert_false (g_settings_get_boolean (settings, "affaire-pane-visible"));
  gtk_paned_set_position (GTK_PANED (child_of (window, "outer_paned")), 880);
  ui_test_spin (5);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_spin (5);
  g_assert_cmpint (g_settings_get_int (settings, "queue-pane-width"), ==, 880);

  /* The next window opens as this one was left, though wide enough for three panes. */
  window = ui_test_window_new ("ui_marie");
  ins_window_use_settings (window, settings);
  resize (window, 1600, 1000);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (child_of (window, "outer_paned"))), ==, 880);
  g_assert_false (gtk_widget_get_visible (child_of (window, "affaire_panel")));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child_of (window, "affaire_button"))));
  ui_test_window_close (window);

  g_settings_reset (settings, "queue-pane-width");
  g_settings_reset (settings, "affaire-pane-width");
  g_settings_reset (settings, "affaire-pane-visible");
}

typedef struct {
  InsAttachmentTabs *tabs;
  guint n;
} TabsWait;

static gboolean
tabs_ready (gpointer data)
{
  TabsWait *wait = data;

  if (ins_attachment_tabs_get_n_tabs (wait->tabs) != wait->n)
    return FALSE;
  for (guint i = 0; i < wait->n; i++)
    if (gtk_widget_get_tooltip_text (ins_attachment_tabs_get_tab (wait->tabs, i)) == NULL)
      return FALSE;
  return TRUE;
}

static GtkLabel *
tab_label (GtkWidget *tab)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (tab));

  return GTK_LABEL (gtk_widget_get_last_child (box));
}

/* Gives affaire @numero @n attachments in all, with the long names agents
 * see (the bytes of its first one). */
static void
add_attachments (const char *numero, guint n)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO attachment (affaire_id, position, filename, content_type, size_bytes, sha256, page_count)"
    " SELECT a.affaire_id, p, (ARRAY['preuve-de-paiement-', 'ordonnance-', 'autorisation-prealable-S2-',"
    "        'attestation-de-detachement-', 'facture-complementaire-', 'recu-pharmacie-', 'compte-rendu-',"
    "        'facture-hospitalisation-', 'justificatif-de-sejour-'])[p - 1] || $1 || '.pdf',"
    "        a.content_type, a.size_bytes, a.sha256, a.page_count"
    "   FROM attachment a JOIN affaire f ON f.id = a.affaire_id, generate_series (2, %u) AS p"
    "  WHERE f.numero = $1 AND a.position = 1", n);

  ui_test_sql_run (sql, numero);
}

/* Shows @numero at 1360 × 700 beside the queue and checks that its @n tabs
 * are all whole inside the documents pane, nothing scrolling, no label
 * ellipsized by Pango; returns the strip. */
static InsAttachmentTabs *
show_tabs (InsWindow *window, const char *numero, guint n)
{
  InsDocumentView *doc;
  InsAttachmentTabs *tabs;
  TabsWait wait;

  ins_window_show_affaire (window, ui_test_affaire_id (numero));
  ui_test_settle (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ins_window_get_queue_view (window))));
  doc = ins_window_get_document_view (window);
  g_assert_nonnull (doc);
  tabs = INS_ATTACHMENT_TABS (gtk_widget_get_template_child (GTK_WIDGET (doc), INS_TYPE_DOCUMENT_VIEW, "tabs"));
  wait = (TabsWait) { tabs, n };
  ui_test_wait (tabs_ready, &wait, "the attachments' tabs");
  ui_test_spin (20);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (tabs)), <=, gtk_widget_get_width (GTK_WIDGET (doc)));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *tab = ins_attachment_tabs_get_tab (tabs, i);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_get_visible (tab));
      g_assert_true (gtk_widget_get_child_visible (tab));
      g_assert_true (gtk_widget_get_focusable (tab));
      g_assert_true (gtk_widget_compute_bounds (tab, GTK_WIDGET (doc), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (doc)));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (tab_label (tab))));
      g_assert_cmpstr (gtk_label_get_text (tab_label (tab)), ==, ins_attachment_tabs_get_tab_text (tabs, i));
    }
  return tabs;
}

/* At 1366 px, with the queue whole beside the documents, an affaire's two
 * attachments both show their tab whole: the tab names the file, its tooltip
 * says the type and the pages too (so does its accessible name, which the
 * end-to-end test finds the tab by). */
static void
test_document_tabs (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsAttachmentTabs *tabs;
  GtkWidget *tab;
  g_autofree char *unreadable = NULL;

  resize (window, 1360, 700);
  tabs = show_tabs (window, "SE-2026-0000005", 2);
  tab = ins_attachment_tabs_get_tab (tabs, 0);
  g_assert_cmpstr (ins_attachment_tabs_get_tab_text (tabs, 0), ==, "facture-SE-2…005.pdf");
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (tab), "facture-SE-2026-0000005.pdf · PDF · "));
  g_assert_cmpstr (ins_attachment_tabs_get_tab_text (tabs, 1), ==, "scan-illisible.pdf");
  /* Marked unreadable before it was opened (the import said so). */
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (ins_attachment_tabs_get_tab (tabs, 1)),
                                   "scan-illisible.pdf · "));
  /* Its reason, from the import, made a sentence after the verdict. */
  unreadable = g_strdup_printf (_("%s · %s · Unreadable document. %s"), "scan-illisible.pdf", _("unknown type"),
                                "Fichier tronqué.");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (ins_attachment_tabs_get_tab (tabs, 1)), ==, unreadable);
  g_assert_true (gtk_widget_has_css_class (ins_attachment_tabs_get_tab (tabs, 1), "error"));
  g_assert_cmpint (gtk_widget_get_width (tab), >=, 100);
  g_assert_null (ins_attachment_tabs_get_caption (tabs));
  ui_test_screenshot (GTK_WIDGET (window), "layout-1360x700-tabs");
  ui_test_window_close (window);
}

/* Three attachments with long names: three named tabs side by side, each
 * name shortened in its middle (by us, not by Pango, which left a gap around
 * its ellipsis), the tooltip whole; a click shows that attachment. */
static void
test_document_tabs_three (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsAttachmentTabs *tabs;
  InsDocumentView *doc;

  add_attachments ("SE-2026-0000006", 3);
  resize (window, 1360, 700);
  tabs = show_tabs (window, "SE-2026-0000006", 3);
  doc = ins_window_get_document_view (window);
  g_assert_cmpstr (ins_attachment_tabs_get_tab_text (tabs, 0), ==, "factur…06.pdf");
  g_assert_cmpstr (ins_attachment_tabs_get_tab_text (tabs, 1), ==, "preuve…06.pdf");
  g_assert_cmpstr (ins_attachment_tabs_get_tab_text (tabs, 2), ==, "ordonn…06.pdf");
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (ins_attachment_tabs_get_tab (tabs, 2)),
                                   "ordonnance-SE-2026-0000006.pdf · PDF · "));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (gtk_widget_get_width (ins_attachment_tabs_get_tab (tabs, i)), >=, 100);
  g_assert_null (ins_attachment_tabs_get_caption (tabs));

  g_signal_emit_by_name (ins_attachment_tabs_get_tab (tabs, 2), "clicked");
  g_assert_cmpint (ins_document_view_get_current_document (doc), ==, 2);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ins_attachment_tabs_get_tab (tabs, 2))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ins_attachment_tabs_get_tab (tabs, 0))));
  ui_test_screenshot (GTK_WIDGET (window), "layout-1360x700-tabs-3");
  ui_test_window_close (window);
}

static gboolean
tenth_shown (gpointer data)
{
  return ins_document_view_get_current_document (data) == 9;
}

/* Ten attachments: ten numbered tabs, all whole, the current one's name
 * written under them; Tab goes from one to the next and activating one
 * shows it. */
static void
test_document_tabs_ten (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsAttachmentTabs *tabs;
  InsDocumentView *doc;
  GtkWidget *tab;

  add_attachments ("SE-2026-0000007", 10);
  resize (window, 1360, 700);
  tabs = show_tabs (window, "SE-2026-0000007", 10);
  doc = ins_window_get_document_view (window);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (ins_attachment_tabs_get_tab_text (tabs, i), ==, number);
    }
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (ins_attachment_tabs_get_tab (tabs, 9)),
                                   "justificatif-de-sejour-SE-2026-0000007.pdf · PDF · "));
  g_assert_nonnull (strstr (ins_attachment_tabs_get_caption (tabs), "facture-SE-2026-0000007.pdf · PDF · "));

  /* By keyboard: Tab from the first to the tenth, then Enter. */
  tab = ins_attachment_tabs_get_tab (tabs, 0);
  g_assert_true (gtk_widget_grab_focus (tab));
  for (guint i = 1; i < 10; i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      g_assert_true (gtk_widget_has_focus (ins_attachment_tabs_get_tab (tabs, i)));
    }
  g_assert_true (gtk_widget_activate (ins_attachment_tabs_get_tab (tabs, 9)));
  ui_test_wait (tenth_shown, doc, "the tenth attachment");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ins_attachment_tabs_get_tab (tabs, 9))));
  g_assert_nonnull (strstr (ins_attachment_tabs_get_caption (tabs), "justificatif-de-sejour-SE-2026-0000007.pdf"));
  ui_test_spin (20);
  ui_test_screenshot (GTK_WIDGET (window), "layout-1360x700-tabs-10");

  /* Back to two: named tabs again, no caption. */
  show_tabs (window, "SE-2026-0000005", 2);
  g_assert_cmpstr (ins_attachment_tabs_get_tab_text (tabs, 0), ==, "facture-SE-2…005.pdf");
  g_assert_null (ins_attachment_tabs_get_caption (tabs));
  ui_test_window_close (window);
}

static void
on_dismissed (AdwToast *toast, gboolean *dismissed)
{
  *dismissed = TRUE;
}

/* A new message replaces the one shown instead of waiting behind it, when its
 * affaire may be gone already. */
static void
test_message_replaces_message (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  g_autoptr(AdwToast) first = NULL;
  gboolean dismissed = FALSE;

  ins_window_show_message (window, "Avis médical demandé");
  first = g_object_ref (window->message_toast);
  g_signal_connect (first, "dismissed", G_CALLBACK (on_dismissed), &dismissed);
  ui_test_settle (window);
  ins_window_show_message (window, "Affaire refusée");
  g_assert_true (dismissed);
  g_assert_true (window->message_toast != first);
  g_assert_cmpstr (adw_toast_get_title (window->message_toast), ==, "Affaire refusée");
  ui_test_window_close (window);
}

/* Searching is searching the queue: it comes back when the affaire took its room. */
static void
test_search_shows_queue (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  GtkWidget *queue = GTK_WIDGET (ins_window_get_queue_view (window));
  GtkSearchBar *bar = GTK_SEARCH_BAR (child_of (window, "search_bar"));

  resize (window, 1360, 700);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-affaire", NULL));
  ui_test_spin (20);
  g_assert_false (gtk_widget_get_visible (queue));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ui_test_spin (20);
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_get_visible (queue));
  g_assert_false (gtk_widget_get_visible (child_of (window, "affaire_panel")));

  /* The search button (bound to the bar's search mode) does the same as Ctrl+F. */
  gtk_search_bar_set_search_mode (bar, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-affaire", NULL));
  ui_test_spin (20);
  g_assert_false (gtk_widget_get_visible (queue));
  gtk_search_bar_set_search_mode (bar, TRUE);
  ui_test_spin (20);
  g_assert_true (gtk_widget_get_visible (queue));
  ui_test_window_close (window);
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/workspace-layout/default-size", test_default_size);
  g_test_add_func ("/workspace-layout/page-menu", test_page_menu);
  g_test_add_func ("/workspace-layout/panes-restored", test_panes_restored);
  g_test_add_func ("/workspace-layout/document-tabs", test_document_tabs);
  g_test_add_func ("/workspace-layout/document-tabs-three", test_document_tabs_three);
  g_test_add_func ("/workspace-layout/document-tabs-ten", test_document_tabs_ten);
  g_test_add_func ("/workspace-layout/search-shows-queue", test_search_shows_queue);
  g_test_add_func ("/workspace-layout/message-replaces-message", test_message_replaces_message);
  return g_test_run ();
}
