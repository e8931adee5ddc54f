/* ins-document-view.c — the right pane: attachments, thumbnails, the current page
 *
 * The view's parts live in files of their own: ins-document-thumbnails.c (the
 * strip), ins-document-page.c (the current page), ins-document-actions.c (the
 * doc. actions) and ins-document-prefetch.c (the next affaire). */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-document-view-private.h"

#define SPINNER_DELAY_MS 400

G_DEFINE_FINAL_TYPE (InsDocumentView, ins_document_view, GTK_TYPE_WIDGET)

guint ins_document_view_signals[N_SIGNALS];

static void show_current (InsDocumentView *self);

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

char *
ins_document_view_key_for_info (InsAttachmentInfo *info)
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

/* Known at import too, before the view tried to open it. */
static gboolean
doc_unreadable (DocState *d)
{
  return d->error != NULL || (d->info != NULL && d->info->unreadable_reason != NULL);
}

static const char *
tab_icon (DocState *d)
{
  const char *kind = kind_label (d);

  if (doc_unreadable (d))
    return "dialog-warning-symbolic";
  if (g_str_equal (kind, "JPEG") || g_str_equal (kind, "PNG"))
    return "image-x-generic-symbolic";
  return "x-office-document-symbolic";
}

static void
update_tab (InsDocumentView *self, DocState *d)
{
  g_autofree char *text = NULL;
  guint index;
  guint n = d->doc ? ins_render_document_get_n_pages (d->doc)
                   : (d->info && d->info->page_count > 0 ? (guint) d->info->page_count : 0);

  if (!g_ptr_array_find (self->docs, d, &index) || index >= ins_attachment_tabs_get_n_tabs (self->tabs))
    return;
  if (doc_unreadable (d))
    {
      g_autofree char *reason = ins_document_page_error_reason (d);

      /* TRANSLATORS: a document's name, its type (PDF, JPEG…) and why it cannot be read */
      text = g_strdup_printf (_("%s · %s · Unreadable document. %s"), d->title, kind_label (d), reason);
    }
  else if (n > 0)
    {
      g_autofree char *pages = n == 1 ? g_strdup (_("1 page")) : g_strdup_printf (_("%u pages"), n);
      text = g_strdup_printf ("%s · %s · %s", d->title, kind_label (d), pages);
    }
  else
    text = g_strdup_printf ("%s · %s", d->title, kind_label (d));
  ins_attachment_tabs_set_tab (self->tabs, index, d->title, text, tab_icon (d));
}

void
ins_document_view_update_actions (InsDocumentView *self)
{
  DocState *d = ins_document_view_current_doc (self);
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

void
ins_document_view_page_shown_size (DocState *d, guint page, double *w, double *h)
{
  ins_render_document_get_page_size (d->doc, page, w, h);
  if (d->rotation[page] == 90 || d->rotation[page] == 270)
    {
      double t = *w;
      *w = *h;
      *h = t;
    }
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
  if (d == ins_document_view_current_doc (self))
    show_current (self);
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
          if (d == ins_document_view_current_doc (req->self))
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
  InsRenderDocument *open;
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
  /* Prefetched or seen a moment ago: no bytes to fetch, no open to wait for. */
  if ((open = ins_renderer_lookup_document (self->renderer, d->key)) != NULL)
    {
      d->doc = g_object_ref (open);
      doc_set_pages (d, ins_render_document_get_n_pages (d->doc));
      update_tab (self, d);
      return;
    }

  d->loading = TRUE;
  if (d->info != NULL && d->info->preview != NULL)   /* the placeholder, without a render */
    ins_renderer_add_preview (self->renderer, d->key, d->info->preview);
  ins_document_page_hint_first_page (self, d);
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

static gboolean
start_spinner (gpointer data)
{
  InsDocumentView *self = data;

  self->spinner_id = 0;
  gtk_spinner_set_spinning (GTK_SPINNER (gtk_stack_get_child_by_name (self->stack, "loading")), TRUE);
  return G_SOURCE_REMOVE;
}

/* A spinning GtkSpinner repaints the window every frame: on a software
 * renderer that takes the main thread from the page being loaded, so it only
 * spins for a load the agent can notice. */
static void
set_loading (InsDocumentView *self, gboolean loading)
{
  if (loading)
    {
      if (self->spinner_id == 0)
        self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, start_spinner, self);
      return;
    }
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_set_spinning (GTK_SPINNER (gtk_stack_get_child_by_name (self->stack, "loading")), FALSE);
}

static void
show_current (InsDocumentView *self)
{
  DocState *d = ins_document_view_current_doc (self);

  ins_attachment_tabs_set_current (self->tabs, d != NULL ? self->current : -1);

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
          ins_document_page_show_error (self, d);
          ins_document_thumbnails_build (self);
          ins_document_thumbnails_render_all (self);
        }
      else if (d->doc == NULL)
        {
          if (!ins_document_page_show_preview (self, d))
            gtk_stack_set_visible_child_name (self->stack, "loading");
        }
      else
        {
          gtk_stack_set_visible_child_name (self->stack, "page");
          /* The strip first (it takes width from the page), then the page's
           * render, then the thumbnails'. */
          ins_document_thumbnails_build (self);
          ins_document_page_layout (self);
          ins_document_thumbnails_render_all (self);
          ins_document_thumbnails_select (self);
        }
    }
  set_loading (self, d != NULL && d->doc == NULL && d->error == NULL);
  ins_document_view_update_actions (self);
  /* Also for one known unreadable at import, never fetched. */
  if (d != NULL && d->error != NULL)
    g_signal_emit (self, ins_document_view_signals[DOCUMENT_FAILED], 0, d->info ? d->info->id : (gint64) 0,
                   adw_status_page_get_description (self->error_page));
}

