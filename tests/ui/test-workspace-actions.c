/* test-workspace-actions.c — every affaire action on a real database, under
 * Xvfb: status and history, conflicts, drafts, the médecin-conseil's answer */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/ins-decision-dialog.h"
#include "ui/ins-queue-columns.h"
#include "ui/ins-document-view.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window-private.h"
#include "ui-test-util.h"
#include "ui-workspace-steps.h"

/* Actions -------------------------------------------------------------------- */

static void
test_actions_change_status_and_history (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsDecisionDialog *dialog;
  g_autofree char *id_text = NULL;
  gint64 id;

  /* Take the next affaire: the priority one. */
  id = ui_test_claim_next (window);
  g_assert_cmpint (id, ==, ui_test_affaire_id ("SE-2026-0000001"));
  g_assert_cmpint (ui_test_history_count (id, "claim"), ==, 1);
  g_assert_false (ins_document_view_get_read_only (ins_window_get_document_view (window)));
  ui_test_screenshot (GTK_WIDGET (window), "05-affaire-claimed");

  /* Ask the médecin-conseil. */
  dialog = ui_test_open_dialog (window, "affaire.request-avis");
  g_assert_false (ins_decision_dialog_is_complete (dialog));
  ins_decision_dialog_set_text (dialog, "Les soins étaient-ils programmés ?");
  ui_test_screenshot (GTK_WIDGET (dialog), "06-dialog-avis");
  ui_test_confirm (window, dialog, id, "avis_medical_demande");
  g_assert_cmpint (ui_test_history_count (id, "request_avis"), ==, 1);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM avis_medical WHERE affaire_id = $1::bigint"
                                    " AND question LIKE 'Les soins%'", id_text), ==, 1);

  /* Accept a foreign-care affaire: the rate comes from the ECB or is entered. */
  id = ui_test_claim_next_of_kind (window, INS_KIND_SOINS_ETRANGER);
  dialog = ui_test_open_dialog (window, "affaire.accept");
  if (!ins_decision_dialog_is_complete (dialog))
    ins_decision_dialog_set_rate (dialog, "10.5", "Banque centrale");
  ui_test_screenshot (GTK_WIDGET (dialog), "07-dialog-accept");
  ui_test_confirm (window, dialog, id, "acceptee");
  g_free (id_text);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM affaire WHERE id = $1::bigint AND amount_eur_cents > 0"
                                    " AND rate IS NOT NULL AND rate_date IS NOT NULL AND rate_source <> ''",
                                    id_text), ==, 1);
  g_assert_cmpint (ui_test_history_count (id, "accept"), ==, 1);

  /* Close it: the notification is queued with it. */
  dialog = ui_test_open_dialog (window, "affaire.close");
  ui_test_confirm (window, dialog, id, "cloturee");
  g_assert_cmpint (ui_test_history_count (id, "close"), ==, 1);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM notification_outbox WHERE affaire_id = $1::bigint"
                                    " AND kind = 'acceptation'", id_text), ==, 1);

  /* Refuse with a motif, then « Clôturer et suivante ». */
  id = ui_test_claim_next (window);
  dialog = ui_test_open_dialog (window, "affaire.refuse");
  g_assert_false (ins_decision_dialog_is_complete (dialog));
  ins_decision_dialog_set_motif (dialog, INS_MOTIF_HORS_DELAI);
  ins_decision_dialog_set_text (dialog, "La demande est arrivée après le délai.");
  ui_test_screenshot (GTK_WIDGET (dialog), "08-dialog-refuse");
  ui_test_confirm (window, dialog, id, "refusee");
  g_free (id_text);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM affaire WHERE id = $1::bigint"
                                    " AND refusal_motif = 'hors_delai'", id_text), ==, 1);
  g_assert_cmpint (ui_test_history_count (id, "refuse"), ==, 1);
  ui_test_screenshot (GTK_WIDGET (window), "09-refused-courrier");
  dialog = ui_test_open_dialog (window, "affaire.close-next");
  ui_test_confirm (window, dialog, id, "cloturee");
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM notification_outbox WHERE affaire_id = $1::bigint"
                                    " AND kind = 'refus'", id_text), ==, 1);
  g_assert_nonnull (ins_window_get_affaire (window));
  g_assert_cmpint (ins_window_get_affaire (window)->id, !=, id);
  g_assert_cmpint (ins_window_get_affaire (window)->status, ==, INS_STATUS_EN_COURS);

  /* Incomplete: the missing pieces are recorded and asked for. */
  id = ins_window_get_affaire (window)->id;
  dialog = ui_test_open_dialog (window, "affaire.incomplete");
  ins_decision_dialog_set_piece (dialog, INS_PAGE_TAG_FACTURE, TRUE);
  ins_decision_dialog_set_text (dialog, "Merci d'envoyer la facture détaillée.");
  ui_test_screenshot (GTK_WIDGET (dialog), "10-dialog-incomplete");
  ui_test_confirm (window, dialog, id, "en_attente_pieces");
  g_free (id_text);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM affaire WHERE id = $1::bigint"
                                    " AND 'facture' = ANY (missing_pieces)", id_text), ==, 1);
  g_assert_cmpint (ui_test_history_count (id, "mark_incomplete"), ==, 1);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM notification_outbox WHERE affaire_id = $1::bigint"
                                    " AND kind = 'pieces_manquantes'", id_text), ==, 1);
  ui_test_window_close (window);
}

