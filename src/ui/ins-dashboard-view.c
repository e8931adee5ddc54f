/* ins-dashboard-view.c — the supervisor's dashboard: tiles, tables, chart */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-format.h"
#include "store/ins-workload-store.h"
#include "ins-dashboard-chart.h"
#include "ins-dashboard-private.h"
#include "ins-dashboard-view.h"

#define RELOAD_DELAY_MS 1500
/* Automatic reloads at most this often: a busy office changes affaires all
 * the time, and each load aggregates the whole organisme. */
#define RELOAD_MIN_INTERVAL_MS 10000

typedef enum {
  TILE_OPEN,
  TILE_BREACHES,
  TILE_UNTOUCHED,
  TILE_NON_EXPLOITABLES,
  TILE_FAILED,
  TILE_CLOSED,
  N_TILES
} Tile;

static const InsDashboardTableId tile_pages[N_TILES] = {
  [TILE_OPEN] = INS_DASHBOARD_BACKLOG,
  [TILE_BREACHES] = INS_DASHBOARD_BREACHES,
  [TILE_UNTOUCHED] = INS_DASHBOARD_UNTOUCHED,
  [TILE_NON_EXPLOITABLES] = INS_DASHBOARD_NON_EXPLOITABLES,
  [TILE_FAILED] = INS_DASHBOARD_FAILED,
  [TILE_CLOSED] = INS_DASHBOARD_THROUGHPUT,
};

/* The pages in the switcher's order. */
static const InsDashboardTableId page_order[] = {
  INS_DASHBOARD_BACKLOG, INS_DASHBOARD_BREACHES, INS_DASHBOARD_UNTOUCHED, INS_DASHBOARD_OLDEST,
  INS_DASHBOARD_NON_EXPLOITABLES, INS_DASHBOARD_FAILED, INS_DASHBOARD_THROUGHPUT,
};

typedef struct {
  GtkWidget *box;
  GtkGrid   *grid;
  GtkWidget *empty;
} Page;

struct _InsDashboardView
{
  GtkWidget          parent_instance;

  /* template widgets */
  AdwToastOverlay   *toasts;
  GtkLabel          *as_of_label;
  GtkBox            *tiles;
  GtkStack          *stack;
  GtkStackSwitcher  *switcher;

  /* built in init, owned by the widget tree */
  GtkButton         *tile_buttons[N_TILES];
  GtkLabel          *tile_values[N_TILES];
  GtkLabel          *tile_captions[N_TILES];
  Page               pages[INS_N_DASHBOARD_TABLES];
  GtkDrawingArea    *chart;
  GtkBox            *legend;

  /* borrowed */
  AdwMessageDialog  *dialog;            /* weak */

  /* owned */
  InsStore          *store;
  InsWorkload       *workload;
  InsDashboardTable *tables[INS_N_DASHBOARD_TABLES];
  GCancellable      *cancellable;       /* the view's lifetime */
  GCancellable      *load_cancellable;
  guint              reload_source;
  gint64             loaded_at;         /* monotonic µs of the last load started */
  gboolean           loading;
  gboolean           dirty;
  char              *last_message;
};

G_DEFINE_FINAL_TYPE (InsDashboardView, ins_dashboard_view, GTK_TYPE_WIDGET)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (InsDashboardView *self);