static void
on_tab_activated (InsDocumentView *self, guint index)
{
  if (index < self->docs->len)
    ins_document_view_set_current_document (self, index);
}

static void
reset (InsDocumentView *self, guint n_next)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_cancellable_cancel (self->page_cancellable);
  g_cancellable_cancel (self->thumbs_cancellable);
  g_ptr_array_set_size (self->docs, 0);
  /* The tabs are reused by the next documents: only the ones beyond go. */
  ins_attachment_tabs_set_n_tabs (self->tabs, n_next);
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
    d->key = ins_document_view_key_for_info (info);
  else
    d->key = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (info != NULL && info->page_count > 0)
    doc_set_pages (d, (guint) info->page_count);
  g_ptr_array_add (self->docs, d);
  update_tab (self, d);
  return d;
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
  g_clear_handle_id (&self->spinner_id, g_source_remove);
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
  g_type_ensure (INS_TYPE_ATTACHMENT_TABS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/ameli/Instruction/ui/ins-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, tabs);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, page_label);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, fit_width_button);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, fit_page_button);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, page_menu_button);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, thumbnails_scroller);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, stack);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, page_view);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, error_page);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, unusable_note);
  gtk_widget_class_bind_template_child (widget_class, InsDocumentView, mark_unusable_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentview");
  ins_document_actions_class_init (widget_class);

  ins_document_view_signals[PAGE_ROTATED] =
    g_signal_new ("page-rotated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT);
  ins_document_view_signals[PAGE_TAGGED] =
    g_signal_new ("page-tagged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT);
  ins_document_view_signals[PAGE_SHOWN] =
    g_signal_new ("page-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);
  ins_document_view_signals[PLACEHOLDER_SHOWN] =
    g_signal_new ("placeholder-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);
  ins_document_view_signals[DOCUMENT_FAILED] =
    g_signal_new ("document-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  ins_document_view_signals[OPEN_FAILED] =
    g_signal_new ("open-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ins_document_view_init (InsDocumentView *self)
{
  g_autoptr(GMenuModel) menu = ins_document_actions_page_menu ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_menu_button_set_menu_model (self->page_menu_button, menu);
  self->docs = g_ptr_array_new_with_free_func (doc_state_free);
  self->current = -1;
  self->zoom = 1.0;
  self->zoom_mode = INS_ZOOM_FIT_WIDTH;
  self->load_cancellable = g_cancellable_new ();
  self->renderer = g_object_ref (ins_renderer_get_default ());
  g_signal_connect_swapped (self->page_view, "scale-changed", G_CALLBACK (ins_document_page_on_scale_changed), self);
  g_signal_connect_swapped (self->tabs, "tab-activated", G_CALLBACK (on_tab_activated), self);
  g_signal_connect_swapped (self->thumbnails, "row-selected", G_CALLBACK (ins_document_thumbnails_on_selected),
                            self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_visible (self->thumbnails_scroller, FALSE);
  ins_document_view_update_actions (self);
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

  reset (self, attachments != NULL ? attachments->len : 0);
  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    {
      InsAttachmentInfo *info = attachments->pdata[i];
      add_doc (self, info, info->filename, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tabs), self->docs->len > 0);
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

  reset (self, 1);
  add_doc (self, NULL, title, bytes);
  gtk_widget_set_visible (GTK_WIDGET (self->tabs), TRUE);
  ins_document_view_set_current_document (self, 0);
}

void
ins_document_view_clear (InsDocumentView *self)
{
  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));

  reset (self, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->tabs), FALSE);
  show_current (self);
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
  return ins_document_view_current_doc (self) != NULL ? (int) self->page + 1 : 0;
}

void
ins_document_view_set_current_page (InsDocumentView *self,
                                    int              page_no)
{
  DocState *d;

  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));
  d = ins_document_view_current_doc (self);
  if (d == NULL || d->doc == NULL || page_no < 1 || (guint) page_no > d->n_pages
      || (guint) page_no - 1 == self->page)
    return;
  self->page = (guint) page_no - 1;
  ins_page_view_set_image (self->page_view, NULL, FALSE);
  ins_page_view_scroll_to_top (self->page_view);
  ins_document_thumbnails_select (self);
  ins_document_page_layout (self);
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
  ins_document_view_update_actions (self);
}

void
ins_document_view_set_unusable_state (InsDocumentView *self,
                                      gboolean         offer,
                                      const char      *note)
{
  g_return_if_fail (INS_IS_DOCUMENT_VIEW (self));

  gtk_widget_set_visible (self->mark_unusable_button, offer);
  gtk_label_set_text (self->unusable_note, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unusable_note), note != NULL);
}

gboolean
ins_document_view_get_read_only (InsDocumentView *self)
{
  g_return_val_if_fail (INS_IS_DOCUMENT_VIEW (self), FALSE);
  return self->read_only;
}
