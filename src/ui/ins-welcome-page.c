/* ins-welcome-page.c — shown at first start, when no database is configured */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-welcome-page.h"

struct _InsWelcomePage
{
  AdwBin parent_instance;

  /* template widgets */
  AdwStatusPage *status_page;
  GtkButton     *connect_button;
  GtkButton     *demo_button;
};

G_DEFINE_FINAL_TYPE (InsWelcomePage, ins_welcome_page, ADW_TYPE_BIN)

static void
ins_welcome_page_class_init (InsWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/ameli/Instruction/ui/ins-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, InsWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, InsWelcomePage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, InsWelcomePage, demo_button);
}

static void
ins_welcome_page_init (InsWelcomePage *self)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Run from the build tree the profile's icon is not installed: the one in
   * the resources (under the application's resource path) stands in. */
  adw_status_page_set_icon_name (self->status_page, gtk_icon_theme_has_icon (theme, APPLICATION_ID)
                                                    ? APPLICATION_ID : "fr.ameli.Instruction");
}

GtkWidget *
ins_welcome_page_new (void)
{
  return g_object_new (INS_TYPE_WELCOME_PAGE, NULL);
}

GtkWindow *
ins_welcome_page_new_window (GtkApplication *application)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *window = g_object_new (ADW_TYPE_APPLICATION_WINDOW,
                                    "application", application,
                                    "title", _("Instruction"),
                                    "default-width", 800,
                                    "default-height", 640,
                                    NULL);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), ins_welcome_page_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  return GTK_WINDOW (window);
}
