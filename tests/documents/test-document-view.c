/* test-document-view.c — the viewer widget on real documents, under Xvfb */
#include "config.h"

#include <math.h>
#include <signal.h>
#include <string.h>

#include <adwaita.h>

#include "core/ins-affaire.h"
#include "documents/ins-document-error.h"
#include "ui/ins-document-view.h"
#include "ui/ins-page-thumbnail.h"
#include "ui/ins-page-view.h"
#include "ins-test-i18n.h"
#include "doc-file-source.h"
#include "doc-test-util.h"

static InsAttachmentInfo *
add_file (TestFileSource *source, GPtrArray *infos, gint64 id, const char *sub,
          const char *name, const char *type, int pages)
{
  InsAttachmentInfo *info = ins_attachment_info_new ();

  info->id = id;
  info->position = (int) infos->len + 1;
  info->filename = g_strdup (name);
  info->content_type = g_strdup (type);
  info->page_count = pages;
  g_hash_table_insert (source->paths, g_memdup2 (&id, sizeof id),
                       g_build_filename (doc_test_corpus_dir (), sub, name, NULL));
  g_ptr_array_add (infos, info);
  return info;
}

/* ---- fixture: a window with the view ---- */

typedef struct {
  GtkWindow *window;
  InsDocumentView *view;
  TestFileSource *source;
  GPtrArray *infos;
  GPtrArray *events;     /* strings: "shown 1 2", "rotated 1 2 90", … */
  guint mark_unusable;
} Fixture;

static void
on_shown (InsDocumentView *view, gint64 id, int page, Fixture *f)
{
  g_ptr_array_add (f->events, g_strdup_printf ("shown %" G_GINT64_FORMAT " %d", id, page));
}

static void
on_rotated (InsDocumentView *view, gint64 id, int page, int rotation, Fixture *f)
{
  g_ptr_array_add (f->events, g_strdup_printf ("rotated %" G_GINT64_FORMAT " %d %d", id, page,
                                               rotation));
}

static void
on_tagged (InsDocumentView *view, gint64 id, int page, int tag, Fixture *f)
{
  g_ptr_array_add (f->events, g_strdup_printf ("tagged %" G_GINT64_FORMAT " %d %s", id, page,
                                               ins_page_tag_to_nick (tag)));
}

static void
on_failed (InsDocumentView *view, gint64 id, const char *reason, Fixture *f)
{
  g_ptr_array_add (f->events, g_strdup_printf ("failed %" G_GINT64_FORMAT " %s", id, reason));
}

static void
on_mark_unusable (GSimpleAction *action, GVariant *param, gpointer data)
{
  ((Fixture *) data)->mark_unusable++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const GActionEntry entries[] = { { "mark-unusable", on_mark_unusable, NULL, NULL, NULL } };

  f->source = g_object_new (TEST_TYPE_FILE_SOURCE, NULL);
  f->infos = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_attachment_info_unref);
  f->events = g_ptr_array_new_with_free_func (g_free);
  add_file (f->source, f->infos, 11, "pdf", "three_pages_with_number.pdf", "application/pdf", 3);
  add_file (f->source, f->infos, 12, "pdf", "issue6010_1.pdf", "application/pdf", 1);
  add_file (f->source, f->infos, 13, "receipts", "receipt-090.jpg", "image/jpeg", 1);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 800);
  f->view = INS_DOCUMENT_VIEW (ins_document_view_new ());
  g_object_ref_sink (f->view);
  ins_document_view_set_renderer (f->view, ins_renderer_new ());
  g_object_unref (ins_document_view_get_renderer (f->view));   /* the view holds it */
  ins_document_view_set_source (f->view, INS_ATTACHMENT_SOURCE (f->source));
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "affaire", G_ACTION_GROUP (group));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  g_signal_connect (f->view, "page-shown", G_CALLBACK (on_shown), f);
  g_signal_connect (f->view, "page-rotated", G_CALLBACK (on_rotated), f);
  g_signal_connect (f->view, "page-tagged", G_CALLBACK (on_tagged), f);
  g_signal_connect (f->view, "document-failed", G_CALLBACK (on_failed), f);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  /* A render still running may show its page while the loop below runs. */
  g_signal_handlers_disconnect_by_data (f->view, f);
  gtk_window_destroy (f->window);
  g_object_unref (f->view);
  g_object_unref (f->source);
  g_ptr_array_unref (f->infos);
  g_ptr_array_unref (f->events);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_deadline (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
has_event (Fixture *f, const char *prefix)
{
  for (guint i = 0; i < f->events->len; i++)
    if (g_str_has_prefix (f->events->pdata[i], prefix))
      return TRUE;
  return FALSE;
}

/* Iterates until an event starting with @prefix came (bounded, never hangs). */
static void
wait_event (Fixture *f, const char *prefix)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (60, on_deadline, &expired);

  while (!has_event (f, prefix) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (expired)
    g_error ("no event %s", prefix);
  g_source_remove (id);
}

/* Lets pending idles, layout and painting run. */
static void
settle (void)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (200, on_deadline, &expired);

  while (!expired)
    g_main_context_iteration (NULL, TRUE);
  (void) id;
}

