/* ins-attachment-source.c — the attachment bytes capability */
#define G_LOG_DOMAIN "ins-documents"

#include "config.h"

#include "ins-attachment-source.h"

G_DEFINE_INTERFACE (InsAttachmentSource, ins_attachment_source, G_TYPE_OBJECT)

static void
ins_attachment_source_default_init (InsAttachmentSourceInterface *iface)
{
}

void
ins_attachment_source_fetch_async (InsAttachmentSource *self,
                                   gint64               attachment_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (INS_IS_ATTACHMENT_SOURCE (self));
  INS_ATTACHMENT_SOURCE_GET_IFACE (self)->fetch_async (self, attachment_id, cancellable,
                                                       callback, user_data);
}

GBytes *
ins_attachment_source_fetch_finish (InsAttachmentSource  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  g_return_val_if_fail (INS_IS_ATTACHMENT_SOURCE (self), NULL);
  return INS_ATTACHMENT_SOURCE_GET_IFACE (self)->fetch_finish (self, result, error);
}
