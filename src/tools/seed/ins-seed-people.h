/* ins-seed-people.h — sample insured people and their relatives, with valid, unique NIRs */
#pragma once

#include "ins-seed-affaire-gen.h"

G_BEGIN_DECLS

/* The insured person numbered @id, born in a département or abroad; @id
 * makes the NIR unique. */
InsSeedPerson ins_seed_person_new      (InsSeedGen          *g,
                                        gint64               id);
/* A relative on the ouvreur's account: a child mostly, else a spouse; no NIR. */
InsSeedPerson ins_seed_ayant_droit_new (InsSeedGen          *g,
                                        const InsSeedPerson *ouvreur);

G_END_DECLS
