/* ins-preferences-window.c — the preferences: database connection, notification service */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-preferences-connection.h"
#include "ins-preferences-password.h"
#include "ins-preferences-window.h"

enum { KIND_ADDRESS, KIND_SERVICE };

/* In the order of the schema's SslMode enum. */
static const char * const sslmode_labels[] = {
  N_("Disabled"),
  N_("Allowed"),
  N_("Preferred"),
  N_("Required, without checking the certificate"),
  N_("Required, certificate checked"),
  N_("Required, certificate and host name checked"),
};

struct _InsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  AdwPreferencesGroup *session_group;
  AdwActionRow        *session_service_row;
  AdwActionRow        *session_host_row;
  AdwActionRow        *session_dbname_row;
  AdwActionRow        *session_user_row;
  AdwPreferencesGroup *saved_group;
  AdwComboRow         *kind_row;
  AdwComboRow         *service_row;
  AdwEntryRow         *host_row;
  AdwEntryRow         *port_row;
  AdwEntryRow         *dbname_row;
  AdwEntryRow         *user_row;
  AdwPasswordEntryRow *password_row;
  AdwPreferencesGroup *security_group;
  AdwComboRow         *sslmode_row;
  AdwActionRow        *ca_row;
  GtkButton           *ca_clear_button;
  GtkButton           *ca_choose_button;
  GtkButton           *test_button;
  GtkSpinner          *test_spinner;
  GtkLabel            *test_result_label;
  GtkLabel            *test_detail_label;
  AdwEntryRow         *notification_url_row;

  /* owned references */
  GSettings            *settings;  /* delayed: applied when the window closes */
  GtkStringList        *services;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (InsPreferencesWindow, ins_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (InsPreferencesWindow *self,
       const char           *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static const char *
selected_service (InsPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->service_row);

  if (i == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->services, i);
}

static void
update_visibility (InsPreferencesWindow *self)
{
  gboolean by_service = adw_combo_row_get_selected (self->kind_row) == KIND_SERVICE;

  gtk_widget_set_visible (GTK_WIDGET (self->service_row), by_service);
  gtk_widget_set_visible (GTK_WIDGET (self->host_row), !by_service);
  gtk_widget_set_visible (GTK_WIDGET (self->port_row), !by_service);
  gtk_widget_set_visible (GTK_WIDGET (self->dbname_row), !by_service);
  gtk_widget_set_visible (GTK_WIDGET (self->user_row), !by_service);
  gtk_widget_set_visible (GTK_WIDGET (self->security_group), !by_service);
}

static gboolean
parse_port (const char *text,
            guint      *port)
{
  guint64 value = 0;

  if (text[0] == '\0')
    {
      *port = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, 65535, &value, NULL))
    return FALSE;
  *port = (guint) value;
  return TRUE;
}

/* Writes the rows into the (delayed) settings. */
static void
store_connection (InsPreferencesWindow *self)
{
  const char *host = gtk_editable_get_text (GTK_EDITABLE (self->host_row));
  const char *port_text = gtk_editable_get_text (GTK_EDITABLE (self->port_row));
  guint port = 0;
  gboolean port_ok;

  if (self->loading)
    return;

  port_ok = parse_port (port_text, &port);
  if (port_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->port_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->port_row), "error");

  if (adw_combo_row_get_selected (self->kind_row) == KIND_SERVICE)
    {
      const char *service = selected_service (self);

      g_settings_set_string (self->settings, "database-service", service ? service : "");
      return;
    }

  g_settings_set_string (self->settings, "database-service", "");
  if (!port_ok)
    return;
  if (host[0] == '\0')
    g_settings_set_string (self->settings, "database-uri", "");
  else
    {
      g_autofree char *uri = ins_connection_build_uri (host, port,
                                                       gtk_editable_get_text (GTK_EDITABLE (self->dbname_row)),
                                                       gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                                                       NULL, NULL);
      g_settings_set_string (self->settings, "database-uri", uri);
    }
}

static void
on_connection_changed (InsPreferencesWindow *self)
{
  update_visibility (self);
  store_connection (self);
}

