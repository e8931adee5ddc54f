/* test-probe.c — attachments by content, probed out of process: real PDFs,
 * password-protected and damaged ones, images, and helpers that hang or crash */
#include "config.h"

#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "ingest/ins-attachment-content.h"
#include "ingest/ins-import-error.h"
#include "ingest/ins-probe.h"
#include "ingest/ins-submission.h"
#include "ins-ingest-test-util.h"

static GBytes *
data_file (const char *dir, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "submissions", dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static InsProbeResult
probe (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  InsProbeResult result;

  g_assert_true (ins_probe_bytes (bytes, NULL, &result, &error));
  g_assert_no_error (error);
  return result;
}

static void
test_sniff (void)
{
  g_autoptr(GBytes) pdf = data_file ("se-valid", "facture-hopital.pdf");
  g_autoptr(GBytes) jpeg = data_file ("se-valid", "recu-pharmacie.jpg");
  g_autoptr(GBytes) png = data_file ("se-damaged-pdf", "ordonnance.png");
  const guint8 *d;
  gsize len;
  static const char late_header[] = "\r\n\r\n%PDF-1.4\n";

  d = g_bytes_get_data (pdf, &len);
  g_assert_cmpstr (ins_attachment_sniff (d, len), ==, "application/pdf");
  d = g_bytes_get_data (jpeg, &len);
  g_assert_cmpstr (ins_attachment_sniff (d, len), ==, "image/jpeg");
  d = g_bytes_get_data (png, &len);
  g_assert_cmpstr (ins_attachment_sniff (d, len), ==, "image/png");
  g_assert_cmpstr (ins_attachment_sniff ((const guint8 *) late_header, strlen (late_header)), ==, "application/pdf");
  g_assert_cmpstr (ins_attachment_sniff ((const guint8 *) "GIF89a....", 10), ==, "application/octet-stream");
  g_assert_cmpstr (ins_attachment_sniff ((const guint8 *) "", 0), ==, "application/octet-stream");
  g_assert_cmpstr (ins_attachment_sniff ((const guint8 *) "\xff\xd8", 2), ==, "application/octet-stream");
}

static void
test_readable (void)
{
  g_autoptr(GBytes) pdf = data_file ("se-valid", "facture-hopital.pdf");
  g_autoptr(GBytes) jpeg = data_file ("se-valid", "recu-pharmacie.jpg");
  g_autoptr(GBytes) png = data_file ("se-damaged-pdf", "ordonnance.png");
  InsProbeResult r;

  r = probe (pdf);
  g_assert_cmpint (r.verdict, ==, INS_PROBE_PDF);
  g_assert_cmpint (r.pages, ==, 3);
  g_assert_null (ins_probe_result_reason (&r));
  r = probe (jpeg);
  g_assert_cmpint (r.verdict, ==, INS_PROBE_IMAGE);
  g_assert_cmpint (r.width, ==, 463);
  g_assert_cmpint (r.height, ==, 1013);
  r = probe (png);
  g_assert_cmpint (r.verdict, ==, INS_PROBE_IMAGE);
  g_assert_cmpint (r.width, ==, 60);
  g_assert_cmpint (r.height, ==, 80);
}

static void
test_protected (void)
{
  static const char *files[] = {
    "issue21579.pdf", "issue3371.pdf", "issue6010_1.pdf", "issue6010_2.pdf", "saslprep-r6.pdf",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GBytes) bytes = data_file ("protected-pdfs", files[i]);
      InsProbeResult r = probe (bytes);
      g_autofree char *reason = ins_probe_result_reason (&r);

      g_assert_cmpint (r.verdict, ==, INS_PROBE_ENCRYPTED);
      g_assert_false (ins_probe_result_is_readable (&r));
      g_assert_nonnull (reason);
    }
}

