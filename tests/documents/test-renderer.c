/* test-renderer.c — the out-of-process renderer on real PDFs, crashes and hangs */
#include "config.h"

#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "documents/ins-document-error.h"
#include "documents/ins-render-protocol.h"
#include "documents/ins-renderer.h"
#include "doc-test-util.h"

static const char * const protected_pdfs[] = {
  "issue21579.pdf", "issue3371.pdf", "issue6010_1.pdf", "issue6010_2.pdf", "saslprep-r6.pdf",
};

/* The page count pdfinfo (poppler-utils, another process) reports, or 0 when it
 * cannot open the file. */
static guint
pdfinfo_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  line = strstr (out, "\nPages:");
  return line ? (guint) g_ascii_strtoull (line + 7, NULL, 10) : 0;
}

/* The fraction of dark pixels of page 1 rendered by pdftoppm (another process,
 * another rasteriser) at 36 dpi, the scale 0.5 of the test; -1 when it fails. */
static double
pdftoppm_ink (const char *path)
{
  const char *argv[] = { "pdftoppm", "-r", "36", "-f", "1", "-l", "1", "-gray", path, NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  gsize size, w, h, off, inked = 0;
  char *end;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (out, &size);
  if (size < 16 || data[0] != 'P' || data[1] != '5')
    return -1;
  w = g_ascii_strtoull ((const char *) data + 3, &end, 10);
  h = g_ascii_strtoull (end, &end, 10);
  g_ascii_strtoull (end, &end, 10);
  off = (gsize) (end - (const char *) data) + 1;
  if (w == 0 || h == 0 || off + w * h > size)
    return -1;
  for (gsize i = 0; i < w * h; i++)
    if (data[off + i] < 200)
      inked++;
  return (double) inked / (w * h);
}

static gboolean
is_protected (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  for (guint i = 0; i < G_N_ELEMENTS (protected_pdfs); i++)
    if (g_str_equal (base, protected_pdfs[i]))
      return TRUE;
  return FALSE;
}

static InsRenderDocument *
open_file (InsRenderer *renderer, const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = doc_test_read_bytes (path);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  ins_renderer_open_async (renderer, path, bytes, INS_RENDER_PRIORITY_VISIBLE, NULL,
                           doc_test_store_result, &slot);
  result = doc_test_wait_result (&slot);
  return ins_renderer_open_finish (renderer, result, error);
}

static InsPageImage *
render (InsRenderer *renderer, InsRenderDocument *doc, guint page, double scale,
        guint rotation, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  ins_renderer_render_async (renderer, doc, page, scale, rotation, INS_RENDER_PRIORITY_VISIBLE,
                             NULL, doc_test_store_result, &slot);
  result = doc_test_wait_result (&slot);
  return ins_renderer_render_finish (renderer, result, error);
}

static void
test_every_corpus_pdf (void)
{
  g_autoptr(InsRenderer) renderer = ins_renderer_new ();
  g_autoptr(GPtrArray) files = doc_test_corpus_files ("pdf", ".pdf");
  guint opened = 0, refused = 0;

  g_assert_cmpuint (files->len, >=, 50);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      guint expected = pdfinfo_pages (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(InsRenderDocument) doc = open_file (renderer, path, &error);

      g_test_message ("%s: %s", path, doc ? "opened" : error->message);
      if (is_protected (path))
        {
          g_assert_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_ENCRYPTED);
          g_assert_cmpuint (expected, ==, 0);
          refused++;
          continue;
        }
      if (expected == 0)
        {
          /* pdfinfo cannot read it either: a clean error is the right answer. */
          g_assert_nonnull (error);
          g_assert_true (error->domain == INS_DOCUMENT_ERROR);
          refused++;
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (ins_render_document_get_n_pages (doc), ==, expected);
      g_assert_cmpint (ins_render_document_get_kind (doc), ==, INS_DOCUMENT_KIND_PDF);
      opened++;

      for (guint p = 0; p < MIN (expected, 2); p++)
        {
          double w, h;
          g_autoptr(InsPageImage) image = NULL;

          ins_render_document_get_page_size (doc, p, &w, &h);
          image = render (renderer, doc, p, 0.5, 0, &error);
          /* A page poppler cannot draw is an error for that page, not a crash. */
          if (image == NULL)
            {
              g_assert_true (error->domain == INS_DOCUMENT_ERROR);
              g_clear_error (&error);
              continue;
            }
          g_assert_cmpuint (image->width, ==, (guint) ceil (w * 0.5));
          g_assert_cmpuint (image->height, ==, (guint) ceil (h * 0.5));
          g_assert_cmpuint (image->stride, >=, image->width * 4);
          /* Where pdftoppm draws a visible page, so do we. */
          if (p == 0 && pdftoppm_ink (path) > 0.005)
            g_assert_cmpfloat (ins_page_image_ink_ratio (image, 20000), >, 0.0005);
        }
    }
  g_assert_cmpuint (refused, >=, G_N_ELEMENTS (protected_pdfs));
  g_assert_cmpuint (opened + refused, ==, files->len);
}

static void
test_not_a_document (void)
{
  g_autoptr(InsRenderer) renderer = ins_renderer_new ();
  g_autoptr(GBytes) garbage = g_bytes_new_static ("%PDF-1.4\n%garbage, not a pdf\n", 29);
  g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL;
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL;
  GAsyncResult *slot = NULL;

  ins_renderer_open_async (renderer, "garbage", garbage, 0, NULL, doc_test_store_result, &slot);
  r1 = doc_test_wait_result (&slot);
  g_assert_null (ins_renderer_open_finish (renderer, r1, &e1));
  g_assert_error (e1, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_DAMAGED);

  ins_renderer_open_async (renderer, "text", text, 0, NULL, doc_test_store_result, &slot);
  r2 = doc_test_wait_result (&slot);
  g_assert_null (ins_renderer_open_finish (renderer, r2, &e2));
  g_assert_error (e2, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_UNSUPPORTED);

  /* A failed key fails again at once, without a new process. */
  ins_renderer_open_async (renderer, "garbage", garbage, 0, NULL, doc_test_store_result, &slot);
  r3 = doc_test_wait_result (&slot);
  g_assert_null (ins_renderer_open_finish (renderer, r3, &e3));
  g_assert_error (e3, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_DAMAGED);
  g_assert_cmpstr (ins_document_error_message (e3->code), !=, "");
}

static char *
corpus_pdf (const char *name)
{
  return g_build_filename (doc_test_corpus_dir (), "pdf", name, NULL);
}

static void
test_rotation (void)
{
  g_autoptr(InsRenderer) renderer = ins_renderer_new ();
  g_autofree char *path = corpus_pdf ("three_pages_with_number.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) doc = open_file (renderer, path, &error);
  double w, h;

  g_assert_no_error (error);
  ins_render_document_get_page_size (doc, 1, &w, &h);
  g_assert_cmpfloat (w, !=, h);
  for (guint rotation = 0; rotation < 360; rotation += 90)
    {
      g_autoptr(InsPageImage) image = render (renderer, doc, 1, 1.0, rotation, &error);
      gboolean turned = rotation == 90 || rotation == 270;

      g_assert_no_error (error);
      g_assert_cmpuint (image->width, ==, (guint) ceil (turned ? h : w));
      g_assert_cmpuint (image->height, ==, (guint) ceil (turned ? w : h));
      g_assert_cmpfloat (ins_page_image_ink_ratio (image, 4000), >, 0.0);
    }

  /* A bad request is an error, not a crash. */
  g_assert_null (render (renderer, doc, 7, 1.0, 0, &error));
  g_assert_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (render (renderer, doc, 0, 1.0, 45, &error));
  g_assert_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_FAILED);
}

/* The nice value of process @pid (field 19 of /proc/PID/stat). */
/* Field @n (numbered from 1 as in proc(5)) of /proc/PID/stat. */
static long
stat_field (GPid pid, guint n)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (g_file_get_contents (path, &stat, NULL, NULL));
  fields = g_strsplit (strrchr (stat, ')') + 2, " ", -1);
  g_assert_cmpuint (g_strv_length (fields), >, n - 3);
  return atol (fields[n - 3]);
}

