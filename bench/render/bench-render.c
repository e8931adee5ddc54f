/* bench-render.c — selecting a document → first page painted, next to poppler and pdftoppm
 *
 * For a text PDF, a 300-dpi scanned A4 page as PDF and the same scan as JPEG:
 * each round builds a fresh InsDocumentView with a fresh InsRenderer (no
 * cache), selects the document and waits for the frame that paints the full
 * page (and the low-resolution placeholder when there is one). Cold: the
 * renderer's warm spare helper is ready, as in the application where the
 * renderer starts with the window, and a PDF comes with the first-page preview
 * the import stores (made here by the same probe); cold without spare nor
 * preview: the helper process is started on selection and the placeholder is
 * a low-resolution render. Then the same selection after
 * ins_document_view_prefetch (the next affaire's case). Baselines in the same run: poppler rendering the
 * same page at the same scale in this process, and pdftoppm at the same dpi.
 * Figures only: never a pass/fail.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>
#include <time.h>
#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "core/ins-affaire.h"
#include "ingest/ins-probe.h"
#include "ui/ins-document-view.h"

#define CORPUS "/work/shared/corpus"

/* ---- attachment source over in-memory bytes ---- */

#define BENCH_TYPE_SOURCE (bench_source_get_type ())
G_DECLARE_FINAL_TYPE (BenchSource, bench_source, BENCH, SOURCE, GObject)
struct _BenchSource { GObject parent_instance; GBytes *bytes; };
static void bench_source_iface_init (InsAttachmentSourceInterface *iface);
G_DEFINE_FINAL_TYPE_WITH_CODE (BenchSource, bench_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (INS_TYPE_ATTACHMENT_SOURCE,
                                                      bench_source_iface_init))

static void
source_fetch_async (InsAttachmentSource *s, gint64 id, GCancellable *c,
                    GAsyncReadyCallback cb, gpointer data)
{
  g_autoptr(GTask) task = g_task_new (s, c, cb, data);
  g_task_return_pointer (task, g_bytes_ref (BENCH_SOURCE (s)->bytes), (GDestroyNotify) g_bytes_unref);
}

static GBytes *
source_fetch_finish (InsAttachmentSource *s, GAsyncResult *r, GError **error)
{
  return g_task_propagate_pointer (G_TASK (r), error);
}

static void
bench_source_iface_init (InsAttachmentSourceInterface *iface)
{
  iface->fetch_async = source_fetch_async;
  iface->fetch_finish = source_fetch_finish;
}

static void bench_source_class_init (BenchSourceClass *k) {}
static void bench_source_init (BenchSource *s) {}

/* ---- one selection ---- */

typedef struct {
  gint64 start;
  gint64 placeholder_at;   /* painted */
  gint64 final_at;         /* painted */
  gint64 image_at;         /* page-shown: the full page handed to the widget */
  gint64 call_us;          /* ins_document_view_set_documents () itself */
  gint64 cpu_start, cpu_total;   /* main thread, selection → painted */
  gint64 repaint_cpu;            /* main thread, the window repainted unchanged */
  gint64 page_repaint_cpu;       /* main thread, the view redrawn with its page */
  gint64 phase_start, layout_us, paint_us;   /* summed over the frames until painted */
  gboolean placeholder_pending, final_pending;
  guint frames;
  GtkWidget *view;
} Run;

static Run *current_run;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Emission hooks run before GTK's own handlers, the after-handlers after them. */
static gboolean
phase_begin (GSignalInvocationHint *hint, guint n, const GValue *values, gpointer data)
{
  if (current_run != NULL && current_run->start != 0)
    current_run->phase_start = g_get_monotonic_time ();
  return TRUE;
}

static void
phase_end (GdkFrameClock *clock, gpointer which)
{
  Run *run = current_run;

  if (run == NULL || run->start == 0 || run->final_at != 0 || run->phase_start == 0)
    return;
  if (GPOINTER_TO_INT (which) == 0)
    run->layout_us += g_get_monotonic_time () - run->phase_start;
  else
    run->paint_us += g_get_monotonic_time () - run->phase_start;
  run->phase_start = 0;
}

