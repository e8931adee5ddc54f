/* ins-bench-scroll.c — queue scrolling: frame work while scrolling step by
 * step and after jumps, in the real InsWindow, next to a bare GtkColumnView
 * over a GListStore of the same rows in the same run
 *
 *   instruction-bench-scroll --database CONNINFO [--label TEXT] [--rows N] [--jumps N] [--screenshot FILE]
 *                            [--width W --height H]
 */
#define G_LOG_DOMAIN "ins-bench"
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ui/ins-queue-item.h"
#include "ui/ins-queue-model.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window.h"
#include "ui/ins-window-private.h"
#include "ins-bench-ui.h"

#define SCROLL_TARGET_MS 8.0
#define JUMP_TARGET_MS 16.7
#define FRAME_WAIT_MS 250
#define SETTLE_MS 400

/* InsWindow's size in the figures of bench/RESULTS.md; --width and --height
 * measure at another (1360 × 700 is the window's default size). */
static int window_width = 1500;
static int window_height = 900;

enum { SPLIT_SET_VALUE, SPLIT_UPDATE, SPLIT_LAYOUT, SPLIT_PAINT, N_SPLITS };

/* What a run scrolls: the real queue or the bare baseline. */
typedef struct {
  GtkWidget     *list;         /* the GtkColumnView */
  GtkAdjustment *vadj;
  InsQueueModel *model;        /* NULL for the baseline */
} Scene;

typedef struct {
  InsBenchSamples scroll_wall, scroll_cpu;
  InsBenchSamples jump_wall, jump_cpu;       /* the first frame after each jump */
  InsBenchSamples settle_wall, settle_cpu;   /* every later frame until settled */
  InsBenchSamples jump_split[N_SPLITS];             /* the first frame's CPU: set_value, update, layout, paint */
  guint           steps;
  guint           rows;
  guint           idle_frames;               /* painted in 2 s with nothing to do */
  double          rows_per_page;
} Figures;

static void
figures_init (Figures *f)
{
  memset (f, 0, sizeof *f);
  ins_bench_samples_init (&f->scroll_wall);
  ins_bench_samples_init (&f->scroll_cpu);
  ins_bench_samples_init (&f->jump_wall);
  ins_bench_samples_init (&f->jump_cpu);
  ins_bench_samples_init (&f->settle_wall);
  ins_bench_samples_init (&f->settle_cpu);
  for (guint i = 0; i < G_N_ELEMENTS (f->jump_split); i++)
    ins_bench_samples_init (&f->jump_split[i]);
}

static void
figures_clear (Figures *f)
{
  ins_bench_samples_clear (&f->scroll_wall);
  ins_bench_samples_clear (&f->scroll_cpu);
  ins_bench_samples_clear (&f->jump_wall);
  ins_bench_samples_clear (&f->jump_cpu);
  ins_bench_samples_clear (&f->settle_wall);
  ins_bench_samples_clear (&f->settle_cpu);
  for (guint i = 0; i < G_N_ELEMENTS (f->jump_split); i++)
    ins_bench_samples_clear (&f->jump_split[i]);
}

static GtkWidget *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_column_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
scene_loading (Scene *scene)
{
  return scene->model != NULL && ins_queue_model_get_loading (scene->model);
}

static gboolean
scene_idle (gpointer data)
{
  return !scene_loading (data);
}

static guint
scene_rows (Scene *scene)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (scene->list))));
}

static double
max_value (Scene *scene)
{
  return gtk_adjustment_get_upper (scene->vadj) - gtk_adjustment_get_page_size (scene->vadj);
}

/* Where the CPU of the last frame of the measured window went, by phase of
 * its frame clock: what a jump's first frame spends on binding rows to items
 * (set_value, before the frame), on events and animations (flush-events,
 * before-paint and update), on measuring and allocating (layout) and on
 * drawing (paint). */
static const char * const split_phases[] = { "flush-events", "before-paint", "update", "layout", "paint", "after-paint" };

