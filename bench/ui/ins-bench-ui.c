/* ins-bench-ui.c — what the workspace benchmarks share */
#define G_LOG_DOMAIN "ins-bench"
#define _GNU_SOURCE   /* RUSAGE_THREAD */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "ins-bench-ui.h"

/* Samples -------------------------------------------------------------------- */

void
ins_bench_samples_init (InsBenchSamples *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
}

void
ins_bench_samples_clear (InsBenchSamples *self)
{
  g_clear_pointer (&self->values, g_array_unref);
}

void
ins_bench_samples_add (InsBenchSamples *self, double ms)
{
  g_array_append_val (self->values, ms);
}

guint
ins_bench_samples_count (InsBenchSamples *self)
{
  return self->values->len;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

double
ins_bench_samples_percentile (InsBenchSamples *self, double p)
{
  g_autoptr(GArray) sorted = NULL;
  guint rank;

  if (self->values->len == 0)
    return 0;
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (double), self->values->len);
  g_array_append_vals (sorted, self->values->data, self->values->len);
  g_array_sort (sorted, compare_doubles);
  rank = (guint) ceil (p / 100.0 * sorted->len);
  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, double, rank - 1);
}

double
ins_bench_samples_max (InsBenchSamples *self)
{
  double max = 0;

  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, double, i));
  return max;
}

/* Frames --------------------------------------------------------------------- */

gint64
ins_bench_thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The first phase a frame runs starts it. An emission hook runs before any
 * handler, so the first phase's own work is counted. */
static InsBenchFrames *attached;
static const char * const phases[] = { "flush-events", "before-paint", "update", "layout", "paint" };
static gulong phase_hooks[G_N_ELEMENTS (phases)];

/* With INS_BENCH_TRACE_MS set: the main thread's CPU time in each phase of
 * the frames run inside the current main-loop stretch, to attribute it. */
static struct {
  double   threshold_ms;   /* 0: not tracing */
  int      phase;          /* the phase running, -1 outside a frame */
  gint64   phase_cpu;      /* when it started */
  gint64   in_phases[G_N_ELEMENTS (phases) + 1];   /* + after-paint */
  guint    frames;
  guint    other_clocks;   /* phases run by another frame clock */
} trace;

static void
trace_phase_end (void)
{
  gint64 now;

  if (trace.phase < 0)
    return;
  now = ins_bench_thread_cpu_us ();
  trace.in_phases[trace.phase] += now - trace.phase_cpu;
  trace.phase_cpu = now;
}

static gboolean
on_phase (GSignalInvocationHint *hint, guint n_params, const GValue *params, gpointer data)
{
  InsBenchFrames *self = attached;

  if (self != NULL && trace.threshold_ms > 0 && g_value_get_object (&params[0]) != (GObject *) self->clock)
    trace.other_clocks++;
  if (self == NULL || g_value_get_object (&params[0]) != (GObject *) self->clock)
    return TRUE;
  if (trace.threshold_ms > 0)
    {
      trace_phase_end ();
      if (trace.phase < 0)
        trace.phase_cpu = ins_bench_thread_cpu_us ();
      trace.phase = GPOINTER_TO_INT (data);
    }
  if (self->in_frame)
    return TRUE;
  self->in_frame = TRUE;
  self->begin_wall = g_get_monotonic_time ();
  self->begin_cpu = ins_bench_thread_cpu_us ();
  return TRUE;
}

static gboolean
on_after_paint_hook (GSignalInvocationHint *hint, guint n_params, const GValue *params, gpointer data)
{
  if (attached != NULL && trace.threshold_ms > 0
      && g_value_get_object (&params[0]) == (GObject *) attached->clock)
    {
      trace_phase_end ();
      if (trace.phase < 0)
        trace.phase_cpu = ins_bench_thread_cpu_us ();
      trace.phase = G_N_ELEMENTS (phases);
    }
  return TRUE;
}

static void
on_frame_end (GdkFrameClock *clock, InsBenchFrames *self)
{
  gint64 wall, cpu;

  /* A frame that ran no phase but after-paint did no work. */
  if (!self->in_frame)
    {
      self->begin_wall = g_get_monotonic_time ();
      self->begin_cpu = ins_bench_thread_cpu_us ();
    }
  self->in_frame = FALSE;
  if (trace.threshold_ms > 0)
    {
      trace_phase_end ();
      trace.phase = -1;
      trace.frames++;
    }
  wall = g_get_monotonic_time () - self->begin_wall + self->extra_wall;
  cpu = ins_bench_thread_cpu_us () - self->begin_cpu + self->extra_cpu;

  self->extra_wall = 0;
  self->extra_cpu = 0;
  self->n_frames++;
  if (self->wall != NULL)
    ins_bench_samples_add (self->wall, wall / 1000.0);
  if (self->cpu != NULL)
    ins_bench_samples_add (self->cpu, cpu / 1000.0);
}

