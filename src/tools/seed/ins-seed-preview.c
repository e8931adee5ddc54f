/* ins-seed-preview.c — first-page previews of the PDFs the seed draws */
#define G_LOG_DOMAIN "ins-seed"
#include "config.h"

#include <math.h>
#include <poppler.h>

#include "store/ins-preview-store.h"
#include "ins-seed-preview.h"

/* As instruction-pdf-probe --preview: the longer side in pixels. */
#define PREVIEW_SIDE 256

static cairo_status_t
append_png (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render_preview (GBytes *pdf)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, NULL);
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w = 0, h = 0, scale;
  cairo_status_t status;

  if (document == NULL)
    return NULL;
  page = poppler_document_get_page (document, 0);
  g_object_unref (document);
  if (page == NULL)
    return NULL;
  poppler_page_get_size (page, &w, &h);
  if (!(w > 0 && h > 0))
    {
      g_object_unref (page);
      return NULL;
    }
  scale = PREVIEW_SIDE / MAX (w, h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (1, (int) lround (w * scale)),
                                        MAX (1, (int) lround (h * scale)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_object_unref (page);
  status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

gboolean
ins_seed_preview_store (PGconn            *conn,
                        const InsSeedDoc  *doc,
                        GError           **error)
{
  g_autoptr(GBytes) png = NULL;

  if (!g_str_equal (doc->content_type, "application/pdf") || doc->unreadable_reason != NULL)
    return TRUE;
  png = render_preview (doc->bytes);
  return png == NULL || ins_preview_store_put (conn, doc->sha256, png, error);
}
