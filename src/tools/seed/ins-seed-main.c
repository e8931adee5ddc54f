/* ins-seed-main.c — instruction-seed: demo organismes, agents and sample affaires */
#define G_LOG_DOMAIN "ins-seed"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "core/ins-i18n.h"
#include "store/ins-db.h"
#include "store/ins-seed-store.h"
#include "ins-seed.h"

typedef struct {
  gint64 started;
  gboolean tty;
} Progress;

static void
show_progress (gint64 done, gint64 total, gpointer user_data)
{
  Progress *p = user_data;
  g_autofree char *done_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *line = NULL;
  double secs;

  if (done == 0)
    {
      p->started = g_get_monotonic_time ();
      return;
    }
  secs = (g_get_monotonic_time () - p->started) / (double) G_USEC_PER_SEC;
  done_text = g_strdup_printf ("%" G_GINT64_FORMAT, done);
  total_text = g_strdup_printf ("%" G_GINT64_FORMAT, total);
  /* TRANSLATORS: progress of instruction-seed: done / total, percentage, elapsed seconds, rate */
  line = g_strdup_printf (_("%s / %s affaires (%.0f %%), %.1f s, %.0f per second"),
                          done_text, total_text, 100.0 * done / total, secs, done / MAX (secs, 0.001));
  g_printerr ("%s%s%s", p->tty ? "\r" : "", line, p->tty && done < total ? "" : "\n");
}

static void
show_vacuum_progress (guint done, guint total, const char *table, gpointer user_data)
{
  Progress *p = user_data;
  g_autofree char *line = NULL;
  double secs;

  if (done == 0)
    p->started = g_get_monotonic_time ();
  secs = (g_get_monotonic_time () - p->started) / (double) G_USEC_PER_SEC;
  if (table != NULL)
    /* TRANSLATORS: instruction-seed's last step: tables done / total, the table at work, elapsed seconds */
    line = g_strdup_printf (_("Freezing and analysing the tables: %u / %u (%s), %.1f s"), done, total, table, secs);
  else
    line = g_strdup_printf (_("%u tables frozen and analysed in %.1f s"), total, secs);
  /* Erases what a longer line left. */
  g_printerr ("%s%s%s%s", p->tty ? "\r" : "", line, p->tty ? "\033[K" : "", p->tty && table != NULL ? "" : "\n");
}

static gboolean
list_agents (PGconn *conn, GError **error)
{
  g_autoptr(GPtrArray) agents = ins_seed_store_list_agents (conn, error);

  if (agents == NULL)
    return FALSE;
  for (guint i = 0; i < agents->len; i++)
    {
      InsSeedAgent *a = g_ptr_array_index (agents, i);

      g_print ("%s\t%s\t%s\t%s\n", a->login, a->role, a->organisme_code, a->display_name);
    }
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *password = NULL;
  gint64 count = -1;
  gint seed = 20260401;
  gint jobs = 2;
  gboolean organismes = FALSE, agents = FALSE, list = FALSE, if_empty = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, &database, N_("Connection string (libpq); default: libpq's environment"), N_("CONNINFO") },
    { "count", 'n', 0, G_OPTION_ARG_INT64, &count, N_("Number of affaires to add (10 to 1,000,000)"), N_("N") },
    { "organismes", 0, 0, G_OPTION_ARG_NONE, &organismes, N_("Create the demo organismes"), NULL },
    { "agents", 0, 0, G_OPTION_ARG_NONE, &agents, N_("Create the demo agents and their login roles"), NULL },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password, N_("Password of the demo agents (default: none)"), N_("PASSWORD") },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("Connections loading at once (default: 2)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed, for reproducible data"), N_("SEED") },
    { "if-empty", 0, 0, G_OPTION_ARG_NONE, &if_empty, N_("Add affaires only when the database has none"), NULL },
    { "list-agents", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the agents (login, role, organisme, name) and exit"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  InsSeedOptions options = { 0 };
  Progress progress = { g_get_monotonic_time (), isatty (STDERR_FILENO) };

  ins_i18n_init ();

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Creates the demo organismes and agents, then sample affaires with their "
                                  "attachments. Without options: all of it, with 1,000 affaires."));
  g_option_context_set_description (context,
                                    _("Up to 10,000 affaires, the attachments of each are drawn for it: its "
                                      "beneficiary, a provider in its country, its dates of care and its amount. "
                                      "Above, they come from a shared pool of a few hundred documents, so that a "
                                      "million affaires stay small and quick to load."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (count != -1 && (count < 10 || count > 1000000))
    {
      g_printerr ("%s\n", _("--count must be between 10 and 1,000,000"));
      return 2;
    }
  if (!organismes && !agents && count == -1 && !list)
    count = 1000;

  conn = ins_db_connect (database, &error);
  if (conn == NULL)
    {
      g_printerr (_("Cannot connect to the database: %s\n"), error->message);
      return 1;
    }
  if (list)
    {
      if (!list_agents (conn, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }

  options.organismes = organismes;
  options.agents = agents;
  options.count = MAX (count, 0);
  options.seed = (guint32) seed;
  options.password = password;
  options.conninfo = database ? database : "";
  options.jobs = (guint) CLAMP (jobs, 1, 16);
  options.progress = show_progress;
  options.vacuum_progress = show_vacuum_progress;
  options.user_data = &progress;
  if (if_empty && options.count > 0)
    {
      gint64 existing = ins_seed_store_count_affaires (conn, NULL);

      if (existing > 0)
        {
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, existing);

          g_printerr (_("The database already holds %s affaires: none added.\n"), text);
          options.count = 0;
        }
    }
  if (!ins_seed_run (conn, &options, &error))
    {
      g_printerr ("\n%s\n", error->message);
      return 1;
    }
  return 0;
}
