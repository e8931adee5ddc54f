/* ins-store.h — the database as the UI sees it: asynchronous, on one worker thread
 *
 * An InsStore owns one worker thread with its own PGconn and runs every call
 * there, in order, so nothing blocks the GTK main loop. Results come back as
 * GAsyncResult in the main context the store was created in; errors are
 * INS_STORE_ERROR (G_IO_ERROR_CANCELLED when cancelled: stay silent).
 *
 * A second connection LISTENs for `affaire_changed`, `affaire_claimed` and
 * `outbox_changed`, watched from the main loop, and becomes the signals below
 * (claims are announced a few times a second, not one by one: a claim hint is
 * followed by affaire-changed (0) once its burst is over). When a connection
 * is lost, :connected turns FALSE, calls fail fast with
 * INS_STORE_ERROR_CONNECTION, and the store reconnects with backoff; when it is
 * back, :connected turns TRUE and affaire-changed (0) asks everyone to reload.
 */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

#include "core/ins-affaire.h"
#include "core/ins-queue-query.h"
#include "ins-transition-store.h"

G_BEGIN_DECLS

#define INS_TYPE_STORE (ins_store_get_type ())
G_DECLARE_FINAL_TYPE (InsStore, ins_store, INS, STORE, GObject)

/* A function run on the worker thread with its connection. Return a result
 * (owned by the caller of ins_store_call_finish), or NULL: with @error set it
 * is a failure, without it a success with no value. */
typedef gpointer (*InsStoreFunc) (PGconn        *conn,
                                  gpointer       data,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* Signals:
 *   affaire-changed (gint64 id): an affaire changed in the database (any
 *     agent, any process); 0 means many or unknown: reload what you show.
 *     Also emitted with 0 every :refresh-interval seconds as a fallback.
 *   outbox-changed (): notifications were queued.
 * Properties:
 *   connected (gboolean, read-only), conninfo (string, construct-only),
 *   refresh-interval (guint seconds, 0 disables; default 60). */

InsStore   *ins_store_new                (const char *conninfo);

/* Connects both connections and resolves the agent (current_user in table
 * agent). Until it succeeds, calls fail with INS_STORE_ERROR_CONNECTION; a
 * connection failure here is retried in the background with backoff as well. */
void        ins_store_open_async         (InsStore            *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    ins_store_open_finish        (InsStore      *self,
                                          GAsyncResult  *result,
                                          GError       **error);

gboolean    ins_store_get_connected      (InsStore *self);
/* The connected agent, or NULL before the store has opened. */
InsAgent   *ins_store_get_agent          (InsStore *self);
const char *ins_store_get_conninfo       (InsStore *self);
guint       ins_store_get_refresh_interval (InsStore *self);
void        ins_store_set_refresh_interval (InsStore *self, guint seconds);

/* Runs @func (@data) on the worker thread; @data_free frees @data afterwards
 * (on the worker thread or later). */
void        ins_store_call_async         (InsStore            *self,
                                          InsStoreFunc         func,
                                          gpointer             data,
                                          GDestroyNotify       data_free,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gpointer    ins_store_call_finish        (InsStore      *self,
                                          GAsyncResult  *result,
                                          GError       **error);

/* Queue ------------------------------------------------------------------- */

void          ins_store_queue_page_async  (InsStore             *self,
                                           const InsQueueQuery  *query,
                                           const InsQueueCursor *cursor,
                                           InsQueueDirection     direction,
                                           guint                 limit,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
InsQueuePage *ins_store_queue_page_finish (InsStore      *self,
                                           GAsyncResult  *result,
                                           GError       **error);

/* See ins_queue_store_page_at. */
void          ins_store_queue_page_at_async  (InsStore             *self,
                                              const InsQueueQuery  *query,
                                              const InsQueueCursor *cursor,
                                              InsQueueDirection     direction,
                                              gint64                offset,
                                              guint                 limit,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
InsQueuePage *ins_store_queue_page_at_finish (InsStore      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

void          ins_store_queue_count_async  (InsStore            *self,
                                            const InsQueueQuery *query,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      ins_store_queue_count_finish (InsStore      *self,
                                            GAsyncResult  *result,
                                            gint64        *count,
                                            gboolean      *exact,
                                            GError       **error);

void          ins_store_queue_row_async   (InsStore            *self,
                                           gint64               affaire_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
InsQueueRow  *ins_store_queue_row_finish  (InsStore      *self,
                                           GAsyncResult  *result,
                                           GError       **error);

/* Claims ------------------------------------------------------------------ */

/* Returns the claimed affaire's id (and *version), or 0 when the queue is empty. */
void          ins_store_claim_next_async  (InsStore            *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gint64        ins_store_claim_next_finish (InsStore      *self,
                                           GAsyncResult  *result,
                                           int           *version,
                                           GError       **error);

void          ins_store_renew_lease_async  (InsStore            *self,
                                            gint64               affaire_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      ins_store_renew_lease_finish (InsStore      *self,
                                            GAsyncResult  *result,
                                            GError       **error);

/* Transitions (claim a given one, release, decisions…): see ins-transition-store.h. */
void          ins_store_apply_async       (InsStore            *self,
                                           const InsTransition *transition,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      ins_store_apply_finish      (InsStore      *self,
                                           GAsyncResult  *result,
                                           int           *new_version,
                                           GError       **error);

/* Reading ----------------------------------------------------------------- */

void          ins_store_load_affaire_async  (InsStore            *self,
                                             gint64               affaire_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
InsAffaire   *ins_store_load_affaire_finish (InsStore      *self,
                                             GAsyncResult  *result,
                                             GError       **error);

/* Of InsHistoryEntry*. */
void          ins_store_history_async     (InsStore            *self,
                                           gint64               affaire_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GPtrArray    *ins_store_history_finish    (InsStore      *self,
                                           GAsyncResult  *result,
                                           GError       **error);

/* Of InsAttachmentInfo*. */
void          ins_store_attachments_async  (InsStore            *self,
                                            gint64               affaire_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray    *ins_store_attachments_finish (InsStore      *self,
                                            GAsyncResult  *result,
                                            GError       **error);

void          ins_store_attachment_bytes_async  (InsStore            *self,
                                                 gint64               attachment_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GBytes       *ins_store_attachment_bytes_finish (InsStore      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

/* @rotation < 0 leaves the rotation; @tag < 0 leaves the tag. */
void          ins_store_set_page_state_async  (InsStore            *self,
                                               gint64               attachment_id,
                                               int                  page_no,
                                               int                  rotation,
                                               int                  tag,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      ins_store_set_page_state_finish (InsStore      *self,
                                               GAsyncResult  *result,
                                               GError       **error);

/* Of InsAgent*; @organisme_id 0: all. */
void          ins_store_agents_async      (InsStore            *self,
                                           int                  organisme_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GPtrArray    *ins_store_agents_finish     (InsStore      *self,
                                           GAsyncResult  *result,
                                           GError       **error);

/* Of InsOrganisme*. */
void          ins_store_organismes_async  (InsStore            *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GPtrArray    *ins_store_organismes_finish (InsStore      *self,
                                           GAsyncResult  *result,
                                           GError       **error);

G_END_DECLS
