/* ins-bench-browse.c — browsing affaires with their documents: the longest
 * main-loop stall, and resident memory afterwards
 *
 * Selects each affaire of the queue in turn (as j does), waits for its
 * affaire panel and the first page of its first document to be painted, then
 * goes on. Prints the longest busy stretch of the main loop over the first
 * --stall-count affaires and over all of them, and VmRSS before and after.
 *
 *   instruction-bench-browse --database CONNINFO [--count 200] [--stall-count 100]
 *                            [--label TEXT] [--baseline]
 *
 * --baseline does the same browsing on whatever the database holds (e.g. a
 * 10-affaire database) and prints one line to compare with.
 *
 * With INS_BENCH_TRACE_MS set, besides the loop monitor's TRACE lines, one
 * STEP line per affaire on stderr (its id, when it was selected and when its
 * page was painted, in monotonic µs), to tell which affaire a long stretch
 * belongs to and to line both up with `perf record -k CLOCK_MONOTONIC`.
 */
#define G_LOG_DOMAIN "ins-bench"
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <adwaita.h>

#include "documents/ins-renderer.h"
#include "ui/ins-document-view.h"
#include "ui/ins-queue-item.h"
#include "ui/ins-queue-model.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window.h"
#include "ui/ins-window-private.h"
#include "ins-bench-ui.h"

#define STEP_TIMEOUT_MS 20000

typedef struct {
  InsWindow      *window;
  InsBenchFrames  frames;
  gint64          selected_id;
  gboolean        page_shown;         /* for the shown affaire's documents */
  guint64         frame_at_shown;
  gint64          last_attachment;    /* of the last page-shown or document-failed */
  guint64         frame_at_last;
  gboolean        last_failed;
  guint           failed;             /* documents that could not be shown */
  guint           without_documents;
  guint           timeouts;
  gulong          shown_handler;
  gulong          failed_handler;
  InsDocumentView *view;
  gboolean        trace;              /* INS_BENCH_TRACE_MS set: one STEP line per affaire */
  guint           step;
} Browse;

static gboolean
belongs_to_shown (Browse *b, gint64 attachment_id)
{
  InsAffaire *affaire = ins_window_get_affaire (b->window);

  if (affaire == NULL || affaire->id != b->selected_id || affaire->attachments == NULL)
    return FALSE;
  for (guint i = 0; i < affaire->attachments->len; i++)
    {
      InsAttachmentInfo *info = g_ptr_array_index (affaire->attachments, i);
      if (info->id == attachment_id)
        return TRUE;
    }
  return FALSE;
}

/* Either signal may come while the selection moves, before next_affaire knows
 * which affaire it asked for (a prefetched page shows at once): step_done
 * matches the last one against the shown affaire. */
static void
on_page_shown (InsDocumentView *view, gint64 attachment_id, int page_no, Browse *b)
{
  b->last_attachment = attachment_id;
  b->frame_at_last = b->frames.n_frames;
  b->last_failed = FALSE;
}

static void
on_document_failed (InsDocumentView *view, gint64 attachment_id, const char *reason, Browse *b)
{
  b->last_attachment = attachment_id;
  b->frame_at_last = b->frames.n_frames;
  b->last_failed = TRUE;
}

static void
watch_view (Browse *b)
{
  InsDocumentView *view = ins_window_get_document_view (b->window);

  if (view == b->view || view == NULL)
    return;
  if (b->view != NULL)
    {
      g_clear_signal_handler (&b->shown_handler, b->view);
      g_clear_signal_handler (&b->failed_handler, b->view);
    }
  b->view = view;
  b->shown_handler = g_signal_connect (view, "page-shown", G_CALLBACK (on_page_shown), b);
  b->failed_handler = g_signal_connect (view, "document-failed", G_CALLBACK (on_document_failed), b);
}

