/* test-dashboard.c — the supervisor dashboard with real widgets under Xvfb:
 * figures of a known fixture, actions that change the database and the
 * history, refresh on change, CSV export */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/ins-format.h"
#include "store/ins-db.h"
#include "ui/ins-dashboard-dialogs.h"
#include "ui/ins-dashboard-view.h"
#include "ui/ins-window.h"
#include "../store/ins-store-fixture.h"
#include "ins-test-db.h"
#include "ins-test-i18n.h"
#include "ui-test-util.h"

static PGconn *admin;
static char *prefix;
static gint64 fresh, oc_late, stale, unusable, closed, formula, failed_id;
static GtkWidget *window;
static InsDashboardView *view;
static InsStore *store;

static gint64
add (InsAffaireKind kind, const char *status, int age_days, const char *nom)
{
  FixtureAffaire spec = { .kind = kind, .status = status, .age_days = age_days, .nom = nom };

  return fixture_add_affaire (admin, &spec);
}

static void
sql (const char *text, gint64 id)
{
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *pfx = g_strdup (prefix);
  const char *params[] = { sid, pfx };
  g_autoptr(GError) error = NULL;
  int n = strstr (text, "$2") ? 2 : strstr (text, "$1") ? 1 : 0;

  ins_db_run (admin, text, n, params, &error);
  g_assert_no_error (error);
}

static void
setup_fixture (void)
{
  prefix = g_strdup_printf ("db%d_", (int) getpid ());
  fixture_people (admin, prefix);

  fresh = add (INS_KIND_SOINS_ETRANGER, "recue", 2, "Durand");
  oc_late = add (INS_KIND_CHEVAUCHEMENT_OC, "recue", 10, "Moreau");        /* 3 days late */
  stale = add (INS_KIND_SOINS_ETRANGER, "en_cours", 40, "Garcia");         /* 12 days late */
  sql ("UPDATE affaire SET assignee_id = (SELECT id FROM agent WHERE login = $2 || 'paul'),"
       " lease_until = now() - interval '2 hours', updated_at = now() - interval '3 hours' WHERE id = $1", stale);
  unusable = add (INS_KIND_SOINS_ETRANGER, "non_exploitable", 5, "Roux");
  sql ("UPDATE affaire SET non_exploitable_reason = 'Pièce illisible, tronquée' WHERE id = $1", unusable);
  formula = add (INS_KIND_SOINS_ETRANGER, "recue", 1, "=Dupont, \"Jo\"");
  closed = add (INS_KIND_SOINS_ETRANGER, "cloturee", 20, "Bonnet");
  sql ("INSERT INTO history (affaire_id, agent_id, action, from_status, to_status, at)"
       " SELECT $1::bigint, g.id, 'close', 'acceptee'::affaire_status, 'cloturee'::affaire_status, (current_date - d)::timestamptz + interval '10 hours'"
       "   FROM agent g, (VALUES (0), (0)) v(d) WHERE g.login = $2 || 'marie'"
       " UNION ALL"
       " SELECT $1::bigint, g.id, 'close', 'acceptee'::affaire_status, 'cloturee'::affaire_status, (current_date - 3)::timestamptz + interval '10 hours'"
       "   FROM agent g WHERE g.login = $2 || 'paul'", closed);
  sql ("UPDATE affaire SET closed_at = now() WHERE id = $1", closed);
  failed_id = fixture_int (admin,
                           "INSERT INTO notification_outbox (affaire_id, kind, payload, state, attempts, last_error)"
                           " VALUES ($1, 'acceptation', '{}', 'failed', 8, 'HTTP 503') RETURNING id", closed);
}

static gboolean
store_connected (gpointer data)
{
  return ins_store_get_connected (data);
}

static gboolean
loaded (gpointer data)
{
  return ins_dashboard_view_get_workload (view) != NULL;
}

/* Waits for the next "loaded" after @before. */
typedef struct {
  InsWorkload *before;
} Reload;

static gboolean
reloaded (gpointer data)
{
  Reload *r = data;
  InsWorkload *now = ins_dashboard_view_get_workload (view);

  return now != NULL && now != r->before;
}

