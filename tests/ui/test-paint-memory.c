/* test-paint-memory.c — a software-drawn X11 window paints its frames through kept memory */
#define _GNU_SOURCE   /* RUSAGE_THREAD */
#include "config.h"

#include <sys/resource.h>

#include <gtk/gtk.h>

#include "ui/ins-paint-memory.h"
#include "ins-test-i18n.h"

#ifdef HAVE_X11_PAINT_MEMORY
#include <gdk/x11/gdkx.h>
#endif

#define WIDTH  1200
#define HEIGHT 800

typedef struct {
  guint frames;
} Frames;

/* A colour node over the whole window, as the app's panes are: no image of
 * the window's size is allocated besides GTK's own. */
static void
next_shade (GtkWidget *area)
{
  gboolean dark = gtk_widget_has_css_class (area, "dark");

  gtk_widget_remove_css_class (area, dark ? "dark" : "light");
  gtk_widget_add_css_class (area, dark ? "light" : "dark");
}

static void
on_after_paint (GdkFrameClock *clock, Frames *frames)
{
  frames->frames++;
}

static long
thread_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_minflt;
}

static void
wait_frames (Frames *frames, guint n)
{
  guint until = frames->frames + n;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (frames->frames < until && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (frames->frames, >=, until);
}

/* Page faults of the main thread per frame, over frames that each repaint the
 * whole window in a new colour. */
static double
faults_per_full_frame (gboolean keep, gboolean *kept)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *area = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  Frames frames = { 0 };
  GdkFrameClock *clock;
  gulong handler;
  long before;
  const guint measured = 8;

  gtk_widget_add_css_class (area, "light");
  gtk_window_set_child (GTK_WINDOW (window), area);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  if (keep)
    ins_paint_memory_keep_for (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);

  /* The first frames map the window and warm the allocator. */
  for (guint i = 0; i < 3; i++)
    {
      next_shade (area);
      wait_frames (&frames, 1);
    }
  *kept = ins_paint_memory_is_kept (GTK_WINDOW (window));

  before = thread_faults ();
  for (guint i = 0; i < measured; i++)
    {
      next_shade (area);
      wait_frames (&frames, 1);
    }
  g_signal_handler_disconnect (clock, handler);
  gtk_window_destroy (GTK_WINDOW (window));
  return (thread_faults () - before) / (double) measured;
}

static gboolean
skipped_off_x11 (void)
{
#ifdef HAVE_X11_PAINT_MEMORY
  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return FALSE;
#endif
  g_test_skip ("The kept memory is X11's shared memory: not this display");
  return TRUE;
}

static void
test_full_frames_reuse_memory (void)
{
  double pages = WIDTH * HEIGHT * 4.0 / sysconf (_SC_PAGESIZE);
  gboolean kept;
  double bare, with_keep;

  if (skipped_off_x11 ())
    return;
  bare = faults_per_full_frame (FALSE, &kept);
  g_assert_false (kept);
  with_keep = faults_per_full_frame (TRUE, &kept);
  g_test_message ("page faults per full frame: %.0f bare, %.0f kept (%.0f pages in the window)",
                  bare, with_keep, pages);
  g_assert_true (kept);
  /* Bare, cairo-xlib gives each frame a fresh shared-memory segment and the
   * copy into it faults in about every page: the measure sees the cost. */
  g_assert_cmpfloat (bare, >, pages / 2);
  g_assert_cmpfloat (with_keep, <, pages / 10);
}

static void
test_kept_while_realized (void)
{
  GtkWidget *window;
  GskRenderer *renderer;

  if (skipped_off_x11 ())
    return;
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window)
         || gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))) < 400)
    g_main_context_iteration (NULL, TRUE);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  /* Asked for once the window is already on screen. */
  ins_paint_memory_keep_for (GTK_WINDOW (window));
  g_assert_cmpint (ins_paint_memory_is_kept (GTK_WINDOW (window)), ==, GSK_IS_CAIRO_RENDERER (renderer));
  gtk_widget_set_visible (window, FALSE);
  gtk_widget_unrealize (window);
  g_assert_false (ins_paint_memory_is_kept (GTK_WINDOW (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  ins_test_i18n_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (css, ".light { background: #d0e0f0; } .dark { background: #203040; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_test_add_func ("/paint-memory/full-frames-reuse-memory", test_full_frames_reuse_memory);
  g_test_add_func ("/paint-memory/kept-only-while-realized", test_kept_while_realized);
  return g_test_run ();
}