/* Tables --------------------------------------------------------------------- */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
cell (const char *text, gboolean numeric, gboolean heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (g_utf8_strlen (text, -1) > 40)
    gtk_widget_set_tooltip_text (label, text);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (numeric && !heading && g_str_equal (text, "0"))
    gtk_widget_add_css_class (label, "dim-label");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
action_button (const char *label, const char *action, gint64 id, const char *accessible)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* The actions a row offers, by table, each in its own column from @column so
 * that a row without one keeps the others under their fellows. */
static void
attach_row_actions (InsDashboardView *self, GtkGrid *grid, InsDashboardTableId id, gint64 row_id,
                    GDateTime *now, int column, int row)
{
  InsWorkloadAffaire *a;

  if (id == INS_DASHBOARD_FAILED)
    {
      InsWorkloadNotification *n = ins_dashboard_view_find_notification (self, row_id);
      g_autofree char *a11y = g_strdup_printf (_("Send the notification of %s again"), n ? n->numero : "");

      gtk_grid_attach (grid, action_button (_("Send again"), "dashboard.retry", row_id, a11y), column, row, 1, 1);
      return;
    }
  a = ins_dashboard_view_find_affaire (self, row_id);
  if (a == NULL)
    return;
  if (id == INS_DASHBOARD_UNTOUCHED && ins_dashboard_affaire_allows (a, INS_ACTION_RELEASE, now))
    {
      g_autofree char *a11y = g_strdup_printf (_("Put %s back in the queue"), a->numero);

      gtk_grid_attach (grid, action_button (_("Release"), "dashboard.release", row_id, a11y), column, row, 1, 1);
    }
  if (id != INS_DASHBOARD_NON_EXPLOITABLES && ins_dashboard_affaire_allows (a, INS_ACTION_REASSIGN, now))
    {
      g_autofree char *a11y = g_strdup_printf (_("Reassign %s"), a->numero);

      gtk_grid_attach (grid, action_button (_("Reassign…"), "dashboard.reassign", row_id, a11y),
                       column + 1, row, 1, 1);
    }
  if (ins_dashboard_affaire_allows (a, INS_ACTION_TRANSFER, now))
    {
      g_autofree char *a11y = g_strdup_printf (_("Transfer %s to another organisme"), a->numero);

      gtk_grid_attach (grid, action_button (_("Transfer…"), "dashboard.transfer", row_id, a11y),
                       column + 2, row, 1, 1);
    }
}

static void
fill_grid (InsDashboardView *self, InsDashboardTableId id, GDateTime *now)
{
  const InsDashboardTable *t = self->tables[id];
  Page *page = &self->pages[id];
  guint n_cols = g_strv_length (t->headers);
  gboolean with_actions = id != INS_DASHBOARD_BACKLOG && id != INS_DASHBOARD_THROUGHPUT;
  guint data_rows = t->rows->len - (t->has_total ? 1 : 0);

  clear_grid (page->grid);
  for (guint c = 0; c < n_cols; c++)
    gtk_grid_attach (page->grid, cell (t->headers[c], t->numeric & (1u << c), TRUE), c, 0, 1, 1);
  for (guint r = 0; r < t->rows->len; r++)
    {
      char **row = g_ptr_array_index (t->rows, r);
      gboolean total = t->has_total && r == t->rows->len - 1;

      for (guint c = 0; c < n_cols; c++)
        gtk_grid_attach (page->grid, cell (row[c], t->numeric & (1u << c), total), c, r + 1, 1, 1);
      if (with_actions)
        attach_row_actions (self, page->grid, id, g_array_index (t->ids, gint64, r), now, n_cols, r + 1);
    }
  gtk_widget_set_visible (page->empty, data_rows == 0 && id != INS_DASHBOARD_THROUGHPUT);
  gtk_widget_set_visible (GTK_WIDGET (page->grid), data_rows > 0 || t->has_total);
}

static void
fill_legend (InsDashboardView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend))) != NULL)
    gtk_box_remove (self->legend, child);
  for (guint i = 0; i < self->workload->agents->len; i++)
    {
      InsWorkloadAgent *agent = g_ptr_array_index (self->workload->agents, i);
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_label_new ("■");
      GdkRGBA color;
      g_autofree char *markup = NULL;

      ins_dashboard_chart_agent_color (i, &color);
      markup = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">■</span>", (int) (color.red * 255),
                                (int) (color.green * 255), (int) (color.blue * 255));
      gtk_label_set_markup (GTK_LABEL (swatch), markup);
      gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (GTK_BOX (item), swatch);
      gtk_box_append (GTK_BOX (item), gtk_label_new (agent->name));
      gtk_box_append (self->legend, item);
    }
}

static void
set_tile (InsDashboardView *self, Tile tile, guint value, const char *caption)
{
  g_autofree char *text = ins_format_integer (value);
  g_autofree char *a11y = g_strdup_printf ("%s : %s", caption, text);

  gtk_label_set_text (self->tile_values[tile], text);
  gtk_label_set_text (self->tile_captions[tile], caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tile_buttons[tile]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  if (tile != TILE_OPEN && tile != TILE_CLOSED)
    {
      if (value > 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->tile_values[tile]), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->tile_values[tile]), "warning");
    }
}