void
ins_bench_frames_attach (InsBenchFrames *self, GtkWidget *widget)
{
  g_return_if_fail (attached == NULL);

  memset (self, 0, sizeof *self);
  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  if (phase_hooks[0] == 0)
    for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
      phase_hooks[i] = g_signal_add_emission_hook (g_signal_lookup (phases[i], GDK_TYPE_FRAME_CLOCK), 0,
                                                   on_phase, GINT_TO_POINTER (i), NULL);
  if (phase_hooks[0] != 0 && trace.threshold_ms > 0)
    {
      static gulong after_paint_hook;

      if (after_paint_hook == 0)
        after_paint_hook = g_signal_add_emission_hook (g_signal_lookup ("after-paint", GDK_TYPE_FRAME_CLOCK),
                                                       0, on_after_paint_hook, NULL, NULL);
    }
  self->end_handler = g_signal_connect_after (self->clock, "after-paint", G_CALLBACK (on_frame_end), self);
  attached = self;
}

void
ins_bench_frames_detach (InsBenchFrames *self)
{
  if (self->clock == NULL)
    return;
  attached = NULL;
  g_clear_signal_handler (&self->end_handler, self->clock);
  g_clear_object (&self->clock);
}

void
ins_bench_frames_set_target (InsBenchFrames *self, InsBenchSamples *wall, InsBenchSamples *cpu)
{
  self->wall = wall;
  self->cpu = cpu;
  self->extra_wall = 0;
  self->extra_cpu = 0;
}

void
ins_bench_frames_add_extra (InsBenchFrames *self, gint64 wall_us, gint64 cpu_us)
{
  self->extra_wall += wall_us;
  self->extra_cpu += cpu_us;
}

/* Main-loop busy stretches --------------------------------------------------- */

static struct {
  gboolean         started;
  gint64           poll_returned;    /* 0: not yet */
  gint64           poll_returned_cpu;
  struct rusage    poll_returned_usage; /* of the main thread, when tracing */
  gint64           longest;
  gint64           longest_cpu;      /* CPU time of the main thread in it */
  gint64           most_cpu;         /* the stretch that used the most CPU */
  GArray          *stretches;        /* of gint64 µs since the last reset */
  InsBenchSamples *samples;          /* borrowed */
  InsBenchSamples *cpu_samples;      /* borrowed */
} loop;

static gint
monitored_poll (GPollFD *fds, guint n_fds, gint timeout)
{
  gint64 now = g_get_monotonic_time ();
  gint result;

  if (loop.poll_returned != 0)
    {
      gint64 busy = now - loop.poll_returned;
      gint64 cpu = ins_bench_thread_cpu_us () - loop.poll_returned_cpu;

      if (busy > loop.longest)
        {
          loop.longest = busy;
          loop.longest_cpu = cpu;
        }
      loop.most_cpu = MAX (loop.most_cpu, cpu);
      if (loop.cpu_samples != NULL)
        ins_bench_samples_add (loop.cpu_samples, cpu / 1000.0);
      if (trace.threshold_ms > 0 && busy > trace.threshold_ms * 1000)
        {
          gint64 framed = 0;

          struct rusage usage;

          getrusage (RUSAGE_THREAD, &usage);
          for (guint i = 0; i <= G_N_ELEMENTS (phases); i++)
            framed += trace.in_phases[i];
          /* Monotonic µs, to match `perf record -k CLOCK_MONOTONIC`. */
          g_printerr ("TRACE stretch %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " wall %.1f cpu %.1f: "
                      "%u frames (flush %.1f before %.1f update %.1f layout %.1f paint %.1f after %.1f), "
                      "outside frames %.1f; %u phases of other clocks; %ld page faults, "
                      "%ld preemptions, %ld waits\n",
                      loop.poll_returned, now, busy / 1000.0, cpu / 1000.0, trace.frames,
                      trace.in_phases[0] / 1000.0, trace.in_phases[1] / 1000.0, trace.in_phases[2] / 1000.0,
                      trace.in_phases[3] / 1000.0, trace.in_phases[4] / 1000.0, trace.in_phases[5] / 1000.0,
                      (cpu - framed) / 1000.0, trace.other_clocks,
                      usage.ru_minflt - loop.poll_returned_usage.ru_minflt,
                      usage.ru_nivcsw - loop.poll_returned_usage.ru_nivcsw,
                      usage.ru_nvcsw - loop.poll_returned_usage.ru_nvcsw);
        }
      g_array_append_val (loop.stretches, busy);
      if (loop.samples != NULL)
        ins_bench_samples_add (loop.samples, busy / 1000.0);
    }
  result = g_poll (fds, n_fds, timeout);
  memset (trace.in_phases, 0, sizeof trace.in_phases);
  trace.frames = 0;
  trace.other_clocks = 0;
  if (trace.phase >= 0)
    trace.phase_cpu = ins_bench_thread_cpu_us ();
  loop.poll_returned = g_get_monotonic_time ();
  loop.poll_returned_cpu = ins_bench_thread_cpu_us ();
  if (trace.threshold_ms > 0)
    getrusage (RUSAGE_THREAD, &loop.poll_returned_usage);
  return result;
}

