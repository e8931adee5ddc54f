/* ins-importer.h — imports submissions: read, check, probe, write
 *
 * Synchronous, over a PGconn: for command-line tools and worker threads.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

#include "ins-probe.h"

G_BEGIN_DECLS

typedef enum {
  INS_IMPORT_IMPORTED,         /* a new affaire, reçue */
  INS_IMPORT_NON_EXPLOITABLE,  /* a new affaire kept as non exploitable */
  INS_IMPORT_REJECTED,         /* nothing written: see problems */
  INS_IMPORT_ALREADY,          /* the submission id was imported before: nothing written */
} InsImportOutcome;

typedef struct {
  InsImportOutcome  outcome;
  char             *file;
  char             *submission_id;          /* NULL when it could not be read */
  char             *numero;                 /* the affaire's, unless rejected */
  gint64            affaire_id;
  gboolean          excluded;               /* imported but not eligible */
  char             *exclusion_reason;
  char             *non_exploitable_reason;
  GPtrArray        *problems;               /* InsImportProblem, when rejected */
} InsImportReport;

void             ins_import_report_free   (InsImportReport *report);

/* Imports the submission whose JSON document is @file, @now being the
 * present. Returns its report; NULL with @error only when the run cannot go
 * on (database unreachable, probe helper missing). @limits may be NULL. */
InsImportReport *ins_import_file          (PGconn               *conn,
                                           const char           *file,
                                           GDateTime            *now,
                                           const InsProbeLimits *limits,
                                           GError              **error);

/* The JSON documents named by @paths: files as given, directories searched
 * recursively for "*.json", each directory's in name order. */
GPtrArray       *ins_import_collect       (const char * const *paths,
                                           GError            **error);

typedef struct {
  guint imported;
  guint excluded;          /* among imported and non exploitable */
  guint non_exploitable;
  guint rejected;
  guint already;
} InsImportSummary;

void             ins_import_summary_add   (InsImportSummary      *summary,
                                           const InsImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsImportReport, ins_import_report_free)

G_END_DECLS
