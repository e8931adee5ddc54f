/* ins-affaire-panel.h — the centre pane: the affaire as the agent reviews it
 *
 * Foreign care laid out like the insured person's récapitulatif (ouvreur de
 * droit, bénéficiaire, soins, séjour) with the euro equivalent and its ECB
 * rate; an OC overlap as a side-by-side resolver; rule hints, the checklist of
 * expected pieces, the decision, the medical opinion and the history.
 */
#pragma once

#include <gtk/gtk.h>

#include "core/ins-affaire.h"

G_BEGIN_DECLS

#define INS_TYPE_AFFAIRE_PANEL (ins_affaire_panel_get_type ())
G_DECLARE_FINAL_TYPE (InsAffairePanel, ins_affaire_panel, INS, AFFAIRE_PANEL, GtkWidget)

/* @affaire NULL: the empty state. The medical reasoning is shown only to a
 * médecin-conseil (@viewer_role). */
void        ins_affaire_panel_set_affaire (InsAffairePanel *self,
                                           InsAffaire      *affaire,
                                           InsRole          viewer_role);
/* A spinner while the first affaire loads (keeps the shown one otherwise). */
void        ins_affaire_panel_set_loading (InsAffairePanel *self);
InsAffaire *ins_affaire_panel_get_affaire (InsAffairePanel *self);

/* The French label of a history entry's stored action word. */
const char *ins_affaire_panel_history_label (const char *nick);

G_END_DECLS
