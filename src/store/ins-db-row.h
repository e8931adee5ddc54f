/* ins-db-row.h — reading typed values out of a PGresult (store-private) */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

#include "core/ins-affaire.h"

G_BEGIN_DECLS

char      *ins_db_row_strdup    (PGresult *res, int row, int col);
/* A timestamptz column (ISO DateStyle); NULL when SQL NULL. */
GDateTime *ins_db_row_datetime  (PGresult *res, int row, int col);
/* A date column into @date; cleared (invalid) when SQL NULL. */
void       ins_db_row_date      (PGresult *res, int row, int col, GDate *date);
/* A text[] column; NULL when SQL NULL. */
GStrv      ins_db_row_strv      (PGresult *res, int row, int col);

/* "YYYY-MM-DD" for a valid @date, NULL otherwise. */
char      *ins_db_format_date   (const GDate *date);
/* A PostgreSQL array literal of @strv, for binding as text[]. */
char      *ins_db_format_strv   (const char * const *strv);

/* The agent columns, selected as AGENT_COLUMNS FROM agent a JOIN organisme o. */
#define INS_DB_AGENT_COLUMNS \
  "a.id, a.login, a.display_name, a.role, a.organisme_id, o.code, o.name, a.active"
#define INS_DB_AGENT_FROM "agent a JOIN organisme o ON o.id = a.organisme_id"
InsAgent  *ins_db_row_agent     (PGresult *res, int row, int first_col);

G_END_DECLS
