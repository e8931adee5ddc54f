/* test-workspace-queue.c — the agent's queue on a real database, under
 * Xvfb: pages, filters and sorts, another agent's change, the filters kept
 * in the settings */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ui/ins-queue-view.h"
#include "ui/ins-window-private.h"
#include "ui-test-util.h"
#include "ui-workspace-steps.h"

/* Queue --------------------------------------------------------------------- */

static void
test_queue_pages (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueModel *model = ins_queue_view_get_model (ins_window_get_queue_view (window));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 expected = ui_test_sql_int ("SELECT count(*) FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                                     " WHERE o.code = $1 AND status <> 'cloturee'", "CPAM-40");
  guint n;

  /* The whole queue's size at once, the rows the view shows loaded; the priority affaire first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
  g_assert_true (ins_queue_model_is_loaded (model, 0));
  g_assert_cmpstr (ins_queue_item_get_numero (ui_test_item_at (model, 0)), ==, "SE-2026-0000001");
  ui_test_screenshot (GTK_WIDGET (window), "01-queue");

  /* Scrolling asks for the next pages until the end. */
  ui_test_load_all (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, expected);
  for (guint i = 0; i < n; i++)
    {
      InsQueueItem *item = ui_test_item_at (model, i);
      gint64 *id = g_new (gint64, 1);

      *id = ins_queue_item_get_id (item);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
      g_assert_cmpstr (ins_queue_item_get_numero (item), !=, "SE-2026-0009999");  /* another organisme */
    }

  /* The header counts what is left to take. */
  g_assert_true (g_str_has_prefix (ins_window_get_subtitle (window), "200 "));
  ui_test_window_close (window);
}

/* The queue's short deadline text for an overdue affaire, in any language. */
static gboolean
says_late (const char *text)
{
  g_auto(GStrv) around = g_strsplit (_("%u days late"), "%u", 2);

  return g_strcmp0 (text, _("1 day late")) == 0
         || (g_strv_length (around) == 2 && strlen (text) > strlen (around[0]) + strlen (around[1])
             && g_str_has_prefix (text, around[0]) && g_str_has_suffix (text, around[1]));
}

static void
test_queue_filters_and_sorts (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *view = ins_window_get_queue_view (window);
  InsQueueModel *model = ins_queue_view_get_model (view);
  g_autofree char *newest = NULL;
  g_autofree char *soonest = NULL;
  AdwStatusPage *empty;
  guint n;

  /* Type: only OC affaires, as many as SQL counts. */
  ins_queue_view_set_kind_filter (view, INS_KIND_CHEVAUCHEMENT_OC);
  ui_test_wait_query (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, ui_test_visible_count ("kind = 'chevauchement_oc' AND status <> 'cloturee'"));
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (ins_queue_item_get_row (ui_test_item_at (model, i))->kind, ==, INS_KIND_CHEVAUCHEMENT_OC);
  ins_queue_view_set_kind_filter (view, -1);

  /* Status: the opinions requested. */
  ins_queue_view_set_status_filter (view, 3);
  ui_test_wait_query (model);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                   ui_test_visible_count ("status = 'avis_medical_demande'"));
  ins_queue_view_set_status_filter (view, 6);
  ui_test_wait_query (model);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, ui_test_visible_count ("status = 'cloturee'"));
  ins_queue_view_set_status_filter (view, 0);

  /* Overdue: past due, not paused, not closed — and the text says so. */
  ins_queue_view_set_breached (view, TRUE);
  ui_test_wait_query (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (n, ==, ui_test_visible_count ("due_at < coalesce(sla_paused_since, now()) AND status <> 'cloturee'"));
  for (guint i = 0; i < n; i++)
    {
      InsSlaState state;

      g_assert_true (ins_queue_item_get_due_state (ui_test_item_at (model, i), &state, NULL));
      g_assert_cmpint (state, ==, INS_SLA_BREACHED);
      g_assert_true (says_late (ins_queue_item_get_due (ui_test_item_at (model, i))));
    }
  ui_test_screenshot (GTK_WIDGET (window), "02-queue-overdue");
  ins_queue_view_set_breached (view, FALSE);

  /* Mine: Marie holds nothing yet. */
  ins_queue_view_set_mine (view, TRUE);
  ui_test_wait_query (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  ins_queue_view_set_mine (view, FALSE);

  /* Sorting by a column header is done in SQL. */
  newest = ui_test_sql_value ("SELECT numero FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                              " WHERE o.code = $1 AND status <> 'cloturee' ORDER BY received_at DESC, a.id DESC LIMIT 1",
                              "CPAM-40");
  ins_queue_view_sort_by (view, "received", TRUE);
  ui_test_wait_query (model);
  g_assert_cmpstr (ins_queue_item_get_numero (ui_test_item_at (model, 0)), ==, newest);
  soonest = ui_test_sql_value ("SELECT numero FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                               " WHERE o.code = $1 AND status <> 'cloturee' ORDER BY due_at, a.id LIMIT 1",
                               "CPAM-40");
  ins_queue_view_sort_by (view, "due", FALSE);
  ui_test_wait_query (model);
  g_assert_cmpstr (ins_queue_item_get_numero (ui_test_item_at (model, 0)), ==, soonest);
  ins_queue_view_sort_by (view, NULL, FALSE);

  /* Search by numéro prefix and by name. */
  ins_queue_view_set_search (view, "SE-2026-000012");
  ui_test_wait_query (model);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                   ui_test_visible_count ("numero LIKE 'SE-2026-000012%' AND status <> 'cloturee'"));
  ins_queue_view_set_search (view, "girard");
  ui_test_wait_query (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, ui_test_visible_count ("nom = 'Girard' AND status <> 'cloturee'"));

  /* Nothing found: the empty queue speaks of the search, then of the filters. */
  ins_queue_view_set_search (view, "Zyxwvu");
  ui_test_wait_query (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  empty = ADW_STATUS_PAGE (ins_test_find_type (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (empty)));
  g_assert_cmpstr (adw_status_page_get_icon_name (empty), ==, "edit-find-symbolic");
  g_assert_nonnull (strstr (adw_status_page_get_description (empty), "Zyxwvu"));
  ins_queue_view_set_search (view, NULL);
  ins_queue_view_set_mine (view, TRUE);
  ui_test_wait_query (model);
  g_assert_cmpstr (adw_status_page_get_icon_name (empty), ==, "checkbox-checked-symbolic");
  g_assert_null (strstr (adw_status_page_get_description (empty), "Zyxwvu"));
  ins_queue_view_set_mine (view, FALSE);
  ui_test_wait_query (model);
  ui_test_window_close (window);
}

/* Live updates -------------------------------------------------------------------- */

static gboolean
item_status_is (gpointer data)
{
  InsQueueItem *item = data;

  return ins_queue_item_get_row (item)->status == INS_STATUS_EN_COURS;
}

static void
test_other_agent_change_keeps_selection (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *view = ins_window_get_queue_view (window);
  InsQueueModel *model = ins_queue_view_get_model (view);
  InsQueueItem *selected, *other;
  gint64 selected_id;

  /* Marie looks at a row; Paul takes one a little further, from his own session. */
  guint k = 1;
  while (ins_queue_item_get_row (ui_test_item_at (model, k))->status != INS_STATUS_RECUE
         || ins_queue_item_get_row (ui_test_item_at (model, k + 2))->status != INS_STATUS_RECUE)
    k++;
  selected = ui_test_item_at (model, k);
  selected_id = ins_queue_item_get_id (selected);
  ins_queue_view_select_id (view, selected_id);
  ui_test_wait_affaire (window, selected_id);
  other = g_object_ref (ui_test_item_at (model, k + 2));
  g_assert_cmpint (ins_queue_item_get_row (other)->status, ==, INS_STATUS_RECUE);
  ui_test_claim_as ("ui_paul", ins_queue_item_get_id (other));

  /* Seen without a manual refresh; the selection stays. */
  ui_test_wait (item_status_is, other, "the other agent's claim to show");
  g_assert_cmpstr (ins_queue_item_get_agent (other), ==, "Paul Martin");
  g_assert_nonnull (ins_queue_view_get_selected (view));
  g_assert_cmpint (ins_queue_item_get_id (ins_queue_view_get_selected (view)), ==, selected_id);
  g_object_unref (other);
  ui_test_window_close (window);
}

/* Window size and the queue's filters and order live in GSettings (memory
 * backend in tests): restored on opening, kept as they change. */
static void
test_settings_restore_filters (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(InsQueueQuery) query = NULL;
  g_auto(GStrv) statuses = NULL;
  g_autofree char *sort = NULL;
  InsWindow *window;
  InsQueueView *view;
  int width = 0, height = 0;

  g_assert_nonnull (schema);
  settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_set_strv (settings, "queue-filter-types", (const char *[]) { "soins_etranger", NULL });
  g_settings_set_strv (settings, "queue-filter-statuses", (const char *[]) { "recue", NULL });
  g_settings_set_string (settings, "queue-sort", "due-desc");
  g_settings_set_int (settings, "window-width", 1234);
  g_settings_set_int (settings, "window-height", 777);

  window = ui_test_window_new ("ui_marie");
  view = ins_window_get_queue_view (window);
  ins_window_use_settings (window, settings);
  ui_test_settle (window);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1234);
  g_assert_cmpint (height, ==, 777);
  query = ins_queue_view_build_query (view);
  g_assert_cmpuint (query->kind_mask, ==, INS_QUEUE_KIND_BIT (INS_KIND_SOINS_ETRANGER));
  g_assert_cmpuint (query->status_mask, ==, INS_QUEUE_STATUS_BIT (INS_STATUS_RECUE));
  g_assert_cmpint (query->sort, ==, INS_QUEUE_SORT_DUE);
  g_assert_true (query->descending);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ins_queue_view_get_model (view))); i++)
    {
      g_autoptr(InsQueueItem) item = g_list_model_get_item (G_LIST_MODEL (ins_queue_view_get_model (view)), i);
      g_autofree char *status = ui_test_affaire_status (ins_queue_item_get_id (item));

      g_assert_cmpstr (status, ==, "recue");
    }

  /* What the agent changes is kept for next time. */
  ins_queue_view_set_status_filter (view, 2);
  ins_queue_view_set_kind_filter (view, -1);
  ins_queue_view_sort_by (view, "received", FALSE);
  ins_queue_view_set_search (view, "Durand");
  statuses = g_settings_get_strv (settings, "queue-filter-statuses");
  g_assert_cmpuint (g_strv_length (statuses), ==, 1);
  g_assert_cmpstr (statuses[0], ==, "en_cours");
  {
    g_auto(GStrv) types = g_settings_get_strv (settings, "queue-filter-types");
    g_autofree char *search = g_settings_get_string (settings, "queue-filter-search");

    g_assert_cmpuint (g_strv_length (types), ==, 0);
    g_assert_cmpstr (search, ==, "Durand");
  }
  sort = g_settings_get_string (settings, "queue-sort");
  g_assert_cmpstr (sort, ==, "received");
  ui_test_settle (window);

  /* The window's size is saved when it closes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_spin (5);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1300);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 850);

  /* A new window opens as the last one was left. */
  window = ui_test_window_new ("ui_marie");
  ins_window_use_settings (window, settings);
  ui_test_settle (window);
  g_clear_pointer (&query, ins_queue_query_free);
  query = ins_queue_view_build_query (ins_window_get_queue_view (window));
  g_assert_cmpuint (query->kind_mask, ==, 0);
  g_assert_cmpuint (query->status_mask, ==, INS_QUEUE_STATUS_BIT (INS_STATUS_EN_COURS));
  g_assert_cmpint (query->sort, ==, INS_QUEUE_SORT_AGE);
  g_assert_false (query->descending);
  g_assert_cmpstr (ins_queue_view_get_search (ins_window_get_queue_view (window)), ==, "Durand");
  ui_test_window_close (window);
  g_settings_reset (settings, "queue-filter-search");
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/workspace/queue-pages", test_queue_pages);
  g_test_add_func ("/workspace/queue-filters-and-sorts", test_queue_filters_and_sorts);
  g_test_add_func ("/workspace/queue-live-update-keeps-selection", test_other_agent_change_keeps_selection);
  g_test_add_func ("/workspace/settings-restore-filters", test_settings_restore_filters);
  return g_test_run ();
}
