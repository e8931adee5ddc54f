/* test-connection.c — connection settings and the connection test
 *
 * Connection failures are real libpq failures: against the throwaway cluster
 * of scripts/test (unknown database, unknown role, no socket), a closed TCP
 * port, and a small local listener that speaks just enough of the PostgreSQL
 * protocol to refuse TLS or ask for a password.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <string.h>

#include "store/ins-db.h"
#include "store/ins-store-error.h"
#include "ui/ins-preferences-connection.h"
#include "ui/ins-preferences-password.h"
#include "preferences-test-util.h"

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
  g_autoptr(GSettings) settings = pref_test_fresh_settings ();
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
  g_autofree char *version = run_connection_test (pref_test_admin_conninfo (), "ignored by trust", &error);
  int server = 0;

  g_assert_no_error (error);
  g_assert_nonnull (version);
  g_assert_true (g_regex_match_simple ("^[0-9]+\\.[0-9]+$", version, 0, 0));
  {
    g_autoptr(PGconn) conn = PQconnectdb (pref_test_admin_conninfo ());
    server = PQserverVersion (conn);
  }
  g_assert_cmpint (g_ascii_strtoll (version, NULL, 10), ==, server / 10000);
}

static void
test_connection_no_database (void)
{
  g_autofree char *conninfo = g_strdup_printf ("%s dbname=ins_no_such_database", pref_test_admin_conninfo ());

  assert_problem (conninfo, INS_CONNECTION_PROBLEM_NO_DATABASE, INS_STORE_ERROR_CONNECTION);
}

static void
test_connection_unknown_role (void)
{
  g_autofree char *conninfo = g_strdup_printf ("%s user=ins_no_such_role", pref_test_admin_conninfo ());

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

/* The connection test against the fake listener answering in @mode, reached
 * as user u of database x with @options. */
static void
assert_fake_problem (const char           *mode,
                     const char           *options,
                     InsConnectionProblem  problem,
                     int                   code)
{
  FakeServer fake = { 0 };
  g_autofree char *conninfo = NULL;

  fake_server_start (&fake, mode);
  conninfo = g_strdup_printf ("host=127.0.0.1 port=%u dbname=x user=u gssencmode=disable %s", fake.port, options);
  assert_problem (conninfo, problem, code);
  fake_server_stop (&fake);
}

static void
test_connection_tls_refused (void)
{
  assert_fake_problem ("no-tls", "sslmode=require", INS_CONNECTION_PROBLEM_TLS, INS_STORE_ERROR_CONNECTION);
}

static void
test_connection_tls_no_authority (void)
{
  /* verify-full with a certificate authority file that is not there. */
  assert_fake_problem ("no-tls", "sslmode=verify-full sslrootcert=/nonexistent/ca.pem",
                       INS_CONNECTION_PROBLEM_TLS, INS_STORE_ERROR_CONNECTION);
}

static void
test_connection_password_required (void)
{
  assert_fake_problem ("password", "sslmode=disable passfile=/nonexistent",
                       INS_CONNECTION_PROBLEM_AUTH, INS_STORE_ERROR_AUTH);
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

int
main (int   argc,
      char *argv[])
{
  pref_test_init (&argc, &argv);

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
  return pref_test_run ();
}
