/* ins-affaire.h — the values the store returns: agents, queue rows, whole affaires
 *
 * Plain structs with public fields, reference counted (g_atomic_rc_box): take
 * a reference to keep one, never modify one you did not create. Strings are
 * UTF-8 and owned by the struct; an absent string is NULL, an absent date is
 * NULL (GDateTime) or invalid (GDate, check with g_date_valid), an absent id is 0.
 * Timestamps are in the session's time zone (Europe/Paris).
 */
#pragma once

#include <glib-object.h>

#include "ins-types.h"
#include "ins-rules.h"

G_BEGIN_DECLS

/* Agents and organismes ---------------------------------------------------- */

typedef struct {
  int       id;
  char     *code;        /* 'CPAM-40', 'CNSE' */
  char     *name;
  char     *letterhead;  /* postal address lines for courriers */
} InsOrganisme;

typedef struct {
  int       id;
  char     *login;          /* the PostgreSQL login role */
  char     *display_name;   /* 'Marie Dupont' */
  InsRole   role;
  int       organisme_id;
  char     *organisme_code;
  char     *organisme_name;
  gboolean  active;
} InsAgent;

/* Queue rows --------------------------------------------------------------- */

/* What the queue shows of an affaire: one page holds a few dozen of these. */
typedef struct {
  gint64          id;
  char           *numero;          /* 'SE-2026-0000042' */
  InsAffaireKind  kind;
  InsStatus       status;
  int             organisme_id;
  char           *nom;             /* ouvreur de droit */
  char           *prenom;
  char           *beneficiaire;    /* display name of the beneficiary (first one for OC) */
  char           *country;         /* foreign care: ISO 3166 alpha-2; NULL for OC */
  char           *oc_label;        /* OC overlap: the OCs in conflict; NULL for foreign care */
  gint64          amount_minor;    /* foreign care: in the currency's minor units; 0 for OC */
  char           *currency;        /* ISO 4217; NULL for OC */
  GDateTime      *received_at;
  GDateTime      *due_at;          /* already moved forward by paused time */
  GDateTime      *sla_paused_since;/* non-NULL while the SLA clock is paused */
  int             priority;        /* higher first */
  int             assignee_id;     /* 0: nobody holds it */
  char           *assignee_name;
  GDateTime      *lease_until;
  int             version;         /* pass it back with every action */
  gboolean        excluded;        /* not eligible, flagged at import */
  int             keyed_sort;      /* the InsQueueSort whose key values @sort_keys holds */
  char          **sort_keys;       /* as the store read them for a page; NULL otherwise */
} InsQueueRow;

/* The affaire in full ------------------------------------------------------ */

/* Foreign-care declaration (table soins_etranger). The coded words are the
 * stored ones: nationality 'francaise'|'ue_eee_ru_suisse'|'autre'; situation
 * 'salarie'|'etudiant'|'demandeur_emploi'|'frontalier_suisse'|'retraite'|
 * 'invalidite_rente'|'autre'; nature 'maladie'|'ald'|'maternite'|'at_mp'|'tiers';
 * stay_motif 'tourisme'|'etudes'|'detachement'|'soins_programmes'|'frontalier'|'autre'. */
typedef struct {
  GDate      ouvreur_birth_date;
  char      *nationality;
  char      *situation;
  gboolean   beneficiaire_is_ouvreur;
  char      *beneficiaire_nom;
  char      *beneficiaire_prenom;
  GDate      beneficiaire_birth_date;
  char      *reason;               /* at most 180 characters */
  gboolean   planned;              /* soins programmés avant le départ */
  char      *nature;
  GDate      care_from;
  GDate      care_to;
  GDate      stay_from;
  GDate      stay_to;
  char      *stay_motif;
  gboolean   hospitalisation;
  gboolean   certified;
} InsSoinsEtranger;

