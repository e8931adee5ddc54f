/* ins-submission.c — one submission of an online service: what follows from what was read */
#define G_LOG_DOMAIN "ins-ingest"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-submission.h"

void
ins_submission_free (InsSubmission *sub)
{
  InsSoinsEtrangerDeclaration *se;

  if (sub == NULL)
    return;
  se = &sub->se;
  g_free (sub->file);
  g_free (sub->submission_id);
  g_free (sub->organisme_code);
  g_clear_pointer (&sub->submitted_at, g_date_time_unref);
  g_free (sub->nir);
  g_free (sub->nom);
  g_free (sub->prenom);
  g_free (sub->birth_date);
  g_free (sub->address);
  g_free (sub->regime);
  g_free (se->nationality);
  g_free (se->situation);
  g_free (se->beneficiaire_nom);
  g_free (se->beneficiaire_prenom);
  g_free (se->beneficiaire_birth_date);
  g_free (se->reason);
  g_free (se->currency);
  g_free (se->nature);
  g_free (se->care_from);
  g_free (se->care_to);
  g_free (se->country);
  g_free (se->stay_from);
  g_free (se->stay_to);
  g_free (se->stay_motif);
  g_clear_pointer (&sub->beneficiaires, g_ptr_array_unref);
  g_clear_pointer (&sub->attachments, g_ptr_array_unref);
  g_free (sub->exclusion_reason);
  g_free (sub->non_exploitable_reason);
  g_free (sub->beneficiaire_label);
  g_free (sub->oc_label);
  g_free (sub);
}

static char *
beneficiary_label (const InsSubmission *sub)
{
  if (sub->kind == INS_KIND_SOINS_ETRANGER && !sub->se.beneficiaire_is_ouvreur)
    return g_strdup_printf ("%s %s", sub->se.beneficiaire_prenom, sub->se.beneficiaire_nom);
  if (sub->kind == INS_KIND_CHEVAUCHEMENT_OC && sub->beneficiaires->len > 0)
    {
      const InsOcBeneficiaire *b = sub->beneficiaires->pdata[0];
      return g_strdup_printf ("%s %s", b->prenom, b->nom);
    }
  return g_strdup_printf ("%s %s", sub->prenom, sub->nom);
}

static char *
oc_label (const InsSubmission *sub)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < sub->beneficiaires->len; i++)
    {
      const InsOcBeneficiaire *b = sub->beneficiaires->pdata[i];

      for (int k = 0; k < 2; k++)
        if (!g_ptr_array_find_with_equal_func (names, b->oc_name[k], g_str_equal, NULL))
          g_ptr_array_add (names, b->oc_name[k]);
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" / ", (char **) names->pdata);
}

void
ins_submission_assess (InsSubmission *sub)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) unreadable = g_string_new (NULL);

  g_free (sub->beneficiaire_label);
  sub->beneficiaire_label = beneficiary_label (sub);
  g_free (sub->oc_label);
  sub->oc_label = oc_label (sub);

  if (g_strcmp0 (sub->regime, "partenaire") == 0)
    g_ptr_array_add (reasons, g_strdup (_("insured person of a partner régime")));
  else if (g_strcmp0 (sub->regime, "cnmss") == 0)
    g_ptr_array_add (reasons, g_strdup (_("military insured person (CNMSS)")));

  if (sub->kind == INS_KIND_CHEVAUCHEMENT_OC)
    {
      gboolean precarity = FALSE;

      if (sub->beneficiaires->len > INS_SUBMISSION_MAX_OC_ELIGIBLE)
        g_ptr_array_add (reasons, g_strdup_printf (_("%u beneficiaries concerned (%d at most)"),
                                                   sub->beneficiaires->len,
                                                   INS_SUBMISSION_MAX_OC_ELIGIBLE));
      for (guint i = 0; i < sub->beneficiaires->len; i++)
        precarity |= ((InsOcBeneficiaire *) sub->beneficiaires->pdata[i])->precarity;
      if (precarity)
        g_ptr_array_add (reasons,
                         g_strdup (_("a precarity contract is involved (CSS, CMU-C or ACS)")));
    }

  g_clear_pointer (&sub->exclusion_reason, g_free);
  sub->excluded = reasons->len > 0;
  if (sub->excluded)
    {
      g_ptr_array_add (reasons, NULL);
      sub->exclusion_reason = g_strjoinv ("; ", (char **) reasons->pdata);
    }

  for (guint i = 0; i < sub->attachments->len; i++)
    {
      const InsSubmissionAttachment *a = sub->attachments->pdata[i];

      if (a->unreadable_reason == NULL)
        continue;
      if (unreadable->len > 0)
        g_string_append (unreadable, "; ");
      /* TRANSLATORS: an attachment's file name and why it cannot be read */
      g_string_append_printf (unreadable, _("%s: %s"), a->filename, a->unreadable_reason);
    }
  g_clear_pointer (&sub->non_exploitable_reason, g_free);
  if (unreadable->len > 0)
    sub->non_exploitable_reason = g_strdup (unreadable->str);
}
