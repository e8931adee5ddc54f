/* ins-render-helper.c — one instruction-renderer process over a socket pair */
#define _GNU_SOURCE   /* posix_spawn_file_actions_addclosefrom_np, memfd seals */
#define G_LOG_DOMAIN "ins-documents"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>

#include "ins-document-error.h"
#include "ins-render-helper.h"

struct _InsRenderHelper
{
  GPid pid;
  int fd;
  gint dead;      /* atomic */
  gint reaped;    /* atomic: the pid may belong to another process since */
};

/* The helper's environment: ours, with glibc's malloc asked to back its large
 * blocks with transparent huge pages. Poppler draws a scanned page from a
 * full-size image (35 MB for an A4 at 300 dpi) that it allocates afresh at
 * each render; faulting it in 4 KiB at a time cost more than decoding it
 * (8,500 faults, 60 % of the render on a virtual machine). Older glibcs ignore
 * the setting. */
static char **
helper_environment (void)
{
  char **env = g_get_environ ();
  const char *tunables = g_environ_getenv (env, "GLIBC_TUNABLES");
  g_autofree char *value = NULL;

  if (tunables != NULL && strstr (tunables, "glibc.malloc.hugetlb") != NULL)
    return env;
  value = tunables && *tunables ? g_strconcat (tunables, ":glibc.malloc.hugetlb=1", NULL)
                                : g_strdup ("glibc.malloc.hugetlb=1");
  return g_environ_setenv (env, "GLIBC_TUNABLES", value, TRUE);
}

/* posix_spawn (vfork-like on glibc), not GSubprocess: GLib 2.74 forks whenever
 * the child's descriptors are to be closed, and a fork of the big parent
 * write-protects all its pages, so the main thread then takes a copy-on-write
 * fault on each page it writes. The child gets the socket as stdin and stdout
 * and no other descriptor. */
static gboolean
spawn_with_socket (const char * const *argv, int fd, GPid *pid, GError **error)
{
  g_auto(GStrv) env = helper_environment ();
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  sigset_t none, defaults;
  pid_t child;
  int err;

  sigemptyset (&none);
  sigemptyset (&defaults);
  sigaddset (&defaults, SIGPIPE);
  posix_spawnattr_init (&attr);
  posix_spawnattr_setsigmask (&attr, &none);
  posix_spawnattr_setsigdefault (&attr, &defaults);
  posix_spawnattr_setflags (&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_adddup2 (&actions, fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2 (&actions, fd, STDOUT_FILENO);
  if (g_getenv ("INS_RENDERER_VERBOSE") == NULL)
    posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclosefrom_np (&actions, STDERR_FILENO + 1);

  err = posix_spawn (&child, argv[0], &actions, &attr, (char * const *) argv, env);
  posix_spawn_file_actions_destroy (&actions);
  posix_spawnattr_destroy (&attr);
  if (err != 0)
    {
      g_set_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_HELPER,
                   "cannot start %s: %s", argv[0], g_strerror (err));
      return FALSE;
    }
  *pid = child;
  return TRUE;
}

InsRenderHelper *
ins_render_helper_spawn (const char * const *argv,
                         GError            **error)
{
  InsRenderHelper *helper;
  GPid pid;
  int sv[2];

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
    {
      g_set_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_HELPER,
                   "socketpair: %s", g_strerror (errno));
      return NULL;
    }
  if (!spawn_with_socket (argv, sv[1], &pid, error))
    {
      close (sv[0]);
      close (sv[1]);
      return NULL;
    }
  close (sv[1]);

  g_unix_set_fd_nonblocking (sv[0], TRUE, NULL);
  helper = g_new0 (InsRenderHelper, 1);
  helper->pid = pid;
  helper->fd = sv[0];
  return helper;
}

void
ins_render_helper_kill (InsRenderHelper *helper)
{
  g_atomic_int_set (&helper->dead, TRUE);
  if (!g_atomic_int_get (&helper->reaped))
    kill (helper->pid, SIGKILL);
}

/* A helper let go exits on QUIT or on the closed socket; one still there after
 * this is killed. */
#define REAP_GRACE_MS 2000

static void
reap (gpointer data, gpointer user_data)
{
  GPid pid = GPOINTER_TO_INT (data);
  gulong waited_us = 0, step_us = 1000;

  while (waited_us < REAP_GRACE_MS * 1000)
    {
      pid_t r = waitpid (pid, NULL, WNOHANG);

      if (r > 0 || (r < 0 && errno != EINTR))
        return;
      g_usleep (step_us);
      waited_us += step_us;
      step_us = MIN (step_us * 2, 100 * 1000);
    }
  kill (pid, SIGKILL);
  while (waitpid (pid, NULL, 0) < 0 && errno == EINTR)
    ;
}