static void
wait_reload (InsWorkload *before, const char *what)
{
  Reload r = { before };

  ui_test_wait (reloaded, &r, what);
}

static const char *
grid_text (InsDashboardTableId id, int column, int row)
{
  GtkWidget *child = gtk_grid_get_child_at (ins_dashboard_view_get_grid (view, id), column, row);

  g_assert_true (GTK_IS_LABEL (child));
  return gtk_label_get_text (GTK_LABEL (child));
}

/* The button of @action in the row of table @id showing @numero, and the grid
 * column it sits in. */
static GtkWidget *
row_button_at (InsDashboardTableId id, const char *numero, const char *action, int *column)
{
  GtkGrid *grid = ins_dashboard_view_get_grid (view, id);
  const InsDashboardTable *table = ins_dashboard_view_get_table (view, id);
  guint n_cols = g_strv_length (table->headers);

  for (guint r = 0; r < table->rows->len; r++)
    if (g_strcmp0 (((char **) g_ptr_array_index (table->rows, r))[0], numero) == 0)
      for (guint c = n_cols; c < n_cols + 3; c++)
        {
          GtkWidget *b = gtk_grid_get_child_at (grid, c, r + 1);

          if (b != NULL && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (b)), action) == 0)
            {
              if (column != NULL)
                *column = c;
              return b;
            }
        }
  return NULL;
}

static GtkWidget *
row_button (InsDashboardTableId id, const char *numero, const char *action)
{
  return row_button_at (id, numero, action, NULL);
}

static char *
numero_of (gint64 id)
{
  return fixture_string (admin, "SELECT numero FROM affaire WHERE id = $1", id);
}

static gboolean
idle (gpointer data)
{
  return !ins_dashboard_view_get_loading (view);
}

/* A click as the pointer makes it: at once (gtk_widget_activate() waits a
 * moment, during which a reload may replace the row). */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
dialog_open (gpointer data)
{
  return ins_dashboard_view_get_dialog (view) != NULL;
}

static void
test_figures (void)
{
  InsWorkload *w = ins_dashboard_view_get_workload (view);
  g_autofree char *stale_numero = numero_of (stale);
  g_autofree char *late_numero = numero_of (oc_late);
  const InsDashboardTable *backlog = ins_dashboard_view_get_table (view, INS_DASHBOARD_BACKLOG);
  const InsDashboardTable *throughput = ins_dashboard_view_get_table (view, INS_DASHBOARD_THROUGHPUT);
  guint total_row = backlog->rows->len;
  guint n_cols = g_strv_length (throughput->headers);

  /* Open: fresh, oc_late, stale, unusable, formula. */
  g_assert_cmpuint (ins_workload_backlog_sum (w, -1, -1, -1), ==, 5);
  g_assert_cmpstr (grid_text (INS_DASHBOARD_BACKLOG, 0, total_row), ==, _("All open affaires"));
  g_assert_cmpstr (grid_text (INS_DASHBOARD_BACKLOG, 2, total_row), ==, "3");   /* 0 to 7 days */
  g_assert_cmpstr (grid_text (INS_DASHBOARD_BACKLOG, 3, total_row), ==, "1");   /* 8 to 30 */
  g_assert_cmpstr (grid_text (INS_DASHBOARD_BACKLOG, 4, total_row), ==, "1");   /* 31 to 90 */
  g_assert_cmpstr (grid_text (INS_DASHBOARD_BACKLOG, 7, total_row), ==, "5");

  /* Overdue, longest first. */
  g_assert_cmpstr (grid_text (INS_DASHBOARD_BREACHES, 0, 1), ==, stale_numero);
  g_assert_cmpstr (grid_text (INS_DASHBOARD_BREACHES, 5, 1), ==, "12");
  g_assert_cmpstr (grid_text (INS_DASHBOARD_BREACHES, 6, 1), ==, "Paul Martin");
  g_assert_cmpstr (grid_text (INS_DASHBOARD_BREACHES, 0, 2), ==, late_numero);
  g_assert_cmpstr (grid_text (INS_DASHBOARD_BREACHES, 5, 2), ==, "3");
  g_assert_null (gtk_grid_get_child_at (ins_dashboard_view_get_grid (view, INS_DASHBOARD_BREACHES), 0, 3));

  /* Closes: Marie 2 today, Paul 1 three days ago, as text beside the chart. */
  g_assert_cmpstr (throughput->headers[1], ==, "Marie Dupont");
  g_assert_cmpstr (throughput->headers[2], ==, "Paul Martin");
  g_assert_cmpstr (grid_text (INS_DASHBOARD_THROUGHPUT, 1, 28), ==, "2");
  g_assert_cmpstr (grid_text (INS_DASHBOARD_THROUGHPUT, 2, 25), ==, "1");
  g_assert_cmpstr (grid_text (INS_DASHBOARD_THROUGHPUT, 0, 29), ==, _("Total"));
  g_assert_cmpstr (grid_text (INS_DASHBOARD_THROUGHPUT, n_cols - 1, 29), ==, "3");

  g_assert_cmpuint (w->untouched_count, ==, 1);
  g_assert_cmpuint (w->non_exploitable_count, ==, 1);
  g_assert_cmpuint (w->failed_count, ==, 1);
  g_assert_cmpstr (grid_text (INS_DASHBOARD_FAILED, 2, 1), ==, "8");
  g_assert_cmpstr (grid_text (INS_DASHBOARD_FAILED, 3, 1), ==, "HTTP 503");

  ins_dashboard_view_show_table (view, INS_DASHBOARD_BACKLOG);
  ui_test_screenshot (window, "dashboard-backlog");
  ins_dashboard_view_show_table (view, INS_DASHBOARD_THROUGHPUT);
  ui_test_screenshot (window, "dashboard-throughput");
  ins_dashboard_view_show_table (view, INS_DASHBOARD_OLDEST);
  ui_test_screenshot (window, "dashboard-oldest");
}

