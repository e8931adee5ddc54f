/* test-queue-due-look.c — the queue's deadline: the SLA state and pause an
 * item gives, the look each draws, and the watches told only when it changes */
#include "config.h"

#include <adwaita.h>

#include "core/ins-sla.h"
#include "ui/ins-queue-cell.h"
#include "ui/ins-queue-due-look.h"
#include "ui/ins-queue-item.h"
#include "ins-test-i18n.h"
#include "ins-test-widget.h"

/* Each state's look, written out here so that changing one in the code
 * fails this test: the theme's colour, bold when due soon or overdue. */
static const struct {
  InsSlaState  state;
  const char  *color;
  gboolean     bold;
} expected_looks[] = {
  { INS_SLA_ON_TIME,  "success_color", FALSE },
  { INS_SLA_DUE_SOON, "warning_color", TRUE },
  { INS_SLA_BREACHED, "error_color",   TRUE },
};

static GtkWidget *
window_with (GtkWidget *cell)
{
  GtkWidget *window = gtk_window_new ();

  gtk_widget_set_size_request (cell, 160, -1);
  gtk_window_set_child (GTK_WINDOW (window), cell);
  gtk_window_present (GTK_WINDOW (window));
  ins_test_settle (200);
  return window;
}

static guint16
channel (double value)
{
  return (guint16) (value * 65535);
}

/* @attrs hold exactly @color in the theme (and its alpha when not opaque),
 * bold when @bold, italic when @italic, and nothing else. */
static void
assert_look (GtkWidget *cell, PangoAttrList *attrs, const char *color, gboolean bold, gboolean italic)
{
  g_autoptr(GSList) list = NULL;
  GdkRGBA rgba;
  gboolean found;
  guint n_expected, n_seen = 0;
  gboolean seen_color = FALSE, seen_bold = FALSE, seen_italic = FALSE, seen_alpha = FALSE;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (cell), color, &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_true (found);
  n_expected = 1 + (rgba.alpha < 1.0 ? 1 : 0) + (bold ? 1 : 0) + (italic ? 1 : 0);

  g_assert_nonnull (attrs);
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      n_seen++;
      switch ((int) attr->klass->type)
        {
        case PANGO_ATTR_FOREGROUND:
          {
            PangoColor *c = &((PangoAttrColor *) attr)->color;

            g_assert_cmpuint (c->red, ==, channel (rgba.red));
            g_assert_cmpuint (c->green, ==, channel (rgba.green));
            g_assert_cmpuint (c->blue, ==, channel (rgba.blue));
            seen_color = TRUE;
          }
          break;
        case PANGO_ATTR_FOREGROUND_ALPHA:
          g_assert_cmpuint (((PangoAttrInt *) attr)->value, ==, channel (rgba.alpha));
          seen_alpha = TRUE;
          break;
        case PANGO_ATTR_WEIGHT:
          g_assert_cmpint (((PangoAttrInt *) attr)->value, ==, PANGO_WEIGHT_BOLD);
          seen_bold = TRUE;
          break;
        case PANGO_ATTR_STYLE:
          g_assert_cmpint (((PangoAttrInt *) attr)->value, ==, PANGO_STYLE_ITALIC);
          seen_italic = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }
      pango_attribute_destroy (attr);
    }
  g_assert_true (seen_color);
  g_assert_cmpint (seen_alpha, ==, rgba.alpha < 1.0);
  g_assert_cmpint (seen_bold, ==, bold);
  g_assert_cmpint (seen_italic, ==, italic);
  g_assert_cmpuint (n_seen, ==, n_expected);
}

/* Every state, paused or not, in the light and the dark theme; one cell
 * given them in turn as a reused row's is; no deadline draws plain. */
