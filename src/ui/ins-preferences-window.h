/* ins-preferences-window.h — the preferences: database connection, notification service */
#pragma once

#include <adwaita.h>

#include "ins-preferences-connection.h"

G_BEGIN_DECLS

#define INS_TYPE_PREFERENCES_WINDOW (ins_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (InsPreferencesWindow, ins_preferences_window, INS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Edits go to the application's GSettings when the window closes, all at
 * once; the password goes to the keyring when applied. */
InsPreferencesWindow *ins_preferences_window_new          (GtkWindow            *parent);
/* Shows, above the saved settings, the connection this session uses when it
 * does not come from them (@origin not INS_CONNECTION_FROM_SETTINGS): server,
 * database and user, never the password. The saved settings stay as they are. */
void                  ins_preferences_window_show_session (InsPreferencesWindow *self,
                                                           const char           *conninfo,
                                                           InsConnectionOrigin   origin);

G_END_DECLS