/* The affaire is shown and its first page painted (or there is nothing to paint). */
static gboolean
step_done (gpointer data)
{
  Browse *b = data;
  InsAffaire *affaire = ins_window_get_affaire (b->window);

  watch_view (b);
  if (affaire == NULL || affaire->id != b->selected_id || ins_window_is_loading (b->window))
    return FALSE;
  if (affaire->attachments == NULL || affaire->attachments->len == 0)
    return TRUE;
  if (!b->page_shown && b->last_attachment != 0 && belongs_to_shown (b, b->last_attachment))
    {
      b->page_shown = TRUE;
      b->frame_at_shown = b->frame_at_last;
      if (b->last_failed)
        b->failed++;
    }
  return b->page_shown && b->frames.n_frames > b->frame_at_shown;
}

static gboolean
window_ready (gpointer data)
{
  InsWindow *window = data;
  InsQueueModel *model = ins_queue_view_get_model (ins_window_get_queue_view (window));

  return model != NULL && !ins_queue_model_get_loading (model)
         && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static gboolean
next_affaire (Browse *b)
{
  InsQueueView *queue = ins_window_get_queue_view (b->window);
  InsQueueItem *item;
  gint64 selected_at;
  gboolean done;

  if (!ins_queue_view_move_selection (queue, 1))
    return FALSE;
  selected_at = g_get_monotonic_time ();
  item = ins_queue_view_get_selected (queue);
  b->selected_id = item ? ins_queue_item_get_id (item) : 0;
  b->page_shown = FALSE;
  done = ins_bench_wait (step_done, b, STEP_TIMEOUT_MS);
  /* Monotonic µs, as the TRACE lines of the loop monitor. */
  if (b->trace)
    g_printerr ("STEP %u affaire %" G_GINT64_FORMAT " selected %" G_GINT64_FORMAT " done %" G_GINT64_FORMAT
                " (%.1f ms) attachment %" G_GINT64_FORMAT "\n", ++b->step, b->selected_id, selected_at,
                g_get_monotonic_time (), (g_get_monotonic_time () - selected_at) / 1000.0,
                b->last_attachment);
  if (!done)
    {
      InsAffaire *affaire = ins_window_get_affaire (b->window);

      b->timeouts++;
      g_printerr ("wait over %d s for affaire %" G_GINT64_FORMAT ": shown %" G_GINT64_FORMAT
                  ", loading %d, %u documents, first page shown %d\n",
                  STEP_TIMEOUT_MS / 1000, b->selected_id, affaire ? affaire->id : (gint64) 0,
                  ins_window_is_loading (b->window),
                  affaire && affaire->attachments ? affaire->attachments->len : 0, b->page_shown);
    }
  else if (ins_window_get_affaire (b->window)->attachments == NULL
           || ins_window_get_affaire (b->window)->attachments->len == 0)
    b->without_documents++;
  return TRUE;
}

static void
browse (Browse *b, guint count, guint *browsed)
{
  for (; *browsed < count; (*browsed)++)
    {
      if (!next_affaire (b))
        {
          /* The end of what is loaded: the next page may be on its way. */
          InsQueueModel *model = ins_queue_view_get_model (ins_window_get_queue_view (b->window));

          if (!ins_queue_model_get_has_more (model))
            return;
          ins_queue_model_load_more (model);
          ins_bench_wait (window_ready, b->window, STEP_TIMEOUT_MS);
          if (!next_affaire (b))
            return;
        }
    }
}

static guint
samples_over (InsBenchSamples *samples, double ms)
{
  guint n = 0;

  for (guint i = 0; i < samples->values->len; i++)
    if (g_array_index (samples->values, double, i) > ms)
      n++;
  return n;
}

static char *
mb (gint64 kb)
{
  return g_strdup_printf ("%.1f MB", kb / 1024.0);
}

int
main (int argc, char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *label = NULL;
  int count = 200, stall_count = 100;
  gboolean baseline = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database, "libpq conninfo (with the agent's user)", "CONNINFO" },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, "What the database holds, for the report", "TEXT" },
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Affaires to browse (default 200)", "N" },
    { "stall-count", 0, 0, G_OPTION_ARG_INT, &stall_count, "Affaires over which stalls are reported (default 100)", "N" },
    { "baseline", 0, 0, G_OPTION_ARG_NONE, &baseline, "Print one line, to compare with", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts = g_strdup_printf ("%s/ins-bench-drafts-%d.json", g_get_tmp_dir (), (int) getpid ());
  InsBenchSamples stretches, stretch_cpu;
  Browse b = { 0 };
  guint browsed = 0, over_50_first = 0, over_16_first = 0;
  double stall_first, stall_all, stall_first_cpu, most_cpu_first;
  gint64 rss_bare, rss_ready, rss_first, rss_all, started, first_ms;
  guint64 frames_at_start, frames_browsing, frames_idle;
  InsPageCache *cache;
  guint children;
  gint64 children_kb;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "--database is required");
      return 2;
    }
  gtk_init ();
  adw_init ();
  b.trace = g_getenv ("INS_BENCH_TRACE_MS") != NULL;
  ins_bench_samples_init (&stretches);
  ins_bench_samples_init (&stretch_cpu);
  ins_bench_loop_monitor_start ();
  rss_bare = ins_bench_rss_kb ();

  b.window = ins_window_new_for_conninfo (NULL, database, drafts);
  gtk_window_set_default_size (GTK_WINDOW (b.window), 1500, 900);
  gtk_window_present (GTK_WINDOW (b.window));
  if (!ins_bench_wait (window_ready, b.window, 60000))
    {
      g_printerr ("the queue did not load: %s\n", ins_window_get_last_message (b.window));
      return 1;
    }
  ins_bench_frames_attach (&b.frames, GTK_WIDGET (b.window));
  ins_bench_run_for (1000);
  rss_ready = ins_bench_rss_kb ();

  started = g_get_monotonic_time ();
  frames_at_start = b.frames.n_frames;
  ins_bench_loop_monitor_reset (&stretches);
  ins_bench_loop_monitor_set_cpu_samples (&stretch_cpu);
  browse (&b, (guint) MIN (stall_count, count), &browsed);
  ins_bench_loop_monitor_set_cpu_samples (NULL);
  stall_first = ins_bench_loop_monitor_longest_ms ();
  stall_first_cpu = ins_bench_loop_monitor_longest_cpu_ms ();
  most_cpu_first = ins_bench_loop_monitor_most_cpu_ms ();
  over_50_first = ins_bench_loop_monitor_count_over (50);
  over_16_first = ins_bench_loop_monitor_count_over (16.7);
  first_ms = (g_get_monotonic_time () - started) / 1000;
  rss_first = ins_bench_rss_kb ();
  browse (&b, (guint) count, &browsed);
  stall_all = MAX (stall_first, ins_bench_loop_monitor_longest_ms ());
  frames_browsing = b.frames.n_frames - frames_at_start;
  /* Nothing animates once the last page is shown: any frame here is one too many. */
  ins_bench_run_for (1000);
  frames_idle = b.frames.n_frames - frames_at_start - frames_browsing;
  rss_all = ins_bench_rss_kb ();
  cache = ins_renderer_get_cache (ins_renderer_get_default ());
  ins_bench_children (&children, &children_kb);

  if (baseline)
    {
      g_print ("BASELINE\t%s\t%u\t%.1f\t%.1f\t%u\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%.1f\t%u\n",
               label ? label : database, browsed, stall_first, ins_bench_samples_percentile (&stretches, 99),
               over_50_first, rss_ready, rss_all, most_cpu_first, children);
    }
  else
    {
      g_autofree char *a = NULL, *c = NULL, *d = NULL, *e = NULL, *s1 = NULL, *s2 = NULL, *s3 = NULL;
      g_autofree char *f = mb (rss_first), *h = mb (ins_bench_hwm_kb ());

      g_print ("\n%s: browsed %u affaires (%u documents unreadable, %u without documents, %u waits over %d s); "
               "first %u in %.1f s\n\n",
               label ? label : database, browsed, b.failed, b.without_documents, b.timeouts,
               STEP_TIMEOUT_MS / 1000, MIN ((guint) stall_count, browsed), first_ms / 1000.0);
      g_print ("| measure | figure | in the same run | target |\n|---|---|---|---|\n");
      s1 = g_strdup_printf ("%.1f ms (main thread on CPU %.1f ms of it; most CPU in one iteration %.1f ms)",
                            stall_first, stall_first_cpu, most_cpu_first);
      s2 = g_strdup_printf ("p99 of %u loop iterations %.1f ms; %u over 16.7 ms, %u over 50 ms",
                            ins_bench_samples_count (&stretches),
                            ins_bench_samples_percentile (&stretches, 99), over_16_first, over_50_first);
      ins_bench_print_row ("longest main-loop stall, first affaires browsed", s1, s2, "≤ 50 ms");
      {
        g_autofree char *c1 = g_strdup_printf ("p99 %.1f ms, p95 %.1f ms, max %.1f ms",
                                               ins_bench_samples_percentile (&stretch_cpu, 99),
                                               ins_bench_samples_percentile (&stretch_cpu, 95),
                                               ins_bench_samples_max (&stretch_cpu));
        g_autofree char *c2 = g_strdup_printf ("%u iterations used over 16.7 ms of CPU, %u over 50 ms",
                                               samples_over (&stretch_cpu, 16.7), samples_over (&stretch_cpu, 50));

        ins_bench_print_row ("main-thread CPU of one loop iteration, first affaires browsed", c1, c2, "≤ 50 ms");
      }
      s3 = g_strdup_printf ("%.1f ms", stall_all);
      ins_bench_print_row ("longest main-loop stall, all affaires browsed", s3, "", "≤ 50 ms");
      g_free (s3);
      s3 = g_strdup_printf ("%.1f per affaire (%" G_GUINT64_FORMAT " for %u)",
                            browsed ? (double) frames_browsing / browsed : 0.0, frames_browsing, browsed);
      {
        g_autofree char *idle = g_strdup_printf ("%" G_GUINT64_FORMAT " in the idle second afterwards",
                                                 frames_idle);

        ins_bench_print_row ("frames painted while browsing", s3, idle, "");
      }
      a = mb (rss_all);
      c = mb (rss_ready);
      d = mb (rss_bare);
      e = g_strdup_printf ("queue painted, nothing browsed: %s; after the first %u: %s; GTK initialised: %s; "
                           "VmHWM %s; page cache %.1f MB in %u pages",
                           c, MIN ((guint) stall_count, browsed), f, d, h,
                           ins_page_cache_get_size (cache) / 1048576.0, ins_page_cache_get_n_entries (cache));
      ins_bench_print_row ("VmRSS after browsing all", a, e, "≤ 300 MB");
      g_free (s3);
      s3 = g_strdup_printf ("%u processes, VmRSS %.1f MB together", children, children_kb / 1024.0);
      ins_bench_print_row ("instruction-renderer helpers still running after browsing", s3,
                           "InsRenderer keeps at most 6 documents open", "bounded");
    }

  if (g_getenv ("GOBJECT_DEBUG") != NULL && strstr (g_getenv ("GOBJECT_DEBUG"), "instance-count") != NULL)
    {
      static const char * const types[] = {
        "GdkMemoryTexture", "GdkTexture", "InsPageImage", "InsRenderDocument", "InsDocumentView",
        "InsPageThumbnail", "InsPageView", "GtkPicture", "GtkLabel", "GtkBox", "InsAffairePanel", "GBytes",
      };

      g_print ("\nLive instances after browsing (GOBJECT_DEBUG=instance-count):");
      for (guint i = 0; i < G_N_ELEMENTS (types); i++)
        if (g_type_from_name (types[i]) != 0)
          g_print (" %s %d;", types[i], g_type_get_instance_count (g_type_from_name (types[i])));
      g_print ("\n");
    }

  ins_bench_frames_detach (&b.frames);
  gtk_window_destroy (GTK_WINDOW (b.window));
  ins_bench_run_for (200);
  ins_bench_samples_clear (&stretches);
  ins_bench_samples_clear (&stretch_cpu);
  return 0;
}