static void
show_workload (InsDashboardView *self)
{
  InsWorkload *w = self->workload;
  g_autofree char *as_of = ins_format_date_time_long (w->as_of);
  g_autofree char *as_of_text = g_strdup_printf (_("Figures of %s"), as_of);

  gtk_label_set_text (self->as_of_label, as_of_text);
  set_tile (self, TILE_OPEN, ins_workload_backlog_sum (w, -1, -1, -1), _("Open affaires"));
  set_tile (self, TILE_BREACHES, ins_workload_breach_total (w), _("Overdue"));
  set_tile (self, TILE_UNTOUCHED, w->untouched_count, _("Untouched claims"));
  set_tile (self, TILE_NON_EXPLOITABLES, w->non_exploitable_count, _("Unusable affaires"));
  set_tile (self, TILE_FAILED, w->failed_count, _("Failed notifications"));
  {
    /* TRANSLATORS: %u is a number of days */
    g_autofree char *caption = g_strdup_printf (_("Closed in %u days"), w->query.days);
    set_tile (self, TILE_CLOSED, ins_workload_closes_total (w), caption);
  }

  for (guint i = 0; i < INS_N_DASHBOARD_TABLES; i++)
    {
      g_clear_pointer (&self->tables[i], ins_dashboard_table_free);
      self->tables[i] = ins_dashboard_table_new (w, i, w->as_of);
      fill_grid (self, i, w->as_of);
    }
  fill_legend (self);
  ins_dashboard_chart_set_workload (self->chart, w);
}

/* Loading -------------------------------------------------------------------- */

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsDashboardView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsWorkload) w = ins_workload_store_load_finish (INS_STORE (source), result, &error);

  if (w == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (w == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The figures could not be loaded: %s"), error->message);

      g_free (self->last_message);
      self->last_message = g_strdup (error->message);
      gtk_label_set_text (self->as_of_label, text);
      return;
    }
  g_clear_pointer (&self->workload, ins_workload_unref);
  self->workload = g_steal_pointer (&w);
  show_workload (self);
  g_signal_emit (self, signals[LOADED], 0);
  if (self->dirty)
    load (self);
}

static void
load (InsDashboardView *self)
{
  if (self->store == NULL || !ins_store_get_connected (self->store))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  self->loaded_at = g_get_monotonic_time ();
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  self->loading = TRUE;
  ins_workload_store_load_async (self->store, NULL, self->load_cancellable, load_done, g_object_ref (self));
}

