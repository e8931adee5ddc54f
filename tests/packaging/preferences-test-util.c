/* preferences-test-util.c — shared bits of the preferences and connection tests */
#include "config.h"

#include <adwaita.h>

#include "ui/ins-preferences-connection.h"
#include "../ins-test-i18n.h"
#include "preferences-test-util.h"

static GTestDBus *bus;

const char *
pref_test_admin_conninfo (void)
{
  const char *admin = g_getenv ("INS_TEST_ADMIN_CONNINFO");

  if (admin == NULL)
    g_error ("INS_TEST_ADMIN_CONNINFO is not set: run the tests through scripts/test");
  return admin;
}

GSettings *
pref_test_fresh_settings (void)
{
  GSettings *settings = ins_connection_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_nonnull (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  return settings;
}

void
pref_test_init (int    *argc,
                char ***argv)
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);  /* g_test_dbus_up() unsets it */
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_unsetenv ("PGSERVICEFILE");
  gtk_test_init (argc, argv, NULL);
  ins_test_i18n_init ();
  adw_init ();
}

int
pref_test_run (void)
{
  int status = g_test_run ();

  /* Stopped, not finalized: GTK keeps its bus connection until exit. */
  g_test_dbus_stop (bus);
  return status;
}
