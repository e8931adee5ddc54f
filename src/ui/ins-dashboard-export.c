/* ins-dashboard-export.c — the dashboard's table shown, saved as CSV */
#define G_LOG_DOMAIN "ins-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ins-dashboard-private.h"

static void
replace_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ins_dashboard_view_export_async (InsDashboardView    *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const InsDashboardTable *table;
  g_autoptr(GBytes) bytes = NULL;
  char *csv;

  g_return_if_fail (INS_IS_DASHBOARD_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ins_dashboard_view_export_async);
  table = ins_dashboard_view_get_table (self, ins_dashboard_view_get_visible_table (self));
  if (table == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s",
                               _("The figures are not loaded yet"));
      return;
    }
  csv = ins_dashboard_table_to_csv (table);
  bytes = g_bytes_new_take (csv, strlen (csv));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, replace_done, g_steal_pointer (&task));
}

gboolean
ins_dashboard_view_export_finish (InsDashboardView  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  InsDashboardView *self = INS_DASHBOARD_VIEW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (!ins_dashboard_view_export_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The file could not be saved: %s"), error->message);
    }
  else
    message = g_strdup_printf (_("Table saved in %s"), name);
  ins_dashboard_view_show_message (self, message);
}

static void
on_export_response (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  g_autoptr(InsDashboardView) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      GFile *file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        ins_dashboard_view_export_async (self, file, ins_dashboard_view_get_cancellable (self), export_done, file);
    }
  g_object_unref (chooser);
}

static void
action_export (GtkWidget *widget, const char *name, GVariant *param)
{
  InsDashboardView *self = INS_DASHBOARD_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  InsDashboardTableId id = ins_dashboard_view_get_visible_table (self);
  InsWorkload *workload = ins_dashboard_view_get_workload (self);
  g_autofree char *date = NULL;
  g_autofree char *filename = NULL;

  (void) name;
  (void) param;
  if (workload == NULL)
    return;
  date = g_date_time_format (workload->as_of, "%Y-%m-%d");
  /* TRANSLATORS: the proposed file name; %s are the table's name and the date */
  filename = g_strdup_printf (_("dashboard-%s-%s.csv"), ins_dashboard_table_name (id), date);
  chooser = gtk_file_chooser_native_new (_("Export the Table"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), filename);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
ins_dashboard_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dashboard.export", NULL, action_export);
}