static void
test_each_state_look (void)
{
  static const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  AdwColorScheme scheme = adw_style_manager_get_color_scheme (manager);
  GtkWidget *cell = ins_queue_cell_new (0.0f, TRUE, NULL);
  GtkWidget *window = window_with (cell);

  g_assert_cmpuint (G_N_ELEMENTS (expected_looks), ==, INS_N_SLA_STATES);
  ins_queue_cell_set_text (INS_QUEUE_CELL (cell), "Dans 3 jours");
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      adw_style_manager_set_color_scheme (manager, schemes[s]);
      ins_test_settle (200);
      for (guint i = 0; i < G_N_ELEMENTS (expected_looks); i++)
        for (guint paused = 0; paused < 2; paused++)
          {
            ins_queue_due_look_apply (INS_QUEUE_CELL (cell), expected_looks[i].state, paused);
            assert_look (cell, ins_queue_cell_get_attributes (INS_QUEUE_CELL (cell)),
                         expected_looks[i].color, expected_looks[i].bold, paused);
            ins_queue_due_look_clear (INS_QUEUE_CELL (cell));
            g_assert_null (ins_queue_cell_get_attributes (INS_QUEUE_CELL (cell)));
          }
    }
  adw_style_manager_set_color_scheme (manager, scheme);
  ins_test_settle (200);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two cells in the same look share one attribute list, and a look given
 * again leaves the cell's as it was: a jump's 200 rows build none. */
static void
test_look_shared (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cells[] = { ins_queue_cell_new (0.0f, TRUE, NULL), ins_queue_cell_new (0.0f, TRUE, NULL) };
  GtkWidget *window;
  PangoAttrList *first;

  gtk_box_append (GTK_BOX (box), cells[0]);
  gtk_box_append (GTK_BOX (box), cells[1]);
  window = window_with (box);
  ins_queue_due_look_apply (INS_QUEUE_CELL (cells[0]), INS_SLA_BREACHED, FALSE);
  ins_queue_due_look_apply (INS_QUEUE_CELL (cells[1]), INS_SLA_BREACHED, FALSE);
  first = ins_queue_cell_get_attributes (INS_QUEUE_CELL (cells[0]));
  g_assert_true (first == ins_queue_cell_get_attributes (INS_QUEUE_CELL (cells[1])));
  ins_queue_due_look_apply (INS_QUEUE_CELL (cells[0]), INS_SLA_BREACHED, FALSE);
  g_assert_true (first == ins_queue_cell_get_attributes (INS_QUEUE_CELL (cells[0])));
  ins_queue_due_look_apply (INS_QUEUE_CELL (cells[1]), INS_SLA_BREACHED, TRUE);
  g_assert_true (first != ins_queue_cell_get_attributes (INS_QUEUE_CELL (cells[1])));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GDateTime *
at (int day, int hour)
{
  return g_date_time_new_local (2026, 11, day, hour, 0, 0);
}

static InsQueueRow *
row_due (int due_day, int paused_day, InsStatus status)
{
  InsQueueRow *row = ins_queue_row_new ();

  row->id = 42;
  row->numero = g_strdup ("SE-2026-0000042");
  row->kind = INS_KIND_SOINS_ETRANGER;
  row->status = status;
  row->due_at = due_day > 0 ? at (due_day, 12) : NULL;
  row->sla_paused_since = paused_day > 0 ? at (paused_day, 9) : NULL;
  return row;
}

/* The item's deadline: its state, its pause, and a text that says it in
 * words (never the colour alone: each state's text differs). */
static void
test_item_due_state (void)
{
  static const struct {
    int          due_day, paused_day;
    InsStatus    status;
    gboolean     dated;
    InsSlaState  state;
    gboolean     paused;
  } cases[] = {
    { 30, 0,  INS_STATUS_RECUE,              TRUE,  INS_SLA_ON_TIME,  FALSE },
    { 23, 0,  INS_STATUS_RECUE,              TRUE,  INS_SLA_DUE_SOON, FALSE },
    { 19, 0,  INS_STATUS_RECUE,              TRUE,  INS_SLA_BREACHED, FALSE },
    { 30, 20, INS_STATUS_EN_ATTENTE_PIECES,  TRUE,  INS_SLA_ON_TIME,  TRUE },
    { 19, 21, INS_STATUS_EN_ATTENTE_PIECES,  TRUE,  INS_SLA_BREACHED, TRUE },
    { 19, 0,  INS_STATUS_CLOTUREE,           FALSE, INS_SLA_ON_TIME,  FALSE },
    { 0,  0,  INS_STATUS_RECUE,              FALSE, INS_SLA_ON_TIME,  FALSE },
  };
  g_autoptr(GDateTime) now = at (22, 10);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(InsQueueItem) placeholder = ins_queue_item_new_placeholder ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(InsQueueRow) row = row_due (cases[i].due_day, cases[i].paused_day, cases[i].status);
      g_autoptr(InsQueueItem) item = ins_queue_item_new (row, now);
      InsSlaState state = INS_N_SLA_STATES;
      gboolean paused = 2;
      const char *text = ins_queue_item_get_due (item);

      g_test_message ("case %u: %s", i, text);
      g_assert_cmpint (ins_queue_item_get_due_state (item, &state, &paused), ==, cases[i].dated);
      g_assert_cmpint (state, ==, cases[i].state);
      g_assert_cmpint (paused, ==, cases[i].paused);
      g_assert_cmpstr (text, !=, "");
      if (!cases[i].dated)
        {
          g_assert_cmpstr (text, ==, "—");
          continue;
        }
      for (guint j = 0; j < texts->len; j++)
        g_assert_cmpstr (text, !=, g_ptr_array_index (texts, j));
      g_ptr_array_add (texts, g_strdup (text));
    }
  g_assert_false (ins_queue_item_get_due_state (placeholder, NULL, NULL));
}

