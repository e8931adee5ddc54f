/* test-page-fit.c — a fitted page is rendered once, at the size it keeps:
 * beside the strip of thumbnails appearing or going, and through a resize of a
 * pixel, under Xvfb */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "core/ins-affaire.h"
#include "documents/ins-renderer.h"
#include "ui/ins-document-view.h"
#include "ui/ins-page-thumbnail.h"
#include "ui/ins-page-view.h"
#include "doc-file-source.h"
#include "doc-test-util.h"

#define PX_PER_POINT (96.0 / 72.0)
#define MARGINS 24
#ifndef TIMEOUT_S
#define TIMEOUT_S 60
#endif

typedef struct {
  GtkWindow *window;
  GtkWidget *spacer;     /* beside the view: its width narrows the view */
  InsDocumentView *view;
  TestFileSource *source;
  GPtrArray *infos;
  gint64 shown_id;       /* of the last page-shown */
  double zoom_at_shown;
  guint shown;           /* page-shown, since show_and_wait () */
  guint scale_changes;   /* of the page view, since show_and_wait () */
  gulong hook;
} Fixture;

static InsAttachmentInfo *
add_file (Fixture *f, gint64 id, const char *name, int pages)
{
  InsAttachmentInfo *info = ins_attachment_info_new ();

  info->id = id;
  info->position = (int) f->infos->len + 1;
  info->filename = g_strdup (name);
  info->content_type = g_strdup ("application/pdf");
  info->page_count = pages;
  g_hash_table_insert (f->source->paths, g_memdup2 (&id, sizeof id),
                       g_build_filename (doc_test_corpus_dir (), "pdf", name, NULL));
  g_ptr_array_add (f->infos, info);
  return info;
}

static InsPageView *
page_view (Fixture *f)
{
  return INS_PAGE_VIEW (ins_test_find_type (GTK_WIDGET (f->view), INS_TYPE_PAGE_VIEW));
}

static gboolean
on_deadline (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Counts the thumbnails under @widget, and those showing their image. */
static void
count_thumbnails (GtkWidget *widget, guint *n, guint *painted)
{
  if (INS_IS_PAGE_THUMBNAIL (widget))
    {
      GtkWidget *picture = ins_test_find_type (widget, GTK_TYPE_PICTURE);
      GdkPaintable *image = picture ? gtk_picture_get_paintable (GTK_PICTURE (picture)) : NULL;

      (*n)++;
      if (image != NULL)
        {
          /* Exactly the thumbnail's width: a pixel more widened the strip. */
          g_assert_cmpint (gdk_paintable_get_intrinsic_width (image), ==,
                           INS_PAGE_THUMBNAIL_WIDTH * gtk_widget_get_scale_factor (widget));
          (*painted)++;
        }
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    count_thumbnails (c, n, painted);
}

static void
wait_thumbnails_painted (Fixture *f)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_S, on_deadline, &expired);
  guint n, painted;

  do
    {
      n = painted = 0;
      count_thumbnails (GTK_WIDGET (f->view), &n, &painted);
      if (n > 0 && painted == n)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  while (!expired);
  g_assert_false (expired);
  g_source_remove (id);
}

static void
on_shown (InsDocumentView *view, gint64 id, int page, Fixture *f)
{
  f->shown_id = id;
  f->zoom_at_shown = ins_page_view_get_zoom (page_view (f));
  f->shown++;
}

/* An emission hook runs before the view's handler, which may show the page
 * at once: the change is counted before that page-shown. */
static gboolean
on_scale_changed (GSignalInvocationHint *hint, guint n_params, const GValue *params, gpointer data)
{
  Fixture *f = data;

  f->scale_changes++;
  return TRUE;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->source = g_object_new (TEST_TYPE_FILE_SOURCE, NULL);
  f->infos = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_attachment_info_unref);
  add_file (f, 11, "three_pages_with_number.pdf", 3);
  add_file (f, 12, "french_diacritics.pdf", 1);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 800);
  f->view = INS_DOCUMENT_VIEW (ins_document_view_new ());
  g_object_ref_sink (f->view);
  ins_document_view_set_renderer (f->view, ins_renderer_new ());
  g_object_unref (ins_document_view_get_renderer (f->view));   /* the view holds it */
  ins_document_view_set_source (f->view, INS_ATTACHMENT_SOURCE (f->source));
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    f->spacer = gtk_label_new (NULL);
    gtk_box_append (GTK_BOX (box), f->spacer);
    gtk_widget_set_hexpand (GTK_WIDGET (f->view), TRUE);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->view));
    gtk_window_set_child (f->window, box);
  }
  g_signal_connect (f->view, "page-shown", G_CALLBACK (on_shown), f);
  f->hook = g_signal_add_emission_hook (g_signal_lookup ("scale-changed", INS_TYPE_PAGE_VIEW), 0,
                                        on_scale_changed, f, NULL);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_signal_handlers_disconnect_by_data (f->view, f);
  g_signal_remove_emission_hook (g_signal_lookup ("scale-changed", INS_TYPE_PAGE_VIEW), f->hook);
  gtk_window_destroy (f->window);
  g_object_unref (f->view);
  g_object_unref (f->source);
  g_ptr_array_unref (f->infos);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Iterates @ms milliseconds: pending idles, layout and frames run. */
