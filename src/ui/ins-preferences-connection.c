/* ins-preferences-connection.c — where the database is: settings, services, connection test */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

#include "store/ins-db.h"
#include "store/ins-seed-store.h"
#include "ins-preferences-connection.h"

GSettings *
ins_connection_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("GSettings schema %s is not installed: settings are not kept", APPLICATION_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

gboolean
ins_connection_environment_configured (void)
{
  const char *vars[] = { "PGHOST", "PGHOSTADDR", "PGSERVICE", "PGDATABASE" };

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_getenv (vars[i]);

      if (value != NULL && value[0] != '\0')
        return TRUE;
    }
  return FALSE;
}

static void
append_keyword (GString    *conninfo,
                const char *keyword,
                const char *value)
{
  if (conninfo->len > 0)
    g_string_append_c (conninfo, ' ');
  g_string_append_printf (conninfo, "%s='", keyword);
  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *p);
    }
  g_string_append_c (conninfo, '\'');
}

static PQconninfoOption *
parse_conninfo (const char *conninfo)
{
  char *errmsg = NULL;
  PQconninfoOption *options = PQconninfoParse (conninfo ? conninfo : "", &errmsg);

  PQfreemem (errmsg);
  return options;
}

char *
ins_connection_get_option (const char *conninfo,
                           const char *keyword)
{
  PQconninfoOption *options = parse_conninfo (conninfo);
  char *value = NULL;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (strcmp (o->keyword, keyword) == 0 && o->val != NULL && o->val[0] != '\0')
      value = g_strdup (o->val);
  PQconninfoFree (options);
  return value;
}

char *
ins_connection_get_effective_option (const char *conninfo,
                                     const char *keyword)
{
  char *value = ins_connection_get_option (conninfo, keyword);
  PQconninfoOption *options;

  if (value != NULL)
    return value;
  options = parse_conninfo (conninfo);
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (strcmp (o->keyword, keyword) == 0 && o->envvar != NULL)
      {
        const char *env = g_getenv (o->envvar);

        if (env != NULL && env[0] != '\0')
          value = g_strdup (env);
      }
  PQconninfoFree (options);
  return value;
}

char *
ins_connection_with_password (const char *conninfo,
                              const char *password)
{
  PQconninfoOption *options = parse_conninfo (conninfo);
  GString *out;

  if (options == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL && strcmp (o->keyword, "password") != 0)
      append_keyword (out, o->keyword, o->val);
  PQconninfoFree (options);
  if (password != NULL && password[0] != '\0')
    append_keyword (out, "password", password);
  return g_string_free (out, FALSE);
}

char *
ins_connection_conninfo_from_settings (GSettings *settings)
{
  g_autofree char *service = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *sslmode = NULL;
  g_autofree char *rootcert = NULL;
  g_autofree char *uri_sslmode = NULL;
  g_autofree char *uri_rootcert = NULL;
  GString *conninfo;
  char *keywords;

  if (settings == NULL)
    return NULL;

  service = g_settings_get_string (settings, "database-service");
  if (service[0] != '\0')
    return ins_db_conninfo_for_service (service);

  uri = g_settings_get_string (settings, "database-uri");
  if (uri[0] == '\0')
    return NULL;
  keywords = ins_connection_with_password (uri, NULL);
  if (keywords == NULL)
    return g_steal_pointer (&uri);  /* libpq will say what is wrong with it */

  /* The URI's own sslmode and sslrootcert win over the separate keys. */
  conninfo = g_string_new (keywords);
  g_free (keywords);
  sslmode = g_settings_get_string (settings, "database-sslmode");
  rootcert = g_settings_get_string (settings, "database-ssl-root-cert");
  uri_sslmode = ins_connection_get_option (uri, "sslmode");
  uri_rootcert = ins_connection_get_option (uri, "sslrootcert");
  if (uri_sslmode == NULL)
    append_keyword (conninfo, "sslmode", sslmode);
  if (uri_rootcert == NULL && rootcert[0] != '\0')
    append_keyword (conninfo, "sslrootcert", rootcert);
  return g_string_free (conninfo, FALSE);
}

char *
ins_connection_demo_dir (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "instruction-demo", NULL);

  /* As scripts/demo: root's cluster runs as postgres, which cannot enter /root. */
  if (getuid () == 0 && (g_str_equal (dir, "/root") || g_str_has_prefix (dir, "/root/")))
    return g_build_filename ("/var/lib", "instruction-demo", "pg", NULL);
  return g_build_filename (dir, "pg", NULL);
}

char *
ins_connection_demo_conninfo (const char *login)
{
  g_autofree char *dir = ins_connection_demo_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  const char *port = g_getenv ("INS_DEMO_PORT") ? g_getenv ("INS_DEMO_PORT") : "54329";
  g_autofree char *found_port = NULL;
  GString *conninfo = g_string_new (NULL);

  /* The demo cluster listens on a socket in its data directory only; the
   * socket's name carries its port. */
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".s.PGSQL.") && !g_str_has_suffix (name, ".lock"))
      found_port = g_strdup (name + strlen (".s.PGSQL."));
  if (found_port != NULL)
    port = found_port;

  append_keyword (conninfo, "host", dir);
  append_keyword (conninfo, "port", port);
  append_keyword (conninfo, "dbname", "instruction");
  if (login != NULL)
    append_keyword (conninfo, "user", login);
  return g_string_free (conninfo, FALSE);
}

