/* ins-queue-view.c — the queue pane: filters and the column view of affaires */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ins-queue-columns.h"
#include "ins-queue-view.h"

/* The status filter's choices. */
typedef struct {
  const char *label;      /* NULL: the status's own label */
  guint       mask;
} StatusFilter;

#define BIT INS_QUEUE_STATUS_BIT
static const StatusFilter status_filters[] = {
  { N_("Not closed"),
    BIT (INS_STATUS_RECUE) | BIT (INS_STATUS_NON_EXPLOITABLE) | BIT (INS_STATUS_EN_COURS)
    | BIT (INS_STATUS_AVIS_MEDICAL_DEMANDE) | BIT (INS_STATUS_EN_ATTENTE_PIECES)
    | BIT (INS_STATUS_ACCEPTEE) | BIT (INS_STATUS_REFUSEE) },
  { NULL, BIT (INS_STATUS_RECUE) },
  { NULL, BIT (INS_STATUS_EN_COURS) },
  { NULL, BIT (INS_STATUS_AVIS_MEDICAL_DEMANDE) },
  { NULL, BIT (INS_STATUS_EN_ATTENTE_PIECES) },
  { N_("Decided (accepted or refused)"), BIT (INS_STATUS_ACCEPTEE) | BIT (INS_STATUS_REFUSEE) },
  { NULL, BIT (INS_STATUS_CLOTUREE) },
  { NULL, BIT (INS_STATUS_NON_EXPLOITABLE) },
  { N_("All statuses"), 0 },
};
#undef BIT

enum {
  SELECTION_CHANGED,
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _InsQueueView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget           *filter_box;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *status_dropdown;
  GtkToggleButton     *mine_toggle;
  GtkToggleButton     *breached_toggle;
  GtkSpinner          *spinner;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkColumnView       *column_view;

  /* owned */
  InsStore            *store;
  InsQueueModel       *model;
  GtkSingleSelection  *selection;
  char                *search;
  gboolean             medecin_mode;
  gint64               selected_id;
  guint                restore_source;
  GSettings           *settings;
  gboolean             restoring;
};

G_DEFINE_FINAL_TYPE (InsQueueView, ins_queue_view, GTK_TYPE_WIDGET)

InsQueueQuery *
ins_queue_view_build_query (InsQueueView *self)
{
  InsQueueQuery *query = ins_queue_query_new ();
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  InsQueueSort sort;
  gboolean descending;

  if (self->medecin_mode)
    {
      query->status_mask = INS_QUEUE_STATUS_BIT (INS_STATUS_AVIS_MEDICAL_DEMANDE);
      query->kind_mask = INS_QUEUE_KIND_BIT (INS_KIND_SOINS_ETRANGER);
    }
  else
    {
      if (kind >= 1 && kind <= INS_N_KINDS)
        query->kind_mask = INS_QUEUE_KIND_BIT (kind - 1);
      if (status < G_N_ELEMENTS (status_filters))
        query->status_mask = status_filters[status].mask;
      if (gtk_toggle_button_get_active (self->mine_toggle))
        query->assignee = INS_QUEUE_ASSIGNEE_MINE;
      query->sla_breached = gtk_toggle_button_get_active (self->breached_toggle);
    }
  ins_queue_query_set_search (query, self->search);

  if (ins_queue_columns_read_sort (self->column_view, &sort, &descending))
    {
      query->sort = sort;
      query->descending = descending;
    }
  else
    query->sort = INS_QUEUE_SORT_PRIORITY;
  return query;
}

static void
update_query (InsQueueView *self)
{
  g_autoptr(InsQueueQuery) query = NULL;

  if (self->model == NULL)
    return;
  query = ins_queue_view_build_query (self);
  ins_queue_model_set_query (self->model, query);
}

static void save_settings (InsQueueView *self);

static void
on_filter_changed (InsQueueView *self)
{
  update_query (self);
  save_settings (self);
}

/* An empty queue says whether the search or the filters left nothing (the
 * page has no text of its own: it is only shown from here). */
