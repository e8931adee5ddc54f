/* ins-page-thumbnail.h — a page's thumbnail with its number and tag */
#pragma once

#include <gtk/gtk.h>

#include "core/ins-types.h"
#include "documents/ins-page-image.h"

G_BEGIN_DECLS

/* Thumbnails are this many logical pixels wide. */
#define INS_PAGE_THUMBNAIL_WIDTH 96

#define INS_TYPE_PAGE_THUMBNAIL (ins_page_thumbnail_get_type ())

G_DECLARE_FINAL_TYPE (InsPageThumbnail, ins_page_thumbnail, INS, PAGE_THUMBNAIL, GtkWidget)

/* @page_no is 1-based; @aspect is height / width of the page as shown. */
GtkWidget *ins_page_thumbnail_new       (int page_no, double aspect);
int        ins_page_thumbnail_get_page_no (InsPageThumbnail *self);
void       ins_page_thumbnail_set_image (InsPageThumbnail *self, InsPageImage *image);
void       ins_page_thumbnail_set_aspect (InsPageThumbnail *self, double aspect);
void       ins_page_thumbnail_set_tag   (InsPageThumbnail *self, InsPageTag tag);

G_END_DECLS
