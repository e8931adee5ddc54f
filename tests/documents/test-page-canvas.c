/* test-page-canvas.c — the page view draws a page's pixels as they are, and
 * gives GTK's software renderer a cairo surface rather than a texture */
#include "config.h"

#include <gtk/gtk.h>

#include "documents/ins-page-image.h"
#include "ui/ins-page-view.h"
#include "ins-test-widget.h"

#define WIDTH 360     /* 270 points at 100 % */
#define HEIGHT 480    /* 360 points */

/* Opaque, every pixel of a colour of its own. */
static InsPageImage *
pattern_image (void)
{
  gsize stride = WIDTH * 4;
  guint8 *data = g_malloc (stride * HEIGHT);
  g_autoptr(GBytes) pixels = NULL;
  InsPageImage *image;

  for (guint y = 0; y < HEIGHT; y++)
    for (guint x = 0; x < WIDTH; x++)
      {
        guint32 *p = (guint32 *) (data + y * stride + x * 4);
        guint r = x % 256, g = y % 256, b = (x / 256 + 2 * (y / 256) + 1) * 60;

        *p = 0xff000000u | (r << 16) | (g << 8) | b;
      }
  pixels = g_bytes_new_take (data, stride * HEIGHT);
  image = ins_page_image_new (WIDTH, HEIGHT, stride, INS_PAGE_FORMAT_ARGB32_PREMULTIPLIED, pixels);
  image->opaque = TRUE;
  return image;
}

typedef struct {
  GtkWidget *window;
  InsPageView *view;
  int width, height;
  guint32 *pixels;       /* what the view drew, opaque ARGB32 */
  GskRenderNode *node;
} Drawn;

static void
draw_view (Drawn *d, InsPageImage *image)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;

  d->window = gtk_window_new ();
  d->view = INS_PAGE_VIEW (ins_page_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (d->window), WIDTH + 200, HEIGHT + 100);
  gtk_window_set_child (GTK_WINDOW (d->window), GTK_WIDGET (d->view));
  gtk_window_present (GTK_WINDOW (d->window));
  ins_page_view_set_page_size (d->view, WIDTH * 72.0 / 96.0, HEIGHT * 72.0 / 96.0);
  ins_page_view_set_zoom (d->view, 0, 1.0);
  ins_page_view_set_image (d->view, image, TRUE);
  ins_test_settle (300);

  d->width = gtk_widget_get_width (GTK_WIDGET (d->view));
  d->height = gtk_widget_get_height (GTK_WIDGET (d->view));
  g_assert_cmpint (d->width, >=, WIDTH);
  g_assert_cmpint (d->height, >=, HEIGHT);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (d->view));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), d->width, d->height);
  d->node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (d->node);
  renderer = gtk_native_get_renderer (GTK_NATIVE (d->window));
  texture = gsk_renderer_render_texture (renderer, d->node, &GRAPHENE_RECT_INIT (0, 0, d->width, d->height));
  d->pixels = g_malloc ((gsize) d->width * d->height * 4);
  gdk_texture_download (texture, (guchar *) d->pixels, (gsize) d->width * 4);
}

static void
drawn_clear (Drawn *d)
{
  gtk_window_destroy (GTK_WINDOW (d->window));
  g_free (d->pixels);
  gsk_render_node_unref (d->node);
}

/* Where the page's first pixel landed, found by its colour (unique). */
static gboolean
find_page (Drawn *d, guint32 first, int *x0, int *y0)
{
  for (int y = 0; y <= d->height - HEIGHT; y++)
    for (int x = 0; x <= d->width - WIDTH; x++)
      if ((d->pixels[y * d->width + x] | 0xff000000) == (first | 0xff000000))
        {
          *x0 = x;
          *y0 = y;
          return TRUE;
        }
  return FALSE;
}

