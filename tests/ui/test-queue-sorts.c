/* test-queue-sorts.c — sorting the queue by any column reaches SQL, both ways,
 * the order chosen is kept in the settings, and the cells show their rows
 * through sorts and live changes */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/ins-queue-cell.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window-private.h"
#include "ui-test-util.h"

static gboolean
model_idle (gpointer data)
{
  return !ins_queue_model_get_loading (data);
}

typedef struct {
  InsQueueModel *model;
  guint          n;
} CountWait;

static gboolean
model_has (gpointer data)
{
  CountWait *w = data;

  return !ins_queue_model_get_loading (w->model)
         && g_list_model_get_n_items (G_LIST_MODEL (w->model)) >= w->n;
}

static void
wait_query (InsQueueModel *model)
{
  ui_test_spin (3);
  ui_test_wait (model_idle, model, "the queue to load");
  while (ins_queue_model_get_has_more (model))
    {
      CountWait w = { model, g_list_model_get_n_items (G_LIST_MODEL (model)) + 1 };

      ins_queue_model_load_more (model);
      ui_test_wait (model_has, &w, "the next page");
    }
}

/* The numéros of Marie's queue (not closed) in @order, as one string. */
static char *
expected_numeros (const char *order)
{
  g_autofree char *sql = g_strdup_printf ("SELECT string_agg(numero, ' ' ORDER BY %s)"
                                          " FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                                          " WHERE o.code = $1 AND a.status <> 'cloturee'", order);

  return ui_test_sql_value (sql, "CPAM-40");
}

static char *
shown_numeros (InsQueueModel *model)
{
  g_autoptr(GString) numeros = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(InsQueueItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_string_append_printf (numeros, "%s%s", i ? " " : "", ins_queue_item_get_numero (item));
    }
  return g_string_free (g_steal_pointer (&numeros), FALSE);
}

static const struct {
  const char   *column;
  InsQueueSort  sort;
  const char   *order[2];
} sorts[] = {
  { "numero", INS_QUEUE_SORT_NUMERO, { "a.numero, a.id", "a.numero DESC, a.id DESC" } },
  { "beneficiaire", INS_QUEUE_SORT_BENEFICIAIRE,
    { "a.beneficiaire_key, a.id", "a.beneficiaire_key DESC, a.id DESC" } },
  { "place", INS_QUEUE_SORT_PLACE, { "a.place_key, a.id", "a.place_key DESC, a.id DESC" } },
  { "amount", INS_QUEUE_SORT_AMOUNT,
    { "a.currency IS NULL, a.currency, a.amount_minor, a.id",
      "a.currency IS NULL DESC, a.currency DESC, a.amount_minor DESC, a.id DESC" } },
  { "received", INS_QUEUE_SORT_AGE, { "a.received_at, a.id", "a.received_at DESC, a.id DESC" } },
  { "due", INS_QUEUE_SORT_DUE, { "a.due_at, a.id", "a.due_at DESC, a.id DESC" } },
  { "status", INS_QUEUE_SORT_STATUS,
    { "a.status, a.priority DESC, a.received_at, a.id", "a.status DESC, a.priority, a.received_at DESC, a.id DESC" } },
  { "agent", INS_QUEUE_SORT_AGENT, { "a.assignee_key, a.id", "a.assignee_key DESC, a.id DESC" } },
};

static void
test_every_column_sorts_in_sql (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *view = ins_window_get_queue_view (window);
  InsQueueModel *model = ins_queue_view_get_model (view);

  g_assert_cmpint (ui_test_sql_int ("SELECT count(DISTINCT assignee_key) FROM affaire a"
                                    " JOIN organisme o ON o.id = a.organisme_id WHERE o.code = $1", "CPAM-40"), >=, 2);
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    for (int desc = 0; desc < 2; desc++)
      {
        g_autoptr(InsQueueQuery) query = NULL;
        g_autofree char *expected = expected_numeros (sorts[i].order[desc]);
        g_autofree char *shown = NULL;

        ins_queue_view_sort_by (view, sorts[i].column, desc);
        wait_query (model);
        query = ins_queue_view_build_query (view);
        g_assert_cmpint (query->sort, ==, sorts[i].sort);
        g_assert_cmpint (query->descending, ==, desc);
        shown = shown_numeros (model);
        g_assert_cmpstr (shown, ==, expected);
      }
  ui_test_screenshot (GTK_WIDGET (window), "queue-sorted-by-agent");

  /* The claim order again. */
  ins_queue_view_sort_by (view, NULL, FALSE);
  wait_query (model);
  {
    g_autoptr(InsQueueQuery) query = ins_queue_view_build_query (view);
    g_autofree char *expected = expected_numeros ("a.priority DESC, a.received_at, a.id");
    g_autofree char *shown = shown_numeros (model);

    g_assert_cmpint (query->sort, ==, INS_QUEUE_SORT_PRIORITY);
    g_assert_cmpstr (shown, ==, expected);
  }
  ui_test_window_close (window);
}

/* The amount header says how amounts in several currencies sort. */
static void
test_amount_header_tooltip (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *view = ins_window_get_queue_view (window);
  GtkWidget *column_view = NULL;
  GtkWidget *title;
  const char *tooltip;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (view)); w != NULL && column_view == NULL;
       w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *c = w; c != NULL; c = gtk_widget_get_first_child (c))
      if (GTK_IS_COLUMN_VIEW (c))
        {
          column_view = c;
          break;
        }
  g_assert_nonnull (column_view);
  title = gtk_widget_get_first_child (gtk_widget_get_first_child (column_view));
  for (int i = 0; i < 4 && title != NULL; i++)   /* numéro, type, bénéficiaire, pays ou OC, montant */
    title = gtk_widget_get_next_sibling (title);
  g_assert_nonnull (title);
  tooltip = gtk_widget_get_tooltip_text (title);
  g_assert_nonnull (tooltip);
  g_assert_cmpstr (tooltip, ==, _("Amounts are in different currencies: sorted by currency, then by amount"));
  ui_test_window_close (window);
}

