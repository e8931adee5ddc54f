/* ins-queue-cell.h — one line of text in a queue cell, laid out only when drawn */
#pragma once

#include <gtk/gtk.h>

#include "ins-queue-layouts.h"

G_BEGIN_DECLS

#define INS_TYPE_QUEUE_CELL (ins_queue_cell_get_type ())
G_DECLARE_FINAL_TYPE (InsQueueCell, ins_queue_cell, INS, QUEUE_CELL, GtkWidget)

/* @shared: the column's layouts when its texts repeat, or NULL. */
GtkWidget     *ins_queue_cell_new             (float            xalign,
                                               gboolean         ellipsize,
                                               InsQueueLayouts *shared);
const char    *ins_queue_cell_get_text        (InsQueueCell  *self);
void           ins_queue_cell_set_text        (InsQueueCell  *self,
                                               const char    *text);
PangoAttrList *ins_queue_cell_get_attributes  (InsQueueCell  *self);
void           ins_queue_cell_set_attributes  (InsQueueCell  *self,
                                               PangoAttrList *attrs);
/* Whether the text is cut at the cell's width (lays it out if needed). */
gboolean       ins_queue_cell_is_ellipsized   (InsQueueCell  *self);

G_END_DECLS
