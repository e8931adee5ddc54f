/* ins-queue-due-look.h — the queue's deadline cell drawn in its SLA state's look */
#pragma once

#include "ins-queue-cell.h"

G_BEGIN_DECLS

/* Gives @label the look that the deadline's style classes name (those of
 * ins_queue_item_get_due_css_classes(): colour, weight, slant), as Pango
 * attributes in the theme's colours. */
void ins_queue_due_look_apply (InsQueueCell       *label,
                               const char * const *classes);

G_END_DECLS
