/* test-queue-live.c — another agent's claim reaches the queue by its
 * notification alone, and the agent's selection and scroll stay put */
#include "config.h"

#include "store/ins-db.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window-private.h"
#include "ins-test-db.h"
#include "ui-test-util.h"

static gboolean
model_idle (gpointer data)
{
  return !ins_queue_model_get_loading (data);
}

static gboolean
held_by_paul (gpointer data)
{
  return g_strcmp0 (ins_queue_item_get_agent (data), "Paul Martin") == 0;
}

static void
test_claim_keeps_selection_and_scroll (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *view = ins_window_get_queue_view (window);
  InsQueueModel *model = ins_queue_view_get_model (view);
  GtkWidget *column_view = ins_test_find_type (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *adjustment;
  g_autoptr(InsQueueItem) selected = NULL;
  g_autoptr(InsQueueItem) other = NULL;
  double value;
  guint k;

  /* Only the notification can bring the change. */
  ins_store_set_refresh_interval (ins_window_get_store (window), 0);
  g_assert_nonnull (column_view);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  ui_test_settle (window);

  /* Marie scrolls down the queue and selects a row there. */
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment)
                                         - gtk_adjustment_get_page_size (adjustment)) / 2);
  ui_test_settle (window);
  ui_test_wait (model_idle, model, "the rows scrolled to");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 100);
  for (k = 60; k < 100; k++)
    {
      g_autoptr(InsQueueItem) a = g_list_model_get_item (G_LIST_MODEL (model), k);
      g_autoptr(InsQueueItem) b = g_list_model_get_item (G_LIST_MODEL (model), k + 2);

      if (ins_queue_item_get_row (a)->status == INS_STATUS_RECUE && ins_queue_item_get_row (b)->status == INS_STATUS_RECUE)
        break;
    }
  g_assert_cmpuint (k, <, 100);
  selected = g_list_model_get_item (G_LIST_MODEL (model), k);
  other = g_list_model_get_item (G_LIST_MODEL (model), k + 2);
  g_assert_true (ins_queue_view_select_id (view, ins_queue_item_get_id (selected)));
  ui_test_settle (window);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 0);

  /* Paul takes the row two below, from his own session. */
  ui_test_claim_as ("ui_paul", ins_queue_item_get_id (other));
  ui_test_wait (held_by_paul, other, "Paul's claim to show");
  ui_test_settle (window);

  g_assert_true (ins_queue_view_get_selected (view) == selected);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), value, 0.5);
  ui_test_window_close (window);
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/queue-live/claim-keeps-selection-and-scroll", test_claim_keeps_selection_and_scroll);
  return g_test_run ();
}
