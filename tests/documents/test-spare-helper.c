/* test-spare-helper.c — the renderer's warm spare process: used by the next
 * PDF, replaced off the caller's thread, never more than one, skipped when dead */
#include "config.h"

#include <signal.h>

#include "documents/ins-renderer.h"
#include "doc-test-util.h"

static InsRenderDocument *
open_corpus_pdf (InsRenderer *renderer, const char *name, GError **error)
{
  g_autofree char *path = g_build_filename (doc_test_corpus_dir (), "pdf", name, NULL);
  g_autoptr(GBytes) bytes = doc_test_read_bytes (path);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  ins_renderer_open_async (renderer, name, bytes, INS_RENDER_PRIORITY_VISIBLE, NULL,
                           doc_test_store_result, &slot);
  result = doc_test_wait_result (&slot);
  return ins_renderer_open_finish (renderer, result, error);
}

static InsPageImage *
render_first_page (InsRenderer *renderer, InsRenderDocument *doc, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;

  ins_renderer_render_async (renderer, doc, 0, 0.5, 0, INS_RENDER_PRIORITY_VISIBLE, NULL,
                             doc_test_store_result, &slot);
  result = doc_test_wait_result (&slot);
  return ins_renderer_render_finish (renderer, result, error);
}

/* Processes let go end soon after: waits (bounded) until none is left. */
static void
wait_no_helpers (void)
{
  for (guint i = 0; i < 1000 && doc_test_count_helpers () > 0; i++)
    g_usleep (10 * 1000);
  g_assert_cmpuint (doc_test_count_helpers (), ==, 0);
}

static void
test_spare_opens_the_next_document (void)
{
  g_autoptr(InsRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) first = NULL;
  g_autoptr(InsRenderDocument) second = NULL;
  g_autoptr(InsPageImage) image = NULL;
  GPid spare, next_spare;

  wait_no_helpers ();
  renderer = ins_renderer_new ();
  /* Started with the renderer, before any document. */
  spare = ins_renderer_get_spare_helper_pid (renderer, TRUE);
  g_assert_cmpint (spare, !=, 0);
  g_assert_true (doc_test_pid_alive (spare));
  g_assert_cmpuint (doc_test_count_helpers (), ==, 1);

  first = open_corpus_pdf (renderer, "three_pages_with_number.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ins_render_document_get_helper_pid (first), ==, spare);
  g_assert_cmpuint (ins_render_document_get_n_pages (first), ==, 3);
  image = render_first_page (renderer, first, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ins_page_image_ink_ratio (image, 400), >, 0.0);

  /* Replaced: one document process and one new spare, no more. */
  next_spare = ins_renderer_get_spare_helper_pid (renderer, TRUE);
  g_assert_cmpint (next_spare, !=, 0);
  g_assert_cmpint (next_spare, !=, spare);
  g_assert_cmpuint (doc_test_count_helpers (), ==, 2);

  second = open_corpus_pdf (renderer, "paragraph_and_link.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ins_render_document_get_helper_pid (second), ==, next_spare);
  ins_renderer_get_spare_helper_pid (renderer, TRUE);
  g_assert_cmpuint (doc_test_count_helpers (), ==, 3);

  /* Letting the renderer and the documents go ends every process. */
  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_object (&renderer);
  wait_no_helpers ();
}

static void
test_dead_spare_is_skipped (void)
{
  g_autoptr(InsRenderer) renderer = ins_renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) doc = NULL;
  g_autoptr(InsPageImage) image = NULL;
  GPid spare = ins_renderer_get_spare_helper_pid (renderer, TRUE);

  g_assert_cmpint (spare, !=, 0);
  g_assert_cmpint (kill (spare, SIGKILL), ==, 0);
  for (guint i = 0; i < 500 && doc_test_pid_alive (spare); i++)
    g_usleep (10 * 1000);
  g_assert_false (doc_test_pid_alive (spare));

  doc = open_corpus_pdf (renderer, "three_pages_with_number.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ins_render_document_get_helper_pid (doc), !=, 0);
  g_assert_cmpint (ins_render_document_get_helper_pid (doc), !=, spare);
  image = render_first_page (renderer, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (image->width, >, 0);
}

static void
test_without_spare (void)
{
  const char *argv[] = { ins_renderer_find_helper (), NULL };
  g_autoptr(InsRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) doc = NULL;

  wait_no_helpers ();
  renderer = ins_renderer_new_full (argv, FALSE);
  g_assert_cmpint (ins_renderer_get_spare_helper_pid (renderer, TRUE), ==, 0);
  g_assert_cmpuint (doc_test_count_helpers (), ==, 0);
  doc = open_corpus_pdf (renderer, "three_pages_with_number.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ins_render_document_get_helper_pid (doc), !=, 0);
  g_assert_cmpint (ins_renderer_get_spare_helper_pid (renderer, TRUE), ==, 0);
  g_assert_cmpuint (doc_test_count_helpers (), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  doc_test_init_renderer ();

  g_test_add_func ("/spare-helper/opens-the-next-document", test_spare_opens_the_next_document);
  g_test_add_func ("/spare-helper/dead-spare-is-skipped", test_dead_spare_is_skipped);
  g_test_add_func ("/spare-helper/without-spare", test_without_spare);
  return g_test_run ();
}