static struct {
  GdkFrameClock *clock;                 /* borrowed: the measured window's */
  int            phase;                 /* index in split_phases, -1 outside a frame */
  gint64         phase_cpu;
  gint64         in_phase[G_N_ELEMENTS (split_phases)];
  gint64         last[N_SPLITS];        /* the last complete frame, µs */
  gint64         set_value;             /* the last set_value, µs */
} split;

static gboolean
on_split_phase (GSignalInvocationHint *hint, guint n_params, const GValue *params, gpointer data)
{
  int phase = GPOINTER_TO_INT (data);
  gint64 now;

  if (split.clock == NULL || g_value_get_object (&params[0]) != (GObject *) split.clock)
    return TRUE;
  now = ins_bench_thread_cpu_us ();
  if (split.phase >= 0 && split.phase < (int) G_N_ELEMENTS (split_phases) - 1)
    split.in_phase[split.phase] += now - split.phase_cpu;
  else
    memset (split.in_phase, 0, sizeof split.in_phase);
  if (phase == G_N_ELEMENTS (split_phases) - 1)
    {
      split.last[SPLIT_SET_VALUE] = split.set_value;
      split.last[SPLIT_UPDATE] = split.in_phase[0] + split.in_phase[1] + split.in_phase[2];
      split.last[SPLIT_LAYOUT] = split.in_phase[3];
      split.last[SPLIT_PAINT] = split.in_phase[4];
      split.set_value = 0;
    }
  split.phase = phase;
  split.phase_cpu = now;
  return TRUE;
}

static void
split_attach (GtkWidget *toplevel)
{
  static gboolean hooked;

  if (!hooked)
    for (guint i = 0; i < G_N_ELEMENTS (split_phases); i++)
      g_signal_add_emission_hook (g_signal_lookup (split_phases[i], GDK_TYPE_FRAME_CLOCK), 0,
                                  on_split_phase, GINT_TO_POINTER (i), NULL);
  hooked = TRUE;
  split.clock = gtk_widget_get_frame_clock (toplevel);
  split.phase = -1;
}

/* Sets the adjustment as a wheel or a scrollbar drag would, timing the call
 * (its handlers may ask for the next page) into the next frame. */
static void
set_value (InsBenchFrames *frames, Scene *scene, double value)
{
  gint64 wall = g_get_monotonic_time ();
  gint64 cpu = ins_bench_thread_cpu_us ();

  gtk_adjustment_set_value (scene->vadj, value);
  split.set_value = ins_bench_thread_cpu_us () - cpu;
  ins_bench_frames_add_extra (frames, g_get_monotonic_time () - wall, split.set_value);
}

static void
scroll_steps (InsBenchFrames *frames, Scene *scene, guint rows, Figures *f)
{
  guint n_items = scene_rows (scene);
  double row_height = gtk_adjustment_get_upper (scene->vadj) / MAX (n_items, 1);
  /* GtkScrolledWindow's step for one wheel notch. */
  double step = pow (gtk_adjustment_get_page_size (scene->vadj), 2.0 / 3.0);
  double goal = rows * row_height;
  guint idle_steps = 0;

  ins_bench_frames_set_target (frames, &f->scroll_wall, &f->scroll_cpu);
  while (gtk_adjustment_get_value (scene->vadj) < goal && idle_steps < 40)
    {
      double value = gtk_adjustment_get_value (scene->vadj);

      if (value >= max_value (scene) - 0.5)
        {
          /* At the end of the queue: its rows may be on their way. */
          if (!scene_loading (scene))
            idle_steps++;
          ins_bench_wait (scene_idle, scene, 5000);
          ins_bench_wait_frames (frames, 1, 50);
          continue;
        }
      idle_steps = 0;
      set_value (frames, scene, MIN (value + step, max_value (scene)));
      f->steps++;
      if (!ins_bench_wait_frames (frames, 1, FRAME_WAIT_MS))
        ins_bench_frames_add_extra (frames, -frames->extra_wall, -frames->extra_cpu);
    }
  /* And back to the top, as an agent going back up the list does. */
  while (gtk_adjustment_get_value (scene->vadj) > 0.5)
    {
      set_value (frames, scene, MAX (gtk_adjustment_get_value (scene->vadj) - step, 0));
      f->steps++;
      if (!ins_bench_wait_frames (frames, 1, FRAME_WAIT_MS))
        ins_bench_frames_add_extra (frames, -frames->extra_wall, -frames->extra_cpu);
    }
  ins_bench_frames_set_target (frames, NULL, NULL);
  f->rows = scene_rows (scene);
  f->rows_per_page = gtk_adjustment_get_page_size (scene->vadj) * f->rows / MAX (gtk_adjustment_get_upper (scene->vadj), 1);
}

