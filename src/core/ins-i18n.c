/* ins-i18n.c — the locale and message catalogue of every program */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core/ins-i18n.h"

gboolean
ins_i18n_init (void)
{
  const char *dir = g_getenv ("INSTRUCTION_LOCALEDIR");
  gboolean found = setlocale (LC_ALL, "") != NULL;

  bindtextdomain (GETTEXT_PACKAGE, dir != NULL ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return found;
}
