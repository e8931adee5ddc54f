/* ins-application.c — the application: command line, connection, windows */
#include "config.h"

#include <glib/gi18n.h>

#include "store/ins-db.h"
#include "store/ins-migrations.h"
#include "ins-application.h"
#include "ins-window.h"

struct _InsApplication
{
  AdwApplication parent_instance;

  char *conninfo;
};

G_DEFINE_FINAL_TYPE (InsApplication, ins_application, ADW_TYPE_APPLICATION)

static int
ins_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  InsApplication *self = INS_APPLICATION (app);
  const char *database = NULL;
  const char *service = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "instruction", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "&s", &database);
  g_variant_dict_lookup (options, "service", "&s", &service);
  if (database != NULL && service != NULL)
    {
      g_printerr ("%s\n", _("Give either --database or --service, not both"));
      return 1;
    }
  g_clear_pointer (&self->conninfo, g_free);
  if (service != NULL)
    self->conninfo = ins_db_conninfo_for_service (service);
  else
    self->conninfo = g_strdup (database ? database : "");

  if (g_variant_dict_contains (options, "migrate"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PGconn) conn = ins_db_connect (self->conninfo, &error);
      int applied = 0;

      if (conn == NULL || !ins_migrations_apply (conn, &applied, &error))
        {
          g_printerr (_("Migration failed: %s\n"), error->message);
          return 1;
        }
      g_print (_("Database schema at version %d (%d migrations applied)\n"),
               ins_migrations_latest (), applied);
      return 0;
    }

  return -1;
}

static void
ins_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ins_window_new (INS_APPLICATION (app)));
  gtk_window_present (window);
}

static void
ins_application_finalize (GObject *object)
{
  InsApplication *self = INS_APPLICATION (object);

  g_clear_pointer (&self->conninfo, g_free);
  G_OBJECT_CLASS (ins_application_parent_class)->finalize (object);
}

static void
ins_application_class_init (InsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ins_application_finalize;
  app_class->handle_local_options = ins_application_handle_local_options;
  app_class->activate = ins_application_activate;
}

static void
ins_application_init (InsApplication *self)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_STRING, NULL,
      N_("PostgreSQL connection string or URI"), N_("CONNINFO") },
    { "service", 's', 0, G_OPTION_ARG_STRING, NULL,
      N_("Connection service name from pg_service.conf"), N_("NAME") },
    { "migrate", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Apply the database migrations and exit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Processing of insured persons' online requests"));
}

InsApplication *
ins_application_new (const char *application_id)
{
  return g_object_new (INS_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/fr/ameli/Instruction",
                       NULL);
}

const char *
ins_application_get_conninfo (InsApplication *self)
{
  g_return_val_if_fail (INS_IS_APPLICATION (self), NULL);
  return self->conninfo ? self->conninfo : "";
}
