/* ins-document-thumbnails.c — the document view's strip of page thumbnails */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include "ins-document-view-private.h"

#define MAX_THUMBNAILS 300

typedef struct {
  InsDocumentView *self;
  InsPageThumbnail *thumb;   /* reused for another page once cancelled */
  GCancellable *cancellable;
} ThumbRequest;

static void
on_thumbnail_rendered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ThumbRequest *req = user_data;
  g_autoptr(InsPageImage) image = ins_renderer_render_finish (INS_RENDERER (source), result, NULL);

  if (image != NULL && !g_cancellable_is_cancelled (req->cancellable))
    ins_page_thumbnail_set_image (req->thumb, image);
  g_object_unref (req->cancellable);
  g_object_unref (req->thumb);
  g_object_unref (req->self);
  g_free (req);
}

void
ins_document_thumbnails_render (InsDocumentView *self, DocState *d, InsPageThumbnail *thumb)
{
  guint page = (guint) ins_page_thumbnail_get_page_no (thumb) - 1;
  double w, h, scale;
  ThumbRequest *req;

  ins_document_view_page_shown_size (d, page, &w, &h);
  ins_page_thumbnail_set_aspect (thumb, h / MAX (w, 1));
  /* Exactly the thumbnail's width: a pixel more made the strip wider when
   * the image came, and the page beside it was laid out and painted again. */
  scale = ins_page_view_scale_for_width (w, INS_PAGE_THUMBNAIL_WIDTH
                                            * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  req = g_new0 (ThumbRequest, 1);
  req->self = g_object_ref (self);
  req->thumb = g_object_ref (thumb);
  req->cancellable = g_object_ref (self->thumbs_cancellable);
  ins_renderer_render_async (self->renderer, d->doc, page, scale, (guint) d->rotation[page],
                             INS_RENDER_PRIORITY_NEIGHBOUR, self->thumbs_cancellable,
                             on_thumbnail_rendered, req);
}

void
ins_document_thumbnails_build (InsDocumentView *self)
{
  DocState *d = ins_document_view_current_doc (self);
  GtkListBoxRow *row;
  guint n;

  g_cancellable_cancel (self->thumbs_cancellable);
  g_clear_object (&self->thumbs_cancellable);
  self->thumbs_cancellable = g_cancellable_new ();

  self->building_thumbnails = TRUE;
  n = d != NULL && d->doc != NULL && d->n_pages > 1 ? MIN (d->n_pages, MAX_THUMBNAILS) : 0;
  /* The strip's rows are reused from one document to the next: only the
   * rows beyond this document's pages go, only missing ones are made. */
  while ((row = gtk_list_box_get_row_at_index (self->thumbnails, (int) n)) != NULL)
    gtk_list_box_remove (self->thumbnails, GTK_WIDGET (row));
  gtk_widget_set_visible (self->thumbnails_scroller, n > 0);
  for (guint i = 0; i < n; i++)
    {
      InsPageThumbnail *thumb = ins_document_thumbnails_at (self, i);
      double w, h;

      ins_document_view_page_shown_size (d, i, &w, &h);
      if (thumb == NULL)
        {
          thumb = INS_PAGE_THUMBNAIL (ins_page_thumbnail_new ((int) i + 1, h / MAX (w, 1)));
          gtk_list_box_append (self->thumbnails, GTK_WIDGET (thumb));
        }
      else
        ins_page_thumbnail_set_image (thumb, NULL);
      ins_page_thumbnail_set_tag (thumb, d->tags[i]);
    }
  self->building_thumbnails = FALSE;
}

void
ins_document_thumbnails_render_all (InsDocumentView *self)
{
  DocState *d = ins_document_view_current_doc (self);
  InsPageThumbnail *thumb;

  if (d == NULL || d->doc == NULL || !gtk_widget_get_visible (self->thumbnails_scroller))
    return;
  for (guint i = 0; (thumb = ins_document_thumbnails_at (self, i)) != NULL; i++)
    ins_document_thumbnails_render (self, d, thumb);
}

InsPageThumbnail *
ins_document_thumbnails_at (InsDocumentView *self, guint page)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->thumbnails, (int) page);

  return row ? INS_PAGE_THUMBNAIL (gtk_list_box_row_get_child (row)) : NULL;
}

void
ins_document_thumbnails_select (InsDocumentView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->thumbnails, (int) self->page);

  self->building_thumbnails = TRUE;
  gtk_list_box_select_row (self->thumbnails, row);
  self->building_thumbnails = FALSE;
}

void
ins_document_thumbnails_on_selected (InsDocumentView *self, GtkListBoxRow *row)
{
  if (row == NULL || self->building_thumbnails)
    return;
  ins_document_view_set_current_page (self, gtk_list_box_row_get_index (row) + 1);
}

