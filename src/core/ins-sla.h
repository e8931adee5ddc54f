/* ins-sla.h — processing targets: due dates, paused clocks, ages and their
 * bands (shared domain.md: 4 weeks for foreign care, 7 days for OC)
 *
 * The clock stops while the affaire waits for the médecin-conseil or for
 * missing pieces; when it resumes, the due date moves by the paused time.
 * Days are calendar days in the time zone of the GDateTime given as "now".
 */
#pragma once

#include <glib.h>

#include "ins-types.h"

G_BEGIN_DECLS

#define INS_SLA_DAYS_SOINS_ETRANGER 28
#define INS_SLA_DAYS_CHEVAUCHEMENT_OC 7
#define INS_SLA_DUE_SOON_DAYS 2

typedef enum {
  INS_SLA_ON_TIME,
  INS_SLA_DUE_SOON,   /* due within INS_SLA_DUE_SOON_DAYS */
  INS_SLA_BREACHED,   /* due date passed */
  INS_N_SLA_STATES
} InsSlaState;

typedef enum {
  INS_AGE_BAND_0_7,
  INS_AGE_BAND_8_30,
  INS_AGE_BAND_31_90,
  INS_AGE_BAND_91_180,
  INS_AGE_BAND_OVER_180,
  INS_N_AGE_BANDS
} InsAgeBand;

/* Processing target of @kind in days (28 or 7). */
guint        ins_sla_days_for_kind    (InsAffaireKind kind);

/* Due date of an affaire of @kind received at @received_at. */
GDateTime   *ins_sla_due_at           (InsAffaireKind kind,
                                       GDateTime     *received_at);

/* TRUE for the statuses that stop the clock (avis_medical_demande,
 * en_attente_pieces). */
gboolean     ins_sla_status_pauses    (InsStatus      status);

/* The due date once the clock, paused at @paused_at, resumes at @resumed_at:
 * @due_at moved by the paused time (unchanged if @resumed_at <= @paused_at). */
GDateTime   *ins_sla_resume           (GDateTime     *due_at,
                                       GDateTime     *paused_at,
                                       GDateTime     *resumed_at);

/* The state at @now; when @paused_at is not NULL the clock is stopped there. */
InsSlaState  ins_sla_state            (GDateTime     *due_at,
                                       GDateTime     *paused_at,
                                       GDateTime     *now);

/* French text of a state (translated), never shown by colour alone. */
const char  *ins_sla_state_label      (InsSlaState    state);

/* « Échéance dans 3 jours », « Échéance demain », « Échéance aujourd’hui »,
 * « En retard de 2 jours », « Délai suspendu, 5 jours restants » (translated), in calendar days from @now (or @paused_at when paused). */
char        *ins_sla_describe         (GDateTime     *due_at,
                                       GDateTime     *paused_at,
                                       GDateTime     *now);

/* The same in a few words, for a narrow cell under an « Échéance » header:
 * « Dans 3 jours », « Demain », « Aujourd’hui », « 2 j de retard »,
 * « Suspendu, J-5 » (translated). */
char        *ins_sla_describe_short   (GDateTime     *due_at,
                                       GDateTime     *paused_at,
                                       GDateTime     *now);

/* Calendar days from @received_at to @now (0 the same day, never negative). */
guint        ins_sla_age_days         (GDateTime     *received_at,
                                       GDateTime     *now);

InsAgeBand   ins_sla_age_band         (guint          age_days);

/* First and last day of @band (@max_days is G_MAXUINT for the last one). */
void         ins_sla_age_band_bounds  (InsAgeBand     band,
                                       guint         *min_days,
                                       guint         *max_days);

/* « 0 à 7 jours », « plus de 180 jours » (translated). */
const char  *ins_sla_age_band_label   (InsAgeBand     band);

G_END_DECLS
