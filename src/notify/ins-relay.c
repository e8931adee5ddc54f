/* ins-relay.c — sends the outbox to the insured person's messaging service:
 * the object, its settings and its worker threads' lifetime */
#define G_LOG_DOMAIN "ins-notify"

#include "config.h"

#include <unistd.h>

#include "core/ins-main-context.h"
#include "ins-relay-private.h"

G_DEFINE_FINAL_TYPE (InsRelay, ins_relay, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNINFO,
  PROP_URL,
  PROP_PENDING,
  PROP_FAILED,
  N_PROPS
};

enum {
  COUNTS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
emit_counts_idle (gpointer data)
{
  InsRelay *self = data;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED]);
  g_signal_emit (self, signals[COUNTS_CHANGED], 0, ins_relay_get_pending (self),
                 ins_relay_get_failed (self));
  return G_SOURCE_REMOVE;
}

void
ins_relay_counts_changed (InsRelay *self)
{
  ins_main_context_post (self->context, emit_counts_idle, g_object_ref (self), g_object_unref);
}

void
ins_relay_start (InsRelay *self)
{
  g_return_if_fail (INS_IS_RELAY (self));

  if (self->threads != NULL)
    return;
  self->stopping = FALSE;
  self->cancellable = g_cancellable_new ();
  self->threads = g_ptr_array_new ();
  for (int i = 0; i < self->workers; i++)
    {
      InsRelayWorker *w = g_new0 (InsRelayWorker, 1);
      g_autofree char *name = g_strdup_printf ("ins-relay-%d", i);

      w->relay = self;
      w->cancellable = g_object_ref (self->cancellable);
      w->rand = g_rand_new ();
      g_ptr_array_add (self->threads, g_thread_new (name, ins_relay_worker_thread, w));
    }
}

