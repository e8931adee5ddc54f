/* ins-document-page.c — the document view's current page: placeholder, final
 * render, its neighbours, the unreadable state */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <math.h>

#include "documents/ins-document-error.h"
#include "documents/ins-image-decode.h"
#include "ins-document-view-private.h"
#include "ins-ui-format.h"

/* A PDF with more bytes per page than this is probably a scan: paint a
 * low-resolution version first. */
#define HEAVY_BYTES_PER_PAGE (250 * 1024)
#define PLACEHOLDER_FRACTION 0.25
#define PREFETCH_PAGES 2
/* InsPageView's margins around a page, both sides. */
#define PAGE_MARGINS 24

typedef struct {
  InsDocumentView *self;
  InsRenderDocument *doc;
  guint page;
  guint rotation;
  double scale;
  gboolean final;
} PageRequest;

static void
page_request_free (PageRequest *req)
{
  g_object_unref (req->doc);
  g_object_unref (req->self);
  g_free (req);
}

static gboolean
request_is_current (PageRequest *req)
{
  InsDocumentView *self = req->self;
  DocState *d = ins_document_view_current_doc (self);

  return d != NULL && d->doc == req->doc && self->page == req->page
         && (guint) d->rotation[req->page] == req->rotation;
}

char *
ins_document_page_error_reason (DocState *d)
{
  const char *reason = "";

  if (d->error != NULL && d->error->domain == INS_DOCUMENT_ERROR)
    reason = ins_document_error_message (d->error->code);
  else if (d->info != NULL && d->info->unreadable_reason != NULL && d->doc == NULL
           && (d->error == NULL || g_error_matches (d->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA)))
    reason = d->info->unreadable_reason;
  else if (d->error != NULL)
    reason = d->error->message;
  return ins_ui_sentence (reason);
}

void
ins_document_page_show_error (InsDocumentView *self, DocState *d)
{
  g_autofree char *reason = ins_document_page_error_reason (d);

  adw_status_page_set_description (self->error_page, reason);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
prefetch_neighbours (InsDocumentView *self, DocState *d, double scale)
{
  for (guint delta = 1; delta <= PREFETCH_PAGES; delta++)
    {
      guint pages[2] = { self->page + delta, self->page - delta };

      for (guint k = 0; k < 2; k++)
        if (pages[k] < d->n_pages && (k == 0 || self->page >= delta))
          ins_renderer_render_async (self->renderer, d->doc, pages[k], scale,
                                     (guint) d->rotation[pages[k]],
                                     INS_RENDER_PRIORITY_NEIGHBOUR, self->page_cancellable,
                                     NULL, NULL);
    }
}

static void
on_page_rendered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PageRequest *req = user_data;
  InsDocumentView *self = req->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsPageImage) image = ins_renderer_render_finish (INS_RENDERER (source), result,
                                                              &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !request_is_current (req))
    {
      page_request_free (req);
      return;
    }
  if (image == NULL)
    {
      DocState *d = ins_document_view_current_doc (self);

      if (req->final)
        {
          g_clear_error (&d->error);
          d->error = g_steal_pointer (&error);
          ins_document_page_show_error (self, d);
          g_signal_emit (self, ins_document_view_signals[DOCUMENT_FAILED], 0, d->info ? d->info->id : (gint64) 0,
                         adw_status_page_get_description (self->error_page));
          g_clear_error (&d->error);   /* another page, or a retry, may work */
        }
    }
  else if (req->final)
    {
      DocState *d = ins_document_view_current_doc (self);

      ins_page_view_set_image (self->page_view, image, TRUE);
      g_signal_emit (self, ins_document_view_signals[PAGE_SHOWN], 0, d->info ? d->info->id : (gint64) 0,
                     (int) req->page + 1);
      prefetch_neighbours (self, d, req->scale);
    }
  else if (!ins_page_view_has_final_image (self->page_view))
    {
      DocState *d = ins_document_view_current_doc (self);

      ins_page_view_set_image (self->page_view, image, FALSE);
      g_signal_emit (self, ins_document_view_signals[PLACEHOLDER_SHOWN], 0, d->info ? d->info->id : (gint64) 0,
                     (int) req->page + 1);
    }
  page_request_free (req);
}

static void
request_page (InsDocumentView *self, InsRenderDocument *doc, guint page, guint rotation,
              double scale, gboolean final)
{
  PageRequest *req = g_new0 (PageRequest, 1);

  g_debug ("render page %u at scale %.3f rotation %u%s", page, scale, rotation,
           final ? "" : " (placeholder)");
  req->self = g_object_ref (self);
  req->doc = g_object_ref (doc);
  req->page = page;
  req->rotation = rotation;
  req->scale = scale;
  req->final = final;
  ins_renderer_render_async (self->renderer, doc, page, scale, rotation,
                             INS_RENDER_PRIORITY_VISIBLE, self->page_cancellable,
                             on_page_rendered, req);
}

