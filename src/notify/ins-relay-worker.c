/* ins-relay-worker.c — what each relay worker thread does: claim, POST, record */
#define G_LOG_DOMAIN "ins-notify"

#include "config.h"

#include <libsoup/soup.h>
#include <signal.h>
#include <unistd.h>

#include "store/ins-db.h"
#include "store/ins-outbox-store.h"
#include "ins-backoff.h"
#include "ins-notification.h"
#include "ins-relay-private.h"

#define RECONNECT_MIN_MS 100
#define RECONNECT_MAX_MS 5000
#define COUNTS_EVERY_US  (250 * G_TIME_SPAN_MILLISECOND)

static void
stat_add (InsRelay *self, guint64 *field)
{
  g_mutex_lock (&self->lock);
  (*field)++;
  g_mutex_unlock (&self->lock);
}

/* Waits on the connection's socket (a NOTIFY) and on @cancellable at most
 * @timeout_ms; drains the notifications that arrived. */
static void
wait_for (PGconn *conn, GCancellable *cancellable, gint64 timeout_ms)
{
  GPollFD fds[2];
  int n = 0;
  PGnotify *notify;

  if (timeout_ms <= 0)
    return;
  if (conn != NULL && PQsocket (conn) >= 0)
    {
      fds[n].fd = PQsocket (conn);
      fds[n].events = G_IO_IN;
      fds[n].revents = 0;
      n++;
    }
  if (g_cancellable_make_pollfd (cancellable, &fds[n]))
    n++;
  g_poll (fds, n, (int) MIN (timeout_ms, G_MAXINT));
  g_cancellable_release_fd (cancellable);

  if (conn != NULL)
    {
      PQconsumeInput (conn);
      while ((notify = PQnotifies (conn)) != NULL)
        PQfreemem (notify);
    }
}

static PGconn *
connect_and_listen (InsRelay *self, GError **error)
{
  g_autoptr(PGconn) conn = ins_db_connect (self->conninfo, error);

  if (conn == NULL)
    return NULL;
  if (!ins_db_run (conn, "LISTEN outbox_changed", 0, NULL, error))
    return NULL;
  return g_steal_pointer (&conn);
}

static gboolean
connection_lost (PGconn *conn, const GError *error)
{
  return PQstatus (conn) != CONNECTION_OK
         || g_error_matches (error, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION);
}


static void
refresh_counts (InsRelay *self, PGconn *conn, gboolean force)
{
  gint64 now = g_get_monotonic_time ();
  gint64 pending, failed;
  gboolean changed;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->lock);
  if (!force && now - self->counts_read_us < COUNTS_EVERY_US)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  self->counts_read_us = now;
  g_mutex_unlock (&self->lock);

  if (!ins_outbox_counts (conn, &pending, &failed, &error))
    return;

  g_mutex_lock (&self->lock);
  changed = !self->counts_known || pending != self->pending || failed != self->failed;
  self->pending = pending;
  self->failed = failed;
  self->counts_known = TRUE;
  if (self->stopping)
    changed = FALSE;
  g_mutex_unlock (&self->lock);

  if (changed)
    ins_relay_counts_changed (self);
}

/* Spaces POSTs at 1/rate seconds across all workers. */
static void
wait_for_rate (InsRelay *self, GCancellable *cancellable)
{
  gint64 slot, now;

  if (self->rate <= 0)
    return;
  g_mutex_lock (&self->lock);
  now = g_get_monotonic_time ();
  slot = MAX (now, self->next_send_us);
  self->next_send_us = slot + (gint64) (G_USEC_PER_SEC / self->rate);
  g_mutex_unlock (&self->lock);
  if (slot > now)
    wait_for (NULL, cancellable, (slot - now + 999) / 1000);
}

static void
maybe_die (double probability, int nth, int post)
{
  if ((probability > 0 && g_random_double () < probability) || (nth > 0 && post == nth))
    kill (getpid (), SIGKILL);
}

