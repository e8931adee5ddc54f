/* ins-window-documents.c — the right pane: the affaire's pieces in the
 * document viewer once its panel was painted, their page state persisted,
 * the next affaire prefetched */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "ins-document-view.h"
#include "ins-store-attachment-source.h"
#include "ins-window-private.h"

static InsDocumentView *
find_view (InsWindow *self)
{
  GtkWidget *child = adw_bin_get_child (self->document_slot);

  return INS_IS_DOCUMENT_VIEW (child) ? INS_DOCUMENT_VIEW (child) : NULL;
}

static void
page_state_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ins_store_set_page_state_finish (INS_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ins_window_show_message (self, error->message);
      return;
    }
  /* The checklist and the hints follow the tags. */
  ins_window_reload_affaire (self);
}

static void
on_page_tagged (InsDocumentView *view, gint64 attachment_id, int page_no, int tag, InsWindow *self)
{
  ins_store_set_page_state_async (self->store, attachment_id, page_no, -1, tag,
                                  NULL, page_state_done, g_object_ref (self));
}

static void
on_page_rotated (InsDocumentView *view, gint64 attachment_id, int page_no, int rotation, InsWindow *self)
{
  ins_store_set_page_state_async (self->store, attachment_id, page_no, rotation, -1,
                                  NULL, page_state_done, g_object_ref (self));
}

static InsDocumentView *
ensure_view (InsWindow *self)
{
  InsDocumentView *view = find_view (self);
  g_autoptr(InsAttachmentSource) source = NULL;

  if (view != NULL)
    return view;
  view = INS_DOCUMENT_VIEW (ins_document_view_new ());
  source = ins_store_attachment_source_new (self->store);
  ins_document_view_set_source (view, source);
  ins_document_view_set_read_only (view, self->medecin_mode);
  g_signal_connect (view, "page-tagged", G_CALLBACK (on_page_tagged), self);
  g_signal_connect (view, "page-rotated", G_CALLBACK (on_page_rotated), self);
  g_signal_connect_swapped (view, "open-failed", G_CALLBACK (ins_window_show_message), self);
  adw_bin_set_child (self->document_slot, GTK_WIDGET (view));
  ins_window_documents_update_placeholder (self);
  return view;
}

void
ins_window_documents_update_placeholder (InsWindow *self)
{
  InsDocumentView *view = find_view (self);
  InsAgent *me = ins_window_get_agent (self);
  InsAffaireFacts facts;
  gboolean offer = FALSE;
  const char *note = NULL;

  if (view == NULL)
    return;
  if (self->affaire != NULL && me != NULL && !self->medecin_mode)
    {
      ins_affaire_get_facts (self->affaire, me->id, NULL, &facts);
      offer = ins_rules_allows (INS_ACTION_MARK_UNUSABLE, me->role, &facts);
      if (self->affaire->status == INS_STATUS_NON_EXPLOITABLE)
        note = _("This affaire is already marked unusable");
      else if (!offer && ins_rules_allows (INS_ACTION_CLAIM, me->role, &facts))
        note = _("Take the affaire to mark it unusable");
    }
  ins_document_view_set_unusable_state (view, offer, note);
}

static void
prefetch_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsWindow) self = user_data;
  g_autoptr(GPtrArray) attachments = ins_store_attachments_finish (INS_STORE (source), result, NULL);
  InsDocumentView *view = find_view (self);

  if (attachments != NULL && view != NULL && attachments->len > 0)
    ins_document_view_prefetch (view, attachments);
}

static void
prefetch_next (InsWindow *self)
{
  gint64 next = ins_queue_view_peek_next (self->queue_view);

  if (next != 0)
    ins_store_attachments_async (self->store, next, NULL,
                                 prefetch_done, g_object_ref (self));
}

static gboolean
may_annotate (InsWindow *self)
{
  InsAgent *me = ins_window_get_agent (self);

  return self->affaire != NULL && me != NULL && !self->medecin_mode
         && (me->role == INS_ROLE_SUPERVISEUR || self->affaire->assignee_id == me->id);
}

void
ins_window_documents_cancel_later (InsWindow *self)
{
  if (self->documents_clock != NULL)
    g_clear_signal_handler (&self->documents_paint_handler, self->documents_clock);
  g_clear_object (&self->documents_clock);
  g_clear_handle_id (&self->documents_source, g_source_remove);
}

static gboolean
show_documents (gpointer user_data)
{
  InsWindow *self = user_data;

  self->documents_source = 0;
  ins_window_documents_show (self, self->affaire, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_panel_painted (GdkFrameClock *clock, InsWindow *self)
{
  ins_window_documents_cancel_later (self);
  self->documents_source = g_idle_add (show_documents, self);
}

static gboolean
no_frame_painted (gpointer user_data)
{
  InsWindow *self = user_data;

  self->documents_source = 0;
  ins_window_documents_cancel_later (self);
  return show_documents (self);
}

/* Painting the new row and panel and laying out and painting the new
 * documents in one frame made single iterations of 100–150 ms of CPU: the
 * documents follow once the frame that shows the panel was painted (or after
 * a while if no frame comes, e.g. the window was hidden meanwhile). */
void
ins_window_documents_show_later (InsWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->documents_clock != NULL || self->documents_source != 0)
    return;
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      show_documents (self);
      return;
    }
  self->documents_clock = g_object_ref (clock);
  self->documents_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_panel_painted), self);
  self->documents_source = g_timeout_add (500, no_frame_painted, self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

gboolean
ins_window_documents_pending (InsWindow *self)
{
  return self->documents_clock != NULL || self->documents_source != 0;
}

void
ins_window_documents_show (InsWindow  *self,
                           InsAffaire *affaire,
                           gboolean    changed_affaire)
{
  InsDocumentView *view = ensure_view (self);

  ins_document_view_set_read_only (view, !may_annotate (self));
  if (!changed_affaire)
    return;
  if (affaire == NULL)
    {
      ins_document_view_clear (view);
      return;
    }
  ins_document_view_set_documents (view, affaire->attachments);
  prefetch_next (self);
}

void
ins_window_documents_show_bytes (InsWindow  *self,
                                 const char *title,
                                 GBytes     *bytes)
{
  ins_document_view_show_bytes (ensure_view (self), title, bytes);
}

InsDocumentView *
ins_window_get_document_view (InsWindow *self)
{
  return find_view (self);
}

static gboolean
forward (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  InsDocumentView *view = find_view (INS_WINDOW (widget));
  const char *action = user_data != NULL ? user_data : g_variant_get_string (args, NULL);

  if (view == NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (view), action, NULL);
}

void
ins_window_documents_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, 0, forward, "s", "doc.zoom-in");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, 0, forward, "s", "doc.zoom-in");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, 0, forward, "s", "doc.zoom-out");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, 0, forward, "s", "doc.zoom-out");
}

static gboolean
forward_page (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  return forward (widget, args, user_data);
}

/* Page Up and Down turn the document's pages wherever the focus is (the queue
 * moves with arrows and j/k). */
void
ins_window_documents_init (InsWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutAction *next = gtk_callback_action_new (forward_page, (gpointer) "doc.next-page", NULL);
  GtkShortcutAction *previous = gtk_callback_action_new (forward_page, (gpointer) "doc.previous-page", NULL);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, 0), next));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, 0), previous));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