static int
nice_of (GPid pid)
{
  return (int) stat_field (pid, 19);
}

/* Renders run at a lower priority than the window that waits for them; the
 * window's own priority is left alone. */
static void
test_helper_yields_to_window (void)
{
  g_autoptr(InsRenderer) renderer = ins_renderer_new ();
  g_autofree char *path = corpus_pdf ("three_pages_with_number.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) doc = open_file (renderer, path, &error);
  g_autoptr(InsPageImage) image = NULL;
  int own = nice_of (getpid ());

  /* The helper goes down to its own niceness, never up from ours. */
  if (own >= INS_RENDER_DEFAULT_NICE)
    {
      g_test_skip ("the test runs at the helper's priority or lower already");
      return;
    }
  g_assert_no_error (error);
  image = render (renderer, doc, 0, 0.5, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (image);
  g_assert_cmpint (ins_render_document_get_helper_pid (doc), >, 0);
  g_assert_cmpint (nice_of (ins_render_document_get_helper_pid (doc)), >, own);
  g_assert_cmpint (nice_of (getpid ()), ==, own);
}

/* An A4 page holding one image of 2480×3508 pixels, a 300-dpi scan, in a
 * temporary PDF file. */
static char *
scan_pdf_file (void)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("test-scan-XXXXXX.pdf", &path, &error);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2480, 3508);
  cairo_surface_t *pdf;
  cairo_t *cr;

  g_assert_no_error (error);
  close (fd);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 0.95, 0.95, 0.9);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.2);
  for (int line = 0; line < 40; line++)
    cairo_rectangle (cr, 240, 300 + line * 75, 1200 + (line * 37) % 800, 30);
  cairo_fill (cr);
  cairo_destroy (cr);

  pdf = cairo_pdf_surface_create (path, 595.28, 841.89);
  cr = cairo_create (pdf);
  cairo_scale (cr, 595.28 / 2480, 841.89 / 3508);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (image);
  return path;
}

