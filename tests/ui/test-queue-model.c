/* test-queue-model.c — the sparse queue model on a real database of a few
 * thousand affaires: the whole size at once, placeholders filled in place,
 * jumps that fetch only where they land, live changes in place, unloading,
 * and an estimated size reconciled */
#include "config.h"

#include <unistd.h>

#include <gtk/gtk.h>

#include "store/ins-db.h"
#include "store/ins-queue-store.h"
#include "ui/ins-queue-item.h"
#include "ui/ins-queue-model.h"
#include "../store/ins-store-fixture.h"
#include "ins-test-db.h"
#include "ins-test-i18n.h"
#include "ui-test-util.h"

#define N_CPAM 3000
#define N_CNSE 12000
#define CNSE_DELETED 700

static PGconn *admin;
static char *prefix;

static gboolean
store_connected (gpointer data)
{
  return ins_store_get_connected (data);
}

static InsStore *
open_store (const char *name)
{
  g_autofree char *conninfo = g_strdup_printf ("%s user=%s%s", ins_test_db_conninfo (), prefix, name);
  InsStore *store = ins_store_new (conninfo);

  ins_store_set_refresh_interval (store, 0);
  ins_store_open_async (store, NULL, NULL, NULL);
  ui_test_wait (store_connected, store, "the store to connect");
  return store;
}

/* The ids of @query in display order, by keyset pages, as @name sees them. */
static GArray *
reference_ids (const char *name, const InsQueueQuery *query)
{
  g_autoptr(InsAgent) agent = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (prefix, name, &agent);
  g_autoptr(InsQueueCursor) cursor = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(InsQueuePage) page = ins_queue_store_page (conn, agent, query, cursor, INS_QUEUE_AFTER, 500, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->rows->len; i++)
        g_array_append_val (ids, ((InsQueueRow *) page->rows->pdata[i])->id);
      if (!page->has_more)
        break;
      g_clear_pointer (&cursor, ins_queue_cursor_free);
      cursor = ins_queue_cursor_copy (page->last);
    }
  return ids;
}

static gboolean
model_idle (gpointer data)
{
  return !ins_queue_model_get_loading (data);
}

static InsQueueModel *
model_new (InsStore *store, const InsQueueQuery *query)
{
  InsQueueModel *model = ins_queue_model_new (store);

  ins_queue_model_set_query (model, query);
  ui_test_wait (model_idle, model, "the first page");
  return model;
}

static InsQueueItem *
item_at (InsQueueModel *model, guint position)
{
  InsQueueItem *item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_object_unref (item);   /* the model keeps it */
  return item;
}

static void
count_watch (InsQueueItem *item, gpointer data)
{
  (*(guint *) data)++;
}

/* Asks for @position as a view would: a placeholder first, then the row,
 * its cells told once. */
static InsQueueItem *
visit (InsQueueModel *model, guint position)
{
  g_autoptr(InsQueueItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);
  guint changed = 0;

  g_assert_true (ins_queue_item_is_placeholder (item));
  g_assert_cmpint (ins_queue_item_get_id (item), ==, 0);
  g_assert_cmpstr (ins_queue_item_get_text (item, INS_QUEUE_TEXT_NUMERO), ==, "…");
  g_assert_cmpstr (ins_queue_item_get_text (item, INS_QUEUE_TEXT_AGENT), ==, "");
  g_assert_false (ins_queue_item_get_due_state (item, NULL, NULL));
  g_assert_true (ins_queue_model_get_loading (model));
  ins_queue_item_watch (item, count_watch, &changed);
  ui_test_wait (model_idle, model, "the rows asked for");
  ins_queue_item_unwatch (item, &changed);
  g_assert_false (ins_queue_item_is_placeholder (item));
  g_assert_true (item_at (model, position) == item);   /* filled in place */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (ins_queue_item_get_text (item, INS_QUEUE_TEXT_NUMERO), ==, ins_queue_item_get_row (item)->numero);
  return item;
}

/* The cells' watches: told once per update that changes a text, in place
 * of a placeholder, and no more once unwatched. */
