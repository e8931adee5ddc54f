/* ins-attachment-content.h — an attachment's type by its content, and loading
 * a submission's attachments */
#pragma once

#include <glib.h>

#include "ins-probe.h"
#include "ins-submission.h"

G_BEGIN_DECLS

/* "application/pdf", "image/jpeg", "image/png" by magic bytes (never by name),
 * or "application/octet-stream". */
const char *ins_attachment_sniff (const guint8 *data,
                                  gsize         len);

/* Reads each attachment of @sub (bytes, sniffed type, SHA-256) and probes it
 * out of process: page count, or why it cannot be read. A file that vanished
 * or grew past the limits since ins_submission_read() adds a problem to
 * @problems (reject the submission). Returns FALSE with @error only when the
 * probe helper cannot be started. Then call ins_submission_assess(). */
gboolean    ins_submission_load_attachments (InsSubmission        *sub,
                                             const InsProbeLimits *limits,
                                             GPtrArray            *problems,
                                             GError              **error);

G_END_DECLS
