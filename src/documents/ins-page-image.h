/* ins-page-image.h — the pixels of one rendered page (immutable, refcounted) */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One format for PDF pages and decoded images alike: what the cairo renderer
 * draws and GdkMemoryTexture takes (GDK_MEMORY_DEFAULT) without a conversion. */
typedef enum {
  INS_PAGE_FORMAT_ARGB32_PREMULTIPLIED, /* cairo's ARGB32, native endian */
} InsPageFormat;

typedef struct {
  guint         width;
  guint         height;
  gsize         stride;
  InsPageFormat format;
  gboolean      opaque; /* every alpha is 255: it may be copied rather than blended */
  GBytes       *pixels; /* stride × height bytes (the last row may be shorter) */
} InsPageImage;

#define INS_TYPE_PAGE_IMAGE (ins_page_image_get_type ())

GType         ins_page_image_get_type   (void) G_GNUC_CONST;

/* Takes a reference on @pixels. */
InsPageImage *ins_page_image_new        (guint width, guint height, gsize stride,
                                         InsPageFormat format, GBytes *pixels);
InsPageImage *ins_page_image_ref        (InsPageImage *image);
void          ins_page_image_unref      (InsPageImage *image);
gsize         ins_page_image_get_size   (const InsPageImage *image);
/* The fraction (0..1) of pixels that are neither white nor transparent,
 * sampled on a grid of about @samples points. */
double        ins_page_image_ink_ratio  (const InsPageImage *image, guint samples);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsPageImage, ins_page_image_unref)

G_END_DECLS
