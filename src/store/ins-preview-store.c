/* ins-preview-store.c — the stored picture of a PDF's first page */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <string.h>

#include "core/ins-affaire.h"
#include "ins-db.h"
#include "ins-preview-store.h"
#include "ins-store-error.h"

#define MAX_SIDE 256

gboolean
ins_preview_png_size (GBytes *png,
                      int    *width,
                      int    *height)
{
  static const guint8 magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize len = 0;
  const guint8 *data = png ? g_bytes_get_data (png, &len) : NULL;
  guint32 w, h;

  /* signature, then the IHDR chunk: length, "IHDR", width, height (big endian) */
  if (data == NULL || len < 24 || memcmp (data, magic, sizeof magic) != 0
      || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;
  memcpy (&w, data + 16, 4);
  memcpy (&h, data + 20, 4);
  *width = (int) MIN (GUINT32_FROM_BE (w), G_MAXINT);
  *height = (int) MIN (GUINT32_FROM_BE (h), G_MAXINT);
  return TRUE;
}

gboolean
ins_preview_store_put (PGconn        *conn,
                       const guint8  *sha256,
                       GBytes        *png,
                       GError       **error)
{
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;
  g_autoptr(PGresult) res = NULL;
  gsize len = 0;
  const char *data;
  int w = 0, h = 0;

  if (!ins_preview_png_size (png, &w, &h) || w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE)
    {
      g_debug ("preview ignored: not a PNG of at most %d pixels", MAX_SIDE);
      return TRUE;
    }
  data = g_bytes_get_data (png, &len);
  width = g_strdup_printf ("%d", w);
  height = g_strdup_printf ("%d", h);
  {
    const char *values[] = { (const char *) sha256, width, height, data };
    const int lengths[] = { 32, 0, 0, (int) len };
    const int formats[] = { 1, 0, 0, 1 };

    res = PQexecParams (conn,
                        "INSERT INTO blob_preview (sha256, width, height, png)"
                        " VALUES ($1, $2::integer, $3::integer, $4)"
                        " ON CONFLICT (sha256) DO NOTHING",
                        4, NULL, values, lengths, formats, 0);
  }
  if (res == NULL || PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      ins_store_set_error_from_result (error, conn, res);
      return FALSE;
    }
  return TRUE;
}

gboolean
ins_preview_store_fill (PGconn     *conn,
                        gint64      affaire_id,
                        GPtrArray  *attachments,
                        GError    **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, affaire_id);
  const char *params[] = { id };
  g_autoptr(PGresult) res = NULL;

  /* Binary results: the PNG as it is, the id as 8 big-endian bytes. */
  res = PQexecParams (conn,
                      "SELECT t.id, p.png FROM attachment t JOIN blob_preview p ON p.sha256 = t.sha256"
                      " WHERE t.affaire_id = $1::bigint",
                      1, NULL, params, NULL, NULL, 1);
  if (res == NULL || PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      ins_store_set_error_from_result (error, conn, res);
      return FALSE;
    }
  for (int i = 0; i < PQntuples (res); i++)
    {
      guint64 be;
      gint64 attachment_id;

      if (PQgetlength (res, i, 0) != 8)
        continue;
      memcpy (&be, PQgetvalue (res, i, 0), 8);
      attachment_id = (gint64) GUINT64_FROM_BE (be);
      for (guint j = 0; j < attachments->len; j++)
        {
          InsAttachmentInfo *a = attachments->pdata[j];

          if (a->id == attachment_id)
            {
              g_clear_pointer (&a->preview, g_bytes_unref);
              a->preview = g_bytes_new (PQgetvalue (res, i, 1), (gsize) PQgetlength (res, i, 1));
            }
        }
    }
  return TRUE;
}
