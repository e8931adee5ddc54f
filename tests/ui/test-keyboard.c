/* test-keyboard.c — the keyboard map of issue 3 reaches what it names: a key
 * is given to the shortcuts found walking up from the focused widget, as GTK
 * does in its bubble phase, and what it should do is then checked */
#include "config.h"

#include "ui/ins-document-view.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window-private.h"
#include "ui-test-util.h"

static gboolean
trigger_is (GtkShortcutTrigger *trigger, guint keyval, GdkModifierType mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_is (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods)
           || trigger_is (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods);
  return GTK_IS_KEYVAL_TRIGGER (trigger)
         && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
         && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
}

/* The shortcut of @widget's own controllers in @phase for the key, or NULL. */
static GtkShortcut *
shortcut_in (GtkWidget *widget, GtkPropagationPhase phase, guint keyval, GdkModifierType mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) || gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_is (gtk_shortcut_get_trigger (shortcut), keyval, mods))
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

static gboolean
activate (GtkWidget *widget, GtkPropagationPhase phase, guint keyval, GdkModifierType mods)
{
  g_autoptr(GtkShortcut) shortcut = shortcut_in (widget, phase, keyval, mods);

  return shortcut != NULL
         && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                          gtk_shortcut_get_arguments (shortcut));
}

/* Presses the key with the focus on @focus: the shortcuts of the capture
 * phase from the window down, then those of the bubble phase from @focus up.
 * Returns the widget whose shortcut took it, or NULL when none did. */
static GtkWidget *
press_on (GtkWidget *focus, guint keyval, GdkModifierType mods)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);
  for (guint i = 0; i < path->len; i++)
    if (activate (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, mods))
      return g_ptr_array_index (path, i);
  for (guint i = path->len; i > 0; i--)
    if (activate (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, keyval, mods))
      return g_ptr_array_index (path, i - 1);
  return NULL;
}

static GtkWidget *
press (InsWindow *window, guint keyval, GdkModifierType mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return press_on (focus != NULL ? focus : GTK_WIDGET (window), keyval, mods);
}

static gint64
selected_id (InsQueueView *view)
{
  InsQueueItem *item = ins_queue_view_get_selected (view);

  return item != NULL ? ins_queue_item_get_id (item) : 0;
}

static gboolean
dialog_open (gpointer data)
{
  return ins_window_get_dialog (data) != NULL;
}

static void
close_dialog (InsWindow *window)
{
  gtk_window_destroy (ins_window_get_dialog (window));
  ui_test_settle (window);
  g_assert_null (ins_window_get_dialog (window));
}

/* j and k move in the queue, n takes the next affaire, a/r/i/m open their
 * dialogs, Ctrl+Entrée is « Clôturer et suivante », Ctrl+F the search and
 * Down from there the results. */
static void
test_queue_and_decisions (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *view = ins_window_get_queue_view (window);
  const struct {
    guint              keyval;
    InsWorkspaceAction action;
    InsAction          dialog;
  } decisions[] = {
    { GDK_KEY_a, INS_WS_ACCEPT, INS_ACTION_ACCEPT },
    { GDK_KEY_r, INS_WS_REFUSE, INS_ACTION_REFUSE },
    { GDK_KEY_i, INS_WS_INCOMPLETE, INS_ACTION_MARK_INCOMPLETE },
    { GDK_KEY_m, INS_WS_REQUEST_AVIS, INS_ACTION_REQUEST_AVIS },
  };
  g_autoptr(GtkShortcut) close_next = NULL;
  GtkWidget *focus;
  gint64 first, second;
  guint opened = 0;

  ui_test_settle (window);
  ins_queue_view_focus_list (view);
  ui_test_settle (window);
  g_assert_nonnull (press (window, GDK_KEY_j, 0));
  ui_test_settle (window);
  first = selected_id (view);
  g_assert_cmpint (first, !=, 0);
  g_assert_nonnull (press (window, GDK_KEY_j, 0));
  ui_test_settle (window);
  second = selected_id (view);
  g_assert_cmpint (second, !=, 0);
  g_assert_cmpint (second, !=, first);
  g_assert_nonnull (press (window, GDK_KEY_k, 0));
  ui_test_settle (window);
  g_assert_cmpint (selected_id (view), ==, first);

  g_assert_nonnull (press (window, GDK_KEY_n, 0));
  ui_test_settle (window);
  g_assert_nonnull (ins_window_get_affaire (window));
  g_assert_cmpint (ins_window_get_affaire (window)->status, ==, INS_STATUS_EN_COURS);

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      if (!ins_window_action_enabled (window, decisions[i].action))
        {
          press (window, decisions[i].keyval, 0);
          ui_test_settle (window);
          g_assert_null (ins_window_get_dialog (window));
          continue;
        }
      g_assert_nonnull (press (window, decisions[i].keyval, 0));
      ui_test_wait (dialog_open, window, "the dialog");
      g_assert_cmpint (ins_decision_dialog_get_action (INS_DECISION_DIALOG (ins_window_get_dialog (window))), ==,
                       decisions[i].dialog);
      close_dialog (window);
      opened++;
    }
  g_assert_cmpuint (opened, >=, 3);

  /* Nothing decided yet: the key is there, its action off. */
  close_next = shortcut_in (GTK_WIDGET (window), GTK_PHASE_BUBBLE, GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_nonnull (close_next);
  g_assert_true (GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (close_next)));
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (close_next))), ==,
                   "affaire.close-next");
  g_assert_false (ins_window_action_enabled (window, INS_WS_CLOSE_NEXT));

  g_assert_nonnull (press (window, GDK_KEY_f, GDK_CONTROL_MASK));
  ui_test_settle (window);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  /* Down goes on to the results, not to the filter buttons below the search. */
  g_assert_nonnull (press (window, GDK_KEY_Down, 0));
  ui_test_settle (window);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW));
  ui_test_window_close (window);
}

