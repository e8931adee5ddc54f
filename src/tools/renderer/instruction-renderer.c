/* instruction-renderer — renders the pages of one untrusted PDF for the app
 *
 * Speaks the protocol of src/documents/ins-render-protocol.h on stdin/stdout,
 * under CPU-time and address-space limits it sets on itself before reading a
 * byte of the document: a hostile PDF may crash or hang this process, never the
 * application (which kills and restarts it).
 */
#define G_LOG_DOMAIN "ins-renderer"
#define _GNU_SOURCE   /* memfd_create, seals */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cairo.h>
#include <glib.h>
#include <poppler.h>

#include "documents/ins-render-protocol.h"

static int out_fd = 1;
static gboolean stop_before_render;
static gboolean warm_up;

static gboolean
read_full (int fd, void *buf, size_t len)
{
  guint8 *p = buf;

  while (len > 0)
    {
      ssize_t n = read (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= (size_t) n;
    }
  return TRUE;
}

static gboolean
write_full (int fd, const void *buf, size_t len)
{
  const guint8 *p = buf;

  while (len > 0)
    {
      ssize_t n = write (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      len -= (size_t) n;
    }
  return TRUE;
}

static gboolean
reply (InsRenderStatus status, InsRenderErrorCode code,
       const void *head, size_t head_len, const void *body, size_t body_len)
{
  InsRenderReply r = {
    .magic = INS_RENDER_MAGIC, .status = status, .code = code,
    .length = head_len + body_len,
  };

  return write_full (out_fd, &r, sizeof r)
      && (head_len == 0 || write_full (out_fd, head, head_len))
      && (body_len == 0 || write_full (out_fd, body, body_len));
}

/* An ok reply whose pixels are in @fd, passed along with its first byte. */
static gboolean
reply_with_fd (const void *head, size_t head_len, int fd)
{
  InsRenderReply r = {
    .magic = INS_RENDER_MAGIC, .status = INS_RENDER_STATUS_OK, .length = head_len,
  };
  union {
    struct cmsghdr align;
    char buf[CMSG_SPACE (sizeof (int))];
  } control = { 0 };
  struct iovec iov = { .iov_base = &r, .iov_len = sizeof r };
  struct msghdr msg = {
    .msg_iov = &iov, .msg_iovlen = 1,
    .msg_control = control.buf, .msg_controllen = sizeof control.buf,
  };
  struct cmsghdr *cmsg = CMSG_FIRSTHDR (&msg);
  ssize_t n;

  cmsg->cmsg_level = SOL_SOCKET;
  cmsg->cmsg_type = SCM_RIGHTS;
  cmsg->cmsg_len = CMSG_LEN (sizeof (int));
  memcpy (CMSG_DATA (cmsg), &fd, sizeof (int));
  do
    n = sendmsg (out_fd, &msg, MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    return FALSE;
  return write_full (out_fd, (const guint8 *) &r + n, sizeof r - (size_t) n)
      && write_full (out_fd, head, head_len);
}

static gboolean
reply_error (InsRenderErrorCode code, const char *reason)
{
  return reply (INS_RENDER_STATUS_ERROR, code, reason, strlen (reason), NULL, 0);
}

static void
set_limits (gint64 cpu_seconds, gint64 address_mb, int nice)
{
  struct rlimit cpu = { (rlim_t) cpu_seconds, (rlim_t) cpu_seconds + 5 };
  struct rlimit as = { (rlim_t) address_mb << 20, (rlim_t) address_mb << 20 };
  struct rlimit core = { 0, 0 };

  if (cpu_seconds > 0 && setrlimit (RLIMIT_CPU, &cpu) != 0)
    g_warning ("setrlimit CPU: %s", g_strerror (errno));
  if (address_mb > 0 && setrlimit (RLIMIT_AS, &as) != 0)
    g_warning ("setrlimit AS: %s", g_strerror (errno));
  setrlimit (RLIMIT_CORE, &core);
  errno = 0;
  if (nice > 0 && getpriority (PRIO_PROCESS, 0) < nice && errno == 0 && setpriority (PRIO_PROCESS, 0, nice) != 0)
    g_warning ("setpriority: %s", g_strerror (errno));
}

static PopplerDocument *
open_document (guint64 length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *doc;
  guint8 *data;
  InsRenderDocInfo info = { 0 };
  g_autofree InsRenderPageSize *sizes = NULL;

  if (length > INS_RENDER_MAX_DOCUMENT_BYTES)
    {
      reply_error (INS_RENDER_ERROR_TOO_LARGE, "document too large");
      return NULL;
    }
  data = g_try_malloc (length ? length : 1);
  if (data == NULL)
    {
      reply_error (INS_RENDER_ERROR_TOO_LARGE, "out of memory");
      return NULL;
    }
  if (!read_full (0, data, length))
    {
      g_free (data);
      return NULL;
    }
  bytes = g_bytes_new_take (data, length);

  doc = poppler_document_new_from_bytes (bytes, NULL, &error);
  if (doc == NULL)
    {
      if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        reply_error (INS_RENDER_ERROR_ENCRYPTED, error->message);
      else
        reply_error (INS_RENDER_ERROR_DAMAGED, error->message);
      return NULL;
    }

  info.n_pages = (guint32) MAX (poppler_document_get_n_pages (doc), 0);
  if (info.n_pages == 0)
    {
      reply_error (INS_RENDER_ERROR_NO_PAGES, "no pages");
      g_object_unref (doc);
      return NULL;
    }
  sizes = g_new0 (InsRenderPageSize, info.n_pages);
  for (guint i = 0; i < info.n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, (int) i);
      if (page != NULL)
        {
          poppler_page_get_size (page, &sizes[i].width, &sizes[i].height);
          g_object_unref (page);
        }
    }
  if (!reply (INS_RENDER_STATUS_OK, 0, &info, sizeof info,
              sizes, sizeof (InsRenderPageSize) * info.n_pages))
    {
      g_object_unref (doc);
      return NULL;
    }
  return doc;
}

static gboolean
render_page (PopplerDocument *doc, const InsRenderRequest *req)
{
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double pw = 0, ph = 0, w, h;
  InsRenderImageInfo info = { 0 };
  gboolean ok;
  int fd, stride;
  size_t size;
  guint8 *data;

  if (req->page >= (guint32) poppler_document_get_n_pages (doc)
      || req->rotation % 90 != 0 || req->rotation >= 360
      || !isfinite (req->scale) || req->scale <= 0 || req->scale > 50)
    return reply_error (INS_RENDER_ERROR_BAD_REQUEST, "bad request");

  if (stop_before_render)
    raise (SIGSTOP);
  page = poppler_document_get_page (doc, (int) req->page);
  if (page == NULL)
    return reply_error (INS_RENDER_ERROR_RENDER, "page not found");
  poppler_page_get_size (page, &pw, &ph);
  w = ceil (pw * req->scale);
  h = ceil (ph * req->scale);
  if (req->rotation == 90 || req->rotation == 270)
    {
      double t = w;
      w = h;
      h = t;
    }
  if (w < 1 || h < 1 || w > INS_RENDER_MAX_SIDE || h > INS_RENDER_MAX_SIDE
      || w * h > (double) INS_RENDER_MAX_PIXELS)
    {
      g_object_unref (page);
      return reply_error (INS_RENDER_ERROR_TOO_LARGE, "image too large");
    }

  /* The pixels go in shared memory, sealed before the app maps them. */
  stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, (int) w);
  size = (size_t) stride * (size_t) h;
  fd = memfd_create ("ins-page", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  data = MAP_FAILED;
  if (fd >= 0 && ftruncate (fd, (off_t) size) == 0)
    data = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, 0);
  if (data == MAP_FAILED)
    {
      if (fd >= 0)
        close (fd);
      g_object_unref (page);
      return reply_error (INS_RENDER_ERROR_TOO_LARGE, "cannot allocate the image");
    }
  surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, (int) w, (int) h, stride);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  switch (req->rotation)
    {
    case 90:
      cairo_translate (cr, w, 0);
      break;
    case 180:
      cairo_translate (cr, w, h);
      break;
    case 270:
      cairo_translate (cr, 0, h);
      break;
    default:
      break;
    }
  cairo_rotate (cr, req->rotation * G_PI / 180.0);
  cairo_scale (cr, req->scale, req->scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_object_unref (page);

  ok = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy (surface);
  munmap (data, size);
  if (!ok)
    {
      close (fd);
      return reply_error (INS_RENDER_ERROR_RENDER, "cairo error");
    }
  if (fcntl (fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0)
    {
      close (fd);
      return reply_error (INS_RENDER_ERROR_RENDER, "cannot seal the image");
    }

  info.width = (guint32) w;
  info.height = (guint32) h;
  info.stride = (guint32) stride;
  ok = reply_with_fd (&info, sizeof info, fd);
  close (fd);
  return ok;
}

/* A one-page PDF with a line of text in a standard font, its xref computed. */
static GBytes *
warm_up_pdf (void)
{
  static const char * const objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Contents 4 0 R"
    " /Resources << /Font << /F1 5 0 R >> >> >>",
    "<< /Length 31 >>\nstream\nBT /F1 12 Tf 8 30 Td (Ae) Tj ET\nendstream",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n", (guint) G_N_ELEMENTS (objects) + 1, xref);
  return g_string_free_to_bytes (pdf);
}

/* Does once, before any document arrives, what the first render of a session
 * costs beyond the page itself: poppler's globals, fontconfig's configuration
 * and cache, FreeType, cairo's rasteriser. */
static void
do_warm_up (void)
{
  g_autoptr(GBytes) bytes = warm_up_pdf ();
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, NULL);
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (doc == NULL)
    return;
  page = poppler_document_get_page (doc, 0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 36, 36);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.5, 0.5);
  if (page != NULL)
    poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_clear_object (&page);
  g_object_unref (doc);
}