/* Paints @widget off screen with the cairo renderer; the fraction of dark
 * pixels, and of white ones, over its whole area. */
/* Paints @widget off screen; also saved as screenshots/NAME.png in the build tree. */
static void
paint_widget_named (GtkWidget *widget, const char *name, double *dark, double *white)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *pixels = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  gsize n_dark = 0, n_white = 0;

  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_assert_cmpint (w, >, 100);
  g_assert_cmpint (h, >, 100);
  /* The paintable shows the widget's last frame, and a queued redraw drops it
   * until the next frame: on a loaded machine that frame may come after
   * settle (). */
  for (;;)
    {
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL || g_get_monotonic_time () > deadline)
        break;
      snapshot = gtk_snapshot_new ();
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gsk_renderer_unrealize (renderer);
  if (name != NULL)
    {
      g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
      g_autofree char *file = g_strconcat (name, ".png", NULL);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      g_mkdir_with_parents (dir, 0755);
      g_assert_true (gdk_texture_save_to_png (texture, path));
    }
  pixels = g_malloc ((gsize) w * h * 4);
  gdk_texture_download (texture, pixels, (gsize) w * 4);
  for (gsize i = 0; i < (gsize) w * h; i++)
    {
      const guint8 *p = pixels + i * 4;   /* B G R A */
      if (p[3] > 200 && p[0] < 128 && p[1] < 128 && p[2] < 128)
        n_dark++;
      else if (p[3] > 200 && p[0] > 245 && p[1] > 245 && p[2] > 245)
        n_white++;
    }
  *dark = (double) n_dark / ((double) w * h);
  *white = (double) n_white / ((double) w * h);
}

static void
paint_widget (GtkWidget *widget, double *dark, double *white)
{
  paint_widget_named (widget, NULL, dark, white);
}

static GtkWidget *
find_page_view (InsDocumentView *view)
{
  return ins_test_find_type (GTK_WIDGET (view), INS_TYPE_PAGE_VIEW);
}

/* The view's own stack (menus have stacks too). */
static GtkStack *
find_stack (InsDocumentView *view)
{
  return GTK_STACK (gtk_widget_get_parent (find_page_view (view)));
}

static void
test_first_page_of_a_real_pdf (Fixture *f, gconstpointer data)
{
  GtkWidget *page_view;
  double dark, white;

  ins_document_view_set_documents (f->view, f->infos);
  g_assert_cmpuint (ins_document_view_get_n_documents (f->view), ==, 3);
  wait_event (f, "shown 11 1");
  settle ();

  g_assert_cmpint (ins_document_view_get_current_document (f->view), ==, 0);
  g_assert_cmpint (ins_document_view_get_current_page (f->view), ==, 1);
  page_view = find_page_view (f->view);
  g_assert_true (gtk_widget_get_mapped (page_view));
  paint_widget (page_view, &dark, &white);
  g_test_message ("page 1: %.4f dark, %.4f white", dark, white);
  paint_widget_named (GTK_WIDGET (f->window), "document-view-pdf", &dark, &white);
  /* A white page fills most of the width, with the page number drawn on it. */
  g_assert_cmpfloat (white, >, 0.3);
  g_assert_cmpfloat (dark, >, 0.0005);
  g_assert_cmpint (ins_document_view_get_zoom_mode (f->view), ==, INS_ZOOM_FIT_WIDTH);
  g_assert_cmpfloat (ins_document_view_get_zoom (f->view), >, 0.5);
}

