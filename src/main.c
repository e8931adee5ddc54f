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
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ins_application_new (APPLICATION_ID);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
