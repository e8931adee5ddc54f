/* ins-import-error.h — the import's error domain and the problems it reports
 *
 * A submission can have several problems at once; each names the file, the
 * JSON path of the field (« $.soins_etranger.stay.country », « $ » for the
 * whole document) and a French reason.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define INS_IMPORT_ERROR (ins_import_error_quark ())

typedef enum {
  INS_IMPORT_ERROR_FAILED,
  INS_IMPORT_ERROR_MALFORMED,          /* not JSON, not an object, unknown format */
  INS_IMPORT_ERROR_MISSING,            /* a required field is absent or empty */
  INS_IMPORT_ERROR_INVALID,            /* a field is present but its value is refused */
  INS_IMPORT_ERROR_ATTACHMENT,         /* an attachment is missing, too large, too many */
  INS_IMPORT_ERROR_UNKNOWN_ORGANISME,  /* the target organisme is not in the database */
  INS_IMPORT_ERROR_PROBE,              /* the attachment probe could not be started */
} InsImportError;

GQuark ins_import_error_quark (void);

typedef struct {
  InsImportError  code;
  char           *file;    /* the submission's JSON document */
  char           *path;    /* JSON path of the field */
  char           *reason;  /* French */
} InsImportProblem;

InsImportProblem *ins_import_problem_new    (InsImportError  code,
                                             const char     *file,
                                             const char     *path,
                                             const char     *reason);
void              ins_import_problem_free   (InsImportProblem *problem);

/* « TS-42/demande.json, champ $.assure.nir : la clé du NIR ne correspond pas »
 * (the file named by its directory and name, as bundles often share a name) */
char             *ins_import_problem_format (const InsImportProblem *problem);

/* Sets @error (INS_IMPORT_ERROR, the problem's code) with that text. */
void              ins_import_problem_to_error (const InsImportProblem *problem,
                                               GError               **error);

/* A new array of problems (owning them). */
GPtrArray        *ins_import_problems_new   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsImportProblem, ins_import_problem_free)

G_END_DECLS