static void
describe_empty (InsQueueView *self)
{
  g_autofree char *description = NULL;

  if (self->search == NULL || *self->search == '\0')
    {
      adw_status_page_set_icon_name (self->empty_page, "checkbox-checked-symbolic");
      adw_status_page_set_title (self->empty_page, _("No affaire"));
      adw_status_page_set_description (self->empty_page, _("No affaire matches these filters."));
      return;
    }
  /* TRANSLATORS: %s is what the agent searched for (numéro, NIR or name) */
  description = g_strdup_printf (_("No affaire matches “%s” with these filters."), self->search);
  adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Result"));
  adw_status_page_set_description (self->empty_page, description);
}

static void
update_stack (InsQueueView *self)
{
  gboolean loading = self->model && ins_queue_model_get_loading (self->model);
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  gtk_spinner_set_spinning (self->spinner, loading);
  if (n == 0 && !loading)
    describe_empty (self);
  gtk_stack_set_visible_child_name (self->stack, n == 0 && !loading ? "empty" : "list");
}

static void emit_selection_if_changed (InsQueueView *self);

static void
on_selected_filled (InsQueueView *self, GParamSpec *pspec, InsQueueItem *item)
{
  g_signal_handlers_disconnect_by_func (item, on_selected_filled, self);
  emit_selection_if_changed (self);
}

static void
emit_selection_if_changed (InsQueueView *self)
{
  InsQueueItem *item = gtk_single_selection_get_selected_item (self->selection);
  gint64 id = item ? ins_queue_item_get_id (item) : 0;

  /* A row not fetched yet: it is selected once it is there. */
  if (item != NULL && ins_queue_item_is_placeholder (item))
    {
      g_signal_handlers_disconnect_by_func (item, on_selected_filled, self);
      g_signal_connect_object (item, "notify::numero", G_CALLBACK (on_selected_filled), self,
                               G_CONNECT_SWAPPED);
      return;
    }
  if (id == self->selected_id)
    return;
  self->selected_id = id;
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* A row that moved is removed then inserted: take the selection back to it. */
static gboolean
restore_selection (gpointer user_data)
{
  InsQueueView *self = user_data;
  guint position;

  self->restore_source = 0;
  if (gtk_single_selection_get_selected_item (self->selection) == NULL && self->selected_id != 0)
    {
      position = ins_queue_model_find (self->model, self->selected_id);
      if (position != GTK_INVALID_LIST_POSITION)
        {
          gtk_single_selection_set_selected (self->selection, position);
          return G_SOURCE_REMOVE;
        }
    }
  emit_selection_if_changed (self);
  return G_SOURCE_REMOVE;
}

static void
on_selected_item (GtkSingleSelection *selection, GParamSpec *pspec, InsQueueView *self)
{
  if (gtk_single_selection_get_selected_item (selection) == NULL && self->selected_id != 0)
    {
      if (self->restore_source == 0)
        self->restore_source = g_idle_add (restore_selection, self);
      return;
    }
  emit_selection_if_changed (self);
}

static void
on_activate (GtkColumnView *view, guint position, InsQueueView *self)
{
  g_autoptr(InsQueueItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, item);
}

static void
on_load_failed (InsQueueModel *model, GError *error, InsQueueView *self)
{
  update_stack (self);
}

static gboolean
move_down (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ins_queue_view_move_selection (INS_QUEUE_VIEW (widget), 1);
  return TRUE;
}

static gboolean
move_up (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ins_queue_view_move_selection (INS_QUEUE_VIEW (widget), -1);
  return TRUE;
}

static void
fill_filters (InsQueueView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("All types"));
  for (guint i = 0; i < INS_N_KINDS; i++)
    gtk_string_list_append (kinds, ins_kind_label (i));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  for (guint i = 0; i < G_N_ELEMENTS (status_filters); i++)
    {
      const char *label = status_filters[i].label ? _(status_filters[i].label) : NULL;

      if (label == NULL)
        for (guint s = 0; s < INS_N_STATUSES; s++)
          if (status_filters[i].mask == INS_QUEUE_STATUS_BIT (s))
            label = ins_status_label (s);
      gtk_string_list_append (statuses, label);
    }
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
}