static void
test_watches (void)
{
  g_autoptr(InsQueueItem) item = ins_queue_item_new_placeholder ();
  g_autoptr(InsQueueRow) row = ins_queue_row_new ();
  guint first = 0, second = 0;

  row->id = 42;
  row->numero = g_strdup ("SE-2026-0000042");
  row->kind = INS_KIND_SOINS_ETRANGER;
  row->status = INS_STATUS_RECUE;
  ins_queue_item_watch (item, count_watch, &first);
  ins_queue_item_watch (item, count_watch, &second);
  ins_queue_item_update (item, row, NULL);
  g_assert_false (ins_queue_item_is_placeholder (item));
  g_assert_cmpstr (ins_queue_item_get_text (item, INS_QUEUE_TEXT_NUMERO), ==, "SE-2026-0000042");
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (second, ==, 1);

  /* The same texts again: nothing to redraw. */
  ins_queue_item_update (item, row, NULL);
  g_assert_cmpuint (first, ==, 1);

  ins_queue_item_unwatch (item, &first);
  g_free (row->beneficiaire);
  row->beneficiaire = g_strdup ("Marie Martin");
  ins_queue_item_update (item, row, NULL);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (second, ==, 2);
  ins_queue_item_unwatch (item, &second);
  ins_queue_item_unwatch (item, &second);
}

static void
assert_rows (InsQueueModel *model, GArray *ids, guint from, guint to)
{
  for (guint i = from; i < to; i++)
    {
      g_assert_true (ins_queue_model_is_loaded (model, i));
      g_assert_cmpint (ins_queue_item_get_id (item_at (model, i)), ==, g_array_index (ids, gint64, i));
    }
}

static void
test_size_and_first_page (void)
{
  g_autoptr(InsStore) store = open_store ("marie");
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(GArray) ids = reference_ids ("marie", query);
  g_autoptr(InsQueueModel) model = model_new (store, query);

  g_assert_cmpuint (ids->len, ==, N_CPAM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CPAM);
  /* One count and one page. */
  g_assert_cmpuint (ins_queue_model_get_n_fetches (model), ==, 2);
  g_assert_cmpuint (ins_queue_model_get_n_loaded (model), ==, INS_QUEUE_MODEL_PAGE_SIZE);
  assert_rows (model, ids, 0, INS_QUEUE_MODEL_PAGE_SIZE);
  g_assert_true (ins_queue_model_get_has_more (model));
  g_assert_cmpuint (ins_queue_model_find (model, g_array_index (ids, gint64, 7)), ==, 7);
  g_assert_cmpuint (ins_queue_model_find (model, g_array_index (ids, gint64, 2000)), ==, GTK_INVALID_LIST_POSITION);
}

static void
test_jumps_fetch_where_they_land (void)
{
  g_autoptr(InsStore) store = open_store ("marie");
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(GArray) ids = reference_ids ("marie", query);
  g_autoptr(InsQueueModel) model = model_new (store, query);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint fetches = ins_queue_model_get_n_fetches (model);
  guint middle = n / 2 + 17;
  InsQueueItem *item;

  /* The last row: one statement for the last page. */
  item = visit (model, n - 1);
  g_assert_cmpint (ins_queue_item_get_id (item), ==, g_array_index (ids, gint64, n - 1));
  g_assert_cmpuint (ins_queue_model_get_n_fetches (model), ==, fetches + 1);
  assert_rows (model, ids, n - INS_QUEUE_MODEL_PAGE_SIZE, n);

  /* The middle: one statement again; nothing in between was read. */
  item = visit (model, middle);
  g_assert_cmpint (ins_queue_item_get_id (item), ==, g_array_index (ids, gint64, middle));
  g_assert_cmpuint (ins_queue_model_get_n_fetches (model), ==, fetches + 2);
  assert_rows (model, ids, middle - 30, middle + 30);
  g_assert_cmpuint (ins_queue_model_get_n_loaded (model), ==, 3 * INS_QUEUE_MODEL_PAGE_SIZE);
  g_assert_false (ins_queue_model_is_loaded (model, INS_QUEUE_MODEL_PAGE_SIZE));
  g_assert_false (ins_queue_model_is_loaded (model, n / 4));
  g_assert_false (ins_queue_model_is_loaded (model, 3 * n / 4));

  /* Next to a loaded window: its neighbour page, by keyset, in order. */
  for (guint p = middle + 30; ins_queue_model_is_loaded (model, p); p++)
    middle = p;
  item = visit (model, middle + 1);
  assert_rows (model, ids, middle - 30, middle + 60);
  g_assert_cmpuint (ins_queue_model_get_n_fetches (model), ==, fetches + 3);

  /* Walking down from the top meets the window loaded from the end. */
  while (ins_queue_model_get_has_more (model))
    {
      ins_queue_model_load_more (model);
      ui_test_wait (model_idle, model, "the next page");
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CPAM);
  assert_rows (model, ids, 0, N_CPAM);
}

