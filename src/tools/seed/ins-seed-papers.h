/* ins-seed-papers.h — the attachments of one affaire, drawn to match it */
#pragma once

#include "ins-seed-forms.h"

G_BEGIN_DECLS

/* The pieces of a foreign-care affaire showing @care: an invoice (PDF, scan
 * or photo), often its payment proof, sometimes a prescription, and the prior
 * authorisation when the care was @planned. With @corrupt, one of them is an
 * unreadable file. Fills @out (10 slots) with new documents; returns how many. */
guint ins_seed_papers_for_care (const InsSeedCare *care,
                                gboolean           planned,
                                gboolean           corrupt,
                                GRand             *rand,
                                InsSeedDoc       **out);

G_END_DECLS
