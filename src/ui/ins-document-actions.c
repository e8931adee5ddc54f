/* ins-document-actions.c — the document view's doc. actions and their keys */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ins-document-view-private.h"

#define ZOOM_STEP 1.25

static void
set_zoom (InsDocumentView *self, InsZoomMode mode, double zoom)
{
  self->zoom_mode = mode;
  self->zoom = CLAMP (zoom, INS_PAGE_VIEW_MIN_ZOOM, INS_PAGE_VIEW_MAX_ZOOM);
  ins_page_view_set_zoom (self->page_view,
                          mode == INS_ZOOM_FIT_WIDTH ? 1 : mode == INS_ZOOM_FIT_PAGE ? 2 : 0,
                          self->zoom);
  ins_document_view_update_actions (self);
}

static void
action_zoom (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDocumentView *self = INS_DOCUMENT_VIEW (widget);
  double z = ins_page_view_get_zoom (self->page_view);

  set_zoom (self, INS_ZOOM_FREE, g_str_equal (name, "doc.zoom-in") ? z * ZOOM_STEP : z / ZOOM_STEP);
}

static void
action_fit (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDocumentView *self = INS_DOCUMENT_VIEW (widget);

  set_zoom (self, g_str_equal (name, "doc.fit-width") ? INS_ZOOM_FIT_WIDTH : INS_ZOOM_FIT_PAGE,
            self->zoom);
}

static void
action_page (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDocumentView *self = INS_DOCUMENT_VIEW (widget);

  ins_document_view_set_current_page (self, (int) self->page + 1
                                      + (g_str_equal (name, "doc.next-page") ? 1 : -1));
}

static void
action_document (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDocumentView *self = INS_DOCUMENT_VIEW (widget);
  int index = self->current + (g_str_equal (name, "doc.next-document") ? 1 : -1);

  if (index >= 0 && (guint) index < self->docs->len)
    ins_document_view_set_current_document (self, (guint) index);
}

static void
action_rotate (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDocumentView *self = INS_DOCUMENT_VIEW (widget);
  DocState *d = ins_document_view_current_doc (self);
  InsPageThumbnail *thumb;

  if (d == NULL || d->doc == NULL)
    return;
  d->rotation[self->page] = (d->rotation[self->page]
                             + (g_str_equal (name, "doc.rotate-right") ? 90 : 270)) % 360;
  ins_document_page_layout (self);
  thumb = ins_document_thumbnails_at (self, self->page);
  if (thumb != NULL)
    ins_document_thumbnails_render (self, d, thumb);
  if (d->info != NULL)
    g_signal_emit (self, ins_document_view_signals[PAGE_ROTATED], 0, d->info->id, (int) self->page + 1,
                   d->rotation[self->page]);
}

static void
action_tag (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDocumentView *self = INS_DOCUMENT_VIEW (widget);
  DocState *d = ins_document_view_current_doc (self);
  const char *nick = g_variant_get_string (param, NULL);
  InsPageTag tag = INS_PAGE_TAG_NONE;
  InsPageThumbnail *thumb;

  if (d == NULL || d->doc == NULL || d->info == NULL)
    return;
  if (*nick != '\0' && !ins_page_tag_from_nick (nick, &tag))
    return;
  d->tags[self->page] = tag;
  thumb = ins_document_thumbnails_at (self, self->page);
  if (thumb != NULL)
    ins_page_thumbnail_set_tag (thumb, tag);
  g_signal_emit (self, ins_document_view_signals[PAGE_TAGGED], 0, d->info->id, (int) self->page + 1, (int) tag);
}

static void
report_open_failed (InsDocumentView *self, const char *message)
{
  g_signal_emit (self, ins_document_view_signals[OPEN_FAILED], 0, message);
}

static void
on_launched (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsDocumentView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The document could not be opened with the default "
                                                    "application: %s"), error->message);

      g_warning ("Cannot open the attachment with the default application: %s", error->message);
      report_open_failed (self, message);
    }
}

/* Inside Flatpak the portal asks the agent which application to use. */
static gboolean
has_default_viewer (const char *content_type)
{
  g_autoptr(GAppInfo) app = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;
  app = g_app_info_get_default_for_type (content_type, FALSE);
  return app != NULL;
}

static void
open_external_bytes (InsDocumentView *self, DocState *d)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_build_filename (g_get_user_cache_dir (), "instruction", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GAppLaunchContext) context = NULL;
  const char *ext = ".pdf";
  const char *content_type = "application/pdf";

  if (d->doc != NULL && ins_render_document_get_kind (d->doc) == INS_DOCUMENT_KIND_JPEG)
    {
      ext = ".jpg";
      content_type = "image/jpeg";
    }
  else if (d->doc != NULL && ins_render_document_get_kind (d->doc) == INS_DOCUMENT_KIND_PNG)
    {
      ext = ".png";
      content_type = "image/png";
    }
  if (!has_default_viewer (content_type))
    {
      report_open_failed (self, _("No application on this computer can open this document: ask your IT "
                                  "support to install a document viewer."));
      return;
    }
  if (g_mkdir_with_parents (base, 0700) != 0)
    {
      g_warning ("Cannot create %s: %s", base, g_strerror (errno));
      message = g_strdup_printf (_("The document could not be prepared for the default application: %s"),
                                 g_strerror (errno));
      report_open_failed (self, message);
      return;
    }
  path = g_build_filename (base, "attachment-XXXXXX", NULL);
  dir = g_mkdtemp (g_steal_pointer (&path));   /* 0700: private to the agent */
  if (dir == NULL)
    {
      g_warning ("Cannot create a private folder: %s", g_strerror (errno));
      message = g_strdup_printf (_("The document could not be prepared for the default application: %s"),
                                 g_strerror (errno));
      report_open_failed (self, message);
      return;
    }
  /* The file keeps a neutral name: the original one may carry personal data. */
  name = g_strconcat ("piece", ext, NULL);
  path = g_build_filename (dir, name, NULL);
  if (!g_file_set_contents_full (path, g_bytes_get_data (d->bytes, NULL),
                                 (gssize) g_bytes_get_size (d->bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_warning ("Cannot write the attachment: %s", error->message);
      message = g_strdup_printf (_("The document could not be prepared for the default application: %s"),
                                 error->message);
      report_open_failed (self, message);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                    gtk_widget_get_display (GTK_WIDGET (self))));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, on_launched, g_object_ref (self));
}

