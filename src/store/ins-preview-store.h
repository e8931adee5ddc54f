/* ins-preview-store.h — the stored picture of a PDF's first page (013-attachment-preview.sql)
 *
 * Written where the bytes enter the database (import, seed), read with an
 * affaire's attachments so that the viewer paints it at once on selection.
 */
#pragma once

#include <libpq-fe.h>
#include <glib.h>

G_BEGIN_DECLS

/* Stores @png (at most 256 × 256 pixels) for the blob @sha256 (32 bytes) unless
 * one is there already; a @png that is no PNG of that size is ignored (a
 * preview is a convenience). FALSE with INS_STORE_ERROR on a database error. */
gboolean ins_preview_store_put  (PGconn        *conn,
                                 const guint8  *sha256,
                                 GBytes        *png,
                                 GError       **error);

/* Sets the preview of each InsAttachmentInfo of @attachments (all of affaire
 * @affaire_id) that has one. */
gboolean ins_preview_store_fill (PGconn        *conn,
                                 gint64         affaire_id,
                                 GPtrArray     *attachments,
                                 GError       **error);

/* The pixel size in @png's header; FALSE when it is no PNG. */
gboolean ins_preview_png_size   (GBytes        *png,
                                 int           *width,
                                 int           *height);

G_END_DECLS