void
ins_bench_loop_monitor_start (void)
{
  if (loop.started)
    return;
  loop.started = TRUE;
  trace.phase = -1;
  if (g_getenv ("INS_BENCH_TRACE_MS") != NULL)
    trace.threshold_ms = g_ascii_strtod (g_getenv ("INS_BENCH_TRACE_MS"), NULL);
  loop.stretches = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_main_context_set_poll_func (g_main_context_default (), monitored_poll);
}

void
ins_bench_loop_monitor_reset (InsBenchSamples *samples)
{
  loop.longest = 0;
  loop.longest_cpu = 0;
  loop.most_cpu = 0;
  loop.poll_returned = 0;
  loop.samples = samples;
  g_array_set_size (loop.stretches, 0);
}

double
ins_bench_loop_monitor_longest_ms (void)
{
  return loop.longest / 1000.0;
}

double
ins_bench_loop_monitor_longest_cpu_ms (void)
{
  return loop.longest_cpu / 1000.0;
}

double
ins_bench_loop_monitor_most_cpu_ms (void)
{
  return loop.most_cpu / 1000.0;
}

void
ins_bench_loop_monitor_set_cpu_samples (InsBenchSamples *samples)
{
  loop.cpu_samples = samples;
}

guint
ins_bench_loop_monitor_count_over (double ms)
{
  guint n = 0;

  for (guint i = 0; i < loop.stretches->len; i++)
    if (g_array_index (loop.stretches, gint64, i) > ms * 1000)
      n++;
  return n;
}

/* Memory --------------------------------------------------------------------- */

static gint64
status_kb (const char *field)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return 0;
  line = strstr (text, field);
  if (line == NULL)
    return 0;
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

gint64
ins_bench_rss_kb (void)
{
  return status_kb ("VmRSS:");
}

gint64
ins_bench_hwm_kb (void)
{
  return status_kb ("VmHWM:");
}

void
ins_bench_children (guint *count, gint64 *rss_kb)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  g_autofree char *me = g_strdup_printf ("%d", (int) getpid ());
  const char *name;

  *count = 0;
  *rss_kb = 0;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc", name, "status", NULL);
      g_autofree char *text = NULL;
      const char *ppid, *rss;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (path, &text, NULL, NULL))
        continue;
      ppid = strstr (text, "PPid:");
      if (ppid == NULL || g_ascii_strtoll (ppid + 5, NULL, 10) != getpid ())
        continue;
      (*count)++;
      rss = strstr (text, "VmRSS:");
      if (rss != NULL)
        *rss_kb += g_ascii_strtoll (rss + 6, NULL, 10);
    }
}

/* Waiting -------------------------------------------------------------------- */

static gboolean
on_deadline (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ins_bench_wait (gboolean (*cond) (gpointer data), gpointer data, guint timeout_ms)
{
  gboolean expired = FALSE;
  guint deadline = g_timeout_add (timeout_ms, on_deadline, &expired);

  while (!(cond != NULL && cond (data)) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (deadline);
  return cond != NULL && cond (data);
}

typedef struct {
  InsBenchFrames *frames;
  guint64         until;
} FramesWait;

static gboolean
frames_reached (gpointer data)
{
  FramesWait *w = data;

  return w->frames->n_frames >= w->until;
}

gboolean
ins_bench_wait_frames (InsBenchFrames *frames_of, guint frames, guint timeout_ms)
{
  FramesWait w = { frames_of, frames_of->n_frames + frames };

  return ins_bench_wait (frames_reached, &w, timeout_ms);
}

void
ins_bench_run_for (guint ms)
{
  ins_bench_wait (NULL, NULL, ms);
}

void
ins_bench_print_row (const char *what, const char *figure, const char *baseline, const char *target)
{
  g_print ("| %s | %s | %s | %s |\n", what, figure, baseline, target);
}
