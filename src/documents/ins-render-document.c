/* ins-render-document.c — one open attachment and its renderer process */
#define G_LOG_DOMAIN "ins-documents"

#include "config.h"

#include "ins-document-error.h"
#include "ins-helper-pool.h"
#include "ins-render-document.h"
#include "ins-render-helper.h"

/* Consecutive renderer deaths after which the document is given up. */
#define MAX_CRASHES 3
#define IMAGE_POINTS_PER_PIXEL 0.75
#define PREVIEW_SIDE 160

struct _InsRenderDocument
{
  GObject parent_instance;

  char *key;
  InsDocumentKind kind;
  GBytes *bytes;
  GArray *page_sizes;   /* InsRenderPageSize */
  InsPageImage *preview;
  InsHelperPool *pool;
  guint timeout_ms;

  GMutex lock;          /* guards what follows */
  InsRenderHelper *helper;
  guint crashes;

  gint helper_pid;      /* atomic, readable while a render blocks */
};

G_DEFINE_FINAL_TYPE (InsRenderDocument, ins_render_document, G_TYPE_OBJECT)

static void
ins_render_document_finalize (GObject *object)
{
  InsRenderDocument *self = INS_RENDER_DOCUMENT (object);

  g_clear_pointer (&self->helper, ins_render_helper_free);
  g_clear_pointer (&self->preview, ins_page_image_unref);
  g_clear_pointer (&self->page_sizes, g_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->pool, ins_helper_pool_unref);
  g_clear_pointer (&self->key, g_free);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (ins_render_document_parent_class)->finalize (object);
}

static void
ins_render_document_class_init (InsRenderDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ins_render_document_finalize;
}

static void
ins_render_document_init (InsRenderDocument *self)
{
  g_mutex_init (&self->lock);
}

const char *
ins_render_document_get_key (InsRenderDocument *self)
{
  g_return_val_if_fail (INS_IS_RENDER_DOCUMENT (self), NULL);
  return self->key;
}

InsDocumentKind
ins_render_document_get_kind (InsRenderDocument *self)
{
  g_return_val_if_fail (INS_IS_RENDER_DOCUMENT (self), INS_DOCUMENT_KIND_UNKNOWN);
  return self->kind;
}

guint
ins_render_document_get_n_pages (InsRenderDocument *self)
{
  g_return_val_if_fail (INS_IS_RENDER_DOCUMENT (self), 0);
  return self->page_sizes->len;
}

void
ins_render_document_get_page_size (InsRenderDocument *self,
                                   guint              page,
                                   double            *width,
                                   double            *height)
{
  const InsRenderPageSize *size;

  g_return_if_fail (INS_IS_RENDER_DOCUMENT (self));
  g_return_if_fail (page < self->page_sizes->len);

  size = &g_array_index (self->page_sizes, InsRenderPageSize, page);
  if (width)
    *width = size->width;
  if (height)
    *height = size->height;
}

InsPageImage *
ins_render_document_get_preview (InsRenderDocument *self)
{
  g_return_val_if_fail (INS_IS_RENDER_DOCUMENT (self), NULL);
  return self->preview;
}

GBytes *
ins_render_document_get_bytes (InsRenderDocument *self)
{
  g_return_val_if_fail (INS_IS_RENDER_DOCUMENT (self), NULL);
  return self->bytes;
}

GPid
ins_render_document_get_helper_pid (InsRenderDocument *self)
{
  g_return_val_if_fail (INS_IS_RENDER_DOCUMENT (self), 0);
  return (GPid) g_atomic_int_get (&self->helper_pid);
}

