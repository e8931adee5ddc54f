/* ins-document-view.c — the right pane: attachments, thumbnails, the current page */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "documents/ins-document-error.h"
#include "ins-document-view.h"
#include "ins-page-thumbnail.h"
#include "ins-page-view.h"

#define ZOOM_STEP 1.25
/* A PDF with more bytes per page than this is probably a scan: paint a
 * low-resolution version first. */
#define HEAVY_BYTES_PER_PAGE (250 * 1024)
#define PLACEHOLDER_FRACTION 0.25
#define MAX_THUMBNAILS 300
#define PREFETCH_PAGES 2

typedef struct {
  InsAttachmentInfo *info;   /* NULL for bytes shown with show_bytes() */
  char *title;
  char *key;
  GBytes *bytes;
  InsRenderDocument *doc;
  GError *error;
  gboolean loading;
  guint n_pages;
  int *rotation;             /* per page, degrees */
  InsPageTag *tags;          /* per page */
  GtkWidget *tab;
} DocState;

struct _InsDocumentView
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkWidget *tabs_scroller;
  GtkBox *tabs;
  GtkWidget *toolbar;
  GtkLabel *page_label;
  GtkLabel *zoom_label;
  GtkToggleButton *fit_width_button;
  GtkToggleButton *fit_page_button;
  GtkMenuButton *tag_button;
  GtkWidget *thumbnails_scroller;
  GtkListBox *thumbnails;
  GtkStack *stack;
  InsPageView *page_view;
  AdwStatusPage *error_page;

  /* owned */
  InsAttachmentSource *source;
  InsRenderer *renderer;
  GPtrArray *docs;           /* DocState */
  int current;               /* index in docs, -1 */
  guint page;                /* 0-based */
  InsZoomMode zoom_mode;
  double zoom;
  GCancellable *load_cancellable;
  GCancellable *page_cancellable;
  GCancellable *thumbs_cancellable;
  GCancellable *prefetch_cancellable;
  gboolean building_thumbnails;
  gboolean read_only;
};

G_DEFINE_FINAL_TYPE (InsDocumentView, ins_document_view, GTK_TYPE_WIDGET)

enum { PAGE_ROTATED, PAGE_TAGGED, PAGE_SHOWN, PLACEHOLDER_SHOWN, DOCUMENT_FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void show_current (InsDocumentView *self);
static void load_document (InsDocumentView *self, DocState *d, InsRenderPriority priority);

static void
doc_state_free (gpointer data)
{
  DocState *d = data;

  g_clear_pointer (&d->info, ins_attachment_info_unref);
  g_clear_object (&d->doc);
  g_clear_pointer (&d->bytes, g_bytes_unref);
  g_clear_error (&d->error);
  g_free (d->rotation);
  g_free (d->tags);
  g_free (d->title);
  g_free (d->key);
  g_free (d);
}

static DocState *
current_doc (InsDocumentView *self)
{
  if (self->current < 0 || (guint) self->current >= self->docs->len)
    return NULL;
  return self->docs->pdata[self->current];
}

static char *
key_for_info (InsAttachmentInfo *info)
{
  if (info->sha256 != NULL && *info->sha256 != '\0')
    return g_strdup_printf ("sha256:%s", info->sha256);
  return g_strdup_printf ("attachment:%" G_GINT64_FORMAT, info->id);
}

static const char *
kind_label (DocState *d)
{
  InsDocumentKind kind = d->doc ? ins_render_document_get_kind (d->doc) : INS_DOCUMENT_KIND_UNKNOWN;
  const char *type = d->info ? d->info->content_type : NULL;

  if (kind == INS_DOCUMENT_KIND_PDF || g_strcmp0 (type, "application/pdf") == 0)
    return "PDF";
  if (kind == INS_DOCUMENT_KIND_JPEG || g_strcmp0 (type, "image/jpeg") == 0)
    return "JPEG";
  if (kind == INS_DOCUMENT_KIND_PNG || g_strcmp0 (type, "image/png") == 0)
    return "PNG";
  return _("unknown type");
}

/* Sizes the per-page arrays once the page count is known, from the info's states. */
static void
doc_set_pages (DocState *d, guint n_pages)
{
  if (d->n_pages == n_pages && d->rotation != NULL)
    return;
  g_free (d->rotation);
  g_free (d->tags);
  d->n_pages = n_pages;
  d->rotation = g_new0 (int, MAX (n_pages, 1));
  d->tags = g_new0 (InsPageTag, MAX (n_pages, 1));
  if (d->info != NULL)
    for (guint i = 0; i < n_pages; i++)
      {
        InsPageState state = ins_attachment_info_get_page (d->info, (int) i + 1);
        d->rotation[i] = ((state.rotation % 360) + 360) % 360 / 90 * 90;
        d->tags[i] = state.tag;
      }
}

static void
update_tab (InsDocumentView *self, DocState *d)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  guint n = d->doc ? ins_render_document_get_n_pages (d->doc)
                   : (d->info && d->info->page_count > 0 ? (guint) d->info->page_count : 0);