char *
ins_connection_demo_resolve (GError **error)
{
  g_autofree char *admin = ins_connection_demo_conninfo ("postgres");
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PGconn) conn = ins_db_connect (admin, &local_error);
  g_autoptr(GPtrArray) agents = NULL;

  if (conn == NULL)
    {
      g_set_error (error, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION,
                   _("The demo database is not running: start it with scripts/demo"));
      return NULL;
    }
  agents = ins_seed_store_list_agents (conn, error);
  if (agents == NULL)
    return NULL;
  /* The same agent scripts/demo opens by default: the CNSE's first instructeur. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < agents->len; i++)
      {
        InsSeedAgent *agent = g_ptr_array_index (agents, i);

        if (g_str_equal (agent->role, "instructeur")
            && (pass == 1 || g_str_equal (agent->organisme_code, "CNSE")))
          return ins_connection_demo_conninfo (agent->login);
      }
  g_set_error (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND,
               _("The demo database has no case worker: run scripts/demo --reset"));
  return NULL;
}

static void
demo_resolve_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  char *conninfo = ins_connection_demo_resolve (&error);

  if (conninfo != NULL)
    g_task_return_pointer (task, conninfo, g_free);
  else
    g_task_return_error (task, error);
}

void
ins_connection_demo_resolve_async (GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ins_connection_demo_resolve_async);
  g_task_run_in_thread (task, demo_resolve_thread);
}

char *
ins_connection_demo_resolve_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
ins_connection_build_uri (const char *host,
                          guint       port,
                          const char *dbname,
                          const char *user,
                          const char *sslmode,
                          const char *sslrootcert)
{
  GString *uri = g_string_new ("postgresql://");
  gboolean first = TRUE;

  if (user != NULL && user[0] != '\0')
    {
      g_string_append_uri_escaped (uri, user, NULL, TRUE);
      g_string_append_c (uri, '@');
    }
  if (host != NULL && host[0] != '\0')
    {
      if (strchr (host, ':') != NULL && host[0] != '[')
        g_string_append_printf (uri, "[%s]", host);
      else if (host[0] == '/')
        {
          /* A socket directory goes in the query, where '/' is allowed. */
        }
      else
        g_string_append_uri_escaped (uri, host, "[]", TRUE);
    }
  if (port != 0 && (host == NULL || host[0] != '/'))
    g_string_append_printf (uri, ":%u", port);
  g_string_append_c (uri, '/');
  if (dbname != NULL && dbname[0] != '\0')
    g_string_append_uri_escaped (uri, dbname, NULL, TRUE);

#define ADD_PARAM(key, value) \
  G_STMT_START { \
    g_string_append_c (uri, first ? '?' : '&'); \
    first = FALSE; \
    g_string_append (uri, key "="); \
    g_string_append_uri_escaped (uri, value, "/", TRUE); \
  } G_STMT_END

  if (host != NULL && host[0] == '/')
    {
      ADD_PARAM ("host", host);
      if (port != 0)
        {
          g_autofree char *p = g_strdup_printf ("%u", port);
          ADD_PARAM ("port", p);
        }
    }
  if (sslmode != NULL && sslmode[0] != '\0')
    ADD_PARAM ("sslmode", sslmode);
  if (sslrootcert != NULL && sslrootcert[0] != '\0')
    ADD_PARAM ("sslrootcert", sslrootcert);
#undef ADD_PARAM

  return g_string_free (uri, FALSE);
}

