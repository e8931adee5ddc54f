/* ins-page-view.h — one page, scrollable, at a zoom or fitted to the space
 *
 * Part of InsDocumentView. Paints the image it is given stretched to the page's
 * logical size, so a low-resolution placeholder shows at once and the full
 * image replaces it. Emits `scale-changed` when the device pixels per point it
 * needs change (a new size in a fit mode, a new zoom, a new scale factor).
 */
#pragma once

#include <gtk/gtk.h>

#include "documents/ins-page-image.h"

G_BEGIN_DECLS

#define INS_PAGE_VIEW_MIN_ZOOM 0.1
#define INS_PAGE_VIEW_MAX_ZOOM 8.0

#define INS_TYPE_PAGE_VIEW (ins_page_view_get_type ())

G_DECLARE_FINAL_TYPE (InsPageView, ins_page_view, INS, PAGE_VIEW, GtkWidget)

GtkWidget *ins_page_view_new           (void);
/* The page's size in points as shown (after its rotation); 0 × 0 for none. */
void       ins_page_view_set_page_size (InsPageView *self, double width, double height);
/* The size it is about to be given, in logical pixels, used to fit the page
 * while it has none (never shown yet): the first render need not wait for a
 * layout. */
void       ins_page_view_set_size_hint (InsPageView *self, int width, int height);
/* Whether it has a size, allocated or hinted, to fit a page to. */
gboolean   ins_page_view_is_sized      (InsPageView *self);
/* fit: 0 none (use @zoom), 1 width, 2 page. */
void       ins_page_view_set_zoom      (InsPageView *self, int fit, double zoom);
/* The zoom in effect (1.0: 100 %, one point is 4/3 of a logical pixel). */
double     ins_page_view_get_zoom      (InsPageView *self);
/* Device pixels per point for a sharp image at the current zoom and scale
 * factor: the image is as wide as the page is shown, to the device pixel. */
double     ins_page_view_get_render_scale (InsPageView *self);
/* The render scale for a page @page_width points wide shown @width_px device
 * pixels wide (rounded to a whole pixel). */
double     ins_page_view_scale_for_width (double page_width, double width_px);
/* @image may be NULL (a blank page is drawn); @final tells a placeholder apart. */
void       ins_page_view_set_image     (InsPageView *self, InsPageImage *image, gboolean final);
gboolean   ins_page_view_has_final_image (InsPageView *self);
/* Scrolls to the top (a new page). */
void       ins_page_view_scroll_to_top (InsPageView *self);

/* A texture for @image (no copy of the pixels). */
GdkTexture *ins_page_image_to_texture  (InsPageImage *image);

G_END_DECLS
