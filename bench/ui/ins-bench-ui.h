/* ins-bench-ui.h — what the workspace benchmarks share: frame timing on a
 * GdkFrameClock, main-loop busy stretches, resident memory, percentiles, and
 * waiting on the main loop without spinning */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Samples in milliseconds. */
typedef struct {
  GArray *values;   /* of double */
} InsBenchSamples;

void    ins_bench_samples_init    (InsBenchSamples *self);
void    ins_bench_samples_clear   (InsBenchSamples *self);
void    ins_bench_samples_add     (InsBenchSamples *self, double ms);
guint   ins_bench_samples_count   (InsBenchSamples *self);
/* Nearest-rank percentile (0 < @p <= 100); 0 when empty. */
double  ins_bench_samples_percentile (InsBenchSamples *self, double p);
double  ins_bench_samples_max     (InsBenchSamples *self);

/* Times every frame of @widget's frame clock, from the first phase it runs
 * (flush-events, before-paint, update, layout or paint) to the end of its
 * after-paint phase (update, layout, snapshot and the cairo
 * render included), in wall time and in CPU time of the main thread. Frames
 * are added to the samples set with ins_bench_frames_set_target (NULL: not
 * recorded); @extra_us of work done outside the clock (e.g. setting the
 * adjustment) is added to the next frame. */
typedef struct {
  GdkFrameClock   *clock;
  gulong           end_handler;
  gboolean         in_frame;
  gint64           begin_wall;
  gint64           begin_cpu;
  gint64           extra_wall;
  gint64           extra_cpu;
  guint64          n_frames;
  InsBenchSamples *wall;       /* borrowed, may be NULL */
  InsBenchSamples *cpu;        /* borrowed, may be NULL */
} InsBenchFrames;

/* One attached at a time. */
void    ins_bench_frames_attach   (InsBenchFrames *self, GtkWidget *widget);
void    ins_bench_frames_detach   (InsBenchFrames *self);
void    ins_bench_frames_set_target (InsBenchFrames  *self,
                                     InsBenchSamples *wall,
                                     InsBenchSamples *cpu);
void    ins_bench_frames_add_extra (InsBenchFrames *self, gint64 wall_us, gint64 cpu_us);

/* Busy stretches of the default main context: from the moment its poll
 * returns to the moment it polls again, i.e. how long the loop could not
 * answer input. Installed as the context's poll function. */
void    ins_bench_loop_monitor_start (void);
/* Resets the record; stretches are added to @samples when not NULL. */
void    ins_bench_loop_monitor_reset (InsBenchSamples *samples);
double  ins_bench_loop_monitor_longest_ms (void);
/* The main thread's CPU time during the longest stretch, and the most CPU
 * time any stretch used: a long stretch with little CPU was waiting (a
 * blocking call, or a CPU taken by other processes). */
double  ins_bench_loop_monitor_longest_cpu_ms (void);
double  ins_bench_loop_monitor_most_cpu_ms (void);
guint   ins_bench_loop_monitor_count_over (double ms);
/* The main thread's CPU time of each stretch is added to @samples (NULL: not
 * recorded): on a loaded machine, what the loop itself spent. */
void    ins_bench_loop_monitor_set_cpu_samples (InsBenchSamples *samples);

/* The main thread's CPU time, in microseconds. */
gint64  ins_bench_thread_cpu_us   (void);
/* VmRSS and VmHWM of this process, in kB (0 when unreadable). */
gint64  ins_bench_rss_kb          (void);
gint64  ins_bench_hwm_kb          (void);
/* This process's child processes (the renderer helpers) and their VmRSS. */
void    ins_bench_children        (guint *count, gint64 *rss_kb);

/* Runs the default main loop (blocking, so that the loop monitor sees the
 * real loop) until @cond (@data) holds or @timeout_ms passes; returns
 * whether @cond held. */
gboolean ins_bench_wait           (gboolean   (*cond) (gpointer data),
                                   gpointer     data,
                                   guint        timeout_ms);
/* Runs the main loop until @frames more frames of @frames_of were painted or
 * @timeout_ms passes; returns whether they were. */
gboolean ins_bench_wait_frames    (InsBenchFrames *frames_of,
                                   guint           frames,
                                   guint           timeout_ms);
/* Runs the main loop for @ms. */
void     ins_bench_run_for        (guint ms);

/* Prints one row of a figure table. */
void     ins_bench_print_row      (const char *what,
                                   const char *figure,
                                   const char *baseline,
                                   const char *target);

G_END_DECLS
