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
  InsWindowLayout *layout = &self->layout;
  int room = gtk_widget_get_width (GTK_WIDGET (self->outer_paned));
  gboolean fits;

  if (room <= 0)
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (self->queue_view)))
    layout->queue_width = gtk_paned_get_position (self->outer_paned);
  fits = room >= layout->queue_width + gtk_paned_get_position (self->inner_paned) + DOCUMENTS_MIN_WIDTH;
  if (!layout->chosen)
    gtk_toggle_button_set_active (self->affaire_button, fits);
  gtk_widget_set_visible (GTK_WIDGET (self->queue_view), fits || !gtk_toggle_button_get_active (self->affaire_button));
}

static gboolean
update_later (gpointer data)
{
  InsWindow *self = data;

  self->layout.update_source = 0;
  update_panes (self);
  return G_SOURCE_REMOVE;
}

/* After the allocation that follows a new size, never during it. */
static void
on_resized (InsWindow *self)
{
  InsWindowLayout *layout = &self->layout;

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
  InsWindowLayout *layout = &self->layout;

  layout->chosen = TRUE;
  if (layout->settings != NULL)
    g_settings_set_boolean (layout->settings, "affaire-pane-visible", affaire_shown);
  gtk_toggle_button_set_active (self->affaire_button, affaire_shown);
}

static void
on_toggle_clicked (GtkToggleButton *toggle, InsWindow *self)
{
  choose (self, gtk_toggle_button_get_active (toggle));
}

static void
on_main_page (GtkStack *stack, GParamSpec *pspec, InsWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->affaire_button),
                          g_strcmp0 (gtk_stack_get_visible_child_name (stack), "workspace") == 0);
}

static void
on_realize (GtkWidget *outer, InsWindow *self)
{
  InsWindowLayout *layout = &self->layout;
  int queue = layout->settings ? g_settings_get_int (layout->settings, "queue-pane-width") : 0;

  /* The queue's columns are measured once styled: by default they all show. */
  layout->queue_width = queue > 0 ? queue : ins_window_layout_queue_fit_width (self);
  gtk_paned_set_position (self->outer_paned, layout->queue_width);
  if (layout->surface == NULL)
    {
      layout->surface = gtk_native_get_surface (gtk_widget_get_native (outer));
      g_signal_connect_object (layout->surface, "notify::width", G_CALLBACK (on_resized), self, G_CONNECT_SWAPPED);
    }
}

static void
on_unrealize (GtkWidget *outer, InsWindow *self)
{
  InsWindowLayout *layout = &self->layout;

  if (layout->surface != NULL)
    g_signal_handlers_disconnect_by_data (layout->surface, self);
  layout->surface = NULL;
}

static void
on_destroy (InsWindow *self)
{
  g_clear_handle_id (&self->layout.update_source, g_source_remove);
}

static gboolean
on_close_request (GtkWindow *window, InsWindow *self)
{
  InsWindowLayout *layout = &self->layout;

  if (layout->settings == NULL)
    return FALSE;
  if (gtk_widget_get_visible (GTK_WIDGET (self->queue_view)))
    layout->queue_width = gtk_paned_get_position (self->outer_paned);
  g_settings_set_int (layout->settings, "queue-pane-width", layout->queue_width);
  if (gtk_widget_get_visible (GTK_WIDGET (self->affaire_panel)))
    g_settings_set_int (layout->settings, "affaire-pane-width", gtk_paned_get_position (self->inner_paned));
  return FALSE;  /* let the window close */
}

static void
action_toggle_affaire (GtkWidget *widget, const char *name, GVariant *param)
{
  InsWindow *self = INS_WINDOW (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->affaire_button)))
    choose (self, !gtk_toggle_button_get_active (self->affaire_button));
}

void
ins_window_layout_show_queue (InsWindow *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->queue_view)))
    choose (self, FALSE);
}

/* The agent opened or took an affaire: it shows beside its documents, the
 * queue folding away when the three panes do not fit. Not saved: the next
 * start shows the panes as the agent last chose with the toggle. */
void
ins_window_layout_show_affaire (InsWindow *self)
{
  self->layout.chosen = TRUE;
  gtk_toggle_button_set_active (self->affaire_button, TRUE);
}

void
ins_window_layout_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, InsWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, InsWindow, affaire_button);
  gtk_widget_class_install_action (widget_class, "win.toggle-affaire", NULL, action_toggle_affaire);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-affaire", NULL);
}

void
ins_window_layout_init (InsWindow *self)
{
  g_object_bind_property (self->affaire_button, "active", self->affaire_panel, "visible", G_BINDING_SYNC_CREATE);
  gtk_paned_set_position (self->inner_paned, AFFAIRE_DEFAULT_WIDTH);
  g_signal_connect (self->affaire_button, "clicked", G_CALLBACK (on_toggle_clicked), self);
  g_signal_connect (self->affaire_button, "toggled", G_CALLBACK (on_toggled), self);
  g_signal_connect (self->outer_paned, "realize", G_CALLBACK (on_realize), self);
  g_signal_connect (self->outer_paned, "unrealize", G_CALLBACK (on_unrealize), self);
  g_signal_connect_swapped (self->outer_paned, "notify::max-position", G_CALLBACK (on_resized), self);
  g_signal_connect (self->main_stack, "notify::visible-child-name", G_CALLBACK (on_main_page), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), self);
  g_signal_connect (self, "destroy", G_CALLBACK (on_destroy), NULL);
}

void
ins_window_layout_dispose (InsWindow *self)
{
  g_clear_handle_id (&self->layout.update_source, g_source_remove);
  g_clear_object (&self->layout.settings);
}

void
ins_window_layout_use_settings (InsWindow *self,
                                GSettings *settings)
{
  InsWindowLayout *layout = &self->layout;
  g_autoptr(GVariant) chosen = NULL;

  g_set_object (&layout->settings, settings);
  gtk_paned_set_position (self->inner_paned, g_settings_get_int (settings, "affaire-pane-width"));
  if (gtk_widget_get_realized (GTK_WIDGET (self->outer_paned)))
    on_realize (GTK_WIDGET (self->outer_paned), self);
  chosen = g_settings_get_user_value (settings, "affaire-pane-visible");
  layout->chosen = chosen != NULL;
  if (layout->chosen)
    gtk_toggle_button_set_active (self->affaire_button, g_variant_get_boolean (chosen));
}