void
ins_relay_stop (InsRelay *self)
{
  g_return_if_fail (INS_IS_RELAY (self));

  if (self->threads == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_mutex_unlock (&self->lock);
  g_cancellable_cancel (self->cancellable);
  for (guint i = 0; i < self->threads->len; i++)
    g_thread_join (g_ptr_array_index (self->threads, i));
  g_clear_pointer (&self->threads, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
}

gboolean
ins_relay_is_running (InsRelay *self)
{
  g_return_val_if_fail (INS_IS_RELAY (self), FALSE);
  return self->threads != NULL;
}

gboolean
ins_relay_run_once (InsRelay      *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GCancellable) own = NULL;
  InsRelayWorker w = { self, NULL, TRUE, NULL };
  gboolean ok;

  g_return_val_if_fail (INS_IS_RELAY (self), FALSE);

  own = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  w.cancellable = own;
  w.rand = g_rand_new ();
  ok = ins_relay_worker_run (&w, error);
  g_rand_free (w.rand);
  return ok;
}

static void
parse_faults (InsRelay *self)
{
  g_auto(GStrv) parts = NULL;
  const char *spec = g_getenv ("INS_RELAY_FAULT");

  if (spec == NULL)
    return;
  parts = g_strsplit (spec, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (parts[i], "=", 2);
      double p = kv[1] ? g_ascii_strtod (kv[1], NULL) : 0;

      if (g_str_equal (kv[0], "kill-before-post"))
        self->kill_before_post = p;
      else if (g_str_equal (kv[0], "kill-after-post"))
        self->kill_after_post = p;
      else if (g_str_equal (kv[0], "kill-before-post-nth"))
        self->kill_before_nth = (int) p;
      else if (g_str_equal (kv[0], "kill-after-post-nth"))
        self->kill_after_nth = (int) p;
    }
}

InsRelay *
ins_relay_new (const char *conninfo,
               const char *url)
{
  return g_object_new (INS_TYPE_RELAY, "conninfo", conninfo, "url", url, NULL);
}

void
ins_relay_set_rate (InsRelay *self, double per_second)
{
  g_return_if_fail (INS_IS_RELAY (self));
  self->rate = MAX (per_second, 0);
}

void
ins_relay_set_max_attempts (InsRelay *self, int max_attempts)
{
  g_return_if_fail (INS_IS_RELAY (self));
  self->max_attempts = MAX (max_attempts, 1);
}

void
ins_relay_set_timeout_ms (InsRelay *self, int timeout_ms)
{
  g_return_if_fail (INS_IS_RELAY (self));
  self->timeout_ms = MAX (timeout_ms, 1);
  self->lease_ms = MAX (30000, 3 * (gint64) self->timeout_ms);
}

void
ins_relay_set_lease_ms (InsRelay *self, gint64 lease_ms)
{
  g_return_if_fail (INS_IS_RELAY (self));
  self->lease_ms = MAX (lease_ms, 1);
}

void
ins_relay_set_backoff (InsRelay *self, gint64 base_ms, gint64 cap_ms)
{
  g_return_if_fail (INS_IS_RELAY (self));
  self->backoff_base_ms = MAX (base_ms, 0);
  self->backoff_cap_ms = MAX (cap_ms, self->backoff_base_ms);
}

void
ins_relay_set_workers (InsRelay *self, int workers)
{
  g_return_if_fail (INS_IS_RELAY (self));
  self->workers = CLAMP (workers, 1, 64);
}

void
ins_relay_set_batch_size (InsRelay *self, int batch_size)
{
  g_return_if_fail (INS_IS_RELAY (self));
  self->batch_size = CLAMP (batch_size, 1, 1000);
}

void
ins_relay_set_poll_interval_ms (InsRelay *self, int poll_ms)
{
  g_return_if_fail (INS_IS_RELAY (self));
  self->poll_ms = MAX (poll_ms, 10);
}

const char *
ins_relay_get_owner (InsRelay *self)
{
  g_return_val_if_fail (INS_IS_RELAY (self), NULL);
  return self->owner;
}

const char *
ins_relay_get_url (InsRelay *self)
{
  g_return_val_if_fail (INS_IS_RELAY (self), NULL);
  return self->url;
}

static gint64
read_locked (InsRelay *self, const gint64 *field)
{
  gint64 v;

  g_mutex_lock (&self->lock);
  v = *field;
  g_mutex_unlock (&self->lock);
  return v;
}

gint64
ins_relay_get_pending (InsRelay *self)
{
  g_return_val_if_fail (INS_IS_RELAY (self), 0);
  return read_locked (self, &self->pending);
}

gint64
ins_relay_get_failed (InsRelay *self)
{
  g_return_val_if_fail (INS_IS_RELAY (self), 0);
  return read_locked (self, &self->failed);
}

void
ins_relay_get_stats (InsRelay      *self,
                     InsRelayStats *stats)
{
  g_return_if_fail (INS_IS_RELAY (self));
  g_mutex_lock (&self->lock);
  *stats = self->stats;
  g_mutex_unlock (&self->lock);
}

static void
ins_relay_dispose (GObject *object)
{
  ins_relay_stop (INS_RELAY (object));
  G_OBJECT_CLASS (ins_relay_parent_class)->dispose (object);
}

static void
ins_relay_finalize (GObject *object)
{
  InsRelay *self = INS_RELAY (object);

  g_free (self->conninfo);
  g_free (self->url);
  g_free (self->owner);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (ins_relay_parent_class)->finalize (object);
}

static void
ins_relay_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  InsRelay *self = INS_RELAY (object);

  switch (prop_id)
    {
    case PROP_CONNINFO:
      g_value_set_string (value, self->conninfo);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PENDING:
      g_value_set_int64 (value, ins_relay_get_pending (self));
      break;
    case PROP_FAILED:
      g_value_set_int64 (value, ins_relay_get_failed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ins_relay_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  InsRelay *self = INS_RELAY (object);

  switch (prop_id)
    {
    case PROP_CONNINFO:
      self->conninfo = g_value_dup_string (value);
      break;
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ins_relay_class_init (InsRelayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ins_relay_dispose;
  object_class->finalize = ins_relay_finalize;
  object_class->get_property = ins_relay_get_property;
  object_class->set_property = ins_relay_set_property;

  properties[PROP_CONNINFO] =
    g_param_spec_string ("conninfo", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, "http://127.0.0.1:8088/messages",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_int64 ("pending", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILED] =
    g_param_spec_int64 ("failed", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (pending, failed): emitted on the relay's main context when they change. */
  signals[COUNTS_CHANGED] =
    g_signal_new ("counts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
ins_relay_init (InsRelay *self)
{
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_strdup_printf ("%s:%d:%08x", g_get_host_name (), (int) getpid (), g_random_int ());
  self->rate = 0;
  self->max_attempts = 8;
  self->timeout_ms = 10000;
  self->lease_ms = 30000;
  self->backoff_base_ms = 1000;
  self->backoff_cap_ms = 10 * 60 * 1000;
  self->workers = 2;
  self->batch_size = 50;
  self->poll_ms = 5000;
  parse_faults (self);
}