  if (d->tab == NULL)
    return;
  if (d->error != NULL)
    text = g_strdup_printf ("%s · %s · %s", d->title, kind_label (d), _("unreadable"));
  else if (n > 0)
    {
      g_autofree char *pages = n == 1 ? g_strdup (_("1 page")) : g_strdup_printf (_("%u pages"), n);
      text = g_strdup_printf ("%s · %s · %s", d->title, kind_label (d), pages);
    }
  else
    text = g_strdup_printf ("%s · %s", d->title, kind_label (d));
  gtk_button_set_label (GTK_BUTTON (d->tab), text);
  accessible = g_strdup_printf (_("Attachment: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->tab), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
update_actions (InsDocumentView *self)
{
  DocState *d = current_doc (self);
  gboolean shown = d != NULL && d->doc != NULL && d->error == NULL;
  gboolean agent_doc = shown && d->info != NULL && !self->read_only;
  g_autofree char *page_text = NULL;
  g_autofree char *zoom_text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.previous-page", shown && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.next-page",
                                 shown && self->page + 1 < d->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.previous-document", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.next-document",
                                 self->current >= 0 && (guint) self->current + 1 < self->docs->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.zoom-in", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.zoom-out", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.fit-width", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.fit-page", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.rotate-right", shown && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.rotate-left", shown && !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.tag-page", agent_doc);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_button), agent_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.open-external",
                                 d != NULL && (d->bytes != NULL || (d->info && self->source)));

  if (shown)
    page_text = g_strdup_printf (_("Page %u of %u"), self->page + 1, d->n_pages);
  gtk_label_set_text (self->page_label, page_text ? page_text : "");
  zoom_text = g_strdup_printf (_("%d%%"), (int) (ins_page_view_get_zoom (self->page_view) * 100 + 0.5));
  gtk_label_set_text (self->zoom_label, shown ? zoom_text : "");
  gtk_toggle_button_set_active (self->fit_width_button, self->zoom_mode == INS_ZOOM_FIT_WIDTH);
  gtk_toggle_button_set_active (self->fit_page_button, self->zoom_mode == INS_ZOOM_FIT_PAGE);
}

/* ---- thumbnails ---- */

typedef struct {
  InsDocumentView *self;
  InsPageThumbnail *thumb;
} ThumbRequest;

static void
on_thumbnail_rendered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ThumbRequest *req = user_data;
  g_autoptr(InsPageImage) image = ins_renderer_render_finish (INS_RENDERER (source), result, NULL);

  if (image != NULL)
    ins_page_thumbnail_set_image (req->thumb, image);
  g_object_unref (req->thumb);
  g_object_unref (req->self);
  g_free (req);
}

static void
page_shown_size (DocState *d, guint page, double *w, double *h)
{
  ins_render_document_get_page_size (d->doc, page, w, h);
  if (d->rotation[page] == 90 || d->rotation[page] == 270)
    {
      double t = *w;
      *w = *h;
      *h = t;
    }
}

static void
render_thumbnail (InsDocumentView *self, DocState *d, InsPageThumbnail *thumb)
{
  guint page = (guint) ins_page_thumbnail_get_page_no (thumb) - 1;
  double w, h, scale;
  ThumbRequest *req;

  page_shown_size (d, page, &w, &h);
  ins_page_thumbnail_set_aspect (thumb, h / MAX (w, 1));
  scale = round (INS_PAGE_THUMBNAIL_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self))
                 / MAX (w, 1) * 1000) / 1000;
  req = g_new0 (ThumbRequest, 1);
  req->self = g_object_ref (self);
  req->thumb = g_object_ref (thumb);
  ins_renderer_render_async (self->renderer, d->doc, page, scale, (guint) d->rotation[page],
                             INS_RENDER_PRIORITY_NEIGHBOUR, self->thumbs_cancellable,
                             on_thumbnail_rendered, req);
}