/* POSTs one notification; returns its HTTP status, 0 without an answer. */
static guint
post_one (InsRelay       *self,
          SoupSession    *session,
          GUri           *uri,
          InsOutboxItem  *item,
          GCancellable   *cancellable,
          char          **error_text,
          gboolean       *cancelled)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  guint status;
  int post;

  body = ins_notification_build_body (item->payload, item->kind, item->idempotency_key,
                                      item->courrier, item->courrier_sha256, &error);
  if (body == NULL)
    {
      *error_text = g_strdup (error->message);
      return 400;
    }
  msg = soup_message_new_from_uri (SOUP_METHOD_POST, uri);
  soup_message_set_request_body_from_bytes (msg, "application/json; charset=utf-8", body);
  soup_message_headers_replace (soup_message_get_request_headers (msg),
                                "Idempotency-Key", item->idempotency_key);

  post = g_atomic_int_add (&self->posts, 1) + 1;
  maybe_die (self->kill_before_post, self->kill_before_nth, post);
  answer = soup_session_send_and_read (session, msg, cancellable, &error);
  maybe_die (self->kill_after_post, self->kill_after_nth, post);

  if (answer == NULL)
    {
      *cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      *error_text = g_strdup (error->message);
      return 0;
    }
  status = soup_message_get_status (msg);
  if (status < 200 || status >= 300)
    *error_text = g_strdup_printf ("HTTP %u %s", status,
                                   soup_message_get_reason_phrase (msg) ?: "");
  return status;
}

static gboolean
record_outcome (InsRelay        *self,
                InsRelayWorker  *w,
                PGconn          *conn,
                GPtrArray       *delivered,
                InsOutboxItem   *item,
                guint            status,
                const char      *error_text,
                GError         **error)
{
  gboolean recorded = TRUE;
  gboolean ok;

  switch (ins_delivery_verdict (status))
    {
    case INS_DELIVERY_DELIVERED:
      /* Recorded with the others of the batch, in one statement. */
      g_ptr_array_add (delivered, item);
      return TRUE;

    case INS_DELIVERY_RETRY:
      if (item->attempts >= self->max_attempts)
        {
          g_autofree char *text = g_strdup_printf ("%s ; attempts exhausted", error_text);
          ok = ins_outbox_mark_failed (conn, item, self->owner, text, &recorded, error);
          if (ok && recorded)
            {
              stat_add (self, &self->stats.parked);
              g_message ("notification %" G_GINT64_FORMAT " parked after %d attempts: %s",
                         item->id, item->attempts, error_text);
            }
        }
      else
        {
          gint64 delay = ins_backoff_delay_ms (item->attempts, self->backoff_base_ms,
                                               self->backoff_cap_ms, g_rand_double (w->rand));
          ok = ins_outbox_mark_retry (conn, item, self->owner, delay, error_text, &recorded, error);
          if (ok && recorded)
            stat_add (self, &self->stats.retried);
        }
      break;

    case INS_DELIVERY_PARK:
    default:
      ok = ins_outbox_mark_failed (conn, item, self->owner, error_text, &recorded, error);
      if (ok && recorded)
        {
          stat_add (self, &self->stats.parked);
          g_message ("notification %" G_GINT64_FORMAT " parked: %s", item->id, error_text);
        }
      break;
    }
  if (ok && !recorded)
    stat_add (self, &self->stats.superseded);
  return ok;
}

static gboolean
flush_delivered (InsRelay *self, PGconn *conn, GPtrArray *delivered, GError **error)
{
  guint recorded = 0;

  if (delivered->len == 0)
    return TRUE;
  if (!ins_outbox_mark_delivered_many (conn, delivered, self->owner, &recorded, error))
    return FALSE;
  g_mutex_lock (&self->lock);
  self->stats.delivered += recorded;
  self->stats.superseded += delivered->len - recorded;
  g_mutex_unlock (&self->lock);
  g_ptr_array_set_size (delivered, 0);
  return TRUE;
}

static void
release_rest (InsRelay *self, PGconn *conn, GPtrArray *items, guint from)
{
  for (guint i = from; i < items->len; i++)
    if (!ins_outbox_release (conn, g_ptr_array_index (items, i), self->owner, NULL))
      break;
}

