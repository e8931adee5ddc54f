/* ins-attachment-source.h — where the document viewer gets an attachment's bytes
 *
 * A capability the window provides (over InsStore's attachment bytes call);
 * tests provide one reading files. Implementations must not block the main loop.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define INS_TYPE_ATTACHMENT_SOURCE (ins_attachment_source_get_type ())

G_DECLARE_INTERFACE (InsAttachmentSource, ins_attachment_source, INS, ATTACHMENT_SOURCE, GObject)

struct _InsAttachmentSourceInterface
{
  GTypeInterface parent_iface;

  void    (*fetch_async)  (InsAttachmentSource  *self,
                           gint64                attachment_id,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data);
  GBytes *(*fetch_finish) (InsAttachmentSource  *self,
                           GAsyncResult         *result,
                           GError              **error);
};

void    ins_attachment_source_fetch_async  (InsAttachmentSource  *self,
                                            gint64                attachment_id,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GBytes *ins_attachment_source_fetch_finish (InsAttachmentSource  *self,
                                            GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