static void
on_sslmode_selected (InsPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->sslmode_row);

  if (!self->loading && i != GTK_INVALID_LIST_POSITION)
    g_settings_set_enum (self->settings, "database-sslmode", (int) i);
}

static void
show_ca (InsPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "database-ssl-root-cert");

  adw_action_row_set_subtitle (self->ca_row, path[0] != '\0' ? path
                               : _("None chosen: the system's authorities are used"));
  gtk_widget_set_visible (GTK_WIDGET (self->ca_clear_button), path[0] != '\0');
}

static void
on_ca_chosen (GtkNativeDialog      *dialog,
              int                   response,
              InsPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_settings_set_string (self->settings, "database-ssl-root-cert", path);
          /* Checking the host name needs the authority: offer the strictest mode. */
          g_settings_set_enum (self->settings, "database-sslmode", 5);
          self->loading = TRUE;
          adw_combo_row_set_selected (self->sslmode_row, 5);
          self->loading = FALSE;
        }
    }
  show_ca (self);
  g_clear_object (&self->chooser);
}

static void
on_ca_choose_clicked (InsPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Certificates (PEM)"));
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.cer");
  gtk_file_filter_add_mime_type (filter, "application/x-x509-ca-cert");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the Certificate Authority File"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_ca_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_ca_clear_clicked (InsPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "database-ssl-root-cert", "");
  show_ca (self);
}

static char *
current_conninfo (InsPreferencesWindow *self)
{
  return ins_connection_conninfo_from_settings (self->settings);
}

static void
password_stored (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(InsPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ins_password_store_finish (result, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("The password could not be kept in the keyring: %s"),
                                               error->message);
      toast (self, text);
    }
  else if (error == NULL)
    toast (self, _("Password kept in the keyring"));
}

static void
password_cleared (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(InsPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (ins_password_clear_finish (result, &error))
    toast (self, _("Password removed from the keyring"));
}

static void
on_password_apply (InsPreferencesWindow *self)
{
  g_autofree char *conninfo = current_conninfo (self);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (conninfo == NULL)
    {
      toast (self, _("Enter the server's address or choose a service first"));
      return;
    }
  if (password[0] == '\0')
    ins_password_clear_async (conninfo, self->cancellable, password_cleared, g_object_ref (self));
  else
    ins_password_store_async (conninfo, password, self->cancellable, password_stored,
                              g_object_ref (self));
}

static void
password_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(InsPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  char *password = ins_password_lookup_finish (result, &error);

  if (password != NULL && gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  if (password != NULL)
    secret_password_free (password);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No keyring to read the password from: %s", error->message);
}

static void
on_notification_url_apply (InsPreferencesWindow *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notification_url_row))));

  if (!ins_connection_url_is_valid (url))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->notification_url_row), "error");
      toast (self, _("Enter an address starting with http:// or https://"));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->notification_url_row), "error");
  g_settings_set_string (self->settings, "notification-service-url", url);
}

static void
show_test_result (InsPreferencesWindow *self,
                  gboolean              ok,
                  const char           *result,
                  const char           *detail)
{
  gtk_spinner_stop (self->test_spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
  gtk_label_set_text (self->test_result_label, result);
  gtk_widget_set_visible (GTK_WIDGET (self->test_result_label), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->test_result_label), ok ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->test_result_label), ok ? "success" : "error");
  gtk_label_set_text (self->test_detail_label, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->test_detail_label), detail != NULL && detail[0] != '\0');
}

static void
test_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(InsPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = ins_connection_test_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (version != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Connected to PostgreSQL %s"), version);
      show_test_result (self, TRUE, text, NULL);
    }
  else
    {
      g_auto(GStrv) parts = g_strsplit (error->message, "\n", 2);
      show_test_result (self, FALSE, parts[0], parts[1]);
    }
}

static void
on_test_clicked (InsPreferencesWindow *self)
{
  g_autofree char *conninfo = current_conninfo (self);

  if (conninfo == NULL)
    {
      show_test_result (self, FALSE, _("Enter the server's address or choose a service first"), NULL);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_result_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_detail_label), FALSE);
  gtk_spinner_start (self->test_spinner);
  ins_connection_test_async (conninfo, gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                             self->cancellable, test_done, g_object_ref (self));
}

