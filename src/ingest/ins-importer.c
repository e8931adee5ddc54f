/* ins-importer.c — imports submissions: read, check, probe, write */
#define G_LOG_DOMAIN "ins-ingest"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/ins-sla.h"
#include "store/ins-import-store.h"
#include "ins-attachment-content.h"
#include "ins-import-error.h"
#include "ins-importer.h"
#include "ins-submission.h"

void
ins_import_report_free (InsImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->file);
  g_free (report->submission_id);
  g_free (report->numero);
  g_free (report->exclusion_reason);
  g_free (report->non_exploitable_reason);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static gboolean
is_fatal (const GError *error)
{
  return error->domain != INS_STORE_ERROR
         || error->code == INS_STORE_ERROR_CONNECTION || error->code == INS_STORE_ERROR_AUTH
         || error->code == INS_STORE_ERROR_FORBIDDEN || error->code == INS_STORE_ERROR_TIMEOUT
         || error->code == INS_STORE_ERROR_SCHEMA_TOO_NEW;
}

static void
reject_for_store_error (InsImportReport *report,
                        const GError    *error)
{
  gboolean unknown = error->domain == INS_STORE_ERROR && error->code == INS_STORE_ERROR_NOT_FOUND;

  report->outcome = INS_IMPORT_REJECTED;
  g_ptr_array_add (report->problems,
                   ins_import_problem_new (unknown ? INS_IMPORT_ERROR_UNKNOWN_ORGANISME
                                                   : INS_IMPORT_ERROR_FAILED,
                                           report->file, unknown ? "$.organisme" : "$",
                                           error->message));
}

InsImportReport *
ins_import_file (PGconn               *conn,
                 const char           *file,
                 GDateTime            *now,
                 const InsProbeLimits *limits,
                 GError              **error)
{
  g_autoptr(InsImportReport) report = g_new0 (InsImportReport, 1);
  g_autoptr(InsSubmission) sub = NULL;
  g_autoptr(GDateTime) due_at = NULL;
  g_autoptr(GError) local_error = NULL;
  InsImportStoreResult stored = { 0 };
  int found;

  report->file = g_strdup (file);
  report->problems = ins_import_problems_new ();
  report->outcome = INS_IMPORT_REJECTED;

  sub = ins_submission_read (file, now, report->problems);
  if (sub == NULL)
    return g_steal_pointer (&report);
  report->submission_id = g_strdup (sub->submission_id);

  found = ins_import_store_find (conn, sub->submission_id, &stored, error);
  if (found < 0)
    return NULL;
  if (found)
    {
      report->outcome = INS_IMPORT_ALREADY;
      report->numero = g_steal_pointer (&stored.numero);
      report->affaire_id = stored.affaire_id;
      return g_steal_pointer (&report);
    }

  if (!ins_submission_load_attachments (sub, limits, report->problems, error))
    return NULL;
  if (report->problems->len > 0)
    return g_steal_pointer (&report);
  ins_submission_assess (sub);

  due_at = ins_sla_due_at (sub->kind, sub->submitted_at);
  if (!ins_import_store_write (conn, sub, due_at, &stored, &local_error))
    {
      if (is_fatal (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      reject_for_store_error (report, local_error);
      return g_steal_pointer (&report);
    }

  report->numero = g_steal_pointer (&stored.numero);
  report->affaire_id = stored.affaire_id;
  if (stored.already)
    {
      report->outcome = INS_IMPORT_ALREADY;
      return g_steal_pointer (&report);
    }
  report->outcome = stored.status == INS_STATUS_NON_EXPLOITABLE ? INS_IMPORT_NON_EXPLOITABLE
                                                                : INS_IMPORT_IMPORTED;
  report->excluded = sub->excluded;
  report->exclusion_reason = g_strdup (sub->exclusion_reason);
  report->non_exploitable_reason = g_strdup (sub->non_exploitable_reason);
  return g_steal_pointer (&report);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
collect_dir (const char  *dir,
             GPtrArray   *files,
             guint        depth,
             GError     **error)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (depth > 16)
    return TRUE;
  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *lower = g_ascii_strdown (names->pdata[i], -1);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          if (!collect_dir (path, files, depth + 1, error))
            return FALSE;
        }
      else if (g_str_has_suffix (lower, ".json") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
  return TRUE;
}

GPtrArray *
ins_import_collect (const char * const  *paths,
                    GError             **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          if (!collect_dir (paths[i], files, 0, error))
            return NULL;
        }
      else if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
        g_ptr_array_add (files, g_strdup (paths[i]));
      else
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No such file or directory: %s"),
                       paths[i]);
          return NULL;
        }
    }
  return g_steal_pointer (&files);
}

void
ins_import_summary_add (InsImportSummary      *summary,
                        const InsImportReport *report)
{
  switch (report->outcome)
    {
    case INS_IMPORT_IMPORTED:
      summary->imported++;
      break;
    case INS_IMPORT_NON_EXPLOITABLE:
      summary->non_exploitable++;
      break;
    case INS_IMPORT_REJECTED:
      summary->rejected++;
      break;
    case INS_IMPORT_ALREADY:
      summary->already++;
      break;
    default:
      g_assert_not_reached ();
    }
  if (report->excluded)
    summary->excluded++;
}
