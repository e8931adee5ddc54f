/* ins-affaire-hints.h — what the affaire panel points out, as pure functions
 * of the affaire: rule hints and the checklist of expected pieces */
#pragma once

#include <glib.h>

#include "core/ins-affaire.h"

G_BEGIN_DECLS

typedef struct {
  InsPageTag  tag;        /* the tag that proves the piece */
  gboolean    required;   /* FALSE: only when it applies (e.g. prescriptions) */
  gboolean    present;    /* a page carries this tag */
} InsExpectedPiece;

/* The pieces expected for @affaire (domain.md), in display order; an OC
 * affaire expects none. Of InsExpectedPiece. */
GArray    *ins_affaire_expected_pieces (const InsAffaire *affaire);

/* The required pieces no page is tagged as yet, as page-tag nicks (for the
 * "incomplete" dialog). */
GStrv      ins_affaire_missing_pieces  (const InsAffaire *affaire);

/* TRUE when some page of some attachment carries @tag. */
gboolean   ins_affaire_has_tag         (const InsAffaire *affaire,
                                        InsPageTag        tag);

/* French sentences (translated) pointing at what needs attention: planned care
 * without a prior authorisation among the tagged pages, care outside the
 * EU/EEA/CH/UK, stay dates not covering the care, unreadable documents, OC
 * exclusions… */
GPtrArray *ins_affaire_hints           (const InsAffaire *affaire);

G_END_DECLS
