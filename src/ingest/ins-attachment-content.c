/* ins-attachment-content.c — an attachment's type by its content, and loading
 * a submission's attachments */
#define G_LOG_DOMAIN "ins-ingest"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ins-attachment-content.h"
#include "ins-import-error.h"

const char *
ins_attachment_sniff (const guint8 *data,
                      gsize         len)
{
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize window = MIN (len, 1024);

  if (len >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    return "image/jpeg";
  if (len >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  /* Readers accept the header anywhere in the first 1024 bytes. */
  for (gsize i = 0; i + 5 <= window; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return "application/pdf";
  return "application/octet-stream";
}

static gboolean
load_one (InsSubmission           *sub,
          InsSubmissionAttachment *a,
          guint                    index,
          const InsProbeLimits    *limits,
          GPtrArray               *problems,
          gsize                   *total,
          GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *path = g_strdup_printf ("$.attachments[%u].file", index);
  g_autofree char *contents = NULL;
  InsProbeResult probe;
  const guint8 *data;
  gsize len = 0, digest_len = sizeof a->sha256;

  if (!g_file_get_contents (a->path, &contents, &len, &local_error))
    {
      g_autofree char *reason = g_strdup_printf (_("cannot read the file « %s »: %s"),
                                                 a->filename, local_error->message);
      g_ptr_array_add (problems, ins_import_problem_new (INS_IMPORT_ERROR_ATTACHMENT,
                                                         sub->file, path, reason));
      return TRUE;
    }
  *total += len;
  if (len > INS_SUBMISSION_MAX_FILE_BYTES || *total > INS_SUBMISSION_MAX_TOTAL_BYTES)
    {
      g_autofree char *reason = g_strdup_printf (_("the file « %s » exceeds the size limits"),
                                                 a->filename);
      g_ptr_array_add (problems, ins_import_problem_new (INS_IMPORT_ERROR_ATTACHMENT,
                                                         sub->file, path, reason));
      return TRUE;
    }

  g_clear_pointer (&a->bytes, g_bytes_unref);
  a->bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  data = g_bytes_get_data (a->bytes, NULL);
  g_free (a->content_type);
  a->content_type = g_strdup (ins_attachment_sniff (data, len));
  g_checksum_update (checksum, data, len);
  g_checksum_get_digest (checksum, a->sha256, &digest_len);

  a->page_count = 0;
  g_clear_pointer (&a->unreadable_reason, g_free);
  g_clear_pointer (&a->preview, g_bytes_unref);
  if (g_str_equal (a->content_type, "application/octet-stream"))
    {
      a->unreadable_reason = g_strdup (_("neither a PDF, a JPEG nor a PNG document"));
      return TRUE;
    }
  if (!ins_probe_bytes_with_preview (a->bytes, limits, &probe, &a->preview, error))
    return FALSE;
  if (ins_probe_result_is_readable (&probe)
      && (probe.verdict == INS_PROBE_PDF) == g_str_equal (a->content_type, "application/pdf"))
    a->page_count = probe.verdict == INS_PROBE_PDF ? probe.pages : 1;
  else if (ins_probe_result_is_readable (&probe))
    a->unreadable_reason = g_strdup (_("damaged or unreadable document"));
  else
    a->unreadable_reason = ins_probe_result_reason (&probe);
  if (a->unreadable_reason != NULL)
    g_clear_pointer (&a->preview, g_bytes_unref);
  return TRUE;
}

gboolean
ins_submission_load_attachments (InsSubmission        *sub,
                                 const InsProbeLimits *limits,
                                 GPtrArray            *problems,
                                 GError              **error)
{
  gsize total = 0;

  for (guint i = 0; i < sub->attachments->len; i++)
    if (!load_one (sub, sub->attachments->pdata[i], i, limits, problems, &total, error))
      return FALSE;
  return TRUE;
}
