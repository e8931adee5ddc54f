/* ins-import-tool.c — instruction-import: imports submissions of the online services
 *
 * instruction-import [--database CONNINFO | --service NAME] PATH...
 * Exit status: 0 all imported (or already there), 1 something was rejected,
 * 2 the run could not complete (database, probe helper, bad arguments).
 */
#define G_LOG_DOMAIN "instruction-import"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "core/ins-i18n.h"
#include "ingest/ins-import-error.h"
#include "ingest/ins-importer.h"
#include "store/ins-db.h"
#include "store/ins-migrations.h"

#define BAR_WIDTH 30

typedef struct {
  gboolean  tty;
  guint     total;
  guint     done;
} Progress;

static void
progress_clear (Progress *p)
{
  if (p->tty)
    fputs ("\r\033[K", stdout);
}

static char *display_name (const char *file);

static void
progress_draw (Progress   *p,
               const char *file)
{
  g_autofree char *base = NULL;
  guint filled;

  if (!p->tty || p->total == 0)
    return;
  base = file ? display_name (file) : NULL;
  filled = p->done * BAR_WIDTH / p->total;
  fputs ("\r\033[K[", stdout);
  for (guint i = 0; i < BAR_WIDTH; i++)
    fputs (i < filled ? "█" : "·", stdout);
  printf ("] %u/%u %s", p->done, p->total, base ? base : "");
  fflush (stdout);
}

static char *
display_name (const char *file)
{
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *dir_base = g_path_get_basename (dir);
  g_autofree char *base = g_path_get_basename (file);

  return g_build_filename (dir_base, base, NULL);
}

static void
print_report (Progress              *p,
              const InsImportReport *report)
{
  g_autofree char *name = display_name (report->file);

  progress_clear (p);
  printf ("[%u/%u] %s: ", p->done, p->total, name);
  switch (report->outcome)
    {
    case INS_IMPORT_IMPORTED:
      printf (_("imported as %s"), report->numero);
      break;
    case INS_IMPORT_NON_EXPLOITABLE:
      printf (_("imported as %s, non exploitable (%s)"), report->numero,
              report->non_exploitable_reason);
      break;
    case INS_IMPORT_ALREADY:
      printf (_("already imported as %s, nothing changed"), report->numero);
      break;
    case INS_IMPORT_REJECTED:
    default:
      printf (_("rejected (problems: %u)"), report->problems->len);
      break;
    }
  if (report->excluded)
    printf (_(" — not eligible: %s"), report->exclusion_reason);
  putchar ('\n');
  for (guint i = 0; i < report->problems->len; i++)
    {
      const InsImportProblem *problem = report->problems->pdata[i];
      fputs ("    ", stdout);
      /* TRANSLATORS: JSON path of a field, what is wrong with it */
      printf (_("%s: %s"), problem->path, problem->reason);
      putchar ('\n');
    }
  fflush (stdout);
}

static void
print_summary (const InsImportSummary *s,
               GPtrArray              *rejected)
{
  printf ("\n%s\n", _("Summary"));
  printf (_("  imported:        %u\n"), s->imported);
  printf (_("  non exploitable: %u\n"), s->non_exploitable);
  printf (_("  not eligible:    %u (imported, flagged)\n"), s->excluded);
  printf (_("  rejected:        %u\n"), s->rejected);
  for (guint i = 0; i < rejected->len; i++)
    {
      const InsImportReport *report = rejected->pdata[i];

      for (guint k = 0; k < report->problems->len; k++)
        {
          g_autofree char *line = ins_import_problem_format (report->problems->pdata[k]);
          printf ("    %s\n", line);
        }
    }
  printf (_("  already there:   %u\n"), s->already);
}

int
main (int argc, char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *service = NULL;
  g_auto(GStrv) paths = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_import_report_free);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *conninfo = NULL;
  InsImportSummary summary = { 0 };
  Progress progress = { 0 };
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database,
      N_("libpq connection string or URI"), N_("CONNINFO") },
    { "service", 's', 0, G_OPTION_ARG_STRING, &service,
      N_("pg_service.conf entry"), N_("NAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, N_("PATH…") },
    { NULL }
  };

  ins_i18n_init ();

  context = g_option_context_new (_("— import submissions of the online services"));
  g_option_context_set_summary (context,
                                _("Imports each submission (a JSON document and its attachments) "
                                  "found in the files and directories given."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (paths == NULL || paths[0] == NULL || (database != NULL && service != NULL))
    {
      g_printerr ("%s\n", _("Give one or more files or directories, and at most one of "
                            "--database and --service."));
      return 2;
    }

  files = ins_import_collect ((const char * const *) paths, &error);
  if (files == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  conninfo = service ? ins_db_conninfo_for_service (service) : g_strdup (database);
  conn = ins_db_connect (conninfo, &error);
  if (conn == NULL || !ins_migrations_apply (conn, NULL, &error))
    {
      g_printerr (_("Cannot use the database: %s\n"), error->message);
      return 2;
    }

  progress.tty = isatty (STDOUT_FILENO);
  progress.total = files->len;
  now = g_date_time_new_now_utc ();
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(InsImportReport) report = NULL;

      progress_draw (&progress, files->pdata[i]);
      report = ins_import_file (conn, files->pdata[i], now, NULL, &error);
      if (report == NULL)
        {
          progress_clear (&progress);
          g_printerr (_("Import stopped at %s: %s\n"), (char *) files->pdata[i], error->message);
          print_summary (&summary, rejected);
          return 2;
        }
      progress.done = i + 1;
      ins_import_summary_add (&summary, report);
      print_report (&progress, report);
      if (report->outcome == INS_IMPORT_REJECTED)
        g_ptr_array_add (rejected, g_steal_pointer (&report));
    }
  progress_draw (&progress, NULL);
  progress_clear (&progress);
  print_summary (&summary, rejected);
  return summary.rejected > 0 ? 1 : 0;
}