/* One beneficiary of an OC-overlap affaire, with the two OCs in conflict. */
typedef struct {
  int        rank;                 /* 1..n */
  char      *nom;
  char      *prenom;
  GDate      birth_date;
  char      *oc1_name;
  char      *oc1_member;           /* numéro d'adhérent */
  GDate      oc1_start;
  char      *oc2_name;
  char      *oc2_member;
  GDate      oc2_start;
  int        chosen;               /* 1 or 2 */
  gboolean   precarity;            /* CSS, CMU-C or ACS involved */
} InsOcBeneficiaire;

/* Per-page state set by agents; pages without an entry are unrotated, untagged. */
typedef struct {
  int         page_no;             /* 1-based */
  int         rotation;            /* 0, 90, 180, 270 */
  InsPageTag  tag;
} InsPageState;

/* An attachment's metadata; the bytes come on demand (store). */
typedef struct {
  gint64      id;
  gint64      affaire_id;
  int         position;            /* 1..10 */
  char       *filename;
  char       *content_type;        /* sniffed: application/pdf, image/jpeg, image/png… */
  gint64      size_bytes;
  char       *sha256;              /* lowercase hex */
  int         page_count;          /* 0 when unreadable */
  char       *unreadable_reason;   /* NULL when readable */
  GArray     *pages;               /* of InsPageState, sorted by page_no, only pages with state */
  GBytes     *preview;             /* PNG of a PDF's first page, ≤ 256 px; NULL when none */
} InsAttachmentInfo;

/* One event of the append-only history. */
typedef struct {
  gint64      id;
  GDateTime  *at;
  int         agent_id;            /* 0: the system (import, relay) */
  char       *agent_name;          /* NULL for the system */
  char       *action;              /* an InsAction nick, or 'import', … */
  gboolean    has_from_status;
  InsStatus   from_status;
  gboolean    has_to_status;
  InsStatus   to_status;
  char       *comment;             /* never NULL, may be "" */
} InsHistoryEntry;

/* A medical-opinion request and, once given, its answer. */
typedef struct {
  gint64             id;
  int                requested_by;
  char              *requested_by_name;
  GDateTime         *requested_at;
  char              *question;
  gboolean           answered;
  int                answered_by;
  char              *answered_by_name;
  GDateTime         *answered_at;
  InsAvisConclusion  conclusion;         /* when answered */
  char              *conclusion_text;    /* what the instructeur sees */
  char              *reasoning;          /* medical secrecy: only filled for a médecin-conseil */
} InsAvisMedical;

typedef struct {
  /* header: everything an InsQueueRow has */
  gint64          id;
  char           *numero;
  char           *submission_id;
  InsAffaireKind  kind;
  InsStatus       status;
  int             organisme_id;
  char           *organisme_code;
  char           *organisme_name;
  gint64          assure_id;
  char           *nir;             /* 15 characters; never log it */
  char           *nom;
  char           *prenom;
  GDate           assure_birth_date;
  char           *assure_address;
  char           *beneficiaire;
  char           *country;
  char           *oc_label;
  gint64          amount_minor;
  char           *currency;
  GDateTime      *received_at;
  GDateTime      *due_at;
  GDateTime      *sla_paused_since;
  int             priority;
  int             assignee_id;
  char           *assignee_name;
  GDateTime      *lease_until;
  int             version;
  gboolean        excluded;
  char           *exclusion_reason;
  char           *non_exploitable_reason;
  GDateTime      *updated_at;
  GDateTime      *closed_at;

  /* the decision (set by accept / refuse / mark incomplete) */
  GDateTime      *decided_at;
  int             decided_by;
  char           *decided_by_name;
  gboolean        has_amount_eur;
  gint64          amount_eur_cents;
  char           *rate;            /* decimal text, units of currency for 1 euro, e.g. "157.32"; NULL if none */
  GDate           rate_date;
  char           *rate_source;     /* 'BCE' or what the agent entered */
  gboolean        has_refusal_motif;
  InsRefusalMotif refusal_motif;
  char           *decision_text;
  GStrv           missing_pieces;  /* NULL when none */
  char           *courrier_sha256; /* hex of the courrier PDF kept for closing, or NULL */

  /* details: exactly one of these, by kind */
  InsSoinsEtranger *soins;           /* foreign care, else NULL */
  GPtrArray        *oc_beneficiaires;/* of InsOcBeneficiaire*, empty for foreign care */

  GPtrArray        *attachments;     /* of InsAttachmentInfo* (refs), by position */
  GPtrArray        *history;         /* of InsHistoryEntry* (refs), oldest first */
  InsAvisMedical   *avis;            /* the latest request, open or answered; NULL if none */
} InsAffaire;

