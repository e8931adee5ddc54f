/* ins-affaire.c — reference-counted values of agents, queue rows and affaires */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include <string.h>

#include "ins-affaire.h"

#define DEFINE_RC(TypeName, type_name, clear_body)                         \
  static void type_name##_clear (gpointer data)                            \
  {                                                                        \
    TypeName *self = data;                                                 \
    clear_body                                                             \
  }                                                                        \
  TypeName *type_name##_new (void)                                         \
  {                                                                        \
    return g_atomic_rc_box_new0 (TypeName);                                \
  }                                                                        \
  TypeName *type_name##_ref (TypeName *self)                               \
  {                                                                        \
    return g_atomic_rc_box_acquire (self);                                 \
  }                                                                        \
  void type_name##_unref (TypeName *self)                                  \
  {                                                                        \
    g_atomic_rc_box_release_full (self, type_name##_clear);                \
  }                                                                        \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_ref, type_name##_unref)

DEFINE_RC (InsOrganisme, ins_organisme, {
  g_free (self->code);
  g_free (self->name);
  g_free (self->letterhead);
})

DEFINE_RC (InsAgent, ins_agent, {
  g_free (self->login);
  g_free (self->display_name);
  g_free (self->organisme_code);
  g_free (self->organisme_name);
})

DEFINE_RC (InsQueueRow, ins_queue_row, {
  g_free (self->numero);
  g_free (self->nom);
  g_free (self->prenom);
  g_free (self->beneficiaire);
  g_free (self->country);
  g_free (self->oc_label);
  g_free (self->currency);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->sla_paused_since, g_date_time_unref);
  g_free (self->assignee_name);
  g_clear_pointer (&self->lease_until, g_date_time_unref);
  g_strfreev (self->sort_keys);
})

DEFINE_RC (InsAttachmentInfo, ins_attachment_info, {
  g_free (self->filename);
  g_free (self->content_type);
  g_free (self->sha256);
  g_free (self->unreadable_reason);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->preview, g_bytes_unref);
})

DEFINE_RC (InsHistoryEntry, ins_history_entry, {
  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self->agent_name);
  g_free (self->action);
  g_free (self->comment);
})

DEFINE_RC (InsAffaire, ins_affaire, {
  g_free (self->numero);
  g_free (self->submission_id);
  g_free (self->organisme_code);
  g_free (self->organisme_name);
  g_free (self->nir);
  g_free (self->nom);
  g_free (self->prenom);
  g_free (self->assure_address);
  g_free (self->beneficiaire);
  g_free (self->country);
  g_free (self->oc_label);
  g_free (self->currency);
  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_clear_pointer (&self->due_at, g_date_time_unref);
  g_clear_pointer (&self->sla_paused_since, g_date_time_unref);
  g_free (self->assignee_name);
  g_clear_pointer (&self->lease_until, g_date_time_unref);
  g_free (self->exclusion_reason);
  g_free (self->non_exploitable_reason);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->closed_at, g_date_time_unref);
  g_clear_pointer (&self->decided_at, g_date_time_unref);
  g_free (self->decided_by_name);
  g_free (self->rate);
  g_free (self->rate_source);
  g_free (self->decision_text);
  g_strfreev (self->missing_pieces);
  g_free (self->courrier_sha256);
  g_clear_pointer (&self->soins, ins_soins_etranger_free);
  g_clear_pointer (&self->oc_beneficiaires, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->avis, ins_avis_medical_free);
})

InsSoinsEtranger *
ins_soins_etranger_new (void)
{
  InsSoinsEtranger *self = g_new0 (InsSoinsEtranger, 1);

  g_date_clear (&self->ouvreur_birth_date, 1);
  g_date_clear (&self->beneficiaire_birth_date, 1);
  g_date_clear (&self->care_from, 1);
  g_date_clear (&self->care_to, 1);
  g_date_clear (&self->stay_from, 1);
  g_date_clear (&self->stay_to, 1);
  return self;
}

void
ins_soins_etranger_free (InsSoinsEtranger *self)
{
  if (self == NULL)
    return;
  g_free (self->nationality);
  g_free (self->situation);
  g_free (self->beneficiaire_nom);
  g_free (self->beneficiaire_prenom);
  g_free (self->reason);
  g_free (self->nature);
  g_free (self->stay_motif);
  g_free (self);
}

InsOcBeneficiaire *
ins_oc_beneficiaire_new (void)
{
  InsOcBeneficiaire *self = g_new0 (InsOcBeneficiaire, 1);

  g_date_clear (&self->birth_date, 1);
  g_date_clear (&self->oc1_start, 1);
  g_date_clear (&self->oc2_start, 1);
  return self;
}

void
ins_oc_beneficiaire_free (InsOcBeneficiaire *self)
{
  if (self == NULL)
    return;
  g_free (self->nom);
  g_free (self->prenom);
  g_free (self->oc1_name);
  g_free (self->oc1_member);
  g_free (self->oc2_name);
  g_free (self->oc2_member);
  g_free (self);
}

InsAvisMedical *
ins_avis_medical_new (void)
{
  return g_new0 (InsAvisMedical, 1);
}

void
ins_avis_medical_free (InsAvisMedical *self)
{
  if (self == NULL)
    return;
  g_free (self->requested_by_name);
  g_clear_pointer (&self->requested_at, g_date_time_unref);
  g_free (self->question);
  g_free (self->answered_by_name);
  g_clear_pointer (&self->answered_at, g_date_time_unref);
  g_free (self->conclusion_text);
  if (self->reasoning != NULL)
    {
      explicit_bzero (self->reasoning, strlen (self->reasoning));
      g_free (self->reasoning);
    }
  g_free (self);
}

InsPageState
ins_attachment_info_get_page (const InsAttachmentInfo *self,
                              int                      page_no)
{
  InsPageState state = { page_no, 0, INS_PAGE_TAG_NONE };

  for (guint i = 0; self->pages != NULL && i < self->pages->len; i++)
    {
      const InsPageState *p = &g_array_index (self->pages, InsPageState, i);
      if (p->page_no == page_no)
        return *p;
    }
  return state;
}

static void
get_facts (InsAffaireKind   kind,
           InsStatus        status,
           gboolean         excluded,
           int              assignee_id,
           GDateTime       *lease_until,
           int              agent_id,
           GDateTime       *now,
           InsAffaireFacts *facts)
{
  g_autoptr(GDateTime) owned_now = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  gboolean live = lease_until != NULL && g_date_time_compare (lease_until, owned_now) > 0;

  facts->kind = kind;
  facts->status = status;
  facts->excluded = excluded;
  facts->is_holder = assignee_id != 0 && assignee_id == agent_id && live;
  facts->lease_stale = assignee_id != 0 && !live;
}

void
ins_queue_row_get_facts (const InsQueueRow *self,
                         int                agent_id,
                         GDateTime         *now,
                         InsAffaireFacts   *facts)
{
  get_facts (self->kind, self->status, self->excluded, self->assignee_id, self->lease_until,
             agent_id, now, facts);
}

void
ins_affaire_get_facts (const InsAffaire *self,
                       int               agent_id,
                       GDateTime        *now,
                       InsAffaireFacts  *facts)
{
  get_facts (self->kind, self->status, self->excluded, self->assignee_id, self->lease_until,
             agent_id, now, facts);
}
