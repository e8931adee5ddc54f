/* ins-queue-layouts.c — a column's texts laid out once, shared by its cells
 *
 * Most queue columns say one of few texts (type, country, status, agent,
 * dates): shaping each again in every row drawn after a jump was most of
 * the queue's paint. Layouts are kept per column, keyed by text and
 * attributes, for the column's width and font; bounded, emptied when full. */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <pango/pangocairo.h>

#include "ins-queue-layouts.h"

#define MAX_LAYOUTS 512

typedef struct {
  char          *text;
  PangoAttrList *attrs;     /* a reference: its address stays unique while kept */
} Key;

struct _InsQueueLayouts
{
  GHashTable           *layouts;   /* Key → PangoLayout */
  int                   width;
  PangoFontDescription *font;      /* of the layouts kept, NULL when none */
  double                resolution;
  cairo_font_options_t *options;
};

static guint
key_hash (gconstpointer data)
{
  const Key *key = data;

  return g_str_hash (key->text) ^ g_direct_hash (key->attrs);
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
  const Key *ka = a, *kb = b;

  return ka->attrs == kb->attrs && g_str_equal (ka->text, kb->text);
}

static void
key_free (gpointer data)
{
  Key *key = data;

  g_free (key->text);
  g_clear_pointer (&key->attrs, pango_attr_list_unref);
  g_free (key);
}

PangoLayout *
ins_queue_layout_new (GtkWidget *widget, const char *text, PangoAttrList *attrs, int width)
{
  g_autoptr(PangoAttrList) all = attrs ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  /* The queue's figures line up (style.css gives .ins-queue "tnum", which
   * reaches labels only). */
  pango_attr_list_insert_before (all, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, all);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (width > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, width * PANGO_SCALE);
    }
  return layout;
}

InsQueueLayouts *
ins_queue_layouts_new (void)
{
  InsQueueLayouts *self = g_rc_box_new0 (InsQueueLayouts);

  self->layouts = g_hash_table_new_full (key_hash, key_equal, key_free, g_object_unref);
  return self;
}

InsQueueLayouts *
ins_queue_layouts_ref (InsQueueLayouts *self)
{
  return g_rc_box_acquire (self);
}

static void
forget_font (InsQueueLayouts *self)
{
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->options, cairo_font_options_destroy);
}

static void
clear (gpointer data)
{
  InsQueueLayouts *self = data;

  g_hash_table_unref (self->layouts);
  forget_font (self);
}

void
ins_queue_layouts_unref (InsQueueLayouts *self)
{
  g_rc_box_release_full (self, clear);
}

/* Whether @context lays text out as the kept layouts were. */
static gboolean
same_font (InsQueueLayouts *self, PangoContext *context)
{
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

  return self->font != NULL
         && pango_font_description_equal (self->font, pango_context_get_font_description (context))
         && self->resolution == pango_cairo_context_get_resolution (context)
         && (options == NULL ? self->options == NULL
                             : self->options != NULL && cairo_font_options_equal (self->options, options));
}

static void
restart (InsQueueLayouts *self, PangoContext *context, int width)
{
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

  g_hash_table_remove_all (self->layouts);
  forget_font (self);
  self->font = pango_font_description_copy (pango_context_get_font_description (context));
  self->resolution = pango_cairo_context_get_resolution (context);
  self->options = options ? cairo_font_options_copy (options) : NULL;
  self->width = width;
}

PangoLayout *
ins_queue_layouts_get (InsQueueLayouts *self,
                       GtkWidget       *widget,
                       const char      *text,
                       PangoAttrList   *attrs,
                       int              width)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  Key lookup = { (char *) text, attrs };
  PangoLayout *layout;
  Key *key;

  if (width != self->width || g_hash_table_size (self->layouts) >= MAX_LAYOUTS || !same_font (self, context))
    restart (self, context, width);
  layout = g_hash_table_lookup (self->layouts, &lookup);
  if (layout != NULL)
    return layout;
  layout = ins_queue_layout_new (widget, text, attrs, width);
  key = g_new (Key, 1);
  key->text = g_strdup (text);
  key->attrs = attrs ? pango_attr_list_ref (attrs) : NULL;
  g_hash_table_insert (self->layouts, key, layout);
  return layout;
}