static gboolean
item_status_is_en_cours (gpointer data)
{
  InsQueueRow *row = ins_queue_item_get_row (data);

  return row != NULL && row->status == INS_STATUS_EN_COURS;
}

typedef struct {
  InsQueueModel *model;
  guint          n;
} SizeWait;

static gboolean
size_is (gpointer data)
{
  SizeWait *w = data;

  return g_list_model_get_n_items (G_LIST_MODEL (w->model)) == w->n && !ins_queue_model_get_loading (w->model);
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, GArray *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

static void
run_as_paul (const char *sql, gint64 id)
{
  g_autoptr(PGconn) paul = fixture_connect_as (prefix, "paul", NULL);
  g_autofree char *sid = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(GError) error = NULL;

  ins_db_run (paul, sql, 1, (const char *[]) { sid }, &error);
  g_assert_no_error (error);
}

static void
test_changes_in_place (void)
{
  g_autoptr(InsStore) store = open_store ("marie");
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(InsQueueModel) model = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(InsQueueItem) selected = NULL;
  g_autoptr(InsQueueItem) other = NULL;
  g_autoptr(InsQueueItem) far = NULL;
  SizeWait w;
  guint n, other_changed = 0, selected_changed = 0;

  /* The open ones only: a closed affaire leaves the queue. */
  query->status_mask = INS_QUEUE_STATUS_BIT (INS_STATUS_RECUE) | INS_QUEUE_STATUS_BIT (INS_STATUS_EN_COURS);
  model = model_new (store, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  far = g_object_ref (visit (model, n - 5));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_selected (selection, 5);
  selected = g_object_ref (gtk_single_selection_get_selected_item (selection));
  other = g_object_ref (item_at (model, 12));
  g_assert_cmpint (ins_queue_item_get_row (other)->status, ==, INS_STATUS_RECUE);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), changes);
  ins_queue_item_watch (other, count_watch, &other_changed);
  ins_queue_item_watch (selected, count_watch, &selected_changed);

  /* Paul claims row 12 from his own session: the same object shows it, nothing
   * moves, its cells are told once and the rows that did not change not at all. */
  run_as_paul ("UPDATE affaire SET status = 'en_cours', assignee_id = ins_current_agent_id(),"
               " lease_until = now() + interval '15 minutes', version = version + 1 WHERE id = $1::bigint",
               ins_queue_item_get_id (other));
  ui_test_wait (item_status_is_en_cours, other, "the other agent's claim to show");
  ui_test_wait (model_idle, model, "the reload");
  g_assert_cmpstr (ins_queue_item_get_agent (other), ==, "Paul Martin");
  g_assert_cmpstr (ins_queue_item_get_text (other, INS_QUEUE_TEXT_AGENT), ==, "P. Martin");
  g_assert_cmpstr (ins_queue_item_get_full_text (other, INS_QUEUE_TEXT_AGENT), ==, "Paul Martin");
  g_assert_cmpuint (other_changed, ==, 1);
  g_assert_cmpuint (selected_changed, ==, 0);
  ins_queue_item_unwatch (other, &other_changed);
  ins_queue_item_unwatch (selected, &selected_changed);
  g_assert_true (item_at (model, 12) == other);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == selected);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 5);

  /* He closes row 3, before the selection: exactly one row leaves. */
  run_as_paul ("UPDATE affaire SET status = 'cloturee', version = version + 1 WHERE id = $1::bigint",
               ins_queue_item_get_id (item_at (model, 3)));
  w = (SizeWait) { model, n - 1 };
  ui_test_wait (size_is, &w, "the closed row to leave");
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 0), ==, 3);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (changes, guint, 2), ==, 0);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == selected);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 4);
  /* The window at the end is refreshed as well and stays where it is. */
  g_assert_true (item_at (model, n - 6) == far);
  g_signal_handlers_disconnect_by_func (model, on_items_changed, changes);
}

