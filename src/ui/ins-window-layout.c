/* ins-window-layout.c — the workspace's three panes: their widths, the affaire
 * pane shown or folded away, kept per agent in GSettings */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include "ins-queue-view.h"
#include "ins-window.h"
#include "ins-window-private.h"

/* The least the documents need beside the other panes: a page next to its
 * thumbnails, under the whole toolbar. */
#define DOCUMENTS_MIN_WIDTH 440
#define AFFAIRE_DEFAULT_WIDTH 360

typedef struct {
  GtkPaned        *outer;        /* queue | inner */
  GtkPaned        *inner;        /* affaire | documents */
  GtkWidget       *queue;
  GtkWidget       *affaire;
  GtkToggleButton *toggle;
  GSettings       *settings;     /* NULL: nothing kept */
  GdkSurface      *surface;      /* borrowed, while realized */
  guint            update_source;
  int              queue_width;  /* while the queue is folded away too */
  gboolean         chosen;       /* the agent showed or hid the affaire pane */
} Layout;

static void
layout_free (Layout *layout)
{
  g_clear_handle_id (&layout->update_source, g_source_remove);
  g_clear_object (&layout->settings);
  g_free (layout);
}

static Layout *
layout_of (InsWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "ins-window-layout");
}

static GtkWidget *
template_child (InsWindow *self, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), INS_TYPE_WINDOW, name));
}

int
ins_window_layout_queue_fit_width (InsWindow *self)
{
  InsQueueView *queue = ins_window_get_queue_view (self);
  GtkWidget *columns = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (queue), INS_TYPE_QUEUE_VIEW,
                                                                  "column_view"));
  GtkWidget *scrolled = gtk_widget_get_parent (columns);
  GtkWidget *scrollbar = gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (scrolled));
  int width = 0;
  int bar = 0;

  gtk_widget_measure (columns, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  gtk_widget_measure (scrollbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &bar, NULL, NULL);
  return width + bar;
}

/* The documents always show. Until the agent decides, the affaire pane shows
 * when the three panes fit; when the agent asks for it and they do not, the
 * queue folds away: queue and documents to choose, affaire and documents to
 * work. */
static void
update_panes (InsWindow *self)
{
  Layout *layout = layout_of (self);
  int room = gtk_widget_get_width (GTK_WIDGET (layout->outer));
  gboolean fits;

  if (room <= 0)
    return;
  if (gtk_widget_get_visible (layout->queue))
    layout->queue_width = gtk_paned_get_position (layout->outer);
  fits = room >= layout->queue_width + gtk_paned_get_position (layout->inner) + DOCUMENTS_MIN_WIDTH;
  if (!layout->chosen)
    gtk_toggle_button_set_active (layout->toggle, fits);
  gtk_widget_set_visible (layout->queue, fits || !gtk_toggle_button_get_active (layout->toggle));
}

static gboolean
update_later (gpointer data)
{
  InsWindow *self = data;

  layout_of (self)->update_source = 0;
  update_panes (self);
  return G_SOURCE_REMOVE;
}

/* After the allocation that follows a new size, never during it. */
static void
on_resized (InsWindow *self)
{
  Layout *layout = layout_of (self);

  if (layout->update_source == 0 && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    layout->update_source = g_idle_add (update_later, self);
}

static void
on_toggled (GtkToggleButton *toggle, InsWindow *self)
{
  update_panes (self);
}

static void
choose (InsWindow *self, gboolean affaire_shown)
{
  Layout *layout = layout_of (self);

  layout->chosen = TRUE;
  if (layout->settings != NULL)
    g_settings_set_boolean (layout->settings, "affaire-pane-visible", affaire_shown);
  gtk_toggle_button_set_active (layout->toggle, affaire_shown);
}

static void
on_toggle_clicked (GtkToggleButton *toggle, InsWindow *self)
{
  choose (self, gtk_toggle_button_get_active (toggle));
}

static void
on_main_page (GtkStack *stack, GParamSpec *pspec, InsWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (layout_of (self)->toggle),
                          g_strcmp0 (gtk_stack_get_visible_child_name (stack), "workspace") == 0);
}

static void
on_realize (GtkWidget *outer, InsWindow *self)
{
  Layout *layout = layout_of (self);
  int queue = layout->settings ? g_settings_get_int (layout->settings, "queue-pane-width") : 0;

  /* The queue's columns are measured once styled: by default they all show. */
  layout->queue_width = queue > 0 ? queue : ins_window_layout_queue_fit_width (self);
  gtk_paned_set_position (layout->outer, layout->queue_width);
  if (layout->surface == NULL)
    {
      layout->surface = gtk_native_get_surface (gtk_widget_get_native (outer));
      g_signal_connect_object (layout->surface, "notify::width", G_CALLBACK (on_resized), self, G_CONNECT_SWAPPED);
    }
}

