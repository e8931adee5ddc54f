/* ins-outbox-store.h — the notification outbox: claim, record, count, retry
 *
 * Every function is one short statement (its own transaction) on @conn:
 * call them from a worker thread or a tool, never from the GTK main loop.
 * A claim leases rows to @owner; an outcome is recorded only while the row
 * is still held by the same claim (owner and attempt number), so a relay
 * whose lease expired and was taken over never overwrites the newer claim.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

typedef struct {
  gint64  id;
  gint64  affaire_id;
  char   *kind;             /* notification_kind nick */
  char   *idempotency_key;  /* uuid text */
  char   *payload;          /* JSON object text, see docs/notifications.md */
  int     attempts;         /* including this claim: the fencing token of the lease */
  char   *courrier_sha256;  /* lowercase hex, NULL when the kind has no courrier */
  GBytes *courrier;         /* the PDF bytes, NULL when none */
} InsOutboxItem;

void           ins_outbox_item_free          (InsOutboxItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsOutboxItem, ins_outbox_item_free)

/* Leases up to @limit due pending rows to @owner for @lease_ms (FOR UPDATE
 * SKIP LOCKED, attempts + 1) and returns them with their courriers, oldest
 * due first. Rows at or above @max_attempts are parked as failed instead.
 * Returns a GPtrArray of InsOutboxItem (possibly empty), NULL on error. */
GPtrArray     *ins_outbox_claim              (PGconn      *conn,
                                              const char  *owner,
                                              int          limit,
                                              gint64       lease_ms,
                                              int          max_attempts,
                                              GError     **error);

/* Outcomes. @recorded (may be NULL) is set FALSE when the row was no longer
 * held by this claim (lease taken over), which is not an error. */
gboolean       ins_outbox_mark_delivered     (PGconn              *conn,
                                              const InsOutboxItem *item,
                                              const char          *owner,
                                              gboolean            *recorded,
                                              GError             **error);
/* The same for many rows in one statement; @recorded receives how many were
 * still held by their claim. */
gboolean       ins_outbox_mark_delivered_many (PGconn              *conn,
                                              GPtrArray           *items,
                                              const char          *owner,
                                              guint               *recorded,
                                              GError             **error);
gboolean       ins_outbox_mark_retry         (PGconn              *conn,
                                              const InsOutboxItem *item,
                                              const char          *owner,
                                              gint64               delay_ms,
                                              const char          *last_error,
                                              gboolean            *recorded,
                                              GError             **error);
gboolean       ins_outbox_mark_failed        (PGconn              *conn,
                                              const InsOutboxItem *item,
                                              const char          *owner,
                                              const char          *last_error,
                                              gboolean            *recorded,
                                              GError             **error);

/* Gives back rows claimed but not sent (attempt not counted). */
gboolean       ins_outbox_release            (PGconn              *conn,
                                              const InsOutboxItem *item,
                                              const char          *owner,
                                              GError             **error);

/* Pending (including leased) and failed rows. */
gboolean       ins_outbox_counts             (PGconn   *conn,
                                              gint64   *pending,
                                              gint64   *failed,
                                              GError  **error);

/* Milliseconds until the next pending row is due (0 if one is due now), or
 * -1 when nothing is pending. */
gint64         ins_outbox_next_due_ms        (PGconn   *conn,
                                              GError  **error);

/* Puts parked rows back to pending with a fresh attempt count: all of them
 * when @id is 0. Returns how many, or -1 on error. */
gint64         ins_outbox_retry_failed       (PGconn   *conn,
                                              gint64    id,
                                              GError  **error);

G_END_DECLS