/* Alternately to the real end of the queue and to its middle, a few screens
 * further each time so that every middle jump lands on rows not read yet;
 * in a short queue they wrap round to its top, so that every jump moves. */
static void
jumps (InsBenchFrames *frames, Scene *scene, guint n_jumps, Figures *f)
{
  for (guint i = 0; i < n_jumps; i++)
    {
      double middle = fmod (floor (max_value (scene) / 2) + (i / 2) * 3 * gtk_adjustment_get_page_size (scene->vadj),
                            MAX (max_value (scene) - gtk_adjustment_get_page_size (scene->vadj), 1));
      double target = i % 2 == 0 ? max_value (scene) : middle;

      ins_bench_frames_set_target (frames, &f->jump_wall, &f->jump_cpu);
      set_value (frames, scene, target);
      if (!ins_bench_wait_frames (frames, 1, FRAME_WAIT_MS))
        {
          ins_bench_frames_add_extra (frames, -frames->extra_wall, -frames->extra_cpu);
          continue;
        }
      for (guint k = 0; k < N_SPLITS; k++)
        ins_bench_samples_add (&f->jump_split[k], split.last[k] / 1000.0);
      /* A jump lands on placeholders: their rows arrive in later frames. */
      ins_bench_frames_set_target (frames, &f->settle_wall, &f->settle_cpu);
      ins_bench_wait (scene_idle, scene, 5000);
      ins_bench_run_for (SETTLE_MS);
      ins_bench_frames_set_target (frames, NULL, NULL);
    }
}

/* The baseline's rows: as many as the queue, the loaded rows over and over
 * (a million distinct items would measure the allocator, not the view). */
#define BENCH_TYPE_CYCLE (bench_cycle_get_type ())
G_DECLARE_FINAL_TYPE (BenchCycle, bench_cycle, BENCH, CYCLE, GObject)

struct _BenchCycle
{
  GObject    parent_instance;
  GPtrArray *items;
  guint      n_items;
};

static GType
bench_cycle_get_item_type (GListModel *model)
{
  return INS_TYPE_QUEUE_ITEM;
}

static guint
bench_cycle_get_n_items (GListModel *model)
{
  return BENCH_CYCLE (model)->n_items;
}

static gpointer
bench_cycle_get_item (GListModel *model, guint position)
{
  BenchCycle *self = BENCH_CYCLE (model);

  if (position >= self->n_items || self->items->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position % self->items->len));
}

static void
bench_cycle_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bench_cycle_get_item_type;
  iface->get_n_items = bench_cycle_get_n_items;
  iface->get_item = bench_cycle_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BenchCycle, bench_cycle, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bench_cycle_list_model_init))

static void
bench_cycle_finalize (GObject *object)
{
  g_ptr_array_unref (BENCH_CYCLE (object)->items);
  G_OBJECT_CLASS (bench_cycle_parent_class)->finalize (object);
}

static void
bench_cycle_class_init (BenchCycleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bench_cycle_finalize;
}

