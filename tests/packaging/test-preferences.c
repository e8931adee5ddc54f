/* test-preferences.c — connection settings, the connection test, preferences,
 * welcome page, About window and command line
 *
 * Connection failures are real libpq failures: against the throwaway cluster
 * of scripts/test (unknown database, unknown role, no socket), a closed TCP
 * port, and a small local listener that speaks just enough of the PostgreSQL
 * protocol to refuse TLS or ask for a password.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <string.h>

#include "store/ins-db.h"
#include "store/ins-store-error.h"
#include "ui/ins-about.h"
#include "ui/ins-application.h"
#include "ui/ins-preferences-connection.h"
#include "ui/ins-preferences-password.h"
#include "ui/ins-preferences-window.h"
#include "ui/ins-preferences-window-state.h"
#include "ui/ins-welcome-page.h"

static const char *
admin_conninfo (void)
{
  const char *admin = g_getenv ("INS_TEST_ADMIN_CONNINFO");

  if (admin == NULL)
    g_error ("INS_TEST_ADMIN_CONNINFO is not set: run the tests through scripts/test");
  return admin;
}

static GSettings *
fresh_settings (void)
{
  GSettings *settings = ins_connection_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_nonnull (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}

static void
test_build_uri (void)
{
  g_autofree char *plain = ins_connection_build_uri ("pg.caisse.example", 5433, "instruction",
                                                     "agent", "verify-full", "/etc/ca/caisse.pem");
  g_autofree char *ipv6 = ins_connection_build_uri ("::1", 0, "db", NULL, NULL, NULL);
  g_autofree char *socket = ins_connection_build_uri ("/run/pg dir", 6000, "d b", "l'agent", NULL, NULL);
  const struct { const char *uri, *key, *value; } expected[] = {
    { plain, "host", "pg.caisse.example" }, { plain, "port", "5433" },
    { plain, "dbname", "instruction" }, { plain, "user", "agent" },
    { plain, "sslmode", "verify-full" }, { plain, "sslrootcert", "/etc/ca/caisse.pem" },
    { ipv6, "host", "::1" }, { ipv6, "dbname", "db" },
    { socket, "host", "/run/pg dir" }, { socket, "port", "6000" },
    { socket, "dbname", "d b" }, { socket, "user", "l'agent" },
  };

  g_assert_true (g_str_has_prefix (plain, "postgresql://agent@pg.caisse.example:5433/instruction?"));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *value = ins_connection_get_option (expected[i].uri, expected[i].key);
      g_assert_cmpstr (value, ==, expected[i].value);
    }
}

static void
test_with_password (void)
{
  const char *password = "p@ss 'word' \\ é";
  g_autofree char *conninfo = ins_connection_with_password ("postgresql://agent@h:5432/db", password);
  g_autofree char *again = ins_connection_with_password (conninfo, "other");
  g_autofree char *read = ins_connection_get_option (conninfo, "password");
  g_autofree char *read_again = ins_connection_get_option (again, "password");
  g_autofree char *host = ins_connection_get_option (again, "host");

  g_assert_cmpstr (read, ==, password);
  g_assert_cmpstr (read_again, ==, "other");
  g_assert_cmpstr (host, ==, "h");
  g_assert_null (ins_connection_with_password ("host='unterminated", NULL));
}

static void
test_settings_conninfo (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autofree char *none = ins_connection_conninfo_from_settings (settings);
  g_autofree char *service = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *own_mode = NULL;

  g_assert_null (none);
  g_assert_null (ins_connection_conninfo_from_settings (NULL));

  g_settings_set_string (settings, "database-uri", "postgresql://agent@pg.example/instruction");
  g_settings_set_string (settings, "database-ssl-root-cert", "/etc/ca/caisse.pem");
  uri = ins_connection_conninfo_from_settings (settings);
  {
    g_autofree char *mode = ins_connection_get_option (uri, "sslmode");
    g_autofree char *cert = ins_connection_get_option (uri, "sslrootcert");
    g_autofree char *user = ins_connection_get_option (uri, "user");

    g_assert_cmpstr (mode, ==, "verify-full");  /* the schema's default */
    g_assert_cmpstr (cert, ==, "/etc/ca/caisse.pem");
    g_assert_cmpstr (user, ==, "agent");
  }

  g_settings_set_string (settings, "database-uri", "postgresql://pg.example/i?sslmode=disable");
  own_mode = ins_connection_conninfo_from_settings (settings);
  {
    g_autofree char *mode = ins_connection_get_option (own_mode, "sslmode");
    g_assert_cmpstr (mode, ==, "disable");
  }

  g_settings_set_string (settings, "database-service", "caisse");
  service = ins_connection_conninfo_from_settings (settings);
  g_assert_cmpstr (service, ==, "service='caisse'");
}

