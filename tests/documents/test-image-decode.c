/* test-image-decode.c — receipts and photos decoded at display scale, upright */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "documents/ins-document-error.h"
#include "documents/ins-image-decode.h"
#include "documents/ins-renderer.h"
#include "doc-test-util.h"

#define BOX_W 800
#define BOX_H 1000

static void
test_every_receipt_at_display_scale (void)
{
  g_autoptr(GPtrArray) files = doc_test_corpus_files ("receipts", ".jpg");

  g_assert_cmpuint (files->len, >=, 20);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autoptr(GBytes) bytes = doc_test_read_bytes (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(InsPageImage) preview = NULL;
      g_autoptr(InsPageImage) image = NULL;
      int file_w = 0, file_h = 0;
      guint w = 0, h = 0;
      double f;

      g_assert_nonnull (gdk_pixbuf_get_file_info (path, &file_w, &file_h));
      g_assert_cmpint (ins_document_kind_sniff (bytes), ==, INS_DOCUMENT_KIND_JPEG);
      g_assert_true (ins_image_probe (bytes, 128, &w, &h, &preview, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (w, ==, (guint) file_w);
      g_assert_cmpuint (h, ==, (guint) file_h);
      g_assert_cmpuint (MAX (preview->width, preview->height), <=, 128);

      f = MIN ((double) BOX_W / w, (double) BOX_H / h);
      image = ins_image_decode (bytes, f, 0, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %u×%u (%zu bytes) shown at %u×%u", path, w, h,
                      g_bytes_get_size (bytes), image->width, image->height);
      /* Never decoded at full size: what is kept is what is shown. */
      g_assert_cmpuint (image->width, <=, BOX_W);
      g_assert_cmpuint (image->height, <=, BOX_H);
      g_assert_cmpuint (image->width, ==, MAX (1, (guint) lround (w * MIN (f, 1.0))));
      g_assert_cmpuint (g_bytes_get_size (image->pixels), <=, (gsize) BOX_W * BOX_H * 4);
      g_assert_cmpfloat (ins_page_image_ink_ratio (image, 20000), >, 0.001);
    }
}

static void
store (GObject *source, GAsyncResult *result, gpointer user_data)
{
  doc_test_store_result (source, result, user_data);
}

static void
test_receipt_through_renderer (void)
{
  g_autoptr(InsRenderer) renderer = ins_renderer_new ();
  g_autofree char *path = g_build_filename (doc_test_corpus_dir (), "receipts",
                                            "receipt-300.jpg", NULL);
  g_autoptr(GBytes) bytes = doc_test_read_bytes (path);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) doc = NULL;
  g_autoptr(InsPageImage) image = NULL;
  GAsyncResult *slot = NULL;
  double pw, ph, scale;
  int file_w = 0, file_h = 0;

  g_assert_nonnull (gdk_pixbuf_get_file_info (path, &file_w, &file_h));
  ins_renderer_open_async (renderer, "receipt", bytes, INS_RENDER_PRIORITY_VISIBLE, NULL,
                           store, &slot);
  r1 = doc_test_wait_result (&slot);
  doc = ins_renderer_open_finish (renderer, r1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ins_render_document_get_kind (doc), ==, INS_DOCUMENT_KIND_JPEG);
  g_assert_cmpuint (ins_render_document_get_n_pages (doc), ==, 1);
  g_assert_nonnull (ins_render_document_get_preview (doc));
  ins_render_document_get_page_size (doc, 0, &pw, &ph);
  g_assert_cmpfloat_with_epsilon (pw, file_w * 0.75, 0.01);
  g_assert_cmpfloat_with_epsilon (ph, file_h * 0.75, 0.01);

  /* 600 device pixels wide, turned a quarter clockwise. */
  scale = 600.0 / pw;
  ins_renderer_render_async (renderer, doc, 0, scale, 90, INS_RENDER_PRIORITY_VISIBLE, NULL,
                             store, &slot);
  r2 = doc_test_wait_result (&slot);
  image = ins_renderer_render_finish (renderer, r2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (image->height, ==, 600);
  g_assert_cmpuint (image->width, ==, (guint) lround (file_h * 600.0 / file_w));
}

/* A JPEG with an EXIF APP1 segment saying @orientation, built from a receipt. */
static GBytes *
jpeg_with_orientation (guint16 orientation)
{
  g_autofree char *path = g_build_filename (doc_test_corpus_dir (), "receipts",
                                            "receipt-000.jpg", NULL);
  g_autoptr(GBytes) jpeg = doc_test_read_bytes (path);
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);
  const guint8 tiff[] = {
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0, 42, 0, 0, 0, 8,             /* big-endian TIFF, IFD at 8 */
    0, 1,                                    /* one entry */
    0x01, 0x12, 0, 3, 0, 0, 0, 1,            /* Orientation, SHORT, count 1 */
    orientation >> 8, orientation & 0xff, 0, 0,
    0, 0, 0, 0,                              /* no next IFD */
  };
  const guint16 len = sizeof tiff + 2;
  GByteArray *out = g_byte_array_new ();
  const guint8 app1[] = { 0xff, 0xe1, len >> 8, len & 0xff };

  g_byte_array_append (out, data, 2);       /* SOI */
  g_byte_array_append (out, app1, sizeof app1);
  g_byte_array_append (out, tiff, sizeof tiff);
  g_byte_array_append (out, data + 2, size - 2);
  return g_byte_array_free_to_bytes (out);
}

static void
test_exif_orientation (void)
{
  g_autoptr(GBytes) upright = jpeg_with_orientation (1);
  g_autoptr(GBytes) turned = jpeg_with_orientation (6);   /* 90° clockwise */
  g_autoptr(GError) error = NULL;
  g_autoptr(InsPageImage) a = NULL, b = NULL;
  guint uw, uh, tw, th;

  g_assert_true (ins_image_probe (upright, 0, &uw, &uh, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ins_image_probe (turned, 0, &tw, &th, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (uw, <, uh);   /* receipts are portrait */
  g_assert_cmpuint (tw, ==, uh);
  g_assert_cmpuint (th, ==, uw);

  a = ins_image_decode (upright, 0.5, 0, &error);
  g_assert_no_error (error);
  b = ins_image_decode (turned, 0.5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->width, ==, b->height);
  g_assert_cmpuint (a->height, ==, b->width);
  g_assert_cmpuint (b->width, >, b->height);
}

static GBytes *
png_bytes (int width, int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xffffffff);
  for (int y = height / 4; y < height / 2; y++)
    {
      guint8 *row = gdk_pixbuf_get_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf);
      for (int x = width / 4; x < width / 2; x++)
        row[x * 4] = row[x * 4 + 1] = 0;   /* blue square */
    }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static guint32
crc32_png (const guint8 *p, gsize n)
{
  guint32 c = 0xffffffffu;

  for (gsize i = 0; i < n; i++)
    {
      c ^= p[i];
      for (int k = 0; k < 8; k++)
        c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
    }
  return c ^ 0xffffffffu;
}

static void
test_png (void)
{
  g_autoptr(GBytes) png = png_bytes (300, 200);
  g_autoptr(GError) error = NULL;
  g_autoptr(InsPageImage) image = NULL;
  guint8 huge[33 + 12] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                      0, 0, 0, 13, 'I', 'H', 'D', 'R',
                      0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0,   /* 100000 × 100000 */
                      8, 6, 0, 0, 0 };
  guint32 crc = crc32_png (huge + 12, 17);
  g_autoptr(GBytes) bomb = NULL;
  guint w, h;

  g_assert_cmpint (ins_document_kind_sniff (png), ==, INS_DOCUMENT_KIND_PNG);
  image = ins_image_decode (png, 0.5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (image->width, ==, 150);
  g_assert_cmpuint (image->height, ==, 100);
  /* The renderers' own format: nothing to convert when it is drawn. */
  g_assert_cmpint (image->format, ==, INS_PAGE_FORMAT_ARGB32_PREMULTIPLIED);
  g_assert_cmpuint (image->stride, ==, 150 * 4);
  g_assert_cmpfloat (ins_page_image_ink_ratio (image, 5000), >, 0.05);

  /* A header announcing ten billion pixels is refused before any decoding. */
  huge[29] = crc >> 24, huge[30] = crc >> 16, huge[31] = crc >> 8, huge[32] = crc;
  memcpy (huge + 33, "\0\0\0\0IDAT", 8);   /* an empty IDAT ends the header */
  crc = crc32_png (huge + 37, 4);
  huge[41] = crc >> 24, huge[42] = crc >> 16, huge[43] = crc >> 8, huge[44] = crc;
  bomb = g_bytes_new (huge, sizeof huge);
  g_assert_false (ins_image_probe (bomb, 64, &w, &h, NULL, &error));
  g_assert_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_TOO_LARGE);
}

static void
test_damaged_image (void)
{
  g_autofree char *path = g_build_filename (doc_test_corpus_dir (), "receipts",
                                            "receipt-030.jpg", NULL);
  g_autoptr(GBytes) full = doc_test_read_bytes (path);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (full, 0, 200);
  g_autoptr(GError) error = NULL;
  g_autoptr(InsPageImage) image = ins_image_decode (cut, 0.5, 0, &error);

  /* Cut after its header: an error, never a crash. */
  g_assert_null (image);
  g_assert_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_DAMAGED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  doc_test_init_renderer ();

  g_test_add_func ("/image/every-receipt-at-display-scale", test_every_receipt_at_display_scale);
  g_test_add_func ("/image/receipt-through-renderer", test_receipt_through_renderer);
  g_test_add_func ("/image/exif-orientation", test_exif_orientation);
  g_test_add_func ("/image/png", test_png);
  g_test_add_func ("/image/damaged", test_damaged_image);
  return g_test_run ();
}