/* A page at 100 % whose image is its size is drawn pixel for pixel. */
static void
test_drawn_as_is (void)
{
  g_autoptr(InsPageImage) image = pattern_image ();
  const guint32 *src = g_bytes_get_data (image->pixels, NULL);
  Drawn d = { 0 };
  int x0 = 0, y0 = 0;

  draw_view (&d, image);
  g_assert_true (find_page (&d, src[0], &x0, &y0));
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      if ((d.pixels[(y0 + y) * d.width + x0 + x] | 0xff000000) != (src[y * WIDTH + x] | 0xff000000))
        g_error ("pixel %d,%d of the page: drawn %08x, image %08x", x, y,
                 d.pixels[(y0 + y) * d.width + x0 + x], src[y * WIDTH + x]);
  drawn_clear (&d);
}

/* A page with transparency is drawn over white paper: black at half opacity
 * is mid grey, over the whole page. */
static void
test_transparent_over_white (void)
{
  gsize stride = WIDTH * 4;
  g_autoptr(GBytes) pixels = g_bytes_new_take (g_malloc (stride * HEIGHT), stride * HEIGHT);
  g_autoptr(InsPageImage) image = NULL;
  guint32 *data = (guint32 *) g_bytes_get_data (pixels, NULL);
  Drawn d = { 0 };
  int grey = 0;

  for (gsize i = 0; i < WIDTH * HEIGHT; i++)
    data[i] = 0x80000000u;   /* premultiplied black, alpha 128 */
  image = ins_page_image_new (WIDTH, HEIGHT, stride, INS_PAGE_FORMAT_ARGB32_PREMULTIPLIED, pixels);
  image->opaque = FALSE;
  draw_view (&d, image);
  for (int i = 0; i < d.width * d.height; i++)
    {
      guint r = (d.pixels[i] >> 16) & 0xff, g = (d.pixels[i] >> 8) & 0xff, b = d.pixels[i] & 0xff;

      if (r == g && g == b && r >= 126 && r <= 128)
        grey++;
    }
  g_assert_cmpint (grey, ==, WIDTH * HEIGHT);
  drawn_clear (&d);
}

static gboolean
has_node (GskRenderNode *node, GskRenderNodeType type, float width, float height)
{
  graphene_rect_t bounds;

  gsk_render_node_get_bounds (node, &bounds);
  if (gsk_render_node_get_node_type (node) == type && bounds.size.width == width && bounds.size.height == height)
    return TRUE;
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (has_node (gsk_container_node_get_child (node, i), type, width, height))
          return TRUE;
      return FALSE;
    case GSK_TRANSFORM_NODE:
      return has_node (gsk_transform_node_get_child (node), type, width, height);
    case GSK_CLIP_NODE:
      return has_node (gsk_clip_node_get_child (node), type, width, height);
    case GSK_ROUNDED_CLIP_NODE:
      return has_node (gsk_rounded_clip_node_get_child (node), type, width, height);
    case GSK_OPACITY_NODE:
      return has_node (gsk_opacity_node_get_child (node), type, width, height);
    default:
      return FALSE;
    }
}

/* GTK 4.8's software renderer converts a texture to floats and back each
 * time it draws it: it is given the page as a cairo surface instead. */
static void
test_software_renderer_gets_a_surface (void)
{
  g_autoptr(InsPageImage) image = pattern_image ();
  Drawn d = { 0 };

  draw_view (&d, image);
  if (!GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (d.window))))
    {
      drawn_clear (&d);
      g_test_skip ("not GTK's software renderer (GSK_RENDERER=cairo)");
      return;
    }
  g_assert_true (has_node (d.node, GSK_CAIRO_NODE, WIDTH, HEIGHT));
  g_assert_false (has_node (d.node, GSK_TEXTURE_NODE, WIDTH, HEIGHT));
  drawn_clear (&d);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page-canvas/drawn-as-is", test_drawn_as_is);
  g_test_add_func ("/page-canvas/transparent-over-white", test_transparent_over_white);
  g_test_add_func ("/page-canvas/software-renderer-gets-a-surface", test_software_renderer_gets_a_surface);
  return g_test_run ();
}