typedef struct {
  InsDocumentView *self;
  DocState *d;
  GCancellable *cancellable;
} ExternalRequest;

static void
on_external_bytes (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ExternalRequest *req = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ins_attachment_source_fetch_finish (INS_ATTACHMENT_SOURCE (source),
                                                                result, &error);

  if (bytes != NULL && !g_cancellable_is_cancelled (req->cancellable))
    {
      if (req->d->bytes == NULL)
        req->d->bytes = g_steal_pointer (&bytes);
      open_external_bytes (req->self, req->d);
    }
  else if (bytes == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The document could not be fetched: %s"),
                                                  error->message);

      report_open_failed (req->self, message);
    }
  g_object_unref (req->cancellable);
  g_object_unref (req->self);
  g_free (req);
}

static void
action_open_external (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDocumentView *self = INS_DOCUMENT_VIEW (widget);
  DocState *d = ins_document_view_current_doc (self);
  ExternalRequest *req;

  if (d == NULL)
    return;
  if (d->bytes != NULL)
    {
      open_external_bytes (self, d);
      return;
    }
  if (d->info == NULL || self->source == NULL)
    return;
  req = g_new0 (ExternalRequest, 1);
  req->self = g_object_ref (self);
  req->d = d;
  req->cancellable = g_object_ref (self->load_cancellable);
  ins_attachment_source_fetch_async (self->source, d->info->id, req->cancellable,
                                     on_external_bytes, req);
}

static void
append_with_accel (GMenu *menu, const char *label, const char *action, const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

/* The page's less frequent actions, kept out of the toolbar so that it fits a
 * narrow pane: the tags inline (two clicks, as with their own button), then
 * rotation, then the desktop's viewer. */
GMenuModel *
ins_document_actions_page_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) tags = g_menu_new ();
  g_autoptr(GMenu) rotate = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();

  for (InsPageTag tag = INS_PAGE_TAG_NONE + 1; tag < INS_N_PAGE_TAGS; tag++)
    {
      g_autofree char *detailed = g_strdup_printf ("doc.tag-page::%s", ins_page_tag_to_nick (tag));
      g_menu_append (tags, ins_page_tag_label (tag), detailed);
    }
  g_menu_append (tags, _("Remove the tag"), "doc.tag-page::");
  g_menu_append_section (menu, _("Tag the page"), G_MENU_MODEL (tags));
  append_with_accel (rotate, _("Rotate counterclockwise"), "doc.rotate-left", "<Control>Left");
  append_with_accel (rotate, _("Rotate clockwise"), "doc.rotate-right", "<Control>Right");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (rotate));
  g_menu_append (open, _("Open with the default application"), "doc.open-external");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));
  return G_MENU_MODEL (menu);
}

void
ins_document_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "doc.zoom-in", NULL, action_zoom);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "doc.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "doc.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "doc.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "doc.zoom-in", NULL);
  gtk_widget_class_install_action (widget_class, "doc.zoom-out", NULL, action_zoom);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "doc.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "doc.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "doc.zoom-out", NULL);
  gtk_widget_class_install_action (widget_class, "doc.fit-width", NULL, action_fit);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, 0, "doc.fit-width", NULL);
  gtk_widget_class_install_action (widget_class, "doc.fit-page", NULL, action_fit);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "doc.fit-page", NULL);
  gtk_widget_class_install_action (widget_class, "doc.next-page", NULL, action_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "doc.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "doc.next-page", NULL);
  gtk_widget_class_install_action (widget_class, "doc.previous-page", NULL, action_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "doc.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "doc.previous-page", NULL);
  gtk_widget_class_install_action (widget_class, "doc.next-document", NULL, action_document);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "doc.next-document", NULL);
  gtk_widget_class_install_action (widget_class, "doc.previous-document", NULL, action_document);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "doc.previous-document", NULL);
  gtk_widget_class_install_action (widget_class, "doc.rotate-right", NULL, action_rotate);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK,
                                       "doc.rotate-right", NULL);
  gtk_widget_class_install_action (widget_class, "doc.rotate-left", NULL, action_rotate);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK,
                                       "doc.rotate-left", NULL);
  gtk_widget_class_install_action (widget_class, "doc.tag-page", "s", action_tag);
  gtk_widget_class_install_action (widget_class, "doc.open-external", NULL, action_open_external);
}
