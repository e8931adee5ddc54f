/* ins-page-thumbnail.c — a page's thumbnail with its number and tag */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-page-thumbnail.h"
#include "ins-page-view.h"

struct _InsPageThumbnail
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *picture;
  GtkWidget *number;
  GtkWidget *tag;

  int page_no;
  InsPageTag tag_value;
};

G_DEFINE_FINAL_TYPE (InsPageThumbnail, ins_page_thumbnail, GTK_TYPE_WIDGET)

static void
update_accessible (InsPageThumbnail *self)
{
  g_autofree char *label = NULL;

  if (self->tag_value == INS_PAGE_TAG_NONE)
    label = g_strdup_printf (_("Page %d"), self->page_no);
  else
    label = g_strdup_printf (_("Page %d, tagged %s"), self->page_no,
                             ins_page_tag_label (self->tag_value));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
ins_page_thumbnail_dispose (GObject *object)
{
  g_clear_pointer (&INS_PAGE_THUMBNAIL (object)->box, gtk_widget_unparent);
  G_OBJECT_CLASS (ins_page_thumbnail_parent_class)->dispose (object);
}

static void
ins_page_thumbnail_class_init (InsPageThumbnailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ins_page_thumbnail_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ins_page_thumbnail_init (InsPageThumbnail *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  self->picture = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (self->picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (self->picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_add_css_class (self->picture, "card");
  gtk_widget_set_halign (self->picture, GTK_ALIGN_CENTER);
  self->number = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->number, "caption");
  self->tag = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->tag, "caption-heading");
  gtk_widget_add_css_class (self->tag, "accent");
  gtk_label_set_wrap (GTK_LABEL (self->tag), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->tag), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (self->tag), 12);
  gtk_widget_set_visible (self->tag, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->picture);
  gtk_box_append (GTK_BOX (self->box), self->number);
  gtk_box_append (GTK_BOX (self->box), self->tag);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
ins_page_thumbnail_new (int page_no, double aspect)
{
  InsPageThumbnail *self = g_object_new (INS_TYPE_PAGE_THUMBNAIL, NULL);
  g_autofree char *number = g_strdup_printf ("%d", page_no);

  self->page_no = page_no;
  gtk_label_set_text (GTK_LABEL (self->number), number);
  ins_page_thumbnail_set_aspect (self, aspect);
  update_accessible (self);
  return GTK_WIDGET (self);
}

int
ins_page_thumbnail_get_page_no (InsPageThumbnail *self)
{
  g_return_val_if_fail (INS_IS_PAGE_THUMBNAIL (self), 0);
  return self->page_no;
}

void
ins_page_thumbnail_set_aspect (InsPageThumbnail *self, double aspect)
{
  g_return_if_fail (INS_IS_PAGE_THUMBNAIL (self));
  gtk_widget_set_size_request (self->picture, INS_PAGE_THUMBNAIL_WIDTH,
                               (int) (INS_PAGE_THUMBNAIL_WIDTH * CLAMP (aspect, 0.2, 5.0)));
}

void
ins_page_thumbnail_set_image (InsPageThumbnail *self, InsPageImage *image)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_if_fail (INS_IS_PAGE_THUMBNAIL (self));
  if (image != NULL)
    texture = ins_page_image_to_texture (image);
  gtk_picture_set_paintable (GTK_PICTURE (self->picture), GDK_PAINTABLE (texture));
}

void
ins_page_thumbnail_set_tag (InsPageThumbnail *self, InsPageTag tag)
{
  g_return_if_fail (INS_IS_PAGE_THUMBNAIL (self));

  self->tag_value = tag;
  gtk_label_set_text (GTK_LABEL (self->tag), tag == INS_PAGE_TAG_NONE ? "" : ins_page_tag_label (tag));
  gtk_widget_set_visible (self->tag, tag != INS_PAGE_TAG_NONE);
  update_accessible (self);
}
