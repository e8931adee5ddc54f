/* ins-seed-forms.h — generated forms: prescriptions, prior authorisations, OC certificates */
#pragma once

#include "ins-seed-docs.h"

G_BEGIN_DECLS

/* One beneficiary as an OC's certificate lists them (strings borrowed). */
typedef struct {
  const char *nom;
  const char *prenom;
  gint64      birth;      /* days since 1970-01-01 */
  const char *member;     /* numéro d'adhérent */
} InsSeedMember;

/* A doctor's prescription for @care's patient, in the country's language. */
InsSeedDoc *ins_seed_form_prescription  (const InsSeedCare   *care,
                                         GRand               *rand);

/* The prior authorisation of planned care (formulaire S2 in Europe, accord
 * préalable elsewhere) issued by the caisse for @care's patient. */
InsSeedDoc *ins_seed_form_authorisation (const InsSeedCare   *care,
                                         GRand               *rand);

/* The certificate of membership of @oc (contract from @start) for @members,
 * issued on @issued. */
InsSeedDoc *ins_seed_form_attestation   (const char          *oc,
                                         gint64               start,
                                         gint64               issued,
                                         const InsSeedMember *members,
                                         guint                n_members,
                                         GRand               *rand);

G_END_DECLS
