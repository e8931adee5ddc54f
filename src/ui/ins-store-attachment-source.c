/* ins-store-attachment-source.c — the document viewer's bytes, from InsStore */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include "ins-store-attachment-source.h"

struct _InsStoreAttachmentSource
{
  GObject   parent_instance;

  InsStore *store;
};

static void ins_store_attachment_source_iface_init (InsAttachmentSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (InsStoreAttachmentSource, ins_store_attachment_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (INS_TYPE_ATTACHMENT_SOURCE,
                                                      ins_store_attachment_source_iface_init))

static void
fetch_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GBytes *bytes = ins_store_attachment_bytes_finish (INS_STORE (source), result, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
ins_store_attachment_source_fetch_async (InsAttachmentSource *source,
                                         gint64               attachment_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  InsStoreAttachmentSource *self = INS_STORE_ATTACHMENT_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ins_store_attachment_source_fetch_async);
  ins_store_attachment_bytes_async (self->store, attachment_id, cancellable, fetch_done, task);
}

static GBytes *
ins_store_attachment_source_fetch_finish (InsAttachmentSource  *source,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
ins_store_attachment_source_iface_init (InsAttachmentSourceInterface *iface)
{
  iface->fetch_async = ins_store_attachment_source_fetch_async;
  iface->fetch_finish = ins_store_attachment_source_fetch_finish;
}

static void
ins_store_attachment_source_dispose (GObject *object)
{
  InsStoreAttachmentSource *self = INS_STORE_ATTACHMENT_SOURCE (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (ins_store_attachment_source_parent_class)->dispose (object);
}

static void
ins_store_attachment_source_class_init (InsStoreAttachmentSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ins_store_attachment_source_dispose;
}

static void
ins_store_attachment_source_init (InsStoreAttachmentSource *self)
{
}

InsAttachmentSource *
ins_store_attachment_source_new (InsStore *store)
{
  InsStoreAttachmentSource *self = g_object_new (INS_TYPE_STORE_ATTACHMENT_SOURCE, NULL);

  self->store = g_object_ref (store);
  return INS_ATTACHMENT_SOURCE (self);
}
