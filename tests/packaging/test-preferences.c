/* test-preferences.c — the preferences window, welcome page, window state,
 * About window and command line (the connection settings and the connection
 * test themselves are in test-connection.c)
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <string.h>

#include "ui/ins-about.h"
#include "ui/ins-application.h"
#include "ui/ins-preferences-connection.h"
#include "ui/ins-preferences-window.h"
#include "ui/ins-preferences-window-state.h"
#include "ui/ins-welcome-page.h"
#include "preferences-test-util.h"

static GtkWidget *
child (gpointer    window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), INS_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
set_text (gpointer    window,
          const char *row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (window, row)), text);
}

static const char *
press_test (InsPreferencesWindow *window)
{
  GtkWidget *label = child (window, "test_result_label");

  gtk_widget_set_visible (label, FALSE);
  g_signal_emit_by_name (child (window, "test_button"), "clicked");
  while (!gtk_widget_get_visible (label))
    g_main_context_iteration (NULL, TRUE);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_preferences_window (void)
{
  g_autoptr(GSettings) settings = pref_test_fresh_settings ();
  InsPreferencesWindow *window = NULL;
  g_autofree char *host = ins_connection_get_option (pref_test_admin_conninfo (), "host");
  g_autofree char *port = ins_connection_get_option (pref_test_admin_conninfo (), "port");
  g_autofree char *user = ins_connection_get_option (pref_test_admin_conninfo (), "user");
  g_autofree char *uri = NULL;
  g_autofree char *expected_ok = NULL;

  window = ins_preferences_window_new (NULL);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_false (gtk_widget_get_visible (child (window, "service_row")));
  set_text (window, "host_row", host);
  set_text (window, "port_row", port);
  set_text (window, "dbname_row", "postgres");
  set_text (window, "user_row", user);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "sslmode_row")), 2);

  /* Nothing reaches the application's settings before the window closes. */
  uri = g_settings_get_string (settings, "database-uri");
  g_assert_cmpstr (uri, ==, "");

  {
    PGconn *version_conn = PQconnectdb (pref_test_admin_conninfo ());
    int v = PQserverVersion (version_conn);
    g_autofree char *version = g_strdup_printf ("%d.%d", v / 10000, v % 10000);

    expected_ok = g_strdup_printf (_("Connected to PostgreSQL %s"), version);
    PQfinish (version_conn);
  }
  g_assert_cmpstr (press_test (window), ==, expected_ok);
  g_assert_true (gtk_widget_has_css_class (child (window, "test_result_label"), "success"));

  set_text (window, "dbname_row", "ins_no_such_database");
  g_assert_cmpstr (press_test (window), ==,
                   ins_connection_problem_describe (INS_CONNECTION_PROBLEM_NO_DATABASE));
  g_assert_true (gtk_widget_has_css_class (child (window, "test_result_label"), "error"));
  g_assert_true (gtk_widget_get_visible (child (window, "test_detail_label")));

  set_text (window, "port_row", "not a port");
  g_assert_true (gtk_widget_has_css_class (child (window, "port_row"), "error"));
  set_text (window, "port_row", port);
  set_text (window, "dbname_row", "postgres");

  set_text (window, "notification_url_row", "messagerie sans schéma");
  g_signal_emit_by_name (child (window, "notification_url_row"), "apply");
  g_assert_true (gtk_widget_has_css_class (child (window, "notification_url_row"), "error"));
  set_text (window, "notification_url_row", "http://127.0.0.1:8099/messages");
  g_signal_emit_by_name (child (window, "notification_url_row"), "apply");

  gtk_window_close (GTK_WINDOW (window));
  g_clear_pointer (&uri, g_free);
  uri = g_settings_get_string (settings, "database-uri");
  {
    g_autofree char *read_host = ins_connection_get_option (uri, "host");
    g_autofree char *read_db = ins_connection_get_option (uri, "dbname");
    g_autofree char *url = g_settings_get_string (settings, "notification-service-url");

    g_assert_cmpstr (read_host, ==, host);
    g_assert_cmpstr (read_db, ==, "postgres");
    g_assert_cmpstr (url, ==, "http://127.0.0.1:8099/messages");
    g_assert_cmpint (g_settings_get_enum (settings, "database-sslmode"), ==, 2);
  }
  g_object_unref (window);

  /* Reopened, the window shows what was saved. */
  window = g_object_ref_sink (ins_preferences_window_new (NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "dbname_row"))), ==, "postgres");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (window, "sslmode_row"))), ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
test_preferences_service (void)
{
  g_autoptr(GSettings) settings = pref_test_fresh_settings ();
  g_autofree char *dir = g_dir_make_tmp ("ins-services-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "pg_service.conf", NULL);
  g_autofree char *service_entry = g_strdup_printf ("[caisse-test]\n%s\n", pref_test_admin_conninfo ());
  InsPreferencesWindow *window;
  g_autofree char *saved = NULL;
  g_auto(GStrv) around = g_strsplit (_("Connected to PostgreSQL %s"), "%s", 2);
  const char *connected = around[0];
  GListModel *model;

  /* pg_service.conf wants one keyword=value per line. */
  {
    g_auto(GStrv) words = g_strsplit (service_entry, " ", -1);
    g_free (service_entry);
    service_entry = g_strjoinv ("\n", words);
  }
  g_assert_true (g_file_set_contents (file, service_entry, -1, NULL));
  g_setenv ("PGSERVICEFILE", file, TRUE);

  window = g_object_ref_sink (ins_preferences_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (child (window, "service_row")));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "kind_row")), 1);
  g_assert_true (gtk_widget_get_visible (child (window, "service_row")));
  g_assert_false (gtk_widget_get_visible (child (window, "host_row")));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "caisse-test") == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (child (window, "service_row")), i);
  g_assert_true (g_str_has_prefix (press_test (window), connected));
  gtk_window_close (GTK_WINDOW (window));
  g_object_unref (window);

  saved = g_settings_get_string (settings, "database-service");
  g_assert_cmpstr (saved, ==, "caisse-test");
  g_unsetenv ("PGSERVICEFILE");
  g_remove (file);
  g_rmdir (dir);
}

