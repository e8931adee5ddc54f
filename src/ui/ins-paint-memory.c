/* ins-paint-memory.c — keeps the memory a software-drawn X11 window paints through
 *
 * Without a GPU, GTK 4 paints a frame into an image and cairo-xlib copies the
 * damaged area into a segment of X shared memory for the server. cairo
 * destroys a segment as soon as nothing is allocated in it, so every large
 * frame (a new affaire, a new page) made a fresh segment and page-faulted its
 * way through it: some 500 faults, 20–30 ms in a frame where the copy itself
 * takes 2. Holding one window-sized image from the same pool keeps the
 * segment, and the pages the frames reuse, alive. With a GPU renderer or on
 * Wayland nothing is done. */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include "ins-paint-memory.h"

#ifdef HAVE_X11_PAINT_MEMORY
#include <cairo-xlib.h>
#include <gdk/x11/gdkx.h>
#endif

#define KEY "ins-paint-memory"

#ifdef HAVE_X11_PAINT_MEMORY

typedef struct {
  GdkSurface      *surface;   /* borrowed, watched while realized */
  gulong           layout_handler;
  cairo_surface_t *held;      /* from cairo-xlib's shared-memory pool */
  int              width, height;
} PaintMemory;

static void
paint_memory_release (PaintMemory *self)
{
  g_clear_signal_handler (&self->layout_handler, self->surface);
  self->surface = NULL;
  g_clear_pointer (&self->held, cairo_surface_destroy);
  self->width = self->height = 0;
}

static void
paint_memory_free (gpointer data)
{
  paint_memory_release (data);
  g_free (data);
}

static void
hold (PaintMemory *self, GdkDisplay *display, int width, int height)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  int screen = DefaultScreen (xdisplay);
  cairo_surface_t *root, *held;

  if (width <= 0 || height <= 0 || (width <= self->width && height <= self->height))
    return;
  root = cairo_xlib_surface_create (xdisplay, RootWindow (xdisplay, screen), DefaultVisual (xdisplay, screen), 1, 1);
  held = cairo_surface_create_similar_image (root, CAIRO_FORMAT_RGB24, width, height);
  cairo_surface_destroy (root);
  /* Without the SHM extension cairo hands back a plain image, of no device. */
  if (cairo_surface_status (held) != CAIRO_STATUS_SUCCESS || cairo_surface_get_device (held) == NULL)
    {
      cairo_surface_destroy (held);
      return;
    }
  g_clear_pointer (&self->held, cairo_surface_destroy);
  self->held = held;
  self->width = width;
  self->height = height;
}

static void
on_layout (GdkSurface *surface, int width, int height, PaintMemory *self)
{
  int scale = gdk_surface_get_scale_factor (surface);

  hold (self, gdk_surface_get_display (surface), width * scale, height * scale);
}

static gboolean
draws_with_cairo_on_x11 (GtkWindow *window)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  return GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (window)))
         && renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer);
}

static void
on_realize (GtkWindow *window, PaintMemory *self)
{
  GdkSurface *surface;

  if (!draws_with_cairo_on_x11 (window))
    return;
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  self->surface = surface;
  self->layout_handler = g_signal_connect (surface, "layout", G_CALLBACK (on_layout), self);
  on_layout (surface, gdk_surface_get_width (surface), gdk_surface_get_height (surface), self);
}

static void
on_unrealize (GtkWindow *window, PaintMemory *self)
{
  paint_memory_release (self);
}

void
ins_paint_memory_keep_for (GtkWindow *window)
{
  PaintMemory *self = g_new0 (PaintMemory, 1);

  g_object_set_data_full (G_OBJECT (window), KEY, self, paint_memory_free);
  g_signal_connect_after (window, "realize", G_CALLBACK (on_realize), self);
  g_signal_connect (window, "unrealize", G_CALLBACK (on_unrealize), self);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (window, self);
}

gboolean
ins_paint_memory_is_kept (GtkWindow *window)
{
  PaintMemory *self = g_object_get_data (G_OBJECT (window), KEY);

  return self != NULL && self->held != NULL;
}

#else

void
ins_paint_memory_keep_for (GtkWindow *window)
{
}

gboolean
ins_paint_memory_is_kept (GtkWindow *window)
{
  return FALSE;
}

#endif
