/* test-preferences-session.c — the preferences show the connection given on
 * the command line for this session, without its password and without
 * touching the saved settings, under Xvfb */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ui/ins-application.h"
#include "ui/ins-preferences-connection.h"
#include "ui/ins-preferences-window.h"
#include "ins-test-i18n.h"
#include "ui-widget-texts.h"

#define SAVED_URI "postgresql://agent@pg.caisse.example:5433/instruction"
#define SESSION "host=/run/ins-session-test port=54329 dbname=instruction user=ins_marie_dupont password=s3cret"

static GSettings *
saved_settings (void)
{
  GSettings *settings = ins_connection_settings_new ();

  g_assert_nonnull (settings);
  g_settings_reset (settings, "database-service");
  g_settings_set_string (settings, "database-uri", SAVED_URI);
  return settings;
}

static GtkWidget *
child (InsPreferencesWindow *window, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), INS_TYPE_PREFERENCES_WINDOW, name));
}

static const char *
subtitle (InsPreferencesWindow *window, const char *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (child (window, name)));
}

static void
assert_no_password (InsPreferencesWindow *window)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  ui_widget_visible_texts (GTK_WIDGET (window), texts);
  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    g_assert_null (strstr (texts->pdata[i], "s3cret"));
}

/* --database: the session's server, base and user above the saved settings,
 * which the rows still show and the window leaves as they were. */
static void
test_session_from_command_line (void)
{
  g_autoptr(GSettings) settings = saved_settings ();
  InsPreferencesWindow *window = g_object_ref_sink (ins_preferences_window_new (NULL));
  g_autofree char *uri = NULL;
  g_autofree char *server = NULL;

  g_assert_false (gtk_widget_get_visible (child (window, "session_group")));
  ins_preferences_window_show_session (window, SESSION, INS_CONNECTION_FROM_DATABASE_OPTION);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (gtk_widget_get_visible (child (window, "session_group")));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (window, "session_group"))),
                            "(--database)"));
  server = g_strdup_printf (_("%s, port %s"), "/run/ins-session-test", "54329");
  g_assert_cmpstr (subtitle (window, "session_host_row"), ==, server);
  g_assert_cmpstr (subtitle (window, "session_dbname_row"), ==, "instruction");
  g_assert_cmpstr (subtitle (window, "session_user_row"), ==, "ins_marie_dupont");
  g_assert_false (gtk_widget_get_visible (child (window, "session_service_row")));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child (window, "saved_group"))), ==,
                   _("Saved Connection"));
  assert_no_password (window);

  /* The saved settings, in their rows, untouched. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "host_row"))), ==, "pg.caisse.example");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "user_row"))), ==, "agent");
  gtk_window_close (GTK_WINDOW (window));
  uri = g_settings_get_string (settings, "database-uri");
  g_assert_cmpstr (uri, ==, SAVED_URI);
  g_object_unref (window);
}

/* --service and libpq's environment: the service, or the variables. */
static void
test_session_from_service_and_environment (void)
{
  g_autoptr(GSettings) settings = saved_settings ();
  InsPreferencesWindow *window = g_object_ref_sink (ins_preferences_window_new (NULL));

  ins_preferences_window_show_session (window, "service='caisse-nord'", INS_CONNECTION_FROM_SERVICE_OPTION);
  g_assert_true (gtk_widget_get_visible (child (window, "session_service_row")));
  g_assert_cmpstr (subtitle (window, "session_service_row"), ==, "caisse-nord");
  g_assert_false (gtk_widget_get_visible (child (window, "session_host_row")));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (window, "session_group"))),
                            "(--service)"));

  g_setenv ("PGHOST", "pg-env.caisse.example", TRUE);
  g_setenv ("PGPASSWORD", "s3cret", TRUE);
  ins_preferences_window_show_session (window, "", INS_CONNECTION_FROM_ENVIRONMENT);
  g_assert_cmpstr (subtitle (window, "session_host_row"), ==, "pg-env.caisse.example");
  g_assert_false (gtk_widget_get_visible (child (window, "session_service_row")));
  gtk_window_present (GTK_WINDOW (window));
  assert_no_password (window);
  g_unsetenv ("PGHOST");
  g_unsetenv ("PGPASSWORD");

  /* From the settings: nothing above them. */
  ins_preferences_window_show_session (window, SAVED_URI, INS_CONNECTION_FROM_SETTINGS);
  g_assert_false (gtk_widget_get_visible (child (window, "session_group")));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child (window, "saved_group"))), ==,
                   _("Database"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* The application given --database tells the preferences where this
 * session's connection comes from. */
static void
test_application_passes_the_session (void)
{
  g_autoptr(GSettings) settings = saved_settings ();
  g_autoptr(InsApplication) app = ins_application_new ("fr.ameli.Instruction.SessionTest");
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  InsPreferencesWindow *preferences = NULL;
  g_autoptr(GList) toplevels = NULL;
  g_autofree char *uri = NULL;

  g_variant_dict_insert (options, "database", "s", SESSION);
  g_assert_cmpint (G_APPLICATION_GET_CLASS (app)->handle_local_options (G_APPLICATION (app), options), ==, -1);
  g_assert_cmpint (ins_application_get_connection_origin (app), ==, INS_CONNECTION_FROM_DATABASE_OPTION);

  g_action_activate (g_action_map_lookup_action (G_ACTION_MAP (app), "preferences"), NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (INS_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  g_assert_nonnull (preferences);
  g_assert_true (gtk_widget_get_visible (child (preferences, "session_group")));
  g_assert_cmpstr (subtitle (preferences, "session_user_row"), ==, "ins_marie_dupont");
  assert_no_password (preferences);
  gtk_window_close (GTK_WINDOW (preferences));
  uri = g_settings_get_string (settings, "database-uri");
  g_assert_cmpstr (uri, ==, SAVED_URI);
}

int
main (int argc, char *argv[])
{
  GTestDBus *bus = NULL;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A bus of its own: the keyring lookup the application starts finds no
   * keyring there, at once. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);  /* g_test_dbus_up() unsets it */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_init ();
  ins_test_i18n_init ();
  adw_init ();
  g_test_add_func ("/preferences-session/command-line", test_session_from_command_line);
  g_test_add_func ("/preferences-session/service-and-environment", test_session_from_service_and_environment);
  g_test_add_func ("/preferences-session/application", test_application_passes_the_session);
  status = g_test_run ();
  /* Stopped, not finalized: GTK keeps its bus connection until exit. */
  g_test_dbus_stop (bus);
  return status;
}