static void
build_thumbnails (InsDocumentView *self)
{
  DocState *d = current_doc (self);
  GtkWidget *child;

  g_cancellable_cancel (self->thumbs_cancellable);
  g_clear_object (&self->thumbs_cancellable);
  self->thumbs_cancellable = g_cancellable_new ();

  self->building_thumbnails = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->thumbnails))) != NULL)
    gtk_list_box_remove (self->thumbnails, child);
  gtk_widget_set_visible (self->thumbnails_scroller, d != NULL && d->doc != NULL && d->n_pages > 1);
  if (d != NULL && d->doc != NULL && d->n_pages > 1)
    for (guint i = 0; i < MIN (d->n_pages, MAX_THUMBNAILS); i++)
      {
        double w, h;
        GtkWidget *thumb;

        page_shown_size (d, i, &w, &h);
        thumb = ins_page_thumbnail_new ((int) i + 1, h / MAX (w, 1));
        ins_page_thumbnail_set_tag (INS_PAGE_THUMBNAIL (thumb), d->tags[i]);
        gtk_list_box_append (self->thumbnails, thumb);
        render_thumbnail (self, d, INS_PAGE_THUMBNAIL (thumb));
      }
  self->building_thumbnails = FALSE;
}

static InsPageThumbnail *
thumbnail_at (InsDocumentView *self, guint page)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->thumbnails, (int) page);

  return row ? INS_PAGE_THUMBNAIL (gtk_list_box_row_get_child (row)) : NULL;
}

static void
select_thumbnail (InsDocumentView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->thumbnails, (int) self->page);

  self->building_thumbnails = TRUE;
  gtk_list_box_select_row (self->thumbnails, row);
  self->building_thumbnails = FALSE;
}

static void
on_thumbnail_selected (InsDocumentView *self, GtkListBoxRow *row)
{
  if (row == NULL || self->building_thumbnails)
    return;
  ins_document_view_set_current_page (self, gtk_list_box_row_get_index (row) + 1);
}

/* ---- the current page ---- */

typedef struct {
  InsDocumentView *self;
  InsRenderDocument *doc;
  guint page;
  guint rotation;
  double scale;
  gboolean final;
} PageRequest;

static void
page_request_free (PageRequest *req)
{
  g_object_unref (req->doc);
  g_object_unref (req->self);
  g_free (req);
}

static gboolean
request_is_current (PageRequest *req)
{
  InsDocumentView *self = req->self;
  DocState *d = current_doc (self);

  return d != NULL && d->doc == req->doc && self->page == req->page
         && (guint) d->rotation[req->page] == req->rotation;
}