/* A conflict ------------------------------------------------------------------ */

static void
test_conflict_is_reported (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsDecisionDialog *dialog;
  g_autofree char *id_text = NULL;
  gint64 id;

  id = ui_test_claim_next (window);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  dialog = ui_test_open_dialog (window, "affaire.refuse");
  ins_decision_dialog_set_motif (dialog, INS_MOTIF_NON_ELIGIBLE);

  /* Meanwhile, from another connection, a supervisor gives it to Paul. */
  ui_test_sql_run ("WITH a AS (UPDATE affaire SET assignee_id = (SELECT id FROM agent WHERE login = 'ui_paul'),"
                   "                              version = version + 1 WHERE id = $1::bigint RETURNING id)"
                   " INSERT INTO history (affaire_id, agent_id, action, from_status, to_status, comment)"
                   " SELECT id, (SELECT id FROM agent WHERE login = 'ui_paul'), 'reassign', 'en_cours', 'en_cours', ''"
                   "   FROM a", id_text);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  ui_test_settle (window);
  g_assert_nonnull (ins_window_get_last_message (window));
  g_test_message ("conflict: %s", ins_window_get_last_message (window));
  {
    g_autofree char *status = ui_test_affaire_status (id);
    g_assert_cmpstr (status, ==, "en_cours");   /* nothing was overwritten */
  }
  /* Reloaded: Paul holds it now, Marie can no longer refuse it. */
  g_assert_cmpint (ins_window_get_affaire (window)->version, ==,
                   ui_test_sql_int ("SELECT version FROM affaire WHERE id = $1::bigint", id_text));
  g_assert_false (ins_window_action_enabled (window, INS_WS_REFUSE));
  g_assert_cmpint (ins_window_get_affaire (window)->assignee_id, ==,
                   ui_test_sql_int ("SELECT id FROM agent WHERE login = $1", "ui_paul"));
  /* What the agent reads: the message dialog over the window, saying what
   * happened (the window's own screenshot would not show it). */
  {
    GtkWidget *message = ui_test_find_dialog (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (message);
    g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), ==,
                     ins_window_get_last_message (window));
    ui_test_screenshot (message, "11-conflict");
    ui_test_screenshot (GTK_WIDGET (window), "11-conflict-reloaded");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (message), "ok");
    gtk_window_close (GTK_WINDOW (message));
    ui_test_spin (5);
  }
  ui_test_window_close (window);
}

