/* ins-window-decisions.c — what a decision needs besides its dialog: the ECB
 * reference rate and the courrier PDF */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-ecb-rates.h"
#include "notify/ins-courrier.h"
#include "ins-window-private.h"

void
ins_window_set_reference_rate (InsWindow         *self,
                               InsDecisionDialog *dialog)
{
  InsAffaire *affaire = ins_decision_dialog_get_affaire (dialog);
  g_autofree char *rate = NULL;
  GDate rate_date;

  g_date_clear (&rate_date, 1);
  if (affaire->soins != NULL && affaire->currency != NULL
      && ins_ecb_rates_lookup_string (ins_ecb_rates_get_default (), affaire->currency,
                                      &affaire->soins->care_from, &rate, &rate_date))
    ins_decision_dialog_set_reference_rate (dialog, rate, &rate_date);
  else
    ins_decision_dialog_set_reference_rate (dialog, NULL, NULL);
}

#define ORGANISMES_KEY "ins-organismes"

static void
organismes_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(InsWindow) self = user_data;
  GPtrArray *organismes = ins_store_organismes_finish (INS_STORE (source), result, NULL);

  if (organismes != NULL)
    g_object_set_data_full (G_OBJECT (self), ORGANISMES_KEY, organismes, (GDestroyNotify) g_ptr_array_unref);
}

void
ins_window_load_organismes (InsWindow *self)
{
  ins_store_organismes_async (ins_window_get_store (self), NULL, organismes_done, g_object_ref (self));
}

/* The affaire's organisme once the list came, NULL until then. */
static InsOrganisme *
organisme_for (InsWindow *self, InsAffaire *affaire)
{
  GPtrArray *organismes = g_object_get_data (G_OBJECT (self), ORGANISMES_KEY);

  for (guint i = 0; organismes != NULL && i < organismes->len; i++)
    {
      InsOrganisme *o = g_ptr_array_index (organismes, i);

      if (o->id == affaire->organisme_id)
        return ins_organisme_ref (o);
    }
  return NULL;
}

typedef struct {
  InsWindow         *self;
  InsDecisionDialog *dialog;
  InsOrganisme      *organisme;
  InsAffaire        *affaire;
  InsTransition     *transition;
  InsNotificationKind kind;
  gboolean           then_next;
} CourrierJob;

static void
courrier_job_free (CourrierJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->dialog);
  g_clear_pointer (&job->organisme, ins_organisme_unref);
  g_clear_pointer (&job->affaire, ins_affaire_unref);
  g_clear_pointer (&job->transition, ins_transition_free);
  g_free (job);
}

static void
courrier_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CourrierJob *job = data;
  InsAffaire *a = job->affaire;
  InsTransition *t = job->transition;
  InsCourrierData d;
  GError *error = NULL;
  GBytes *bytes;

  /* The decision is not stored yet: it comes from the dialog. */
  ins_courrier_data_init_from_affaire (&d, a, job->organisme, job->kind);
  d.has_refusal_motif = t->action == INS_ACTION_REFUSE;
  d.refusal_motif = t->motif;
  d.decision_text = t->comment;
  d.missing_pieces = (const char * const *) t->missing_pieces;

  bytes = ins_courrier_render (&d, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
courrier_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CourrierJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_task_propagate_pointer (G_TASK (result), &error);

  if (bytes == NULL)
    {
      /* The letter could not be drawn: the decision is still recorded, the
       * relay's notification then goes without a PDF. */
      g_warning ("Could not draw the courrier: %s", error->message);
    }
  job->transition->courrier = bytes;
  ins_window_apply (job->self, job->transition, job->dialog, job->then_next);
}

void
ins_window_prepare_courrier (InsWindow         *self,
                             InsDecisionDialog *dialog,
                             InsTransition     *transition,
                             gboolean           then_next)
{
  g_autoptr(GTask) task = NULL;
  CourrierJob *job;

  if (transition->action != INS_ACTION_REFUSE && transition->action != INS_ACTION_MARK_INCOMPLETE)
    {
      ins_window_apply (self, transition, dialog, then_next);
      return;
    }

  job = g_new0 (CourrierJob, 1);
  job->self = g_object_ref (self);
  job->dialog = g_object_ref (dialog);
  job->affaire = ins_affaire_ref (ins_decision_dialog_get_affaire (dialog));
  job->organisme = organisme_for (self, job->affaire);
  job->transition = ins_transition_copy (transition);
  job->kind = transition->action == INS_ACTION_REFUSE ? INS_NOTIFICATION_REFUS
                                                      : INS_NOTIFICATION_PIECES_MANQUANTES;
  job->then_next = then_next;

  task = g_task_new (NULL, NULL, courrier_done, NULL);
  g_task_set_source_tag (task, ins_window_prepare_courrier);
  g_task_set_task_data (task, job, (GDestroyNotify) courrier_job_free);
  g_task_run_in_thread (task, courrier_thread);
}
