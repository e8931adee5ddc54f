/* test-workspace.c — the agent's window on a real database, under Xvfb:
 * queue pages, filters and sorts, the affaire and its first page, every
 * action, conflicts, drafts, the médecin-conseil's mode */
#include "config.h"

#include <glib/gstdio.h>

#include "store/ins-db.h"
#include "ui/ins-affaire-panel.h"
#include "ui/ins-decision-dialog.h"
#include "ui/ins-document-view.h"
#include "ui/ins-queue-view.h"
#include "ui/ins-window-private.h"
#include "ins-test-db.h"
#include "ui-test-util.h"
#include "ui-widget-texts.h"

/* Queue --------------------------------------------------------------------- */

static gboolean
model_idle (gpointer data)
{
  return !ins_queue_model_get_loading (data);
}

static void
load_all (InsQueueModel *model)
{
  while (ins_queue_model_get_has_more (model))
    {
      ins_queue_model_load_more (model);
      ui_test_wait (model_idle, model, "the next page");
    }
}

static InsQueueItem *
item_at (InsQueueModel *model, guint position)
{
  InsQueueItem *item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_object_unref (item);   /* the model keeps it */
  return item;
}

static void
test_queue_pages (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueModel *model = ins_queue_view_get_model (ins_window_get_queue_view (window));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 expected = ui_test_sql_int ("SELECT count(*) FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                                     " WHERE o.code = $1 AND status <> 'cloturee'", "CPAM-40");
  guint n;

  /* The whole queue's size at once, the rows the view shows loaded; the priority affaire first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
  g_assert_true (ins_queue_model_is_loaded (model, 0));
  g_assert_cmpstr (ins_queue_item_get_numero (item_at (model, 0)), ==, "SE-2026-0000001");
  ui_test_screenshot (GTK_WIDGET (window), "01-queue");

  /* Scrolling asks for the next pages until the end. */
  load_all (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, expected);
  for (guint i = 0; i < n; i++)
    {
      InsQueueItem *item = item_at (model, i);
      gint64 *id = g_new (gint64, 1);

      *id = ins_queue_item_get_id (item);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
      g_assert_cmpstr (ins_queue_item_get_numero (item), !=, "SE-2026-0009999");  /* another organisme */
    }

  /* The header counts what is left to take. */
  g_assert_true (g_str_has_prefix (ins_window_get_subtitle (window), "200 "));
  ui_test_window_close (window);
}

static gint64
visible_count (const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                                          " WHERE o.code = $1 AND %s", where);
  return ui_test_sql_int (sql, "CPAM-40");
}

static void
wait_query (InsQueueModel *model)
{
  ui_test_spin (3);
  ui_test_wait (model_idle, model, "the queue to load");
  load_all (model);
}

