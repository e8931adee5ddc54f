/* ins-dashboard-tables.h — the dashboard's tables as text: what the view
 * shows and what "Export" writes, from one InsWorkload (no GTK here)
 */
#pragma once

#include <glib.h>

#include "core/ins-workload.h"

G_BEGIN_DECLS

typedef enum {
  INS_DASHBOARD_BACKLOG,
  INS_DASHBOARD_BREACHES,
  INS_DASHBOARD_THROUGHPUT,
  INS_DASHBOARD_UNTOUCHED,
  INS_DASHBOARD_OLDEST,
  INS_DASHBOARD_NON_EXPLOITABLES,
  INS_DASHBOARD_FAILED,
  INS_N_DASHBOARD_TABLES
} InsDashboardTableId;

typedef struct {
  InsDashboardTableId id;
  GStrv       headers;
  GPtrArray  *rows;        /* of GStrv, each as long as headers */
  GArray     *ids;         /* gint64 per row: the affaire (or notification for
                            * INS_DASHBOARD_FAILED) it shows; 0 for none */
  guint       numeric;     /* bit n: column n holds numbers (right-aligned) */
  gboolean    has_total;   /* the last row is a total */
} InsDashboardTable;

/* The page's name ("backlog", …) and title (translated). */
const char        *ins_dashboard_table_name  (InsDashboardTableId id);
const char        *ins_dashboard_table_title (InsDashboardTableId id);

/* Builds table @id of @workload; ages and delays are counted at @now. */
InsDashboardTable *ins_dashboard_table_new   (const InsWorkload   *workload,
                                              InsDashboardTableId  id,
                                              GDateTime           *now);
void               ins_dashboard_table_free  (InsDashboardTable   *table);

/* RFC 4180 CSV in UTF-8: a header row, then the rows; fields holding a
 * comma, a quote or a line break are quoted (quotes doubled); lines end with
 * CRLF. A field starting with = + - @ is prefixed with ' so that a
 * spreadsheet never runs it as a formula. */
char              *ins_dashboard_table_to_csv (const InsDashboardTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsDashboardTable, ins_dashboard_table_free)

G_END_DECLS