static void
show_error (InsDocumentView *self, DocState *d)
{
  const char *reason;

  if (d->error->domain == INS_DOCUMENT_ERROR)
    reason = ins_document_error_message (d->error->code);
  else if (d->info != NULL && d->info->unreadable_reason != NULL && d->doc == NULL
           && g_error_matches (d->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    reason = d->info->unreadable_reason;
  else
    reason = d->error->message;
  adw_status_page_set_description (self->error_page, reason);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
prefetch_neighbours (InsDocumentView *self, DocState *d, double scale)
{
  for (guint delta = 1; delta <= PREFETCH_PAGES; delta++)
    {
      guint pages[2] = { self->page + delta, self->page - delta };

      for (guint k = 0; k < 2; k++)
        if (pages[k] < d->n_pages && (k == 0 || self->page >= delta))
          ins_renderer_render_async (self->renderer, d->doc, pages[k], scale,
                                     (guint) d->rotation[pages[k]],
                                     INS_RENDER_PRIORITY_NEIGHBOUR, self->page_cancellable,
                                     NULL, NULL);
    }
}

static void
on_page_rendered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PageRequest *req = user_data;
  InsDocumentView *self = req->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsPageImage) image = ins_renderer_render_finish (INS_RENDERER (source), result,
                                                              &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !request_is_current (req))
    {
      page_request_free (req);
      return;
    }
  if (image == NULL)
    {
      DocState *d = current_doc (self);

      if (req->final)
        {
          g_clear_error (&d->error);
          d->error = g_steal_pointer (&error);
          show_error (self, d);
          g_signal_emit (self, signals[DOCUMENT_FAILED], 0, d->info ? d->info->id : (gint64) 0,
                         adw_status_page_get_description (self->error_page));
          g_clear_error (&d->error);   /* another page, or a retry, may work */
        }
    }
  else if (req->final)
    {
      DocState *d = current_doc (self);

      ins_page_view_set_image (self->page_view, image, TRUE);
      g_signal_emit (self, signals[PAGE_SHOWN], 0, d->info ? d->info->id : (gint64) 0,
                     (int) req->page + 1);
      prefetch_neighbours (self, d, req->scale);
    }
  else if (!ins_page_view_has_final_image (self->page_view))
    {
      DocState *d = current_doc (self);

      ins_page_view_set_image (self->page_view, image, FALSE);
      g_signal_emit (self, signals[PLACEHOLDER_SHOWN], 0, d->info ? d->info->id : (gint64) 0,
                     (int) req->page + 1);
    }
  page_request_free (req);
}

static void
request_page (InsDocumentView *self, InsRenderDocument *doc, guint page, guint rotation,
              double scale, gboolean final)
{
  PageRequest *req = g_new0 (PageRequest, 1);

  g_debug ("render page %u at scale %.3f rotation %u%s", page, scale, rotation,
           final ? "" : " (placeholder)");
  req->self = g_object_ref (self);
  req->doc = g_object_ref (doc);
  req->page = page;
  req->rotation = rotation;
  req->scale = scale;
  req->final = final;
  ins_renderer_render_async (self->renderer, doc, page, scale, rotation,
                             INS_RENDER_PRIORITY_VISIBLE, self->page_cancellable,
                             on_page_rendered, req);
}

static void
render_current_page (InsDocumentView *self)
{
  DocState *d = current_doc (self);
  InsPageImage *exact, *placeholder;
  guint rotation;
  double scale;

  if (d == NULL || d->doc == NULL)
    return;
  /* Not laid out yet: the first allocation asks again with the right scale. */
  if (self->zoom_mode != INS_ZOOM_FREE && gtk_widget_get_width (GTK_WIDGET (self->page_view)) == 0)
    return;
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_cancellable = g_cancellable_new ();

  rotation = (guint) d->rotation[self->page];
  scale = ins_page_view_get_render_scale (self->page_view);
  exact = ins_renderer_lookup_page (self->renderer, d->doc, self->page, scale, rotation);
  if (exact != NULL)
    {
      ins_page_view_set_image (self->page_view, exact, TRUE);
      g_signal_emit (self, signals[PAGE_SHOWN], 0, d->info ? d->info->id : (gint64) 0,
                     (int) self->page + 1);
      prefetch_neighbours (self, d, scale);
      return;
    }

  placeholder = ins_page_cache_lookup_any (ins_renderer_get_cache (self->renderer),
                                           ins_render_document_get_key (d->doc), self->page,
                                           rotation);
  if (placeholder == NULL && rotation == 0)
    placeholder = ins_render_document_get_preview (d->doc);
  ins_page_view_set_image (self->page_view, placeholder, FALSE);
  if (placeholder != NULL)
    g_signal_emit (self, signals[PLACEHOLDER_SHOWN], 0, d->info ? d->info->id : (gint64) 0,
                   (int) self->page + 1);

  if (placeholder == NULL && ins_render_document_get_kind (d->doc) == INS_DOCUMENT_KIND_PDF
      && g_bytes_get_size (ins_render_document_get_bytes (d->doc)) / MAX (d->n_pages, 1)
         > HEAVY_BYTES_PER_PAGE)
    request_page (self, d->doc, self->page, rotation,
                  round (scale * PLACEHOLDER_FRACTION * 1000) / 1000, FALSE);
  request_page (self, d->doc, self->page, rotation, scale, TRUE);
}

static void
layout_current_page (InsDocumentView *self)
{
  DocState *d = current_doc (self);
  double w, h;

  if (d == NULL || d->doc == NULL)
    return;
  page_shown_size (d, self->page, &w, &h);
  /* set_page_size emits scale-changed, which renders. */
  ins_page_view_set_page_size (self->page_view, w, h);
  update_actions (self);
}

static void
on_scale_changed (InsDocumentView *self)
{
  update_actions (self);
  render_current_page (self);
}

/* ---- loading ---- */

typedef struct {
  InsDocumentView *self;
  DocState *d;
  InsRenderPriority priority;
  GCancellable *cancellable;
} LoadRequest;

static void
load_request_free (LoadRequest *req)
{
  g_object_unref (req->cancellable);
  g_object_unref (req->self);
  g_free (req);
}

static void
doc_failed (InsDocumentView *self, DocState *d, GError *error)
{
  d->loading = FALSE;
  g_clear_error (&d->error);
  d->error = error;
  update_tab (self, d);
  if (d == current_doc (self))
    {
      show_current (self);
      g_signal_emit (self, signals[DOCUMENT_FAILED], 0, d->info ? d->info->id : (gint64) 0,
                     adw_status_page_get_description (self->error_page));
    }
}

static void
on_document_opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadRequest *req = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(InsRenderDocument) doc = ins_renderer_open_finish (INS_RENDERER (source), result,
                                                              &error);

  if (!g_cancellable_is_cancelled (req->cancellable))
    {
      DocState *d = req->d;

      if (doc == NULL)
        doc_failed (req->self, d, g_steal_pointer (&error));
      else
        {
          d->loading = FALSE;
          d->doc = g_steal_pointer (&doc);
          doc_set_pages (d, ins_render_document_get_n_pages (d->doc));
          update_tab (req->self, d);
          if (d == current_doc (req->self))
            show_current (req->self);
        }
    }
  load_request_free (req);
}

