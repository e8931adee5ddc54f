/* ins-probe.c — runs instruction-pdf-probe on an attachment, out of process */
#define G_LOG_DOMAIN "ins-ingest"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "ins-import-error.h"
#include "ins-probe.h"

#define HELPER_NAME "instruction-pdf-probe"

/* The helper's exit statuses (see src/tools/pdf-probe/ins-pdf-probe.c). */
enum {
  PROBE_EXIT_OK = 0,
  PROBE_EXIT_ENCRYPTED = 2,
  PROBE_EXIT_DAMAGED = 3,
  PROBE_EXIT_NO_PAGES = 4,
  PROBE_EXIT_UNSUPPORTED = 5,
};

static char *helper_path;
G_LOCK_DEFINE_STATIC (helper);

void
ins_probe_limits_init (InsProbeLimits *limits)
{
  limits->timeout_ms = 20000;
  limits->cpu_seconds = 10;
  limits->memory_mb = 768;
}

void
ins_probe_set_helper (const char *path)
{
  G_LOCK (helper);
  g_free (helper_path);
  helper_path = g_strdup (path);
  G_UNLOCK (helper);
}

const char *
ins_probe_get_helper (void)
{
  const char *env = g_getenv ("INS_PDF_PROBE");
  const char *path;

  if (env != NULL && *env != '\0')
    return env;
  G_LOCK (helper);
  path = helper_path;
  G_UNLOCK (helper);
  return path ? path : LIBEXECDIR G_DIR_SEPARATOR_S HELPER_NAME;
}

typedef struct {
  GSubprocess *process;
  GBytes      *out;
  gboolean     done;
  gboolean     timed_out;
} Run;

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  /* A helper that dies before reading all its input breaks the pipe: the
   * verdict then comes from how it ended, not from this error. */
  if (!g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &run->out, NULL, &error))
    g_debug ("probe: %s", error->message);
  run->done = TRUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  g_subprocess_force_exit (run->process);
  return G_SOURCE_REMOVE;
}

static void
ignore_sigpipe (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      struct sigaction sa;

      if (sigaction (SIGPIPE, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL)
        signal (SIGPIPE, SIG_IGN);
      g_once_init_leave (&once, 1);
    }
}

static void
parse_output (GBytes         *out,
              int             status,
              InsProbeResult *result)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *data = out ? g_bytes_get_data (out, &len) : NULL;

  text = g_strndup (data ? data : "", len);
  switch (status)
    {
    case PROBE_EXIT_OK:
      if (sscanf (text, "pages %d", &result->pages) == 1 && result->pages > 0)
        result->verdict = INS_PROBE_PDF;
      else if (sscanf (text, "image %d %d", &result->width, &result->height) == 2
               && result->width > 0 && result->height > 0)
        result->verdict = INS_PROBE_IMAGE;
      else
        result->verdict = INS_PROBE_DAMAGED;
      break;
    case PROBE_EXIT_ENCRYPTED:
      result->verdict = INS_PROBE_ENCRYPTED;
      break;
    case PROBE_EXIT_NO_PAGES:
      result->verdict = INS_PROBE_NO_PAGES;
      break;
    case PROBE_EXIT_UNSUPPORTED:
      result->verdict = INS_PROBE_UNSUPPORTED;
      break;
    default:
      result->verdict = INS_PROBE_DAMAGED;
      break;
    }
  if (result->verdict == INS_PROBE_DAMAGED)
    g_debug ("probe: exit %d: %s", status, g_strchomp (text));
}

gboolean
ins_probe_bytes (GBytes               *bytes,
                 const InsProbeLimits *limits,
                 InsProbeResult       *result,
                 GError              **error)
{
  return ins_probe_bytes_with_preview (bytes, limits, result, NULL, error);
}

/* The PNG the helper wrote at @path, if any and plausible. */
static GBytes *
read_preview (const char *path)
{
  static const guint8 png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL) || len < sizeof png_magic
      || len > INS_PROBE_MAX_PREVIEW_BYTES || memcmp (data, png_magic, sizeof png_magic) != 0)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