/* Sends one claimed batch. Returns FALSE when the connection must be reopened. */
static gboolean
send_batch (InsRelay       *self,
            InsRelayWorker *w,
            PGconn         *conn,
            SoupSession    *session,
            GUri           *uri,
            GPtrArray      *items,
            gint64          claimed_us)
{
  g_autoptr(GPtrArray) delivered = g_ptr_array_new ();
  g_autoptr(GError) flush_error = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      InsOutboxItem *item = g_ptr_array_index (items, i);
      g_autofree char *error_text = NULL;
      g_autoptr(GError) error = NULL;
      gboolean cancelled = FALSE;
      guint status;

      /* Never start a POST on a lease about to lapse: another relay could
       * take the row while this one is still sending it. */
      if (g_cancellable_is_cancelled (w->cancellable)
          || (i > 0 && g_get_monotonic_time () - claimed_us > self->lease_ms * 1000 / 2))
        {
          release_rest (self, conn, items, i);
          break;
        }

      wait_for_rate (self, w->cancellable);
      status = post_one (self, session, uri, item, w->cancellable, &error_text, &cancelled);
      if (cancelled)
        {
          release_rest (self, conn, items, i);
          break;
        }
      stat_add (self, &self->stats.sent);
      g_debug ("notification %" G_GINT64_FORMAT " attempt %d: %u", item->id, item->attempts, status);

      if (!record_outcome (self, w, conn, delivered, item, status, error_text, &error))
        {
          g_warning ("cannot record notification %" G_GINT64_FORMAT ": %s", item->id, error->message);
          if (connection_lost (conn, error))
            return FALSE;
        }
    }
  if (!flush_delivered (self, conn, delivered, &flush_error))
    {
      g_warning ("cannot record delivered notifications: %s", flush_error->message);
      if (connection_lost (conn, flush_error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ins_relay_worker_run (InsRelayWorker *w, GError **error)
{
  InsRelay *self = w->relay;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(PGconn) conn = NULL;
  gint64 reconnect_ms = RECONNECT_MIN_MS;

  uri = g_uri_parse (self->url, SOUP_HTTP_URI_FLAGS, error);
  if (uri == NULL)
    return FALSE;
  session = soup_session_new_with_options ("timeout", (guint) ((self->timeout_ms + 999) / 1000),
                                           "idle-timeout", 60,
                                           "max-conns", 64,
                                           "max-conns-per-host", 64,
                                           "user-agent", "instruction-relay/" PACKAGE_VERSION,
                                           NULL);

  while (!g_cancellable_is_cancelled (w->cancellable))
    {
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GError) local_error = NULL;
      gint64 claimed_us;

      if (conn == NULL)
        {
          conn = connect_and_listen (self, &local_error);
          if (conn == NULL)
            {
              if (w->once)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              g_warning ("relay cannot reach the database: %s", local_error->message);
              wait_for (NULL, w->cancellable, reconnect_ms);
              reconnect_ms = MIN (reconnect_ms * 2, RECONNECT_MAX_MS);
              continue;
            }
          reconnect_ms = RECONNECT_MIN_MS;
          refresh_counts (self, conn, TRUE);
        }

      claimed_us = g_get_monotonic_time ();
      items = ins_outbox_claim (conn, self->owner, self->batch_size, self->lease_ms,
                                self->max_attempts, &local_error);
      if (items == NULL)
        {
          if (w->once)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_warning ("relay cannot claim notifications: %s", local_error->message);
          if (connection_lost (conn, local_error))
            g_clear_pointer (&conn, PQfinish);
          else
            wait_for (NULL, w->cancellable, RECONNECT_MAX_MS);
          continue;
        }

      if (items->len == 0)
        {
          gint64 next;

          refresh_counts (self, conn, TRUE);
          if (w->once)
            return TRUE;
          next = ins_outbox_next_due_ms (conn, NULL);
          wait_for (conn, w->cancellable, next < 0 ? self->poll_ms : MIN (MAX (next, 10), self->poll_ms));
          if (PQstatus (conn) != CONNECTION_OK)
            g_clear_pointer (&conn, PQfinish);
          continue;
        }

      if (!send_batch (self, w, conn, session, uri, items, claimed_us))
        {
          if (w->once)
            {
              g_set_error (error, INS_STORE_ERROR, INS_STORE_ERROR_CONNECTION,
                           "%s", PQerrorMessage (conn));
              return FALSE;
            }
          g_clear_pointer (&conn, PQfinish);
          continue;
        }
      refresh_counts (self, conn, FALSE);
    }
  return TRUE;
}

gpointer
ins_relay_worker_thread (gpointer data)
{
  InsRelayWorker *w = data;
  g_autoptr(GError) error = NULL;

  if (!ins_relay_worker_run (w, &error))
    g_warning ("relay worker stopped: %s", error->message);
  g_rand_free (w->rand);
  g_object_unref (w->cancellable);
  g_free (w);
  return NULL;
}
