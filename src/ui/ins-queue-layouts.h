/* ins-queue-layouts.h — a column's texts laid out once, shared by its cells */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _InsQueueLayouts InsQueueLayouts;

InsQueueLayouts *ins_queue_layouts_new    (void);
InsQueueLayouts *ins_queue_layouts_ref    (InsQueueLayouts *self);
void             ins_queue_layouts_unref  (InsQueueLayouts *self);
/* @text in @attrs laid out for @widget's font, cut at @width pixels when
 * @width > 0: one layout for every cell asking the same. Read it, never
 * change it. */
PangoLayout     *ins_queue_layouts_get    (InsQueueLayouts *self,
                                           GtkWidget       *widget,
                                           const char      *text,
                                           PangoAttrList   *attrs,
                                           int              width);
/* A new layout of @text for @widget, as a queue cell draws it (tabular figures). */
PangoLayout     *ins_queue_layout_new     (GtkWidget       *widget,
                                           const char      *text,
                                           PangoAttrList   *attrs,
                                           int              width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsQueueLayouts, ins_queue_layouts_unref)

G_END_DECLS