static void
test_welcome_page (void)
{
  GtkWidget *page = g_object_ref_sink (ins_welcome_page_new ());
  GtkWidget *connect = GTK_WIDGET (gtk_widget_get_template_child (page, INS_TYPE_WELCOME_PAGE, "connect_button"));
  GtkWidget *demo = GTK_WIDGET (gtk_widget_get_template_child (page, INS_TYPE_WELCOME_PAGE, "demo_button"));
  AdwStatusPage *status = ADW_STATUS_PAGE (gtk_widget_get_template_child (page, INS_TYPE_WELCOME_PAGE, "status_page"));

  g_assert_nonnull (connect);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (connect)), ==, "app.preferences");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (demo)), ==, "app.demo");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "scripts/demo"));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "--demo"));
  g_object_unref (page);
}

static gboolean
inspect_first_window (gpointer user_data)
{
  GApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *content = window ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)) : NULL;
  gboolean welcome = FALSE;

  for (GtkWidget *w = content ? gtk_widget_get_first_child (content) : NULL; w; w = gtk_widget_get_next_sibling (w))
    welcome |= INS_IS_WELCOME_PAGE (w);
  g_object_set_data (G_OBJECT (app), "welcome-shown", GINT_TO_POINTER (welcome));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
test_first_start_welcome (void)
{
  g_autoptr(GSettings) settings = pref_test_fresh_settings ();
  g_autoptr(InsApplication) app = NULL;
  char *argv[] = { (char *) "instruction", NULL };
  g_auto(GStrv) accels = NULL;
  const char *vars[] = { "PGHOST", "PGHOSTADDR", "PGSERVICE", "PGDATABASE" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    g_unsetenv (vars[i]);
  app = ins_application_new ("fr.ameli.Instruction.Test");
  g_idle_add (inspect_first_window, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (app), "welcome-shown")));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");
}

static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = pref_test_fresh_settings ();
  GtkWindow *window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  GtkWindow *again = NULL;
  int width = 0;
  int height = 0;

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
  ins_window_state_track (window, settings);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);

  gtk_window_present (window);
  gtk_window_set_default_size (window, 1100, 750);
  gtk_window_close (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 750);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_object_unref (window);

  again = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  ins_window_state_track (again, settings);
  gtk_window_get_default_size (again, &width, &height);
  g_assert_cmpint (width, ==, 1100);
  gtk_window_destroy (again);
  g_object_unref (again);
}

static void
test_about_debug_info (void)
{
  g_autofree char *info = ins_about_debug_info ("15.4");
  g_autofree char *gtk = g_strdup_printf ("GTK: %u.%u.", gtk_get_major_version (), gtk_get_minor_version ());

  g_assert_nonnull (strstr (info, PACKAGE_VERSION));
  g_assert_nonnull (strstr (info, gtk));
  g_assert_nonnull (strstr (info, "libadwaita: "));
  g_assert_nonnull (strstr (info, "GLib: "));
  g_assert_nonnull (strstr (info, "Poppler: "));
  g_assert_nonnull (strstr (info, "libpq: "));
  g_assert_nonnull (strstr (info, "PostgreSQL server: 15.4"));
}

static void
test_about_server_version (void)
{
  GtkWindow *about = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);
  g_autofree char *info = NULL;

  ins_about_present (NULL, pref_test_admin_conninfo ());
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_ABOUT_WINDOW (w))
        about = w;
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  while (strstr (adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about)), "PostgreSQL server") == NULL)
    g_main_context_iteration (NULL, TRUE);
  info = g_strdup (adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about)));
  g_assert_nonnull (strstr (info, "PostgreSQL server: 1"));
  gtk_window_destroy (about);
}

static char *
run_cli (const char * const *args,
         int                *status)
{
  const char *exe = g_getenv ("INS_TEST_INSTRUCTION");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, status, &error);
  g_assert_no_error (error);
  return g_strconcat (out, err, NULL);
}

static void
test_cli (void)
{
  int status = 0;
  g_autofree char *version = run_cli ((const char *[]) { "--version", NULL }, &status);
  g_autofree char *help = NULL;
  g_autofree char *conflict = NULL;

  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (version, ==, "instruction " PACKAGE_VERSION "\n");

  help = run_cli ((const char *[]) { "--help", NULL }, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 0; i < 5; i++)
    {
      const char *option = (const char *[]) { "--service", "--demo", "--database", "--migrate", "--version" }[i];
      if (strstr (help, option) == NULL)
        g_error ("--help does not list %s:\n%s", option, help);
    }

  conflict = run_cli ((const char *[]) { "--demo", "--service", "caisse", NULL }, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (conflict, "--demo"));
}

int
main (int   argc,
      char *argv[])
{
  pref_test_init (&argc, &argv);

  g_test_add_func ("/preferences/server", test_preferences_window);
  g_test_add_func ("/preferences/service", test_preferences_service);
  g_test_add_func ("/welcome/page", test_welcome_page);
  g_test_add_func ("/welcome/first-start", test_first_start_welcome);
  g_test_add_func ("/window-state/saved-and-restored", test_window_state);
  g_test_add_func ("/about/debug-info", test_about_debug_info);
  g_test_add_func ("/about/server-version", test_about_server_version);
  g_test_add_func ("/cli/options", test_cli);
  return pref_test_run ();
}
