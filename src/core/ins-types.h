/* ins-types.h — the domain's enumerations and their stable names
 *
 * The `nick` of each value is the word stored in PostgreSQL (the enum types of
 * resources/sql/001-schema.sql) and used in JSON; the label is the French text
 * shown to agents (translated through gettext, source strings in English).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  INS_KIND_SOINS_ETRANGER,   /* foreign-care reimbursement */
  INS_KIND_CHEVAUCHEMENT_OC, /* choice of a complementary insurer (OC overlap) */
  INS_N_KINDS
} InsAffaireKind;

typedef enum {
  INS_STATUS_RECUE,
  INS_STATUS_NON_EXPLOITABLE,
  INS_STATUS_EN_COURS,
  INS_STATUS_AVIS_MEDICAL_DEMANDE,
  INS_STATUS_EN_ATTENTE_PIECES,
  INS_STATUS_ACCEPTEE,
  INS_STATUS_REFUSEE,
  INS_STATUS_CLOTUREE,
  INS_N_STATUSES
} InsStatus;

typedef enum {
  INS_ROLE_INSTRUCTEUR,
  INS_ROLE_MEDECIN_CONSEIL,
  INS_ROLE_SUPERVISEUR,
  INS_N_ROLES
} InsRole;

typedef enum {
  INS_ACTION_CLAIM,            /* take the affaire (next or a given one) */
  INS_ACTION_RELEASE,          /* give the claim back to the queue */
  INS_ACTION_REQUEST_AVIS,     /* ask the médecin-conseil */
  INS_ACTION_RECORD_AVIS,      /* the médecin-conseil answers */
  INS_ACTION_ACCEPT,
  INS_ACTION_REFUSE,
  INS_ACTION_MARK_INCOMPLETE,
  INS_ACTION_CLOSE,
  INS_ACTION_PIECES_RECEIVED,  /* missing pieces arrived: back to the queue */
  INS_ACTION_REASSIGN,         /* supervisor */
  INS_ACTION_TRANSFER,         /* supervisor: to another organisme */
  INS_ACTION_MARK_UNUSABLE,    /* the pieces cannot be read: non exploitable */
  INS_N_ACTIONS
} InsAction;

typedef enum {
  INS_PAGE_TAG_NONE,
  INS_PAGE_TAG_FACTURE,
  INS_PAGE_TAG_PREUVE_PAIEMENT,
  INS_PAGE_TAG_PRESCRIPTION,
  INS_PAGE_TAG_AUTORISATION_PREALABLE,
  INS_PAGE_TAG_ATTESTATION_DETACHEMENT,
  INS_PAGE_TAG_AUTRE,
  INS_N_PAGE_TAGS
} InsPageTag;

typedef enum {
  INS_MOTIF_PRESTATIONS_NON_REMBOURSABLES,
  INS_MOTIF_DROITS_NON_OUVERTS,
  INS_MOTIF_DOCUMENTS_HORS_PERIMETRE,
  INS_MOTIF_HORS_DELAI,
  INS_MOTIF_NON_ELIGIBLE,
  INS_MOTIF_AUTRE,
  INS_N_MOTIFS
} InsRefusalMotif;

typedef enum {
  INS_AVIS_FAVORABLE,
  INS_AVIS_DEFAVORABLE,
  INS_N_AVIS
} InsAvisConclusion;

typedef enum {
  INS_NOTIFICATION_ACCUSE_RECEPTION,
  INS_NOTIFICATION_ACCEPTATION,
  INS_NOTIFICATION_REFUS,
  INS_NOTIFICATION_PIECES_MANQUANTES,
  INS_NOTIFICATION_OC_ACTIVEE,
  INS_N_NOTIFICATIONS
} InsNotificationKind;

/* Stored names ("nicks"); _from_nick returns FALSE for an unknown word. */
const char *ins_kind_to_nick               (InsAffaireKind kind);
gboolean    ins_kind_from_nick             (const char *nick, InsAffaireKind *out);
const char *ins_status_to_nick             (InsStatus status);
gboolean    ins_status_from_nick           (const char *nick, InsStatus *out);
const char *ins_role_to_nick               (InsRole role);
gboolean    ins_role_from_nick             (const char *nick, InsRole *out);
const char *ins_action_to_nick             (InsAction action);
gboolean    ins_action_from_nick           (const char *nick, InsAction *out);
const char *ins_page_tag_to_nick           (InsPageTag tag);
gboolean    ins_page_tag_from_nick         (const char *nick, InsPageTag *out);
const char *ins_motif_to_nick              (InsRefusalMotif motif);
gboolean    ins_motif_from_nick            (const char *nick, InsRefusalMotif *out);
const char *ins_avis_to_nick               (InsAvisConclusion avis);
gboolean    ins_avis_from_nick             (const char *nick, InsAvisConclusion *out);
const char *ins_notification_kind_to_nick  (InsNotificationKind kind);
gboolean    ins_notification_kind_from_nick(const char *nick, InsNotificationKind *out);

/* French labels for agents (translated). */
const char *ins_kind_label                 (InsAffaireKind kind);
const char *ins_status_label               (InsStatus status);
const char *ins_role_label                 (InsRole role);
const char *ins_action_label               (InsAction action);
const char *ins_page_tag_label             (InsPageTag tag);
const char *ins_motif_label                (InsRefusalMotif motif);
const char *ins_avis_label                 (InsAvisConclusion avis);
const char *ins_notification_kind_label    (InsNotificationKind kind);

G_END_DECLS