static void
test_queue_filters_and_sorts (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *view = ins_window_get_queue_view (window);
  InsQueueModel *model = ins_queue_view_get_model (view);
  g_autofree char *newest = NULL;
  g_autofree char *soonest = NULL;
  guint n;

  /* Type: only OC affaires, as many as SQL counts. */
  ins_queue_view_set_kind_filter (view, INS_KIND_CHEVAUCHEMENT_OC);
  wait_query (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, visible_count ("kind = 'chevauchement_oc' AND status <> 'cloturee'"));
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (ins_queue_item_get_row (item_at (model, i))->kind, ==, INS_KIND_CHEVAUCHEMENT_OC);
  ins_queue_view_set_kind_filter (view, -1);

  /* Status: the opinions requested. */
  ins_queue_view_set_status_filter (view, 3);
  wait_query (model);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                   visible_count ("status = 'avis_medical_demande'"));
  ins_queue_view_set_status_filter (view, 6);
  wait_query (model);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, visible_count ("status = 'cloturee'"));
  ins_queue_view_set_status_filter (view, 0);

  /* Overdue: past due, not paused, not closed — and the text says so. */
  ins_queue_view_set_breached (view, TRUE);
  wait_query (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (n, ==, visible_count ("due_at < coalesce(sla_paused_since, now()) AND status <> 'cloturee'"));
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) classes = NULL;

      g_object_get (item_at (model, i), "due-css-classes", &classes, NULL);
      g_assert_true (g_strv_contains ((const char * const *) classes, "sla-breached"));
      g_assert_true (strstr (ins_queue_item_get_due (item_at (model, i)), "day") != NULL
                     || strstr (ins_queue_item_get_due (item_at (model, i)), "jour") != NULL);
    }
  ui_test_screenshot (GTK_WIDGET (window), "02-queue-overdue");
  ins_queue_view_set_breached (view, FALSE);

  /* Mine: Marie holds nothing yet. */
  ins_queue_view_set_mine (view, TRUE);
  wait_query (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  ins_queue_view_set_mine (view, FALSE);

  /* Sorting by a column header is done in SQL. */
  newest = ui_test_sql_value ("SELECT numero FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                              " WHERE o.code = $1 AND status <> 'cloturee' ORDER BY received_at DESC, a.id DESC LIMIT 1",
                              "CPAM-40");
  ins_queue_view_sort_by (view, "received", TRUE);
  wait_query (model);
  g_assert_cmpstr (ins_queue_item_get_numero (item_at (model, 0)), ==, newest);
  soonest = ui_test_sql_value ("SELECT numero FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
                               " WHERE o.code = $1 AND status <> 'cloturee' ORDER BY due_at, a.id LIMIT 1",
                               "CPAM-40");
  ins_queue_view_sort_by (view, "due", FALSE);
  wait_query (model);
  g_assert_cmpstr (ins_queue_item_get_numero (item_at (model, 0)), ==, soonest);
  ins_queue_view_sort_by (view, NULL, FALSE);

  /* Search by numéro prefix and by name. */
  ins_queue_view_set_search (view, "SE-2026-000012");
  wait_query (model);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                   visible_count ("numero LIKE 'SE-2026-000012%' AND status <> 'cloturee'"));
  ins_queue_view_set_search (view, "girard");
  wait_query (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, visible_count ("nom = 'Girard' AND status <> 'cloturee'"));
  ins_queue_view_set_search (view, NULL);
  wait_query (model);
  ui_test_window_close (window);
}

/* Selection ------------------------------------------------------------------ */

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

static void
wait_affaire (InsWindow *window, gint64 id)
{
  AffaireWait w = { window, id };

  ui_test_wait (affaire_shown, &w, "the affaire to show");
}

typedef struct {
  gint64 attachment_id;
  int    page_no;
} PageSeen;

static void
on_page_shown (InsDocumentView *view, gint64 attachment_id, int page_no, PageSeen *seen)
{
  seen->attachment_id = attachment_id;
  seen->page_no = page_no;
}

static gboolean
page_seen (gpointer data)
{
  return ((PageSeen *) data)->page_no > 0;
}

static void
test_select_shows_affaire_and_first_page (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  gint64 id = ui_test_affaire_id ("SE-2026-0000001");
  InsDocumentView *doc;
  InsAffaire *affaire;
  PageSeen seen = { 0, };
  gulong handler;

  g_assert_true (ins_queue_view_select_id (ins_window_get_queue_view (window), id));
  wait_affaire (window, id);
  affaire = ins_window_get_affaire (window);
  g_assert_cmpstr (affaire->numero, ==, "SE-2026-0000001");
  g_assert_nonnull (affaire->soins);

  doc = ins_window_get_document_view (window);
  g_assert_nonnull (doc);
  handler = g_signal_connect (doc, "page-shown", G_CALLBACK (on_page_shown), &seen);
  if (ins_document_view_get_current_page (doc) != 1 || seen.page_no == 0)
    ui_test_wait (page_seen, &seen, "the first page to be painted");
  g_signal_handler_disconnect (doc, handler);
  g_assert_cmpint (ins_document_view_get_current_document (doc), ==, 0);
  g_assert_cmpint (ins_document_view_get_current_page (doc), ==, 1);
  g_assert_cmpint (seen.attachment_id, ==, ((InsAttachmentInfo *) affaire->attachments->pdata[0])->id);
  ui_test_screenshot (GTK_WIDGET (window), "03-affaire-selected");
  /* Not held by Marie yet: she reads the pages but does not tag or turn them. */
  g_assert_cmpint (affaire->assignee_id, ==, 0);
  g_assert_true (ins_document_view_get_read_only (doc));

  /* An OC affaire: the resolver. */
  id = ui_test_affaire_id ("OC-2026-0000008");
  ins_window_show_affaire (window, id);
  wait_affaire (window, id);
  g_assert_cmpuint (ins_window_get_affaire (window)->oc_beneficiaires->len, ==, 5);
  /* The resolver is in the affaire pane, folded away at this width until
   * the agent asks for it: the shot shows it. */
  ins_window_layout_show_affaire (window);
  ui_test_settle (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->affaire_panel)));
  ui_test_screenshot (GTK_WIDGET (window), "04-affaire-oc");
  ui_test_window_close (window);
}