static void
count_watch (InsQueueItem *item, gpointer data)
{
  (*(guint *) data)++;
}

/* An update tells the watches once when the deadline's state or pause
 * changes, even with its text unchanged, and not at all when nothing the
 * cells show changed. */
static void
test_item_notifies_look_changes (void)
{
  g_autoptr(GDateTime) now = at (22, 10);
  g_autoptr(GDateTime) morning = at (28, 10);
  g_autoptr(GDateTime) afternoon = at (28, 13);
  g_autoptr(InsQueueRow) on_time = row_due (30, 0, INS_STATUS_RECUE);
  g_autoptr(InsQueueRow) same = row_due (30, 0, INS_STATUS_RECUE);
  g_autoptr(InsQueueRow) paused = row_due (30, 20, INS_STATUS_EN_ATTENTE_PIECES);
  g_autoptr(InsQueueRow) closed = row_due (30, 0, INS_STATUS_CLOTUREE);
  g_autoptr(InsQueueItem) item = ins_queue_item_new (on_time, now);
  g_autofree char *text = NULL;
  InsSlaState state;
  gboolean is_paused;
  guint told = 0;

  ins_queue_item_watch (item, count_watch, &told);
  ins_queue_item_update (item, on_time, now);
  ins_queue_item_update (item, same, now);
  g_assert_cmpuint (told, ==, 0);

  /* Two days and two hours left, then 47 hours: the same words, due soon. */
  ins_queue_item_update (item, on_time, morning);
  g_assert_cmpuint (told, ==, 1);
  g_assert_true (ins_queue_item_get_due_state (item, &state, &is_paused));
  g_assert_cmpint (state, ==, INS_SLA_ON_TIME);
  text = g_strdup (ins_queue_item_get_due (item));
  ins_queue_item_update (item, on_time, afternoon);
  g_assert_cmpuint (told, ==, 2);
  g_assert_cmpstr (ins_queue_item_get_due (item), ==, text);
  g_assert_true (ins_queue_item_get_due_state (item, &state, &is_paused));
  g_assert_cmpint (state, ==, INS_SLA_DUE_SOON);
  g_assert_false (is_paused);
  ins_queue_item_update (item, on_time, afternoon);
  g_assert_cmpuint (told, ==, 2);

  ins_queue_item_update (item, paused, now);
  g_assert_cmpuint (told, ==, 3);
  g_assert_true (ins_queue_item_get_due_state (item, &state, &is_paused));
  g_assert_true (is_paused);

  ins_queue_item_update (item, closed, now);
  g_assert_cmpuint (told, ==, 4);
  g_assert_false (ins_queue_item_get_due_state (item, NULL, NULL));
  ins_queue_item_update (item, closed, afternoon);
  g_assert_cmpuint (told, ==, 4);
  ins_queue_item_unwatch (item, &told);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  ins_test_i18n_init ();
  adw_init ();
  g_test_add_func ("/queue-due-look/each-state", test_each_state_look);
  g_test_add_func ("/queue-due-look/shared", test_look_shared);
  g_test_add_func ("/queue-due-look/item-state", test_item_due_state);
  g_test_add_func ("/queue-due-look/item-notifies-look-changes", test_item_notifies_look_changes);
  return g_test_run ();
}