static gboolean
huge_pages_on_request (void)
{
  g_autofree char *mode = NULL;

  return g_file_get_contents ("/sys/kernel/mm/transparent_hugepage/enabled", &mode, NULL, NULL)
         && (strstr (mode, "[always]") != NULL || strstr (mode, "[madvise]") != NULL);
}

/* Poppler draws a scan from a full-size image it allocates at each render; the
 * helper asks glibc for huge pages for such blocks, so that the render does not
 * fault them in 4 KiB at a time. */
static void
test_scan_drawn_in_huge_pages (void)
{
  g_autoptr(InsRenderer) renderer = ins_renderer_new ();
  g_autofree char *path = scan_pdf_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) doc = open_file (renderer, path, &error);
  g_autoptr(InsPageImage) image = NULL;
  g_autofree char *environ_path = NULL;
  g_autofree char *environ_text = NULL;
  gsize environ_size;
  long full_image_pages = 2480L * 3508 * 4 / sysconf (_SC_PAGESIZE);
  long faults;
  GPid pid;

  g_unlink (path);
  g_assert_no_error (error);
  /* A first render starts the helper and maps its libraries. */
  image = render (renderer, doc, 0, 0.2, 0, &error);
  g_assert_no_error (error);
  pid = ins_render_document_get_helper_pid (doc);
  g_assert_cmpint (pid, >, 0);

  environ_path = g_strdup_printf ("/proc/%d/environ", (int) pid);
  g_assert_true (g_file_get_contents (environ_path, &environ_text, &environ_size, NULL));
  for (gsize i = 0; i + 1 < environ_size; i++)
    if (environ_text[i] == '\0')
      environ_text[i] = '\n';
  g_assert_nonnull (strstr (environ_text, "glibc.malloc.hugetlb=1"));

  faults = stat_field (pid, 10);
  g_clear_pointer (&image, ins_page_image_unref);
  image = render (renderer, doc, 0, 106.0 / 72, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (image->width, ==, 877);
  faults = stat_field (pid, 10) - faults;
  g_test_message ("helper page faults rendering the scan: %ld (the full image spans %ld pages)",
                  faults, full_image_pages);
  if (!huge_pages_on_request ())
    {
      g_test_skip ("transparent huge pages are off on this machine");
      return;
    }
  g_assert_cmpint (faults, <, full_image_pages / 2);
}

