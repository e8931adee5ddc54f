/* ins-queue-due-look.c — the deadline's look as Pango attributes, not style
 * classes: a jump rebinds some 200 rows, and a style class changed on each
 * deadline label restyled them all, which cost the first frame after a jump
 * more than the rest of the queue (same looks as .ins-sla in style.css). */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <adwaita.h>

#include "ins-queue-cell.h"
#include "ins-queue-due-look.h"

/* Looks are numbered state * 2 + paused; PLAIN (no deadline) has none. */
#define N_LOOKS (INS_N_SLA_STATES * 2)
#define PLAIN   N_LOOKS

static const struct {
  const char *color;
  gboolean    bold;
} state_looks[INS_N_SLA_STATES] = {
  [INS_SLA_ON_TIME]  = { "success_color", FALSE },
  [INS_SLA_DUE_SOON] = { "warning_color", TRUE },
  [INS_SLA_BREACHED] = { "error_color", TRUE },
};

static PangoAttrList *looks[N_LOOKS];   /* built at first use, again when the theme changes */
static GPtrArray *labels;               /* every deadline label given a look, weakly */
static GQuark look_quark;
static guint relook_source;

static PangoAttrList *
build_look (GtkWidget *widget, guint look)
{
  guint state = look / 2;
  PangoAttrList *attrs = pango_attr_list_new ();
  GdkRGBA rgba;
  gboolean found;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), state_looks[state].color, &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (found)
    {
      pango_attr_list_insert (attrs, pango_attr_foreground_new ((guint16) (rgba.red * 65535), (guint16) (rgba.green * 65535),
                                                                (guint16) (rgba.blue * 65535)));
      if (rgba.alpha < 1.0)
        pango_attr_list_insert (attrs, pango_attr_foreground_alpha_new ((guint16) (rgba.alpha * 65535)));
    }
  if (state_looks[state].bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (look % 2 == 1)
    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  return attrs;
}

static void
set_look (InsQueueCell *label, guint look)
{
  if (look != PLAIN && looks[look] == NULL)
    looks[look] = build_look (GTK_WIDGET (label), look);
  ins_queue_cell_set_attributes (label, look == PLAIN ? NULL : looks[look]);
  g_object_set_qdata (G_OBJECT (label), look_quark, GUINT_TO_POINTER (look + 1));
}

/* After the style manager's notification, once the theme's stylesheet for
 * the new mode is the one applied. */
static gboolean
relook (gpointer data)
{
  relook_source = 0;
  for (guint i = 0; i < N_LOOKS; i++)
    g_clear_pointer (&looks[i], pango_attr_list_unref);
  for (guint i = 0; i < labels->len; i++)
    {
      InsQueueCell *label = g_ptr_array_index (labels, i);

      set_look (label, GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (label), look_quark)) - 1);
    }
  return G_SOURCE_REMOVE;
}

static void
on_theme_changed (void)
{
  if (relook_source == 0)
    relook_source = g_idle_add (relook, NULL);
}

static void
forget_label (gpointer data, GObject *label)
{
  g_ptr_array_remove_fast (labels, label);
}

static void
track (InsQueueCell *label)
{
  if (labels == NULL)
    {
      AdwStyleManager *manager = adw_style_manager_get_default ();

      labels = g_ptr_array_new ();
      g_signal_connect (manager, "notify::dark", G_CALLBACK (on_theme_changed), NULL);
      g_signal_connect (manager, "notify::high-contrast", G_CALLBACK (on_theme_changed), NULL);
    }
  g_ptr_array_add (labels, label);
  g_object_weak_ref (G_OBJECT (label), forget_label, NULL);
}

static void
apply (InsQueueCell *label, guint look)
{
  guint applied;

  if (look_quark == 0)
    look_quark = g_quark_from_static_string ("ins-queue-due-look");
  applied = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (label), look_quark));
  if (applied == look + 1)
    return;
  if (applied == 0)
    track (label);
  set_look (label, look);
}

void
ins_queue_due_look_apply (InsQueueCell *label,
                          InsSlaState   state,
                          gboolean      paused)
{
  g_return_if_fail (INS_IS_QUEUE_CELL (label));
  g_return_if_fail ((guint) state < INS_N_SLA_STATES);
  apply (label, state * 2 + (paused ? 1 : 0));
}

void
ins_queue_due_look_clear (InsQueueCell *label)
{
  g_return_if_fail (INS_IS_QUEUE_CELL (label));
  apply (label, PLAIN);
}