static void
on_after_paint (GdkFrameClock *clock, Run *run)
{
  gint64 now = g_get_monotonic_time ();

  run->frames++;
  if (run->placeholder_pending)
    {
      run->placeholder_at = now;
      run->placeholder_pending = FALSE;
    }
  if (run->final_pending)
    {
      run->final_at = now;
      run->cpu_total = thread_cpu_us () - run->cpu_start;
      run->final_pending = FALSE;
    }
}

static void
on_placeholder (InsDocumentView *view, gint64 id, int page, Run *run)
{
  if (run->placeholder_at == 0)
    run->placeholder_pending = TRUE;
}

static void
on_shown (InsDocumentView *view, gint64 id, int page, Run *run)
{
  run->final_pending = TRUE;
  if (run->image_at == 0)
    run->image_at = g_get_monotonic_time ();
}

static InsAttachmentInfo *
make_info (gint64 id, const char *name, const char *type, GBytes *preview)
{
  InsAttachmentInfo *info = ins_attachment_info_new ();

  info->preview = preview ? g_bytes_ref (preview) : NULL;
  info->id = id;
  info->position = 1;
  info->filename = g_strdup (name);
  info->content_type = g_strdup (type);
  info->page_count = 1;
  return info;
}

typedef enum { COLD, COLD_NO_SPARE, PREFETCHED } Mode;

/* BENCH_PERF_CONTROL=FIFO[:cold|prefetched]: profile only the selections of
 * one mode, under `perf record -D -1 --control fifo:FIFO`. */
static void
perf_control (Mode mode, const char *what)
{
  const char *spec = g_getenv ("BENCH_PERF_CONTROL");
  g_auto(GStrv) parts = NULL;
  Mode wanted;
  int fd;

  if (spec == NULL)
    return;
  parts = g_strsplit (spec, ":", 2);
  wanted = parts[1] != NULL && g_str_equal (parts[1], "cold") ? COLD : PREFETCHED;
  if (mode != wanted || (fd = open (parts[0], O_WRONLY)) < 0)
    return;
  if (write (fd, what, strlen (what)) < 0)
    g_warning ("perf control: %s", g_strerror (errno));
  close (fd);
}

/* Milliseconds to the placeholder (or -1) and to the full page painted. */
static void
select_once (GBytes *bytes, GBytes *preview, const char *type, Mode mode, gint64 id,
             double *placeholder_ms, double *final_ms, double *scale, Run *out)
{
  const char *argv[] = { ins_renderer_find_helper (), NULL };
  g_autoptr(BenchSource) source = g_object_new (BENCH_TYPE_SOURCE, NULL);
  g_autoptr(InsRenderer) renderer = ins_renderer_new_full (argv, mode != COLD_NO_SPARE);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_attachment_info_unref);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = ins_document_view_new ();
  GdkFrameClock *clock;
  Run run = { 0 };
  gulong handler, layout_handler, paint_handler;

  source->bytes = g_bytes_ref (bytes);
  g_ptr_array_add (docs, make_info (id, "bench", type, mode == COLD_NO_SPARE ? NULL : preview));
  ins_document_view_set_renderer (INS_DOCUMENT_VIEW (view), renderer);
  ins_document_view_set_source (INS_DOCUMENT_VIEW (view), INS_ATTACHMENT_SOURCE (source));
  gtk_window_set_default_size (window, 900, 1000);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (view) || gtk_widget_get_width (view) == 0)
    g_main_context_iteration (NULL, TRUE);
  /* The window painted once, as the application's long has. */
  clock = gtk_widget_get_frame_clock (view);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &run);
  layout_handler = g_signal_connect_after (clock, "layout", G_CALLBACK (phase_end), GINT_TO_POINTER (0));
  paint_handler = g_signal_connect_after (clock, "paint", G_CALLBACK (phase_end), GINT_TO_POINTER (1));
  current_run = &run;
  gtk_widget_queue_draw (view);
  while (run.frames == 0)
    g_main_context_iteration (NULL, TRUE);
  /* The baseline of a frame: the same window repainted, nothing changed. */
  {
    guint frames = run.frames;
    gint64 cpu = thread_cpu_us ();

    gtk_widget_queue_draw (GTK_WIDGET (window));
    while (run.frames == frames)
      g_main_context_iteration (NULL, TRUE);
    run.repaint_cpu = thread_cpu_us () - cpu;
  }

  if (mode != COLD_NO_SPARE)
    ins_renderer_get_spare_helper_pid (renderer, TRUE);
  if (mode == PREFETCHED)
    {
      InsPageCache *cache = ins_renderer_get_cache (renderer);
      g_autofree char *key = g_strdup_printf ("attachment:%" G_GINT64_FORMAT, id);

      ins_document_view_prefetch (INS_DOCUMENT_VIEW (view), docs);
      while (ins_page_cache_lookup_any (cache, key, 0, 0) == NULL)
        g_main_context_iteration (NULL, TRUE);
    }

  g_signal_connect (view, "placeholder-shown", G_CALLBACK (on_placeholder), &run);
  g_signal_connect (view, "page-shown", G_CALLBACK (on_shown), &run);
  perf_control (mode, "enable");
  run.cpu_start = thread_cpu_us ();
  run.start = g_get_monotonic_time ();
  ins_document_view_set_documents (INS_DOCUMENT_VIEW (view), docs);
  run.call_us = g_get_monotonic_time () - run.start;
  while (run.final_at == 0)
    g_main_context_iteration (NULL, TRUE);

  perf_control (mode, "disable");
  /* The same page repainted: what the frame costs beyond the selection's changes. */
  {
    guint frames = run.frames;
    gint64 cpu = thread_cpu_us ();

    gtk_widget_queue_draw (view);
    while (run.frames == frames)
      g_main_context_iteration (NULL, TRUE);
    run.page_repaint_cpu = thread_cpu_us () - cpu;
  }
  *final_ms = (run.final_at - run.start) / 1000.0;
  *placeholder_ms = run.placeholder_at ? (run.placeholder_at - run.start) / 1000.0 : -1;
  *scale = ins_document_view_get_zoom (INS_DOCUMENT_VIEW (view)) * 96.0 / 72.0
           * gtk_widget_get_scale_factor (view);
  g_signal_handler_disconnect (clock, handler);
  g_signal_handler_disconnect (clock, layout_handler);
  g_signal_handler_disconnect (clock, paint_handler);
  current_run = NULL;
  *out = run;
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- baselines ---- */