static void
test_pages_rotation_and_tags (Fixture *f, gconstpointer data)
{
  InsRenderer *renderer = ins_document_view_get_renderer (f->view);
  InsPageImage *turned;
  double zoom;

  ins_document_view_set_documents (f->view, f->infos);
  wait_event (f, "shown 11 1");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "doc.next-page", NULL));
  wait_event (f, "shown 11 2");
  g_assert_cmpint (ins_document_view_get_current_page (f->view), ==, 2);

  /* Cleared first: a turned page may be shown before the action returns. */
  g_ptr_array_set_size (f->events, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "doc.rotate-right", NULL));
  g_assert_true (has_event (f, "rotated 11 2 90"));
  wait_event (f, "shown 11 2");
  turned = ins_page_cache_lookup_any (ins_renderer_get_cache (renderer), "attachment:11", 1, 90);
  g_assert_nonnull (turned);
  g_assert_cmpuint (turned->width, >, turned->height);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "doc.tag-page", "s", "facture"));
  g_assert_true (has_event (f, "tagged 11 2 facture"));
  settle ();
  {
    double dark, white;
    paint_widget_named (GTK_WIDGET (f->window), "document-view-rotated-tagged", &dark, &white);
  }

  zoom = ins_document_view_get_zoom (f->view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "doc.zoom-in", NULL));
  g_assert_cmpint (ins_document_view_get_zoom_mode (f->view), ==, INS_ZOOM_FREE);
  g_assert_cmpfloat_with_epsilon (ins_document_view_get_zoom (f->view), zoom * 1.25, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "doc.fit-page", NULL));
  settle ();
  g_assert_cmpint (ins_document_view_get_zoom_mode (f->view), ==, INS_ZOOM_FIT_PAGE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "doc.previous-page", NULL));
  wait_event (f, "shown 11 1");
  g_assert_cmpint (ins_document_view_get_current_page (f->view), ==, 1);
}

