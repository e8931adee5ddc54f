/* ins-preferences-password.c — the database password, kept in the keyring */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-preferences-connection.h"
#include "ins-preferences-password.h"

const SecretSchema *
ins_password_get_schema (void)
{
  static const SecretSchema schema = {
    "fr.ameli.Instruction.Password", SECRET_SCHEMA_NONE,
    {
      { "target", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  return &schema;
}

char *
ins_password_target_for (const char *conninfo)
{
  g_autofree char *service = ins_connection_get_option (conninfo, "service");
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *dbname = NULL;
  g_autofree char *user = NULL;

  if (service != NULL)
    return g_strdup_printf ("service:%s", service);
  host = ins_connection_get_option (conninfo, "host");
  if (host == NULL)
    host = ins_connection_get_option (conninfo, "hostaddr");
  if (host == NULL)
    return NULL;
  port = ins_connection_get_option (conninfo, "port");
  dbname = ins_connection_get_option (conninfo, "dbname");
  user = ins_connection_get_option (conninfo, "user");
  return g_strdup_printf ("%s@%s:%s/%s", user ? user : "", host, port ? port : "5432",
                          dbname ? dbname : "");
}

static void
store_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ins_password_store_async (const char          *conninfo,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *target = ins_password_target_for (conninfo);
  g_autofree char *label = NULL;

  g_task_set_source_tag (task, ins_password_store_async);
  if (target == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("No server is configured to keep a password for"));
      return;
    }
  /* Translators: the label of the password in the keyring; %s is user@host:port/database */
  label = g_strdup_printf (_("Instruction database password for %s"), target);
  secret_password_store (ins_password_get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, store_done, g_steal_pointer (&task),
                         "target", target, NULL);
}

gboolean
ins_password_store_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
ins_password_lookup_sync (const char    *conninfo,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *target = ins_password_target_for (conninfo);

  if (target == NULL)
    return NULL;
  return secret_password_lookup_sync (ins_password_get_schema (), cancellable, error,
                                      "target", target, NULL);
}

static void
lookup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

void
ins_password_lookup_async (const char          *conninfo,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *target = ins_password_target_for (conninfo);

  g_task_set_source_tag (task, ins_password_lookup_async);
  if (target == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  secret_password_lookup (ins_password_get_schema (), cancellable, lookup_done,
                          g_steal_pointer (&task), "target", target, NULL);
}

char *
ins_password_lookup_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ins_password_clear_async (const char          *conninfo,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *target = ins_password_target_for (conninfo);

  g_task_set_source_tag (task, ins_password_clear_async);
  if (target == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  secret_password_clear (ins_password_get_schema (), cancellable, clear_done,
                         g_steal_pointer (&task), "target", target, NULL);
}

gboolean
ins_password_clear_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