static void
load (InsPreferencesWindow *self)
{
  g_autofree char *service = g_settings_get_string (self->settings, "database-service");
  g_autofree char *uri = g_settings_get_string (self->settings, "database-uri");
  g_autofree char *url = g_settings_get_string (self->settings, "notification-service-url");
  g_auto(GStrv) names = ins_connection_list_services ();
  g_autoptr(GtkStringList) sslmodes = gtk_string_list_new (NULL);
  g_autofree char *conninfo = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  self->loading = TRUE;

  self->services = gtk_string_list_new ((const char * const *) names);
  if (service[0] != '\0' && !g_strv_contains ((const char * const *) names, service))
    gtk_string_list_append (self->services, service);
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (self->services));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->services)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->services, i), service) == 0)
      position = i;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->services)) == 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->service_row),
                                   _("No service found in pg_service.conf"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->service_row), FALSE);
    }
  else if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->service_row, position);
  adw_combo_row_set_selected (self->kind_row, service[0] != '\0' ? KIND_SERVICE : KIND_ADDRESS);

  if (uri[0] != '\0')
    {
      const char *keys[] = { "host", "port", "dbname", "user" };
      AdwEntryRow *rows[] = { self->host_row, self->port_row, self->dbname_row, self->user_row };

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          g_autofree char *value = ins_connection_get_option (uri, keys[i]);
          gtk_editable_set_text (GTK_EDITABLE (rows[i]), value ? value : "");
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (sslmode_labels); i++)
    gtk_string_list_append (sslmodes, _(sslmode_labels[i]));
  adw_combo_row_set_model (self->sslmode_row, G_LIST_MODEL (sslmodes));
  adw_combo_row_set_selected (self->sslmode_row,
                              (guint) g_settings_get_enum (self->settings, "database-sslmode"));
  show_ca (self);

  gtk_editable_set_text (GTK_EDITABLE (self->notification_url_row), url);
  update_visibility (self);
  self->loading = FALSE;

  conninfo = current_conninfo (self);
  if (conninfo != NULL)
    ins_password_lookup_async (conninfo, self->cancellable, password_found, g_object_ref (self));
}

static gboolean
ins_preferences_window_close_request (GtkWindow *window)
{
  InsPreferencesWindow *self = INS_PREFERENCES_WINDOW (window);

  g_settings_apply (self->settings);
  return GTK_WINDOW_CLASS (ins_preferences_window_parent_class)->close_request (window);
}

static void
ins_preferences_window_dispose (GObject *object)
{
  InsPreferencesWindow *self = INS_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL && g_settings_get_has_unapplied (self->settings))
    g_settings_apply (self->settings);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->services);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (ins_preferences_window_parent_class)->dispose (object);
}

static void
ins_preferences_window_class_init (InsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ins_preferences_window_dispose;
  window_class->close_request = ins_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fr/ameli/Instruction/ui/ins-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, session_group);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, session_service_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, session_host_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, session_dbname_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, session_user_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, saved_group);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, service_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, host_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, port_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, dbname_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, security_group);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, sslmode_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, ca_row);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, ca_choose_button);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, test_button);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, test_result_label);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, test_detail_label);
  gtk_widget_class_bind_template_child (widget_class, InsPreferencesWindow, notification_url_row);
}