static double
poppler_in_process_ms (GBytes *bytes, double scale)
{
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);
  PopplerPage *page = poppler_document_get_page (doc, 0);
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w * scale),
                                        (int) ceil (h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  g_object_unref (page);
  g_object_unref (doc);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

static double
pdftoppm_ms (const char *path, double scale)
{
  g_autofree char *dpi = g_strdup_printf ("%d", (int) lround (scale * 72));
  const char *argv[] = { "pdftoppm", "-r", dpi, "-f", "1", "-l", "1", "-png", path, NULL };
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(GSubprocess) p = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                      | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);

  g_subprocess_wait (p, NULL, &error);
  return (g_get_monotonic_time () - t0) / 1000.0;
}

/* ---- the scan: a receipt as an A4 page at 300 dpi, embedded as JPEG ---- */

static GBytes *
scan_jpeg_300dpi (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_scale (CORPUS "/receipts/receipt-300.jpg",
                                                                   2480, 3508, FALSE, &error);
  char *buffer = NULL;
  gsize size = 0;

  g_assert_no_error (error);
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "85", NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
scan_pdf (GBytes *jpeg)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (jpeg);
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (append_bytes, out, 595.28, 841.89);
  cairo_surface_t *image;
  cairo_t *cr;
  int w, h;

  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, NULL);
  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);   /* pixels unused: the JPEG is */
  cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_JPEG, g_bytes_get_data (jpeg, NULL),
                               g_bytes_get_size (jpeg), (cairo_destroy_func_t) g_bytes_unref,
                               g_bytes_ref (jpeg));
  cr = cairo_create (pdf);
  cairo_scale (cr, 595.28 / w, 841.89 / h);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  cairo_surface_finish (pdf);
  cairo_surface_destroy (pdf);
  return g_byte_array_free_to_bytes (out);
}

/* ---- statistics ---- */

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values, double p)
{
  guint idx;

  if (values->len == 0)
    return NAN;
  g_array_sort (values, cmp_double);
  idx = (guint) ceil (p / 100.0 * values->len) - 1;
  return g_array_index (values, double, MIN (idx, values->len - 1));
}