static void
run_for (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add (ms, on_deadline, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

static void
show_and_wait (Fixture *f, InsAttachmentInfo *info)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  gboolean expired = FALSE;
  guint id;

  g_ptr_array_add (documents, info);
  f->shown_id = 0;
  f->shown = 0;
  f->scale_changes = 0;
  ins_document_view_set_documents (f->view, documents);
  id = g_timeout_add_seconds (TIMEOUT_S, on_deadline, &expired);
  while (f->shown_id != info->id && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (id);
}

/* The page shown fills the page view's width (or its height, where the page
 * must fit with no scrollbar and no gap), less its margins, within a pixel. */
static void
assert_fitted_along (Fixture *f, gint64 id, GtkOrientation along)
{
  InsRenderer *renderer = ins_document_view_get_renderer (f->view);
  g_autofree char *key = g_strdup_printf ("attachment:%" G_GINT64_FORMAT, id);
  InsRenderDocument *doc = ins_renderer_lookup_document (renderer, key);
  gboolean wide = along == GTK_ORIENTATION_HORIZONTAL;
  GtkWidget *view = GTK_WIDGET (page_view (f));
  double pw, ph;

  g_assert_nonnull (doc);
  ins_render_document_get_page_size (doc, 0, &pw, &ph);
  g_assert_cmpfloat (fabs (ins_page_view_get_zoom (page_view (f)) * (wide ? pw : ph) * PX_PER_POINT
                           - ((wide ? gtk_widget_get_width (view) : gtk_widget_get_height (view)) - MARGINS)), <=, 1);
  g_assert_true (ins_page_view_has_final_image (page_view (f)));
}

static void
assert_fitted (Fixture *f, gint64 id)
{
  assert_fitted_along (f, id, GTK_ORIENTATION_HORIZONTAL);
}

/* From a one-page document to one with the strip and back: the page is
 * rendered for the width it has beside the strip (or without it) before the
 * strip shows or goes, and not fitted again once shown, nor moved when the
 * thumbnails come. Before, the hint used
 * the stack's stale width: the page showed at the old width, then was
 * rendered again, and that second render came in the next affaire's frame. */
static void
test_strip_known_before_the_render (Fixture *f, gconstpointer data)
{
  InsAttachmentInfo *multi = f->infos->pdata[0], *single = f->infos->pdata[1];
  int width_single, width_multi;

  show_and_wait (f, single);
  run_for (300);
  width_single = gtk_widget_get_width (GTK_WIDGET (page_view (f)));
  for (guint round = 0; round < 2; round++)
    {
      show_and_wait (f, multi);
      run_for (300);
      width_multi = gtk_widget_get_width (GTK_WIDGET (page_view (f)));
      g_assert_cmpint (width_multi, <, width_single - 50);   /* the strip took its room */
      /* One scale for the new page, one render shown: no second fit. */
      g_assert_cmpuint (f->scale_changes, ==, 1);
      g_assert_cmpuint (f->shown, ==, 1);
      g_assert_cmpfloat (ins_page_view_get_zoom (page_view (f)), ==, f->zoom_at_shown);
      assert_fitted (f, multi->id);
      /* The thumbnails' images do not widen the strip: the page stays. */
      wait_thumbnails_painted (f);
      run_for (200);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page_view (f))), ==, width_multi);

      show_and_wait (f, single);
      run_for (300);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page_view (f))), ==, width_single);
      /* One scale for the new page, one render shown: no second fit. */
      g_assert_cmpuint (f->scale_changes, ==, 1);
      g_assert_cmpuint (f->shown, ==, 1);
      g_assert_cmpfloat (ins_page_view_get_zoom (page_view (f)), ==, f->zoom_at_shown);
      assert_fitted (f, single->id);
    }
}