static void
test_environment (void)
{
  const char *vars[] = { "PGHOST", "PGHOSTADDR", "PGSERVICE", "PGDATABASE" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    g_unsetenv (vars[i]);
  g_assert_false (ins_connection_environment_configured ());
  g_setenv ("PGSERVICE", "caisse", TRUE);
  g_assert_true (ins_connection_environment_configured ());
  g_unsetenv ("PGSERVICE");
}

static void
test_services (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ins-services-XXXXXX", NULL);
  g_autofree char *user_file = g_build_filename (dir, "user.conf", NULL);
  g_autofree char *sys_file = g_build_filename (dir, "pg_service.conf", NULL);
  g_auto(GStrv) names = NULL;

  g_assert_true (g_file_set_contents (user_file,
                                      "# the caisse\n[cpam-nord]\nhost=pg1\n\n[ demo ]\nhost=/tmp\n", -1, NULL));
  g_assert_true (g_file_set_contents (sys_file, "[cnse]\nhost=pg2\n[cpam-nord]\nhost=pg3\n", -1, NULL));
  g_setenv ("PGSERVICEFILE", user_file, TRUE);
  g_setenv ("PGSYSCONFDIR", dir, TRUE);
  names = ins_connection_list_services ();
  g_unsetenv ("PGSERVICEFILE");
  g_unsetenv ("PGSYSCONFDIR");

  g_assert_true (g_strv_contains ((const char * const *) names, "cnse"));
  g_assert_true (g_strv_contains ((const char * const *) names, "cpam-nord"));
  g_assert_true (g_strv_contains ((const char * const *) names, "demo"));
  for (guint i = 0; names[i] != NULL && names[i + 1] != NULL; i++)
    g_assert_cmpint (g_utf8_collate (names[i], names[i + 1]), <, 0);

  g_remove (user_file);
  g_remove (sys_file);
  g_rmdir (dir);
}

static void
test_url (void)
{
  g_assert_true (ins_connection_url_is_valid (""));
  g_assert_true (ins_connection_url_is_valid ("https://messagerie.ameli.example/api"));
  g_assert_true (ins_connection_url_is_valid ("http://127.0.0.1:8080"));
  g_assert_false (ins_connection_url_is_valid ("messagerie.ameli.example"));
  g_assert_false (ins_connection_url_is_valid ("ftp://host/x"));
  g_assert_false (ins_connection_url_is_valid ("https://"));
}

/* A listener that answers the first message of each client with @reply. */
typedef struct
{
  GSocketService *service;
  guint16         port;
  const char     *mode;  /* "no-tls" or "password" */
} FakeServer;

static gboolean
fake_incoming (GSocketService    *service,
               GSocketConnection *connection,
               GObject           *source,
               gpointer           user_data)
{
  FakeServer *fake = user_data;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  guint8 header[4];
  gsize got = 0;

  /* Each message of the startup phase starts with its length. */
  while (g_input_stream_read_all (in, header, 4, &got, NULL, NULL) && got == 4)
    {
      guint32 len = GUINT32_FROM_BE (*(guint32 *) header);
      g_autofree guint8 *body = g_malloc (MAX (len, 4));
      guint32 code;

      if (len < 8 || !g_input_stream_read_all (in, body, len - 4, &got, NULL, NULL))
        break;
      code = GUINT32_FROM_BE (*(guint32 *) body);
      if (code == 80877103 || code == 80877104)  /* SSLRequest, GSSENCRequest */
        {
          g_output_stream_write_all (out, "N", 1, NULL, NULL, NULL);
          continue;
        }
      if (strcmp (fake->mode, "password") == 0)
        {
          /* AuthenticationCleartextPassword */
          static const guint8 ask[] = { 'R', 0, 0, 0, 8, 0, 0, 0, 3 };
          g_output_stream_write_all (out, ask, sizeof ask, NULL, NULL, NULL);
        }
      break;
    }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
fake_server_start (FakeServer *fake,
                   const char *mode)
{
  g_autoptr(GError) error = NULL;

  fake->mode = mode;
  fake->service = g_socket_service_new ();
  fake->port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (fake->service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (fake->service, "incoming", G_CALLBACK (fake_incoming), fake);
  g_socket_service_start (fake->service);
}

static void
fake_server_stop (FakeServer *fake)
{
  g_socket_service_stop (fake->service);
  g_socket_listener_close (G_SOCKET_LISTENER (fake->service));
  g_clear_object (&fake->service);
}

static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, NULL);

  g_socket_listener_close (listener);
  return port;
}

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the connection test; returns the server version or sets @error. */
static char *
run_connection_test (const char  *conninfo,
                     const char  *password,
                     GError     **error)
{
  GAsyncResult *result = NULL;
  char *version;

  ins_connection_test_async (conninfo, password, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  version = ins_connection_test_finish (result, error);
  g_object_unref (result);
  return version;
}

static void
assert_problem (const char           *conninfo,
                InsConnectionProblem  problem,
                int                   code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = run_connection_test (conninfo, NULL, &error);
  const char *explained = ins_connection_problem_describe (problem);

  g_assert_null (version);
  g_assert_error (error, INS_STORE_ERROR, code);
  if (!g_str_has_prefix (error->message, explained))
    g_error ("%s: expected «%s», got «%s»", conninfo, explained, error->message);
}

static void
test_connection_ok (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *version = run_connection_test (admin_conninfo (), "ignored by trust", &error);
  int server = 0;

  g_assert_no_error (error);
  g_assert_nonnull (version);
  g_assert_true (g_regex_match_simple ("^[0-9]+\\.[0-9]+$", version, 0, 0));
  {
    g_autoptr(PGconn) conn = PQconnectdb (admin_conninfo ());
    server = PQserverVersion (conn);
  }
  g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, server / 10000);
}

static void
test_connection_no_database (void)
{
  g_autofree char *conninfo = g_strdup_printf ("%s dbname=ins_no_such_database", admin_conninfo ());

  assert_problem (conninfo, INS_CONNECTION_PROBLEM_NO_DATABASE, INS_STORE_ERROR_CONNECTION);
}

static void
test_connection_unknown_role (void)
{
  g_autofree char *conninfo = g_strdup_printf ("%s user=ins_no_such_role", admin_conninfo ());

  assert_problem (conninfo, INS_CONNECTION_PROBLEM_AUTH, INS_STORE_ERROR_AUTH);
}

static void
test_connection_unreachable (void)
{
  g_autofree char *tcp = g_strdup_printf ("host=127.0.0.1 port=%u dbname=x gssencmode=disable",
                                          closed_port ());

  assert_problem (tcp, INS_CONNECTION_PROBLEM_UNREACHABLE, INS_STORE_ERROR_CONNECTION);
  assert_problem ("host=/nonexistent/ins-socket-dir dbname=x", INS_CONNECTION_PROBLEM_UNREACHABLE,
                  INS_STORE_ERROR_CONNECTION);
}

static void
test_connection_tls_refused (void)
{
  FakeServer fake = { 0 };
  g_autofree char *conninfo = NULL;

  fake_server_start (&fake, "no-tls");
  conninfo = g_strdup_printf ("host=127.0.0.1 port=%u dbname=x user=u sslmode=require gssencmode=disable",
                              fake.port);
  assert_problem (conninfo, INS_CONNECTION_PROBLEM_TLS, INS_STORE_ERROR_CONNECTION);
  fake_server_stop (&fake);
}

static void
test_connection_tls_no_authority (void)
{
  /* verify-full with a certificate authority file that is not there. */
  FakeServer fake = { 0 };
  g_autofree char *conninfo = NULL;

  fake_server_start (&fake, "no-tls");
  conninfo = g_strdup_printf ("host=127.0.0.1 port=%u dbname=x user=u sslmode=verify-full "
                              "sslrootcert=/nonexistent/ca.pem gssencmode=disable", fake.port);
  assert_problem (conninfo, INS_CONNECTION_PROBLEM_TLS, INS_STORE_ERROR_CONNECTION);
  fake_server_stop (&fake);
}

static void
test_connection_password_required (void)
{
  FakeServer fake = { 0 };
  g_autofree char *conninfo = NULL;

  fake_server_start (&fake, "password");
  conninfo = g_strdup_printf ("host=127.0.0.1 port=%u dbname=x user=u sslmode=disable "
                              "gssencmode=disable passfile=/nonexistent", fake.port);
  assert_problem (conninfo, INS_CONNECTION_PROBLEM_AUTH, INS_STORE_ERROR_AUTH);
  fake_server_stop (&fake);
}

static void
test_connection_no_service (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ins-services-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "pg_service.conf", NULL);

  g_assert_true (g_file_set_contents (file, "[other]\nhost=/tmp\n", -1, NULL));
  g_setenv ("PGSERVICEFILE", file, TRUE);
  assert_problem ("service=ins_no_such_service", INS_CONNECTION_PROBLEM_NO_SERVICE,
                  INS_STORE_ERROR_CONNECTION);
  g_unsetenv ("PGSERVICEFILE");
  g_remove (file);
  g_rmdir (dir);
}