static void
ins_queue_view_dispose (GObject *object)
{
  InsQueueView *self = INS_QUEUE_VIEW (object);

  g_clear_handle_id (&self->restore_source, g_source_remove);
  g_clear_object (&self->settings);
  if (self->column_view != NULL)
    {
      /* Removing a sorted column changes the sorter: no query while closing. */
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), INS_TYPE_QUEUE_VIEW);
  g_clear_object (&self->selection);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (ins_queue_view_parent_class)->dispose (object);
}

static void
ins_queue_view_finalize (GObject *object)
{
  InsQueueView *self = INS_QUEUE_VIEW (object);

  g_clear_pointer (&self->search, g_free);
  G_OBJECT_CLASS (ins_queue_view_parent_class)->finalize (object);
}

static void
ins_queue_view_class_init (InsQueueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ins_queue_view_dispose;
  object_class->finalize = ins_queue_view_finalize;

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, INS_TYPE_QUEUE_ITEM);

  g_type_ensure (INS_TYPE_QUEUE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, "/fr/ameli/Instruction/ui/ins-queue-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, breached_toggle);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, spinner);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, stack);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, column_view);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_j, 0, move_down, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_k, 0, move_up, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* GTK 4.8's list gives Tab to each of its rows in turn, a focus stop and a
 * selection per row (4.12 added gtk_list_view_set_tab_behavior): Tab goes on
 * past the list and Shift+Tab back to the filters; the list keeps its row. */
static gboolean
tab_past_list (GtkWidget *list, GVariant *args, gpointer user_data)
{
  gboolean moved;

  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (list)), GTK_DIR_TAB_FORWARD);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

static gboolean
tab_back_to_filters (GtkWidget *list, GVariant *args, gpointer user_data)
{
  InsQueueView *self = user_data;

  return gtk_widget_child_focus (self->filter_box, GTK_DIR_TAB_BACKWARD);
}

static void
leave_list_on_tab (InsQueueView *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (keys);
  GtkShortcutTrigger *back = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK),
                                                          gtk_keyval_trigger_new (GDK_KEY_Tab, GDK_SHIFT_MASK));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (shortcuts, gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Tab, 0),
                                                                     gtk_callback_action_new (tab_past_list, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (shortcuts, gtk_shortcut_new (back, gtk_callback_action_new (tab_back_to_filters, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
}

static void
ins_queue_view_init (InsQueueView *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  fill_filters (self);
  ins_queue_columns_setup (self->column_view);
  leave_list_on_tab (self);

  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->mine_toggle, "toggled", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->breached_toggle, "toggled", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_activate), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Queue"), -1);
}

void
ins_queue_view_set_store (InsQueueView *self, InsStore *store)
{
  g_return_if_fail (INS_IS_QUEUE_VIEW (self));
  g_return_if_fail (INS_IS_STORE (store));

  if (self->store == store)
    return;
  g_set_object (&self->store, store);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);

  self->model = ins_queue_model_new (store);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item), self);
  g_signal_connect_swapped (self->model, "notify::loading", G_CALLBACK (update_stack), self);
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (update_stack), self);
  g_signal_connect (self->model, "load-failed", G_CALLBACK (on_load_failed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  update_query (self);
}

InsQueueModel *
ins_queue_view_get_model (InsQueueView *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_VIEW (self), NULL);
  return self->model;
}

void
ins_queue_view_set_medecin_mode (InsQueueView *self, gboolean medecin_mode)
{
  g_return_if_fail (INS_IS_QUEUE_VIEW (self));

  self->medecin_mode = !!medecin_mode;
  gtk_widget_set_visible (self->filter_box, !medecin_mode);
  /* An opinion request releases the affaire: the agent column would be empty. */
  gtk_column_view_column_set_visible (ins_queue_columns_find (self->column_view, "agent"), !medecin_mode);
  update_query (self);
}

