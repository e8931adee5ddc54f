/* ins-queue-columns.c — the queue's columns: one text cell each, bound to the
 * item's pre-formatted texts, and the SQL sort each column names */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/ins-currency.h"
#include "ins-queue-cell.h"
#include "ins-queue-columns.h"
#include "ins-queue-due-look.h"
#include "ins-queue-item.h"

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

/* The cells: one plain label per column, its text read from the item's
 * pre-formatted strings; the label follows the item when its texts change.
 * A column whose texts repeat from row to row shares their layouts between
 * its cells. A column with a name sorts in SQL by its sort; the name is what
 * the "queue-sort" setting keeps. */
typedef struct {
  InsQueueText  text;
  float         xalign;
  gboolean      ellipsize;
  gboolean      repeats;
  const char   *name;
  InsQueueSort  sort;
  const char   *tooltip;
} QueueColumn;

static const QueueColumn queue_columns[] = {
  { INS_QUEUE_TEXT_NUMERO,       0.0f, FALSE, FALSE, "numero",       INS_QUEUE_SORT_NUMERO, NULL },
  { INS_QUEUE_TEXT_KIND,         0.0f, TRUE,  TRUE,  NULL,           0, NULL },
  { INS_QUEUE_TEXT_BENEFICIAIRE, 0.0f, TRUE,  FALSE, "beneficiaire", INS_QUEUE_SORT_BENEFICIAIRE,
    N_("Sorted by last name, then first name") },
  { INS_QUEUE_TEXT_PLACE,        0.0f, TRUE,  TRUE,  "place",        INS_QUEUE_SORT_PLACE, NULL },
  { INS_QUEUE_TEXT_AMOUNT,       1.0f, FALSE, FALSE, "amount",       INS_QUEUE_SORT_AMOUNT,
    N_("Amounts are in different currencies: sorted by currency, then by amount") },
  { INS_QUEUE_TEXT_RECEIVED,     0.0f, FALSE, TRUE,  "received",     INS_QUEUE_SORT_AGE, NULL },
  { INS_QUEUE_TEXT_DUE,          0.0f, TRUE,  TRUE,  "due",          INS_QUEUE_SORT_DUE, NULL },
  { INS_QUEUE_TEXT_STATUS,       0.0f, TRUE,  TRUE,  "status",       INS_QUEUE_SORT_STATUS,
    N_("Sorted in the order of processing") },
  { INS_QUEUE_TEXT_AGENT,        0.0f, TRUE,  TRUE,  "agent",        INS_QUEUE_SORT_AGENT, NULL },
};

/* What a cell's label shows and listens to, kept on the label. */
typedef struct {
  const QueueColumn *column;
  InsQueueItem      *item;       /* borrowed, while bound */
} QueueCell;

static GQuark cell_quark;
static GQuark layouts_quark;   /* a repeating column's InsQueueLayouts, on its factory */

#define COMPACT_FROM 1000000

/* From a million units on, an amount does not fit the narrow amount column:
 * it is said in millions or billions with one decimal, its currency kept
 * (« 443,4 M VND »); the whole amount is in the tooltip. NULL below. */
static char *
compact_amount (InsQueueItem *item)
{
  InsQueueRow *row = ins_queue_item_get_row (item);
  const InsCurrency *c;
  guint64 major, tenths;
  gint64 scale = 1;
  gboolean billions;
  g_autofree char *number = NULL;
  const char *unit;

  if (row == NULL || row->currency == NULL)
    return NULL;
  c = ins_currency_lookup (row->currency);
  for (guint i = 0; i < (c != NULL ? c->minor_units : 2); i++)
    scale *= 10;
  major = (guint64) ABS (row->amount_minor / scale);
  if (major < COMPACT_FROM)
    return NULL;
  billions = major >= (guint64) COMPACT_FROM * 1000;
  tenths = (major + (billions ? 50000000 : 50000)) / (billions ? 100000000 : 100000);
  number = g_strdup_printf ("%s%" G_GUINT64_FORMAT ",%u", row->amount_minor < 0 ? "-" : "",
                            tenths / 10, (guint) (tenths % 10));
  unit = g_str_equal (row->currency, "EUR") ? "€" : row->currency;
  /* TRANSLATORS: an amount in millions, then in billions, and its currency */
  return g_strdup_printf (billions ? _("%s bn %s") : _("%s M %s"), number, unit);
}

/* Rows are reused for other items as the view scrolls: a label and its look
 * are only touched when what they show changes. */