static GtkWidget *
find_panel (GtkWidget *root)
{
  if (INS_IS_AFFAIRE_PANEL (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_panel (c);
      if (found)
        return found;
    }
  return NULL;
}

/* Twenty affaires selected in a row with j, each replacing the previous one's
 * load: the panel ends up showing exactly the last one, with its own
 * beneficiaries and OCs and none of the others', and its documents follow. */
static void
test_browse_twenty_shows_the_last (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *queue = ins_window_get_queue_view (window);
  GtkWidget *panel = find_panel (GTK_WIDGET (window));
  g_autoptr(GPtrArray) numeros = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *id_text = NULL, *member = NULL, *count_sql = NULL;
  InsAffaire *affaire;
  gint64 id = 0;
  guint n_members = 0;

  g_assert_nonnull (panel);
  ins_window_layout_show_affaire (window);
  for (guint i = 0; i < 28; i++)
    {
      InsQueueItem *item;

      g_assert_true (ins_queue_view_move_selection (queue, 1));
      item = ins_queue_view_get_selected (queue);
      id = ins_queue_item_get_id (item);
      g_ptr_array_add (numeros, ui_test_sql_value ("SELECT numero FROM affaire WHERE id = $1::bigint",
                                                   id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id)));
      g_clear_pointer (&id_text, g_free);
      ui_test_spin (i % 3);
      if (i >= 19 && g_str_has_prefix (g_ptr_array_index (numeros, numeros->len - 1), "OC-"))
        break;
    }
  g_assert_true (g_str_has_prefix (g_ptr_array_index (numeros, numeros->len - 1), "OC-"));
  wait_affaire (window, id);
  affaire = ins_window_get_affaire (window);
  g_assert_true (ins_affaire_panel_get_affaire (INS_AFFAIRE_PANEL (panel)) == affaire);

  ui_widget_visible_texts (panel, texts);
  for (guint i = 0; i < numeros->len; i++)
    {
      guint seen_numero = 0;

      for (guint t = 0; t < texts->len; t++)
        if (g_strcmp0 (g_ptr_array_index (texts, t), g_ptr_array_index (numeros, i)) == 0)
          seen_numero++;
      g_assert_cmpuint (seen_numero, ==, i == numeros->len - 1 ? 1 : 0);
    }
  member = g_strdup_printf ("HM-%" G_GINT64_FORMAT "-", id);
  for (guint t = 0; t < texts->len; t++)
    {
      const char *text = g_ptr_array_index (texts, t);

      if (strstr (text, "HM-") != NULL)
        {
          g_assert_nonnull (strstr (text, member));
          n_members++;
        }
    }
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (n_members, ==, ui_test_sql_int ("SELECT count(*) FROM oc_beneficiaire WHERE affaire_id = $1::bigint",
                                                   id_text));
  g_assert_cmpuint (n_members, >, 0);
  g_assert_cmpuint (n_members, ==, affaire->oc_beneficiaires->len);

  /* The documents follow the panel: an OC affaire has none, and nothing of the
   * foreign-care affaires browsed before stays in the viewer. */
  ui_test_settle (window);
  g_assert_true (affaire->attachments == NULL || affaire->attachments->len == 0);
  g_assert_cmpuint (ins_document_view_get_n_documents (ins_window_get_document_view (window)), ==, 0);
  ui_test_window_close (window);
}

/* Actions -------------------------------------------------------------------- */

static gboolean
dialog_open (gpointer data)
{
  return ins_window_get_dialog (data) != NULL;
}

static InsDecisionDialog *
open_dialog (InsWindow *window, const char *action)
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

