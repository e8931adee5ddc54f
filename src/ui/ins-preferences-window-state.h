/* ins-preferences-window-state.h — the main window's size kept in GSettings */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Restores @window's size and maximized state from @settings (window-width,
 * window-height, window-maximized) and saves them when it closes. Does
 * nothing when @settings is NULL. */
void ins_window_state_track (GtkWindow *window,
                             GSettings *settings);

G_END_DECLS