void
ins_queue_view_set_search (InsQueueView *self, const char *search)
{
  g_return_if_fail (INS_IS_QUEUE_VIEW (self));

  g_free (self->search);
  self->search = g_strdup (search);
  update_query (self);
  save_settings (self);
}

InsQueueItem *
ins_queue_view_get_selected (InsQueueView *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_VIEW (self), NULL);
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static GtkWidget *
inner_list_view (InsQueueView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

static void
select_position (InsQueueView *self, guint position)
{
  GtkWidget *list = inner_list_view (self);

  gtk_single_selection_set_selected (self->selection, position);
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

gboolean
ins_queue_view_select_id (InsQueueView *self, gint64 id)
{
  guint position;

  g_return_val_if_fail (INS_IS_QUEUE_VIEW (self), FALSE);
  if (self->model == NULL)
    return FALSE;
  position = ins_queue_model_find (self->model, id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  select_position (self, position);
  return TRUE;
}

gboolean
ins_queue_view_move_selection (InsQueueView *self, int delta)
{
  guint n, current, target;

  g_return_val_if_fail (INS_IS_QUEUE_VIEW (self), FALSE);
  if (self->selection == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (n == 0)
    return FALSE;
  current = gtk_single_selection_get_selected (self->selection);
  if (current == GTK_INVALID_LIST_POSITION)
    target = delta > 0 ? 0 : n - 1;
  else if (delta < 0 && current < (guint) -delta)
    return FALSE;
  else if (delta > 0 && current + delta >= n)
    return FALSE;
  else
    target = current + delta;
  select_position (self, target);
  return TRUE;
}

gint64
ins_queue_view_peek_next (InsQueueView *self)
{
  g_autoptr(InsQueueItem) item = NULL;
  guint position;

  g_return_val_if_fail (INS_IS_QUEUE_VIEW (self), 0);
  if (self->selection == NULL)
    return 0;
  position = gtk_single_selection_get_selected (self->selection);
  position = position == GTK_INVALID_LIST_POSITION ? 0 : position + 1;
  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  return item ? ins_queue_item_get_id (item) : 0;
}

void
ins_queue_view_focus_list (InsQueueView *self)
{
  g_return_if_fail (INS_IS_QUEUE_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
ins_queue_view_set_kind_filter (InsQueueView *self, int kind)
{
  g_return_if_fail (INS_IS_QUEUE_VIEW (self));
  gtk_drop_down_set_selected (self->kind_dropdown, kind < 0 ? 0 : (guint) kind + 1);
}

void
ins_queue_view_set_status_filter (InsQueueView *self, guint index)
{
  g_return_if_fail (INS_IS_QUEUE_VIEW (self));
  g_return_if_fail (index < G_N_ELEMENTS (status_filters));
  gtk_drop_down_set_selected (self->status_dropdown, index);
}

void
ins_queue_view_set_mine (InsQueueView *self, gboolean mine)
{
  g_return_if_fail (INS_IS_QUEUE_VIEW (self));
  gtk_toggle_button_set_active (self->mine_toggle, mine);
}

void
ins_queue_view_set_breached (InsQueueView *self, gboolean breached)
{
  g_return_if_fail (INS_IS_QUEUE_VIEW (self));
  gtk_toggle_button_set_active (self->breached_toggle, breached);
}

void
ins_queue_view_sort_by (InsQueueView *self, const char *column, gboolean descending)
{
  g_autoptr(GtkColumnViewColumn) target = NULL;

  g_return_if_fail (INS_IS_QUEUE_VIEW (self));
  target = ins_queue_columns_find (self->column_view, column);
  gtk_column_view_sort_by_column (self->column_view, target,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* Settings: the last filters and order ------------------------------------- */

/* "oldest" (the claim order), or a column's name with "-desc" when reversed. */
static char *
sort_name (InsQueueView *self)
{
  InsQueueSort sort;
  gboolean descending;

  if (ins_queue_columns_read_sort (self->column_view, &sort, &descending)
      && ins_queue_columns_sort_name (sort) != NULL)
    return g_strconcat (ins_queue_columns_sort_name (sort), descending ? "-desc" : "", NULL);
  return g_strdup ("oldest");
}

static void
save_settings (InsQueueView *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();
  g_autofree char *sort = NULL;

  if (self->settings == NULL || self->restoring || self->medecin_mode || self->column_view == NULL)
    return;
  if (kind >= 1 && kind <= INS_N_KINDS)
    g_ptr_array_add (kinds, (gpointer) ins_kind_to_nick (kind - 1));
  g_ptr_array_add (kinds, NULL);
  if (status > 0 && status < G_N_ELEMENTS (status_filters))
    {
      for (guint s = 0; s < INS_N_STATUSES; s++)
        if (status_filters[status].mask & INS_QUEUE_STATUS_BIT (s))
          g_ptr_array_add (statuses, (gpointer) ins_status_to_nick (s));
      /* "All statuses" has no bit: keep it apart from the default. */
      if (status_filters[status].mask == 0)
        g_ptr_array_add (statuses, (gpointer) "all");
    }
  g_ptr_array_add (statuses, NULL);

  g_settings_delay (self->settings);
  g_settings_set_strv (self->settings, "queue-filter-types", (const char * const *) kinds->pdata);
  g_settings_set_strv (self->settings, "queue-filter-statuses", (const char * const *) statuses->pdata);
  g_settings_set_string (self->settings, "queue-filter-search", self->search ? self->search : "");
  sort = sort_name (self);
  g_settings_set_string (self->settings, "queue-sort", sort);
  g_settings_apply (self->settings);
}

static void
restore_settings (InsQueueView *self)
{
  g_auto(GStrv) kinds = g_settings_get_strv (self->settings, "queue-filter-types");
  g_auto(GStrv) statuses = g_settings_get_strv (self->settings, "queue-filter-statuses");
  g_autofree char *search = g_settings_get_string (self->settings, "queue-filter-search");
  g_autofree char *sort = g_settings_get_string (self->settings, "queue-sort");
  InsAffaireKind kind;
  guint mask = 0;
  gboolean all = FALSE;

  gtk_drop_down_set_selected (self->kind_dropdown,
                              kinds[0] && ins_kind_from_nick (kinds[0], &kind) ? (guint) kind + 1 : 0);
  for (guint i = 0; statuses[i]; i++)
    {
      InsStatus status;

      if (ins_status_from_nick (statuses[i], &status))
        mask |= INS_QUEUE_STATUS_BIT (status);
      else if (g_str_equal (statuses[i], "all"))
        all = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (status_filters); i++)
    if ((all && status_filters[i].mask == 0) || (!all && mask != 0 && status_filters[i].mask == mask))
      gtk_drop_down_set_selected (self->status_dropdown, i);
  if (!all && mask == 0)
    gtk_drop_down_set_selected (self->status_dropdown, 0);

  g_free (self->search);
  self->search = *search ? g_strdup (search) : NULL;

  if (g_str_has_suffix (sort, "-desc"))
    {
      sort[strlen (sort) - strlen ("-desc")] = '\0';
      ins_queue_view_sort_by (self, sort, TRUE);
    }
  else
    ins_queue_view_sort_by (self, sort, FALSE);
}

void
ins_queue_view_set_settings (InsQueueView *self, GSettings *settings)
{
  g_return_if_fail (INS_IS_QUEUE_VIEW (self));

  g_set_object (&self->settings, settings);
  if (settings == NULL)
    return;
  self->restoring = TRUE;
  restore_settings (self);
  self->restoring = FALSE;
  update_query (self);
}

const char *
ins_queue_view_get_search (InsQueueView *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_VIEW (self), NULL);
  return self->search;
}
