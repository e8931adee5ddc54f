/* test-first-page.c — a PDF opened with a first-page hint: the worker renders
 * page 1 right after the open, the caller's render joins it, the pixels are the
 * ones a plain render gives, and a bad document still fails cleanly */
#include "config.h"

#include <math.h>
#include <signal.h>
#include <string.h>

#include <cairo-pdf.h>

#include "documents/ins-document-error.h"
#include "documents/ins-renderer.h"
#include "doc-test-util.h"

#define TEXT_PDF "three_pages_with_number.pdf"
#define HINT_WIDTH 400.0

static GBytes *
corpus_bytes (const char *sub, const char *name)
{
  g_autofree char *path = g_build_filename (doc_test_corpus_dir (), sub, name, NULL);

  return doc_test_read_bytes (path);
}

static InsRenderDocument *
open_bytes (InsRenderer *renderer, const char *key, GBytes *bytes, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  ins_renderer_open_async (renderer, key, bytes, INS_RENDER_PRIORITY_VISIBLE, NULL,
                           doc_test_store_result, &slot);
  result = doc_test_wait_result (&slot);
  return ins_renderer_open_finish (renderer, result, error);
}

static InsPageImage *
render (InsRenderer *renderer, InsRenderDocument *doc, double scale, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  ins_renderer_render_async (renderer, doc, 0, scale, 0, INS_RENDER_PRIORITY_VISIBLE, NULL,
                             doc_test_store_result, &slot);
  result = doc_test_wait_result (&slot);
  return ins_renderer_render_finish (renderer, result, error);
}

static double
hinted_scale (InsRenderDocument *doc)
{
  double w, h;

  ins_render_document_get_page_size (doc, 0, &w, &h);
  return ins_renderer_scale_for_width (w, HINT_WIDTH);
}

static void
assert_same_pixels (const InsPageImage *a, const InsPageImage *b)
{
  const guint8 *pa = g_bytes_get_data (a->pixels, NULL);
  const guint8 *pb = g_bytes_get_data (b->pixels, NULL);

  g_assert_cmpuint (a->width, ==, b->width);
  g_assert_cmpuint (a->height, ==, b->height);
  for (guint y = 0; y < a->height; y++)
    g_assert_cmpmem (pa + (gsize) y * a->stride, a->width * 4, pb + (gsize) y * b->stride, b->width * 4);
}

/* Nobody asks for a render: the open alone puts page 1, at the hinted width,
 * in the cache, with the pixels a plain open then render gives. */
/* Page 1 as the renderer's cache holds it, once the open's early render landed
 * (NULL after two minutes). */
static InsPageImage *
wait_for_cached_page (InsRenderer *renderer, InsRenderDocument *doc, double scale, guint rotation)
{
  InsPageImage *cached = NULL;

  for (guint i = 0; i < 12000 && cached == NULL; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      cached = ins_renderer_lookup_page (renderer, doc, 0, scale, rotation);
      if (cached == NULL)
        g_usleep (10 * 1000);
    }
  return cached;
}

static void
test_rendered_with_the_open (void)
{
  const char *argv[] = { ins_renderer_find_helper (), NULL };
  g_autoptr(InsRenderer) hinted = ins_renderer_new_full (argv, FALSE);
  g_autoptr(InsRenderer) plain = ins_renderer_new_full (argv, FALSE);
  g_autoptr(GBytes) bytes = corpus_bytes ("pdf", TEXT_PDF);
  g_autoptr(InsRenderDocument) doc = NULL;
  g_autoptr(InsRenderDocument) plain_doc = NULL;
  g_autoptr(InsPageImage) expected = NULL;
  g_autoptr(InsPageImage) again = NULL;
  g_autoptr(GError) error = NULL;
  InsPageImage *cached = NULL;
  double scale;

  ins_renderer_hint_first_page (hinted, "text", HINT_WIDTH, 0);
  doc = open_bytes (hinted, "text", bytes, &error);
  g_assert_no_error (error);
  scale = hinted_scale (doc);
  cached = wait_for_cached_page (hinted, doc, scale, 0);
  g_assert_nonnull (cached);
  g_assert_cmpuint (cached->width, ==, (guint) HINT_WIDTH);
  g_assert_cmpfloat (ins_page_image_ink_ratio (cached, 400), >, 0.0);

  plain_doc = open_bytes (plain, "text", bytes, &error);
  g_assert_no_error (error);
  g_assert_null (ins_renderer_lookup_page (plain, plain_doc, 0, scale, 0));
  expected = render (plain, plain_doc, scale, &error);
  g_assert_no_error (error);
  assert_same_pixels (cached, expected);

  /* Asked for now, it is the cached image itself. */
  again = render (hinted, doc, scale, &error);
  g_assert_no_error (error);
  g_assert_true (again == cached);
}