static void
on_bytes_fetched (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadRequest *req = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ins_attachment_source_fetch_finish (INS_ATTACHMENT_SOURCE (source),
                                                                result, &error);

  if (g_cancellable_is_cancelled (req->cancellable))
    {
      load_request_free (req);
      return;
    }
  if (bytes == NULL)
    {
      doc_failed (req->self, req->d, g_steal_pointer (&error));
      load_request_free (req);
      return;
    }
  req->d->bytes = g_steal_pointer (&bytes);
  ins_renderer_open_async (req->self->renderer, req->d->key, req->d->bytes, req->priority,
                           req->cancellable, on_document_opened, req);
}

static void
load_document (InsDocumentView *self, DocState *d, InsRenderPriority priority)
{
  LoadRequest *req;

  if (d->doc != NULL || d->loading || d->error != NULL)
    return;
  if (d->info != NULL && d->info->unreadable_reason != NULL)
    {
      d->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                      d->info->unreadable_reason);
      update_tab (self, d);
      return;
    }
  if (d->bytes == NULL && (d->info == NULL || self->source == NULL))
    return;

  d->loading = TRUE;
  if (d->info != NULL && d->info->preview != NULL)   /* the placeholder, without a render */
    ins_renderer_add_preview (self->renderer, d->key, d->info->preview);
  req = g_new0 (LoadRequest, 1);
  req->self = g_object_ref (self);
  req->d = d;
  req->priority = priority;
  req->cancellable = g_object_ref (self->load_cancellable);
  if (d->bytes != NULL)
    ins_renderer_open_async (self->renderer, d->key, d->bytes, priority, req->cancellable,
                             on_document_opened, req);
  else
    ins_attachment_source_fetch_async (self->source, d->info->id, req->cancellable,
                                       on_bytes_fetched, req);
}

static void
show_current (InsDocumentView *self)
{
  DocState *d = current_doc (self);

  for (guint i = 0; i < self->docs->len; i++)
    {
      DocState *other = self->docs->pdata[i];
      if (other->tab != NULL)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (other->tab), other == d);
    }

  if (d == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_set_visible (self->thumbnails_scroller, FALSE);
    }
  else
    {
      if (d->doc == NULL && d->error == NULL)
        load_document (self, d, INS_RENDER_PRIORITY_VISIBLE);
      if (d->error != NULL)
        {
          show_error (self, d);
          build_thumbnails (self);
        }
      else if (d->doc == NULL)
        gtk_stack_set_visible_child_name (self->stack, "loading");
      else
        {
          gtk_stack_set_visible_child_name (self->stack, "page");
          build_thumbnails (self);
          select_thumbnail (self);
          layout_current_page (self);
        }
    }
  gtk_spinner_set_spinning (GTK_SPINNER (gtk_stack_get_child_by_name (self->stack, "loading")),
                            d != NULL && d->doc == NULL && d->error == NULL);
  update_actions (self);
}

static void
on_tab_clicked (GtkButton *tab, InsDocumentView *self)
{
  for (guint i = 0; i < self->docs->len; i++)
    if (((DocState *) self->docs->pdata[i])->tab == GTK_WIDGET (tab))
      {
        ins_document_view_set_current_document (self, i);
        return;
      }
}

static void
reset (InsDocumentView *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_cancellable_cancel (self->page_cancellable);
  g_cancellable_cancel (self->thumbs_cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tabs))) != NULL)
    gtk_box_remove (self->tabs, child);
  g_ptr_array_set_size (self->docs, 0);
  self->current = -1;
  self->page = 0;
  ins_page_view_set_image (self->page_view, NULL, FALSE);
}

static DocState *
add_doc (InsDocumentView *self, InsAttachmentInfo *info, const char *title, GBytes *bytes)
{
  DocState *d = g_new0 (DocState, 1);

  d->info = info ? ins_attachment_info_ref (info) : NULL;
  d->title = g_strdup (title ? title : _("Document"));
  d->bytes = bytes ? g_bytes_ref (bytes) : NULL;
  if (info != NULL)
    d->key = key_for_info (info);
  else
    d->key = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (info != NULL && info->page_count > 0)
    doc_set_pages (d, (guint) info->page_count);
  d->tab = gtk_toggle_button_new ();
  gtk_widget_add_css_class (d->tab, "flat");
  g_signal_connect (d->tab, "clicked", G_CALLBACK (on_tab_clicked), self);
  gtk_box_append (self->tabs, d->tab);
  g_ptr_array_add (self->docs, d);
  update_tab (self, d);
  return d;
}

/* ---- actions ---- */