static void
confirm (InsWindow *window, InsDecisionDialog *dialog, gint64 id, const char *status)
{
  StatusWait w = { id, status };

  g_assert_true (ins_decision_dialog_is_complete (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  ui_test_wait (status_is, &w, status);
  ui_test_settle (window);
}

static gint64
claim_next (InsWindow *window)
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

static gint64
claim_next_of_kind (InsWindow *window, InsAffaireKind kind)
{
  for (;;)
    {
      gint64 id = claim_next (window);

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

static void
test_actions_change_status_and_history (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsDecisionDialog *dialog;
  g_autofree char *id_text = NULL;
  gint64 id;

  /* Take the next affaire: the priority one. */
  id = claim_next (window);
  g_assert_cmpint (id, ==, ui_test_affaire_id ("SE-2026-0000001"));
  g_assert_cmpint (ui_test_history_count (id, "claim"), ==, 1);
  g_assert_false (ins_document_view_get_read_only (ins_window_get_document_view (window)));
  ui_test_screenshot (GTK_WIDGET (window), "05-affaire-claimed");

  /* Ask the médecin-conseil. */
  dialog = open_dialog (window, "affaire.request-avis");
  g_assert_false (ins_decision_dialog_is_complete (dialog));
  ins_decision_dialog_set_text (dialog, "Les soins étaient-ils programmés ?");
  ui_test_screenshot (GTK_WIDGET (dialog), "06-dialog-avis");
  confirm (window, dialog, id, "avis_medical_demande");
  g_assert_cmpint (ui_test_history_count (id, "request_avis"), ==, 1);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM avis_medical WHERE affaire_id = $1::bigint"
                                    " AND question LIKE 'Les soins%'", id_text), ==, 1);

  /* Accept a foreign-care affaire: the rate comes from the ECB or is entered. */
  id = claim_next_of_kind (window, INS_KIND_SOINS_ETRANGER);
  dialog = open_dialog (window, "affaire.accept");
  if (!ins_decision_dialog_is_complete (dialog))
    ins_decision_dialog_set_rate (dialog, "10.5", "Banque centrale");
  ui_test_screenshot (GTK_WIDGET (dialog), "07-dialog-accept");
  confirm (window, dialog, id, "acceptee");
  g_free (id_text);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM affaire WHERE id = $1::bigint AND amount_eur_cents > 0"
                                    " AND rate IS NOT NULL AND rate_date IS NOT NULL AND rate_source <> ''",
                                    id_text), ==, 1);
  g_assert_cmpint (ui_test_history_count (id, "accept"), ==, 1);

  /* Close it: the notification is queued with it. */
  dialog = open_dialog (window, "affaire.close");
  confirm (window, dialog, id, "cloturee");
  g_assert_cmpint (ui_test_history_count (id, "close"), ==, 1);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM notification_outbox WHERE affaire_id = $1::bigint"
                                    " AND kind = 'acceptation'", id_text), ==, 1);

  /* Refuse with a motif, then « Clôturer et suivante ». */
  id = claim_next (window);
  dialog = open_dialog (window, "affaire.refuse");
  g_assert_false (ins_decision_dialog_is_complete (dialog));
  ins_decision_dialog_set_motif (dialog, INS_MOTIF_HORS_DELAI);
  ins_decision_dialog_set_text (dialog, "La demande est arrivée après le délai.");
  ui_test_screenshot (GTK_WIDGET (dialog), "08-dialog-refuse");
  confirm (window, dialog, id, "refusee");
  g_free (id_text);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM affaire WHERE id = $1::bigint"
                                    " AND refusal_motif = 'hors_delai'", id_text), ==, 1);
  g_assert_cmpint (ui_test_history_count (id, "refuse"), ==, 1);
  ui_test_screenshot (GTK_WIDGET (window), "09-refused-courrier");
  dialog = open_dialog (window, "affaire.close-next");
  confirm (window, dialog, id, "cloturee");
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM notification_outbox WHERE affaire_id = $1::bigint"
                                    " AND kind = 'refus'", id_text), ==, 1);
  g_assert_nonnull (ins_window_get_affaire (window));
  g_assert_cmpint (ins_window_get_affaire (window)->id, !=, id);
  g_assert_cmpint (ins_window_get_affaire (window)->status, ==, INS_STATUS_EN_COURS);

  /* Incomplete: the missing pieces are recorded and asked for. */
  id = ins_window_get_affaire (window)->id;
  dialog = open_dialog (window, "affaire.incomplete");
  ins_decision_dialog_set_piece (dialog, INS_PAGE_TAG_FACTURE, TRUE);
  ins_decision_dialog_set_text (dialog, "Merci d'envoyer la facture détaillée.");
  ui_test_screenshot (GTK_WIDGET (dialog), "10-dialog-incomplete");
  confirm (window, dialog, id, "en_attente_pieces");
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

  id = claim_next (window);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  dialog = open_dialog (window, "affaire.refuse");
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

  id = claim_next (window);
  dialog = open_dialog (window, "affaire.refuse");
  ins_decision_dialog_set_motif (dialog, INS_MOTIF_PRESTATIONS_NON_REMBOURSABLES);
  ins_decision_dialog_set_text (dialog, "Ces prestations non prévues par la nomenclature…");

  /* Written as typed, before anything is sent. */
  ui_test_wait (file_has, &w, "the draft on disk");
  ui_test_window_close (window);

  /* A new session: the same dialog comes back with the text and the motif. */
  window = ui_test_window_new ("ui_marie");
  ins_window_show_affaire (window, id);
  wait_affaire (window, id);
  dialog = open_dialog (window, "affaire.refuse");
  restored = ins_decision_dialog_dup_text (dialog);
  g_assert_cmpstr (restored, ==, "Ces prestations non prévues par la nomenclature…");
  g_assert_true (ins_decision_dialog_is_complete (dialog));   /* the motif too */

  /* Sent: the draft is gone. */
  confirm (window, dialog, id, "refusee");
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
  load_all (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n, ==, visible_count ("status = 'avis_medical_demande' AND kind = 'soins_etranger'"));
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (ins_queue_item_get_row (item_at (model, i))->status, ==, INS_STATUS_AVIS_MEDICAL_DEMANDE);

  first = item_at (model, 0);
  id = ins_queue_item_get_id (first);
  ins_queue_view_select_id (ins_window_get_queue_view (window), id);
  wait_affaire (window, id);
  ui_test_screenshot (GTK_WIDGET (window), "12-medecin");

  /* The documents are read-only: the page menu offers tags and rotation
   * insensitive, opening with the desktop's viewer still possible. */
  {
    InsDocumentView *doc = ins_window_get_document_view (window);
    GtkWidget *menu = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (doc), INS_TYPE_DOCUMENT_VIEW,
                                                                 "page_menu_button"));
    GtkWidget *rotate = ui_test_find_menu_item (menu, "Rotate clockwise");
    GtkWidget *tag = ui_test_find_menu_item (menu, ins_page_tag_label (INS_PAGE_TAG_FACTURE));
    GtkWidget *open = ui_test_find_menu_item (menu, "Open with the default application");

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
  dialog = open_dialog (window, "affaire.answer-avis");
  ins_decision_dialog_set_avis (dialog, INS_AVIS_DEFAVORABLE);
  ins_decision_dialog_set_text (dialog, "Soins non urgents : avis défavorable.");
  ins_decision_dialog_set_reasoning (dialog, "Raisonnement médical confidentiel.");
  ui_test_screenshot (GTK_WIDGET (dialog), "13-dialog-answer");
  confirm (window, dialog, id, "en_cours");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (ui_test_sql_int ("SELECT count(*) FROM avis_medical v JOIN avis_medical_reasoning r"
                                    " ON r.avis_id = v.id WHERE v.affaire_id = $1::bigint"
                                    " AND v.conclusion = 'defavorable'", id_text), ==, 1);
  ui_test_window_close (window);
}

