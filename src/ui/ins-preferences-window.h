/* ins-preferences-window.h — the preferences: database connection, notification service */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define INS_TYPE_PREFERENCES_WINDOW (ins_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (InsPreferencesWindow, ins_preferences_window, INS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Edits go to the application's GSettings when the window closes, all at
 * once; the password goes to the keyring when applied. */
InsPreferencesWindow *ins_preferences_window_new (GtkWindow *parent);

G_END_DECLS