static void
set_zoom (InsDocumentView *self, InsZoomMode mode, double zoom)
{
  self->zoom_mode = mode;
  self->zoom = CLAMP (zoom, INS_PAGE_VIEW_MIN_ZOOM, INS_PAGE_VIEW_MAX_ZOOM);
  ins_page_view_set_zoom (self->page_view,
                          mode == INS_ZOOM_FIT_WIDTH ? 1 : mode == INS_ZOOM_FIT_PAGE ? 2 : 0,
                          self->zoom);
  update_actions (self);
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
  DocState *d = current_doc (self);
  InsPageThumbnail *thumb;

  if (d == NULL || d->doc == NULL)
    return;
  d->rotation[self->page] = (d->rotation[self->page]
                             + (g_str_equal (name, "doc.rotate-right") ? 90 : 270)) % 360;
  layout_current_page (self);
  thumb = thumbnail_at (self, self->page);
  if (thumb != NULL)
    render_thumbnail (self, d, thumb);
  if (d->info != NULL)
    g_signal_emit (self, signals[PAGE_ROTATED], 0, d->info->id, (int) self->page + 1,
                   d->rotation[self->page]);
}

static void
action_tag (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDocumentView *self = INS_DOCUMENT_VIEW (widget);
  DocState *d = current_doc (self);
  const char *nick = g_variant_get_string (param, NULL);
  InsPageTag tag = INS_PAGE_TAG_NONE;
  InsPageThumbnail *thumb;

  if (d == NULL || d->doc == NULL || d->info == NULL)
    return;
  if (*nick != '\0' && !ins_page_tag_from_nick (nick, &tag))
    return;
  d->tags[self->page] = tag;
  thumb = thumbnail_at (self, self->page);
  if (thumb != NULL)
    ins_page_thumbnail_set_tag (thumb, tag);
  g_signal_emit (self, signals[PAGE_TAGGED], 0, d->info->id, (int) self->page + 1, (int) tag);
}

static void
on_launched (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Cannot open the attachment with the default application: %s", error->message);
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
  g_autoptr(GAppLaunchContext) context = NULL;
  const char *ext = ".pdf";

  if (d->doc != NULL && ins_render_document_get_kind (d->doc) == INS_DOCUMENT_KIND_JPEG)
    ext = ".jpg";
  else if (d->doc != NULL && ins_render_document_get_kind (d->doc) == INS_DOCUMENT_KIND_PNG)
    ext = ".png";
  if (g_mkdir_with_parents (base, 0700) != 0)
    {
      g_warning ("Cannot create %s: %s", base, g_strerror (errno));
      return;
    }
  path = g_build_filename (base, "attachment-XXXXXX", NULL);
  dir = g_mkdtemp (g_steal_pointer (&path));   /* 0700: private to the agent */
  if (dir == NULL)
    {
      g_warning ("Cannot create a private folder: %s", g_strerror (errno));
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
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                    gtk_widget_get_display (GTK_WIDGET (self))));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, on_launched, NULL);
}

static void
on_external_bytes (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadRequest *req = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ins_attachment_source_fetch_finish (INS_ATTACHMENT_SOURCE (source),
                                                                result, &error);

  if (bytes != NULL && !g_cancellable_is_cancelled (req->cancellable))
    {
      if (req->d->bytes == NULL)
        req->d->bytes = g_steal_pointer (&bytes);
      open_external_bytes (req->self, req->d);
    }
  load_request_free (req);
}

static void
action_open_external (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDocumentView *self = INS_DOCUMENT_VIEW (widget);
  DocState *d = current_doc (self);
  LoadRequest *req;

  if (d == NULL)
    return;
  if (d->bytes != NULL)
    {
      open_external_bytes (self, d);
      return;
    }
  if (d->info == NULL || self->source == NULL)
    return;
  req = g_new0 (LoadRequest, 1);
  req->self = g_object_ref (self);
  req->d = d;
  req->cancellable = g_object_ref (self->load_cancellable);
  ins_attachment_source_fetch_async (self->source, d->info->id, req->cancellable,
                                     on_external_bytes, req);
}

static GMenuModel *
tag_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) clear = g_menu_new ();

  for (InsPageTag tag = INS_PAGE_TAG_NONE + 1; tag < INS_N_PAGE_TAGS; tag++)
    {
      g_autofree char *detailed = g_strdup_printf ("doc.tag-page::%s", ins_page_tag_to_nick (tag));
      g_menu_append (menu, ins_page_tag_label (tag), detailed);
    }
  g_menu_append (clear, _("Remove the tag"), "doc.tag-page::");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clear));
  return G_MENU_MODEL (menu);
}

/* ---- object ---- */

static void
ins_document_view_dispose (GObject *object)
{
  InsDocumentView *self = INS_DOCUMENT_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->page_cancellable);
  g_cancellable_cancel (self->thumbs_cancellable);
  g_cancellable_cancel (self->prefetch_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), INS_TYPE_DOCUMENT_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->source);
  g_clear_object (&self->renderer);
  G_OBJECT_CLASS (ins_document_view_parent_class)->dispose (object);
}