static void
test_sort_kept_in_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
  g_autoptr(InsQueueQuery) query = NULL;
  g_autofree char *sort = NULL;
  InsWindow *window = ui_test_window_new ("ui_marie");

  ins_window_use_settings (window, settings);
  ui_test_settle (window);
  ins_queue_view_sort_by (ins_window_get_queue_view (window), "agent", TRUE);
  sort = g_settings_get_string (settings, "queue-sort");
  g_assert_cmpstr (sort, ==, "agent-desc");
  ui_test_settle (window);
  ui_test_window_close (window);

  window = ui_test_window_new ("ui_marie");
  ins_window_use_settings (window, settings);
  ui_test_settle (window);
  query = ins_queue_view_build_query (ins_window_get_queue_view (window));
  g_assert_cmpint (query->sort, ==, INS_QUEUE_SORT_AGENT);
  g_assert_true (query->descending);
  ui_test_window_close (window);
  g_settings_reset (settings, "queue-sort");
}

static InsQueueItem *
item_with_numero (InsQueueModel *model, const char *numero)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(InsQueueItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (ins_queue_item_get_numero (item), numero) == 0)
        return item;   /* the model keeps it */
    }
  return NULL;
}

static gboolean
has_attr (PangoAttrList *attrs, PangoAttrType type)
{
  g_autoptr(GSList) list = attrs ? pango_attr_list_get_attributes (attrs) : NULL;
  gboolean found = FALSE;

  for (GSList *l = list; l != NULL; l = l->next)
    {
      found = found || ((PangoAttribute *) l->data)->klass->type == type;
      pango_attribute_destroy (l->data);
    }
  return found;
}

/* The deadline drawn in the item's SLA state: coloured, bold when due soon
 * or overdue, slanted when paused; plain with no deadline. Each state's exact
 * look is test-queue-due-look's. */
static void
assert_due_look (InsQueueCell *label, InsQueueItem *item)
{
  PangoAttrList *attrs = ins_queue_cell_get_attributes (label);
  InsSlaState state;
  gboolean paused;
  gboolean dated = ins_queue_item_get_due_state (item, &state, &paused);

  g_assert_cmpint (has_attr (attrs, PANGO_ATTR_FOREGROUND), ==, dated);
  g_assert_cmpint (has_attr (attrs, PANGO_ATTR_WEIGHT), ==, dated && state != INS_SLA_ON_TIME);
  g_assert_cmpint (has_attr (attrs, PANGO_ATTR_STYLE), ==, dated && paused);
}

