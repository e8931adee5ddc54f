/* doc-file-source.c — an attachment source reading files, off the main loop (tests) */
#include "config.h"

#include "doc-file-source.h"

static void test_file_source_iface_init (InsAttachmentSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestFileSource, test_file_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (INS_TYPE_ATTACHMENT_SOURCE,
                                                      test_file_source_iface_init))

static void
read_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  char *contents = NULL;
  gsize len = 0;

  if (g_file_get_contents (data, &contents, &len, &error))
    g_task_return_pointer (task, g_bytes_new_take (contents, len), (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

static void
file_fetch_async (InsAttachmentSource *source, gint64 id, GCancellable *cancellable,
                  GAsyncReadyCallback callback, gpointer user_data)
{
  TestFileSource *self = TEST_FILE_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  const char *path = g_hash_table_lookup (self->paths, &id);

  self->fetches++;
  g_assert_nonnull (path);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, read_in_thread);
}

static GBytes *
file_fetch_finish (InsAttachmentSource *source, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_file_source_iface_init (InsAttachmentSourceInterface *iface)
{
  iface->fetch_async = file_fetch_async;
  iface->fetch_finish = file_fetch_finish;
}

static void
test_file_source_finalize (GObject *object)
{
  g_hash_table_unref (TEST_FILE_SOURCE (object)->paths);
  G_OBJECT_CLASS (test_file_source_parent_class)->finalize (object);
}

static void
test_file_source_class_init (TestFileSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_file_source_finalize;
}

static void
test_file_source_init (TestFileSource *self)
{
  self->paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}