static void
test_unreadable (void)
{
  g_autoptr(GBytes) truncated = data_file ("se-damaged-pdf", "facture.pdf");
  g_autoptr(GBytes) jpeg = data_file ("se-valid", "recu-pharmacie.jpg");
  g_autoptr(GBytes) garbage_jpeg = NULL;
  g_autoptr(GBytes) no_pages = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("Facture\n", 8);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  static const char empty_pdf[] =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  guint8 *bad;
  gsize len;
  InsProbeResult r;

  r = probe (truncated);
  g_assert_cmpint (r.verdict, ==, INS_PROBE_DAMAGED);

  no_pages = g_bytes_new_static (empty_pdf, strlen (empty_pdf));
  r = probe (no_pages);
  g_assert_cmpint (r.verdict, ==, INS_PROBE_NO_PAGES);

  /* a JPEG header followed by noise */
  g_bytes_get_data (jpeg, &len);
  bad = g_memdup2 (g_bytes_get_data (jpeg, NULL), len);
  for (gsize i = 20; i < len; i++)
    bad[i] = (guint8) (i * 7919);
  garbage_jpeg = g_bytes_new_take (bad, len);
  r = probe (garbage_jpeg);
  g_assert_cmpint (r.verdict, ==, INS_PROBE_DAMAGED);

  r = probe (text);
  g_assert_cmpint (r.verdict, ==, INS_PROBE_UNSUPPORTED);
  r = probe (empty);
  g_assert_cmpint (r.verdict, ==, INS_PROBE_UNSUPPORTED);
}

/* A document that needs more memory than allowed ends the helper, not us. */
static void
test_memory_limit (void)
{
  g_autoptr(GBytes) pdf = data_file ("se-valid", "facture-hopital.pdf");
  InsProbeLimits limits;
  InsProbeResult r;
  g_autoptr(GError) error = NULL;

  ins_probe_limits_init (&limits);
  limits.memory_mb = 8;
  g_assert_true (ins_probe_bytes (pdf, &limits, &r, &error));
  g_assert_no_error (error);
  g_assert_false (ins_probe_result_is_readable (&r));
}

static char *
write_script (const char *body)
{
  g_autofree char *dir = ingest_test_temp_dir ();
  char *path = g_build_filename (dir, "fake-probe", NULL);
  g_autofree char *text = g_strdup_printf ("#!/bin/sh\n%s\n", body);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
  return path;
}

static void
test_helper_hangs_or_crashes (void)
{
  g_autoptr(GBytes) pdf = data_file ("se-valid", "facture-hopital.pdf");
  g_autofree char *hang = write_script ("exec sleep 600");
  g_autofree char *crash = write_script ("cat >/dev/null; kill -SEGV $$");
  g_autofree char *early = write_script ("echo 'pages 2'; kill -KILL $$");
  g_autofree char *built = ingest_test_probe_path ();
  InsProbeLimits limits;
  InsProbeResult r;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  ins_probe_limits_init (&limits);
  limits.timeout_ms = 300;

  ins_probe_set_helper (hang);
  g_assert_true (ins_probe_bytes (pdf, &limits, &r, &error));
  g_assert_cmpint (r.verdict, ==, INS_PROBE_TIMED_OUT);
  reason = ins_probe_result_reason (&r);
  g_assert_nonnull (reason);

  ins_probe_limits_init (&limits);
  ins_probe_set_helper (crash);
  g_assert_true (ins_probe_bytes (pdf, &limits, &r, &error));
  g_assert_cmpint (r.verdict, ==, INS_PROBE_KILLED);

  /* dies without reading its input: a broken pipe on our side, no crash */
  ins_probe_set_helper (early);
  g_assert_true (ins_probe_bytes (pdf, &limits, &r, &error));
  g_assert_cmpint (r.verdict, ==, INS_PROBE_KILLED);

  ins_probe_set_helper ("/nonexistent/instruction-pdf-probe");
  g_assert_false (ins_probe_bytes (pdf, &limits, &r, &error));
  g_assert_error (error, INS_IMPORT_ERROR, INS_IMPORT_ERROR_PROBE);

  ins_probe_set_helper (built);
}