gboolean
ins_probe_bytes_with_preview (GBytes               *bytes,
                              const InsProbeLimits *limits,
                              InsProbeResult       *result,
                              GBytes              **preview,
                              GError              **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GSource) timeout = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *cpu = NULL;
  g_autofree char *memory = NULL;
  InsProbeLimits defaults;
  const char *helper = ins_probe_get_helper ();
  g_autofree char *preview_path = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  Run run = { 0 };

  g_return_val_if_fail (bytes != NULL && result != NULL, FALSE);

  if (limits == NULL)
    {
      ins_probe_limits_init (&defaults);
      limits = &defaults;
    }
  *result = (InsProbeResult) { INS_PROBE_DAMAGED, 0, 0, 0 };
  ignore_sigpipe ();

  if (preview != NULL)
    {
      int fd;

      *preview = NULL;
      fd = g_file_open_tmp ("ins-preview-XXXXXX.png", &preview_path, &local_error);
      if (fd < 0)
        {
          g_set_error (error, INS_IMPORT_ERROR, INS_IMPORT_ERROR_PROBE, "%s", local_error->message);
          return FALSE;
        }
      close (fd);
    }

  cpu = g_strdup_printf ("%u", limits->cpu_seconds);
  memory = g_strdup_printf ("%u", limits->memory_mb);
  g_ptr_array_add (argv, (gpointer) helper);
  g_ptr_array_add (argv, (gpointer) "--cpu-seconds");
  g_ptr_array_add (argv, cpu);
  g_ptr_array_add (argv, (gpointer) "--memory-mb");
  g_ptr_array_add (argv, memory);
  if (preview_path != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--preview");
      g_ptr_array_add (argv, preview_path);
    }
  g_ptr_array_add (argv, (gpointer) "-");
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                               | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &local_error);
  if (process == NULL)
    {
      g_set_error (error, INS_IMPORT_ERROR, INS_IMPORT_ERROR_PROBE,
                   _("Cannot start the document probe %s: %s"), helper, local_error->message);
      if (preview_path != NULL)
        g_unlink (preview_path);
      return FALSE;
    }

  g_main_context_push_thread_default (context);
  run.process = process;
  g_subprocess_communicate_async (process, bytes, NULL, on_communicated, &run);
  timeout = g_timeout_source_new (limits->timeout_ms);
  g_source_set_callback (timeout, on_timeout, &run, NULL);
  g_source_attach (timeout, context);
  while (!run.done)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  g_subprocess_wait (process, NULL, NULL);
  g_main_context_pop_thread_default (context);

  if (run.timed_out)
    result->verdict = INS_PROBE_TIMED_OUT;
  else if (g_subprocess_get_if_signaled (process))
    {
      g_debug ("probe: ended by signal %d", g_subprocess_get_term_sig (process));
      result->verdict = INS_PROBE_KILLED;
    }
  else
    parse_output (run.out, g_subprocess_get_exit_status (process), result);
  g_clear_pointer (&run.out, g_bytes_unref);
  if (preview_path != NULL)
    {
      if (result->verdict == INS_PROBE_PDF)
        *preview = read_preview (preview_path);
      g_unlink (preview_path);
    }
  return TRUE;
}

gboolean
ins_probe_result_is_readable (const InsProbeResult *result)
{
  return result->verdict == INS_PROBE_PDF || result->verdict == INS_PROBE_IMAGE;
}

char *
ins_probe_result_reason (const InsProbeResult *result)
{
  switch (result->verdict)
    {
    case INS_PROBE_PDF:
    case INS_PROBE_IMAGE:
      return NULL;
    case INS_PROBE_ENCRYPTED:
      return g_strdup (_("PDF protected by a password"));
    case INS_PROBE_NO_PAGES:
      return g_strdup (_("PDF without any page"));
    case INS_PROBE_UNSUPPORTED:
      return g_strdup (_("neither a PDF, a JPEG nor a PNG document"));
    case INS_PROBE_TIMED_OUT:
      return g_strdup (_("reading the document took too long"));
    case INS_PROBE_KILLED:
      return g_strdup (_("reading the document exceeded the time or memory allowed"));
    case INS_PROBE_DAMAGED:
    default:
      return g_strdup (_("damaged or unreadable document"));
    }
}