static void
show_all_and_wait (Fixture *f, GPtrArray *documents)
{
  gint64 first = ((InsAttachmentInfo *) documents->pdata[0])->id;
  gboolean expired = FALSE;
  guint id;

  f->shown_id = 0;
  f->shown = 0;
  f->scale_changes = 0;
  ins_document_view_set_documents (f->view, documents);
  id = g_timeout_add_seconds (TIMEOUT_S, on_deadline, &expired);
  while (f->shown_id != first && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (id);
}

/* Fit page: a portrait page in a wide view takes the page view's height,
 * rendered once at the height it keeps. From one attachment to four, the
 * tabs give way to numbers and a caption line under them that takes its
 * height from the page: before, the hint kept the stack's old height and the
 * page showed that much too tall (a scrollbar), then was rendered again. */
static void
test_fit_page_height (Fixture *f, gconstpointer data)
{
  InsAttachmentInfo *single = f->infos->pdata[1];
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GPtrArray) four = g_ptr_array_new ();

  g_ptr_array_add (one, single);
  g_ptr_array_add (four, add_file (f, 13, "french_diacritics.pdf", 1));
  for (gint64 id = 14; id <= 16; id++)
    g_ptr_array_add (four, add_file (f, id, "three_pages_with_number.pdf", 3));

  gtk_window_set_default_size (f->window, 1300, 700);
  show_all_and_wait (f, one);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "doc.fit-page", NULL));
  run_for (300);
  assert_fitted_along (f, single->id, GTK_ORIENTATION_VERTICAL);
  for (guint round = 0; round < 2; round++)
    {
      show_all_and_wait (f, four);
      run_for (300);
      g_assert_cmpuint (f->scale_changes, ==, 1);
      g_assert_cmpuint (f->shown, ==, 1);
      g_assert_cmpfloat (ins_page_view_get_zoom (page_view (f)), ==, f->zoom_at_shown);
      assert_fitted_along (f, 13, GTK_ORIENTATION_VERTICAL);

      show_all_and_wait (f, one);
      run_for (300);
      g_assert_cmpuint (f->scale_changes, ==, 1);
      g_assert_cmpuint (f->shown, ==, 1);
      g_assert_cmpfloat (ins_page_view_get_zoom (page_view (f)), ==, f->zoom_at_shown);
      assert_fitted_along (f, single->id, GTK_ORIENTATION_VERTICAL);
    }
}

/* A page view a pixel narrower keeps its page (no new scale, no render); 20
 * pixels narrower, the page is fitted again. */
static void
test_pixel_resize_keeps_the_page (Fixture *f, gconstpointer data)
{
  InsAttachmentInfo *single = f->infos->pdata[1];
  double zoom;
  int width;

  show_and_wait (f, single);
  run_for (300);
  zoom = ins_page_view_get_zoom (page_view (f));
  width = gtk_widget_get_width (GTK_WIDGET (page_view (f)));
  f->scale_changes = 0;

  gtk_widget_set_size_request (f->spacer, 1, -1);
  run_for (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page_view (f))), ==, width - 1);
  g_assert_cmpuint (f->scale_changes, ==, 0);
  g_assert_cmpfloat (ins_page_view_get_zoom (page_view (f)), ==, zoom);
  g_assert_true (ins_page_view_has_final_image (page_view (f)));

  f->shown_id = 0;
  gtk_widget_set_size_request (f->spacer, 20, -1);
  run_for (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page_view (f))), ==, width - 20);
  g_assert_cmpuint (f->scale_changes, ==, 1);
  g_assert_cmpfloat (ins_page_view_get_zoom (page_view (f)), <, zoom);
  /* The page is rendered again for its new width. */
  {
    gboolean expired = FALSE;
    guint id = g_timeout_add_seconds (TIMEOUT_S, on_deadline, &expired);

    while (f->shown_id != single->id && !expired)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (expired);
    g_source_remove (id);
  }
  assert_fitted (f, single->id);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  doc_test_init_renderer ();
  gtk_init ();
  adw_init ();
  g_test_add ("/page-fit/strip-known-before-the-render", Fixture, NULL, fixture_set_up,
              test_strip_known_before_the_render, fixture_tear_down);
  g_test_add ("/page-fit/pixel-resize-keeps-the-page", Fixture, NULL, fixture_set_up,
              test_pixel_resize_keeps_the_page, fixture_tear_down);
  g_test_add ("/page-fit/fit-page-height", Fixture, NULL, fixture_set_up,
              test_fit_page_height, fixture_tear_down);
  return g_test_run ();
}
