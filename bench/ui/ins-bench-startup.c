/* ins-bench-startup.c — start to first painted queue
 *
 * Runs the real InsApplication as main.c does (`instruction --database …`)
 * and stops at the end of the first frame whose queue rows were laid out, so
 * painted. Time zero is $INS_BENCH_T0_NS (CLOCK_REALTIME nanoseconds, set by
 * the caller just before exec) or else the process's start in /proc (10 ms
 * resolution). --bare does the same for a bare libadwaita application
 * painting a GtkColumnView of 10 fixed rows: the floor of the toolkit.
 *
 *   instruction-bench-startup --database CONNINFO [--label TEXT]
 *   instruction-bench-startup --bare
 *
 * Prints one tab-separated line: STARTUP, label, ms from start to first
 * painted queue, ms from main(), ms from start to the window's first frame,
 * rows in the queue.
 */
#define G_LOG_DOMAIN "ins-bench"
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "ui/ins-application.h"
#include "ui/ins-queue-model.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window.h"
#include "ui/ins-window-private.h"
#include "ins-bench-ui.h"

static struct {
  GApplication  *app;
  GtkWidget     *window;
  GtkWidget     *list;          /* the queue's column view */
  GListModel    *model;         /* its rows */
  GdkFrameClock *clock;
  gint64         main_real_us;  /* CLOCK_REALTIME at main() */
  double         first_frame_ms;
  double         painted_ms;
  double         painted_from_main_ms;
  guint          rows;
  gboolean       done;
} run;

/* Milliseconds since the process started. */
static double
since_start_ms (void)
{
  const char *t0 = g_getenv ("INS_BENCH_T0_NS");
  g_autofree char *stat = NULL;
  struct timespec now;
  const char *p;
  guint64 start_ticks;

  if (t0 != NULL)
    return (g_get_real_time () * 1000.0 - g_ascii_strtod (t0, NULL)) / 1e6;

  clock_gettime (CLOCK_BOOTTIME, &now);
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) || (p = strrchr (stat, ')')) == NULL)
    return -1;
  /* Field 22, starttime; the text after ')' starts at field 3. */
  for (int field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL)
    return -1;
  start_ticks = g_ascii_strtoull (p + 1, NULL, 10);
  return (now.tv_sec + now.tv_nsec / 1e9 - (double) start_ticks / sysconf (_SC_CLK_TCK)) * 1000.0;
}

static GtkWidget *
find_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Rows of the list view inside the column view that have been allocated. */
static gboolean
rows_laid_out (void)
{
  GtkWidget *inner;

  if (run.list == NULL || run.model == NULL || g_list_model_get_n_items (run.model) == 0)
    return FALSE;
  /* Placeholders are painted before the first page: wait for real rows. */
  if (INS_IS_QUEUE_MODEL (run.model) && !ins_queue_model_is_loaded (INS_QUEUE_MODEL (run.model), 0))
    return FALSE;
  inner = find_type (run.list, GTK_TYPE_LIST_VIEW);
  if (inner == NULL)
    return FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (inner); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row) && gtk_widget_get_height (row) > 0 && gtk_widget_get_first_child (row) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
quit_soon (gpointer data)
{
  if (run.window != NULL)
    gtk_window_destroy (GTK_WINDOW (run.window));
  if (run.app != NULL)
    g_application_quit (run.app);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock, gpointer data)
{
  if (run.done)
    return;
  if (run.first_frame_ms == 0)
    run.first_frame_ms = since_start_ms ();
  if (run.list == NULL && INS_IS_WINDOW (run.window))
    {
      InsQueueView *view = ins_window_get_queue_view (INS_WINDOW (run.window));
      InsQueueModel *model = ins_queue_view_get_model (view);

      if (model != NULL)
        {
          run.list = find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
          run.model = G_LIST_MODEL (model);
        }
    }
  if (!rows_laid_out ())
    return;
  run.painted_ms = since_start_ms ();
  run.painted_from_main_ms = (g_get_real_time () - run.main_real_us) / 1000.0;
  run.rows = g_list_model_get_n_items (run.model);
  run.done = TRUE;
  g_idle_add (quit_soon, NULL);
}

static void
on_realize (GtkWidget *window, gpointer data)
{
  run.clock = gtk_widget_get_frame_clock (window);
  g_signal_connect_after (run.clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_window_added (GtkApplication *app, GtkWindow *window, gpointer data)
{
  if (!INS_IS_WINDOW (window) || run.window != NULL)
    return;
  run.window = GTK_WIDGET (window);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

static gboolean
give_up (gpointer data)
{
  g_printerr ("no painted queue after 120 s\n");
  quit_soon (NULL);
  return G_SOURCE_REMOVE;
}

/* The baseline: a libadwaita application painting a bare column view. */
static void
bare_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bare_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
bare_activate (GApplication *app, gpointer data)
{
  GtkStringList *rows = gtk_string_list_new (NULL);
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view;

  for (int i = 0; i < 10; i++)
    {
      g_autofree char *text = g_strdup_printf ("SE-2026-%07d", i + 1);
      gtk_string_list_append (rows, text);
    }
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (rows))));
  for (int c = 0; c < 9; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (bare_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bare_bind), NULL);
      column = gtk_column_view_column_new ("Column", factory);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 900);
  run.window = window;
  run.list = view;
  run.model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  g_autofree char *database = NULL;
  g_autofree char *label = NULL;
  gboolean bare = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database, "libpq conninfo (with the agent's user)", "CONNINFO" },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, "What the database holds, for the report", "TEXT" },
    { "bare", 0, 0, G_OPTION_ARG_NONE, &bare, "A bare column view instead of the workspace", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  int status;

  run.main_real_us = g_get_real_time ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || (database == NULL && !bare))
    {
      g_printerr ("%s\n", error ? error->message : "--database or --bare is required");
      return 2;
    }

  /* As main.c does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("INSTRUCTION_LOCALEDIR") ? g_getenv ("INSTRUCTION_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (bare)
    {
      app = G_APPLICATION (adw_application_new (APPLICATION_ID ".Bench", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate), NULL);
    }
  else
    {
      app = G_APPLICATION (ins_application_new (APPLICATION_ID));
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
    }
  run.app = app;
  g_timeout_add_seconds (120, give_up, NULL);
  {
    char *app_argv[] = { (char *) "instruction", (char *) "--database", database, NULL };
    status = g_application_run (app, bare ? 1 : 3, app_argv);
  }
  if (!run.done)
    return status != 0 ? status : 1;
  g_print ("STARTUP\t%s\t%.1f\t%.1f\t%.1f\t%u\n", label ? label : (bare ? "bare" : database),
           run.painted_ms, run.painted_from_main_ms, run.first_frame_ms, run.rows);
  return 0;
}