static void
ins_preferences_window_init (InsPreferencesWindow *self)
{
  g_autoptr(GSettings) settings = ins_connection_settings_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  if (settings == NULL)
    {
      /* An uninstalled build run without GSETTINGS_SCHEMA_DIR: nothing to edit. */
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }
  self->settings = g_steal_pointer (&settings);
  g_settings_delay (self->settings);
  load (self);

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_connection_changed), self);
  g_signal_connect_swapped (self->service_row, "notify::selected", G_CALLBACK (on_connection_changed), self);
  g_signal_connect_swapped (self->host_row, "changed", G_CALLBACK (on_connection_changed), self);
  g_signal_connect_swapped (self->port_row, "changed", G_CALLBACK (on_connection_changed), self);
  g_signal_connect_swapped (self->dbname_row, "changed", G_CALLBACK (on_connection_changed), self);
  g_signal_connect_swapped (self->user_row, "changed", G_CALLBACK (on_connection_changed), self);
  g_signal_connect_swapped (self->password_row, "apply", G_CALLBACK (on_password_apply), self);
  g_signal_connect_swapped (self->sslmode_row, "notify::selected", G_CALLBACK (on_sslmode_selected), self);
  g_signal_connect_swapped (self->ca_choose_button, "clicked", G_CALLBACK (on_ca_choose_clicked), self);
  g_signal_connect_swapped (self->ca_clear_button, "clicked", G_CALLBACK (on_ca_clear_clicked), self);
  g_signal_connect_swapped (self->test_button, "clicked", G_CALLBACK (on_test_clicked), self);
  g_signal_connect_swapped (self->notification_url_row, "apply", G_CALLBACK (on_notification_url_apply), self);
}

InsPreferencesWindow *
ins_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (INS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

/* Sets @row's subtitle to @keyword's value in @conninfo (or libpq's
 * environment), or @fallback; hides the row when both are NULL. */
static void
show_session_value (AdwActionRow *row,
                    const char   *conninfo,
                    const char   *keyword,
                    const char   *fallback)
{
  g_autofree char *value = ins_connection_get_effective_option (conninfo, keyword);

  adw_action_row_set_subtitle (row, value ? value : fallback ? fallback : "");
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL || fallback != NULL);
}

static char *
session_origin_text (InsConnectionOrigin origin)
{
  switch (origin)
    {
    case INS_CONNECTION_FROM_DATABASE_OPTION:
    case INS_CONNECTION_FROM_SERVICE_OPTION:
      /* TRANSLATORS: %s is the command line option, --database or --service */
      return g_strdup_printf (_("Given on the command line (%s) for this session only. The settings "
                                "below are kept as they are: they apply when Instruction starts "
                                "without it."),
                              origin == INS_CONNECTION_FROM_DATABASE_OPTION ? "--database" : "--service");
    case INS_CONNECTION_FROM_DEMO:
      return g_strdup (_("The local demo database, for this session only. The settings below are "
                         "kept as they are: they apply at the next start."));
    case INS_CONNECTION_FROM_ENVIRONMENT:
      return g_strdup (_("Given by libpq's environment variables (PGHOST, PGSERVICE…) for this "
                         "session only. The settings below apply when they are not set."));
    case INS_CONNECTION_FROM_SETTINGS:
    default:
      return NULL;
    }
}

void
ins_preferences_window_show_session (InsPreferencesWindow *self,
                                     const char           *conninfo,
                                     InsConnectionOrigin   origin)
{
  g_autofree char *description = NULL;
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *service = NULL;

  g_return_if_fail (INS_IS_PREFERENCES_WINDOW (self));

  description = session_origin_text (origin);
  gtk_widget_set_visible (GTK_WIDGET (self->session_group), description != NULL);
  adw_preferences_group_set_title (self->saved_group,
                                   description != NULL ? _("Saved Connection") : _("Database"));
  if (description == NULL)
    return;
  adw_preferences_group_set_description (self->session_group, description);

  /* Never the password: only where, which base and who. */
  service = ins_connection_get_effective_option (conninfo, "service");
  host = ins_connection_get_effective_option (conninfo, "host");
  port = ins_connection_get_effective_option (conninfo, "port");
  show_session_value (self->session_service_row, conninfo, "service", NULL);
  if (host != NULL || service == NULL)
    {
      g_autofree char *server = NULL;

      if (host == NULL)
        host = g_strdup (_("Local server (default socket)"));
      /* TRANSLATORS: a server (host name or socket directory) and its port */
      server = port != NULL ? g_strdup_printf (_("%s, port %s"), host, port) : g_strdup (host);
      adw_action_row_set_subtitle (self->session_host_row, server);
      gtk_widget_set_visible (GTK_WIDGET (self->session_host_row), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->session_host_row), FALSE);
  show_session_value (self->session_dbname_row, conninfo, "dbname", service ? NULL : _("Default"));
  show_session_value (self->session_user_row, conninfo, "user", service ? NULL : _("Default"));
}
