/* ins-seed-docs.h — generated attachments: invoices, payment proofs, scans, photos */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

#include "ins-seed-data.h"

G_BEGIN_DECLS

typedef enum {
  INS_SEED_DOC_INVOICE,      /* multi-page PDF invoice, sometimes landscape or Letter */
  INS_SEED_DOC_PROOF,        /* PDF payment proof, sometimes a narrow till receipt */
  INS_SEED_DOC_SCAN,         /* PDF of scanned pages: rotated, noisy JPEG images */
  INS_SEED_DOC_PHOTO_JPEG,   /* photo of a receipt */
  INS_SEED_DOC_PHOTO_PNG,    /* screenshot-like capture of a receipt */
  INS_SEED_DOC_CORRUPT,      /* truncated or garbage bytes */
  INS_SEED_DOC_PRESCRIPTION, /* a doctor's prescription, in the country's language */
  INS_SEED_DOC_AUTHORISATION,/* prior authorisation of planned care (S2 or accord préalable) */
  INS_SEED_DOC_ATTESTATION,  /* an OC's certificate of membership */
  INS_SEED_N_DOC_KINDS
} InsSeedDocKind;

/* What the documents of one foreign-care affaire show (strings borrowed). */
typedef struct {
  const InsSeedCountry *country;
  const char           *patient;       /* the beneficiary, « Prénom NOM » */
  gint64                birth;         /* days since 1970-01-01, as the dates below */
  gint64                stay_from;
  gint64                stay_to;
  gint64                care_from;
  gint64                care_to;
  gint64                issued;        /* the invoice */
  gint64                paid;          /* the payment, after the care */
  gint64                total_minor;   /* declared, in the country's currency */
  const char           *reference;     /* invoice number shared by invoice and proof */
} InsSeedCare;

typedef struct {
  InsSeedDocKind  kind;
  GBytes         *bytes;
  char           *filename;
  const char     *content_type;
  int             page_count;          /* 0 when unreadable */
  char           *unreadable_reason;   /* NULL when readable */
  guint8          sha256[32];
  /* What was drawn, as written on it (NULL when not shown): images cannot be read back. */
  char           *shown_patient;
  char           *shown_total;
  gint64          lines_total;         /* sum of the drawn care lines, minor units */
} InsSeedDoc;

/* Draws one document for care in @country; @rand drives every choice. */
InsSeedDoc *ins_seed_doc_generate (InsSeedDocKind        kind,
                                   const InsSeedCountry *country,
                                   GRand                *rand);
/* Draws one document of @kind (invoice, proof, scan, photo, prescription or
 * corrupt) showing @care. */
InsSeedDoc *ins_seed_doc_generate_for (InsSeedDocKind     kind,
                                       const InsSeedCare *care,
                                       GRand             *rand);
void        ins_seed_doc_free     (InsSeedDoc           *doc);

/* Stores the bytes of @docs (of InsSeedDoc) in the blob table, once per hash. */
gboolean    ins_seed_docs_store   (PGconn               *conn,
                                   GPtrArray            *docs,
                                   GError              **error);

/* Whether the installed fonts can draw @lang (Japanese needs a CJK font). */
gboolean    ins_seed_lang_drawable (InsSeedLang lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsSeedDoc, ins_seed_doc_free)

G_END_DECLS
