/* main.c — Instruction's entry point */
#include "config.h"

#include "core/ins-i18n.h"
#include "ui/ins-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(InsApplication) app = NULL;

  ins_i18n_init ();

  app = ins_application_new (APPLICATION_ID);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
