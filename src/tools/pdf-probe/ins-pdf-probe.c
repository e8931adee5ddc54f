/* ins-pdf-probe.c — opens one attachment under resource limits and says what it is
 *
 * Usage: instruction-pdf-probe [--cpu-seconds N] [--memory-mb N] [--preview PNG] FILE
 * FILE "-" reads the document from standard input (what the importer does, so
 * that the bytes probed are the bytes it stores). With --preview, a PDF's first
 * page is also written to PNG, at most PREVIEW_SIDE pixels on its longer side:
 * the placeholder the viewer paints while the full page renders.
 *
 * Prints one line on stdout and exits with the matching status:
 *   0  "pages N"         a PDF that opens and has N pages
 *   0  "image W H"       a JPEG or PNG that decodes, W × H pixels
 *   2  "encrypted"       a PDF protected by a password
 *   3  "damaged DETAIL"  a PDF or an image that cannot be read
 *   4  "no-pages"        a PDF without any page
 *   5  "unsupported"     neither PDF, JPEG nor PNG by its content
 *  64  usage error
 * A file that makes the probe exceed its limits ends it by a signal (SIGXCPU,
 * SIGKILL, SIGSEGV on allocation failure…): the caller treats it as damaged.
 */
#define G_LOG_DOMAIN "ins-pdf-probe"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>
#include <poppler.h>

enum {
  EXIT_USAGE = 64,
  EXIT_ENCRYPTED = 2,
  EXIT_DAMAGED = 3,
  EXIT_NO_PAGES = 4,
  EXIT_UNSUPPORTED = 5,
};

/* Images are decoded at most this large: enough to prove they decode. */
#define MAX_DECODE_SIDE 1024
#define PREVIEW_SIDE 256

static const char *preview_path;

static void
limit (int resource, rlim_t value)
{
  struct rlimit rl = { value, value };

  if (setrlimit (resource, &rl) != 0)
    {
      perror ("setrlimit");
      exit (EXIT_USAGE);
    }
}

static char *
one_line (const char *message)
{
  char *s = g_strdup (message ? message : "");

  g_strdelimit (s, "\r\n\t", ' ');
  return s;
}

static GBytes *
read_stdin (void)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  guint8 chunk[65536];
  size_t n;

  while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
    g_byte_array_append (buf, chunk, (guint) n);
  if (ferror (stdin))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

/* Best effort: no preview is no verdict. */
static void
write_preview (PopplerPage *page, const char *path)
{
  double w = 0, h = 0, scale;
  cairo_surface_t *surface;
  cairo_t *cr;

  poppler_page_get_size (page, &w, &h);
  if (!(w > 0 && h > 0))
    return;
  scale = PREVIEW_SIDE / MAX (w, h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (1, (int) lround (w * scale)),
                                        MAX (1, (int) lround (h * scale)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
}

static int
probe_pdf (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  PopplerDocument *doc;
  PopplerPage *page;
  int n_pages;

  doc = poppler_document_new_from_bytes (bytes, NULL, &error);
  if (doc == NULL)
    {
      if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        {
          printf ("encrypted\n");
          return EXIT_ENCRYPTED;
        }
      detail = one_line (error ? error->message : "");
      printf ("damaged %s\n", detail);
      return EXIT_DAMAGED;
    }

  n_pages = poppler_document_get_n_pages (doc);
  if (n_pages <= 0)
    {
      g_object_unref (doc);
      printf ("no-pages\n");
      return EXIT_NO_PAGES;
    }

  page = poppler_document_get_page (doc, 0);
  if (page == NULL)
    {
      g_object_unref (doc);
      printf ("damaged first page\n");
      return EXIT_DAMAGED;
    }
  if (preview_path != NULL)
    write_preview (page, preview_path);
  g_object_unref (page);
  g_object_unref (doc);
  printf ("pages %d\n", n_pages);
  return EXIT_SUCCESS;
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int *size = user_data;
  int side = MAX (width, height);

  size[0] = width;
  size[1] = height;
  if (side > MAX_DECODE_SIDE)
    gdk_pixbuf_loader_set_size (loader,
                                MAX (1, (int) ((gint64) width * MAX_DECODE_SIDE / side)),
                                MAX (1, (int) ((gint64) height * MAX_DECODE_SIDE / side)));
}

static int
probe_image (GBytes *bytes, const char *type)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  int size[2] = { 0, 0 };

  loader = gdk_pixbuf_loader_new_with_type (type, &error);
  if (loader == NULL)
    {
      detail = one_line (error->message);
      printf ("damaged %s\n", detail);
      return EXIT_DAMAGED;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), size);

  if (!gdk_pixbuf_loader_write (loader, data, len, &error)
      || !gdk_pixbuf_loader_close (loader, &error))
    {
      detail = one_line (error ? error->message : "");
      printf ("damaged %s\n", detail);
      return EXIT_DAMAGED;
    }
  if (gdk_pixbuf_loader_get_pixbuf (loader) == NULL || size[0] <= 0 || size[1] <= 0)
    {
      printf ("damaged no image\n");
      return EXIT_DAMAGED;
    }
  printf ("image %d %d\n", size[0], size[1]);
  return EXIT_SUCCESS;
}

static gboolean
is_pdf (const guint8 *data, gsize len)
{
  gsize window = MIN (len, 1024);

  for (gsize i = 0; i + 5 <= window; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

int
main (int argc, char **argv)
{
  static const guint8 jpeg_magic[] = { 0xff, 0xd8, 0xff };
  static const guint8 png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  int cpu_seconds = 10;
  int memory_mb = 768;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMappedFile) file = NULL;
  const guint8 *data;
  gsize len;
  int i;

  for (i = 1; i < argc - 1; i += 2)
    {
      if (strcmp (argv[i], "--cpu-seconds") == 0)
        cpu_seconds = atoi (argv[i + 1]);
      else if (strcmp (argv[i], "--memory-mb") == 0)
        memory_mb = atoi (argv[i + 1]);
      else if (strcmp (argv[i], "--preview") == 0)
        preview_path = argv[i + 1];
      else
        break;
    }
  if (i != argc - 1 || cpu_seconds <= 0 || memory_mb <= 0)
    {
      fprintf (stderr, "usage: %s [--cpu-seconds N] [--memory-mb N] [--preview PNG] FILE\n", argv[0]);
      return EXIT_USAGE;
    }

  limit (RLIMIT_CPU, (rlim_t) cpu_seconds);
  limit (RLIMIT_AS, (rlim_t) memory_mb * 1024 * 1024);
  limit (RLIMIT_CORE, 0);

  if (strcmp (argv[i], "-") == 0)
    {
      bytes = read_stdin ();
      if (bytes == NULL)
        {
          printf ("damaged cannot read standard input\n");
          return EXIT_DAMAGED;
        }
    }
  else
    {
      file = g_mapped_file_new (argv[i], FALSE, &error);
      if (file == NULL)
        {
          g_autofree char *detail = one_line (error->message);
          printf ("damaged %s\n", detail);
          return EXIT_DAMAGED;
        }
      bytes = g_mapped_file_get_bytes (file);
    }
  data = g_bytes_get_data (bytes, &len);

  if (data != NULL && is_pdf (data, len))
    return probe_pdf (bytes);
  if (len >= sizeof jpeg_magic && memcmp (data, jpeg_magic, sizeof jpeg_magic) == 0)
    return probe_image (bytes, "jpeg");
  if (len >= sizeof png_magic && memcmp (data, png_magic, sizeof png_magic) == 0)
    return probe_image (bytes, "png");
  printf ("unsupported\n");
  return EXIT_UNSUPPORTED;
}
