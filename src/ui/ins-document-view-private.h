/* ins-document-view-private.h — what the document view's files share */
#pragma once

#include <adwaita.h>

#include "ins-attachment-tabs.h"
#include "ins-document-view.h"
#include "ins-page-thumbnail.h"
#include "ins-page-view.h"

G_BEGIN_DECLS

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
} DocState;

struct _InsDocumentView
{
  GtkWidget parent_instance;

  /* template widgets */
  InsAttachmentTabs *tabs;
  GtkWidget *toolbar;
  GtkLabel *page_label;
  GtkLabel *zoom_label;
  GtkToggleButton *fit_width_button;
  GtkToggleButton *fit_page_button;
  GtkMenuButton *page_menu_button;
  GtkWidget *thumbnails_scroller;
  GtkListBox *thumbnails;
  GtkStack *stack;
  InsPageView *page_view;
  AdwStatusPage *error_page;
  GtkLabel *unusable_note;
  GtkWidget *mark_unusable_button;

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
  guint spinner_id;
  gboolean building_thumbnails;
  gboolean read_only;
};

enum { PAGE_ROTATED, PAGE_TAGGED, PAGE_SHOWN, PLACEHOLDER_SHOWN, DOCUMENT_FAILED, OPEN_FAILED, N_SIGNALS };
extern guint ins_document_view_signals[N_SIGNALS];

static inline DocState *
ins_document_view_current_doc (InsDocumentView *self)
{
  if (self->current < 0 || (guint) self->current >= self->docs->len)
    return NULL;
  return self->docs->pdata[self->current];
}

/* The page's size in points as shown, turned by its rotation. */
void        ins_document_view_page_shown_size (DocState *d, guint page, double *w, double *h);
char       *ins_document_view_key_for_info    (InsAttachmentInfo *info);
void        ins_document_view_update_actions  (InsDocumentView *self);

/* ins-document-thumbnails.c: the strip of page thumbnails */
/* Rows for the current document's pages, without images... */
void        ins_document_thumbnails_build       (InsDocumentView *self);
/* ...which this asks for, after the shown page's. */
void        ins_document_thumbnails_render_all  (InsDocumentView *self);
void        ins_document_thumbnails_select      (InsDocumentView *self);
InsPageThumbnail *ins_document_thumbnails_at    (InsDocumentView *self, guint page);
void        ins_document_thumbnails_render      (InsDocumentView *self, DocState *d, InsPageThumbnail *thumb);
void        ins_document_thumbnails_on_selected (InsDocumentView *self, GtkListBoxRow *row);

/* ins-document-page.c: the current page */
/* Why @d cannot be shown, as a sentence. */
char       *ins_document_page_error_reason      (DocState *d);
void        ins_document_page_show_error        (InsDocumentView *self, DocState *d);
void        ins_document_page_layout            (InsDocumentView *self);
/* While @d opens: its stored preview as the page, FALSE when it has none. */
gboolean    ins_document_page_show_preview      (InsDocumentView *self, DocState *d);
/* Before opening @d: tells the renderer how its first page will be shown. */
void        ins_document_page_hint_first_page   (InsDocumentView *self, DocState *d);
/* The width of the page area beside the strip of thumbnails, shown or not. */
int         ins_document_page_area_width        (InsDocumentView *self, gboolean strip);
/* The height of the page area under the tabs and the toolbar. */
int         ins_document_page_area_height       (InsDocumentView *self);
void        ins_document_page_on_scale_changed  (InsDocumentView *self);

/* ins-document-actions.c: the doc. actions and their keys */
void        ins_document_actions_class_init     (GtkWidgetClass *widget_class);
GMenuModel *ins_document_actions_page_menu      (void);

G_END_DECLS