static void
row (const char *what, GArray *values)
{
  if (values->len == 0)
    g_print ("| %-58s | %8s | %8s |\n", what, "—", "—");
  else
    g_print ("| %-58s | %8.1f | %8.1f |\n", what, percentile (values, 50), percentile (values, 95));
}

/* The preview the import stores, by the import's own probe. */
static GBytes *
stored_preview (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  InsProbeResult result;
  GBytes *png = NULL;

  if (!ins_probe_bytes_with_preview (bytes, NULL, &result, &png, &error))
    g_error ("probe: %s", error->message);
  g_assert_nonnull (png);
  return png;
}

/* Where a selection's time goes, p50 over the rounds of one mode. */
typedef struct {
  GArray *call, *image, *frame, *layout, *paint, *cpu, *repaint, *redraw;
} Breakdown;

static void
breakdown_init (Breakdown *b)
{
  GArray **all[] = { &b->call, &b->image, &b->frame, &b->layout, &b->paint, &b->cpu, &b->repaint, &b->redraw };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    *all[i] = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
breakdown_add (Breakdown *b, const Run *run)
{
  double v[] = {
    run->call_us / 1000.0, (run->image_at - run->start) / 1000.0,
    (run->final_at - run->image_at) / 1000.0, run->layout_us / 1000.0,
    run->paint_us / 1000.0, run->cpu_total / 1000.0, run->repaint_cpu / 1000.0,
    run->page_repaint_cpu / 1000.0,
  };
  GArray *all[] = { b->call, b->image, b->frame, b->layout, b->paint, b->cpu, b->repaint, b->redraw };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_array_append_val (all[i], v[i]);
}

static GString *breakdowns;

static void
breakdown_print (Breakdown *b, const char *what)
{
  GArray *all[] = { b->call, b->image, b->frame, b->layout, b->paint, b->cpu, b->repaint, b->redraw };

  if (b->call->len == 0)
    return;
  g_string_append_printf (breakdowns, "| %-44s | %6.1f | %7.1f | %7.1f | %6.1f | %6.1f | %6.1f | %7.1f | %6.1f |\n",
                          what, percentile (b->call, 50), percentile (b->image, 50),
                          percentile (b->frame, 50), percentile (b->layout, 50),
                          percentile (b->paint, 50), percentile (b->cpu, 50),
                          percentile (b->repaint, 50), percentile (b->redraw, 50));
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_array_unref (all[i]);
}

static void
bench_document (const char *label, GBytes *bytes, const char *type, const char *pdf_path,
                guint rounds)
{
  g_autoptr(GBytes) preview = pdf_path ? stored_preview (bytes) : NULL;
  g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cold_ph = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ph = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) popp = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ppm = g_array_new (FALSE, FALSE, sizeof (double));
  double scale = 1;
  Breakdown b_bare, b_cold, b_warm;
  Run run;
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL, *t4 = NULL, *t5 = NULL;
  g_autofree char *t6 = NULL, *t7 = NULL;

  breakdown_init (&b_bare);
  breakdown_init (&b_cold);
  breakdown_init (&b_warm);
  for (guint i = 0; i < rounds; i++)
    {
      double ph, fin;

      if (pdf_path != NULL)
        {
          select_once (bytes, NULL, type, COLD_NO_SPARE, 3000 + i, &ph, &fin, &scale, &run);
          breakdown_add (&b_bare, &run);
          g_array_append_val (bare, fin);
          if (ph >= 0)
            g_array_append_val (bare_ph, ph);
        }
      select_once (bytes, preview, type, COLD, 1000 + i, &ph, &fin, &scale, &run);
      breakdown_add (&b_cold, &run);
      g_array_append_val (cold, fin);
      if (ph >= 0)
        g_array_append_val (cold_ph, ph);
      select_once (bytes, preview, type, PREFETCHED, 5000 + i, &ph, &fin, &scale, &run);
      breakdown_add (&b_warm, &run);
      g_array_append_val (warm, fin);
      if (pdf_path != NULL)
        {
          double a = poppler_in_process_ms (bytes, scale), b = pdftoppm_ms (pdf_path, scale);
          g_array_append_val (popp, a);
          g_array_append_val (ppm, b);
        }
    }
  t6 = g_strdup_printf ("%s: selected → painted (cold, before: no spare)", label);
  t7 = g_strdup_printf ("%s: selected → placeholder (cold, before)", label);
  t1 = g_strdup_printf ("%s: selected → first page painted (cold)", label);
  t2 = g_strdup_printf ("%s: selected → placeholder painted (cold)", label);
  t3 = g_strdup_printf ("%s: selected → painted, after prefetch", label);
  t4 = g_strdup_printf ("%s: poppler in-process render, same scale", label);
  t5 = g_strdup_printf ("%s: pdftoppm -r %d (process)", label, (int) lround (scale * 72));
  if (pdf_path != NULL)
    {
      row (t6, bare);
      row (t7, bare_ph);
    }
  {
    g_autofree char *w1 = g_strdup_printf ("%s, cold, no spare", label);
    g_autofree char *w2 = g_strdup_printf ("%s, cold", label);
    g_autofree char *w3 = g_strdup_printf ("%s, after prefetch", label);

    breakdown_print (&b_bare, w1);
    breakdown_print (&b_cold, w2);
    breakdown_print (&b_warm, w3);
  }
  row (t1, cold);
  row (t2, cold_ph);
  row (t3, warm);
  if (pdf_path != NULL)
    {
      row (t4, popp);
      row (t5, ppm);
    }
}

