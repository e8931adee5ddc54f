/* ins-affaire-store.h — reading affaires, their pieces and the people (repository, synchronous) */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

#include "core/ins-affaire.h"
#include "ins-store-error.h"

G_BEGIN_DECLS

/* The agent of the connection's login role (current_user), or
 * INS_STORE_ERROR_FORBIDDEN when the role is not an agent. */
InsAgent   *ins_affaire_store_current_agent (PGconn *conn, GError **error);
InsAgent   *ins_affaire_store_agent         (PGconn *conn, int agent_id, GError **error);

/* The whole affaire: header, detail by kind, attachments' metadata with page
 * state, history, latest medical opinion. The reasoning of the opinion is only
 * read when @agent is a médecin-conseil. One snapshot (REPEATABLE READ). */
InsAffaire *ins_affaire_store_load          (PGconn          *conn,
                                             const InsAgent  *agent,
                                             gint64           affaire_id,
                                             GError         **error);

/* Of InsHistoryEntry*, oldest first. */
GPtrArray  *ins_affaire_store_history       (PGconn *conn, gint64 affaire_id, GError **error);
/* Of InsAttachmentInfo*, by position. */
GPtrArray  *ins_affaire_store_attachments   (PGconn *conn, gint64 affaire_id, GError **error);
/* One attachment's bytes. */
GBytes     *ins_affaire_store_attachment_bytes (PGconn *conn, gint64 attachment_id, GError **error);

/* Page state (upserts into attachment_page). @rotation: 0, 90, 180 or 270.
 * An instructeur must hold the affaire (INS_STORE_ERROR_FORBIDDEN otherwise). */
gboolean    ins_affaire_store_set_page_rotation (PGconn *conn, gint64 attachment_id,
                                                 int page_no, int rotation, GError **error);
gboolean    ins_affaire_store_set_page_tag      (PGconn *conn, gint64 attachment_id,
                                                 int page_no, InsPageTag tag, GError **error);

/* Of InsAgent*, active ones, by display name; @organisme_id 0: all. */
GPtrArray  *ins_affaire_store_agents        (PGconn *conn, int organisme_id, GError **error);
/* Of InsOrganisme*, by code. */
GPtrArray  *ins_affaire_store_organismes    (PGconn *conn, GError **error);

/* Stores @bytes in table blob (shared by content hash) and returns the
 * lowercase hex sha256. Must run inside the caller's transaction (it uses a
 * savepoint when the same bytes are already there). */
char       *ins_affaire_store_put_blob      (PGconn *conn, GBytes *bytes, GError **error);

G_END_DECLS
