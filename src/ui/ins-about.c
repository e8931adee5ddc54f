/* ins-about.c — the About window, with the versions an administrator needs */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <poppler.h>

#include "ins-about.h"
#include "ins-preferences-connection.h"
#include "ins-preferences-password.h"

char *
ins_about_debug_info (const char *server_version)
{
  GString *info = g_string_new (NULL);
  int pq = PQlibVersion ();

  g_string_append_printf (info, "Instruction %s (%s, %s)\n\n", PACKAGE_VERSION, APPLICATION_ID, PROFILE);
  g_string_append_printf (info, "GTK: %u.%u.%u\n", gtk_get_major_version (),
                          gtk_get_minor_version (), gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita: %u.%u.%u\n", adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version ());
  g_string_append_printf (info, "GLib: %u.%u.%u\n", glib_major_version, glib_minor_version,
                          glib_micro_version);
  g_string_append_printf (info, "Poppler: %s\n", poppler_get_version ());
  g_string_append_printf (info, "libpq: %d.%d\n", pq / 10000, pq % 10000);
  if (server_version != NULL)
    g_string_append_printf (info, "PostgreSQL server: %s\n", server_version);
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    g_string_append (info, "Sandbox: Flatpak\n");
  return g_string_free (info, FALSE);
}

typedef struct
{
  GWeakRef      window;
  char         *conninfo;
  GCancellable *cancellable;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_weak_ref_clear (&data->window);
  g_free (data->conninfo);
  g_object_unref (data->cancellable);
  g_free (data);
}

static void
server_version_fetched (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  FetchData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = ins_connection_test_finish (result, &error);
  g_autoptr(GtkWidget) window = g_weak_ref_get (&data->window);

  if (window != NULL)
    {
      g_autofree char *info = NULL;

      if (version == NULL)
        {
          g_auto(GStrv) parts = g_strsplit (error->message, "\n", 2);
          /* Translators: in the debug information, when the server did not answer */
          version = g_strdup_printf (_("not reached (%s)"), parts[0]);
        }
      info = ins_about_debug_info (version);
      adw_about_window_set_debug_info (ADW_ABOUT_WINDOW (window), info);
    }
  fetch_data_free (data);
}

static void
password_fetched (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FetchData *data = user_data;
  g_autofree char *password = ins_password_lookup_finish (result, NULL);

  if (g_cancellable_is_cancelled (data->cancellable))
    {
      fetch_data_free (data);
      return;
    }
  ins_connection_test_async (data->conninfo, password, data->cancellable,
                             server_version_fetched, data);
}

void
ins_about_present (GtkWindow  *parent,
                   const char *conninfo)
{
  static const char *developers[] = { "Instruction developers", NULL };
  g_autofree char *info = ins_about_debug_info (NULL);
  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                   "transient-for", parent,
                                   "modal", TRUE,
                                   "application-name", _("Instruction"),
                                   "application-icon", APPLICATION_ID,
                                   "version", PACKAGE_VERSION,
                                   "developer-name", _("Instruction developers"),
                                   "developers", developers,
                                   "comments", _("Processing of insured persons' online requests: care received abroad, choice of a complementary insurer."),
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   "website", "https://gitlab.com/ameli/instruction",
                                   "issue-url", "https://gitlab.com/ameli/instruction/issues",
                                   "translator-credits", _("translator-credits"),
                                   "debug-info", info,
                                   "debug-info-filename", "instruction-debug.txt",
                                   NULL);

  if (conninfo != NULL)
    {
      FetchData *data = g_new0 (FetchData, 1);

      g_weak_ref_init (&data->window, about);
      data->conninfo = g_strdup (conninfo);
      data->cancellable = g_cancellable_new ();
      g_signal_connect_object (about, "destroy", G_CALLBACK (g_cancellable_cancel),
                               data->cancellable, G_CONNECT_SWAPPED);
      ins_password_lookup_async (conninfo, data->cancellable, password_fetched, data);
    }
  gtk_window_present (GTK_WINDOW (about));
}
