/* ins-about.h — the About window, with the versions an administrator needs */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The library versions, and the server's when @server_version is not NULL. */
char *ins_about_debug_info (const char *server_version);

/* Shows the About window; when @conninfo is not NULL the server's version is
 * fetched off the main loop and added to the debug information. */
void  ins_about_present    (GtkWindow  *parent,
                            const char *conninfo);

G_END_DECLS