static void
cell_refresh (InsQueueCell *label, QueueCell *cell)
{
  InsQueueItem *item = cell->item;
  const char *text = ins_queue_item_get_text (item, cell->column->text);
  g_autofree char *compact = NULL;

  if (cell->column->text == INS_QUEUE_TEXT_AMOUNT && strlen (text) > 12 && (compact = compact_amount (item)))
    text = compact;
  ins_queue_cell_set_text (label, text);
  if (cell->column->text == INS_QUEUE_TEXT_DUE)
    {
      InsSlaState state;
      gboolean paused;

      if (ins_queue_item_get_due_state (item, &state, &paused))
        ins_queue_due_look_apply (label, state, paused);
      else
        ins_queue_due_look_clear (label);
    }
}

static void
on_cell_item_changed (InsQueueItem *item, gpointer label)
{
  cell_refresh (label, g_object_get_qdata (G_OBJECT (label), cell_quark));
}

/* A short text or a narrow column: the whole text on hover. Asked for at
 * hover time: a tooltip set in bind costs every row of a jump an accessible
 * update. */
static gboolean
on_cell_query_tooltip (GtkWidget  *label,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  QueueCell *cell = g_object_get_qdata (G_OBJECT (label), cell_quark);
  const char *text = ins_queue_cell_get_text (INS_QUEUE_CELL (label));
  const char *full;

  if (cell->item == NULL || text == NULL || *text == '\0')
    return FALSE;
  full = ins_queue_item_get_full_text (cell->item, cell->column->text);
  if (strcmp (full, text) == 0 && !ins_queue_cell_is_ellipsized (INS_QUEUE_CELL (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, full);
  return TRUE;
}

static void
cell_setup (GtkSignalListItemFactory *factory, GtkListItem *list_item, const QueueColumn *column)
{
  GtkWidget *label = ins_queue_cell_new (column->xalign, column->ellipsize,
                                         g_object_get_qdata (G_OBJECT (factory), layouts_quark));
  QueueCell *cell = g_new0 (QueueCell, 1);

  if (column->ellipsize || column->text == INS_QUEUE_TEXT_AMOUNT)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip), NULL);
    }
  cell->column = column;
  g_object_set_qdata_full (G_OBJECT (label), cell_quark, cell, g_free);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory, GtkListItem *list_item, const QueueColumn *column)
{
  InsQueueCell *label = INS_QUEUE_CELL (gtk_list_item_get_child (list_item));
  QueueCell *cell = g_object_get_qdata (G_OBJECT (label), cell_quark);

  cell->item = gtk_list_item_get_item (list_item);
  cell_refresh (label, cell);
  ins_queue_item_watch (cell->item, on_cell_item_changed, label);
}

static void
cell_unbind (GtkSignalListItemFactory *factory, GtkListItem *list_item, const QueueColumn *column)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  QueueCell *cell = g_object_get_qdata (G_OBJECT (label), cell_quark);

  if (cell->item != NULL)
    ins_queue_item_unwatch (cell->item, label);
  cell->item = NULL;
}

/* The columns of the template, in the order of queue_columns: their cells
 * and their sorters. */
static void
set_cell_factories (GtkColumnView *view)
{
  cell_quark = g_quark_from_static_string ("ins-queue-cell");
  layouts_quark = g_quark_from_static_string ("ins-queue-layouts");
  GListModel *view_columns = gtk_column_view_get_columns (view);

  g_assert (g_list_model_get_n_items (view_columns) == G_N_ELEMENTS (queue_columns));
  for (guint i = 0; i < G_N_ELEMENTS (queue_columns); i++)
    {
      const QueueColumn *column = &queue_columns[i];
      g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (view_columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      if (column->repeats)
        g_object_set_qdata_full (G_OBJECT (factory), layouts_quark, ins_queue_layouts_new (),
                                 (GDestroyNotify) ins_queue_layouts_unref);
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

void
ins_queue_columns_setup (GtkColumnView *view)
{
  set_cell_factories (view);
  set_header_tooltips (view);
}

GtkColumnViewColumn *
ins_queue_columns_find (GtkColumnView *view, const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (queue_columns); i++)
    if (g_strcmp0 (queue_columns[i].name, name) == 0)
      return g_list_model_get_item (gtk_column_view_get_columns (view), i);
  return NULL;
}

const char *
ins_queue_columns_sort_name (InsQueueSort sort)
{
  for (guint i = 0; i < G_N_ELEMENTS (queue_columns); i++)
    if (queue_columns[i].name != NULL && queue_columns[i].sort == sort)
      return queue_columns[i].name;
  return NULL;
}

gboolean
ins_queue_columns_read_sort (GtkColumnView *view, InsQueueSort *sort, gboolean *descending)
{
  g_autoptr(GObject) first = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) second = g_object_new (G_TYPE_OBJECT, NULL);
  GtkSorter *sorter = gtk_column_view_get_sorter (view);
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