static void
ins_document_view_finalize (GObject *object)
{
  InsDocumentView *self = INS_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->docs, g_ptr_array_unref);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->page_cancellable);
  g_clear_object (&self->thumbs_cancellable);
  g_clear_object (&self->prefetch_cancellable);
  G_OBJECT_CLASS (ins_document_view_parent_class)->finalize (object);
}

static void
ins_document_view_class_init (InsDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ins_document_view_dispose;
  object_class->finalize = ins_document_view_finalize;

  g_type_ensure (INS_TYPE_PAGE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/ameli/Instruction/ui/ins-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, tabs_scroller);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, tabs);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, page_label);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, fit_width_button);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, fit_page_button);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, tag_button);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, thumbnails_scroller);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, stack);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, page_view);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, error_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentview");

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

  signals[PAGE_ROTATED] = g_signal_new ("page-rotated", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                        3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT);
  signals[PAGE_TAGGED] = g_signal_new ("page-tagged", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                       3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT);
  signals[PAGE_SHOWN] = g_signal_new ("page-shown", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                      2, G_TYPE_INT64, G_TYPE_INT);
  signals[PLACEHOLDER_SHOWN] = g_signal_new ("placeholder-shown", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                             2, G_TYPE_INT64, G_TYPE_INT);
  signals[DOCUMENT_FAILED] = g_signal_new ("document-failed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                           2, G_TYPE_INT64, G_TYPE_STRING);
}

static void
ins_document_view_init (InsDocumentView *self)
{
  g_autoptr(GMenuModel) menu = tag_menu ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_menu_button_set_menu_model (self->tag_button, menu);
  self->docs = g_ptr_array_new_with_free_func (doc_state_free);
  self->current = -1;
  self->zoom = 1.0;
  self->zoom_mode = INS_ZOOM_FIT_WIDTH;
  self->load_cancellable = g_cancellable_new ();
  self->renderer = g_object_ref (ins_renderer_get_default ());
  g_signal_connect_swapped (self->page_view, "scale-changed", G_CALLBACK (on_scale_changed), self);
  g_signal_connect_swapped (self->thumbnails, "row-selected", G_CALLBACK (on_thumbnail_selected),
                            self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_visible (self->thumbnails_scroller, FALSE);
  update_actions (self);
}

/* ---- public API ---- */

GtkWidget *
ins_document_view_new (void)
{
  return g_object_new (INS_TYPE_DOCUMENT_VIEW, NULL);
}

void
ins_document_view_set_source (InsDocumentView     *self,
                              InsAttachmentSource *source)
{
  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (source == NULL || INS_IS_ATTACHMENT_SOURCE (source));
  g_set_object (&self->source, source);
}

void
ins_document_view_set_renderer (InsDocumentView *self,
                                InsRenderer     *renderer)
{
  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (INS_IS_RENDERER (renderer));
  g_set_object (&self->renderer, renderer);
}

InsRenderer *
ins_document_view_get_renderer (InsDocumentView *self)
{
  g_return_val_if_fail (INS_IS_DOCUMENT_VIEW (self), NULL);
  return self->renderer;
}

void
ins_document_view_set_documents (InsDocumentView *self,
                                 GPtrArray       *attachments)
{
  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));

  reset (self);
  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    {
      InsAttachmentInfo *info = attachments->pdata[i];
      add_doc (self, info, info->filename, NULL);
    }
  gtk_widget_set_visible (self->tabs_scroller, self->docs->len > 0);
  if (self->docs->len > 0)
    ins_document_view_set_current_document (self, 0);
  else
    show_current (self);
}

void
ins_document_view_show_bytes (InsDocumentView *self,
                              const char      *title,
                              GBytes          *bytes)
{
  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (bytes != NULL);

  reset (self);
  add_doc (self, NULL, title, bytes);
  gtk_widget_set_visible (self->tabs_scroller, TRUE);
  ins_document_view_set_current_document (self, 0);
}

void
ins_document_view_clear (InsDocumentView *self)
{
  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));

  reset (self);
  gtk_widget_set_visible (self->tabs_scroller, FALSE);
  show_current (self);
}

typedef struct {
  InsDocumentView *self;
  char *key;
  GCancellable *cancellable;
  double width_px;      /* the width a page is fitted to, in logical pixels */
} PrefetchRequest;

static void
prefetch_request_free (PrefetchRequest *req)
{
  g_object_unref (req->cancellable);
  g_object_unref (req->self);
  g_free (req->key);
  g_free (req);
}