int
main (int argc, char **argv)
{
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 20;
  const char *only = argc > 2 ? argv[2] : NULL;   /* "text", "scan", "jpeg", or a mix */
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GBytes) scan = NULL;
  g_autoptr(GMappedFile) text_file = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autofree char *scan_path = NULL;
  int fd;

  gtk_init ();
  breakdowns = g_string_new (NULL);
  g_signal_add_emission_hook (g_signal_lookup ("layout", GDK_TYPE_FRAME_CLOCK), 0, phase_begin, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("paint", GDK_TYPE_FRAME_CLOCK), 0, phase_begin, NULL, NULL);
  adw_init ();
  jpeg = scan_jpeg_300dpi ();
  scan = scan_pdf (jpeg);
  fd = g_file_open_tmp ("bench-scan-XXXXXX.pdf", &scan_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (scan_path, g_bytes_get_data (scan, NULL), (gssize) g_bytes_get_size (scan), &error);
  g_assert_no_error (error);
  text_file = g_mapped_file_new (CORPUS "/pdf/bug1937438_af_from_latex.pdf", FALSE, &error);
  g_assert_no_error (error);
  text = g_mapped_file_get_bytes (text_file);

  g_print ("Window 900×1000, fit width, scale factor 1, %u rounds each; times in ms.\n"
           "Scan: receipt-300.jpg as an A4 page at 300 dpi (2480×3508 JPEG, %zu KB).\n\n",
           rounds, g_bytes_get_size (jpeg) / 1024);
  g_print ("| %-58s | %8s | %8s |\n", "what", "p50", "p95");
  g_print ("|%s|%s|%s|\n", "------------------------------------------------------------",
           "----------", "----------");
  if (only == NULL || strstr (only, "text"))
    bench_document ("text PDF (LaTeX)", text, "application/pdf",
                    CORPUS "/pdf/bug1937438_af_from_latex.pdf", rounds);
  if (only == NULL || strstr (only, "scan"))
    bench_document ("300-dpi scan, PDF", scan, "application/pdf", scan_path, rounds);
  if (only == NULL || strstr (only, "jpeg"))
    bench_document ("300-dpi scan, JPEG", jpeg, "image/jpeg", NULL, rounds);
  g_unlink (scan_path);
  g_print ("\nWhere the time goes (p50, ms): the set_documents () call; selection → full page handed "
           "to the widget (page-shown); from then → painted; layout and paint phases summed over the "
           "frames until painted; main-thread CPU, selection → painted, and of one repaint of "
           "the same window before it, nothing changed, and of one redraw of the whole view after it, the "
           "page shown (the floor of a frame).\n\n"
           "| %-44s | %6s | %7s | %7s | %6s | %6s | %6s | %7s | %6s |\n|%s|\n%s",
           "selection", "call", "→ image", "→ paint", "layout", "paint", "cpu", "repaint", "redraw",
           "----------------------------------------------|--------|---------|---------|--------|--------|--------|---------|--------",
           breakdowns->str);
  return 0;
}