/* A new affaire arrives: the store hears it and the figures follow. */
static void
test_refresh_on_change (void)
{
  InsWorkload *before = ins_dashboard_view_get_workload (view);

  add (INS_KIND_CHEVAUCHEMENT_OC, "recue", 0, "Nouveau");
  wait_reload (before, "the dashboard to reload after a change");
  g_assert_cmpuint (ins_workload_backlog_sum (ins_dashboard_view_get_workload (view), -1, -1, -1), ==, 6);

  /* F5, through its action. */
  before = ins_dashboard_view_get_workload (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "dashboard.refresh", NULL));
  wait_reload (before, "the dashboard to reload on refresh");
}

static gboolean
released (gpointer data)
{
  return fixture_int (admin, "SELECT count(*) FROM affaire WHERE id = $1 AND status = 'recue'"
                             " AND assignee_id IS NULL", stale) == 1
         && ins_dashboard_view_get_workload (view)->untouched_count == 0;
}

/* The title of the switcher's button that shows as chosen. */
static const char *
checked_switcher_label (void)
{
  GtkWidget *switcher = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), INS_TYPE_DASHBOARD_VIEW,
                                                                   "switcher"));

  for (GtkWidget *b = gtk_widget_get_first_child (switcher); b != NULL; b = gtk_widget_get_next_sibling (b))
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (b)))
      return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (b)));
  return NULL;
}

static void
test_release (void)
{
  g_autofree char *numero = numero_of (stale);
  GtkWidget *button;

  ui_test_wait (idle, NULL, "the figures to settle");
  ins_dashboard_view_show_table (view, INS_DASHBOARD_UNTOUCHED);
  button = row_button (INS_DASHBOARD_UNTOUCHED, numero, "dashboard.release");
  g_assert_cmpstr (checked_switcher_label (), ==, _("Untouched claims"));
  ui_test_screenshot (window, "dashboard-untouched");
  click (button);
  ui_test_wait (dialog_open, NULL, "the confirmation");
  ui_test_screenshot (GTK_WIDGET (ins_dashboard_view_get_dialog (view)), "dashboard-release-dialog");
  adw_message_dialog_response (ins_dashboard_view_get_dialog (view), "confirm");
  ui_test_wait (released, NULL, "the release and the reload");
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM history h JOIN agent g ON g.id = h.agent_id"
                                       " WHERE h.affaire_id = $1 AND h.action = 'release'"
                                       " AND g.display_name = 'Sophie Leroy'", stale), ==, 1);
  g_assert_cmpstr (ins_dashboard_view_get_last_message (view), ==, _("The affaire is back in the queue"));
}