static gboolean
process_stopped (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *end;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (end = strrchr (stat, ')')) == NULL)
    return FALSE;
  return end[1] == ' ' && end[2] == 'T';
}

/* Asks for page 1 at @scale from @doc's helper, which stops before each render,
 * waits until it has stopped once and lets it go: the page that comes back. */
static InsPageImage *
render_through_stopped_helper (InsRenderer *renderer, InsRenderDocument *doc, double scale)
{
  GPid pid = ins_render_document_get_helper_pid (doc);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;
  InsPageImage *image;

  g_assert_cmpint (pid, !=, 0);
  ins_renderer_render_async (renderer, doc, 0, scale, 0, INS_RENDER_PRIORITY_VISIBLE, NULL,
                             doc_test_store_result, &slot);
  for (guint i = 0; i < 12000 && !process_stopped (pid); i++)
    g_usleep (10 * 1000);
  g_assert_true (process_stopped (pid));
  g_assert_cmpint (kill (pid, SIGCONT), ==, 0);
  result = doc_test_wait_result (&slot);
  image = ins_renderer_render_finish (renderer, result, &error);
  g_assert_no_error (error);
  return image;
}

/* The helper stops before every render and is let go once: the caller's
 * render, asked while the hinted one waits in the helper, only completes if
 * it joined that one instead of queueing a second. */
static void
test_caller_joins_the_render_under_way (void)
{
  const char *argv[] = { ins_renderer_find_helper (), "--stop-before-render", NULL };
  g_autoptr(InsRenderer) renderer = ins_renderer_new_full (argv, FALSE);
  g_autoptr(GBytes) bytes = corpus_bytes ("pdf", TEXT_PDF);
  g_autoptr(InsRenderDocument) doc = NULL;
  g_autoptr(InsPageImage) image = NULL;
  g_autoptr(GError) error = NULL;
  GPid pid;

  ins_renderer_hint_first_page (renderer, "stopped", HINT_WIDTH, 0);
  doc = open_bytes (renderer, "stopped", bytes, &error);
  g_assert_no_error (error);
  pid = ins_render_document_get_helper_pid (doc);

  image = render_through_stopped_helper (renderer, doc, hinted_scale (doc));
  g_assert_cmpuint (image->width, ==, (guint) HINT_WIDTH);
  g_assert_true (ins_renderer_lookup_page (renderer, doc, 0, hinted_scale (doc), 0) == image);
  g_assert_cmpint (ins_render_document_get_helper_pid (doc), ==, pid);
}

/* A hint that does not match what the caller asks for costs a render, never
 * the wrong image; a turned first page is rendered turned. */
static void
test_other_scale_and_rotation (void)
{
  const char *argv[] = { ins_renderer_find_helper (), NULL };
  g_autoptr(InsRenderer) renderer = ins_renderer_new_full (argv, FALSE);
  g_autoptr(GBytes) bytes = corpus_bytes ("pdf", TEXT_PDF);
  g_autoptr(InsRenderDocument) doc = NULL;
  g_autoptr(InsRenderDocument) turned = NULL;
  g_autoptr(InsPageImage) image = NULL;
  g_autoptr(GError) error = NULL;
  double w, h, scale;
  InsPageImage *cached = NULL;

  ins_renderer_hint_first_page (renderer, "text", HINT_WIDTH, 0);
  doc = open_bytes (renderer, "text", bytes, &error);
  g_assert_no_error (error);
  image = render (renderer, doc, 0.5, &error);
  g_assert_no_error (error);
  ins_render_document_get_page_size (doc, 0, &w, &h);
  g_assert_cmpuint (image->width, ==, (guint) ceil (w * 0.5));

  /* 90°: the shown width is the page's height. */
  ins_renderer_hint_first_page (renderer, "turned", HINT_WIDTH, 90);
  turned = open_bytes (renderer, "turned", bytes, &error);
  g_assert_no_error (error);
  scale = ins_renderer_scale_for_width (h, HINT_WIDTH);
  cached = wait_for_cached_page (renderer, turned, scale, 90);
  g_assert_nonnull (cached);
  g_assert_cmpuint (cached->width, ==, (guint) HINT_WIDTH);
  g_assert_cmpuint (cached->height, ==, (guint) ceil (w * scale));
}