static void
test_load_attachments (void)
{
  g_autofree char *file = ingest_test_sample ("se-damaged-pdf");
  g_autoptr(GPtrArray) problems = ins_import_problems_new ();
  g_autoptr(GDateTime) now = ingest_test_now ();
  g_autoptr(InsSubmission) sub = ins_submission_read (file, now, problems);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = data_file ("se-damaged-pdf", "ordonnance.png");
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_autofree char *stored = NULL;
  const InsSubmissionAttachment *a, *b;

  g_assert_nonnull (sub);
  g_assert_true (ins_submission_load_attachments (sub, NULL, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  a = sub->attachments->pdata[0];
  b = sub->attachments->pdata[1];
  g_assert_cmpstr (a->content_type, ==, "application/pdf");
  g_assert_cmpint (a->page_count, ==, 0);
  g_assert_nonnull (a->unreadable_reason);
  g_assert_cmpstr (b->content_type, ==, "image/png");
  g_assert_cmpint (b->page_count, ==, 1);
  g_assert_null (b->unreadable_reason);
  g_assert_true (g_bytes_equal (b->bytes, png));
  stored = g_malloc0 (65);
  for (int i = 0; i < 32; i++)
    g_snprintf (stored + 2 * i, 3, "%02x", b->sha256[i]);
  g_assert_cmpstr (stored, ==, sha);

  ins_submission_assess (sub);
  g_assert_nonnull (sub->non_exploitable_reason);
  g_assert_true (g_str_has_prefix (sub->non_exploitable_reason, "facture.pdf"));
}

/* A readable PDF comes with a PNG of its first page, ≤ 256 px, shaped as the
 * page and not blank; an image or a damaged PDF with none. */
static void
test_preview (void)
{
  g_autoptr(GBytes) pdf = data_file ("se-valid", "facture-hopital.pdf");
  g_autoptr(GBytes) jpeg = data_file ("se-valid", "recu-pharmacie.jpg");
  g_autoptr(GBytes) preview = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  InsProbeResult r;
  const guint8 *pixels;
  int w, h, stride, n_channels;
  guint dark = 0;

  g_assert_true (ins_probe_bytes_with_preview (pdf, NULL, &r, &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r.verdict, ==, INS_PROBE_PDF);
  g_assert_nonnull (preview);
  stream = g_memory_input_stream_new_from_bytes (preview);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  g_assert_cmpint (MAX (w, h), ==, 256);
  g_assert_cmpint (h, >, w);   /* an A4 page, upright */
  pixels = gdk_pixbuf_read_pixels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      dark += pixels[y * stride + x * n_channels] < 128;
  g_assert_cmpuint (dark, >, 0);

  g_assert_true (ins_probe_bytes_with_preview (jpeg, NULL, &r, &none, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r.verdict, ==, INS_PROBE_IMAGE);
  g_assert_null (none);
}

/* The whole corpus of real PDFs, when present: each one is a verdict, never a crash. */
static void
test_corpus (void)
{
  const char *root = g_getenv ("INS_TEST_CORPUS") ? g_getenv ("INS_TEST_CORPUS") : "/work/shared/corpus";
  g_autofree char *dir = g_build_filename (root, "pdf", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint pdfs = 0, encrypted = 0;

  if (d == NULL)
    {
      g_test_skip ("no PDF corpus (set INS_TEST_CORPUS)");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      char *contents = NULL;
      gsize len;
      g_autoptr(GBytes) bytes = NULL;
      InsProbeResult r;

      if (!g_str_has_suffix (name, ".pdf"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &len, &error));
      bytes = g_bytes_new_take (contents, len);
      r = probe (bytes);
      g_test_message ("%s: verdict %d, %d pages", name, r.verdict, r.pages);
      g_assert_true (r.verdict == INS_PROBE_PDF || r.verdict == INS_PROBE_ENCRYPTED
                     || r.verdict == INS_PROBE_DAMAGED);
      pdfs += r.verdict == INS_PROBE_PDF;
      encrypted += r.verdict == INS_PROBE_ENCRYPTED;
    }
  g_assert_cmpuint (encrypted, ==, 5);
  g_assert_cmpuint (pdfs, >=, 50);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ingest_test_use_built_probe ();

  g_test_add_func ("/ingest/probe/sniff", test_sniff);
  g_test_add_func ("/ingest/probe/readable", test_readable);
  g_test_add_func ("/ingest/probe/protected", test_protected);
  g_test_add_func ("/ingest/probe/unreadable", test_unreadable);
  g_test_add_func ("/ingest/probe/memory-limit", test_memory_limit);
  g_test_add_func ("/ingest/probe/helper-hangs-or-crashes", test_helper_hangs_or_crashes);
  g_test_add_func ("/ingest/probe/load-attachments", test_load_attachments);
  g_test_add_func ("/ingest/probe/preview", test_preview);
  g_test_add_func ("/ingest/probe/corpus", test_corpus);
  return g_test_run ();
}