static void
test_classify_french (void)
{
  g_assert_cmpint (ins_connection_classify ("FATAL:  la base de données « x » n'existe pas"), ==,
                   INS_CONNECTION_PROBLEM_NO_DATABASE);
  g_assert_cmpint (ins_connection_classify ("FATAL:  authentification par mot de passe échouée pour l'utilisateur « a »"),
                   ==, INS_CONNECTION_PROBLEM_AUTH);
  g_assert_cmpint (ins_connection_classify ("could not translate host name \"pg.invalid\" to address"),
                   ==, INS_CONNECTION_PROBLEM_UNREACHABLE);
  g_assert_cmpint (ins_connection_classify ("SSL error: certificate verify failed"), ==,
                   INS_CONNECTION_PROBLEM_TLS);
  g_assert_cmpint (ins_connection_classify ("something else"), ==, INS_CONNECTION_PROBLEM_OTHER);
}

static void
test_password_target (void)
{
  g_autofree char *by_service = ins_password_target_for ("service='caisse'");
  g_autofree char *by_uri = ins_password_target_for ("postgresql://agent@pg.example:6432/instruction?sslmode=verify-full");
  g_autofree char *by_keywords = ins_password_target_for ("host=pg.example dbname=instruction user=agent");

  g_assert_cmpstr (ins_password_get_schema ()->name, ==, "fr.ameli.Instruction.Password");
  g_assert_cmpstr (by_service, ==, "service:caisse");
  g_assert_cmpstr (by_uri, ==, "agent@pg.example:6432/instruction");
  g_assert_cmpstr (by_keywords, ==, "agent@pg.example:5432/instruction");
  g_assert_null (ins_password_target_for (""));
}

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
  g_autoptr(GSettings) settings = fresh_settings ();
  InsPreferencesWindow *window = NULL;
  g_autofree char *host = ins_connection_get_option (admin_conninfo (), "host");
  g_autofree char *port = ins_connection_get_option (admin_conninfo (), "port");
  g_autofree char *user = ins_connection_get_option (admin_conninfo (), "user");
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
    PGconn *version_conn = PQconnectdb (admin_conninfo ());
    int v = PQserverVersion (version_conn);
    expected_ok = g_strdup_printf ("Connected to PostgreSQL %d.%d", v / 10000, v % 10000);
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
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autofree char *dir = g_dir_make_tmp ("ins-services-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "pg_service.conf", NULL);
  g_autofree char *service_entry = g_strdup_printf ("[caisse-test]\n%s\n", admin_conninfo ());
  InsPreferencesWindow *window;
  g_autofree char *saved = NULL;
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
  g_assert_true (g_str_has_prefix (press_test (window), "Connected to PostgreSQL "));
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
  g_autoptr(GSettings) settings = fresh_settings ();
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
  g_autoptr(GSettings) settings = fresh_settings ();
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

  ins_about_present (NULL, admin_conninfo ());
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
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  int status;

  /* A private session bus without a keyring: libsecret calls fail at once. */
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);  /* g_test_dbus_up() unsets it */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_unsetenv ("PGSERVICEFILE");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/connection/build-uri", test_build_uri);
  g_test_add_func ("/connection/with-password", test_with_password);
  g_test_add_func ("/connection/settings-conninfo", test_settings_conninfo);
  g_test_add_func ("/connection/environment", test_environment);
  g_test_add_func ("/connection/services", test_services);
  g_test_add_func ("/connection/notification-url", test_url);
  g_test_add_func ("/connection/classify-french", test_classify_french);
  g_test_add_func ("/connection/test/ok", test_connection_ok);
  g_test_add_func ("/connection/test/no-database", test_connection_no_database);
  g_test_add_func ("/connection/test/unknown-role", test_connection_unknown_role);
  g_test_add_func ("/connection/test/unreachable", test_connection_unreachable);
  g_test_add_func ("/connection/test/tls-refused", test_connection_tls_refused);
  g_test_add_func ("/connection/test/tls-no-authority", test_connection_tls_no_authority);
  g_test_add_func ("/connection/test/password-required", test_connection_password_required);
  g_test_add_func ("/connection/test/no-service", test_connection_no_service);
  g_test_add_func ("/password/target", test_password_target);
  g_test_add_func ("/preferences/server", test_preferences_window);
  g_test_add_func ("/preferences/service", test_preferences_service);
  g_test_add_func ("/welcome/page", test_welcome_page);
  g_test_add_func ("/welcome/first-start", test_first_start_welcome);
  g_test_add_func ("/window-state/saved-and-restored", test_window_state);
  g_test_add_func ("/about/debug-info", test_about_debug_info);
  g_test_add_func ("/about/server-version", test_about_server_version);
  g_test_add_func ("/cli/options", test_cli);
  status = g_test_run ();
  /* Stopped, not finalized: GTK keeps its bus connection until exit. */
  g_test_dbus_stop (bus);
  return status;
}
