/* ins-queue-due-look.h — the queue's deadline cell drawn in its SLA state's look */
#pragma once

#include "core/ins-sla.h"
#include "ins-queue-cell.h"

G_BEGIN_DECLS

/* Gives @label the look of @state (colour, and bold when due soon or
 * overdue), slanted when the clock is @paused, as Pango attributes in the
 * theme's colours. The text beside it says the state in words. */
void ins_queue_due_look_apply (InsQueueCell *label,
                               InsSlaState   state,
                               gboolean      paused);

/* No deadline shown: plain text. */
void ins_queue_due_look_clear (InsQueueCell *label);

G_END_DECLS