/* A damaged PDF with a hint fails as without one, and the renderer goes on;
 * an image ignores the hint. */
static void
test_bad_document_fails_cleanly (void)
{
  const char *argv[] = { ins_renderer_find_helper (), NULL };
  static const char damaged[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF\n";
  g_autoptr(InsRenderer) renderer = ins_renderer_new_full (argv, FALSE);
  g_autoptr(GBytes) bad = g_bytes_new_static (damaged, sizeof damaged - 1);
  g_autoptr(GBytes) jpeg = corpus_bytes ("receipts", "receipt-000.jpg");
  g_autoptr(GBytes) good = corpus_bytes ("pdf", TEXT_PDF);
  g_autoptr(InsRenderDocument) doc = NULL;
  g_autoptr(InsRenderDocument) image_doc = NULL;
  g_autoptr(InsPageImage) image = NULL;
  g_autoptr(GError) error = NULL;

  ins_renderer_hint_first_page (renderer, "bad", HINT_WIDTH, 0);
  doc = open_bytes (renderer, "bad", bad, &error);
  g_assert_null (doc);
  g_assert_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_DAMAGED);
  g_clear_error (&error);

  ins_renderer_hint_first_page (renderer, "jpeg", HINT_WIDTH, 0);
  image_doc = open_bytes (renderer, "jpeg", jpeg, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ins_render_document_get_kind (image_doc), ==, INS_DOCUMENT_KIND_JPEG);

  ins_renderer_hint_first_page (renderer, "good", HINT_WIDTH, 0);
  doc = open_bytes (renderer, "good", good, &error);
  g_assert_no_error (error);
  image = render (renderer, doc, hinted_scale (doc), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (image->width, ==, (guint) HINT_WIDTH);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A one-page PDF of some 400 KB of noise (incompressible): a scan's weight. */
static GBytes *
heavy_pdf (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (append_bytes, out, 300, 400);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 360, 360);
  guint32 *pixels = (guint32 *) cairo_image_surface_get_data (image);
  GRand *rand = g_rand_new_with_seed (3);
  cairo_t *cr;

  for (int i = 0; i < 360 * 360; i++)
    pixels[i] = g_rand_int (rand) & 0xffffff;
  cairo_surface_mark_dirty (image);
  cr = cairo_create (pdf);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  cairo_surface_finish (pdf);
  cairo_surface_destroy (pdf);
  g_rand_free (rand);
  return g_byte_array_free_to_bytes (out);
}

/* A scan's first page is not rendered ahead (it would take the CPU from the
 * placeholder's frames): with a helper stopping before each render and let go
 * once, the caller's own render at another scale is the only one. */
static void
test_heavy_pdf_not_rendered_ahead (void)
{
  const char *argv[] = { ins_renderer_find_helper (), "--stop-before-render", NULL };
  g_autoptr(InsRenderer) renderer = ins_renderer_new_full (argv, FALSE);
  g_autoptr(GBytes) bytes = heavy_pdf ();
  g_autoptr(InsRenderDocument) doc = NULL;
  g_autoptr(InsPageImage) image = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 300 * 1024);
  ins_renderer_hint_first_page (renderer, "heavy", HINT_WIDTH, 0);
  doc = open_bytes (renderer, "heavy", bytes, &error);
  g_assert_no_error (error);
  image = render_through_stopped_helper (renderer, doc, 0.25);
  g_assert_cmpuint (image->width, ==, 75);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  doc_test_init_renderer ();

  g_test_add_func ("/first-page/rendered-with-the-open", test_rendered_with_the_open);
  g_test_add_func ("/first-page/caller-joins-the-render-under-way", test_caller_joins_the_render_under_way);
  g_test_add_func ("/first-page/other-scale-and-rotation", test_other_scale_and_rotation);
  g_test_add_func ("/first-page/bad-document-fails-cleanly", test_bad_document_fails_cleanly);
  g_test_add_func ("/first-page/heavy-pdf-not-rendered-ahead", test_heavy_pdf_not_rendered_ahead);
  return g_test_run ();
}