static void
bench_cycle_init (BenchCycle *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

static GListModel *
bench_cycle_new_from (InsQueueModel *model)
{
  BenchCycle *self = g_object_new (BENCH_TYPE_CYCLE, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  self->n_items = n;
  for (guint i = 0; i < n; i++)
    if (ins_queue_model_is_loaded (model, i))
      g_ptr_array_add (self->items, g_list_model_get_item (G_LIST_MODEL (model), i));
  return G_LIST_MODEL (self);
}

/* The same objects, as many rows as there are objects: what the bare view
 * costs when only the number of rows changes. */
static GListModel *
bench_cycle_new_short (GListModel *model)
{
  BenchCycle *self = g_object_new (BENCH_TYPE_CYCLE, NULL);
  BenchCycle *other = BENCH_CYCLE (model);

  for (guint i = 0; i < other->items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (other->items, i)));
  self->n_items = self->items->len;
  return G_LIST_MODEL (self);
}

/* --warm: scroll once unmeasured first, so that the measured pass meets only
 * rows already loaded (what fetching and filling rows costs while scrolling). */
static gboolean warm;

static void
run_scene (GtkWidget *toplevel, Scene *scene, guint rows, guint n_jumps, Figures *f)
{
  InsBenchFrames frames;

  guint64 before;

  ins_bench_frames_attach (&frames, toplevel);
  split_attach (toplevel);
  if (warm)
    {
      Figures unused;

      figures_init (&unused);
      scroll_steps (&frames, scene, rows, &unused);
      ins_bench_wait (scene_idle, scene, 5000);
      figures_clear (&unused);
    }
  gtk_adjustment_set_value (scene->vadj, 0);
  ins_bench_wait_frames (&frames, 3, 1000);
  ins_bench_run_for (1000);
  before = frames.n_frames;
  ins_bench_run_for (2000);
  f->idle_frames = (guint) (frames.n_frames - before);
  scroll_steps (&frames, scene, rows, f);
  jumps (&frames, scene, n_jumps, f);
  ins_bench_frames_detach (&frames);
}

/* The baseline: a bare column view, one label per cell set in bind. */
static const struct { const char *property; int width; } columns[] = {
  { "numero", 130 }, { "kind-label", 150 }, { "beneficiaire", 160 }, { "place", 140 },
  { "amount", 110 }, { "received", 100 }, { "due", 120 }, { "status-label", 130 }, { "agent", 140 },
};

static void
bare_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bare_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  g_autofree char *text = NULL;

  g_object_get (gtk_list_item_get_item (item), data, &text, NULL);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static GtkWidget *
bare_window (GListModel *rows, int width, int height, Scene *scene)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (rows));
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));

  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  /* The queue's look, so that both show as many rows. */
  gtk_widget_add_css_class (view, "data-table");
  gtk_widget_add_css_class (view, "ins-queue");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (bare_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bare_bind), (gpointer) columns[i].property);
      column = gtk_column_view_column_new (columns[i].property, factory);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  /* The pane's size in a window of InsWindow's size: GTK's cairo renderer
   * works on the whole window's surface each frame. */
  gtk_widget_set_size_request (scrolled, width, height);
  gtk_widget_set_halign (scrolled, GTK_ALIGN_START);
  gtk_widget_set_valign (scrolled, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), window_width, window_height);
  scene->list = view;
  scene->vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  scene->model = NULL;
  return window;
}