/* Live updates -------------------------------------------------------------------- */

static gboolean
item_status_is (gpointer data)
{
  InsQueueItem *item = data;

  return ins_queue_item_get_row (item)->status == INS_STATUS_EN_COURS;
}

static void
test_other_agent_change_keeps_selection (void)
{
  InsWindow *window = ui_test_window_new ("ui_marie");
  InsQueueView *view = ins_window_get_queue_view (window);
  InsQueueModel *model = ins_queue_view_get_model (view);
  InsQueueItem *selected, *other;
  gint64 selected_id;

  /* Marie looks at a row; Paul takes one a little further, from his own session. */
  guint k = 1;
  while (ins_queue_item_get_row (item_at (model, k))->status != INS_STATUS_RECUE
         || ins_queue_item_get_row (item_at (model, k + 2))->status != INS_STATUS_RECUE)
    k++;
  selected = item_at (model, k);
  selected_id = ins_queue_item_get_id (selected);
  ins_queue_view_select_id (view, selected_id);
  wait_affaire (window, selected_id);
  other = g_object_ref (item_at (model, k + 2));
  g_assert_cmpint (ins_queue_item_get_row (other)->status, ==, INS_STATUS_RECUE);
  ui_test_claim_as ("ui_paul", ins_queue_item_get_id (other));

  /* Seen without a manual refresh; the selection stays. */
  ui_test_wait (item_status_is, other, "the other agent's claim to show");
  g_assert_cmpstr (ins_queue_item_get_agent (other), ==, "Paul Martin");
  g_assert_nonnull (ins_queue_view_get_selected (view));
  g_assert_cmpint (ins_queue_item_get_id (ins_queue_view_get_selected (view)), ==, selected_id);
  g_object_unref (other);
  ui_test_window_close (window);
}

