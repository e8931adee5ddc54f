/* ins-relay.h — sends the outbox to the insured person's messaging service
 *
 * Worker threads, each with its own PostgreSQL connection and HTTP session,
 * claim due rows (a short statement that leases them), POST each one with its
 * Idempotency-Key while no transaction is open, then record the outcome in
 * another short statement that only applies while the lease is still theirs.
 * They wake on LISTEN outbox_changed and on a periodic poll. Nothing runs on
 * the caller's main loop but the counts-changed signal.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define INS_TYPE_RELAY (ins_relay_get_type ())
G_DECLARE_FINAL_TYPE (InsRelay, ins_relay, INS, RELAY, GObject)

typedef struct {
  guint64 sent;        /* POSTs that got an answer or an error */
  guint64 delivered;   /* recorded delivered (2xx or 409) */
  guint64 retried;     /* scheduled again (5xx, timeout, connection error) */
  guint64 parked;      /* recorded failed (other 4xx, attempts exhausted) */
  guint64 superseded;  /* outcome not recorded: the lease had been taken over */
} InsRelayStats;

/* @conninfo as for ins_db_connect(); @url receives the POSTs. */
InsRelay   *ins_relay_new                (const char *conninfo,
                                          const char *url);

/* Settings, taken into account by the next ins_relay_start(). */
void        ins_relay_set_rate           (InsRelay *self,
                                          double    per_second);   /* 0: unlimited (default) */
void        ins_relay_set_max_attempts   (InsRelay *self,
                                          int       max_attempts); /* default 8 */
void        ins_relay_set_timeout_ms     (InsRelay *self,
                                          int       timeout_ms);   /* per POST, default 10 s */
void        ins_relay_set_lease_ms       (InsRelay *self,
                                          gint64    lease_ms);     /* default max (30 s, 3 × timeout) */
void        ins_relay_set_backoff        (InsRelay *self,
                                          gint64    base_ms,       /* default 1 s */
                                          gint64    cap_ms);       /* default 10 min */
void        ins_relay_set_workers        (InsRelay *self,
                                          int       workers);      /* default 2 */
void        ins_relay_set_batch_size     (InsRelay *self,
                                          int       batch_size);   /* default 50 */
void        ins_relay_set_poll_interval_ms (InsRelay *self,
                                          int       poll_ms);      /* default 5 s */

/* The lease owner written in claimed rows: host:pid:random. */
const char *ins_relay_get_owner          (InsRelay *self);
const char *ins_relay_get_url            (InsRelay *self);

/* Starts the worker threads; they reconnect on their own when the database
 * goes away. Stopping cancels POSTs in flight, gives back what was claimed
 * and joins the threads. */
void        ins_relay_start              (InsRelay *self);
void        ins_relay_stop               (InsRelay *self);
gboolean    ins_relay_is_running         (InsRelay *self);

/* Sends what is due now in the calling thread and returns when nothing due
 * remains (rows scheduled for a later retry stay pending). Blocking: for
 * tools and tests, never from the GTK main loop. */
gboolean    ins_relay_run_once           (InsRelay      *self,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* The last counts read by a worker (also the pending and failed properties,
 * and the counts-changed signal, emitted on the main context that was the
 * thread default when the relay was created). */
gint64      ins_relay_get_pending        (InsRelay *self);
gint64      ins_relay_get_failed         (InsRelay *self);
void        ins_relay_get_stats          (InsRelay      *self,
                                          InsRelayStats *stats);

G_END_DECLS
