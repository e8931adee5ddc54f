/* ins-page-view.c — one page, scrollable, zoomed or fitted */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <math.h>

#include "documents/ins-renderer.h"
#include "ins-page-view.h"

#define MARGIN 12
#define PX_PER_POINT (96.0 / 72.0)
/* A fitted page that a new size would change by less than this many pixels
 * stays as it is, eating into its margins: rendering and repainting the page
 * again for a pixel (the strip of thumbnails grew by one) is not worth it. */
#define FIT_SLACK 1.5

/* The page itself, inside the scrolled window. */
#define INS_TYPE_PAGE_CANVAS (ins_page_canvas_get_type ())
G_DECLARE_FINAL_TYPE (InsPageCanvas, ins_page_canvas, INS, PAGE_CANVAS, GtkWidget)

struct _InsPageCanvas
{
  GtkWidget parent_instance;

  double width, height;   /* logical pixels of the page */
  InsPageImage *image;
  GdkTexture *texture;      /* made when first drawn by a GPU renderer */
  cairo_surface_t *surface; /* made when first drawn by the software one */
};

G_DEFINE_FINAL_TYPE (InsPageCanvas, ins_page_canvas, GTK_TYPE_WIDGET)

static void
ins_page_canvas_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                         int *minimum, int *natural, int *min_baseline, int *nat_baseline)
{
  InsPageCanvas *self = INS_PAGE_CANVAS (widget);
  double size = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height;

  *natural = (int) ceil (size) + 2 * MARGIN;
  *minimum = *natural - (int) FIT_SLACK;
}

static gboolean
draws_in_software (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native ? gtk_native_get_renderer (native) : NULL;

  return renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer);
}

static void
release_image (gpointer image)
{
  ins_page_image_unref (image);
}

/* The page's own pixels as a cairo surface, without a copy. */
static cairo_surface_t *
image_surface (InsPageImage *image)
{
  static const cairo_user_data_key_t key;
  cairo_surface_t *surface;

  surface = cairo_image_surface_create_for_data ((guchar *) g_bytes_get_data (image->pixels, NULL),
                                                 image->opaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32,
                                                 (int) image->width, (int) image->height, (int) image->stride);
  cairo_surface_set_user_data (surface, &key, ins_page_image_ref (image), release_image);
  return surface;
}

/* GTK 4.8's software renderer converts a texture's every pixel to floats and
 * back each time it draws it (10 ms for a page beside the queue); a cairo
 * surface of the same pixels is copied as it is. */
static void
append_surface (InsPageCanvas *self, GtkSnapshot *snapshot, const graphene_rect_t *page)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, page);

  if (self->surface == NULL)
    self->surface = image_surface (self->image);
  cairo_translate (cr, page->origin.x, page->origin.y);
  cairo_scale (cr, page->size.width / self->image->width, page->size.height / self->image->height);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
ins_page_canvas_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  InsPageCanvas *self = INS_PAGE_CANVAS (widget);
  double width = self->width, height = self->height;
  double x, y;
  graphene_rect_t page, shadow;
  GdkRGBA white = { 1, 1, 1, 1 }, edge = { 0, 0, 0, 0.18f };

  if (width <= 0 || height <= 0)
    return;
  /* An image rendered for this size is drawn pixel for pixel (it is a pixel
   * larger, rounded up, at most): stretched by a fraction, the software
   * renderer would resample the whole page in every frame. */
  if (self->image != NULL)
    {
      int scale = gtk_widget_get_scale_factor (widget);
      double tw = (double) self->image->width / scale;
      double th = (double) self->image->height / scale;

      if (fabs (tw - width) <= 2.0 / scale && fabs (th - height) <= 2.0 / scale)
        {
          width = tw;
          height = th;
        }
    }
  x = MAX (MARGIN, (gtk_widget_get_width (widget) - width) / 2);
  y = MAX (MARGIN, (gtk_widget_get_height (widget) - height) / 2);
  page = GRAPHENE_RECT_INIT ((float) round (x), (float) round (y), (float) width, (float) height);
  shadow = page;
  graphene_rect_inset (&shadow, -1, -1);
  gtk_snapshot_append_color (snapshot, &edge, &shadow);
  if (self->image == NULL || !self->image->opaque)
    gtk_snapshot_append_color (snapshot, &white, &page);
  if (self->image == NULL)
    return;
  if (draws_in_software (widget))
    append_surface (self, snapshot, &page);
  else
    {
      if (self->texture == NULL)
        self->texture = ins_page_image_to_texture (self->image);
      gtk_snapshot_append_texture (snapshot, self->texture, &page);
    }
}

