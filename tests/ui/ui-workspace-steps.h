/* ui-workspace-steps.h — the workspace tests' steps on the queue, the
 * affaire and the action dialogs */
#pragma once

#include "ui/ins-decision-dialog.h"
#include "ui/ins-queue-model.h"
#include "ui/ins-window.h"

G_BEGIN_DECLS

/* Loads every page of @model. */
void               ui_test_load_all           (InsQueueModel *model);
/* The item at @position (the model keeps it). */
InsQueueItem      *ui_test_item_at            (InsQueueModel *model,
                                               guint          position);
/* The CPAM-40 affaires matching the SQL condition @where. */
gint64             ui_test_visible_count      (const char    *where);
/* Waits for the query the queue just started, then loads every page. */
void               ui_test_wait_query         (InsQueueModel *model);
/* Waits until @window shows affaire @id, loaded. */
void               ui_test_wait_affaire       (InsWindow     *window,
                                               gint64         id);
/* Activates @action (e.g. "affaire.refuse") and returns the dialog it opens. */
InsDecisionDialog *ui_test_open_dialog        (InsWindow     *window,
                                               const char    *action);
/* Confirms the complete @dialog and waits until affaire @id has @status. */
void               ui_test_confirm            (InsWindow         *window,
                                               InsDecisionDialog *dialog,
                                               gint64             id,
                                               const char        *status);
/* Takes the next affaire (« Prendre l’affaire suivante ») and returns its id. */
gint64             ui_test_claim_next         (InsWindow     *window);
/* The same until one of @kind comes; the others go back to the queue. */
gint64             ui_test_claim_next_of_kind (InsWindow      *window,
                                               InsAffaireKind  kind);

G_END_DECLS