static void
test_encrypted_pdf_placeholder (Fixture *f, gconstpointer data)
{
  GtkWidget *stack, *status, *button;

  ins_document_view_set_documents (f->view, f->infos);
  wait_event (f, "shown 11 1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "doc.next-document", NULL));
  wait_event (f, "failed 12");

  stack = GTK_WIDGET (find_stack (f->view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");
  status = gtk_stack_get_child_by_name (GTK_STACK (stack), "error");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   ins_document_error_message (INS_DOCUMENT_ERROR_ENCRYPTED));
  button = ins_test_find_type (status, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "affaire.mark-unusable");
  settle ();
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (f->mark_unusable, ==, 1);
  {
    double dark, white;
    paint_widget_named (GTK_WIDGET (f->window), "document-view-encrypted", &dark, &white);
  }

  /* The app did not crash, and the next attachment still shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "doc.next-document", NULL));
  wait_event (f, "shown 13 1");
}

static void
test_receipt_and_import_reason (Fixture *f, gconstpointer data)
{
  InsAttachmentInfo *broken = ins_attachment_info_new ();
  GtkWidget *stack, *status;
  double dark, white;

  broken->id = 14;
  broken->position = 4;
  broken->filename = g_strdup ("scan.pdf");
  broken->content_type = g_strdup ("application/pdf");
  broken->unreadable_reason = g_strdup ("Le fichier est endommagé.");
  g_ptr_array_add (f->infos, broken);

  ins_document_view_set_documents (f->view, f->infos);
  ins_document_view_set_current_document (f->view, 2);
  wait_event (f, "shown 13 1");
  settle ();
  paint_widget (find_page_view (f->view), &dark, &white);
  g_assert_cmpfloat (dark, >, 0.001);
  paint_widget_named (GTK_WIDGET (f->window), "document-view-receipt", &dark, &white);

  ins_document_view_set_current_document (f->view, 3);
  stack = GTK_WIDGET (find_stack (f->view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");
  status = gtk_stack_get_child_by_name (GTK_STACK (stack), "error");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   "Le fichier est endommagé.");
  wait_event (f, "failed 14 Le fichier est endommagé.");
  /* The first PDF and the receipt were fetched; the attachment known
   * unreadable at import is not even fetched. */
  g_assert_cmpuint (f->source->fetches, ==, 2);

  ins_document_view_clear (f->view);
  g_assert_cmpuint (ins_document_view_get_n_documents (f->view), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
}

static void
collect_thumbnails (GtkWidget *root, GPtrArray *found)
{
  if (INS_IS_PAGE_THUMBNAIL (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_thumbnails (c, found);
}

static gboolean
thumbnails_painted (GPtrArray *thumbs)
{
  for (guint i = 0; i < thumbs->len; i++)
    {
      GtkWidget *picture = ins_test_find_type (thumbs->pdata[i], GTK_TYPE_PICTURE);

      if (gtk_picture_get_paintable (GTK_PICTURE (picture)) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* A tab shows a shortened name or a number: its tooltip names the file. */
static GtkWidget *
find_tab (GtkWidget *root, const char *prefix)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && gtk_widget_get_tooltip_text (root) != NULL
      && g_str_has_prefix (gtk_widget_get_tooltip_text (root), prefix))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_tab (c, prefix);
      if (found)
        return found;
    }
  return NULL;
}

/* The strip keeps its rows from one affaire's document to the next and
 * paints them again; a one-page document leaves no row behind. The tabs are
 * kept the same way. */
static void
test_thumbnails_reused (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GPtrArray) after = g_ptr_array_new ();
  g_autoptr(GPtrArray) single = g_ptr_array_new ();
  GtkWidget *first_tab;
  gboolean expired = FALSE;
  guint id;

  ins_document_view_set_documents (f->view, f->infos);
  wait_event (f, "shown 11 1");
  collect_thumbnails (GTK_WIDGET (f->view), before);
  g_assert_cmpuint (before->len, ==, 3);
  first_tab = find_tab (GTK_WIDGET (f->view), "three_pages_with_number.pdf");
  g_assert_nonnull (first_tab);

  g_ptr_array_set_size (f->events, 0);
  ins_document_view_set_documents (f->view, f->infos);
  wait_event (f, "shown 11 1");
  collect_thumbnails (GTK_WIDGET (f->view), after);
  g_assert_cmpuint (after->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (after->pdata[i] == before->pdata[i]);
      g_assert_cmpint (ins_page_thumbnail_get_page_no (after->pdata[i]), ==, (int) i + 1);
    }
  id = g_timeout_add_seconds (60, on_deadline, &expired);
  while (!thumbnails_painted (after) && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (id);

  g_ptr_array_add (single, f->infos->pdata[2]);   /* one page */
  g_ptr_array_set_size (f->events, 0);
  ins_document_view_set_documents (f->view, single);
  wait_event (f, "shown 13 1");
  g_ptr_array_set_size (after, 0);
  collect_thumbnails (GTK_WIDGET (f->view), after);
  g_assert_cmpuint (after->len, ==, 0);
  /* The tabs too: the first one now names the receipt, the others are gone. */
  g_assert_true (find_tab (GTK_WIDGET (f->view), "receipt-090.jpg") == first_tab);
  g_assert_null (find_tab (GTK_WIDGET (f->view), "three_pages_with_number.pdf"));
  g_assert_null (find_tab (GTK_WIDGET (f->view), "issue6010_1.pdf"));
}

static void
test_prefetch_next_affaire (Fixture *f, gconstpointer data)
{
  InsRenderer *renderer = ins_document_view_get_renderer (f->view);
  g_autoptr(GPtrArray) next = g_ptr_array_new ();
  gboolean expired = FALSE;
  guint id;

  ins_document_view_set_documents (f->view, f->infos);
  wait_event (f, "shown 11 1");
  settle ();
  g_ptr_array_add (next, f->infos->pdata[2]);   /* the receipt */
  ins_document_view_prefetch (f->view, next);

  id = g_timeout_add_seconds (60, on_deadline, &expired);
  while (ins_page_cache_lookup_any (ins_renderer_get_cache (renderer), "attachment:13", 0, 0) == NULL
         && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (id);
  g_assert_nonnull (ins_renderer_lookup_document (renderer, "attachment:13"));

  /* Showing it now paints from the cache in the same turn: no bytes fetched,
   * no open waited for. */
  g_ptr_array_set_size (f->events, 0);
  ins_document_view_set_documents (f->view, next);
  g_assert_true (has_event (f, "shown 13 1"));
}

/* The page is rendered at the size it is shown, in device pixels: not larger,
 * and not stretched by a fraction when painted. */
static void
test_rendered_at_display_size (Fixture *f, gconstpointer data)
{
  InsRenderer *renderer = ins_document_view_get_renderer (f->view);
  InsPageView *page_view;
  InsRenderDocument *doc;
  InsPageImage *image;
  double pw, ph, shown_w, shown_h;
  gboolean expired = FALSE;
  guint id;
  int sf;

  ins_document_view_set_documents (f->view, f->infos);
  wait_event (f, "shown 11 1");
  settle ();
  page_view = INS_PAGE_VIEW (find_page_view (f->view));
  sf = gtk_widget_get_scale_factor (GTK_WIDGET (page_view));
  doc = ins_renderer_lookup_document (renderer, "attachment:11");
  g_assert_nonnull (doc);
  /* The first render may have fitted a hinted size a pixel or two off. */
  id = g_timeout_add_seconds (60, on_deadline, &expired);
  while (ins_renderer_lookup_page (renderer, doc, 0, ins_page_view_get_render_scale (page_view), 0) == NULL
         && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (id);
  ins_render_document_get_page_size (doc, 0, &pw, &ph);
  shown_w = ins_page_view_get_zoom (page_view) * pw * 96 / 72;
  shown_h = ins_page_view_get_zoom (page_view) * ph * 96 / 72;
  /* Fit width: the page spans the view less its two 12-pixel margins. */
  g_assert_cmpfloat (fabs (shown_w - (gtk_widget_get_width (GTK_WIDGET (page_view)) - 24)), <=, 1);
  image = ins_renderer_lookup_page (renderer, doc, 0, ins_page_view_get_render_scale (page_view), 0);
  g_assert_nonnull (image);
  g_assert_cmpfloat (fabs ((double) image->width - shown_w * sf), <=, 1.5);
  g_assert_cmpfloat (fabs ((double) image->height - shown_h * sf), <=, 1.5);
  g_assert_cmpint (image->format, ==, INS_PAGE_FORMAT_ARGB32_PREMULTIPLIED);
  g_assert_true (image->opaque);
}

static cairo_status_t
append_png (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
black_png (int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  GByteArray *png = g_byte_array_new ();
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static void
on_placeholder_shown (InsDocumentView *view, gint64 id, int page, gboolean *shown)
{
  *shown = TRUE;
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

/* The attachment's stored first-page preview is painted at once, while its
 * helper (stopped before rendering) has not rendered a pixel; then the page. */
static void
test_stored_preview_placeholder (Fixture *f, gconstpointer data)
{
  const char *argv[] = { ins_renderer_find_helper (), "--stop-before-render", NULL };
  g_autoptr(InsRenderer) stopping = ins_renderer_new_for_helper (argv);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  /* One page: no neighbours nor thumbnails to render (each would stop). */
  InsAttachmentInfo *info = add_file (f->source, f->infos, 14, "pdf",
                                      "annotation-underline-without-appearance.pdf",
                                      "application/pdf", 1);
  InsRenderDocument *doc = NULL;
  InsPageImage *preview;
  gboolean placeholder = FALSE, expired = FALSE;
  double dark, white;
  GPid pid = 0;
  guint id;

  info->preview = black_png (181, 256);
  ins_document_view_set_renderer (f->view, stopping);
  g_signal_connect (f->view, "placeholder-shown", G_CALLBACK (on_placeholder_shown), &placeholder);
  g_ptr_array_add (one, info);
  ins_document_view_set_documents (f->view, one);

  id = g_timeout_add_seconds (60, on_deadline, &expired);
  while (!(placeholder && (doc = ins_renderer_lookup_document (stopping, "attachment:14")) != NULL
           && (pid = ins_render_document_get_helper_pid (doc)) != 0 && is_stopped (pid))
         && !expired)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_false (expired);
  g_source_remove (id);
  settle ();
  g_assert_false (has_event (f, "shown 14"));
  g_assert_true (is_stopped (pid));

  doc = ins_renderer_lookup_document (stopping, "attachment:14");
  preview = ins_render_document_get_preview (doc);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->width, ==, 181);
  g_assert_cmpuint (preview->height, ==, 256);
  paint_widget_named (find_page_view (f->view), "document-view-stored-preview", &dark, &white);
  g_assert_cmpfloat (dark, >, 0.3);

  /* Every render stops first (the layout may ask for more than one scale):
   * let each go until the page shows, then a little longer, so that no
   * stopped helper outlives the test. */
  expired = FALSE;
  id = g_timeout_add_seconds (60, on_deadline, &expired);
  for (gint64 until = G_MAXINT64; g_get_monotonic_time () < until && !expired;)
    {
      pid = ins_render_document_get_helper_pid (doc);
      if (pid != 0 && is_stopped (pid))
        kill (pid, SIGCONT);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      if (until == G_MAXINT64 && has_event (f, "shown 14 1"))
        until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
    }
  g_assert_false (expired);
  g_source_remove (id);
  settle ();
  paint_widget (find_page_view (f->view), &dark, &white);
  g_assert_cmpfloat (dark, <, 0.3);
}

/* An attachment source that answers when told to. */
#define HELD_TYPE_SOURCE (held_source_get_type ())
G_DECLARE_FINAL_TYPE (HeldSource, held_source, HELD, SOURCE, GObject)
struct _HeldSource { GObject parent_instance; GTask *task; };
static void held_source_iface_init (InsAttachmentSourceInterface *iface);
G_DEFINE_FINAL_TYPE_WITH_CODE (HeldSource, held_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (INS_TYPE_ATTACHMENT_SOURCE, held_source_iface_init))

static void
held_fetch_async (InsAttachmentSource *source, gint64 id, GCancellable *cancellable,
                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_assert_null (HELD_SOURCE (source)->task);
  HELD_SOURCE (source)->task = g_task_new (source, cancellable, callback, user_data);
}

static GBytes *
held_fetch_finish (InsAttachmentSource *source, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
held_source_iface_init (InsAttachmentSourceInterface *iface)
{
  iface->fetch_async = held_fetch_async;
  iface->fetch_finish = held_fetch_finish;
}

static void held_source_class_init (HeldSourceClass *klass) {}
static void held_source_init (HeldSource *self) {}

/* The stored preview is the page from the selection on: before the bytes are
 * even fetched, nothing open; then the page replaces it. */
static void
test_preview_before_the_open (Fixture *f, gconstpointer data)
{
  g_autoptr(HeldSource) held = g_object_new (HELD_TYPE_SOURCE, NULL);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (doc_test_corpus_dir (), "pdf",
                                            "annotation-underline-without-appearance.pdf", NULL);
  InsAttachmentInfo *info = add_file (f->source, f->infos, 15, "pdf",
                                      "annotation-underline-without-appearance.pdf",
                                      "application/pdf", 1);
  gboolean placeholder = FALSE;
  double dark, white;

  info->preview = black_png (181, 256);
  ins_document_view_set_source (f->view, INS_ATTACHMENT_SOURCE (held));
  g_signal_connect (f->view, "placeholder-shown", G_CALLBACK (on_placeholder_shown), &placeholder);
  g_ptr_array_add (one, info);
  ins_document_view_set_documents (f->view, one);
  g_assert_true (placeholder);
  g_assert_nonnull (held->task);
  settle ();
  g_assert_null (ins_renderer_lookup_document (ins_document_view_get_renderer (f->view),
                                               "attachment:15"));
  paint_widget_named (find_page_view (f->view), "document-view-preview-before-open", &dark, &white);
  g_assert_cmpfloat (dark, >, 0.3);

  g_task_return_pointer (held->task, doc_test_read_bytes (path), (GDestroyNotify) g_bytes_unref);
  g_clear_object (&held->task);
  wait_event (f, "shown 15 1");
  settle ();
  paint_widget (find_page_view (f->view), &dark, &white);
  g_assert_cmpfloat (dark, <, 0.3);
}

int
main (int argc, char **argv)
{
  doc_test_init_renderer ();
  gtk_test_init (&argc, &argv, NULL);
  ins_test_i18n_init ();
  adw_init ();

  g_test_add ("/document-view/first-page-of-a-real-pdf", Fixture, NULL, fixture_set_up,
              test_first_page_of_a_real_pdf, fixture_tear_down);
  g_test_add ("/document-view/pages-rotation-and-tags", Fixture, NULL, fixture_set_up,
              test_pages_rotation_and_tags, fixture_tear_down);
  g_test_add ("/document-view/encrypted-pdf-placeholder", Fixture, NULL, fixture_set_up,
              test_encrypted_pdf_placeholder, fixture_tear_down);
  g_test_add ("/document-view/receipt-and-import-reason", Fixture, NULL, fixture_set_up,
              test_receipt_and_import_reason, fixture_tear_down);
  g_test_add ("/document-view/thumbnails-reused", Fixture, NULL, fixture_set_up,
              test_thumbnails_reused, fixture_tear_down);
  g_test_add ("/document-view/rendered-at-display-size", Fixture, NULL, fixture_set_up,
              test_rendered_at_display_size, fixture_tear_down);
  g_test_add ("/document-view/prefetch-next-affaire", Fixture, NULL, fixture_set_up,
              test_prefetch_next_affaire, fixture_tear_down);
  g_test_add ("/document-view/stored-preview-placeholder", Fixture, NULL, fixture_set_up,
              test_stored_preview_placeholder, fixture_tear_down);
  g_test_add ("/document-view/preview-before-the-open", Fixture, NULL, fixture_set_up,
              test_preview_before_the_open, fixture_tear_down);
  return g_test_run ();
}