int
main (int argc, char **argv)
{
  gint64 cpu_seconds = INS_RENDER_DEFAULT_CPU_SECONDS;
  gint64 address_mb = INS_RENDER_DEFAULT_ADDRESS_MB;
  int nice = INS_RENDER_DEFAULT_NICE;
  PopplerDocument *doc = NULL;
  InsRenderRequest req;
  GOptionEntry entries[] = {
    { "cpu-seconds", 0, 0, G_OPTION_ARG_INT64, &cpu_seconds, "CPU time limit (0: none)", "N" },
    { "address-mb", 0, 0, G_OPTION_ARG_INT64, &address_mb, "Address space limit (0: none)", "MB" },
    { "nice", 0, 0, G_OPTION_ARG_INT, &nice, "Nice value to run at, at least (0: unchanged)", "N" },
    { "stop-before-render", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &stop_before_render,
      "Stop (SIGSTOP) before each render, for tests of hangs and crashes", NULL },
    { "warm-up", 0, 0, G_OPTION_ARG_NONE, &warm_up,
      "Initialise the libraries before reading a request (a spare process)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- render one PDF over stdin/stdout");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* No PR_SET_PDEATHSIG: it fires when the spawning *thread* ends, and the app
   * spawns from pool threads that come and go. When the app goes, the socket
   * closes and the next read ends this loop; a render stuck in a loop meanwhile
   * runs into the CPU limit. */
  prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  set_limits (cpu_seconds, address_mb, nice);

  /* Only replies go to the real stdout: stray library output goes to stderr. */
  out_fd = dup (1);
  if (out_fd < 0 || dup2 (2, 1) < 0)
    return 3;

  if (warm_up)
    {
      do_warm_up ();
      if (!reply (INS_RENDER_STATUS_OK, 0, NULL, 0, NULL, 0))
        return 0;
    }

  while (read_full (0, &req, sizeof req))
    {
      if (req.magic != INS_RENDER_MAGIC)
        break;
      if (req.op == INS_RENDER_OP_QUIT)
        break;
      if (req.op == INS_RENDER_OP_OPEN && doc == NULL)
        {
          doc = open_document (req.length);
          if (doc == NULL)
            break;
        }
      else if (req.op == INS_RENDER_OP_RENDER && doc != NULL && req.length == 0)
        {
          if (!render_page (doc, &req))
            break;
        }
      else
        {
          reply_error (INS_RENDER_ERROR_BAD_REQUEST, "unexpected request");
          break;
        }
    }

  g_clear_object (&doc);
  return 0;
}
