/* ins-image-decode.h — JPEG and PNG attachments decoded at display scale
 *
 * Images are decoded in-process (gdk-pixbuf) on a worker thread, never at full
 * size when a smaller one is asked for: the JPEG decoder scales while decoding.
 * The EXIF orientation is applied, so sizes and pixels are upright.
 */
#pragma once

#include <gio/gio.h>

#include "ins-page-image.h"

G_BEGIN_DECLS

typedef enum {
  INS_DOCUMENT_KIND_UNKNOWN,
  INS_DOCUMENT_KIND_PDF,
  INS_DOCUMENT_KIND_JPEG,
  INS_DOCUMENT_KIND_PNG,
} InsDocumentKind;

/* Largest image accepted, in pixels (width × height of the file). */
#define INS_IMAGE_MAX_PIXELS (80u * 1000 * 1000)

/* The kind of document by its first bytes, not its name. */
InsDocumentKind ins_document_kind_sniff (GBytes *bytes);

/* Reads the upright size of the image in pixels and decodes a preview that
 * fits in @preview_side × @preview_side (0: no preview). */
gboolean      ins_image_probe  (GBytes        *bytes,
                                guint          preview_side,
                                guint         *width,
                                guint         *height,
                                InsPageImage **preview,
                                GError       **error);

/* Decodes the image at @factor (device pixels per image pixel, at most 1),
 * upright, then turned by @rotation degrees clockwise, into premultiplied ARGB32. */
InsPageImage *ins_image_decode (GBytes        *bytes,
                                double         factor,
                                guint          rotation,
                                GError       **error);

G_END_DECLS
