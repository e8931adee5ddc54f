/* ins-types.c — names and labels of the domain's enumerations */
#include "config.h"

#include <glib/gi18n.h>

#include "ins-types.h"

typedef struct {
  const char *nick;
  const char *label;
} Name;

static const Name kinds[] = {
  { "soins_etranger", N_("Foreign care") },
  { "chevauchement_oc", N_("Complementary insurer overlap") },
};

static const Name statuses[] = {
  { "recue", N_("Received") },
  { "non_exploitable", N_("Unusable") },
  { "en_cours", N_("In progress") },
  { "avis_medical_demande", N_("Medical opinion requested") },
  { "en_attente_pieces", N_("Awaiting documents") },
  { "acceptee", N_("Accepted") },
  { "refusee", N_("Refused") },
  { "cloturee", N_("Closed") },
};

static const Name roles[] = {
  { "instructeur", N_("Case worker") },
  { "medecin_conseil", N_("Medical adviser") },
  { "superviseur", N_("Supervisor") },
};

static const Name actions[] = {
  { "claim", N_("Claim") },
  { "release", N_("Release") },
  { "request_avis", N_("Request a medical opinion") },
  { "record_avis", N_("Record the medical opinion") },
  { "accept", N_("Accept") },
  { "refuse", N_("Refuse") },
  { "mark_incomplete", N_("Incomplete") },
  { "close", N_("Close") },
  { "pieces_received", N_("Documents received") },
  { "reassign", N_("Reassign") },
  { "transfer", N_("Transfer") },
  { "mark_non_exploitable", N_("Mark as unusable") },
};

static const Name page_tags[] = {
  { "", N_("Untagged") },
  { "facture", N_("Invoice") },
  { "preuve_paiement", N_("Proof of payment") },
  { "prescription", N_("Prescription") },
  { "autorisation_prealable", N_("Prior authorisation") },
  { "attestation_detachement", N_("Posting certificate") },
  { "autre", N_("Other") },
};

static const Name motifs[] = {
  { "prestations_non_remboursables", N_("Non-reimbursable services") },
  { "droits_non_ouverts", N_("No open entitlement") },
  { "documents_hors_perimetre", N_("Documents out of scope") },
  { "hors_delai", N_("Out of time") },
  { "non_eligible", N_("Not eligible for the service") },
  { "autre", N_("Other") },
};

static const Name avis[] = {
  { "favorable", N_("Favourable") },
  { "defavorable", N_("Unfavourable") },
};

static const Name notification_kinds[] = {
  { "accuse_reception", N_("Acknowledgement of receipt") },
  { "acceptation", N_("Acceptance") },
  { "refus", N_("Refusal") },
  { "pieces_manquantes", N_("Missing documents") },
  { "oc_activee", N_("Complementary insurer activated") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == INS_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == INS_N_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (roles) == INS_N_ROLES);
G_STATIC_ASSERT (G_N_ELEMENTS (actions) == INS_N_ACTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (page_tags) == INS_N_PAGE_TAGS);
G_STATIC_ASSERT (G_N_ELEMENTS (motifs) == INS_N_MOTIFS);
G_STATIC_ASSERT (G_N_ELEMENTS (avis) == INS_N_AVIS);
G_STATIC_ASSERT (G_N_ELEMENTS (notification_kinds) == INS_N_NOTIFICATIONS);

static gboolean
find_nick (const Name *names, guint n, const char *nick, int *out)
{
  if (nick == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_str_equal (names[i].nick, nick))
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_NAMES(prefix, Type, table)                                   \
  const char *prefix##_to_nick (Type value)                                 \
  {                                                                         \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);      \
    return table[value].nick;                                               \
  }                                                                         \
  gboolean prefix##_from_nick (const char *nick, Type *out)                 \
  {                                                                         \
    int i;                                                                  \
    if (!find_nick (table, G_N_ELEMENTS (table), nick, &i))                 \
      return FALSE;                                                         \
    *out = (Type) i;                                                        \
    return TRUE;                                                            \
  }                                                                         \
  const char *prefix##_label (Type value)                                   \
  {                                                                         \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);      \
    return _(table[value].label);                                           \
  }

DEFINE_NAMES (ins_kind, InsAffaireKind, kinds)
DEFINE_NAMES (ins_status, InsStatus, statuses)
DEFINE_NAMES (ins_role, InsRole, roles)
DEFINE_NAMES (ins_action, InsAction, actions)
DEFINE_NAMES (ins_page_tag, InsPageTag, page_tags)
DEFINE_NAMES (ins_motif, InsRefusalMotif, motifs)
DEFINE_NAMES (ins_avis, InsAvisConclusion, avis)
DEFINE_NAMES (ins_notification_kind, InsNotificationKind, notification_kinds)