/* Off the caller's thread: freeing a helper never waits for its exit. */
static void
reap_later (GPid pid)
{
  static GThreadPool *reapers;

  if (g_once_init_enter (&reapers))
    g_once_init_leave (&reapers, g_thread_pool_new (reap, NULL, 2, FALSE, NULL));
  g_thread_pool_push (reapers, GINT_TO_POINTER (pid), NULL);
}

void
ins_render_helper_free (InsRenderHelper *helper)
{
  if (helper == NULL)
    return;
  if (!g_atomic_int_get (&helper->dead))
    {
      InsRenderRequest req = { .magic = INS_RENDER_MAGIC, .op = INS_RENDER_OP_QUIT };
      if (send (helper->fd, &req, sizeof req, MSG_NOSIGNAL | MSG_DONTWAIT) != sizeof req)
        kill (helper->pid, SIGKILL);
    }
  else if (!g_atomic_int_get (&helper->reaped))
    kill (helper->pid, SIGKILL);
  close (helper->fd);
  if (!g_atomic_int_get (&helper->reaped))
    reap_later (helper->pid);
  g_free (helper);
}

gboolean
ins_render_helper_is_dead (InsRenderHelper *helper)
{
  return g_atomic_int_get (&helper->dead);
}

gboolean
ins_render_helper_check_alive (InsRenderHelper *helper)
{
  struct pollfd pfd = { .fd = helper->fd, .events = POLLIN };

  if (g_atomic_int_get (&helper->dead))
    return FALSE;
  if (poll (&pfd, 1, 0) != 0)
    {
      ins_render_helper_kill (helper);
      return FALSE;
    }
  return TRUE;
}

GPid
ins_render_helper_get_pid (InsRenderHelper *helper)
{
  return g_atomic_int_get (&helper->dead) ? 0 : helper->pid;
}

static gboolean
fail_dead (InsRenderHelper *helper, gboolean timed_out, GError **error)
{
  ins_render_helper_kill (helper);
  if (timed_out)
    {
      g_set_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_TIMEOUT,
                   "renderer %d timed out", (int) helper->pid);
    }
  else
    {
      int status = 0;

      if (!g_atomic_int_get (&helper->reaped) && waitpid (helper->pid, &status, 0) == helper->pid)
        {
          g_atomic_int_set (&helper->reaped, TRUE);
          if (WIFSIGNALED (status))
            g_debug ("renderer %d died of signal %d", (int) helper->pid, WTERMSIG (status));
        }
      g_set_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_CRASHED,
                   "renderer %d stopped", (int) helper->pid);
    }
  return FALSE;
}

/* Waits for @events until @deadline (monotonic µs); FALSE on timeout. */
static gboolean
wait_fd (int fd, short events, gint64 deadline)
{
  for (;;)
    {
      struct pollfd pfd = { .fd = fd, .events = events };
      gint64 left = deadline - g_get_monotonic_time ();
      int r;

      if (left <= 0)
        return FALSE;
      r = poll (&pfd, 1, (int) MIN ((left + 999) / 1000, G_MAXINT));
      if (r > 0)
        return TRUE;
      if (r < 0 && errno != EINTR)
        return TRUE; /* let the read or write report it */
    }
}

static gboolean
send_all (InsRenderHelper *helper, const void *buf, gsize len, gint64 deadline, GError **error)
{
  const guint8 *p = buf;

  while (len > 0)
    {
      ssize_t n;

      if (g_atomic_int_get (&helper->dead))
        return fail_dead (helper, FALSE, error);
      n = send (helper->fd, p, len, MSG_NOSIGNAL);
      if (n > 0)
        {
          p += n;
          len -= (gsize) n;
        }
      else if (n < 0 && (errno == EAGAIN || errno == EINTR))
        {
          if (!wait_fd (helper->fd, POLLOUT, deadline))
            return fail_dead (helper, TRUE, error);
        }
      else
        return fail_dead (helper, FALSE, error);
    }
  return TRUE;
}

static gboolean
recv_all (InsRenderHelper *helper, void *buf, gsize len, gint64 deadline, GError **error)
{
  guint8 *p = buf;

  while (len > 0)
    {
      ssize_t n;

      if (g_atomic_int_get (&helper->dead))
        return fail_dead (helper, FALSE, error);
      n = recv (helper->fd, p, len, 0);
      if (n > 0)
        {
          p += n;
          len -= (gsize) n;
        }
      else if (n < 0 && (errno == EAGAIN || errno == EINTR))
        {
          if (!wait_fd (helper->fd, POLLIN, deadline))
            return fail_dead (helper, TRUE, error);
        }
      else
        return fail_dead (helper, FALSE, error);
    }
  return TRUE;
}

