/* main.c — Instruction's entry point */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ui/ins-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(InsApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Set by scripts/demo and the UI tests to use the catalogue of the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("INSTRUCTION_LOCALEDIR") ? g_getenv ("INSTRUCTION_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ins_application_new (APPLICATION_ID);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
