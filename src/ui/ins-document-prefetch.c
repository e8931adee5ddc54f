/* ins-document-prefetch.c — the next affaire's first pages, rendered ahead */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"


#include "ins-document-view-private.h"

typedef struct {
  InsDocumentView *self;
  char *key;
  GCancellable *cancellable;
  double width_px;      /* the width a page is fitted to, in logical pixels */
} PrefetchRequest;

static void
prefetch_request_free (PrefetchRequest *req)
{
  g_object_unref (req->cancellable);
  g_object_unref (req->self);
  g_free (req->key);
  g_free (req);
}

static void
on_prefetch_opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PrefetchRequest *req = user_data;
  g_autoptr(InsRenderDocument) doc = ins_renderer_open_finish (INS_RENDERER (source), result, NULL);

  if (doc != NULL && !g_cancellable_is_cancelled (req->cancellable))
    {
      InsDocumentView *self = req->self;
      double w, h, scale;

      ins_render_document_get_page_size (doc, 0, &w, &h);
      /* What fit width will ask for (see InsPageView), unless the agent zoomed. */
      scale = ins_page_view_scale_for_width (w, req->width_px
                                             * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
      ins_renderer_render_async (self->renderer, doc, 0, scale, 0, INS_RENDER_PRIORITY_PREFETCH,
                                 req->cancellable, NULL, NULL);
    }
  prefetch_request_free (req);
}

static void
on_prefetch_bytes (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PrefetchRequest *req = user_data;
  g_autoptr(GBytes) bytes = ins_attachment_source_fetch_finish (INS_ATTACHMENT_SOURCE (source),
                                                                result, NULL);

  if (bytes == NULL || g_cancellable_is_cancelled (req->cancellable))
    {
      prefetch_request_free (req);
      return;
    }
  ins_renderer_open_async (req->self->renderer, req->key, bytes, INS_RENDER_PRIORITY_PREFETCH,
                           req->cancellable, on_prefetch_opened, req);
}

void
ins_document_view_prefetch (InsDocumentView *self,
                            GPtrArray       *attachments)
{
  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));

  g_cancellable_cancel (self->prefetch_cancellable);
  g_clear_object (&self->prefetch_cancellable);
  self->prefetch_cancellable = g_cancellable_new ();
  if (attachments == NULL || self->source == NULL)
    return;

  for (guint i = 0; i < MIN (attachments->len, 2); i++)
    {
      InsAttachmentInfo *info = attachments->pdata[i];
      PrefetchRequest *req;
      double width_px;

      if (info->unreadable_reason != NULL)
        continue;
      /* The page area's width beside the strip this document will have, less
       * the page's margins. */
      width_px = MAX (ins_document_page_area_width (self, info->page_count > 1) - 24, 100);
      req = g_new0 (PrefetchRequest, 1);
      req->self = g_object_ref (self);
      req->key = ins_document_view_key_for_info (info);
      req->cancellable = g_object_ref (self->prefetch_cancellable);
      req->width_px = width_px;
      ins_attachment_source_fetch_async (self->source, info->id, req->cancellable,
                                         on_prefetch_bytes, req);
    }
}