/* Like recv_all (), also taking a descriptor passed along (SCM_RIGHTS) into
 * *@fd; any more than one is closed. */
static gboolean
recv_all_with_fd (InsRenderHelper *helper, void *buf, gsize len, gint64 deadline, int *fd,
                  GError **error)
{
  guint8 *p = buf;

  while (len > 0)
    {
      union {
        struct cmsghdr align;
        char buf[CMSG_SPACE (4 * sizeof (int))];
      } control;
      struct iovec iov = { .iov_base = p, .iov_len = len };
      struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1,
        .msg_control = control.buf, .msg_controllen = sizeof control.buf,
      };
      ssize_t n;

      if (g_atomic_int_get (&helper->dead))
        return fail_dead (helper, FALSE, error);
      n = recvmsg (helper->fd, &msg, MSG_CMSG_CLOEXEC);
      if (n > 0)
        {
          for (struct cmsghdr *c = CMSG_FIRSTHDR (&msg); c != NULL; c = CMSG_NXTHDR (&msg, c))
            if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
              for (gsize i = 0; i < (c->cmsg_len - CMSG_LEN (0)) / sizeof (int); i++)
                {
                  int passed;

                  memcpy (&passed, CMSG_DATA (c) + i * sizeof (int), sizeof passed);
                  if (*fd < 0)
                    *fd = passed;
                  else
                    close (passed);
                }
          p += n;
          len -= (gsize) n;
        }
      else if (n < 0 && (errno == EAGAIN || errno == EINTR))
        {
          if (!wait_fd (helper->fd, POLLIN, deadline))
            return fail_dead (helper, TRUE, error);
        }
      else
        return fail_dead (helper, FALSE, error);
    }
  return TRUE;
}

typedef struct {
  gpointer data;
  gsize size;
} Mapping;

static void
unmap_pixels (gpointer data)
{
  Mapping *mapping = data;

  munmap (mapping->data, mapping->size);
  g_free (mapping);
}

/* The pixels in @fd, mapped read-only: FALSE unless the helper sealed it at
 * @size bytes or more, so that nobody can shrink (a fault on reading) or
 * write it afterwards. */
static GBytes *
map_pixels (int fd, gsize size)
{
  struct stat st;
  int seals = fcntl (fd, F_GET_SEALS);
  Mapping *mapping;
  gpointer data;

  if (seals < 0 || (seals & (F_SEAL_SHRINK | F_SEAL_WRITE)) != (F_SEAL_SHRINK | F_SEAL_WRITE)
      || fstat (fd, &st) != 0 || st.st_size < 0 || (guint64) st.st_size < size)
    return NULL;
  /* Mapped in now, on this worker thread, not page by page as the window draws. */
  data = mmap (NULL, size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
  if (data == MAP_FAILED)
    return NULL;
  mapping = g_new (Mapping, 1);
  mapping->data = data;
  mapping->size = size;
  return g_bytes_new_with_free_func (data, size, unmap_pixels, mapping);
}

static InsDocumentError
code_from_wire (guint32 code)
{
  switch (code)
    {
    case INS_RENDER_ERROR_ENCRYPTED:
      return INS_DOCUMENT_ERROR_ENCRYPTED;
    case INS_RENDER_ERROR_DAMAGED:
      return INS_DOCUMENT_ERROR_DAMAGED;
    case INS_RENDER_ERROR_NO_PAGES:
      return INS_DOCUMENT_ERROR_NO_PAGES;
    case INS_RENDER_ERROR_TOO_LARGE:
      return INS_DOCUMENT_ERROR_TOO_LARGE;
    default:
      return INS_DOCUMENT_ERROR_FAILED;
    }
}

/* Sends @req (+ @payload) and reads the reply header; on an error reply reads
 * the reason and fails. */
static gboolean
exchange (InsRenderHelper *helper, InsRenderRequest *req, GBytes *payload,
          guint timeout_ms, InsRenderReply *reply, gint64 *deadline, int *fd, GError **error)
{
  gsize size = payload ? g_bytes_get_size (payload) : 0;

  *deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  req->magic = INS_RENDER_MAGIC;
  req->length = size;
  if (!send_all (helper, req, sizeof *req, *deadline, error)
      || (size > 0 && !send_all (helper, g_bytes_get_data (payload, NULL), size, *deadline, error))
      || !recv_all_with_fd (helper, reply, sizeof *reply, *deadline, fd, error))
    return FALSE;
  if (reply->magic != INS_RENDER_MAGIC || reply->length > (guint64) G_MAXINT32)
    {
      ins_render_helper_kill (helper);
      g_set_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_CRASHED, "garbled reply");
      return FALSE;
    }
  if (reply->status != INS_RENDER_STATUS_OK)
    {
      g_autofree char *reason = g_malloc0 (MIN (reply->length, 4096) + 1);
      gsize len = MIN (reply->length, 4096);
      g_autofree char *valid = NULL;

      if (reply->length > 4096 || !recv_all (helper, reason, len, *deadline, NULL))
        ins_render_helper_kill (helper);
      valid = g_utf8_make_valid (reason, -1);
      g_set_error (error, INS_DOCUMENT_ERROR, code_from_wire (reply->code), "%s", valid);
      return FALSE;
    }
  return TRUE;
}

