/* ins-image-decode.c — JPEG and PNG decoded at display scale */
#define G_LOG_DOMAIN "ins-documents"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "ins-document-error.h"
#include "ins-image-decode.h"

InsDocumentKind
ins_document_kind_sniff (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return INS_DOCUMENT_KIND_JPEG;
  if (size >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return INS_DOCUMENT_KIND_PNG;
  /* PDF readers accept the header anywhere in the first kilobyte. */
  for (gsize i = 0; i + 5 <= MIN (size, 1024); i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return INS_DOCUMENT_KIND_PDF;
  return INS_DOCUMENT_KIND_UNKNOWN;
}

typedef struct {
  guint max_w, max_h;   /* when probing: fit in this box */
  double factor;        /* when decoding: scale by this */
  guint width, height;  /* of the file, as stored */
  gboolean too_large;
} SizeRequest;

static void
on_size_prepared (GdkPixbufLoader *loader, int width, int height, SizeRequest *req)
{
  double f;

  req->width = (guint) width;
  req->height = (guint) height;
  if ((guint64) width * (guint64) height > INS_IMAGE_MAX_PIXELS || width <= 0 || height <= 0)
    {
      req->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 1, 1);
      return;
    }
  if (req->max_w > 0)
    f = MIN ((double) req->max_w / width, (double) req->max_h / height);
  else
    f = req->factor;
  f = MIN (f, 1.0);
  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) lround (width * f)),
                              MAX (1, (int) lround (height * f)));
}

/* The decoded pixbuf, as stored (see its "orientation" option); also the
 * file's size in @req. */
static GdkPixbuf *
load (GBytes *bytes, SizeRequest *req, GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0, off = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  const gsize chunk = 64 * 1024;
  GdkPixbuf *pixbuf;

  switch (ins_document_kind_sniff (bytes))
    {
    case INS_DOCUMENT_KIND_JPEG:
      loader = gdk_pixbuf_loader_new_with_type ("jpeg", &local_error);
      break;
    case INS_DOCUMENT_KIND_PNG:
      loader = gdk_pixbuf_loader_new_with_type ("png", &local_error);
      break;
    default:
      g_set_error_literal (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_UNSUPPORTED,
                           "not a JPEG or PNG image");
      return NULL;
    }
  if (loader == NULL)
    {
      g_set_error_literal (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_UNSUPPORTED,
                           local_error->message);
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), req);

  while (off < size && !req->too_large)
    {
      gsize n = MIN (chunk, size - off);
      if (!gdk_pixbuf_loader_write (loader, data + off, n, &local_error))
        break;
      off += n;
    }
  if (!gdk_pixbuf_loader_close (loader, local_error ? NULL : &local_error) || req->too_large
      || local_error != NULL)
    {
      if (req->too_large)
        g_set_error_literal (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_TOO_LARGE,
                             "image too large");
      else
        g_set_error_literal (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_DAMAGED,
                             local_error ? local_error->message : "cannot decode");
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_DAMAGED,
                           "cannot decode");
      return NULL;
    }
  return g_object_ref (pixbuf);
}

/* In cairo's premultiplied ARGB32, as the PDF pages come: converted once here,
 * on a worker thread, rather than by the renderer in every frame that draws it. */
static InsPageImage *
page_image_from_pixbuf (GdkPixbuf *pixbuf)
{
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  guint width = (guint) gdk_pixbuf_get_width (pixbuf);
  guint height = (guint) gdk_pixbuf_get_height (pixbuf);
  gsize in_stride = (gsize) gdk_pixbuf_get_rowstride (pixbuf);
  gsize stride = (gsize) width * 4;
  const guint8 *in = gdk_pixbuf_read_pixels (pixbuf);
  guint n = alpha ? 4 : 3;
  guint32 *out;
  g_autoptr(GBytes) pixels = NULL;
  InsPageImage *image;

  g_return_val_if_fail (gdk_pixbuf_get_bits_per_sample (pixbuf) == 8, NULL);
  g_return_val_if_fail (gdk_pixbuf_get_n_channels (pixbuf) == (int) n, NULL);
  out = g_malloc (stride * height);
  for (guint y = 0; y < height; y++)
    {
      const guint8 *p = in + y * in_stride;
      guint32 *q = out + (gsize) y * width;

      for (guint x = 0; x < width; x++, p += n)
        {
          guint32 a = alpha ? p[3] : 255;
          guint32 r = p[0], g = p[1], b = p[2];

          if (a != 255)
            {
              r = (r * a + 127) / 255;
              g = (g * a + 127) / 255;
              b = (b * a + 127) / 255;
            }
          q[x] = a << 24 | r << 16 | g << 8 | b;
        }
    }
  pixels = g_bytes_new_take (out, stride * height);
  image = ins_page_image_new (width, height, stride, INS_PAGE_FORMAT_ARGB32_PREMULTIPLIED, pixels);
  image->opaque = !alpha;
  return image;
}

/* Whether the EXIF orientation swaps width and height (5 to 8). */
static gboolean
orientation_swaps (GdkPixbuf *pixbuf)
{
  const char *o = gdk_pixbuf_get_option (pixbuf, "orientation");
  int v = o ? atoi (o) : 1;

  return v >= 5 && v <= 8;
}

gboolean
ins_image_probe (GBytes        *bytes,
                 guint          preview_side,
                 guint         *width,
                 guint         *height,
                 InsPageImage **preview,
                 GError       **error)
{
  SizeRequest req = { .max_w = MAX (preview_side, 8), .max_h = MAX (preview_side, 8) };
  g_autoptr(GdkPixbuf) stored = load (bytes, &req, error);
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (stored == NULL)
    return FALSE;
  pixbuf = gdk_pixbuf_apply_embedded_orientation (stored);
  if (orientation_swaps (stored))
    {
      *width = req.height;
      *height = req.width;
    }
  else
    {
      *width = req.width;
      *height = req.height;
    }
  if (preview != NULL)
    *preview = preview_side > 0 ? page_image_from_pixbuf (pixbuf) : NULL;
  return TRUE;
}

InsPageImage *
ins_image_decode (GBytes  *bytes,
                  double   factor,
                  guint    rotation,
                  GError **error)
{
  SizeRequest req = { .factor = factor };
  g_autoptr(GdkPixbuf) stored = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) turned = NULL;

  if (!(factor > 0))
    {
      g_set_error_literal (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_FAILED, "bad scale");
      return NULL;
    }
  stored = load (bytes, &req, error);
  if (stored == NULL)
    return NULL;
  pixbuf = gdk_pixbuf_apply_embedded_orientation (stored);
  switch (rotation)
    {
    case 90:
      turned = gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_CLOCKWISE);
      break;
    case 180:
      turned = gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_UPSIDEDOWN);
      break;
    case 270:
      turned = gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
      break;
    default:
      turned = g_object_ref (pixbuf);
      break;
    }
  return page_image_from_pixbuf (turned);
}
