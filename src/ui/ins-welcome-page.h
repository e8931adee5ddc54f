/* ins-welcome-page.h — shown at first start, when no database is configured */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define INS_TYPE_WELCOME_PAGE (ins_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (InsWelcomePage, ins_welcome_page, INS, WELCOME_PAGE, AdwBin)

/* Its buttons activate app.preferences and app.demo. */
GtkWidget *ins_welcome_page_new        (void);

/* A window of @application holding only the welcome page. */
GtkWindow *ins_welcome_page_new_window (GtkApplication *application);

G_END_DECLS
