/* ins-preferences-connection.h — where the database is: settings, services, connection test
 *
 * The connection is resolved in this order: the command line (--database,
 * --service, --demo), libpq's environment (PGHOST, PGSERVICE…), then GSettings
 * (database-service, else database-uri with database-sslmode and
 * database-ssl-root-cert). When none gives anything, the application shows its
 * welcome page.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  INS_CONNECTION_PROBLEM_NONE,
  INS_CONNECTION_PROBLEM_AUTH,         /* password refused, role unknown, pg_hba refuses */
  INS_CONNECTION_PROBLEM_UNREACHABLE,  /* name unknown, refused, timed out */
  INS_CONNECTION_PROBLEM_TLS,          /* TLS required but refused, certificate not trusted */
  INS_CONNECTION_PROBLEM_NO_DATABASE,  /* the server has no such database */
  INS_CONNECTION_PROBLEM_NO_SERVICE,   /* the service is in no pg_service.conf */
  INS_CONNECTION_PROBLEM_OTHER,
} InsConnectionProblem;

/* Where the connection of this session comes from. */
typedef enum {
  INS_CONNECTION_FROM_SETTINGS,
  INS_CONNECTION_FROM_DATABASE_OPTION,  /* --database */
  INS_CONNECTION_FROM_SERVICE_OPTION,   /* --service */
  INS_CONNECTION_FROM_DEMO,             /* --demo, or the welcome page's demo button */
  INS_CONNECTION_FROM_ENVIRONMENT,      /* PGHOST, PGSERVICE… */
} InsConnectionOrigin;

/* The settings of the application (NULL when its schema is not installed:
 * run from the build tree with GSETTINGS_SCHEMA_DIR=<build>/data). */
GSettings           *ins_connection_settings_new          (void);

/* Whether libpq's environment names a server (PGHOST, PGHOSTADDR, PGSERVICE, PGDATABASE). */
gboolean             ins_connection_environment_configured (void);

/* The conninfo the settings describe, or NULL when they describe nothing. */
char                *ins_connection_conninfo_from_settings (GSettings *settings);

/* The local demo cluster that scripts/demo starts: its data directory (the
 * socket is there), and a conninfo on its database "instruction" as @login
 * (NULL: libpq's default user). */
char                *ins_connection_demo_dir               (void);
char                *ins_connection_demo_conninfo          (const char *login);
/* Connects to the demo cluster and returns the conninfo of the agent
 * scripts/demo opens by default (the CNSE's first instructeur). Blocks. */
char                *ins_connection_demo_resolve           (GError    **error);
void                 ins_connection_demo_resolve_async     (GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
char                *ins_connection_demo_resolve_finish    (GAsyncResult        *result,
                                                            GError             **error);

/* A libpq URI for a server; empty or zero parts are left out. */
char                *ins_connection_build_uri     (const char *host,
                                                   guint       port,
                                                   const char *dbname,
                                                   const char *user,
                                                   const char *sslmode,
                                                   const char *sslrootcert);

/* Reads one keyword (host, port, dbname, user, sslmode…) from a conninfo or URI;
 * NULL when absent or when @conninfo does not parse. */
char                *ins_connection_get_option    (const char *conninfo,
                                                   const char *keyword);

/* The same, or else libpq's environment variable for @keyword (PGHOST for
 * host…): the value libpq will use, but for its built-in defaults. */
char                *ins_connection_get_effective_option (const char *conninfo,
                                                          const char *keyword);

/* @conninfo in keyword form with @password added (libpq quoting). */
char                *ins_connection_with_password (const char *conninfo,
                                                   const char *password);

/* Service names from $PGSERVICEFILE, ~/.pg_service.conf and
 * $PGSYSCONFDIR/pg_service.conf, sorted, without duplicates. */
char               **ins_connection_list_services (void);
/* The same, from the given files. */
char               **ins_connection_list_services_in (const char * const *files);

/* Classifies a libpq connection error message (English or French). */
InsConnectionProblem ins_connection_classify     (const char *message);
/* What to tell the agent, in their language. */
const char          *ins_connection_problem_describe (InsConnectionProblem problem);

/* Connects on a worker thread and returns the server version ("15.18"). On
 * failure the error is in INS_STORE_ERROR, its message the agent's explanation
 * followed by libpq's own words on a second line. */
void                 ins_connection_test_async    (const char          *conninfo,
                                                   const char          *password,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
char                *ins_connection_test_finish   (GAsyncResult        *result,
                                                   GError             **error);

/* Whether @url can be the notification service's: empty, or http(s) with a host. */
gboolean             ins_connection_url_is_valid  (const char *url);

G_END_DECLS
