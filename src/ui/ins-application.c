/* ins-application.c — the application: command line, connection, windows */
#include "config.h"

#include <glib/gi18n.h>

#include "store/ins-db.h"
#include "store/ins-migrations.h"
#include "ins-about.h"
#include "ins-application.h"
#include "ins-preferences-connection.h"
#include "ins-preferences-password.h"
#include "ins-preferences-window.h"
#include "ins-welcome-page.h"
#include "ins-window.h"

struct _InsApplication
{
  AdwApplication parent_instance;

  char *conninfo;          /* NULL: nothing configured, the welcome page shows */
  InsConnectionOrigin origin;
  gboolean password_looked_up;
  GSettings *settings;
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
  if ((database != NULL) + (service != NULL) + g_variant_dict_contains (options, "demo") > 1)
    {
      g_printerr ("%s\n", _("Give only one of --database, --service and --demo"));
      return 1;
    }
  g_clear_pointer (&self->conninfo, g_free);
  self->origin = INS_CONNECTION_FROM_SETTINGS;
  if (service != NULL)
    {
      self->conninfo = ins_db_conninfo_for_service (service);
      self->origin = INS_CONNECTION_FROM_SERVICE_OPTION;
    }
  else if (database != NULL)
    {
      self->conninfo = g_strdup (database);
      self->origin = INS_CONNECTION_FROM_DATABASE_OPTION;
    }
  else if (g_variant_dict_contains (options, "demo"))
    {
      g_autoptr(GError) error = NULL;

      self->conninfo = ins_connection_demo_resolve (&error);
      if (self->conninfo == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      self->password_looked_up = TRUE;
      self->origin = INS_CONNECTION_FROM_DEMO;
    }
  else if (ins_connection_environment_configured ())
    {
      self->conninfo = g_strdup ("");
      self->origin = INS_CONNECTION_FROM_ENVIRONMENT;
    }
  else
    self->conninfo = ins_connection_conninfo_from_settings (self->settings);

  if (g_variant_dict_contains (options, "migrate"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PGconn) conn = ins_db_connect (ins_application_get_conninfo (self), &error);
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
password_looked_up (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(InsApplication) self = user_data;
  g_autofree char *password = ins_password_lookup_finish (result, NULL);

  self->password_looked_up = TRUE;
  if (password != NULL && self->conninfo != NULL)
    {
      char *with_password = ins_connection_with_password (self->conninfo, password);

      if (with_password != NULL)
        {
          g_free (self->conninfo);
          self->conninfo = with_password;
        }
    }
  g_application_activate (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));
}

static void
ins_application_activate (GApplication *app)
{
  InsApplication *self = INS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && self->conninfo != NULL && !self->password_looked_up)
    {
      /* The keyring may hold the password of the configured server. */
      g_application_hold (app);
      ins_password_lookup_async (self->conninfo, NULL, password_looked_up, g_object_ref (self));
      return;
    }
  if (window == NULL && self->conninfo == NULL)
    window = ins_welcome_page_new_window (GTK_APPLICATION (app));
  else if (window == NULL)
    window = GTK_WINDOW (ins_window_new (INS_APPLICATION (app)));
  gtk_window_present (window);
}

/* The welcome window gives way to the workspace (the hold keeps the
 * application alive while it has no window). */
static void
replace_welcome (InsApplication *self,
                 GtkWindow      *welcome)
{
  g_application_hold (G_APPLICATION (self));
  if (welcome != NULL && !INS_IS_WINDOW (welcome))
    gtk_window_destroy (welcome);
  g_application_activate (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));
}

/* The welcome window gives way to the workspace once a server is configured. */
static void
on_connection_settings_changed (InsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->conninfo != NULL || INS_IS_WINDOW (window))
    return;
  self->conninfo = ins_connection_conninfo_from_settings (self->settings);
  if (self->conninfo == NULL)
    return;
  self->password_looked_up = FALSE;
  replace_welcome (self, window);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  InsApplication *self = INS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  InsPreferencesWindow *preferences = ins_preferences_window_new (parent);

  if (self->conninfo != NULL)
    ins_preferences_window_show_session (preferences, self->conninfo, self->origin);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  InsApplication *self = INS_APPLICATION (user_data);

  ins_about_present (gtk_application_get_active_window (GTK_APPLICATION (self)), self->conninfo);
}

static void
demo_resolved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(InsApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = ins_connection_demo_resolve_finish (result, &error);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "demo")),
                               TRUE);
  if (conninfo == NULL)
    {
      if (window != NULL)
        {
          GtkWidget *dialog = adw_message_dialog_new (window, _("No Demo Database"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }
  g_free (self->conninfo);
  self->conninfo = g_steal_pointer (&conninfo);
  self->origin = INS_CONNECTION_FROM_DEMO;
  self->password_looked_up = TRUE;
  replace_welcome (self, window);
}

static void
demo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_simple_action_set_enabled (action, FALSE);
  ins_connection_demo_resolve_async (NULL, demo_resolved, g_object_ref (user_data));
}

static void
ins_application_finalize (GObject *object)
{
  InsApplication *self = INS_APPLICATION (object);

  g_clear_pointer (&self->conninfo, g_free);
  g_clear_object (&self->settings);
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
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Connect to the local demo database started by scripts/demo"), NULL },
    { NULL }
  };
  static const GActionEntry actions[] = {
    { "preferences", preferences_activated },
    { "about", about_activated },
    { "demo", demo_activated },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  self->settings = ins_connection_settings_new ();
  if (self->settings != NULL)
    {
      g_signal_connect_swapped (self->settings, "changed::database-service",
                                G_CALLBACK (on_connection_settings_changed), self);
      g_signal_connect_swapped (self->settings, "changed::database-uri",
                                G_CALLBACK (on_connection_settings_changed), self);
    }
  else
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                              "preferences")),
                                 FALSE);
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

InsConnectionOrigin
ins_application_get_connection_origin (InsApplication *self)
{
  g_return_val_if_fail (INS_IS_APPLICATION (self), INS_CONNECTION_FROM_SETTINGS);
  return self->origin;
}

GSettings *
ins_application_get_settings (InsApplication *self)
{
  g_return_val_if_fail (INS_IS_APPLICATION (self), NULL);
  return self->settings;
}