/* With the lock held: a live renderer with the document open. */
static gboolean
ensure_helper (InsRenderDocument *self, GArray **sizes, GError **error)
{
  g_autoptr(GArray) local_sizes = NULL;

  if (self->helper != NULL && !ins_render_helper_is_dead (self->helper))
    return TRUE;
  g_clear_pointer (&self->helper, ins_render_helper_free);
  g_atomic_int_set (&self->helper_pid, 0);
  self->helper = ins_helper_pool_take (self->pool, error);
  if (self->helper == NULL)
    return FALSE;
  g_atomic_int_set (&self->helper_pid, ins_render_helper_get_pid (self->helper));
  if (!ins_render_helper_open (self->helper, self->bytes, self->timeout_ms,
                               sizes ? sizes : &local_sizes, error))
    {
      g_clear_pointer (&self->helper, ins_render_helper_free);
      g_atomic_int_set (&self->helper_pid, 0);
      return FALSE;
    }
  return TRUE;
}

InsRenderDocument *
ins_render_document_open_sync (const char         *key,
                               GBytes             *bytes,
                               GBytes             *preview,
                               InsHelperPool      *pool,
                               guint               timeout_ms,
                               GError            **error)
{
  g_autoptr(InsRenderDocument) self = g_object_new (INS_TYPE_RENDER_DOCUMENT, NULL);
  InsRenderPageSize size;
  guint w = 0, h = 0;

  self->key = g_strdup (key);
  self->bytes = g_bytes_ref (bytes);
  self->kind = ins_document_kind_sniff (bytes);
  self->pool = ins_helper_pool_ref (pool);
  self->timeout_ms = timeout_ms;

  switch (self->kind)
    {
    case INS_DOCUMENT_KIND_PDF:
      {
        gboolean ok;

        g_mutex_lock (&self->lock);
        ok = ensure_helper (self, &self->page_sizes, error);
        g_mutex_unlock (&self->lock);
        if (!ok)
          return NULL;
        if (preview != NULL)
          self->preview = ins_image_decode (preview, 1.0, 0, NULL);
      }
      break;
    case INS_DOCUMENT_KIND_JPEG:
    case INS_DOCUMENT_KIND_PNG:
      if (!ins_image_probe (bytes, PREVIEW_SIDE, &w, &h, &self->preview, error))
        return NULL;
      size.width = w * IMAGE_POINTS_PER_PIXEL;
      size.height = h * IMAGE_POINTS_PER_PIXEL;
      self->page_sizes = g_array_new (FALSE, FALSE, sizeof (InsRenderPageSize));
      g_array_append_val (self->page_sizes, size);
      break;
    case INS_DOCUMENT_KIND_UNKNOWN:
    default:
      g_set_error_literal (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_UNSUPPORTED,
                           "unknown file type");
      return NULL;
    }
  return g_steal_pointer (&self);
}

InsPageImage *
ins_render_document_render_sync (InsRenderDocument *self,
                                 guint              page,
                                 double             scale,
                                 guint              rotation,
                                 GError           **error)
{
  InsPageImage *image = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (INS_IS_RENDER_DOCUMENT (self), NULL);

  if (page >= self->page_sizes->len || rotation % 90 != 0 || rotation >= 360 || !(scale > 0))
    {
      g_set_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_FAILED,
                   "bad render request: page %u scale %g rotation %u", page, scale, rotation);
      return NULL;
    }

  if (self->kind != INS_DOCUMENT_KIND_PDF)
    return ins_image_decode (self->bytes, scale * IMAGE_POINTS_PER_PIXEL, rotation, error);

  g_mutex_lock (&self->lock);
  if (self->crashes >= MAX_CRASHES)
    g_set_error_literal (&local_error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_CRASHED,
                         "renderer failed too often on this document");
  else if (ensure_helper (self, NULL, &local_error))
    image = ins_render_helper_render (self->helper, page, scale, rotation,
                                      self->timeout_ms, &local_error);
  if (image != NULL)
    self->crashes = 0;
  else if (g_error_matches (local_error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_CRASHED)
           || g_error_matches (local_error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_TIMEOUT))
    self->crashes++;
  if (self->helper != NULL && ins_render_helper_is_dead (self->helper))
    {
      g_clear_pointer (&self->helper, ins_render_helper_free);
      g_atomic_int_set (&self->helper_pid, 0);
    }
  g_mutex_unlock (&self->lock);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return image;
}
