/* test-queue-sorts.c — sorting the queue by any column reaches SQL, both ways,
 * and the order chosen is kept in the settings */
#include "config.h"

#include <glib/gi18n.h>

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

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/queue-sorts/every-column-in-sql", test_every_column_sorts_in_sql);
  g_test_add_func ("/queue-sorts/amount-header-tooltip", test_amount_header_tooltip);
  g_test_add_func ("/queue-sorts/kept-in-settings", test_sort_kept_in_settings);
  return g_test_run ();
}
