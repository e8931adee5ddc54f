/* ui-workspace-steps.c — the workspace tests' steps on the queue, the
 * affaire and the action dialogs */
#include "config.h"

#include "ui/ins-decision-dialog.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window-private.h"
#include "ui-test-util.h"
#include "ui-workspace-steps.h"

static gboolean
model_idle (gpointer data)
{
  return !ins_queue_model_get_loading (data);
}

void
ui_test_load_all (InsQueueModel *model)
{
  while (ins_queue_model_get_has_more (model))
    {
      ins_queue_model_load_more (model);
      ui_test_wait (model_idle, model, "the next page");
    }
}

InsQueueItem *
ui_test_item_at (InsQueueModel *model, guint position)
{
  InsQueueItem *item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_object_unref (item);   /* the model keeps it */
  return item;
}

gint64
ui_test_visible_count (const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                                          " WHERE o.code = $1 AND %s", where);
  return ui_test_sql_int (sql, "CPAM-40");
}

void
ui_test_wait_query (InsQueueModel *model)
{
  ui_test_spin (3);
  ui_test_wait (model_idle, model, "the queue to load");
  ui_test_load_all (model);
}

typedef struct {
  InsWindow *window;
  gint64     id;
} AffaireWait;

static gboolean
affaire_shown (gpointer data)
{
  AffaireWait *w = data;
  InsAffaire *affaire = ins_window_get_affaire (w->window);

  return affaire != NULL && affaire->id == w->id && !ins_window_is_loading (w->window);
}

void
ui_test_wait_affaire (InsWindow *window, gint64 id)
{
  AffaireWait w = { window, id };

  ui_test_wait (affaire_shown, &w, "the affaire to show");
}

static gboolean
dialog_open (gpointer data)
{
  return ins_window_get_dialog (data) != NULL;
}

InsDecisionDialog *
ui_test_open_dialog (InsWindow *window, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  ui_test_wait (dialog_open, window, "the dialog");
  return INS_DECISION_DIALOG (ins_window_get_dialog (window));
}

typedef struct {
  gint64      id;
  const char *status;
} StatusWait;

static gboolean
status_is (gpointer data)
{
  StatusWait *w = data;
  g_autofree char *status = ui_test_affaire_status (w->id);

  return g_strcmp0 (status, w->status) == 0;
}

void
ui_test_confirm (InsWindow *window, InsDecisionDialog *dialog, gint64 id, const char *status)
{
  StatusWait w = { id, status };

  g_assert_true (ins_decision_dialog_is_complete (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  ui_test_wait (status_is, &w, status);
  ui_test_settle (window);
}

gint64
ui_test_claim_next (InsWindow *window)
{
  gint64 before = ins_window_get_affaire (window) ? ins_window_get_affaire (window)->id : 0;
  InsAffaire *affaire;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "affaire.claim-next", NULL));
  ui_test_settle (window);
  affaire = ins_window_get_affaire (window);
  g_assert_nonnull (affaire);
  g_assert_cmpint (affaire->id, !=, before);
  g_assert_cmpint (affaire->status, ==, INS_STATUS_EN_COURS);
  return affaire->id;
}

gint64
ui_test_claim_next_of_kind (InsWindow *window, InsAffaireKind kind)
{
  for (;;)
    {
      gint64 id = ui_test_claim_next (window);

      if (ins_window_get_affaire (window)->kind == kind)
        return id;
      /* Give it back to the queue for the others. */
      {
        g_autoptr(InsTransition) release = ins_transition_new (INS_ACTION_RELEASE, id,
                                                               ins_window_get_affaire (window)->version);
        ins_window_apply (window, release, NULL, FALSE);
        ui_test_settle (window);
        g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

        ui_test_sql_run ("UPDATE affaire SET priority = -1 WHERE id = $1::bigint", id_text);
      }
    }
}