static void
read_services (const char *path,
               GPtrArray  *names)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (path == NULL || !g_file_get_contents (path, &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      gsize len = strlen (line);

      if (len > 2 && line[0] == '[' && line[len - 1] == ']')
        {
          g_autofree char *name = g_strstrip (g_strndup (line + 1, len - 2));

          if (name[0] != '\0' && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
            g_ptr_array_add (names, g_steal_pointer (&name));
        }
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

char **
ins_connection_list_services_in (const char * const *files)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    read_services (files[i], names);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

char **
ins_connection_list_services (void)
{
  const char *sysconfdir = g_getenv ("PGSYSCONFDIR");
  g_autofree char *user_file = g_build_filename (g_get_home_dir (), ".pg_service.conf", NULL);
  g_autofree char *sys_file = NULL;
  const char *files[4] = { NULL };
  guint n = 0;

  if (g_getenv ("PGSERVICEFILE") != NULL)
    files[n++] = g_getenv ("PGSERVICEFILE");
  files[n++] = user_file;
  /* libpq's compiled-in default is /etc/postgresql-common on Debian. */
  sys_file = g_build_filename (sysconfdir ? sysconfdir : "/etc/postgresql-common",
                               "pg_service.conf", NULL);
  files[n++] = sys_file;
  return ins_connection_list_services_in (files);
}

static gboolean
contains_any (const char         *haystack,
              const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (haystack, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

InsConnectionProblem
ins_connection_classify (const char *message)
{
  /* libpq and the server speak the agent's language when their catalogues
   * are installed: match both English and French wordings. */
  static const char * const service[] = {
    "definition of service", "service file", "définition du service", "fichier de service", NULL };
  static const char * const tls[] = {
    "SSL", "TLS", "certificate", "certificat", NULL };
  static const char * const auth[] = {
    "authentication failed", "no password supplied", "password is required",
    "no pg_hba.conf entry", "role \"", "authentification", "aucun mot de passe",
    "aucune entrée dans pg_hba.conf", "le rôle « ", NULL };
  static const char * const database[] = {
    "database \"", "la base de données « ", NULL };
  static const char * const missing[] = { "does not exist", "n'existe pas", "n’existe pas", NULL };
  static const char * const unreachable[] = {
    "could not translate host name", "Connection refused", "No route to host",
    "Network is unreachable", "timeout expired", "Connection timed out",
    "No such file or directory", "could not connect to server", "server closed the connection",
    "n'a pas pu traduire le nom d'hôte", "Connexion refusée", "Aucun chemin d'accès pour atteindre",
    "Le réseau n'est pas accessible", "le délai d'attente a expiré", "Aucun fichier ou dossier",
    "n'a pas pu se connecter", NULL };

  if (message == NULL || message[0] == '\0')
    return INS_CONNECTION_PROBLEM_OTHER;
  if (contains_any (message, service))
    return INS_CONNECTION_PROBLEM_NO_SERVICE;
  if (contains_any (message, database) && contains_any (message, missing))
    return INS_CONNECTION_PROBLEM_NO_DATABASE;
  if (contains_any (message, auth))
    return INS_CONNECTION_PROBLEM_AUTH;
  if (contains_any (message, tls))
    return INS_CONNECTION_PROBLEM_TLS;
  if (contains_any (message, unreachable))
    return INS_CONNECTION_PROBLEM_UNREACHABLE;
  return INS_CONNECTION_PROBLEM_OTHER;
}

const char *
ins_connection_problem_describe (InsConnectionProblem problem)
{
  switch (problem)
    {
    case INS_CONNECTION_PROBLEM_NONE:
      return _("Connected");
    case INS_CONNECTION_PROBLEM_AUTH:
      return _("The server refused the authentication: check the user name and the password.");
    case INS_CONNECTION_PROBLEM_UNREACHABLE:
      return _("The server cannot be reached: check the host name and the port, and that the network is available.");
    case INS_CONNECTION_PROBLEM_TLS:
      return _("The secure connection failed: the server's certificate is not trusted or does not match, or the server refuses TLS. Check the TLS mode and the certificate authority file.");
    case INS_CONNECTION_PROBLEM_NO_DATABASE:
      return _("The server has no database of this name: check the database name.");
    case INS_CONNECTION_PROBLEM_NO_SERVICE:
      return _("This connection service is not defined in any pg_service.conf file.");
    case INS_CONNECTION_PROBLEM_OTHER:
    default:
      return _("The connection to the database failed.");
    }
}

typedef struct
{
  char *conninfo;
} TestData;

static void
test_data_free (gpointer data)
{
  TestData *d = data;

  /* The conninfo may hold a password: wipe it before freeing. */
  if (d->conninfo != NULL)
    memset (d->conninfo, 0, strlen (d->conninfo));
  g_free (d->conninfo);
  g_free (d);
}

static void
test_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TestData *d = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = ins_db_connect (d->conninfo, &error);

  if (conn == NULL)
    {
      InsConnectionProblem problem = ins_connection_classify (error->message);
      int code = problem == INS_CONNECTION_PROBLEM_AUTH ? INS_STORE_ERROR_AUTH
               : problem == INS_CONNECTION_PROBLEM_UNREACHABLE ? INS_STORE_ERROR_CONNECTION
               : error->code;

      g_task_return_new_error (task, INS_STORE_ERROR, code, "%s\n%s",
                               ins_connection_problem_describe (problem), error->message);
      return;
    }
  g_task_return_pointer (task, ins_db_server_version (conn), g_free);
}

void
ins_connection_test_async (const char          *conninfo,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TestData *d = g_new0 (TestData, 1);

  g_task_set_source_tag (task, ins_connection_test_async);
  d->conninfo = ins_connection_with_password (conninfo, password);
  if (d->conninfo == NULL)
    d->conninfo = g_strdup (conninfo ? conninfo : "");
  g_task_set_task_data (task, d, test_data_free);
  g_task_run_in_thread (task, test_thread);
}

char *
ins_connection_test_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
ins_connection_url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL || url[0] == '\0')
    return TRUE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
         && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}