void
ins_dashboard_view_refresh (InsDashboardView *self)
{
  g_return_if_fail (INS_IS_DASHBOARD_VIEW (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  load (self);
}

static gboolean
reload_timeout (gpointer user_data)
{
  InsDashboardView *self = user_data;

  self->reload_source = 0;
  if (self->loading)
    self->dirty = TRUE;
  else
    load (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (a whole office at work): one reload a moment after
 * the first change, no sooner than RELOAD_MIN_INTERVAL_MS after the last one,
 * and none while the dashboard is not shown. F5 reloads at once. */
static void
on_affaire_changed (InsStore *store, gint64 id, InsDashboardView *self)
{
  gint64 since_ms = (g_get_monotonic_time () - self->loaded_at) / 1000;

  (void) store;
  (void) id;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add ((guint) MAX (RELOAD_DELAY_MS, RELOAD_MIN_INTERVAL_MS - since_ms),
                                         reload_timeout, self);
}

static void
on_connected (InsStore *store, GParamSpec *pspec, InsDashboardView *self)
{
  (void) pspec;
  if (ins_store_get_connected (store) && gtk_widget_get_mapped (GTK_WIDGET (self))
      && (self->dirty || self->workload == NULL))
    load (self);
}

void
ins_dashboard_view_set_store (InsDashboardView *self, InsStore *store)
{
  g_return_if_fail (INS_IS_DASHBOARD_VIEW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;
  g_signal_connect (store, "affaire-changed", G_CALLBACK (on_affaire_changed), self);
  g_signal_connect (store, "notify::connected", G_CALLBACK (on_connected), self);
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

static void
action_refresh (GtkWidget *widget, const char *name, GVariant *param)
{
  (void) name;
  (void) param;
  ins_dashboard_view_refresh (INS_DASHBOARD_VIEW (widget));
}

/* Accessors ------------------------------------------------------------------ */

InsWorkload *
ins_dashboard_view_get_workload (InsDashboardView *self)
{
  g_return_val_if_fail (INS_IS_DASHBOARD_VIEW (self), NULL);
  return self->workload;
}

const InsDashboardTable *
ins_dashboard_view_get_table (InsDashboardView *self, InsDashboardTableId id)
{
  g_return_val_if_fail (INS_IS_DASHBOARD_VIEW (self), NULL);
  g_return_val_if_fail ((guint) id < INS_N_DASHBOARD_TABLES, NULL);
  return self->tables[id];
}

GtkGrid *
ins_dashboard_view_get_grid (InsDashboardView *self, InsDashboardTableId id)
{
  g_return_val_if_fail (INS_IS_DASHBOARD_VIEW (self), NULL);
  g_return_val_if_fail ((guint) id < INS_N_DASHBOARD_TABLES, NULL);
  return self->pages[id].grid;
}

void
ins_dashboard_view_show_table (InsDashboardView *self, InsDashboardTableId id)
{
  g_return_if_fail (INS_IS_DASHBOARD_VIEW (self));
  g_return_if_fail ((guint) id < INS_N_DASHBOARD_TABLES);
  gtk_stack_set_visible_child_name (self->stack, ins_dashboard_table_name (id));
}

InsDashboardTableId
ins_dashboard_view_get_visible_table (InsDashboardView *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < INS_N_DASHBOARD_TABLES; i++)
    if (g_strcmp0 (name, ins_dashboard_table_name (i)) == 0)
      return i;
  return INS_DASHBOARD_BACKLOG;
}

AdwMessageDialog *
ins_dashboard_view_get_dialog (InsDashboardView *self)
{
  g_return_val_if_fail (INS_IS_DASHBOARD_VIEW (self), NULL);
  return self->dialog;
}

gboolean
ins_dashboard_view_get_loading (InsDashboardView *self)
{
  g_return_val_if_fail (INS_IS_DASHBOARD_VIEW (self), FALSE);
  return self->loading || self->reload_source != 0;
}

const char *
ins_dashboard_view_get_last_message (InsDashboardView *self)
{
  g_return_val_if_fail (INS_IS_DASHBOARD_VIEW (self), NULL);
  return self->last_message;
}

InsStore *
ins_dashboard_view_get_store (InsDashboardView *self)
{
  return self->store;
}

GCancellable *
ins_dashboard_view_get_cancellable (InsDashboardView *self)
{
  return self->cancellable;
}

/* A new dialog replaces the open one; NULL forgets it (it closes itself). */
void
ins_dashboard_view_set_dialog (InsDashboardView *self, AdwMessageDialog *dialog)
{
  if (self->dialog != NULL && dialog != NULL && self->dialog != dialog)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_set_weak_pointer (&self->dialog, dialog);
}

void
ins_dashboard_view_show_message (InsDashboardView *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static InsWorkloadAffaire *
find_in (GPtrArray *list, gint64 id)
{
  for (guint i = 0; i < list->len; i++)
    {
      InsWorkloadAffaire *a = g_ptr_array_index (list, i);

      if (a->id == id)
        return a;
    }
  return NULL;
}

InsWorkloadAffaire *
ins_dashboard_view_find_affaire (InsDashboardView *self, gint64 id)
{
  InsWorkloadAffaire *a;

  if (self->workload == NULL)
    return NULL;
  if ((a = find_in (self->workload->untouched, id)) == NULL
      && (a = find_in (self->workload->breaches, id)) == NULL
      && (a = find_in (self->workload->oldest, id)) == NULL)
    a = find_in (self->workload->non_exploitables, id);
  return a;
}

InsWorkloadNotification *
ins_dashboard_view_find_notification (InsDashboardView *self, gint64 id)
{
  if (self->workload == NULL)
    return NULL;
  for (guint i = 0; i < self->workload->failed->len; i++)
    {
      InsWorkloadNotification *n = g_ptr_array_index (self->workload->failed, i);

      if (n->id == id)
        return n;
    }
  return NULL;
}

/* Construction --------------------------------------------------------------- */

static void
on_tile_clicked (GtkButton *button, InsDashboardView *self)
{
  Tile tile = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ins-tile"));

  ins_dashboard_view_show_table (self, tile_pages[tile]);
}

static void
build_tiles (InsDashboardView *self)
{
  for (guint i = 0; i < N_TILES; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *value = gtk_label_new ("–");
      GtkWidget *caption = gtk_label_new ("");

      gtk_widget_add_css_class (value, "title-1");
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (caption, "caption");
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
      gtk_widget_set_margin_top (box, 10);
      gtk_widget_set_margin_bottom (box, 10);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "card");
      gtk_widget_set_tooltip_text (button, ins_dashboard_table_title (tile_pages[i]));
      g_object_set_data (G_OBJECT (button), "ins-tile", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_tile_clicked), self);
      gtk_box_append (self->tiles, button);
      self->tile_buttons[i] = GTK_BUTTON (button);
      self->tile_values[i] = GTK_LABEL (value);
      self->tile_captions[i] = GTK_LABEL (caption);
    }
}

static void
build_pages (InsDashboardView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_order); i++)
    {
      InsDashboardTableId id = page_order[i];
      Page *page = &self->pages[id];
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *grid = gtk_grid_new ();
      GtkWidget *empty = gtk_label_new (_("Nothing to show here"));
      GtkStackPage *stack_page;

      page->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      gtk_widget_set_margin_start (page->box, 18);
      gtk_widget_set_margin_end (page->box, 18);
      gtk_widget_set_margin_top (page->box, 6);
      gtk_widget_set_margin_bottom (page->box, 18);
      gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
      gtk_widget_set_halign (grid, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ins_dashboard_table_title (id), -1);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 24);
      gtk_widget_set_visible (empty, FALSE);
      page->grid = GTK_GRID (grid);
      page->empty = empty;

      if (id == INS_DASHBOARD_THROUGHPUT)
        {
          GtkWidget *chart = gtk_drawing_area_new ();
          GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

          gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (chart), 220);
          gtk_widget_set_hexpand (chart, TRUE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Chart of the affaires closed per day and per agent; "
                                            "the same figures are in the table below"), -1);
          gtk_box_append (GTK_BOX (page->box), chart);
          gtk_box_append (GTK_BOX (page->box), legend);
          self->chart = GTK_DRAWING_AREA (chart);
          self->legend = GTK_BOX (legend);
        }
      gtk_box_append (GTK_BOX (page->box), empty);
      gtk_box_append (GTK_BOX (page->box), grid);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), page->box);
      stack_page = gtk_stack_add_titled (self->stack, scrolled, ins_dashboard_table_name (id),
                                         ins_dashboard_table_title (id));
      (void) stack_page;
    }
}

