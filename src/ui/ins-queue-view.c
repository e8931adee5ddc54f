/* ins-queue-view.c — the queue pane: filters and the column view of affaires */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ins-queue-view.h"

/* Column sorting is done in SQL: each sortable column carries an InsSqlSorter
 * that only names its sort. GTK 4.8 does not say which column the view sorts
 * by, so the view's sorter is asked to compare two probe objects and tells it
 * through the first column sorter it consults and the order it returns. */
#define INS_TYPE_SQL_SORTER (ins_sql_sorter_get_type ())
G_DECLARE_FINAL_TYPE (InsSqlSorter, ins_sql_sorter, INS, SQL_SORTER, GtkSorter)

struct _InsSqlSorter
{
  GtkSorter    parent_instance;
  InsQueueSort sort;
};

G_DEFINE_FINAL_TYPE (InsSqlSorter, ins_sql_sorter, GTK_TYPE_SORTER)

static InsSqlSorter *probe_hit;
static GObject *probe_first;

static GtkOrdering
ins_sql_sorter_compare (GtkSorter *sorter, gpointer item1, gpointer item2)
{
  if (probe_hit == NULL)
    probe_hit = INS_SQL_SORTER (sorter);
  return item1 == probe_first ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

static GtkSorterOrder
ins_sql_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
ins_sql_sorter_class_init (InsSqlSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = ins_sql_sorter_compare;
  sorter_class->get_order = ins_sql_sorter_get_order;
}

static void
ins_sql_sorter_init (InsSqlSorter *self)
{
}

static GtkSorter *
ins_sql_sorter_new (InsQueueSort sort)
{
  InsSqlSorter *self = g_object_new (INS_TYPE_SQL_SORTER, NULL);

  self->sort = sort;
  return GTK_SORTER (self);
}

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

/* The cells: one plain label per column, its text read from the item's
 * pre-formatted strings; the label follows the item when its texts change.
 * A column with a name sorts in SQL by its sort; the name is what the
 * "queue-sort" setting keeps. */
typedef struct {
  InsQueueText  text;
  float         xalign;
  gboolean      ellipsize;
  const char   *name;
  InsQueueSort  sort;
  const char   *tooltip;
} QueueColumn;

static const QueueColumn queue_columns[] = {
  { INS_QUEUE_TEXT_NUMERO,       0.0f, FALSE, "numero",       INS_QUEUE_SORT_NUMERO, NULL },
  { INS_QUEUE_TEXT_KIND,         0.0f, TRUE,  NULL,           0, NULL },
  { INS_QUEUE_TEXT_BENEFICIAIRE, 0.0f, TRUE,  "beneficiaire", INS_QUEUE_SORT_BENEFICIAIRE,
    N_("Sorted by last name, then first name") },
  { INS_QUEUE_TEXT_PLACE,        0.0f, TRUE,  "place",        INS_QUEUE_SORT_PLACE, NULL },
  { INS_QUEUE_TEXT_AMOUNT,       1.0f, FALSE, "amount",       INS_QUEUE_SORT_AMOUNT,
    N_("Amounts are in different currencies: sorted by currency, then by amount") },
  { INS_QUEUE_TEXT_RECEIVED,     0.0f, FALSE, "received",     INS_QUEUE_SORT_AGE, NULL },
  { INS_QUEUE_TEXT_DUE,          0.0f, TRUE,  "due",          INS_QUEUE_SORT_DUE, NULL },
  { INS_QUEUE_TEXT_STATUS,       0.0f, TRUE,  "status",       INS_QUEUE_SORT_STATUS,
    N_("Sorted in the order of processing") },
  { INS_QUEUE_TEXT_AGENT,        0.0f, TRUE,  "agent",        INS_QUEUE_SORT_AGENT, NULL },
};

/* What a cell's label shows and listens to, kept on the label. */
typedef struct {
  const QueueColumn *column;
  InsQueueItem      *item;       /* borrowed, while bound */
  gulong             changed_handler;
  GStrv              classes;    /* the deadline's style classes applied */
} QueueCell;

static GQuark cell_quark;

static void
queue_cell_free (gpointer data)
{
  QueueCell *cell = data;

  g_strfreev (cell->classes);
  g_free (cell);
}

/* Rows are reused for other items as the view scrolls: a label, its style
 * and its accessible name are only touched when what they show changes. */
static void
cell_refresh (GtkLabel *label, QueueCell *cell)
{
  InsQueueItem *item = cell->item;
  const char *text = ins_queue_item_get_text (item, cell->column->text);

  if (strcmp (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
  if (cell->column->text == INS_QUEUE_TEXT_DUE)
    {
      const char * const *classes = ins_queue_item_get_due_css_classes (item);

      if (cell->classes == NULL || !g_strv_equal ((const char * const *) cell->classes, classes))
        {
          g_strfreev (cell->classes);
          cell->classes = g_strdupv ((char **) classes);
          gtk_widget_set_css_classes (GTK_WIDGET (label), (const char **) classes);
        }
    }
}

static void
on_cell_item_changed (InsQueueItem *item, GtkLabel *label)
{
  cell_refresh (label, g_object_get_qdata (G_OBJECT (label), cell_quark));
}

/* A narrow column cuts its text: the whole of it on hover. Asked for at hover
 * time: a tooltip set in bind costs every row of a jump an accessible update. */
static gboolean
on_cell_query_tooltip (GtkWidget  *label,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || *text == '\0' || !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cell_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, const QueueColumn *column)
{
  GtkWidget *label = gtk_label_new (NULL);
  QueueCell *cell = g_new0 (QueueCell, 1);

  gtk_label_set_xalign (GTK_LABEL (label), column->xalign);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column->ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip), NULL);
    }
  cell->column = column;
  g_object_set_qdata_full (G_OBJECT (label), cell_quark, cell, queue_cell_free);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, const QueueColumn *column)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  QueueCell *cell = g_object_get_qdata (G_OBJECT (label), cell_quark);

  cell->item = gtk_list_item_get_item (list_item);
  cell_refresh (label, cell);
  cell->changed_handler = g_signal_connect (cell->item, "changed", G_CALLBACK (on_cell_item_changed), label);
}

