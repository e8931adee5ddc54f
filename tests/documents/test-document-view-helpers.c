/* test-document-view-helpers.c — browsing many affaires in the viewer keeps
 * the renderer processes bounded and lets finished documents go, under Xvfb */
#include "config.h"

#include <adwaita.h>

#include "core/ins-affaire.h"
#include "ui/ins-document-view.h"
#include "doc-file-source.h"
#include "doc-test-util.h"

#define N_AFFAIRES 30
/* The renderer keeps 6 documents open and one spare process; the view holds
 * the shown one and a prefetched one; a few more may still be quitting. */
#define MAX_HELPERS 10

static void
on_finalized (gpointer data, GObject *where_the_object_was)
{
  (*(guint *) data)++;
}

typedef struct {
  gint64 id;
  gboolean done;
} Wait;

static void
on_shown (InsDocumentView *view, gint64 id, int page, Wait *w)
{
  if (id == w->id)
    w->done = TRUE;
}

static void
on_failed (InsDocumentView *view, gint64 id, const char *reason, Wait *w)
{
  if (id == w->id)
    w->done = TRUE;
}

static gboolean
on_deadline (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates until @done or a generous deadline (fails the test, never hangs). */
static void
wait_until (gboolean *done, guint seconds)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (seconds, on_deadline, &expired);

  while (!*done && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (id);
}

static void
on_renderer_gone (gpointer data, GObject *where_the_object_was)
{
  g_atomic_int_set ((gint *) data, TRUE);
  g_main_context_wakeup (NULL);
}

static InsAttachmentInfo *
info_for (TestFileSource *source, gint64 id, const char *path)
{
  InsAttachmentInfo *info = ins_attachment_info_new ();

  info->id = id;
  info->position = 1;
  info->filename = g_path_get_basename (path);
  info->content_type = g_strdup ("application/pdf");
  g_hash_table_insert (source->paths, g_memdup2 (&id, sizeof id), g_strdup (path));
  return info;
}

static void
test_browsing_bounds_helpers (void)
{
  g_autoptr(GPtrArray) files = doc_test_corpus_files ("pdf", ".pdf");
  g_autoptr(TestFileSource) source = g_object_new (TEST_TYPE_FILE_SOURCE, NULL);
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_attachment_info_unref);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  InsDocumentView *view = INS_DOCUMENT_VIEW (ins_document_view_new ());
  InsRenderer *renderer = ins_renderer_new ();
  Wait wait = { 0 };
  gboolean renderer_gone = FALSE;
  guint max_helpers = 0, opened = 0, finalized = 0;

  g_assert_cmpuint (files->len, >=, N_AFFAIRES + 1);
  for (guint i = 0; i <= N_AFFAIRES; i++)
    g_ptr_array_add (infos, info_for (source, 100 + i, files->pdata[i]));

  ins_document_view_set_renderer (view, renderer);
  ins_document_view_set_source (view, INS_ATTACHMENT_SOURCE (source));
  g_signal_connect (view, "page-shown", G_CALLBACK (on_shown), &wait);
  g_signal_connect (view, "document-failed", G_CALLBACK (on_failed), &wait);
  gtk_window_set_default_size (window, 900, 800);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);

  for (guint i = 0; i < N_AFFAIRES; i++)
    {
      g_autoptr(GPtrArray) shown = g_ptr_array_new ();
      g_autoptr(GPtrArray) next = g_ptr_array_new ();
      g_autofree char *key = NULL;
      InsRenderDocument *doc;
      guint n;

      /* As the window does: show an affaire's piece, prefetch the next one's. */
      g_ptr_array_add (shown, infos->pdata[i]);
      g_ptr_array_add (next, infos->pdata[i + 1]);
      wait.id = 100 + i;
      wait.done = FALSE;
      ins_document_view_set_documents (view, shown);
      ins_document_view_prefetch (view, next);
      wait_until (&wait.done, 60);

      key = g_strdup_printf ("attachment:%" G_GINT64_FORMAT, (gint64) (100 + i));
      doc = ins_renderer_lookup_document (renderer, key);
      if (doc != NULL)
        {
          g_object_weak_ref (G_OBJECT (doc), on_finalized, &finalized);
          opened++;
        }
      n = doc_test_count_helpers ();
      max_helpers = MAX (max_helpers, n);
      g_test_message ("affaire %u: %u helpers, %u of %u documents finalized", i, n,
                      finalized, opened);
      g_assert_cmpuint (n, <=, MAX_HELPERS);
    }

  /* Most documents opened were let go, with their processes. */
  g_assert_cmpuint (opened, >=, N_AFFAIRES / 2);
  g_assert_cmpuint (finalized, >=, opened - MAX_HELPERS);
  g_test_message ("at most %u helpers at once", max_helpers);

  /* Its last task may outlive the view: exiting before the renderer is gone
   * would leave a spare helper being spawned while the process tears down. */
  g_object_weak_ref (G_OBJECT (renderer), on_renderer_gone, &renderer_gone);
  gtk_window_destroy (window);
  g_object_unref (renderer);
  wait_until (&renderer_gone, 60);
}

int
main (int argc, char **argv)
{
  doc_test_init_renderer ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/document-view/browsing-bounds-helpers", test_browsing_bounds_helpers);
  return g_test_run ();
}