/* Keyboard and accessibility ------------------------------------------------------ */

static void
check_accessible (GtkWidget *widget, guint *checked)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child) && gtk_widget_get_focusable (child)
          && (GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child) || GTK_IS_DROP_DOWN (child)))
        {
          const char *label = GTK_IS_BUTTON (child) ? gtk_button_get_label (GTK_BUTTON (child)) : NULL;
          const char *tooltip = gtk_widget_get_tooltip_text (child);

          if (!((label != NULL && *label) || (tooltip != NULL && *tooltip)
                || GTK_IS_DROP_DOWN (child) || GTK_IS_MENU_BUTTON (child)))
            {
              g_test_message ("no name: %s in %s", G_OBJECT_TYPE_NAME (child),
                              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (child)));
              g_test_fail ();
            }
          (*checked)++;
        }
      /* Composite GTK widgets name their own parts. */
      if (!GTK_IS_MENU_BUTTON (child) && !GTK_IS_DROP_DOWN (child) && !GTK_IS_WINDOW_CONTROLS (child))
        check_accessible (child, checked);
    }
}

static void
test_shortcuts_and_names (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/fr/ameli/Instruction/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  InsWindow *window;
  guint checked = 0;
  const char *labels[] = { "Take the next affaire", "Request a medical opinion", "Accept", "Refuse",
                           "Incomplete", "Close", "Close and next" };

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));

  window = ui_test_window_new ("ui_marie");
  check_accessible (GTK_WIDGET (window), &checked);
  g_assert_cmpuint (checked, >=, G_N_ELEMENTS (labels));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *ids[] = { "claim_next_button", "request_avis_button", "accept_button", "refuse_button",
                            "incomplete_button", "close_button", "close_next_button" };
      GObject *button = gtk_widget_get_template_child (GTK_WIDGET (window), INS_TYPE_WINDOW, ids[i]);

      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, labels[i]);
    }
  ui_test_window_close (window);
}

