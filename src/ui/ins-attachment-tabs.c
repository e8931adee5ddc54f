/* ins-attachment-tabs.c — the tab strip above the documents, whole from 1 to 10 attachments */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-attachment-tabs.h"

/* A name's length per tab when 1, 2 or 3 tabs share the strip: at 1360 px the
 * documents pane (about 450 px) holds two tabs of 20 characters, three of 13.
 * A tab with an icon gives two characters to it. */
static const guint name_chars[INS_ATTACHMENT_TABS_NAMED_MAX + 1] = { 0, 48, 20, 13 };
#define ICON_CHARS 2

typedef struct {
  GtkWidget *button;
  GtkImage *icon;
  GtkLabel *label;
  char *name;
  char *details;
  char *icon_name;
} Tab;

struct _InsAttachmentTabs
{
  GtkWidget parent_instance;

  GtkBox *strip;
  GtkLabel *caption;

  GPtrArray *tabs;           /* Tab */
  int current;
};

enum { TAB_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (InsAttachmentTabs, ins_attachment_tabs, GTK_TYPE_WIDGET)

char *
ins_attachment_tabs_shorten (const char *name,
                             guint       max_chars)
{
  glong len = g_utf8_strlen (name, -1);
  const char *dot = strrchr (name, '.');
  glong tail, head;
  g_autofree char *start = NULL;

  if (max_chars < 3 || len <= (glong) max_chars)
    return g_strdup (name);
  /* The end keeps the extension and the few characters before it (a number,
   * most often), up to half of what is shown. */
  tail = dot != NULL ? g_utf8_strlen (dot, -1) + 3 : 3;
  tail = MIN (tail, (glong) max_chars / 2);
  head = (glong) max_chars - 1 - tail;
  start = g_utf8_substring (name, 0, head);
  return g_strconcat (start, "…", g_utf8_offset_to_pointer (name, len - tail), NULL);
}

static gboolean
named (InsAttachmentTabs *self)
{
  return self->tabs->len <= INS_ATTACHMENT_TABS_NAMED_MAX;
}

static void
tab_free (gpointer data)
{
  Tab *tab = data;

  g_free (tab->name);
  g_free (tab->details);
  g_free (tab->icon_name);
  g_free (tab);
}

static void
show_tab (InsAttachmentTabs *self, guint index)
{
  Tab *tab = self->tabs->pdata[index];
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  gboolean unreadable = g_strcmp0 (tab->icon_name, "dialog-warning-symbolic") == 0;

  if (named (self))
    {
      guint chars = name_chars[self->tabs->len] - (unreadable ? ICON_CHARS : 0);

      text = ins_attachment_tabs_shorten (tab->name ? tab->name : "", chars);
      gtk_label_set_max_width_chars (tab->label, (int) chars);
    }
  else
    {
      text = g_strdup_printf ("%u", index + 1);
      gtk_label_set_max_width_chars (tab->label, -1);
    }
  gtk_label_set_text (tab->label, text);
  gtk_image_set_from_icon_name (tab->icon, tab->icon_name);
  /* The icon only marks an unreadable attachment: the type is in the name,
   * and three named tabs have no room for it. */
  gtk_widget_set_visible (GTK_WIDGET (tab->icon), unreadable);
  if (unreadable)
    gtk_widget_add_css_class (tab->button, "error");
  else
    gtk_widget_remove_css_class (tab->button, "error");
  gtk_widget_set_tooltip_text (tab->button, tab->details);
  accessible = g_strdup_printf (_("Attachment: %s"), tab->details ? tab->details : text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tab->button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
update_caption (InsAttachmentTabs *self)
{
  Tab *tab;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->caption), !named (self) && self->current >= 0);
  if (named (self) || self->current < 0)
    return;
  tab = self->tabs->pdata[self->current];
  text = g_strdup_printf (_("Attachment: %s"), tab->details ? tab->details : "");
  gtk_label_set_text (self->caption, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->caption), text);
}

static void
on_clicked (GtkButton *button, InsAttachmentTabs *self)
{
  for (guint i = 0; i < self->tabs->len; i++)
    if (((Tab *) self->tabs->pdata[i])->button == GTK_WIDGET (button))
      {
        /* The view says which one is current: a click on it keeps it. */
        ins_attachment_tabs_set_current (self, self->current);
        g_signal_emit (self, signals[TAB_ACTIVATED], 0, i);
        return;
      }
}