static gboolean
document_ready (gpointer data)
{
  InsDocumentView *view = ins_window_get_document_view (data);

  return view != NULL && ins_document_view_get_n_documents (view) > 0 && ins_document_view_get_zoom (view) > 0;
}

/* PgDn/PgUp turn the pages and + / − zoom, from the document and from the
 * queue. */
static void
test_document_keys (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsDocumentView *view;
  double zoom;

  /* A foreign-care affaire: its invoice has two pages. */
  ins_window_show_affaire (window, ui_test_affaire_id ("SE-2026-0000002"));
  ui_test_settle (window);
  ui_test_wait (document_ready, window, "the document");
  ui_test_settle (window);
  view = ins_window_get_document_view (window);
  g_assert_cmpint (ins_document_view_get_current_page (view), ==, 1);   /* numbered from 1 */

  g_assert_nonnull (press_on (GTK_WIDGET (view), GDK_KEY_Page_Down, 0));
  ui_test_settle (window);
  g_assert_cmpint (ins_document_view_get_current_page (view), ==, 2);
  g_assert_nonnull (press_on (GTK_WIDGET (view), GDK_KEY_Page_Up, 0));
  ui_test_settle (window);
  g_assert_cmpint (ins_document_view_get_current_page (view), ==, 1);

  zoom = ins_document_view_get_zoom (view);
  g_assert_nonnull (press_on (GTK_WIDGET (view), GDK_KEY_plus, 0));
  ui_test_settle (window);
  g_assert_cmpfloat (ins_document_view_get_zoom (view), >, zoom);
  g_assert_nonnull (press_on (GTK_WIDGET (view), GDK_KEY_minus, 0));
  ui_test_settle (window);
  g_assert_cmpfloat_with_epsilon (ins_document_view_get_zoom (view), zoom, 1e-6);

  /* Pages turn from the queue too: the window hands the keys over. */
  ins_queue_view_focus_list (ins_window_get_queue_view (window));
  ui_test_settle (window);
  g_assert_nonnull (press (window, GDK_KEY_Page_Down, 0));
  ui_test_settle (window);
  g_assert_cmpint (ins_document_view_get_current_page (view), ==, 2);
  /* And + / − zoom from the queue: bound on the window, they once crashed. */
  g_assert_nonnull (press (window, GDK_KEY_plus, 0));
  ui_test_settle (window);
  g_assert_cmpfloat (ins_document_view_get_zoom (view), >, zoom);
  g_assert_nonnull (press (window, GDK_KEY_KP_Subtract, 0));
  ui_test_settle (window);
  g_assert_cmpfloat_with_epsilon (ins_document_view_get_zoom (view), zoom, 1e-6);
  ui_test_window_close (window);
}

static gboolean
focus_in_list (InsWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW) != NULL;
}

/* Tab leaves the queue's list at once, forwards and backwards, and the list
 * keeps its selected row (GTK 4.8 stops on each row otherwise). */
static void
test_tab_leaves_queue (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *view = ins_window_get_queue_view (window);
  gint64 selected;

  ui_test_settle (window);
  ins_queue_view_focus_list (view);
  ui_test_settle (window);
  g_assert_nonnull (press (window, GDK_KEY_j, 0));
  ui_test_settle (window);
  selected = selected_id (view);
  g_assert_cmpint (selected, !=, 0);
  g_assert_true (focus_in_list (window));

  g_assert_nonnull (press (window, GDK_KEY_Tab, 0));
  ui_test_settle (window);
  g_assert_false (focus_in_list (window));
  g_assert_cmpint (selected_id (view), ==, selected);

  ins_queue_view_focus_list (view);
  ui_test_settle (window);
  g_assert_true (focus_in_list (window));
  g_assert_nonnull (press (window, GDK_KEY_Tab, GDK_SHIFT_MASK));
  ui_test_settle (window);
  g_assert_false (focus_in_list (window));
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), INS_TYPE_QUEUE_VIEW));
  g_assert_cmpint (selected_id (view), ==, selected);
  ui_test_window_close (window);
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/keyboard/queue-and-decisions", test_queue_and_decisions);
  g_test_add_func ("/keyboard/document-keys", test_document_keys);
  g_test_add_func ("/keyboard/tab-leaves-queue", test_tab_leaves_queue);
  return g_test_run ();
}
