/* ins-test-i18n.c — the tests' locale and message catalogue */
#include "config.h"

#include <glib/gi18n.h>

#include "core/ins-i18n.h"
#include "ins-test-i18n.h"

void
ins_test_i18n_init (void)
{
  const char *dir = g_getenv ("INSTRUCTION_LOCALEDIR");

  /* After gtk_test_init (), which sets a locale of its own. */
  if (!ins_i18n_init ())
    g_error ("the locale of the environment is not installed: run scripts/test, which generates it");
  /* A missing catalogue would quietly leave the test in English: its
   * header is the translation of the empty msgid. */
  if (dir != NULL && *gettext ("") == '\0')
    g_error ("no catalogue for this locale under %s", dir);
}