GType               ins_organisme_get_type      (void) G_GNUC_CONST;
InsOrganisme       *ins_organisme_new           (void);
InsOrganisme       *ins_organisme_ref           (InsOrganisme *self);
void                ins_organisme_unref         (InsOrganisme *self);

GType               ins_agent_get_type          (void) G_GNUC_CONST;
InsAgent           *ins_agent_new               (void);
InsAgent           *ins_agent_ref               (InsAgent *self);
void                ins_agent_unref             (InsAgent *self);

GType               ins_queue_row_get_type      (void) G_GNUC_CONST;
InsQueueRow        *ins_queue_row_new           (void);
InsQueueRow        *ins_queue_row_ref           (InsQueueRow *self);
void                ins_queue_row_unref         (InsQueueRow *self);

InsSoinsEtranger   *ins_soins_etranger_new      (void);
void                ins_soins_etranger_free     (InsSoinsEtranger *self);
InsOcBeneficiaire  *ins_oc_beneficiaire_new     (void);
void                ins_oc_beneficiaire_free    (InsOcBeneficiaire *self);
InsAvisMedical     *ins_avis_medical_new        (void);
void                ins_avis_medical_free       (InsAvisMedical *self);

GType               ins_attachment_info_get_type (void) G_GNUC_CONST;
InsAttachmentInfo  *ins_attachment_info_new     (void);
InsAttachmentInfo  *ins_attachment_info_ref     (InsAttachmentInfo *self);
void                ins_attachment_info_unref   (InsAttachmentInfo *self);
/* The state of page @page_no (1-based): rotation 0 and no tag when unset. */
InsPageState        ins_attachment_info_get_page (const InsAttachmentInfo *self,
                                                  int                      page_no);

GType               ins_history_entry_get_type  (void) G_GNUC_CONST;
InsHistoryEntry    *ins_history_entry_new       (void);
InsHistoryEntry    *ins_history_entry_ref       (InsHistoryEntry *self);
void                ins_history_entry_unref     (InsHistoryEntry *self);

GType               ins_affaire_get_type        (void) G_GNUC_CONST;
InsAffaire         *ins_affaire_new             (void);
InsAffaire         *ins_affaire_ref             (InsAffaire *self);
void                ins_affaire_unref           (InsAffaire *self);

/* The facts ins_rules_check() needs, as seen by agent @agent_id at @now
 * (NULL: the current time). */
void ins_queue_row_get_facts (const InsQueueRow *self,
                              int                agent_id,
                              GDateTime         *now,
                              InsAffaireFacts   *facts);
void ins_affaire_get_facts   (const InsAffaire  *self,
                              int                agent_id,
                              GDateTime         *now,
                              InsAffaireFacts   *facts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsOrganisme, ins_organisme_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsAgent, ins_agent_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsQueueRow, ins_queue_row_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsSoinsEtranger, ins_soins_etranger_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsOcBeneficiaire, ins_oc_beneficiaire_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsAvisMedical, ins_avis_medical_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsAttachmentInfo, ins_attachment_info_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsHistoryEntry, ins_history_entry_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsAffaire, ins_affaire_unref)

G_END_DECLS