/* Drafts ---------------------------------------------------------------------- */

typedef struct {
  const char *path;
  const char *needle;
} FileWait;

static gboolean
file_has (gpointer data)
{
  FileWait *w = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (w->path, &contents, NULL, NULL) && strstr (contents, w->needle) != NULL;
}

static void
test_draft_survives_a_crash (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsDecisionDialog *dialog;
  g_autofree char *restored = NULL;
  FileWait w = { ui_test_drafts_path (), "prestations non prévues" };
  gint64 id;

  id = ui_test_claim_next (window);
  dialog = ui_test_open_dialog (window, "affaire.refuse");
  ins_decision_dialog_set_motif (dialog, INS_MOTIF_PRESTATIONS_NON_REMBOURSABLES);
  ins_decision_dialog_set_text (dialog, "Ces prestations non prévues par la nomenclature…");

  /* Written as typed, before anything is sent. */
  ui_test_wait (file_has, &w, "the draft on disk");
  ui_test_window_close (window);

  /* A new session: the same dialog comes back with the text and the motif. */
  window = ui_test_window_new ("ui_marie");
  ins_window_show_affaire (window, id);
  ui_test_wait_affaire (window, id);
  dialog = ui_test_open_dialog (window, "affaire.refuse");
  restored = ins_decision_dialog_dup_text (dialog);
  g_assert_cmpstr (restored, ==, "Ces prestations non prévues par la nomenclature…");
  g_assert_true (ins_decision_dialog_is_complete (dialog));   /* the motif too */

  /* Sent: the draft is gone. */
  ui_test_confirm (window, dialog, id, "refusee");
  ins_drafts_flush (ins_window_get_drafts (window), NULL);
  g_assert_false (ins_drafts_has (ins_window_get_drafts (window), id, INS_ACTION_REFUSE));
  g_assert_false (file_has (&w));
  ui_test_window_close (window);
}

/* Médecin-conseil ---------------------------------------------------------------- */

static void
test_medecin_answers (void)
{
  InsWindow *window = ui_test_window_new ("ui_claire");
  InsQueueModel *model = ins_queue_view_get_model (ins_window_get_queue_view (window));
  InsDecisionDialog *dialog;
  InsQueueItem *first;
  g_autofree char *id_text = NULL;
  gint64 id;
  guint n;

  /* Only the opinions to give. */
  ui_test_load_all (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, ui_test_visible_count ("status = 'avis_medical_demande' AND kind = 'soins_etranger'"));
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (ins_queue_item_get_row (ui_test_item_at (model, i))->status, ==, INS_STATUS_AVIS_MEDICAL_DEMANDE);
  /* A request for an opinion releases the affaire: no agent column to show. */
  {
    GtkColumnView *columns = GTK_COLUMN_VIEW (gtk_widget_get_template_child (
      GTK_WIDGET (ins_window_get_queue_view (window)), INS_TYPE_QUEUE_VIEW, "column_view"));

    g_assert_false (gtk_column_view_column_get_visible (ins_queue_columns_find (columns, "agent")));
    g_assert_true (gtk_column_view_column_get_visible (ins_queue_columns_find (columns, "status")));
  }

  first = ui_test_item_at (model, 0);
  id = ins_queue_item_get_id (first);
  ins_queue_view_select_id (ins_window_get_queue_view (window), id);
  ui_test_wait_affaire (window, id);
  ui_test_screenshot (GTK_WIDGET (window), "12-medecin");

  /* The documents are read-only: the page menu offers tags and rotation
   * insensitive, opening with the desktop's viewer still possible. */
  {
    InsDocumentView *doc = ins_window_get_document_view (window);
    GtkWidget *menu = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (doc), INS_TYPE_DOCUMENT_VIEW,
                                                                 "page_menu_button"));
    GtkWidget *rotate = ui_test_find_menu_item (menu, _("Rotate clockwise"));
    GtkWidget *tag = ui_test_find_menu_item (menu, ins_page_tag_label (INS_PAGE_TAG_FACTURE));
    GtkWidget *open = ui_test_find_menu_item (menu, _("Open with the default application"));

    g_assert_true (ins_document_view_get_read_only (doc));
    g_assert_nonnull (rotate);
    g_assert_nonnull (tag);
    g_assert_nonnull (open);
    g_assert_true (gtk_widget_get_visible (menu) && gtk_widget_is_sensitive (menu));
    g_assert_false (gtk_widget_is_sensitive (tag));
    g_assert_false (gtk_widget_is_sensitive (rotate));
    g_assert_true (gtk_widget_is_sensitive (open));
  }

  /* Read-only for decisions; the answer form only. */
  g_assert_false (ins_window_action_enabled (window, INS_WS_ACCEPT));
  g_assert_false (ins_window_action_enabled (window, INS_WS_CLAIM_NEXT));
  g_assert_true (ins_window_action_enabled (window, INS_WS_ANSWER_AVIS));
  dialog = ui_test_open_dialog (window, "affaire.answer-avis");
  ins_decision_dialog_set_avis (dialog, INS_AVIS_DEFAVORABLE);
  ins_decision_dialog_set_text (dialog, "Soins non urgents : avis défavorable.");
  ins_decision_dialog_set_reasoning (dialog, "Raisonnement médical confidentiel.");
  ui_test_screenshot (GTK_WIDGET (dialog), "13-dialog-answer");
  ui_test_confirm (window, dialog, id, "en_cours");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM avis_medical v JOIN avis_medical_reasoning r"
                                    " ON r.avis_id = v.id WHERE v.affaire_id = $1::bigint"
                                    " AND v.conclusion = 'defavorable'", id_text), ==, 1);
  ui_test_window_close (window);
}

