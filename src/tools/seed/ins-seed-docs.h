/* ins-seed-docs.h — generated attachments: invoices, payment proofs, scans, photos */
#pragma once

#include <glib.h>

#include "ins-seed-data.h"

G_BEGIN_DECLS

typedef enum {
  INS_SEED_DOC_INVOICE,      /* multi-page PDF invoice, sometimes landscape or Letter */
  INS_SEED_DOC_PROOF,        /* PDF payment proof, sometimes a narrow till receipt */
  INS_SEED_DOC_SCAN,         /* PDF of scanned pages: rotated, noisy JPEG images */
  INS_SEED_DOC_PHOTO_JPEG,   /* photo of a receipt */
  INS_SEED_DOC_PHOTO_PNG,    /* screenshot-like capture of a receipt */
  INS_SEED_DOC_CORRUPT,      /* truncated or garbage bytes */
  INS_SEED_N_DOC_KINDS
} InsSeedDocKind;

typedef struct {
  InsSeedDocKind  kind;
  GBytes         *bytes;
  char           *filename;
  const char     *content_type;
  int             page_count;          /* 0 when unreadable */
  char           *unreadable_reason;   /* NULL when readable */
  guint8          sha256[32];
} InsSeedDoc;

/* Draws one document for care in @country; @rand drives every choice. */
InsSeedDoc *ins_seed_doc_generate (InsSeedDocKind        kind,
                                   const InsSeedCountry *country,
                                   GRand                *rand);
void        ins_seed_doc_free     (InsSeedDoc           *doc);

/* Whether the installed fonts can draw @lang (Japanese needs a CJK font). */
gboolean    ins_seed_lang_drawable (InsSeedLang lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsSeedDoc, ins_seed_doc_free)

G_END_DECLS