gboolean
ins_render_helper_wait_ready (InsRenderHelper *helper,
                              guint            timeout_ms,
                              GError         **error)
{
  InsRenderReply reply;
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  if (!recv_all (helper, &reply, sizeof reply, deadline, error))
    return FALSE;
  if (reply.magic != INS_RENDER_MAGIC || reply.status != INS_RENDER_STATUS_OK || reply.length != 0)
    {
      ins_render_helper_kill (helper);
      g_set_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_CRASHED, "garbled reply");
      return FALSE;
    }
  return TRUE;
}

gboolean
ins_render_helper_open (InsRenderHelper *helper,
                        GBytes          *document,
                        guint            timeout_ms,
                        GArray         **page_sizes,
                        GError         **error)
{
  InsRenderRequest req = { .op = INS_RENDER_OP_OPEN };
  InsRenderReply reply;
  InsRenderDocInfo info;
  g_autoptr(GArray) sizes = NULL;
  gint64 deadline;
  int fd = -1;

  if (g_bytes_get_size (document) > INS_RENDER_MAX_DOCUMENT_BYTES)
    {
      g_set_error_literal (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_TOO_LARGE,
                           "document too large");
      return FALSE;
    }
  if (!exchange (helper, &req, document, timeout_ms, &reply, &deadline, &fd, error))
    {
      ins_render_helper_kill (helper); /* a failed open ends the helper */
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  if (reply.length < sizeof info
      || !recv_all (helper, &info, sizeof info, deadline, error))
    return reply.length < sizeof info ? fail_dead (helper, FALSE, error) : FALSE;
  if (info.n_pages == 0 || info.n_pages > 100000
      || reply.length != sizeof info + (guint64) info.n_pages * sizeof (InsRenderPageSize))
    {
      ins_render_helper_kill (helper);
      g_set_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_CRASHED, "garbled reply");
      return FALSE;
    }
  sizes = g_array_sized_new (FALSE, TRUE, sizeof (InsRenderPageSize), info.n_pages);
  g_array_set_size (sizes, info.n_pages);
  if (!recv_all (helper, sizes->data, info.n_pages * sizeof (InsRenderPageSize), deadline, error))
    return FALSE;
  *page_sizes = g_steal_pointer (&sizes);
  return TRUE;
}

InsPageImage *
ins_render_helper_render (InsRenderHelper *helper,
                          guint            page,
                          double           scale,
                          guint            rotation,
                          guint            timeout_ms,
                          GError         **error)
{
  InsRenderRequest req = {
    .op = INS_RENDER_OP_RENDER, .page = page, .rotation = rotation, .scale = scale,
  };
  InsRenderReply reply;
  InsRenderImageInfo info;
  InsPageImage *image;
  gsize size;
  g_autoptr(GBytes) bytes = NULL;
  gint64 deadline;
  int fd = -1;
  gboolean ok;

  ok = exchange (helper, &req, NULL, timeout_ms, &reply, &deadline, &fd, error);
  if (ok && reply.length != sizeof info)
    ok = fail_dead (helper, FALSE, error);
  ok = ok && recv_all (helper, &info, sizeof info, deadline, error);
  if (!ok)
    {
      if (fd >= 0)
        close (fd);
      return NULL;
    }
  size = (gsize) info.stride * info.height;
  if (info.width == 0 || info.height == 0 || info.stride < info.width * 4
      || info.width > INS_RENDER_MAX_SIDE || info.height > INS_RENDER_MAX_SIDE
      || fd < 0 || (bytes = map_pixels (fd, size)) == NULL)
    {
      if (fd >= 0)
        close (fd);
      ins_render_helper_kill (helper);
      g_set_error (error, INS_DOCUMENT_ERROR, INS_DOCUMENT_ERROR_CRASHED, "garbled reply");
      return NULL;
    }
  close (fd);
  image = ins_page_image_new (info.width, info.height, info.stride,
                              INS_PAGE_FORMAT_ARGB32_PREMULTIPLIED, bytes);
  image->opaque = TRUE;   /* the helper paints the page white first */
  return image;
}