static void
test_unloads_far_rows (void)
{
  g_autoptr(InsStore) store = open_store ("marie");
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(GArray) ids = reference_ids ("marie", query);
  g_autoptr(InsQueueModel) model = model_new (store, query);
  g_autoptr(InsQueueItem) held = g_object_ref (item_at (model, 3));

  ins_queue_model_set_max_loaded (model, 400);
  for (guint p = 300; p < N_CPAM; p += 300)
    {
      visit (model, p);
      g_assert_cmpuint (ins_queue_model_get_n_loaded (model), <=, 400 + INS_QUEUE_MODEL_PAGE_SIZE);
    }
  /* The top was dropped back to placeholders, but for the row still held. */
  g_assert_false (ins_queue_model_is_loaded (model, 50));
  g_assert_true (ins_queue_model_is_loaded (model, 3));
  g_assert_cmpuint (ins_queue_model_find (model, ins_queue_item_get_id (held)), ==, 3);
  /* And comes back when asked for, in order. */
  visit (model, 50);
  assert_rows (model, ids, 20, 80);
}

static void
test_query_change_resets (void)
{
  g_autoptr(InsStore) store = open_store ("marie");
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(InsQueueModel) model = model_new (store, query);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ids = NULL;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (model));

  query->kind_mask = INS_QUEUE_KIND_BIT (INS_KIND_CHEVAUCHEMENT_OC);
  query->sort = INS_QUEUE_SORT_DUE;
  query->descending = TRUE;
  ids = reference_ids ("marie", query);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), changes);
  ins_queue_model_set_query (model, query);
  ui_test_wait (model_idle, model, "the new query");
  g_signal_handlers_disconnect_by_func (model, on_items_changed, changes);

  g_assert_cmpuint (changes->len, ==, 6);
  g_assert_cmpuint (g_array_index (changes, guint, 1), ==, before);
  g_assert_cmpuint (g_array_index (changes, guint, 5), ==, ids->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, ids->len);
  g_assert_cmpuint (ins_queue_model_get_n_fetches (model), ==, 2);
  assert_rows (model, ids, 0, INS_QUEUE_MODEL_PAGE_SIZE);
  visit (model, ids->len - 1);
  assert_rows (model, ids, ids->len - INS_QUEUE_MODEL_PAGE_SIZE, ids->len);
}

/* CNSE's queue is over the exact count's limit and rows were deleted since
 * the statistics: the estimated size is too large, and meeting windows fix it. */
static void
test_estimate_reconciled (void)
{
  g_autoptr(InsStore) store = open_store ("yann");
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(GArray) ids = reference_ids ("yann", query);
  g_autoptr(InsQueueModel) model = model_new (store, query);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_assert_cmpuint (ids->len, ==, N_CNSE - CNSE_DELETED);
  g_assert_cmpuint (n, !=, ids->len);
  ins_queue_model_set_max_loaded (model, 2 * N_CNSE);

  /* The end is where the end is, whatever the estimate. */
  visit (model, n - 1);
  g_assert_cmpint (ins_queue_item_get_id (item_at (model, n - 1)), ==, g_array_index (ids, gint64, ids->len - 1));

  /* From the top down to it: the surplus placeholders go where the windows meet. */
  while (ins_queue_model_get_has_more (model))
    {
      ins_queue_model_load_more (model);
      ui_test_wait (model_idle, model, "the next page");
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, ids->len);
  assert_rows (model, ids, 0, ids->len);
}

/* Affaires arriving all over the queue while its top and end are loaded:
 * the count grows at the end, and reading down from the top puts every
 * row where it belongs. */
