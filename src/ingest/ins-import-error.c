/* ins-import-error.c — the import's error domain and the problems it reports */
#define G_LOG_DOMAIN "ins-ingest"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-import-error.h"

G_DEFINE_QUARK (ins-import-error-quark, ins_import_error)

InsImportProblem *
ins_import_problem_new (InsImportError  code,
                        const char     *file,
                        const char     *path,
                        const char     *reason)
{
  InsImportProblem *problem = g_new0 (InsImportProblem, 1);

  problem->code = code;
  problem->file = g_strdup (file ? file : "");
  problem->path = g_strdup (path ? path : "$");
  problem->reason = g_strdup (reason);
  return problem;
}

void
ins_import_problem_free (InsImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->path);
  g_free (problem->reason);
  g_free (problem);
}

char *
ins_import_problem_format (const InsImportProblem *problem)
{
  g_autofree char *dir = g_path_get_dirname (problem->file);
  g_autofree char *dir_base = g_path_get_basename (dir);
  g_autofree char *base = g_path_get_basename (problem->file);
  g_autofree char *name = g_str_equal (dir_base, ".") || g_str_equal (dir_base, G_DIR_SEPARATOR_S)
                          ? g_strdup (base) : g_build_filename (dir_base, base, NULL);

  /* TRANSLATORS: file (its directory and name), JSON path of the field, reason */
  return g_strdup_printf (_("%s, field %s: %s"), name, problem->path, problem->reason);
}

void
ins_import_problem_to_error (const InsImportProblem  *problem,
                             GError                 **error)
{
  g_autofree char *text = ins_import_problem_format (problem);

  g_set_error_literal (error, INS_IMPORT_ERROR, problem->code, text);
}

GPtrArray *
ins_import_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ins_import_problem_free);
}