static Tab *
tab_new (InsAttachmentTabs *self)
{
  Tab *tab = g_new0 (Tab, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  tab->button = gtk_toggle_button_new ();
  gtk_widget_add_css_class (tab->button, "flat");
  tab->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_visible (GTK_WIDGET (tab->icon), FALSE);
  tab->label = GTK_LABEL (gtk_label_new (NULL));
  /* Shortened beforehand: the end ellipsis only guards a pane narrower than
   * the window's default one. */
  gtk_label_set_ellipsize (tab->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (tab->label, 1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (tab->icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (tab->label));
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (tab->button), box);
  g_signal_connect (tab->button, "clicked", G_CALLBACK (on_clicked), self);
  gtk_box_append (self->strip, tab->button);
  return tab;
}

void
ins_attachment_tabs_set_n_tabs (InsAttachmentTabs *self,
                                guint              n)
{
  g_return_if_fail (INS_IS_ATTACHMENT_TABS (self));

  while (self->tabs->len > n)
    {
      Tab *tab = self->tabs->pdata[self->tabs->len - 1];

      gtk_box_remove (self->strip, tab->button);
      g_ptr_array_set_size (self->tabs, self->tabs->len - 1);
    }
  while (self->tabs->len < n)
    g_ptr_array_add (self->tabs, tab_new (self));
  if (self->current >= (int) n)
    self->current = -1;
  gtk_box_set_homogeneous (self->strip, named (self));
  if (named (self))
    gtk_widget_remove_css_class (GTK_WIDGET (self), "numbered");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "numbered");
  /* The names' lengths follow the count, the kept tabs' too. */
  for (guint i = 0; i < self->tabs->len; i++)
    show_tab (self, i);
  update_caption (self);
}

guint
ins_attachment_tabs_get_n_tabs (InsAttachmentTabs *self)
{
  g_return_val_if_fail (INS_IS_ATTACHMENT_TABS (self), 0);
  return self->tabs->len;
}

void
ins_attachment_tabs_set_tab (InsAttachmentTabs *self,
                             guint              index,
                             const char        *name,
                             const char        *details,
                             const char        *icon_name)
{
  Tab *tab;

  g_return_if_fail (INS_IS_ATTACHMENT_TABS (self));
  g_return_if_fail (index < self->tabs->len);

  tab = self->tabs->pdata[index];
  g_free (tab->name);
  tab->name = g_strdup (name);
  g_free (tab->details);
  tab->details = g_strdup (details);
  g_free (tab->icon_name);
  tab->icon_name = g_strdup (icon_name);
  show_tab (self, index);
  if ((int) index == self->current)
    update_caption (self);
}

void
ins_attachment_tabs_set_current (InsAttachmentTabs *self,
                                 int                index)
{
  g_return_if_fail (INS_IS_ATTACHMENT_TABS (self));
  g_return_if_fail (index < (int) self->tabs->len);

  self->current = index;
  for (guint i = 0; i < self->tabs->len; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (((Tab *) self->tabs->pdata[i])->button), (int) i == index);
  update_caption (self);
}

GtkWidget *
ins_attachment_tabs_get_tab (InsAttachmentTabs *self,
                             guint              index)
{
  g_return_val_if_fail (INS_IS_ATTACHMENT_TABS (self), NULL);
  g_return_val_if_fail (index < self->tabs->len, NULL);
  return ((Tab *) self->tabs->pdata[index])->button;
}

const char *
ins_attachment_tabs_get_tab_text (InsAttachmentTabs *self,
                                  guint              index)
{
  g_return_val_if_fail (INS_IS_ATTACHMENT_TABS (self), NULL);
  g_return_val_if_fail (index < self->tabs->len, NULL);
  return gtk_label_get_text (((Tab *) self->tabs->pdata[index])->label);
}

const char *
ins_attachment_tabs_get_caption (InsAttachmentTabs *self)
{
  g_return_val_if_fail (INS_IS_ATTACHMENT_TABS (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->caption)) ? gtk_label_get_text (self->caption) : NULL;
}

static void
ins_attachment_tabs_dispose (GObject *object)
{
  InsAttachmentTabs *self = INS_ATTACHMENT_TABS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ins_attachment_tabs_parent_class)->dispose (object);
}

static void
ins_attachment_tabs_finalize (GObject *object)
{
  InsAttachmentTabs *self = INS_ATTACHMENT_TABS (object);

  g_clear_pointer (&self->tabs, g_ptr_array_unref);
  G_OBJECT_CLASS (ins_attachment_tabs_parent_class)->finalize (object);
}

static void
ins_attachment_tabs_class_init (InsAttachmentTabsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ins_attachment_tabs_dispose;
  object_class->finalize = ins_attachment_tabs_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attachmenttabs");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  signals[TAB_ACTIVATED] =
    g_signal_new ("tab-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
ins_attachment_tabs_init (InsAttachmentTabs *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->tabs = g_ptr_array_new_with_free_func (tab_free);
  self->current = -1;

  self->strip = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4));
  gtk_widget_set_halign (GTK_WIDGET (self->strip), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->strip), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->strip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Attachments"), -1);

  self->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->caption, 0);
  gtk_label_set_ellipsize (self->caption, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->caption, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->caption), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->caption), GTK_WIDGET (self));
}

GtkWidget *
ins_attachment_tabs_new (void)
{
  return g_object_new (INS_TYPE_ATTACHMENT_TABS, NULL);
}
