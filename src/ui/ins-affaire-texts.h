/* ins-affaire-texts.h — what the affaire panel says of a declaration, as
 * text: the coded words of the teleservice, dates, periods, the country with
 * its zone, the declared amount with its euro equivalent and ECB rate */
#pragma once

#include <glib.h>

#include "core/ins-affaire.h"
#include "core/ins-country.h"

G_BEGIN_DECLS

typedef enum {
  INS_AFFAIRE_CODE_NATIONALITY,
  INS_AFFAIRE_CODE_SITUATION,
  INS_AFFAIRE_CODE_NATURE,
  INS_AFFAIRE_CODE_STAY_MOTIF,
} InsAffaireCode;

/* The translated label of a coded word (the code itself when unknown). */
const char *ins_affaire_text_code    (InsAffaireCode     kind,
                                      const char        *code);
const char *ins_affaire_text_yes_no  (gboolean           value);
/* « 2 mars 2026 », empty for an invalid date. */
char       *ins_affaire_text_date    (const GDate       *date);
/* « du 2 mars 2026 au 14 mars 2026 » */
char       *ins_affaire_text_period  (const GDate       *from,
                                      const GDate       *to);
/* « Japon (hors UE/EEE) »; @code when @country is NULL. */
char       *ins_affaire_text_country (const InsCountry  *country,
                                      const char        *code);
/* The declared amount, with its euro equivalent and the ECB rate and date, or
 * why there is no rate. */
char       *ins_affaire_text_amount  (InsAffaire        *affaire);

G_END_DECLS