static void
render_current_page (InsDocumentView *self)
{
  DocState *d = ins_document_view_current_doc (self);
  InsPageImage *exact, *placeholder;
  guint rotation;
  double scale;

  if (d == NULL || d->doc == NULL)
    return;
  /* Not laid out yet: the first allocation asks again with the right scale. */
  if (self->zoom_mode != INS_ZOOM_FREE && !ins_page_view_is_sized (self->page_view))
    return;
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_cancellable = g_cancellable_new ();

  rotation = (guint) d->rotation[self->page];
  scale = ins_page_view_get_render_scale (self->page_view);
  exact = ins_renderer_lookup_page (self->renderer, d->doc, self->page, scale, rotation);
  if (exact != NULL)
    {
      ins_page_view_set_image (self->page_view, exact, TRUE);
      g_signal_emit (self, ins_document_view_signals[PAGE_SHOWN], 0, d->info ? d->info->id : (gint64) 0,
                     (int) self->page + 1);
      prefetch_neighbours (self, d, scale);
      return;
    }

  placeholder = ins_page_cache_lookup_any (ins_renderer_get_cache (self->renderer),
                                           ins_render_document_get_key (d->doc), self->page,
                                           rotation);
  if (placeholder == NULL && rotation == 0)
    placeholder = ins_render_document_get_preview (d->doc);
  ins_page_view_set_image (self->page_view, placeholder, FALSE);
  if (placeholder != NULL)
    g_signal_emit (self, ins_document_view_signals[PLACEHOLDER_SHOWN], 0, d->info ? d->info->id : (gint64) 0,
                   (int) self->page + 1);

  if (placeholder == NULL && ins_render_document_get_kind (d->doc) == INS_DOCUMENT_KIND_PDF
      && g_bytes_get_size (ins_render_document_get_bytes (d->doc)) / MAX (d->n_pages, 1)
         > HEAVY_BYTES_PER_PAGE)
    request_page (self, d->doc, self->page, rotation,
                  round (scale * PLACEHOLDER_FRACTION * 1000) / 1000, FALSE);
  request_page (self, d->doc, self->page, rotation, scale, TRUE);
}

/* The width the page stack will have beside the strip, shown or not: its
 * siblings' natural widths off the box's. Their allocations cannot tell: a
 * hidden strip keeps the width it last had, and the stack the width it had
 * beside it. A hidden widget measures 0: the strip's rows are measured. */
int
ins_document_page_area_width (InsDocumentView *self, gboolean strip)
{
  GtkWidget *stack = GTK_WIDGET (self->stack);
  GtkWidget *box = gtk_widget_get_parent (stack);
  int width = gtk_widget_get_width (box);

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *measured = child;
      int natural = 0;

      if (child == self->thumbnails_scroller)
        {
          if (!strip)
            continue;
          if (!gtk_widget_get_visible (child))
            measured = GTK_WIDGET (self->thumbnails);
        }
      else if (child == stack || !gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (measured, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      width -= natural;
    }
  return width;
}

/* The height the page stack will have under the tabs and the toolbar: the
 * view's less their natural heights. The stack's own height is stale when the
 * tabs just changed: from 3 attachments to 4 they give way to numbers and a
 * caption line. */
int
ins_document_page_area_height (InsDocumentView *self)
{
  GtkWidget *area = gtk_widget_get_parent (GTK_WIDGET (self->stack));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural = 0;

      if (child == area || !gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
      height -= natural;
    }
  return height;
}

gboolean
ins_document_page_show_preview (InsDocumentView *self, DocState *d)
{
  g_autoptr(InsPageImage) preview = NULL;

  /* Upright and fitted: its pixels give the page's shape, not its size. */
  if (d->info == NULL || d->info->preview == NULL || self->page != 0 || d->n_pages == 0
      || d->rotation[0] != 0 || self->zoom_mode == INS_ZOOM_FREE)
    return FALSE;
  preview = ins_image_decode (d->info->preview, 1.0, 0, NULL);
  if (preview == NULL)
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "page");
  ins_page_view_set_size_hint (self->page_view,
                               ins_document_page_area_width (self, gtk_widget_get_visible (self->thumbnails_scroller)),
                               ins_document_page_area_height (self));
  ins_page_view_set_page_size (self->page_view, preview->width, preview->height);
  ins_page_view_set_image (self->page_view, preview, FALSE);
  g_signal_emit (self, ins_document_view_signals[PLACEHOLDER_SHOWN], 0, d->info->id, 1);
  return TRUE;
}

void
ins_document_page_hint_first_page (InsDocumentView *self, DocState *d)
{
  gboolean strip = d->n_pages > 1;
  int width;

  /* The width render_current_page () will fit page 1 to; unknown while the
   * strip has no row to measure. */
  if (self->zoom_mode != INS_ZOOM_FIT_WIDTH || self->page != 0 || d->n_pages == 0
      || (strip && gtk_list_box_get_row_at_index (self->thumbnails, 0) == NULL))
    return;
  width = ins_document_page_area_width (self, strip) - PAGE_MARGINS;
  if (width <= 0)
    return;
  ins_renderer_hint_first_page (self->renderer, d->key,
                                width * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                (guint) d->rotation[0]);
}

void
ins_document_page_layout (InsDocumentView *self)
{
  DocState *d = ins_document_view_current_doc (self);
  double w, h;

  if (d == NULL || d->doc == NULL)
    return;
  ins_document_view_page_shown_size (d, self->page, &w, &h);
  /* The page view takes the stack's size once laid out beside the strip just
   * shown or hidden: the render goes now at that size, not after a frame
   * that shows the page at the old one. */
  ins_page_view_set_size_hint (self->page_view,
                               ins_document_page_area_width (self, gtk_widget_get_visible (self->thumbnails_scroller)),
                               ins_document_page_area_height (self));
  /* set_page_size emits scale-changed, which renders. */
  ins_page_view_set_page_size (self->page_view, w, h);
  ins_document_view_update_actions (self);
}

void
ins_document_page_on_scale_changed (InsDocumentView *self)
{
  ins_document_view_update_actions (self);
  render_current_page (self);
}

