/* ins-window.h — the main window */
#pragma once

#include <adwaita.h>

#include "ins-application.h"

G_BEGIN_DECLS

#define INS_TYPE_WINDOW (ins_window_get_type ())
G_DECLARE_FINAL_TYPE (InsWindow, ins_window, INS, WINDOW, AdwApplicationWindow)

InsWindow *ins_window_new (InsApplication *application);

G_END_DECLS