static void
ins_page_canvas_set_image (InsPageCanvas *self, InsPageImage *image)
{
  if (image != self->image)
    {
      InsPageImage *old = self->image;

      self->image = image != NULL ? ins_page_image_ref (image) : NULL;
      g_clear_object (&self->texture);
      g_clear_pointer (&self->surface, cairo_surface_destroy);
      g_clear_pointer (&old, ins_page_image_unref);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ins_page_canvas_finalize (GObject *object)
{
  ins_page_canvas_set_image (INS_PAGE_CANVAS (object), NULL);
  G_OBJECT_CLASS (ins_page_canvas_parent_class)->finalize (object);
}

static void
ins_page_canvas_class_init (InsPageCanvasClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ins_page_canvas_finalize;
  widget_class->measure = ins_page_canvas_measure;
  widget_class->snapshot = ins_page_canvas_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ins_page_canvas_init (InsPageCanvas *self)
{
}

struct _InsPageView
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  InsPageCanvas *canvas;

  double page_w, page_h;  /* points */
  int fit;
  double zoom;            /* asked for (fit 0) */
  double effective;       /* in use */
  int hint_w, hint_h;     /* the size it will have, until its next allocation */
  gboolean hinted;
  gboolean final;
  guint apply_id;
};

G_DEFINE_FINAL_TYPE (InsPageView, ins_page_view, GTK_TYPE_WIDGET)

enum { SCALE_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static double
wanted_zoom (InsPageView *self, int width, int height)
{
  double w = MAX (width - 2 * MARGIN, 1), h = MAX (height - 2 * MARGIN, 1);
  double z;

  if (self->fit == 0 || self->page_w <= 0 || self->page_h <= 0 || width <= 0)
    return self->zoom;
  z = w / (self->page_w * PX_PER_POINT);
  if (self->fit == 2)
    z = MIN (z, h / (self->page_h * PX_PER_POINT));
  return CLAMP (z, INS_PAGE_VIEW_MIN_ZOOM, INS_PAGE_VIEW_MAX_ZOOM);
}

static gboolean
resizes_page (InsPageView *self, double zoom)
{
  double change = fabs (zoom - self->effective) * PX_PER_POINT;

  return self->effective <= 0 || change * MAX (self->page_w, self->page_h) >= FIT_SLACK;
}

static void
current_size (InsPageView *self, int *width, int *height)
{
  *width = gtk_widget_get_width (GTK_WIDGET (self));
  *height = gtk_widget_get_height (GTK_WIDGET (self));
  if (self->hinted || *width <= 0 || *height <= 0)
    {
      *width = self->hint_w;
      *height = self->hint_h;
    }
}

static void
apply_zoom (InsPageView *self, double zoom)
{
  gboolean changed = fabs (zoom - self->effective) > 1e-6;

  self->effective = zoom;
  self->canvas->width = self->page_w * PX_PER_POINT * zoom;
  self->canvas->height = self->page_h * PX_PER_POINT * zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self->canvas));
  if (changed)
    g_signal_emit (self, signals[SCALE_CHANGED], 0);
}

static gboolean
apply_in_idle (gpointer data)
{
  InsPageView *self = data;
  int w, h;

  self->apply_id = 0;
  current_size (self, &w, &h);
  apply_zoom (self, wanted_zoom (self, w, h));
  return G_SOURCE_REMOVE;
}

static void
ins_page_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *min_baseline, int *nat_baseline)
{
  gtk_widget_measure (INS_PAGE_VIEW (widget)->scrolled, orientation, for_size,
                      minimum, natural, NULL, NULL);
}

static void
ins_page_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  InsPageView *self = INS_PAGE_VIEW (widget);
  double zoom = wanted_zoom (self, width, height);

  self->hinted = FALSE;
  gtk_widget_allocate (self->scrolled, width, height, baseline, NULL);
  /* A new size in a fit mode: resize the page after this allocation. */
  if (resizes_page (self, zoom) && self->apply_id == 0)
    self->apply_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_in_idle, self, NULL);
}