/* Every action word the store writes in the history reads as French words. */
static void
test_history_labels (void)
{
  const char *extra[] = { "import", "retry_notification", "transfer" };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (ui_test_admin (), "SELECT DISTINCT action FROM history", 0, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < INS_N_ACTIONS; i++)
    {
      const char *label = ins_affaire_panel_history_label (ins_action_to_nick (i));

      g_assert_cmpstr (label, !=, ins_action_to_nick (i));
      g_assert_cmpstr (label, !=, "Other action");
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    g_assert_cmpstr (ins_affaire_panel_history_label (extra[i]), !=, "Other action");
  g_assert_cmpint (PQntuples (res), >, 0);
  for (int i = 0; i < PQntuples (res); i++)
    g_assert_cmpstr (ins_affaire_panel_history_label (PQgetvalue (res, i, 0)), !=, "Other action");
  g_assert_cmpstr (ins_affaire_panel_history_label ("some_future_word"), ==, "Other action");
}

/* Window size and the queue's filters and order live in GSettings (memory
 * backend in tests): restored on opening, kept as they change. */
static void
test_settings_restore_filters (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(InsQueueQuery) query = NULL;
  g_auto(GStrv) statuses = NULL;
  g_autofree char *sort = NULL;
  InsWindow *window;
  InsQueueView *view;
  int width = 0, height = 0;

  g_assert_nonnull (schema);
  settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_set_strv (settings, "queue-filter-types", (const char *[]) { "soins_etranger", NULL });
  g_settings_set_strv (settings, "queue-filter-statuses", (const char *[]) { "recue", NULL });
  g_settings_set_string (settings, "queue-sort", "due-desc");
  g_settings_set_int (settings, "window-width", 1234);
  g_settings_set_int (settings, "window-height", 777);

  window = ui_test_window_new ("ui_marie");
  view = ins_window_get_queue_view (window);
  ins_window_use_settings (window, settings);
  ui_test_settle (window);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1234);
  g_assert_cmpint (height, ==, 777);
  query = ins_queue_view_build_query (view);
  g_assert_cmpuint (query->kind_mask, ==, INS_QUEUE_KIND_BIT (INS_KIND_SOINS_ETRANGER));
  g_assert_cmpuint (query->status_mask, ==, INS_QUEUE_STATUS_BIT (INS_STATUS_RECUE));
  g_assert_cmpint (query->sort, ==, INS_QUEUE_SORT_DUE);
  g_assert_true (query->descending);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ins_queue_view_get_model (view))); i++)
    {
      g_autoptr(InsQueueItem) item = g_list_model_get_item (G_LIST_MODEL (ins_queue_view_get_model (view)), i);
      g_autofree char *status = ui_test_affaire_status (ins_queue_item_get_id (item));

      g_assert_cmpstr (status, ==, "recue");
    }

  /* What the agent changes is kept for next time. */
  ins_queue_view_set_status_filter (view, 2);
  ins_queue_view_set_kind_filter (view, -1);
  ins_queue_view_sort_by (view, "received", FALSE);
  ins_queue_view_set_search (view, "Durand");
  statuses = g_settings_get_strv (settings, "queue-filter-statuses");
  g_assert_cmpuint (g_strv_length (statuses), ==, 1);
  g_assert_cmpstr (statuses[0], ==, "en_cours");
  {
    g_auto(GStrv) types = g_settings_get_strv (settings, "queue-filter-types");
    g_autofree char *search = g_settings_get_string (settings, "queue-filter-search");

    g_assert_cmpuint (g_strv_length (types), ==, 0);
    g_assert_cmpstr (search, ==, "Durand");
  }
  sort = g_settings_get_string (settings, "queue-sort");
  g_assert_cmpstr (sort, ==, "received");
  ui_test_settle (window);

  /* The window's size is saved when it closes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_spin (5);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1300);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 850);

  /* A new window opens as the last one was left. */
  window = ui_test_window_new ("ui_marie");
  ins_window_use_settings (window, settings);
  ui_test_settle (window);
  g_clear_pointer (&query, ins_queue_query_free);
  query = ins_queue_view_build_query (ins_window_get_queue_view (window));
  g_assert_cmpuint (query->kind_mask, ==, 0);
  g_assert_cmpuint (query->status_mask, ==, INS_QUEUE_STATUS_BIT (INS_STATUS_EN_COURS));
  g_assert_cmpint (query->sort, ==, INS_QUEUE_SORT_AGE);
  g_assert_false (query->descending);
  g_assert_cmpstr (ins_queue_view_get_search (ins_window_get_queue_view (window)), ==, "Durand");
  ui_test_window_close (window);
  g_settings_reset (settings, "queue-filter-search");
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/workspace/queue-pages", test_queue_pages);
  g_test_add_func ("/workspace/queue-filters-and-sorts", test_queue_filters_and_sorts);
  g_test_add_func ("/workspace/queue-live-update-keeps-selection", test_other_agent_change_keeps_selection);
  g_test_add_func ("/workspace/selection-shows-affaire-and-first-page", test_select_shows_affaire_and_first_page);
  g_test_add_func ("/workspace/browse-twenty-shows-the-last", test_browse_twenty_shows_the_last);
  g_test_add_func ("/workspace/actions-change-status-and-history", test_actions_change_status_and_history);
  g_test_add_func ("/workspace/conflict-reported-and-reloaded", test_conflict_is_reported);
  g_test_add_func ("/workspace/draft-survives-a-crash", test_draft_survives_a_crash);
  g_test_add_func ("/workspace/medecin-conseil-answers", test_medecin_answers);
  g_test_add_func ("/workspace/shortcuts-and-names", test_shortcuts_and_names);
  g_test_add_func ("/workspace/settings-restore-filters", test_settings_restore_filters);
  g_test_add_func ("/workspace/history-labels", test_history_labels);
  return g_test_run ();
}