static void
on_unrealize (GtkWidget *outer, InsWindow *self)
{
  Layout *layout = layout_of (self);

  if (layout->surface != NULL)
    g_signal_handlers_disconnect_by_data (layout->surface, self);
  layout->surface = NULL;
}

static void
on_destroy (InsWindow *self)
{
  g_clear_handle_id (&layout_of (self)->update_source, g_source_remove);
}

static gboolean
on_close_request (GtkWindow *window, InsWindow *self)
{
  Layout *layout = layout_of (self);

  if (layout->settings == NULL)
    return FALSE;
  if (gtk_widget_get_visible (layout->queue))
    layout->queue_width = gtk_paned_get_position (layout->outer);
  g_settings_set_int (layout->settings, "queue-pane-width", layout->queue_width);
  if (gtk_widget_get_visible (layout->affaire))
    g_settings_set_int (layout->settings, "affaire-pane-width", gtk_paned_get_position (layout->inner));
  return FALSE;  /* let the window close */
}

static void
action_toggle_affaire (GtkWidget *widget, const char *name, GVariant *param)
{
  Layout *layout = layout_of (INS_WINDOW (widget));

  if (gtk_widget_get_visible (GTK_WIDGET (layout->toggle)))
    choose (INS_WINDOW (widget), !gtk_toggle_button_get_active (layout->toggle));
}

void
ins_window_layout_show_queue (InsWindow *self)
{
  Layout *layout = layout_of (self);

  if (!gtk_widget_get_visible (layout->queue))
    choose (self, FALSE);
}

/* The agent opened or took an affaire: it shows beside its documents, the
 * queue folding away when the three panes do not fit. Not saved: the next
 * start shows the panes as the agent last chose with the toggle. */
void
ins_window_layout_show_affaire (InsWindow *self)
{
  Layout *layout = layout_of (self);

  layout->chosen = TRUE;
  gtk_toggle_button_set_active (layout->toggle, TRUE);
}

void
ins_window_layout_class_init (GtkWidgetClass *widget_class)
{
  /* Looked up with gtk_widget_get_template_child (), no field of their own. */
  gtk_widget_class_bind_template_child_full (widget_class, "outer_paned", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "inner_paned", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "affaire_button", FALSE, 0);
  gtk_widget_class_install_action (widget_class, "win.toggle-affaire", NULL, action_toggle_affaire);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-affaire", NULL);
}

void
ins_window_layout_init (InsWindow *self)
{
  Layout *layout = g_new0 (Layout, 1);

  layout->outer = GTK_PANED (template_child (self, "outer_paned"));
  layout->inner = GTK_PANED (template_child (self, "inner_paned"));
  layout->queue = GTK_WIDGET (ins_window_get_queue_view (self));
  layout->affaire = template_child (self, "affaire_panel");
  layout->toggle = GTK_TOGGLE_BUTTON (template_child (self, "affaire_button"));
  g_object_set_data_full (G_OBJECT (self), "ins-window-layout", layout, (GDestroyNotify) layout_free);

  g_object_bind_property (layout->toggle, "active", layout->affaire, "visible", G_BINDING_SYNC_CREATE);
  gtk_paned_set_position (layout->inner, AFFAIRE_DEFAULT_WIDTH);
  g_signal_connect (layout->toggle, "clicked", G_CALLBACK (on_toggle_clicked), self);
  g_signal_connect (layout->toggle, "toggled", G_CALLBACK (on_toggled), self);
  g_signal_connect (layout->outer, "realize", G_CALLBACK (on_realize), self);
  g_signal_connect (layout->outer, "unrealize", G_CALLBACK (on_unrealize), self);
  g_signal_connect_swapped (layout->outer, "notify::max-position", G_CALLBACK (on_resized), self);
  g_signal_connect (template_child (self, "main_stack"), "notify::visible-child-name",
                    G_CALLBACK (on_main_page), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), self);
  g_signal_connect (self, "destroy", G_CALLBACK (on_destroy), NULL);
}

void
ins_window_layout_use_settings (InsWindow *self,
                                GSettings *settings)
{
  Layout *layout = layout_of (self);
  g_autoptr(GVariant) chosen = NULL;

  g_set_object (&layout->settings, settings);
  gtk_paned_set_position (layout->inner, g_settings_get_int (settings, "affaire-pane-width"));
  if (gtk_widget_get_realized (GTK_WIDGET (layout->outer)))
    on_realize (GTK_WIDGET (layout->outer), self);
  chosen = g_settings_get_user_value (settings, "affaire-pane-visible");
  layout->chosen = chosen != NULL;
  if (layout->chosen)
    gtk_toggle_button_set_active (layout->toggle, g_variant_get_boolean (chosen));
}