static gboolean
reassigned (gpointer data)
{
  InsWorkload *w = ins_dashboard_view_get_workload (view);

  for (guint i = 0; i < w->oldest->len; i++)
    {
      InsWorkloadAffaire *a = g_ptr_array_index (w->oldest, i);

      if (a->id == fresh && g_strcmp0 (a->assignee_name, "Paul Martin") != 0)
        return FALSE;
    }
  return fixture_int (admin, "SELECT count(*) FROM affaire a JOIN agent g ON g.id = a.assignee_id"
                             " WHERE a.id = $1 AND a.status = 'en_cours' AND g.display_name = 'Paul Martin'",
                      fresh) == 1;
}

static void
test_reassign (void)
{
  g_autofree char *numero = numero_of (fresh);
  AdwMessageDialog *dialog;
  GtkWidget *button;
  guint paul = GTK_INVALID_LIST_POSITION;

  ui_test_wait (idle, NULL, "the figures to settle");
  ins_dashboard_view_show_table (view, INS_DASHBOARD_OLDEST);
  button = row_button (INS_DASHBOARD_OLDEST, numero, "dashboard.reassign");
  /* Nothing to release in the oldest list: release is for stale claims. */
  g_assert_null (row_button (INS_DASHBOARD_OLDEST, numero, "dashboard.release"));
  {
    /* An unusable affaire is not reassigned; its transfer stays in the
     * transfer column, under the others'. */
    g_autofree char *unusable_numero = numero_of (unusable);
    int here = -1, there = -1;

    g_assert_null (row_button (INS_DASHBOARD_OLDEST, unusable_numero, "dashboard.reassign"));
    g_assert_nonnull (row_button_at (INS_DASHBOARD_OLDEST, numero, "dashboard.transfer", &here));
    g_assert_nonnull (row_button_at (INS_DASHBOARD_OLDEST, unusable_numero, "dashboard.transfer", &there));
    g_assert_cmpint (here, ==, there);
  }
  click (button);
  ui_test_wait (dialog_open, NULL, "the reassign dialog");
  dialog = ins_dashboard_view_get_dialog (view);
  {
    /* Only the organisme's instructeurs are offered. */
    GtkDropDown *drop_down = g_object_get_data (G_OBJECT (dialog), "ins-drop-down");
    GListModel *model = gtk_drop_down_get_model (drop_down);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Paul Martin") == 0)
        paul = i;
  }
  g_assert_cmpuint (paul, !=, GTK_INVALID_LIST_POSITION);
  ins_dashboard_dialog_set_choice (dialog, paul);
  adw_message_dialog_response (dialog, "confirm");
  ui_test_wait (reassigned, NULL, "the reassignment");
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM history WHERE affaire_id = $1"
                                       " AND action = 'reassign'", fresh), ==, 1);
}

static gboolean
retried (gpointer data)
{
  return fixture_int (admin, "SELECT count(*) FROM notification_outbox WHERE id = $1 AND state = 'pending'",
                      failed_id) == 1
         && ins_dashboard_view_get_workload (view)->failed_count == 0;
}

static void
test_retry (void)
{
  g_autofree char *numero = numero_of (closed);
  GtkWidget *button;

  ui_test_wait (idle, NULL, "the figures to settle");
  ins_dashboard_view_show_table (view, INS_DASHBOARD_FAILED);
  button = row_button (INS_DASHBOARD_FAILED, numero, "dashboard.retry");
  click (button);
  ui_test_wait (dialog_open, NULL, "the confirmation");
  adw_message_dialog_response (ins_dashboard_view_get_dialog (view), "confirm");
  ui_test_wait (retried, NULL, "the retry and the reload");
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM history WHERE affaire_id = $1"
                                       " AND action = 'retry_notification'", closed), ==, 1);
}

static gboolean
exported (gpointer data)
{
  return *(int *) data != 0;
}

