/* ins-document-view.h — the right pane: an affaire's attachments, page by page
 *
 * Shows the affaire's 1 to 10 attachments (tabs with name, type and page
 * count), thumbnails of the current attachment's pages with their tags, and the
 * current page rendered out of process (InsRenderer) at the widget's scale
 * factor. An unreadable attachment shows a French placeholder with the reason
 * and a button activating `affaire.mark-unusable` (the window implements it
 * and says with ins_document_view_set_unusable_state () whether to offer it).
 *
 * Use:
 *   view = ins_document_view_new ();
 *   ins_document_view_set_source (view, source);      // bytes by attachment id
 *   ins_document_view_set_documents (view, attachments);  // InsAttachmentInfo*
 *   g_signal_connect (view, "page-rotated", …);       // persist via InsStore
 *   g_signal_connect (view, "page-tagged", …);
 *   ins_document_view_prefetch (view, next_attachments);  // the next affaire
 *   ins_document_view_clear (view);
 *
 * Signals:
 *   page-rotated (gint64 attachment_id, int page_no, int rotation)
 *     the agent turned page @page_no (1-based) to @rotation degrees clockwise
 *     (0, 90, 180, 270); the view shows it at once, the window persists it.
 *   page-tagged (gint64 attachment_id, int page_no, int tag)
 *     the agent tagged the page (an InsPageTag; INS_PAGE_TAG_NONE clears).
 *   page-shown (gint64 attachment_id, int page_no)
 *     the page is painted at full resolution (for tests and benchmarks).
 *   placeholder-shown (gint64 attachment_id, int page_no)
 *     a low-resolution version of the page is shown while it renders.
 *   document-failed (gint64 attachment_id, const char *reason)
 *     an attachment cannot be shown (French reason, the one on the placeholder).
 *   open-failed (const char *message)
 *     doc.open-external could not open the attachment (French message).
 *
 * Actions (prefix `doc.`, shortcuts in brackets): zoom-in [plus, Ctrl+plus],
 * zoom-out [minus, Ctrl+minus], fit-width [w], fit-page [f],
 * rotate-right [Ctrl+Right], rotate-left [Ctrl+Left], next-page [Page_Down],
 * previous-page [Page_Up], next-document [Ctrl+Page_Down], previous-document
 * [Ctrl+Page_Up], tag-page (string: an InsPageTag nick, "" to clear),
 * open-external (the attachment in the desktop's default application).
 */
#pragma once

#include <gtk/gtk.h>

#include "core/ins-affaire.h"
#include "documents/ins-attachment-source.h"
#include "documents/ins-renderer.h"

G_BEGIN_DECLS

typedef enum {
  INS_ZOOM_FIT_WIDTH,
  INS_ZOOM_FIT_PAGE,
  INS_ZOOM_FREE,
} InsZoomMode;

#define INS_TYPE_DOCUMENT_VIEW (ins_document_view_get_type ())

G_DECLARE_FINAL_TYPE (InsDocumentView, ins_document_view, INS, DOCUMENT_VIEW, GtkWidget)

GtkWidget         *ins_document_view_new              (void);

/* Where bytes come from (held). Set it before documents. */
void               ins_document_view_set_source       (InsDocumentView     *self,
                                                       InsAttachmentSource *source);
/* The renderer (default: ins_renderer_get_default ()). */
void               ins_document_view_set_renderer     (InsDocumentView     *self,
                                                       InsRenderer         *renderer);
InsRenderer       *ins_document_view_get_renderer     (InsDocumentView     *self);

/* Shows @attachments (of InsAttachmentInfo*, by position; references taken),
 * the first one at its first page. Rotations and tags come from their pages. */
void               ins_document_view_set_documents    (InsDocumentView     *self,
                                                       GPtrArray           *attachments);
/* Shows one document given by its bytes (e.g. a courrier to preview):
 * no rotation or tag signals for it. */
void               ins_document_view_show_bytes       (InsDocumentView     *self,
                                                       const char          *title,
                                                       GBytes              *bytes);
void               ins_document_view_clear            (InsDocumentView     *self);
/* Fetches and renders the first pages of @attachments (another affaire) at
 * prefetch priority, so that showing them later is immediate. */
void               ins_document_view_prefetch         (InsDocumentView     *self,
                                                       GPtrArray           *attachments);

guint              ins_document_view_get_n_documents  (InsDocumentView     *self);
/* 0-based; -1 when none. */
int                ins_document_view_get_current_document (InsDocumentView *self);
void               ins_document_view_set_current_document (InsDocumentView *self,
                                                           guint            index);
/* 1-based; 0 when none. */
int                ins_document_view_get_current_page (InsDocumentView     *self);
void               ins_document_view_set_current_page (InsDocumentView     *self,
                                                       int                  page_no);
double             ins_document_view_get_zoom         (InsDocumentView     *self);
InsZoomMode        ins_document_view_get_zoom_mode    (InsDocumentView     *self);

/* Read-only (the médecin-conseil): pages can be read, zoomed and opened,
 * not tagged nor rotated; the controls stay visible, insensitive. */
void               ins_document_view_set_read_only    (InsDocumentView     *self,
                                                       gboolean             read_only);
gboolean           ins_document_view_get_read_only    (InsDocumentView     *self);
/* The placeholder of an unreadable attachment: whether it offers to mark the
 * affaire unusable (the role and status allow it), and a note said instead
 * (e.g. that the affaire already is); NULL for none. */
void               ins_document_view_set_unusable_state (InsDocumentView   *self,
                                                         gboolean           offer,
                                                         const char        *note);

G_END_DECLS
