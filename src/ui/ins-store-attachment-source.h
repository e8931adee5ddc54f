/* ins-store-attachment-source.h — the document viewer's bytes, from InsStore */
#pragma once

#include "documents/ins-attachment-source.h"
#include "store/ins-store.h"

G_BEGIN_DECLS

#define INS_TYPE_STORE_ATTACHMENT_SOURCE (ins_store_attachment_source_get_type ())
G_DECLARE_FINAL_TYPE (InsStoreAttachmentSource, ins_store_attachment_source, INS, STORE_ATTACHMENT_SOURCE, GObject)

InsAttachmentSource *ins_store_attachment_source_new (InsStore *store);

G_END_DECLS
