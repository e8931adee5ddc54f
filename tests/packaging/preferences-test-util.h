/* preferences-test-util.h — shared bits of the preferences and connection tests */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The superuser conninfo of scripts/test's throwaway cluster. */
const char *pref_test_admin_conninfo (void);
/* The connection settings, every key back to its default. */
GSettings  *pref_test_fresh_settings (void);

/* Starts a private session bus without a keyring (libsecret calls fail at
 * once), forgets PGSERVICEFILE, and initialises GTK and libadwaita. */
void        pref_test_init           (int    *argc,
                                      char ***argv);
/* Runs the tests added, then stops the private bus. */
int         pref_test_run            (void);

G_END_DECLS
