/* ins-submission.h — one submission of an online service, as read from its bundle
 *
 * See docs/submission-format.md. Everything here is checked: a submission
 * returned by ins_submission_read() has every required field, in range. The
 * struct itself is the record the store writes (store/ins-import-store.h).
 */
#pragma once

#include <glib.h>

#include "store/ins-import-store.h"

G_BEGIN_DECLS

#define INS_SUBMISSION_FORMAT            "instruction-submission/1"
#define INS_SUBMISSION_MAX_JSON_BYTES    (1 * 1024 * 1024)
#define INS_SUBMISSION_MAX_FILE_BYTES    (10 * 1024 * 1024)
#define INS_SUBMISSION_MAX_TOTAL_BYTES   (30 * 1024 * 1024)
#define INS_SUBMISSION_MAX_ATTACHMENTS   10
#define INS_SUBMISSION_MAX_REASON_CHARS  180
#define INS_SUBMISSION_MAX_OC_ELIGIBLE   4
#define INS_SUBMISSION_MAX_OC_LISTED     50


void           ins_submission_free            (InsSubmission *submission);

/* Reads and checks the JSON document at @file against the format and the
 * rules of the declared data, @now being the present (dates may not be
 * later). Attachment references are checked (count, names, present in the
 * directory, size limits) but not read. Returns NULL when @problems received
 * at least one problem (the submission must be rejected). */
InsSubmission *ins_submission_read            (const char  *file,
                                               GDateTime   *now,
                                               GPtrArray   *problems);

/* Sets the queue's labels (beneficiary, OCs in conflict), excluded / exclusion_reason (OC: 5 or more beneficiaries, a precarity
 * contract; any: a partner régime or CNMSS) and non_exploitable_reason (an
 * attachment that could not be read) from what was read and loaded. */
void           ins_submission_assess          (InsSubmission *submission);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsSubmission, ins_submission_free)

G_END_DECLS