/* Every row the view shows: each cell's label says its column's text of the
 * item with that numéro, and the deadline has its SLA look. Returns
 * the number of rows checked. */
static guint
assert_cells (InsQueueView *view, InsQueueModel *model)
{
  GtkWidget *column_view = ins_test_find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *list = column_view ? ins_test_find_type (column_view, GTK_TYPE_LIST_VIEW) : NULL;
  guint rows = 0;

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *numero = ins_test_find_type (row, INS_TYPE_QUEUE_CELL);
      InsQueueItem *item;
      guint column = 0;

      if (numero == NULL || !gtk_widget_get_child_visible (row))
        continue;
      item = item_with_numero (model, ins_queue_cell_get_text (INS_QUEUE_CELL (numero)));
      g_assert_nonnull (item);
      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
        {
          GtkWidget *label = ins_test_find_type (cell, INS_TYPE_QUEUE_CELL);

          g_assert_nonnull (label);
          g_assert_cmpstr (ins_queue_cell_get_text (INS_QUEUE_CELL (label)), ==, ins_queue_item_get_text (item, column));
          if (column == INS_QUEUE_TEXT_DUE)
            assert_due_look (INS_QUEUE_CELL (label), item);
          column++;
        }
      g_assert_cmpuint (column, ==, INS_QUEUE_N_TEXTS);
      rows++;
    }
  return rows;
}

typedef struct {
  InsQueueItem *item;
  const char   *numero;
} NumeroWait;

static gboolean
numero_is (gpointer data)
{
  NumeroWait *w = data;

  return g_strcmp0 (ins_queue_item_get_numero (w->item), w->numero) == 0;
}

/* Rows are reused for other items as the view sorts, and an item changed
 * by someone else is shown in place: the cells always say their row. */
static void
test_cells_follow_rows (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *view = ins_window_get_queue_view (window);
  InsQueueModel *model = ins_queue_view_get_model (view);
  g_autofree char *numero = NULL;
  g_autofree char *changed = NULL;
  InsQueueItem *item;
  NumeroWait w;

  wait_query (model);
  ui_test_settle (window);
  g_assert_cmpuint (assert_cells (view, model), >=, 10);
  ins_queue_view_sort_by (view, "numero", TRUE);
  wait_query (model);
  ui_test_settle (window);
  g_assert_cmpuint (assert_cells (view, model), >=, 10);

  /* The top row's numéro changed from another connection: in place. A change
   * is announced when it bumps the version, as every change the application
   * makes does; the periodic refresh is off so that only that announcement
   * can bring it (it came every 60 s, as long as the wait's safety limit). */
  ins_store_set_refresh_interval (ins_window_get_store (window), 0);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_object_unref (item);   /* the model keeps it */
  numero = g_strdup (ins_queue_item_get_numero (item));
  changed = g_strconcat (numero, "-B", NULL);
  ui_test_sql_run ("UPDATE affaire SET numero = numero || '-B', version = version + 1 WHERE numero = $1", numero);
  w = (NumeroWait) { item, changed };
  ui_test_wait (numero_is, &w, "the new numéro");
  ui_test_settle (window);
  g_assert_true (item_with_numero (model, changed) == item);
  g_assert_cmpuint (assert_cells (view, model), >=, 10);

  ui_test_sql_run ("UPDATE affaire SET numero = left(numero, -2), version = version + 1 WHERE numero = $1",
                   changed);
  w = (NumeroWait) { item, numero };
  ui_test_wait (numero_is, &w, "the numéro back");
  ins_queue_view_sort_by (view, NULL, FALSE);
  wait_query (model);
  ui_test_window_close (window);
}

/* The narrow Type and Status columns show their labels short, the whole
 * label being what the cell's tooltip says; other texts are whole already. */
