/* ins-window.h — the agent's workspace: queue, affaire, documents and actions
 *
 * Actions (installed on the class, enabled from ins_rules_allows() through
 * ins-workspace-state.h, disabled while the database is unreachable):
 *   affaire.claim-next (n), affaire.claim (Enter on a row), affaire.request-avis (m),
 *   affaire.accept (a), affaire.refuse (r), affaire.incomplete (i), affaire.close,
 *   affaire.close-next (Ctrl+Enter), affaire.answer-avis, affaire.mark-unusable;
 *   win.search (Ctrl+F), win.refresh (F5), win.show-help-overlay (Ctrl+?).
 */
#pragma once

#include <adwaita.h>

#include "store/ins-store.h"
#include "ins-application.h"

G_BEGIN_DECLS

#define INS_TYPE_WINDOW (ins_window_get_type ())
G_DECLARE_FINAL_TYPE (InsWindow, ins_window, INS, WINDOW, AdwApplicationWindow)

/* Opens a store on the application's conninfo. */
InsWindow  *ins_window_new            (InsApplication *application);
/* For tests: a window on @conninfo, keeping drafts in @drafts_path (NULL: default). */
InsWindow  *ins_window_new_for_conninfo (GtkApplication *application,
                                         const char     *conninfo,
                                         const char     *drafts_path);

InsStore   *ins_window_get_store      (InsWindow *self);
/* The affaire shown in the centre pane, or NULL. */
InsAffaire *ins_window_get_affaire    (InsWindow *self);
/* The dialog an action opened and that is still open, or NULL. */
GtkWindow  *ins_window_get_dialog     (InsWindow *self);
/* The window's current subtitle (counts) and the connection bar. */
const char *ins_window_get_subtitle   (InsWindow *self);
gboolean    ins_window_get_connection_lost (InsWindow *self);
/* The message of the last conflict or error shown, or NULL. */
const char *ins_window_get_last_message (InsWindow *self);
/* Shows affaire @id (loads it; selects it in the queue when loaded there). */
void        ins_window_show_affaire   (InsWindow *self,
                                       gint64     id);

G_END_DECLS