/* The switcher's buttons show the page titles; say them as tooltips too. */
static void
name_switcher_buttons (InsDashboardView *self)
{
  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (self->switcher)); b != NULL;
       b = gtk_widget_get_next_sibling (b))
    {
      GtkWidget *label = gtk_widget_get_first_child (b);

      if (GTK_IS_LABEL (label))
        gtk_widget_set_tooltip_text (b, gtk_label_get_text (GTK_LABEL (label)));
    }
}

static void
ins_dashboard_view_map (GtkWidget *widget)
{
  InsDashboardView *self = INS_DASHBOARD_VIEW (widget);

  GTK_WIDGET_CLASS (ins_dashboard_view_parent_class)->map (widget);
  if (self->dirty || self->workload == NULL)
    load (self);
}

static void
ins_dashboard_view_dispose (GObject *object)
{
  InsDashboardView *self = INS_DASHBOARD_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), INS_TYPE_DASHBOARD_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->workload, ins_workload_unref);
  for (guint i = 0; i < INS_N_DASHBOARD_TABLES; i++)
    g_clear_pointer (&self->tables[i], ins_dashboard_table_free);
  G_OBJECT_CLASS (ins_dashboard_view_parent_class)->dispose (object);
}

static void
ins_dashboard_view_finalize (GObject *object)
{
  InsDashboardView *self = INS_DASHBOARD_VIEW (object);

  g_free (self->last_message);
  G_OBJECT_CLASS (ins_dashboard_view_parent_class)->finalize (object);
}

static void
ins_dashboard_view_class_init (InsDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ins_dashboard_view_dispose;
  object_class->finalize = ins_dashboard_view_finalize;
  widget_class->map = ins_dashboard_view_map;

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/fr/ameli/Instruction/ui/ins-dashboard-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InsDashboardView, toasts);
  gtk_widget_class_bind_template_child (widget_class, InsDashboardView, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, InsDashboardView, tiles);
  gtk_widget_class_bind_template_child (widget_class, InsDashboardView, stack);
  gtk_widget_class_bind_template_child (widget_class, InsDashboardView, switcher);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "dashboard.refresh", NULL, action_refresh);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "dashboard.refresh", NULL);
  ins_dashboard_actions_class_init (widget_class);
  ins_dashboard_export_class_init (widget_class);
}

static void
ins_dashboard_view_init (InsDashboardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  build_tiles (self);
  build_pages (self);
  name_switcher_buttons (self);
}

GtkWidget *
ins_dashboard_view_new (void)
{
  return g_object_new (INS_TYPE_DASHBOARD_VIEW, NULL);
}