static void
test_short_type_and_status (void)
{
  InsQueueRow *row = ins_queue_row_new ();
  g_autoptr(InsQueueItem) item = NULL;

  row->numero = g_strdup ("SE-2026-0000042");
  row->kind = INS_KIND_SOINS_ETRANGER;
  row->status = INS_STATUS_EN_ATTENTE_PIECES;
  item = ins_queue_item_new (row, NULL);
  ins_queue_row_unref (row);

  g_assert_cmpstr (ins_queue_item_get_text (item, INS_QUEUE_TEXT_KIND), ==, _("Abroad"));
  g_assert_cmpstr (ins_queue_item_get_full_text (item, INS_QUEUE_TEXT_KIND), ==, ins_kind_label (INS_KIND_SOINS_ETRANGER));
  g_assert_cmpstr (ins_queue_item_get_text (item, INS_QUEUE_TEXT_STATUS), ==, _("Awaiting docs"));
  g_assert_cmpstr (ins_queue_item_get_full_text (item, INS_QUEUE_TEXT_STATUS), ==,
                   ins_status_label (INS_STATUS_EN_ATTENTE_PIECES));
  g_assert_cmpstr (ins_queue_item_get_full_text (item, INS_QUEUE_TEXT_NUMERO), ==, "SE-2026-0000042");

  /* A status short enough already is itself. */
  row = ins_queue_row_ref (ins_queue_item_get_row (item));
  row->status = INS_STATUS_EN_COURS;
  ins_queue_item_update (item, row, NULL);
  ins_queue_row_unref (row);
  g_assert_cmpstr (ins_queue_item_get_text (item, INS_QUEUE_TEXT_STATUS), ==, ins_status_label (INS_STATUS_EN_COURS));
}

/* The colour of the first shown deadline drawn in one; FALSE if none is. */
static gboolean
first_due_colour (InsQueueView *view, PangoColor *colour)
{
  GtkWidget *column_view = ins_test_find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *list = ins_test_find_type (column_view, GTK_TYPE_LIST_VIEW);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      PangoAttrList *attrs;
      g_autoptr(GSList) found = NULL;

      for (guint i = 0; cell != NULL && i < INS_QUEUE_TEXT_DUE; i++)
        cell = gtk_widget_get_next_sibling (cell);
      if (cell == NULL || !gtk_widget_get_child_visible (row)
          || (attrs = ins_queue_cell_get_attributes (INS_QUEUE_CELL (ins_test_find_type (cell, INS_TYPE_QUEUE_CELL)))) == NULL)
        continue;
      found = pango_attr_list_get_attributes (attrs);
      for (GSList *l = found; l != NULL; l = l->next)
        {
          PangoAttribute *attr = l->data;

          if (attr->klass->type == PANGO_ATTR_FOREGROUND)
            *colour = ((PangoAttrColor *) attr)->color;
        }
      g_slist_free_full (g_steal_pointer (&found), (GDestroyNotify) pango_attribute_destroy);
      return TRUE;
    }
  return FALSE;
}

/* The deadline's colours are the theme's: they change when it goes dark. */
static void
test_deadline_look_follows_theme (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *view = ins_window_get_queue_view (window);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  AdwColorScheme scheme = adw_style_manager_get_color_scheme (manager);
  PangoColor light = { 0, }, dark = { 0, };

  wait_query (ins_queue_view_get_model (view));
  ui_test_settle (window);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  ui_test_settle (window);
  g_assert_true (first_due_colour (view, &light));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_settle (window);
  g_assert_true (first_due_colour (view, &dark));
  g_assert_false (light.red == dark.red && light.green == dark.green && light.blue == dark.blue);
  adw_style_manager_set_color_scheme (manager, scheme);
  ui_test_window_close (window);
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/queue-sorts/every-column-in-sql", test_every_column_sorts_in_sql);
  g_test_add_func ("/queue-sorts/amount-header-tooltip", test_amount_header_tooltip);
  g_test_add_func ("/queue-sorts/kept-in-settings", test_sort_kept_in_settings);
  g_test_add_func ("/queue-sorts/cells-follow-rows", test_cells_follow_rows);
  g_test_add_func ("/queue-sorts/short-type-and-status", test_short_type_and_status);
  g_test_add_func ("/queue-sorts/deadline-look-follows-theme", test_deadline_look_follows_theme);
  return g_test_run ();
}
