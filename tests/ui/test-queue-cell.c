/* test-queue-cell.c — queue cells, the layouts a column shares between them, short texts */
#include "config.h"

#include <gtk/gtk.h>

#include "core/ins-affaire.h"
#include "ui/ins-queue-cell.h"
#include "ui/ins-queue-item.h"
#include "ui/ins-queue-layouts.h"
#include "ins-test-i18n.h"
#include "ins-test-widget.h"

/* A window holding @cells in a column, laid out and drawn once. */
static GtkWidget *
window_with (GtkWidget **cells, guint n)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  for (guint i = 0; i < n; i++)
    {
      gtk_widget_set_size_request (cells[i], 120, -1);
      gtk_box_append (GTK_BOX (box), cells[i]);
    }
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  ins_test_settle (200);
  return window;
}

static void
test_layouts_shared_by_text (void)
{
  g_autoptr(InsQueueLayouts) layouts = ins_queue_layouts_new ();
  GtkWidget *cells[] = { ins_queue_cell_new (0.0f, TRUE, layouts), ins_queue_cell_new (0.0f, TRUE, layouts) };
  GtkWidget *window = window_with (cells, G_N_ELEMENTS (cells));
  g_autoptr(PangoAttrList) bold = pango_attr_list_new ();
  PangoLayout *first, *again, *other, *bolder, *wider;

  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  first = ins_queue_layouts_get (layouts, cells[0], "Espagne", NULL, 120);
  again = ins_queue_layouts_get (layouts, cells[1], "Espagne", NULL, 120);
  other = ins_queue_layouts_get (layouts, cells[1], "Portugal", NULL, 120);
  bolder = ins_queue_layouts_get (layouts, cells[1], "Espagne", bold, 120);
  g_assert_true (first == again);
  g_assert_cmpstr (pango_layout_get_text (first), ==, "Espagne");
  g_assert_cmpstr (pango_layout_get_text (other), ==, "Portugal");
  g_assert_true (bolder != first);
  g_assert_cmpint (pango_layout_get_width (first), ==, 120 * PANGO_SCALE);
  g_assert_cmpint (pango_layout_get_ellipsize (first), ==, PANGO_ELLIPSIZE_END);

  /* Another width: the column was resized, every layout is made again. */
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  wider = ins_queue_layouts_get (layouts, cells[0], "Espagne", NULL, 200);
  g_assert_null (first);
  g_assert_cmpint (pango_layout_get_width (wider), ==, 200 * PANGO_SCALE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The layouts kept are bounded: a column of all-different texts does not grow
 * them without end. */
static void
test_layouts_bounded (void)
{
  g_autoptr(InsQueueLayouts) layouts = ins_queue_layouts_new ();
  GtkWidget *cells[] = { ins_queue_cell_new (0.0f, FALSE, layouts) };
  GtkWidget *window = window_with (cells, 1);
  PangoLayout *first = ins_queue_layouts_get (layouts, cells[0], "0", NULL, -1);

  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  for (guint i = 1; i < 5000 && first != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      ins_queue_layouts_get (layouts, cells[0], text, NULL, -1);
    }
  g_assert_null (first);
  gtk_window_destroy (GTK_WINDOW (window));
}

static int
cell_height (GtkWidget *cell)
{
  int minimum, natural;

  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  return natural;
}

/* A larger font (accessibility's large text) reaches the cells already made:
 * their height and the layouts they share follow it. */
static void
test_font_change_reaches_cells (void)
{
  g_autoptr(InsQueueLayouts) layouts = ins_queue_layouts_new ();
  GtkWidget *cells[] = { ins_queue_cell_new (0.0f, TRUE, layouts) };
  GtkWidget *window = window_with (cells, 1);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  PangoLayout *small, *large;
  int before = cell_height (cells[0]);
  int small_height, large_height;

  ins_queue_cell_set_text (INS_QUEUE_CELL (cells[0]), "Espagne");
  small = ins_queue_layouts_get (layouts, cells[0], "Espagne", NULL, 120);
  pango_layout_get_pixel_size (small, NULL, &small_height);
  g_object_add_weak_pointer (G_OBJECT (small), (gpointer *) &small);

  gtk_css_provider_load_from_data (provider, "label { font-size: 30px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  ins_test_settle (200);

  g_assert_cmpint (cell_height (cells[0]), >, before + 10);
  large = ins_queue_layouts_get (layouts, cells[0], "Espagne", NULL, 120);
  g_assert_null (small);
  pango_layout_get_pixel_size (large, NULL, &large_height);
  g_assert_cmpint (large_height, >, small_height + 10);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The pixels @cell draws. */
static GBytes *
cell_pixels (GtkWidget *cell)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (cell);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (cell), height = gtk_widget_get_height (cell);
  g_autofree guchar *data = g_malloc0 ((gsize) width * height * 4);

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, (gsize) width * 4);
  gsk_renderer_unrealize (renderer);
  return g_bytes_new_take (g_steal_pointer (&data), (gsize) width * height * 4);
}

/* A cell drawn with one text, then given another, draws what a cell given
 * only the second draws, whether it has its own layout or shares them. */
static void
test_reused_cell_draws_new_text (void)
{
  g_autoptr(InsQueueLayouts) layouts = ins_queue_layouts_new ();
  GtkWidget *cells[] = { ins_queue_cell_new (1.0f, FALSE, NULL), ins_queue_cell_new (1.0f, FALSE, NULL),
                         ins_queue_cell_new (0.0f, TRUE, layouts), ins_queue_cell_new (0.0f, TRUE, layouts) };
  GtkWidget *window = window_with (cells, G_N_ELEMENTS (cells));

  for (guint i = 0; i < G_N_ELEMENTS (cells); i += 2)
    {
      g_autoptr(GBytes) first = NULL, reused = NULL, fresh = NULL;

      ins_queue_cell_set_text (INS_QUEUE_CELL (cells[i]), "12 345,67 USD");
      ins_test_settle (200);
      first = cell_pixels (cells[i]);
      ins_queue_cell_set_text (INS_QUEUE_CELL (cells[i]), "443,4 M VND");
      ins_queue_cell_set_text (INS_QUEUE_CELL (cells[i + 1]), "443,4 M VND");
      ins_test_settle (200);
      reused = cell_pixels (cells[i]);
      fresh = cell_pixels (cells[i + 1]);
      g_assert_false (g_bytes_equal (first, fresh));
      g_assert_true (g_bytes_equal (reused, fresh));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A cell drawn before a font change draws what a new cell draws after it,
 * though its layout was made in the context of a cell gone since (rows are
 * made and dropped as the list scrolls). */
static void
test_font_change_redraws_shared_cell (void)
{
  g_autoptr(InsQueueLayouts) layouts = ins_queue_layouts_new ();
  GtkWidget *gone = ins_queue_cell_new (0.0f, FALSE, layouts);
  GtkWidget *cells[] = { gone, ins_queue_cell_new (0.0f, FALSE, layouts), ins_queue_cell_new (0.0f, FALSE, layouts) };
  GtkWidget *window = window_with (cells, G_N_ELEMENTS (cells));
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GBytes) old = NULL, fresh = NULL;

  ins_queue_cell_set_text (INS_QUEUE_CELL (gone), "Espagne");
  ins_test_settle (200);
  g_bytes_unref (cell_pixels (gone));
  ins_queue_cell_set_text (INS_QUEUE_CELL (cells[1]), "Espagne");
  ins_test_settle (200);
  g_bytes_unref (cell_pixels (cells[1]));
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (gone)), gone);

  gtk_css_provider_load_from_data (provider, "label { font-size: 24px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  ins_test_settle (200);
  ins_queue_cell_set_text (INS_QUEUE_CELL (cells[2]), "Espagne");
  ins_test_settle (200);
  old = cell_pixels (cells[1]);
  fresh = cell_pixels (cells[2]);
  g_assert_true (g_bytes_equal (old, fresh));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A cell's text and its cut: the tooltip shows the whole text only when cut. */
static void
test_cell_text_and_cut (void)
{
  g_autoptr(InsQueueLayouts) layouts = ins_queue_layouts_new ();
  GtkWidget *cells[] = { ins_queue_cell_new (0.0f, TRUE, layouts), ins_queue_cell_new (1.0f, FALSE, NULL) };
  GtkWidget *window = window_with (cells, G_N_ELEMENTS (cells));

  ins_queue_cell_set_text (INS_QUEUE_CELL (cells[0]), "Bosnie-Herzégovine et bien plus loin encore");
  g_assert_true (ins_queue_cell_is_ellipsized (INS_QUEUE_CELL (cells[0])));
  ins_queue_cell_set_text (INS_QUEUE_CELL (cells[0]), "Espagne");
  g_assert_false (ins_queue_cell_is_ellipsized (INS_QUEUE_CELL (cells[0])));
  g_assert_cmpstr (ins_queue_cell_get_text (INS_QUEUE_CELL (cells[0])), ==, "Espagne");

  /* A cell with its own layout takes a new text in it. */
  ins_queue_cell_set_text (INS_QUEUE_CELL (cells[1]), "1 234,56 €");
  g_assert_false (ins_queue_cell_is_ellipsized (INS_QUEUE_CELL (cells[1])));
  ins_queue_cell_set_text (INS_QUEUE_CELL (cells[1]), "443,4 M VND");
  g_assert_cmpstr (ins_queue_cell_get_text (INS_QUEUE_CELL (cells[1])), ==, "443,4 M VND");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The narrow agent column says « M. Dupont »; the whole name on hover. */
static void
test_agent_initials (void)
{
  static const char * const names[][2] = {
    { "Marie Dupont", "M. Dupont" },
    { "Jean-Pierre Martin", "J.-P. Martin" },
    { "Élodie Le Gall", "É. Le Gall" },
    { "Karim", "Karim" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(InsQueueRow) row = ins_queue_row_new ();
      g_autoptr(InsQueueItem) item = NULL;

      row->id = 1;
      row->numero = g_strdup ("SE-2026-0000001");
      row->assignee_id = 7;
      row->assignee_name = g_strdup (names[i][0]);
      item = ins_queue_item_new (row, NULL);
      g_assert_cmpstr (ins_queue_item_get_text (item, INS_QUEUE_TEXT_AGENT), ==, names[i][1]);
      g_assert_cmpstr (ins_queue_item_get_full_text (item, INS_QUEUE_TEXT_AGENT), ==, names[i][0]);
      g_assert_cmpstr (ins_queue_item_get_agent (item), ==, names[i][0]);
    }
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  ins_test_i18n_init ();
  g_test_add_func ("/queue-cell/layouts-shared-by-text", test_layouts_shared_by_text);
  g_test_add_func ("/queue-cell/layouts-bounded", test_layouts_bounded);
  g_test_add_func ("/queue-cell/font-change-reaches-cells", test_font_change_reaches_cells);
  g_test_add_func ("/queue-cell/text-and-cut", test_cell_text_and_cut);
  g_test_add_func ("/queue-cell/reused-cell-draws-new-text", test_reused_cell_draws_new_text);
  g_test_add_func ("/queue-cell/agent-initials", test_agent_initials);
  g_test_add_func ("/queue-cell/font-change-redraws-shared-cell", test_font_change_redraws_shared_cell);
  return g_test_run ();
}