static void
test_arrivals_reconciled (void)
{
  g_autoptr(InsStore) store = open_store ("marie");
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(InsQueueModel) model = model_new (store, query);
  g_autoptr(GArray) ids = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  SizeWait w;

  ins_queue_model_set_max_loaded (model, 2 * N_CPAM);
  visit (model, n - 1);
  fixture_add_many (admin, "CPAM-40", 150);
  ids = reference_ids ("marie", query);
  g_assert_cmpuint (ids->len, ==, n + 150);
  ins_queue_model_reload (model);
  w = (SizeWait) { model, n + 150 };
  ui_test_wait (size_is, &w, "the new count");

  while (ins_queue_model_get_has_more (model))
    {
      ins_queue_model_load_more (model);
      ui_test_wait (model_idle, model, "the next page");
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, ids->len);
  assert_rows (model, ids, 0, ids->len);
}

static void
test_page_at_matches_offset (void)
{
  g_autoptr(InsAgent) agent = NULL;
  g_autoptr(PGconn) conn = fixture_connect_as (prefix, "marie", &agent);
  g_autoptr(InsQueueQuery) query = ins_queue_query_new ();
  g_autoptr(GArray) ids = reference_ids ("marie", query);
  g_autoptr(GError) error = NULL;
  g_autoptr(InsQueuePage) anchor = ins_queue_store_page (conn, agent, query, NULL, INS_QUEUE_AFTER, 10, &error);
  g_autoptr(InsQueuePage) after = NULL, before = NULL, from_end = NULL, self_included = NULL;

  g_assert_no_error (error);
  /* 1234 rows after the 10th row. */
  after = ins_queue_store_page_at (conn, agent, query, anchor->last, INS_QUEUE_AFTER, 1234, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->rows->len, ==, 20);
  for (guint i = 0; i < 20; i++)
    g_assert_cmpint (((InsQueueRow *) after->rows->pdata[i])->id, ==, g_array_index (ids, gint64, 10 + 1234 + i));
  /* 500 rows before that page, in display order. */
  before = ins_queue_store_page_at (conn, agent, query, after->first, INS_QUEUE_BEFORE, 500, 20, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    g_assert_cmpint (((InsQueueRow *) before->rows->pdata[i])->id, ==,
                     g_array_index (ids, gint64, 1244 - 500 - 20 + i));
  /* 100 rows from the end; and a window read again from its first row. */
  from_end = ins_queue_store_page_at (conn, agent, query, NULL, INS_QUEUE_BEFORE, 100, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((InsQueueRow *) from_end->rows->pdata[4])->id, ==, g_array_index (ids, gint64, ids->len - 101));
  self_included = ins_queue_store_page_at (conn, agent, query, after->first, INS_QUEUE_AFTER, -1, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((InsQueueRow *) self_included->rows->pdata[0])->id, ==, g_array_index (ids, gint64, 1244));
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;

  gtk_test_init (&argc, &argv, NULL);
  ins_test_i18n_init ();
  admin = ins_test_db_connect ();
  prefix = g_strdup_printf ("qm%d_", (int) getpid ());
  fixture_people (admin, prefix);
  fixture_add_many (admin, "CPAM-40", N_CPAM);
  fixture_add_many (admin, "CNSE", N_CNSE);
  ins_db_run (admin, "DELETE FROM affaire WHERE id IN (SELECT a.id FROM affaire a JOIN organisme o"
                     " ON o.id = a.organisme_id WHERE o.code = 'CNSE' ORDER BY a.id DESC LIMIT 700)",
              0, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/queue-model/watches", test_watches);
  g_test_add_func ("/queue-model/size-and-first-page", test_size_and_first_page);
  g_test_add_func ("/queue-model/jumps", test_jumps_fetch_where_they_land);
  g_test_add_func ("/queue-model/changes-in-place", test_changes_in_place);
  g_test_add_func ("/queue-model/unloads-far-rows", test_unloads_far_rows);
  g_test_add_func ("/queue-model/query-change-resets", test_query_change_resets);
  g_test_add_func ("/queue-model/estimate-reconciled", test_estimate_reconciled);
  g_test_add_func ("/queue-model/arrivals-reconciled", test_arrivals_reconciled);
  g_test_add_func ("/queue-model/page-at-matches-offset", test_page_at_matches_offset);
  return g_test_run ();
}