/* Whether process @pid is stopped (state T in /proc/PID/stat). */
static gboolean
is_stopped (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *paren;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return FALSE;
  paren = strrchr (stat, ')');
  return paren != NULL && paren[1] == ' ' && paren[2] == 'T';
}

/* Waits (bounded) until the document's helper is stopped before a render. */
static GPid
wait_helper_stopped (InsRenderDocument *doc)
{
  for (guint i = 0; i < 6000; i++)
    {
      GPid pid = ins_render_document_get_helper_pid (doc);

      if (pid != 0 && is_stopped (pid))
        return pid;
      g_usleep (10 * 1000);
    }
  g_assert_not_reached ();
}

static InsRenderer *
stopping_renderer (void)
{
  const char *argv[] = { ins_renderer_find_helper (), "--stop-before-render", NULL };

  return ins_renderer_new_for_helper (argv);
}

static void
test_killed_mid_render (void)
{
  g_autoptr(InsRenderer) renderer = stopping_renderer ();
  g_autofree char *path = corpus_pdf ("three_pages_with_number.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) doc = open_file (renderer, path, &error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InsPageImage) image = NULL;
  GAsyncResult *slot = NULL;
  GPid first, second;

  g_assert_no_error (error);
  ins_renderer_render_async (renderer, doc, 0, 1.0, 0, INS_RENDER_PRIORITY_VISIBLE, NULL,
                             doc_test_store_result, &slot);
  first = wait_helper_stopped (doc);
  g_assert_cmpint (kill (first, SIGKILL), ==, 0);
  result = doc_test_wait_result (&slot);
  g_assert_null (ins_renderer_render_finish (renderer, result, &error));
  g_assert_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_CRASHED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* The next request gets a new helper, which opens the document again. */
  ins_renderer_render_async (renderer, doc, 0, 1.0, 0, INS_RENDER_PRIORITY_VISIBLE, NULL,
                             doc_test_store_result, &slot);
  second = wait_helper_stopped (doc);
  g_assert_cmpint (second, !=, first);
  g_assert_cmpint (kill (second, SIGCONT), ==, 0);
  result = doc_test_wait_result (&slot);
  image = ins_renderer_render_finish (renderer, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (image->width, >, 0);
}

static void
test_hung_helper_times_out (void)
{
  g_autoptr(InsRenderer) renderer = stopping_renderer ();
  g_autofree char *path = corpus_pdf ("three_pages_with_number.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) doc = open_file (renderer, path, &error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(InsPageImage) image = NULL;
  GAsyncResult *slot = NULL;
  GPid hung;

  g_assert_no_error (error);
  ins_renderer_set_timeout_ms (renderer, 300);
  ins_renderer_render_async (renderer, doc, 2, 1.0, 0, INS_RENDER_PRIORITY_VISIBLE, NULL,
                             doc_test_store_result, &slot);
  hung = ins_render_document_get_helper_pid (doc);
  result = doc_test_wait_result (&slot);
  g_assert_null (ins_renderer_render_finish (renderer, result, &error));
  g_assert_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_TIMEOUT);
  g_clear_error (&error);
  g_clear_object (&result);
  /* The hung process was killed and let go. */
  g_assert_cmpint (ins_render_document_get_helper_pid (doc), ==, 0);
  g_assert_cmpint (hung, !=, 0);

  ins_renderer_set_timeout_ms (renderer, 60000);
  ins_renderer_render_async (renderer, doc, 2, 1.0, 0, INS_RENDER_PRIORITY_VISIBLE, NULL,
                             doc_test_store_result, &slot);
  g_assert_cmpint (kill (wait_helper_stopped (doc), SIGCONT), ==, 0);
  result = doc_test_wait_result (&slot);
  image = ins_renderer_render_finish (renderer, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (image->height, >, image->width);
}

static void
test_cache_budget (void)
{
  g_autoptr(InsRenderer) renderer = ins_renderer_new ();
  InsPageCache *cache = ins_renderer_get_cache (renderer);
  g_autofree char *path = corpus_pdf ("three_pages_with_number.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) doc = open_file (renderer, path, &error);
  gsize page_bytes;

  g_assert_no_error (error);
  {
    g_autoptr(InsPageImage) one = render (renderer, doc, 0, 1.0, 0, &error);
    g_assert_no_error (error);
    page_bytes = ins_page_image_get_size (one);
  }
  /* Room for two pages at scale 1, not three. */
  ins_page_cache_set_budget (cache, page_bytes * 2 + page_bytes / 2);
  for (guint round = 0; round < 2; round++)
    for (guint p = 0; p < 3; p++)
      {
        g_autoptr(InsPageImage) image = render (renderer, doc, p, 1.0, 0, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (ins_page_cache_get_size (cache), <=, ins_page_cache_get_budget (cache));
        g_assert_nonnull (ins_renderer_lookup_page (renderer, doc, p, 1.0, 0));
      }
  g_assert_cmpuint (ins_page_cache_get_n_entries (cache), ==, 2);
  g_assert_null (ins_renderer_lookup_page (renderer, doc, 0, 1.0, 0));
}

static void
on_shared_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  guint *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsPageImage) image = ins_renderer_render_finish (INS_RENDERER (source), result,
                                                              &error);

  g_assert_no_error (error);
  g_assert_cmpuint (image->width, >, 0);
  (*done)++;
}

static void
test_identical_requests_share_one_render (void)
{
  g_autoptr(InsRenderer) renderer = ins_renderer_new ();
  g_autofree char *path = corpus_pdf ("paragraph_and_link.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) doc = open_file (renderer, path, &error);
  guint done = 0;
  InsPageImage *cached;

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    ins_renderer_render_async (renderer, doc, 1, 0.75, 0,
                               i == 3 ? INS_RENDER_PRIORITY_VISIBLE : INS_RENDER_PRIORITY_PREFETCH,
                               NULL, on_shared_done, &done);
  while (done < 4)
    g_main_context_iteration (NULL, TRUE);
  cached = ins_renderer_lookup_page (renderer, doc, 1, 0.75, 0);
  g_assert_nonnull (cached);
  g_assert_cmpuint (ins_page_cache_get_n_entries (ins_renderer_get_cache (renderer)), ==, 1);
}

/* Until the worker hands a finished job back to this thread, without letting
 * it be dispatched. */
static void
wait_until_posted (void)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!g_main_context_pending (NULL))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }
}

/* A request that joins a job the worker skipped because every request it had
 * was cancelled (the previous affaire's prefetch, a page asked again) gets
 * its document and its page, never a "cancelled" it did not ask for: the
 * view would wait for a page that never comes. */
static void
test_joined_after_cancel (void)
{
  const char *argv[] = { ins_renderer_find_helper (), NULL };
  g_autoptr(InsRenderer) renderer = ins_renderer_new_full (argv, FALSE);
  g_autofree char *path = corpus_pdf ("three_pages_with_number.pdf");
  g_autoptr(GBytes) bytes = doc_test_read_bytes (path);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GAsyncResult) gone_result = NULL, wanted_result = NULL;
  g_autoptr(InsRenderDocument) doc = NULL;
  g_autoptr(InsRenderDocument) gone_doc = NULL;
  g_autoptr(InsPageImage) image = NULL, gone_image = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *gone = NULL, *wanted = NULL;

  g_cancellable_cancel (cancelled);

  ins_renderer_open_async (renderer, "joined", bytes, INS_RENDER_PRIORITY_PREFETCH, cancelled,
                           doc_test_store_result, &gone);
  wait_until_posted ();
  ins_renderer_open_async (renderer, "joined", bytes, INS_RENDER_PRIORITY_VISIBLE, NULL,
                           doc_test_store_result, &wanted);
  wanted_result = doc_test_wait_result (&wanted);
  doc = ins_renderer_open_finish (renderer, wanted_result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ins_render_document_get_n_pages (doc), ==, 3);
  gone_result = doc_test_wait_result (&gone);
  gone_doc = ins_renderer_open_finish (renderer, gone_result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (gone_doc);
  g_clear_error (&error);
  g_clear_object (&gone_result);
  g_clear_object (&wanted_result);

  ins_renderer_render_async (renderer, doc, 1, 0.5, 0, INS_RENDER_PRIORITY_PREFETCH, cancelled,
                             doc_test_store_result, &gone);
  wait_until_posted ();
  ins_renderer_render_async (renderer, doc, 1, 0.5, 0, INS_RENDER_PRIORITY_VISIBLE, NULL,
                             doc_test_store_result, &wanted);
  wanted_result = doc_test_wait_result (&wanted);
  image = ins_renderer_render_finish (renderer, wanted_result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (image);
  g_assert_cmpuint (image->width, >, 0);
  g_assert_true (ins_renderer_lookup_page (renderer, doc, 1, 0.5, 0) == image);
  gone_result = doc_test_wait_result (&gone);
  gone_image = ins_renderer_render_finish (renderer, gone_result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (gone_image);
}

/* Pixels the app would fault on (shrunk) or that their sender could still
 * change (unsealed), or no pixels at all: refused as a broken helper, never a
 * crash of the app. */
static void
test_unsafe_pixels_refused (void)
{
  const char * const modes[] = { "unsealed", "shrunk", "no-fd" };
  g_autofree char *fake = g_test_build_filename (G_TEST_DIST, "documents", "fake-renderer.py", NULL);
  g_autofree char *path = g_build_filename (doc_test_corpus_dir (), "pdf",
                                            "three_pages_with_number.pdf", NULL);
  g_autoptr(GBytes) bytes = doc_test_read_bytes (path);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      const char *argv[] = { "/usr/bin/python3", fake, modes[i], NULL };
      g_autoptr(InsRenderer) renderer = ins_renderer_new_full (argv, FALSE);
      g_autoptr(InsRenderDocument) doc = NULL;
      g_autoptr(InsPageImage) image = NULL;
      g_autoptr(GAsyncResult) opened = NULL, rendered = NULL;
      g_autoptr(GError) error = NULL;
      GAsyncResult *slot = NULL;

      g_test_message ("mode %s", modes[i]);
      ins_renderer_open_async (renderer, modes[i], bytes, INS_RENDER_PRIORITY_VISIBLE, NULL,
                               doc_test_store_result, &slot);
      opened = doc_test_wait_result (&slot);
      doc = ins_renderer_open_finish (renderer, opened, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ins_render_document_get_n_pages (doc), ==, 1);
      ins_renderer_render_async (renderer, doc, 0, 1.0, 0, INS_RENDER_PRIORITY_VISIBLE, NULL,
                                 doc_test_store_result, &slot);
      rendered = doc_test_wait_result (&slot);
      image = ins_renderer_render_finish (renderer, rendered, &error);
      g_assert_null (image);
      g_assert_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_CRASHED);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  doc_test_init_renderer ();

  g_test_add_func ("/renderer/every-corpus-pdf", test_every_corpus_pdf);
  g_test_add_func ("/renderer/not-a-document", test_not_a_document);
  g_test_add_func ("/renderer/rotation", test_rotation);
  g_test_add_func ("/renderer/helper-yields-to-window", test_helper_yields_to_window);
  g_test_add_func ("/renderer/scan-drawn-in-huge-pages", test_scan_drawn_in_huge_pages);
  g_test_add_func ("/renderer/killed-mid-render", test_killed_mid_render);
  g_test_add_func ("/renderer/hung-helper-times-out", test_hung_helper_times_out);
  g_test_add_func ("/renderer/cache-budget", test_cache_budget);
  g_test_add_func ("/renderer/identical-requests", test_identical_requests_share_one_render);
  g_test_add_func ("/renderer/joined-after-cancel", test_joined_after_cancel);
  g_test_add_func ("/renderer/unsafe-pixels-refused", test_unsafe_pixels_refused);
  return g_test_run ();
}