static gboolean
window_ready (gpointer data)
{
  InsWindow *window = data;
  InsQueueModel *model = ins_queue_view_get_model (ins_window_get_queue_view (window));

  return model != NULL && !ins_queue_model_get_loading (model)
         && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static void
print_figures (const char *who, Figures *f, Figures *base)
{
  g_autofree char *a = NULL, *b = NULL;

  g_print ("\n%s: %u scroll steps down and back up over %u rows (baseline: %u steps over %u rows); "
           "%.0f rows in view (baseline %.0f); frames painted in 2 s of idling before: %u (baseline %u)\n\n",
           who, f->steps, f->rows, base->steps, base->rows, f->rows_per_page, base->rows_per_page,
           f->idle_frames, base->idle_frames);
  g_print ("| measure | InsWindow queue | bare GtkColumnView baseline | target |\n|---|---|---|---|\n");
#define ROW(label, set, target)                                                                  \
  a = g_strdup_printf ("%.1f ms p95 (cpu %.1f, max %.1f, %u frames)",                            \
                       ins_bench_samples_percentile (&f->set##_wall, 95),                        \
                       ins_bench_samples_percentile (&f->set##_cpu, 95),                         \
                       ins_bench_samples_max (&f->set##_wall), ins_bench_samples_count (&f->set##_wall)); \
  b = g_strdup_printf ("%.1f ms p95 (cpu %.1f, max %.1f, %u frames)",                            \
                       ins_bench_samples_percentile (&base->set##_wall, 95),                     \
                       ins_bench_samples_percentile (&base->set##_cpu, 95),                      \
                       ins_bench_samples_max (&base->set##_wall), ins_bench_samples_count (&base->set##_wall)); \
  ins_bench_print_row (label, a, b, target);                                                     \
  g_clear_pointer (&a, g_free);                                                                  \
  g_clear_pointer (&b, g_free);
  ROW ("frame work while scrolling", scroll, "≤ 8 ms");
  ROW ("first frame after a jump (end, middle)", jump, "≤ 16.7 ms");
  ROW ("later frames until settled", settle, "≤ 16.7 ms");
#undef ROW
  g_print ("\n| first frame after a jump, cpu ms p50 / p95 | set_value (rows bound) | events, update | layout | paint |\n"
           "|---|---|---|---|---|\n");
  for (guint k = 0; k < 2; k++)
    {
      Figures *g = k == 0 ? f : base;

      g_print ("| %s |", k == 0 ? "InsWindow queue" : "bare GtkColumnView");
      for (guint i = 0; i < N_SPLITS; i++)
        g_print (" %.1f / %.1f |", ins_bench_samples_percentile (&g->jump_split[i], 50),
                 ins_bench_samples_percentile (&g->jump_split[i], 95));
      g_print ("\n");
    }
}

static void
print_sizes_row (const char *what, guint n_items, Figures *f)
{
  g_print ("| %s, %u rows | %.1f / %.1f (%u) | %.1f / %.1f (%u) |\n", what, n_items,
           ins_bench_samples_percentile (&f->scroll_cpu, 50), ins_bench_samples_percentile (&f->scroll_cpu, 95),
           ins_bench_samples_count (&f->scroll_cpu),
           ins_bench_samples_percentile (&f->jump_cpu, 50), ins_bench_samples_percentile (&f->jump_cpu, 95),
           ins_bench_samples_count (&f->jump_cpu));
}

/* The bare view again over the loaded rows only, then over all of them a
 * second time: the number of rows is the only difference between the two. */
static void
compare_sizes (GListModel *rows_model, int width, int height, guint rows, guint n_jumps, Figures *base)
{
  g_autoptr(GListModel) short_model = bench_cycle_new_short (rows_model);
  Scene scene = { 0 };
  Figures short_f, again;
  GtkWidget *bare;

  figures_init (&short_f);
  figures_init (&again);
  bare = bare_window (short_model, width, height, &scene);
  gtk_window_present (GTK_WINDOW (bare));
  ins_bench_run_for (500);
  run_scene (bare, &scene, rows, n_jumps, &short_f);
  gtk_window_destroy (GTK_WINDOW (bare));

  bare = bare_window (rows_model, width, height, &scene);
  gtk_window_present (GTK_WINDOW (bare));
  ins_bench_run_for (500);
  run_scene (bare, &scene, rows, n_jumps, &again);
  gtk_window_destroy (GTK_WINDOW (bare));

  g_print ("\n| bare GtkColumnView, same objects | scrolling cpu ms p50 / p95 (frames) | first frame after a jump cpu ms p50 / p95 (frames) |\n|---|---|---|\n");
  print_sizes_row ("all rows, first run", g_list_model_get_n_items (rows_model), base);
  print_sizes_row ("loaded rows only", g_list_model_get_n_items (short_model), &short_f);
  print_sizes_row ("all rows, second run", g_list_model_get_n_items (rows_model), &again);
  figures_clear (&short_f);
  figures_clear (&again);
}

/* The queue pane as painted, into @path (PNG). */
static void
save_screenshot (GtkWidget *widget, const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("could not save %s\n", path);
}

/* What AdwApplication loads from its resource base path in the real
 * application: the queue's font size and the deadline's colours. */
static void
load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/fr/ameli/Instruction/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int argc, char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *label = NULL;
  g_autofree char *screenshot = NULL;
  int rows = 1000, n_jumps = 40;
  gboolean bare_sizes = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database, "libpq conninfo (with the agent's user)", "CONNINFO" },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, "What the database holds, for the report", "TEXT" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Rows to scroll through step by step (default 1000)", "N" },
    { "jumps", 0, 0, G_OPTION_ARG_INT, &n_jumps, "Jumps, alternately to the end and the middle (default 40)", "N" },
    { "warm", 0, 0, G_OPTION_ARG_NONE, &warm,
      "Scroll through the rows once before measuring (no rows fetched while measured)", NULL },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &screenshot,
      "Save the queue pane as first painted into this PNG file", "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &window_width, "Window width (default 1500)", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &window_height, "Window height (default 900)", "PX" },
    { "bare-sizes", 0, 0, G_OPTION_ARG_NONE, &bare_sizes,
      "Also run the bare view over only the loaded rows: what the number of rows alone costs", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts = g_strdup_printf ("%s/ins-bench-drafts-%d.json", g_get_tmp_dir (), (int) getpid ());
  g_autoptr(GListModel) rows_model = NULL;
  InsWindow *window;
  GtkWidget *bare;
  Scene scene = { 0 }, base_scene = { 0 };
  Figures f, base;
  int width, height;

  /* In French, as the agents see it: the texts' widths are part of the work. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("INSTRUCTION_LOCALEDIR") ? g_getenv ("INSTRUCTION_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "--database is required");
      return 2;
    }
  gtk_init ();
  adw_init ();
  load_app_style ();
  /* INS_BENCH_TRACE_MS: where the CPU of the main loop's long stretches goes. */
  if (g_getenv ("INS_BENCH_TRACE_MS") != NULL)
    ins_bench_loop_monitor_start ();
  figures_init (&f);
  figures_init (&base);

  window = ins_window_new_for_conninfo (NULL, database, drafts);
  gtk_window_set_default_size (GTK_WINDOW (window), window_width, window_height);
  gtk_window_present (GTK_WINDOW (window));
  if (!ins_bench_wait (window_ready, window, 60000))
    {
      g_printerr ("the queue did not load: %s\n", ins_window_get_last_message (window));
      return 1;
    }
  ins_bench_run_for (500);

  scene.list = find_column_view (GTK_WIDGET (ins_window_get_queue_view (window)));
  scene.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (scene.list));
  scene.model = ins_queue_view_get_model (ins_window_get_queue_view (window));
  width = gtk_widget_get_width (gtk_widget_get_parent (scene.list));
  height = gtk_widget_get_height (gtk_widget_get_parent (scene.list));
  if (screenshot != NULL)
    save_screenshot (GTK_WIDGET (ins_window_get_queue_view (window)), screenshot);
  run_scene (GTK_WIDGET (window), &scene, (guint) rows, (guint) n_jumps, &f);

  /* As many rows, the same objects, in a bare view of the same size. */
  rows_model = bench_cycle_new_from (scene.model);
  g_print ("Queue of %u rows, %u loaded after the run, in %u statements\n",
           g_list_model_get_n_items (rows_model), ins_queue_model_get_n_loaded (scene.model),
           ins_queue_model_get_n_fetches (scene.model));
  gtk_window_destroy (GTK_WINDOW (window));
  ins_bench_run_for (300);

  bare = bare_window (rows_model, width, height, &base_scene);
  gtk_window_present (GTK_WINDOW (bare));
  ins_bench_run_for (500);
  run_scene (bare, &base_scene, (guint) rows, (guint) n_jumps, &base);
  gtk_window_destroy (GTK_WINDOW (bare));
  if (bare_sizes)
    compare_sizes (rows_model, width, height, (guint) rows, (guint) n_jumps, &base);

  print_figures (label ? label : database, &f, &base);
  g_print ("\nWindow %d × %d, queue pane %d × %d px; GSK_RENDERER=%s, GDK_BACKEND=%s (Xvfb, no GPU).\n",
           window_width, window_height, width, height,
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default",
           g_getenv ("GDK_BACKEND") ? g_getenv ("GDK_BACKEND") : "default");
  figures_clear (&f);
  figures_clear (&base);
  return 0;
}
