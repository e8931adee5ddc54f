/* notify-harness.h — fixtures of the notification tests: closed affaires, the
 * sink and relay executables as subprocesses */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The organisme 'CNSE' with its letterhead, created once; returns its id. */
int          notify_fixture_organisme    (PGconn *conn);

/* Inserts @n foreign-care affaires numbered from @prefix, decided as @kind
 * would need (accepted with a JPY amount, refused, incomplete…) but not yet
 * closed; returns their ids. */
GArray      *notify_fixture_affaires     (PGconn     *conn,
                                          const char *prefix,
                                          int         n,
                                          const char *kind);

/* Closes affaire @id as seen at @version and queues its @kind notification,
 * in one transaction; FALSE when another client closed it first. */
gboolean     notify_fixture_close        (PGconn     *conn,
                                          gint64      id,
                                          int         version,
                                          const char *kind);

/* The same, reporting errors: 1 closed, 0 closed by another client first,
 * -1 with @error set (rolled back). */
int          notify_fixture_try_close    (PGconn      *conn,
                                          gint64       id,
                                          int          version,
                                          const char  *kind,
                                          GError     **error);

/* Closes all of @ids and queues their notifications in one transaction. */
void         notify_fixture_close_all    (PGconn     *conn,
                                          GArray     *ids,
                                          const char *kind);

gint64       notify_query_int            (PGconn *conn, const char *sql);

/* The sink, on a free port, storing into @store_path; extra command-line @args. */
typedef struct {
  GSubprocess *process;
  int          port;
  char        *url;
  char        *store_path;
} NotifySink;

NotifySink  *notify_sink_start           (const char          *store_path,
                                          const char * const  *args);
void         notify_sink_stop            (NotifySink *sink);
/* POSTs @json to /_control ("{}" only reads); returns the stats object text. */
char        *notify_sink_control         (NotifySink *sink, const char *json);
gint64       notify_sink_stat            (NotifySink *sink, const char *name);
/* Keys in the store file: key → number of lines. */
GHashTable  *notify_sink_stored_keys     (NotifySink *sink);

/* instruction-relay on the test database, with extra @args and @fault
 * (INS_RELAY_FAULT, may be NULL). */
GSubprocess *notify_relay_spawn          (const char          *url,
                                          const char * const  *args,
                                          const char          *fault);
void         notify_relay_kill           (GSubprocess *relay);

/* Iterates the default main context until @done returns TRUE or @limit_s
 * seconds passed; returns @done's last answer. A liveness guard, not a timing
 * assertion. */
gboolean     notify_wait_until           (gboolean (*done) (gpointer), gpointer data, int limit_s);

G_END_DECLS