static void
export_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  *(int *) user_data = ins_dashboard_view_export_finish (INS_DASHBOARD_VIEW (source), result, &error) ? 1 : -1;
  g_assert_no_error (error);
}

static char *
export (InsDashboardTableId id)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "ins-dashboard-test.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  int done = 0;

  ins_dashboard_view_show_table (view, id);
  ins_dashboard_view_export_async (view, file, NULL, export_done, &done);
  ui_test_wait (exported, &done, "the export");
  g_assert_cmpint (done, ==, 1);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_assert_true (g_utf8_validate (contents, -1, NULL));
  return contents;
}

static void
test_export_csv (void)
{
  g_autofree char *unusable_numero = numero_of (unusable);
  g_autofree char *formula_numero = numero_of (formula);
  g_autofree char *csv = export (INS_DASHBOARD_NON_EXPLOITABLES);
  g_autofree char *received = fixture_string (admin, "SELECT to_char(received_at, 'DD/MM/YYYY') FROM affaire"
                                                     " WHERE id = $1", unusable);
  /* Byte-order mark, semicolons: what a French spreadsheet opens as columns. */
  g_autofree char *expected = g_strdup_printf ("\xEF\xBB\xBF%s;%s;%s;%s;%s;%s\r\n"
                                               "%s;%s;Roux Jeanne;%s;5;\"Pièce illisible, tronquée\"\r\n",
                                               _("Numéro"), _("Type"), _("Insured person"), _("Received on"),
                                               _("Age (days)"), _("Reason"),
                                               unusable_numero, ins_kind_label (INS_KIND_SOINS_ETRANGER),
                                               received);
  g_autofree char *oldest_header = g_strdup_printf ("\xEF\xBB\xBF%s;%s;%s;%s;%s;%s;%s;%s\r\n", _("Numéro"), _("Type"),
                                                    _("Status"), _("Insured person"), _("Received on"),
                                                    _("Age (days)"), _("Deadline"), _("Held by"));
  g_autofree char *oldest = NULL;
  g_autofree char *formula_row = NULL;

  g_assert_cmpstr (csv, ==, expected);

  /* A name that a spreadsheet would run is quoted and defused. */
  oldest = export (INS_DASHBOARD_OLDEST);
  g_assert_true (g_str_has_prefix (oldest, oldest_header));
  formula_row = g_strdup_printf ("\r\n%s;%s;%s;\"'=Dupont, \"\"Jo\"\" Jeanne\";", formula_numero,
                                 ins_kind_label (INS_KIND_SOINS_ETRANGER), ins_status_label (INS_STATUS_RECUE));
  g_assert_nonnull (strstr (oldest, formula_row));
}

static GtkWidget *
find (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Every button a keyboard reaches says what it does (label or tooltip). */
static void
check_named (GtkWidget *widget, guint *buttons)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c) && gtk_widget_get_visible (c) && gtk_widget_get_focusable (c))
        {
          const char *label = gtk_button_get_label (GTK_BUTTON (c));
          const char *tooltip = gtk_widget_get_tooltip_text (c);

          if (!((label != NULL && *label) || (tooltip != NULL && *tooltip)))
            {
              g_test_message ("no name: %s in %s", G_OBJECT_TYPE_NAME (c), G_OBJECT_TYPE_NAME (widget));
              g_test_fail ();
            }
          (*buttons)++;
        }
      check_named (c, buttons);
    }
}

typedef struct {
  InsWindow *window;
} WindowWait;

static gboolean
window_connected (gpointer data)
{
  InsStore *s = ins_window_get_store (((WindowWait *) data)->window);

  return ins_store_get_connected (s) && ins_store_get_agent (s) != NULL
         && ins_window_get_subtitle (((WindowWait *) data)->window) != NULL;
}

static gboolean
window_dashboard_loaded (gpointer data)
{
  GtkWidget *dashboard = find (GTK_WIDGET (((WindowWait *) data)->window), INS_TYPE_DASHBOARD_VIEW);

  return ins_dashboard_view_get_workload (INS_DASHBOARD_VIEW (dashboard)) != NULL;
}

