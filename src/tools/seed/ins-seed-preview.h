/* ins-seed-preview.h — first-page previews of the PDFs the seed draws */
#pragma once

#include <libpq-fe.h>

#include "ins-seed-docs.h"

G_BEGIN_DECLS

/* Stores the first-page preview of @doc when it is a readable PDF. The import
 * renders previews out of process (instruction-pdf-probe --preview) because its
 * PDFs come from outside; the seed renders its own PDFs here. */
gboolean ins_seed_preview_store (PGconn            *conn,
                                 const InsSeedDoc  *doc,
                                 GError           **error);

G_END_DECLS
