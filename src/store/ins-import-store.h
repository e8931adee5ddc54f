/* ins-import-store.h — writes one imported submission: its affaire, the
 * declaration, the insured person, the attachments and the acknowledgement
 *
 * The record is filled and checked by src/ingest (ins-submission.h); dates are
 * ISO 8601 strings ("2026-03-02"), coded words the stored ones (see
 * core/ins-affaire.h). Everything happens in one transaction.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

#include "core/ins-types.h"
#include "ins-store-error.h"

G_BEGIN_DECLS

typedef struct {
  char     *filename;           /* as named in the JSON, relative to its directory */
  char     *path;               /* absolute path on disk */
  /* filled by ins_submission_load_attachments() */
  GBytes   *bytes;
  char     *content_type;       /* sniffed: application/pdf, image/jpeg, image/png,
                                 * or application/octet-stream */
  guint8    sha256[32];
  int       page_count;         /* 0 when unreadable */
  char     *unreadable_reason;  /* French; NULL when readable */
  GBytes   *preview;            /* PNG of a PDF's first page (ins-preview-store.h), or NULL */
} InsSubmissionAttachment;

typedef struct {
  char     *nom;
  char     *prenom;
  char     *birth_date;
  char     *oc_name[2];
  char     *oc_member[2];
  char     *oc_start[2];
  char     *oc_contract[2];     /* 'standard', 'css', 'cmu_c', 'acs' */
  int       chosen;             /* 1 or 2 */
  gboolean  precarity;          /* one of the two contracts is CSS, CMU-C or ACS */
} InsOcBeneficiaire;

typedef struct {
  char     *nationality;
  char     *situation;
  gboolean  beneficiaire_is_ouvreur;
  char     *beneficiaire_nom;
  char     *beneficiaire_prenom;
  char     *beneficiaire_birth_date;
  char     *reason;
  gboolean  planned;
  gint64    amount_minor;
  char     *currency;
  char     *nature;
  char     *care_from;
  char     *care_to;
  char     *country;
  char     *stay_from;
  char     *stay_to;
  char     *stay_motif;
  gboolean  hospitalisation;
  gboolean  certified;
} InsSoinsEtrangerDeclaration;

typedef struct {
  char                        *file;             /* the JSON document */
  char                        *submission_id;
  InsAffaireKind               kind;
  char                        *organisme_code;
  GDateTime                   *submitted_at;
  /* the insured person (ouvreur de droit) */
  char                        *nir;              /* 15 compact characters */
  char                        *nom;
  char                        *prenom;
  char                        *birth_date;
  char                        *address;          /* lines joined by '\n' */
  char                        *regime;           /* 'general', 'partenaire', 'cnmss' */
  InsSoinsEtrangerDeclaration  se;               /* INS_KIND_SOINS_ETRANGER */
  GPtrArray                   *beneficiaires;    /* InsOcBeneficiaire, INS_KIND_CHEVAUCHEMENT_OC */
  GPtrArray                   *attachments;      /* InsSubmissionAttachment */
  /* computed by ins_submission_assess() */
  char                        *beneficiaire_label;  /* « Prénom NOM » the queue shows */
  char                        *oc_label;            /* the OCs in conflict, « A / B » */
  gboolean                     excluded;
  char                        *exclusion_reason;
  char                        *non_exploitable_reason;
} InsSubmission;

typedef struct {
  gint64     affaire_id;
  char      *numero;        /* 'SE-2026-0000042' */
  InsStatus  status;        /* recue or non_exploitable */
  gboolean   already;       /* the submission id was there: nothing written */
} InsImportStoreResult;

void     ins_import_store_result_clear (InsImportStoreResult *result);

/* Whether @submission_id was imported already: TRUE with @result filled
 * (already = TRUE) or FALSE with @result->numero NULL; -1 on error. */
int      ins_import_store_find         (PGconn               *conn,
                                        const char           *submission_id,
                                        InsImportStoreResult *result,
                                        GError              **error);

/* Writes @sub in one transaction: the insured person upserted by NIR, the
 * affaire (numéro from affaire_numero_seq, status recue, or non_exploitable
 * when sub->non_exploitable_reason is set, due at @due_at), its declaration,
 * the attachments (bytes in blob, shared by SHA-256), a history entry
 * "import" and the accusé de réception in the outbox. If the submission id is
 * already there nothing is written and @result->already is TRUE. An unknown
 * organisme code fails with INS_STORE_ERROR_NOT_FOUND. */
gboolean ins_import_store_write        (PGconn               *conn,
                                        const InsSubmission  *sub,
                                        GDateTime            *due_at,
                                        InsImportStoreResult *result,
                                        GError              **error);

G_END_DECLS
