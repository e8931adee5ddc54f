/* ins-preferences-window-state.c — the main window's size kept in GSettings */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include "ins-preferences-window-state.h"

static gboolean
save_state (GtkWindow *window,
            GSettings *settings)
{
  int width = 0;
  int height = 0;
  gboolean maximized = gtk_window_is_maximized (window);

  if (!maximized)
    {
      gtk_window_get_default_size (window, &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }
  g_settings_set_boolean (settings, "window-maximized", maximized);
  return FALSE;  /* let the window close */
}

void
ins_window_state_track (GtkWindow *window,
                        GSettings *settings)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (settings == NULL)
    return;
  gtk_window_set_default_size (window, g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);
  g_signal_connect_object (window, "close-request", G_CALLBACK (save_state), settings, 0);
}