static InsWindow *
open_window (const char *who)
{
  g_autofree char *conninfo = g_strdup_printf ("%s user=%s%s", ins_test_db_conninfo (), prefix, who);
  g_autofree char *drafts = g_build_filename (g_get_tmp_dir (), "ins-dashboard-drafts.json", NULL);
  InsWindow *w = ins_window_new_for_conninfo (NULL, conninfo, drafts);
  WindowWait wait = { w };

  gtk_window_set_default_size (GTK_WINDOW (w), 1500, 900);
  gtk_window_present (GTK_WINDOW (w));
  ui_test_wait (window_connected, &wait, "the window to connect");
  return w;
}

/* The superviseur's window offers the dashboard beside the affaires; an
 * instructeur's does not. */
static void
test_in_window (void)
{
  InsWindow *w = open_window ("sophie");
  WindowWait wait = { w };
  GtkWidget *dashboard = find (GTK_WIDGET (w), INS_TYPE_DASHBOARD_VIEW);
  GtkWidget *switcher = find (GTK_WIDGET (w), GTK_TYPE_STACK_SWITCHER);
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (dashboard));

  g_assert_true (gtk_widget_get_visible (switcher));
  g_assert_null (ins_dashboard_view_get_workload (INS_DASHBOARD_VIEW (dashboard)));
  gtk_stack_set_visible_child_name (stack, "dashboard");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (
                     gtk_widget_get_template_child (GTK_WIDGET (w), INS_TYPE_WINDOW, "title"))), ==, _("Dashboard"));
  ui_test_wait (window_dashboard_loaded, &wait, "the dashboard in the window");
  g_assert_cmpuint (ins_workload_backlog_sum (ins_dashboard_view_get_workload (INS_DASHBOARD_VIEW (dashboard)),
                                              -1, -1, -1), ==, 6);
  {
    guint buttons = 0;

    check_named (dashboard, &buttons);
    g_assert_cmpuint (buttons, >=, 6 + 7 + 2);   /* tiles, switcher, refresh and export */
  }
  ui_test_screenshot (GTK_WIDGET (w), "dashboard-window");
  gtk_stack_set_visible_child_name (stack, "workspace");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (
                     gtk_widget_get_template_child (GTK_WIDGET (w), INS_TYPE_WINDOW, "title"))), ==,
                   _("Affaires to process"));
  gtk_window_destroy (GTK_WINDOW (w));
  ui_test_spin (5);

  w = open_window ("marie");
  switcher = find (GTK_WIDGET (w), GTK_TYPE_STACK_SWITCHER);
  g_assert_false (gtk_widget_get_visible (switcher));
  g_assert_null (find (GTK_WIDGET (w), INS_TYPE_DASHBOARD_VIEW));
  gtk_window_destroy (GTK_WINDOW (w));
  ui_test_spin (5);
}

int
main (int argc, char *argv[])
{
  g_autofree char *conninfo = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  ins_test_i18n_init ();
  adw_init ();
  ui_test_init_display ();
  admin = ins_test_db_connect ();
  setup_fixture ();

  conninfo = g_strdup_printf ("%s user=%ssophie", ins_test_db_conninfo (), prefix);
  store = ins_store_new (conninfo);
  ins_store_set_refresh_interval (store, 0);
  ins_store_open_async (store, NULL, NULL, NULL);
  ui_test_wait (store_connected, store, "the store to connect");

  window = gtk_window_new ();
  view = INS_DASHBOARD_VIEW (ins_dashboard_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  ins_dashboard_view_set_store (view, store);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait (loaded, NULL, "the first figures");

  g_test_add_func ("/dashboard/figures", test_figures);
  g_test_add_func ("/dashboard/refresh-on-change", test_refresh_on_change);
  g_test_add_func ("/dashboard/release", test_release);
  g_test_add_func ("/dashboard/reassign", test_reassign);
  g_test_add_func ("/dashboard/retry", test_retry);
  g_test_add_func ("/dashboard/export-csv", test_export_csv);
  g_test_add_func ("/dashboard/in-window", test_in_window);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (5);
  g_clear_object (&store);
  g_clear_pointer (&admin, PQfinish);
  return status;
}
