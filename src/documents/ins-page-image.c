/* ins-page-image.c — the pixels of one rendered page */
#define G_LOG_DOMAIN "ins-documents"

#include "config.h"

#include <math.h>

#include "ins-page-image.h"

typedef struct {
  InsPageImage image;
  gatomicrefcount ref_count;
} InsPageImagePriv;

G_DEFINE_BOXED_TYPE (InsPageImage, ins_page_image, ins_page_image_ref, ins_page_image_unref)

InsPageImage *
ins_page_image_new (guint width, guint height, gsize stride,
                    InsPageFormat format, GBytes *pixels)
{
  InsPageImagePriv *priv;

  g_return_val_if_fail (pixels != NULL, NULL);
  g_return_val_if_fail (height == 0 || g_bytes_get_size (pixels) >= stride * (height - 1), NULL);

  priv = g_new0 (InsPageImagePriv, 1);
  g_atomic_ref_count_init (&priv->ref_count);
  priv->image.width = width;
  priv->image.height = height;
  priv->image.stride = stride;
  priv->image.format = format;
  priv->image.pixels = g_bytes_ref (pixels);
  return &priv->image;
}

InsPageImage *
ins_page_image_ref (InsPageImage *image)
{
  InsPageImagePriv *priv = (InsPageImagePriv *) image;

  g_return_val_if_fail (image != NULL, NULL);
  g_atomic_ref_count_inc (&priv->ref_count);
  return image;
}

void
ins_page_image_unref (InsPageImage *image)
{
  InsPageImagePriv *priv = (InsPageImagePriv *) image;

  g_return_if_fail (image != NULL);
  if (g_atomic_ref_count_dec (&priv->ref_count))
    {
      g_bytes_unref (image->pixels);
      g_free (priv);
    }
}

gsize
ins_page_image_get_size (const InsPageImage *image)
{
  return g_bytes_get_size (image->pixels) + sizeof (InsPageImagePriv);
}

double
ins_page_image_ink_ratio (const InsPageImage *image, guint samples)
{
  const guint8 *data = g_bytes_get_data (image->pixels, NULL);
  guint step, inked = 0, total = 0;

  if (image->width == 0 || image->height == 0)
    return 0;
  step = MAX (1, (guint) sqrt ((double) image->width * image->height / MAX (samples, 1)));
  for (guint y = 0; y < image->height; y += step)
    for (guint x = 0; x < image->width; x += step)
      {
        guint32 v = *(const guint32 *) (data + y * image->stride + x * 4);
        guint r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff, a = v >> 24;

        total++;
        if (a > 16 && (r < 200 || g < 200 || b < 200))
          inked++;
      }
  return total ? (double) inked / total : 0;
}