static void
on_prefetch_opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PrefetchRequest *req = user_data;
  g_autoptr(InsRenderDocument) doc = ins_renderer_open_finish (INS_RENDERER (source), result, NULL);

  if (doc != NULL && !g_cancellable_is_cancelled (req->cancellable))
    {
      InsDocumentView *self = req->self;
      double w, h, scale;

      ins_render_document_get_page_size (doc, 0, &w, &h);
      /* What fit width will ask for (see InsPageView), unless the agent zoomed. */
      scale = round (req->width_px / MAX (w, 1)
                     * gtk_widget_get_scale_factor (GTK_WIDGET (self)) * 100) / 100;
      ins_renderer_render_async (self->renderer, doc, 0, scale, 0, INS_RENDER_PRIORITY_PREFETCH,
                                 req->cancellable, NULL, NULL);
    }
  prefetch_request_free (req);
}

static void
on_prefetch_bytes (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PrefetchRequest *req = user_data;
  g_autoptr(GBytes) bytes = ins_attachment_source_fetch_finish (INS_ATTACHMENT_SOURCE (source),
                                                                result, NULL);

  if (bytes == NULL || g_cancellable_is_cancelled (req->cancellable))
    {
      prefetch_request_free (req);
      return;
    }
  ins_renderer_open_async (req->self->renderer, req->key, bytes, INS_RENDER_PRIORITY_PREFETCH,
                           req->cancellable, on_prefetch_opened, req);
}

void
ins_document_view_prefetch (InsDocumentView *self,
                            GPtrArray       *attachments)
{
  double width_px;

  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));

  g_cancellable_cancel (self->prefetch_cancellable);
  g_clear_object (&self->prefetch_cancellable);
  self->prefetch_cancellable = g_cancellable_new ();
  if (attachments == NULL || self->source == NULL)
    return;

  /* The page area's width less the page's margins; the stack is laid out
   * whichever of its pages shows. */
  width_px = MAX (gtk_widget_get_width (GTK_WIDGET (self->stack)) - 24, 100);
  for (guint i = 0; i < MIN (attachments->len, 2); i++)
    {
      InsAttachmentInfo *info = attachments->pdata[i];
      PrefetchRequest *req;

      if (info->unreadable_reason != NULL)
        continue;
      req = g_new0 (PrefetchRequest, 1);
      req->self = g_object_ref (self);
      req->key = key_for_info (info);
      req->cancellable = g_object_ref (self->prefetch_cancellable);
      req->width_px = width_px;
      ins_attachment_source_fetch_async (self->source, info->id, req->cancellable,
                                         on_prefetch_bytes, req);
    }
}

guint
ins_document_view_get_n_documents (InsDocumentView *self)
{
  g_return_val_if_fail (INS_IS_DOCUMENT_VIEW (self), 0);
  return self->docs->len;
}

int
ins_document_view_get_current_document (InsDocumentView *self)
{
  g_return_val_if_fail (INS_IS_DOCUMENT_VIEW (self), -1);
  return self->current;
}

void
ins_document_view_set_current_document (InsDocumentView *self,
                                        guint            index)
{
  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (index < self->docs->len);

  self->current = (int) index;
  self->page = 0;
  ins_page_view_set_image (self->page_view, NULL, FALSE);
  ins_page_view_scroll_to_top (self->page_view);
  show_current (self);
}

int
ins_document_view_get_current_page (InsDocumentView *self)
{
  g_return_val_if_fail (INS_IS_DOCUMENT_VIEW (self), 0);
  return current_doc (self) != NULL ? (int) self->page + 1 : 0;
}

void
ins_document_view_set_current_page (InsDocumentView *self,
                                    int              page_no)
{
  DocState *d;

  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));
  d = current_doc (self);
  if (d == NULL || d->doc == NULL || page_no < 1 || (guint) page_no > d->n_pages
      || (guint) page_no - 1 == self->page)
    return;
  self->page = (guint) page_no - 1;
  ins_page_view_set_image (self->page_view, NULL, FALSE);
  ins_page_view_scroll_to_top (self->page_view);
  select_thumbnail (self);
  layout_current_page (self);
}

double
ins_document_view_get_zoom (InsDocumentView *self)
{
  g_return_val_if_fail (INS_IS_DOCUMENT_VIEW (self), 1.0);
  return ins_page_view_get_zoom (self->page_view);
}

InsZoomMode
ins_document_view_get_zoom_mode (InsDocumentView *self)
{
  g_return_val_if_fail (INS_IS_DOCUMENT_VIEW (self), INS_ZOOM_FIT_WIDTH);
  return self->zoom_mode;
}

void
ins_document_view_set_read_only (InsDocumentView *self,
                                 gboolean         read_only)
{
  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));

  self->read_only = !!read_only;
  update_actions (self);
}

gboolean
ins_document_view_get_read_only (InsDocumentView *self)
{
  g_return_val_if_fail (INS_IS_DOCUMENT_VIEW (self), FALSE);
  return self->read_only;
}
