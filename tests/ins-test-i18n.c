/* ins-test-i18n.c — the tests' locale and message catalogue */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ins-test-i18n.h"

void
ins_test_i18n_init (void)
{
  const char *dir = g_getenv ("INSTRUCTION_LOCALEDIR");

  if (setlocale (LC_ALL, "") == NULL)
    g_error ("the locale of the environment is not installed: run scripts/test, which generates it");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* A missing catalogue would quietly leave the test in English: its
   * header is the translation of the empty msgid. */
  if (dir != NULL && *gettext ("") == '\0')
    g_error ("no catalogue for this locale under %s", dir);
}