static void
on_scale_factor (InsPageView *self)
{
  g_signal_emit (self, signals[SCALE_CHANGED], 0);
}

static void
ins_page_view_dispose (GObject *object)
{
  InsPageView *self = INS_PAGE_VIEW (object);

  g_clear_handle_id (&self->apply_id, g_source_remove);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (ins_page_view_parent_class)->dispose (object);
}

static void
ins_page_view_class_init (InsPageViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ins_page_view_dispose;
  widget_class->measure = ins_page_view_measure;
  widget_class->size_allocate = ins_page_view_size_allocate;

  signals[SCALE_CHANGED] = g_signal_new ("scale-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "pageview");
}

static void
ins_page_view_init (InsPageView *self)
{
  self->zoom = self->effective = 1.0;
  self->fit = 1;
  self->canvas = g_object_new (INS_TYPE_PAGE_CANVAS, NULL);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->canvas));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (self->scrolled, "view");
  g_signal_connect_swapped (self, "notify::scale-factor", G_CALLBACK (on_scale_factor), self);
}

GtkWidget *
ins_page_view_new (void)
{
  return g_object_new (INS_TYPE_PAGE_VIEW, NULL);
}

void
ins_page_view_set_page_size (InsPageView *self, double width, double height)
{
  int w, h;

  g_return_if_fail (INS_IS_PAGE_VIEW (self));

  self->page_w = MAX (width, 0);
  self->page_h = MAX (height, 0);
  self->effective = -1;   /* forces scale-changed */
  current_size (self, &w, &h);
  apply_zoom (self, wanted_zoom (self, w, h));
}

void
ins_page_view_set_size_hint (InsPageView *self, int width, int height)
{
  g_return_if_fail (INS_IS_PAGE_VIEW (self));

  self->hint_w = MAX (width, 0);
  self->hint_h = MAX (height, 0);
  self->hinted = self->hint_w > 0 && self->hint_h > 0;
}

gboolean
ins_page_view_is_sized (InsPageView *self)
{
  int w, h;

  g_return_val_if_fail (INS_IS_PAGE_VIEW (self), FALSE);
  current_size (self, &w, &h);
  return w > 0 && h > 0;
}

void
ins_page_view_set_zoom (InsPageView *self, int fit, double zoom)
{
  int w, h;

  g_return_if_fail (INS_IS_PAGE_VIEW (self));

  self->fit = CLAMP (fit, 0, 2);
  self->zoom = CLAMP (zoom, INS_PAGE_VIEW_MIN_ZOOM, INS_PAGE_VIEW_MAX_ZOOM);
  current_size (self, &w, &h);
  apply_zoom (self, wanted_zoom (self, w, h));
}

double
ins_page_view_get_zoom (InsPageView *self)
{
  g_return_val_if_fail (INS_IS_PAGE_VIEW (self), 1.0);
  return self->effective > 0 ? self->effective : self->zoom;
}

double
ins_page_view_get_render_scale (InsPageView *self)
{
  double zoom_px;

  g_return_val_if_fail (INS_IS_PAGE_VIEW (self), 1.0);
  zoom_px = ins_page_view_get_zoom (self) * PX_PER_POINT * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  if (self->page_w <= 0)
    return round (zoom_px * 100) / 100;
  return ins_page_view_scale_for_width (self->page_w, self->page_w * zoom_px);
}

double
ins_page_view_scale_for_width (double page_width, double width_px)
{
  return ins_renderer_scale_for_width (page_width, width_px);
}

GdkTexture *
ins_page_image_to_texture (InsPageImage *image)
{
  return gdk_memory_texture_new ((int) image->width, (int) image->height, GDK_MEMORY_DEFAULT,
                                 image->pixels, image->stride);
}

void
ins_page_view_set_image (InsPageView *self, InsPageImage *image, gboolean final)
{
  g_return_if_fail (INS_IS_PAGE_VIEW (self));

  ins_page_canvas_set_image (self->canvas, image);
  self->final = image != NULL && final;
}

gboolean
ins_page_view_has_final_image (InsPageView *self)
{
  g_return_val_if_fail (INS_IS_PAGE_VIEW (self), FALSE);
  return self->final;
}

void
ins_page_view_scroll_to_top (InsPageView *self)
{
  GtkAdjustment *adj;

  g_return_if_fail (INS_IS_PAGE_VIEW (self));
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_lower (adj));
}
