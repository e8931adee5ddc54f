/* ins-queue-cell.c — one line of text in a queue cell, laid out only when drawn
 *
 * GTK 4.8's list keeps some 200 rows bound around the view and measures every
 * cell of each, at every jump; a GtkLabel lays its text out to measure it.
 * This cell's height is the font's line height and its width the column's,
 * so only the rows drawn (those in view) ever lay their text out; a column
 * whose texts repeat shares its layouts between its cells. */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include "ins-queue-cell.h"
#include "ins-queue-layouts.h"

struct _InsQueueCell
{
  GtkWidget      parent_instance;

  char            *text;
  PangoAttrList   *attrs;
  PangoLayout     *layout;       /* NULL until drawn after a change; a reference when shared */
  gboolean         text_stale;   /* own layout: the text changed since drawn */
  InsQueueLayouts *shared;       /* the column's, or NULL: the cell lays its text out itself */
  int              line_height;
  guint            font_serial;  /* of the Pango context the line height was measured in */
  float            xalign;
  gboolean         ellipsize;
};

G_DEFINE_FINAL_TYPE (InsQueueCell, ins_queue_cell, GTK_TYPE_WIDGET)

static void
ins_queue_cell_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  InsQueueCell *self = INS_QUEUE_CELL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }
  PangoContext *context = gtk_widget_get_pango_context (widget);

  if (self->line_height == 0 || self->font_serial != pango_context_get_serial (context))
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      self->font_serial = pango_context_get_serial (context);
      /* A shared layout was made in another cell's context, for the old font. */
      if (self->shared != NULL)
        g_clear_object (&self->layout);

      self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      if (self->line_height <= 0)
        self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics)
                                               + pango_font_metrics_get_descent (metrics));
      pango_font_metrics_unref (metrics);
    }
  *minimum = *natural = self->line_height;
}

static PangoLayout *
ensure_layout (InsQueueCell *self)
{
  int width = self->ellipsize ? gtk_widget_get_width (GTK_WIDGET (self)) : -1;

  if (self->shared != NULL)
    {
      if (self->layout == NULL)
        self->layout = g_object_ref (ins_queue_layouts_get (self->shared, GTK_WIDGET (self), self->text,
                                                            self->attrs, width));
    }
  else if (self->layout == NULL)
    self->layout = ins_queue_layout_new (GTK_WIDGET (self), self->text, self->attrs, width);
  else if (self->text_stale)
    pango_layout_set_text (self->layout, self->text, -1);
  self->text_stale = FALSE;
  return self->layout;
}

static void
ins_queue_cell_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  InsQueueCell *self = INS_QUEUE_CELL (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;
  layout = ensure_layout (self);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_snapshot_save (snapshot);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->xalign * MAX (width - logical.width, 0) - logical.x,
                                                          (height - logical.height) / 2.0f - logical.y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
ins_queue_cell_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  InsQueueCell *self = INS_QUEUE_CELL (widget);

  if (self->layout == NULL || !self->ellipsize || pango_layout_get_width (self->layout) == width * PANGO_SCALE)
    return;
  if (self->shared != NULL)
    g_clear_object (&self->layout);
  else
    pango_layout_set_width (self->layout, width * PANGO_SCALE);
}

/* A cell reuses its own layout for a new text, a layout is made again for
 * new attributes (they are the deadline's look, seldom changed). */
static void
forget_layout (InsQueueCell *self, gboolean attrs_changed)
{
  if (self->shared != NULL || attrs_changed)
    g_clear_object (&self->layout);
  else
    self->text_stale = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ins_queue_cell_finalize (GObject *object)
{
  InsQueueCell *self = INS_QUEUE_CELL (object);

  g_free (self->text);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->shared, ins_queue_layouts_unref);
  G_OBJECT_CLASS (ins_queue_cell_parent_class)->finalize (object);
}

static void
ins_queue_cell_class_init (InsQueueCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ins_queue_cell_finalize;
  widget_class->measure = ins_queue_cell_measure;
  widget_class->size_allocate = ins_queue_cell_size_allocate;
  widget_class->snapshot = ins_queue_cell_snapshot;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
ins_queue_cell_init (InsQueueCell *self)
{
  self->text = g_strdup ("");
}

GtkWidget *
ins_queue_cell_new (float xalign, gboolean ellipsize, InsQueueLayouts *shared)
{
  InsQueueCell *self = g_object_new (INS_TYPE_QUEUE_CELL, NULL);

  self->xalign = xalign;
  self->ellipsize = ellipsize;
  self->shared = shared ? ins_queue_layouts_ref (shared) : NULL;
  return GTK_WIDGET (self);
}

const char *
ins_queue_cell_get_text (InsQueueCell *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_CELL (self), NULL);
  return self->text;
}

void
ins_queue_cell_set_text (InsQueueCell *self, const char *text)
{
  g_return_if_fail (INS_IS_QUEUE_CELL (self));
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  forget_layout (self, FALSE);
}

PangoAttrList *
ins_queue_cell_get_attributes (InsQueueCell *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_CELL (self), NULL);
  return self->attrs;
}

void
ins_queue_cell_set_attributes (InsQueueCell *self, PangoAttrList *attrs)
{
  g_return_if_fail (INS_IS_QUEUE_CELL (self));
  if (self->attrs == attrs)
    return;
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  self->attrs = attrs ? pango_attr_list_ref (attrs) : NULL;
  forget_layout (self, TRUE);
}

gboolean
ins_queue_cell_is_ellipsized (InsQueueCell *self)
{
  g_return_val_if_fail (INS_IS_QUEUE_CELL (self), FALSE);
  return self->ellipsize && pango_layout_is_ellipsized (ensure_layout (self));
}