/* The ECB publishes no rate for the dirham: a French agent types one with a
 * decimal comma, and the decision stores that number, whatever the locale. */
static void
test_rate_typed_with_a_comma (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  g_autofree char *id_text = ui_test_sql_value ("SELECT a.id::text FROM affaire a"
                                                " JOIN organisme o ON o.id = a.organisme_id"
                                                " WHERE o.code = 'CPAM-40' AND a.kind = 'soins_etranger'"
                                                "   AND a.status = $1 ORDER BY a.id DESC LIMIT 1", "recue");
  gint64 id;
  InsDecisionDialog *dialog;

  g_assert_nonnull (id_text);
  id = g_ascii_strtoll (id_text, NULL, 10);
  ui_test_sql_run ("UPDATE affaire SET currency = 'MAD', country = 'MA' WHERE id = $1::bigint", id_text);
  ins_window_show_affaire (window, id);
  ui_test_settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "affaire.claim", NULL));
  ui_test_settle (window);
  dialog = ui_test_open_dialog (window, "affaire.accept");
  g_assert_false (ins_decision_dialog_is_complete (dialog));
  ins_decision_dialog_set_rate (dialog, "10,5", "Bank Al-Maghrib");
  ui_test_screenshot (GTK_WIDGET (dialog), "07-dialog-accept-typed-rate");
  ui_test_confirm (window, dialog, id, "acceptee");
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM affaire WHERE id = $1::bigint AND rate = 10.5"
                                    " AND abs(amount_eur_cents - round(amount_minor / 10.5)) <= 1",
                                    id_text), ==, 1);
  ui_test_window_close (window);
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/workspace/actions-change-status-and-history", test_actions_change_status_and_history);
  g_test_add_func ("/workspace/conflict-reported-and-reloaded", test_conflict_is_reported);
  g_test_add_func ("/workspace/draft-survives-a-crash", test_draft_survives_a_crash);
  g_test_add_func ("/workspace/medecin-conseil-answers", test_medecin_answers);
  g_test_add_func ("/workspace/rate-typed-with-a-comma", test_rate_typed_with_a_comma);
  return g_test_run ();
}
