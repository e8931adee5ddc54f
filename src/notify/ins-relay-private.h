/* ins-relay-private.h — the relay's state, shared by the object and its worker threads */
#pragma once

#include "ins-relay.h"

G_BEGIN_DECLS

struct _InsRelay
{
  GObject       parent_instance;

  /* owned */
  char         *conninfo;
  char         *url;
  char         *owner;
  GMainContext *context;
  GCancellable *cancellable;
  GPtrArray    *threads;

  /* settings */
  double        rate;
  int           max_attempts;
  int           timeout_ms;
  gint64        lease_ms;
  gint64        backoff_base_ms;
  gint64        backoff_cap_ms;
  int           workers;
  int           batch_size;
  int           poll_ms;

  /* test hooks (INS_RELAY_FAULT), see docs/notifications.md */
  double        kill_before_post;
  double        kill_after_post;
  int           kill_before_nth;   /* the Nth POST of the process, 0: never */
  int           kill_after_nth;
  int           posts;

  /* shared with the workers, under the lock */
  GMutex        lock;
  gint64        next_send_us;
  gint64        counts_read_us;
  gint64        pending;
  gint64        failed;
  gboolean      counts_known;
  gboolean      stopping;
  InsRelayStats stats;
};

/* One worker thread's own state. */
typedef struct {
  InsRelay     *relay;
  GCancellable *cancellable;
  gboolean      once;
  GRand        *rand;
} InsRelayWorker;

/* Runs the relay loop (once, or until @w->cancellable is cancelled). */
gboolean ins_relay_worker_run      (InsRelayWorker  *w,
                                    GError         **error);
/* A worker thread's body: takes @data, an InsRelayWorker of its own. */
gpointer ins_relay_worker_thread   (gpointer         data);

/* Emits the new counts on the relay's main context. */
void     ins_relay_counts_changed  (InsRelay        *self);

G_END_DECLS
