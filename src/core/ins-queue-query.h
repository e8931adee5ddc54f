/* ins-queue-query.h — what the queue shows: filters, sort, and keyset cursors
 *
 * A query is a plain value the UI builds; the store turns it into SQL with
 * bound parameters. Pages are fetched after or before an opaque cursor (the
 * sort key and the id of a row), never with OFFSET.
 */
#pragma once

#include <glib-object.h>

#include "ins-affaire.h"

G_BEGIN_DECLS

typedef enum {
  INS_QUEUE_SORT_PRIORITY,   /* priority (higher first), then oldest received first: the claim order */
  INS_QUEUE_SORT_AGE,        /* received_at: oldest first */
  INS_QUEUE_SORT_DUE,        /* due_at: soonest first */
  INS_QUEUE_SORT_NUMERO,     /* numéro */
  INS_QUEUE_SORT_BENEFICIAIRE, /* the beneficiary's nom then prénom, folded */
  INS_QUEUE_SORT_PLACE,      /* the country's French name or the OC label, folded */
  INS_QUEUE_SORT_AMOUNT,     /* currency (ISO code), then amount; no amount last */
  INS_QUEUE_SORT_STATUS,     /* status in the order of the status machine, then claim order */
  INS_QUEUE_SORT_AGENT,      /* the assignee's name, folded; unassigned first */
  INS_N_QUEUE_SORTS
} InsQueueSort;

typedef enum {
  INS_QUEUE_ASSIGNEE_ANY,
  INS_QUEUE_ASSIGNEE_MINE,        /* held by the agent running the query */
  INS_QUEUE_ASSIGNEE_AGENT,       /* held by assignee_id */
  INS_QUEUE_ASSIGNEE_UNASSIGNED,
} InsQueueAssignee;

typedef enum {
  INS_QUEUE_AFTER,    /* the rows that follow the cursor (NULL cursor: the first page) */
  INS_QUEUE_BEFORE,   /* the rows that precede the cursor (NULL cursor: the last page) */
} InsQueueDirection;

#define INS_QUEUE_STATUS_BIT(status) (1u << (status))
#define INS_QUEUE_KIND_BIT(kind)     (1u << (kind))

typedef struct {
  guint             kind_mask;      /* INS_QUEUE_KIND_BIT()s; 0: every kind */
  guint             status_mask;    /* INS_QUEUE_STATUS_BIT()s; 0: every status */
  InsQueueAssignee  assignee;
  int               assignee_id;    /* for INS_QUEUE_ASSIGNEE_AGENT */
  int               organisme_id;   /* 0: every organisme */
  gboolean          sla_breached;   /* only affaires past due (and not closed, not paused) */
  char             *search;         /* NULL or "": none. Matches numéro (exact or prefix),
                                     * NIR (digits, prefix), or name prefix (nom, or
                                     * "nom prénom"), case- and accent-insensitive */
  InsQueueSort      sort;
  gboolean          descending;     /* reverse the whole order */
} InsQueueQuery;

GType          ins_queue_query_get_type (void) G_GNUC_CONST;
InsQueueQuery *ins_queue_query_new      (void);   /* every affaire, claim order */
InsQueueQuery *ins_queue_query_copy     (const InsQueueQuery *self);
void           ins_queue_query_free     (InsQueueQuery *self);
gboolean       ins_queue_query_equal    (const InsQueueQuery *a,
                                         const InsQueueQuery *b);
void           ins_queue_query_set_search (InsQueueQuery *self,
                                           const char    *search);

/* An opaque position in the order of one sort: a row's sort keys and id. */
typedef struct _InsQueueCursor InsQueueCursor;

GType           ins_queue_cursor_get_type (void) G_GNUC_CONST;
/* The cursor at a row whose sort keys, as the store's text, are @keys
 * (NULL-terminated, as many as the sort has) and whose id is @id. */
InsQueueCursor *ins_queue_cursor_new      (InsQueueSort        sort,
                                           const char * const *keys,
                                           gint64              id);
/* The cursor at @row for @sort (the direction does not matter): from the keys
 * the store read with the row's page when they are @sort's, else computed from
 * the row for priority, age, due date, numéro and status. The other sorts'
 * keys are folded in SQL, so a row read alone has none. */
InsQueueCursor *ins_queue_cursor_new_for_row (InsQueueSort       sort,
                                              const InsQueueRow *row);
InsQueueCursor *ins_queue_cursor_copy     (const InsQueueCursor *self);
void            ins_queue_cursor_free     (InsQueueCursor *self);
InsQueueSort    ins_queue_cursor_get_sort (const InsQueueCursor *self);
gint64          ins_queue_cursor_get_id   (const InsQueueCursor *self);
/* The sort keys as text the store binds (an integer, a timestamp with
 * microseconds and offset, a folded text), NULL-terminated. Internal to the store. */
const char * const *ins_queue_cursor_get_keys (const InsQueueCursor *self);

/* One page of the queue, rows always in display order. */
typedef struct {
  GPtrArray      *rows;       /* of InsQueueRow* */
  gboolean        has_more;   /* more rows exist beyond this page in the fetched direction */
  InsQueueCursor *first;      /* cursor of rows[0], NULL when empty */
  InsQueueCursor *last;       /* cursor of the last row, NULL when empty */
} InsQueuePage;

GType         ins_queue_page_get_type (void) G_GNUC_CONST;
InsQueuePage *ins_queue_page_new      (void);
void          ins_queue_page_free     (InsQueuePage *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsQueueQuery, ins_queue_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsQueueCursor, ins_queue_cursor_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsQueuePage, ins_queue_page_free)

G_END_DECLS