static void
cell_unbind (GtkSignalListItemFactory *factory, GtkListItem *list_item, const QueueColumn *column)
{
  QueueCell *cell = g_object_get_qdata (G_OBJECT (gtk_list_item_get_child (list_item)), cell_quark);

  if (cell->item != NULL)
    g_clear_signal_handler (&cell->changed_handler, cell->item);
  cell->item = NULL;
}

/* The columns of the template, in the order of queue_columns: their cells
 * and their sorters. */
static void
set_cell_factories (GtkColumnView *view)
{
  GListModel *view_columns = gtk_column_view_get_columns (view);

  g_assert (g_list_model_get_n_items (view_columns) == G_N_ELEMENTS (queue_columns));
  for (guint i = 0; i < G_N_ELEMENTS (queue_columns); i++)
    {
      const QueueColumn *column = &queue_columns[i];
      g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (view_columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), (gpointer) column);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), (gpointer) column);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), (gpointer) column);
      gtk_column_view_column_set_factory (view_column, factory);
      if (column->name != NULL)
        {
          g_autoptr(GtkSorter) sorter = ins_sql_sorter_new (column->sort);

          gtk_column_view_column_set_sorter (view_column, sorter);
        }
    }
}

/* GTK 4.8 gives a column no tooltip: set it on the header's title widgets,
 * one per column in order. */
static void
set_header_tooltips (GtkColumnView *view)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  guint i = 0;

  for (GtkWidget *title = header ? gtk_widget_get_first_child (header) : NULL;
       title != NULL && i < G_N_ELEMENTS (queue_columns);
       title = gtk_widget_get_next_sibling (title), i++)
    if (queue_columns[i].tooltip != NULL)
      gtk_widget_set_tooltip_text (title, _(queue_columns[i].tooltip));
}

static const QueueColumn *
find_column (const char *name, GtkColumnView *view, GtkColumnViewColumn **view_column)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (queue_columns); i++)
    if (g_strcmp0 (queue_columns[i].name, name) == 0)
      {
        *view_column = g_list_model_get_item (gtk_column_view_get_columns (view), i);
        return &queue_columns[i];
      }
  *view_column = NULL;
  return NULL;
}

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

static gboolean
read_sort (InsQueueView *self, InsQueueSort *sort, gboolean *descending)
{
  g_autoptr(GObject) first = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) second = g_object_new (G_TYPE_OBJECT, NULL);
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering ordering;

  probe_hit = NULL;
  probe_first = first;
  ordering = gtk_sorter_compare (sorter, first, second);
  probe_first = NULL;
  if (probe_hit == NULL || ordering == GTK_ORDERING_EQUAL)
    return FALSE;
  *sort = probe_hit->sort;
  *descending = ordering == GTK_ORDERING_LARGER;
  probe_hit = NULL;
  return TRUE;
}

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

  if (read_sort (self, &sort, &descending))
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

static void
update_stack (InsQueueView *self)
{
  gboolean loading = self->model && ins_queue_model_get_loading (self->model);
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  gtk_spinner_set_spinning (self->spinner, loading);
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
  cell_quark = g_quark_from_static_string ("ins-queue-cell");
  gtk_widget_class_set_template_from_resource (widget_class, "/fr/ameli/Instruction/ui/ins-queue-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, breached_toggle);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, spinner);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, stack);
  gtk_widget_class_bind_template_child (widget_class, InsQueueView, column_view);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_j, 0, move_down, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_k, 0, move_up, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ins_queue_view_init (InsQueueView *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  fill_filters (self);
  set_cell_factories (self->column_view);
  set_header_tooltips (self->column_view);

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
  find_column (column, self->column_view, &target);
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

  if (read_sort (self, &sort, &descending))
    for (guint i = 0; i < G_N_ELEMENTS (queue_columns); i++)
      if (queue_columns[i].name != NULL && queue_columns[i].sort == sort)
        return g_strconcat (queue_columns[i].name, descending ? "-desc" : "", NULL);
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
