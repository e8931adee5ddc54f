/* ins-queue-store.c — queue pages (keyset, both ways) and counts */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ins-db.h"
#include "ins-db-row.h"
#include "ins-queue-store.h"
#include "ins-sql.h"

#define QUEUE_COLUMNS \
  "a.id, a.numero, a.kind, a.status, a.organisme_id, a.nom, a.prenom, a.beneficiaire," \
  " a.country, a.oc_label, a.amount_minor, a.currency, a.received_at, a.due_at," \
  " a.sla_paused_since, a.priority, a.assignee_id, g.display_name, a.lease_until," \
  " a.version, a.excluded"
#define QUEUE_N_COLUMNS 21
#define QUEUE_FROM "affaire a LEFT JOIN agent g ON g.id = a.assignee_id"

static char *
like_escape (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static gboolean
looks_like_nir (const char *text)
{
  gboolean digit = FALSE;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p != ' ' && *p != 'A' && *p != 'B' && *p != 'a' && *p != 'b')
        return FALSE;
    }
  return digit;
}

static gboolean
looks_like_numero (const char *text)
{
  return (g_ascii_strncasecmp (text, "SE-", 3) == 0 || g_ascii_strncasecmp (text, "OC-", 3) == 0);
}

/* Where a prefix of @column (compared bytewise: the "C" collation or the
 * pattern operators) may start: ranges are leakproof, so under row security
 * they reach the column's index, which LIKE and ins_fold() never do. */
static void
add_name_range (InsSql *q, const char *column, const char *prefix)
{
  g_autofree char *fragment = g_strdup_printf ("(a.%s >= ins_fold(?) AND a.%s < (ins_fold(?) || chr(1114111)))",
                                               column, column);

  ins_sql_add (q, fragment, g_strdup (prefix), g_strdup (prefix));
}

/* A name: the nom (or « nom prénom ») of the insured person or of the
 * beneficiary, or the beneficiary as the queue shows it (« prénom nom »);
 * accents and case do not matter. The ranges narrow on a nom prefix (the
 * first word, or what follows it for « prénom nom »); the exact match is a
 * filter over what they find. */
static void
add_name_search (InsSql *q, const char *search)
{
  g_autofree char *escaped = like_escape (search);
  const char *space = strchr (search, ' ');
  g_autofree char *first = space ? g_strndup (search, space - search) : g_strdup (search);
  const char *rest = space ? space + strspn (space, " ") : NULL;
  const char *prefixes[] = { first, rest };

  ins_sql_add (q, " AND (");
  for (guint i = 0; i < G_N_ELEMENTS (prefixes) && prefixes[i] != NULL && *prefixes[i]; i++)
    {
      ins_sql_add (q, i ? " OR " : "");
      add_name_range (q, "ouvreur_key", prefixes[i]);
      ins_sql_add (q, " OR ");
      add_name_range (q, "beneficiaire_key", prefixes[i]);
    }
  ins_sql_add (q, ") AND (replace(a.ouvreur_key, chr(1), ' ') LIKE ins_fold(?) || '%'"
                  " OR replace(a.beneficiaire_key, chr(1), ' ') LIKE ins_fold(?) || '%'"
                  " OR ins_fold(a.beneficiaire) LIKE ins_fold(?) || '%')",
               g_strdup (escaped), g_strdup (escaped), g_strdup (escaped));
}

static void
add_search (InsSql *q, const char *search)
{
  if (looks_like_nir (search))
    {
      GString *digits = g_string_new (NULL);
      char *next;

      for (const char *p = search; *p; p++)
        if (*p != ' ')
          g_string_append_c (digits, g_ascii_toupper (*p));
      next = g_strdup (digits->str);
      next[digits->len - 1]++;   /* digits, A or B: the next byte is printable */
      ins_sql_add (q, " AND a.nir ~>=~ ? AND a.nir ~<~ ?", g_string_free (digits, FALSE), next);
    }
  else if (looks_like_numero (search))
    {
      g_autofree char *upper = g_ascii_strup (search, -1);

      ins_sql_add (q, " AND a.numero ~>=~ ? AND a.numero ~<~ (? || chr(1114111))",
                   g_strdup (upper), g_strdup (upper));
    }
  else
    add_name_search (q, search);
}

/* Appends " AND col = ?" for a single bit, " AND col = ANY(?)" for several. */
static void
add_mask (InsSql *q, const char *column, const char *type, guint mask, guint n,
          const char *(*to_nick) (int))
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) nicks = NULL;

  for (guint i = 0; i < n; i++)
    if (mask & (1u << i))
      g_strv_builder_add (builder, to_nick ((int) i));
  nicks = g_strv_builder_end (builder);
  if (nicks[0] == NULL)
    return;
  if (nicks[1] == NULL)
    {
      g_autofree char *fragment = g_strdup_printf (" AND %s = ?::%s", column, type);
      ins_sql_add (q, fragment, g_strdup (nicks[0]));
    }
  else
    {
      g_autofree char *fragment = g_strdup_printf (" AND %s = ANY(?::%s[])", column, type);
      ins_sql_add (q, fragment, ins_db_format_strv ((const char * const *) nicks));
    }
}

/* Status through a.status_code (008-queue-status.sql: the InsStatus value),
 * an index condition under row security where a.status = … is not. */
static void
add_status_mask (InsSql *q, guint mask)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < INS_N_STATUSES; i++)
    if (mask & (1u << i))
      g_string_append_printf (codes, "%s%u", n++ ? "," : "", i);
  if (n == 1)
    ins_sql_add (q, " AND a.status_code = ?::smallint", g_strdup (codes->str));
  else if (n > 1)
    ins_sql_add (q, " AND a.status_code = ANY(?::smallint[])", g_strdup_printf ("{%s}", codes->str));
}

static const char *
kind_nick (int kind)
{
  return ins_kind_to_nick ((InsAffaireKind) kind);
}

static void
add_filters (InsSql *q, const InsAgent *agent, const InsQueueQuery *query)
{
  ins_sql_add (q, " WHERE true");
  add_mask (q, "a.kind", "affaire_kind", query->kind_mask, INS_N_KINDS, kind_nick);
  add_status_mask (q, query->status_mask);
  switch (query->assignee)
    {
    case INS_QUEUE_ASSIGNEE_MINE:
      ins_sql_add (q, " AND a.assignee_id = ?", g_strdup_printf ("%d", agent ? agent->id : 0));
      break;
    case INS_QUEUE_ASSIGNEE_AGENT:
      ins_sql_add (q, " AND a.assignee_id = ?", g_strdup_printf ("%d", query->assignee_id));
      break;
    case INS_QUEUE_ASSIGNEE_UNASSIGNED:
      ins_sql_add (q, " AND a.assignee_id IS NULL");
      break;
    case INS_QUEUE_ASSIGNEE_ANY:
    default:
      break;
    }
  if (query->organisme_id != 0)
    ins_sql_add (q, " AND a.organisme_id = ?", g_strdup_printf ("%d", query->organisme_id));
  if (query->sla_breached)
    ins_sql_add (q, " AND a.status <> 'cloturee' AND a.due_at < coalesce(a.sla_paused_since, now())");
  if (query->search != NULL && *query->search != '\0')
    add_search (q, query->search);
}

/* Each sort's key columns (012-queue-sorts.sql) with their types; id breaks
 * ties. Every key is NOT NULL and compared with a leakproof operator, and an
 * index (organisme_id, keys…, id) serves it: the keyset is an index condition
 * under row security. */
typedef struct {
  const char *columns[4];
  const char *types[4];
} SortKeys;

static const SortKeys sort_keys[INS_N_QUEUE_SORTS] = {
  [INS_QUEUE_SORT_PRIORITY]     = { { "a.queue_rank", "a.received_at" }, { "smallint", "timestamptz" } },
  [INS_QUEUE_SORT_AGE]          = { { "a.received_at" }, { "timestamptz" } },
  [INS_QUEUE_SORT_DUE]          = { { "a.due_at" }, { "timestamptz" } },
  [INS_QUEUE_SORT_NUMERO]       = { { "a.numero" }, { "text" } },
  [INS_QUEUE_SORT_BENEFICIAIRE] = { { "a.beneficiaire_key" }, { "text" } },
  [INS_QUEUE_SORT_PLACE]        = { { "a.place_key" }, { "text" } },
  [INS_QUEUE_SORT_AMOUNT]       = { { "a.amount_key" }, { "bigint" } },
  [INS_QUEUE_SORT_STATUS]       = { { "a.status_code", "a.queue_rank", "a.received_at" },
                                    { "smallint", "smallint", "timestamptz" } },
  [INS_QUEUE_SORT_AGENT]        = { { "a.assignee_key" }, { "text" } },
};

static const SortKeys *
get_sort_keys (InsQueueSort sort)
{
  return &sort_keys[sort < INS_N_QUEUE_SORTS ? sort : INS_QUEUE_SORT_PRIORITY];
}

/* Rows after (k…, id) are the rows at or after (k…, id + 1): ids are
 * integers. The planner estimates a row comparison by its first column
 * alone, so "> (0, …)" reads as queue_rank > 0, almost no rows, and it would
 * sort the whole rest of the organisme instead of reading the index in order;
 * ">= (0, …)" reads as queue_rank >= 0, which is what it is. */
static void
add_keyset (InsSql *q, InsQueueSort sort, const InsQueueCursor *cursor, gboolean forward, gboolean inclusive)
{
  const SortKeys *keys = get_sort_keys (sort);
  const char * const *values = ins_queue_cursor_get_keys (cursor);
  gint64 bound = ins_queue_cursor_get_id (cursor) + (inclusive ? 0 : forward ? 1 : -1);
  g_autoptr(GString) columns = g_string_new (NULL);

  for (guint i = 0; keys->columns[i] != NULL; i++)
    g_string_append_printf (columns, "%s, ", keys->columns[i]);
  g_string_append_printf (columns, "a.id) %s (", forward ? ">=" : "<=");
  ins_sql_add (q, " AND (");
  ins_sql_add (q, columns->str);
  for (guint i = 0; keys->columns[i] != NULL; i++)
    {
      g_autofree char *fragment = g_strdup_printf ("?::%s, ", keys->types[i]);

      g_return_if_fail (values != NULL && values[i] != NULL);
      ins_sql_add (q, fragment, g_strdup (values[i]));
    }
  ins_sql_add (q, "?::bigint)", g_strdup_printf ("%" G_GINT64_FORMAT, bound));
}

static void
add_order (InsSql *q, InsQueueSort sort, gboolean forward)
{
  const SortKeys *keys = get_sort_keys (sort);
  const char *dir = forward ? "" : " DESC";

  g_string_append (q->sql, " ORDER BY ");
  for (guint i = 0; keys->columns[i] != NULL; i++)
    g_string_append_printf (q->sql, "%s%s, ", keys->columns[i], dir);
  g_string_append_printf (q->sql, "a.id%s", dir);
}

/* The sort's keys, selected after QUEUE_COLUMNS for the page's cursors. */
static void
add_key_columns (InsSql *q, InsQueueSort sort)
{
  const SortKeys *keys = get_sort_keys (sort);

  for (guint i = 0; keys->columns[i] != NULL; i++)
    g_string_append_printf (q->sql, ", %s", keys->columns[i]);
}

static InsQueueCursor *
cursor_from_result (PGresult *res, int i, InsQueueSort sort)
{
  const SortKeys *keys = get_sort_keys (sort);
  const char *values[G_N_ELEMENTS (keys->columns)] = { NULL, };

  for (guint k = 0; keys->columns[k] != NULL; k++)
    values[k] = PQgetvalue (res, i, QUEUE_N_COLUMNS + (int) k);
  return ins_queue_cursor_new (sort, values, ins_db_get_int64 (res, i, 0));
}

static InsQueueRow *
queue_row_from_result (PGresult *res, int i)
{
  InsQueueRow *row = ins_queue_row_new ();

  row->id = ins_db_get_int64 (res, i, 0);
  row->numero = ins_db_row_strdup (res, i, 1);
  ins_kind_from_nick (ins_db_get_string (res, i, 2), &row->kind);
  ins_status_from_nick (ins_db_get_string (res, i, 3), &row->status);
  row->organisme_id = (int) ins_db_get_int64 (res, i, 4);
  row->nom = ins_db_row_strdup (res, i, 5);
  row->prenom = ins_db_row_strdup (res, i, 6);
  row->beneficiaire = ins_db_row_strdup (res, i, 7);
  row->country = ins_db_row_strdup (res, i, 8);
  row->oc_label = ins_db_row_strdup (res, i, 9);
  row->amount_minor = ins_db_get_int64 (res, i, 10);
  row->currency = ins_db_row_strdup (res, i, 11);
  row->received_at = ins_db_row_datetime (res, i, 12);
  row->due_at = ins_db_row_datetime (res, i, 13);
  row->sla_paused_since = ins_db_row_datetime (res, i, 14);
  row->priority = (int) ins_db_get_int64 (res, i, 15);
  row->assignee_id = (int) ins_db_get_int64 (res, i, 16);
  row->assignee_name = ins_db_row_strdup (res, i, 17);
  row->lease_until = ins_db_row_datetime (res, i, 18);
  row->version = (int) ins_db_get_int64 (res, i, 19);
  row->excluded = ins_db_get_bool (res, i, 20);
  return row;
}

InsQueuePage *
ins_queue_store_page (PGconn               *conn,
                      const InsAgent       *agent,
                      const InsQueueQuery  *query,
                      const InsQueueCursor *cursor,
                      InsQueueDirection     direction,
                      guint                 limit,
                      GError              **error)
{
  return ins_queue_store_page_at (conn, agent, query, cursor, direction, 0, limit, error);
}

/* The rows from the anchor on: (keys…, id) >= the anchor's, an index
 * condition (each value an initplan). No anchor row, no rows. */
static void
add_anchor_keyset (InsSql *q, InsQueueSort sort, gboolean forward)
{
  const SortKeys *keys = get_sort_keys (sort);

  g_string_append (q->sql, " AND (");
  for (guint i = 0; keys->columns[i] != NULL; i++)
    g_string_append_printf (q->sql, "%s, ", keys->columns[i]);
  g_string_append_printf (q->sql, "a.id) %s (", forward ? ">=" : "<=");
  for (guint i = 0; keys->columns[i] != NULL; i++)
    g_string_append_printf (q->sql, "(SELECT k%u FROM anchor), ", i);
  g_string_append (q->sql, "(SELECT id FROM anchor))");
}

/* The statement of ins_queue_store_page_at(). A page @offset rows away
 * first finds its first row, the anchor, reading only the sort's keys: an
 * index-only walk when the filters are on indexed columns (the organisme,
 * and status_code which the sorts' indexes include), then reads the page
 * from there. */
static void
build_page (InsSql               *q,
            const InsAgent       *agent,
            const InsQueueQuery  *query,
            const InsQueueCursor *cursor,
            gboolean              forward,
            gint64                offset,
            guint                 limit)
{
  if (offset > 0)
    {
      const SortKeys *keys = get_sort_keys (query->sort);

      ins_sql_add (q, "WITH anchor AS MATERIALIZED (SELECT ");
      for (guint i = 0; keys->columns[i] != NULL; i++)
        g_string_append_printf (q->sql, "%s AS k%u, ", keys->columns[i], i);
      ins_sql_add (q, "a.id FROM affaire a");
      add_filters (q, agent, query);
      if (cursor != NULL)
        add_keyset (q, query->sort, cursor, forward, FALSE);
      add_order (q, query->sort, forward);
      g_string_append_printf (q->sql, " LIMIT 1 OFFSET %" G_GINT64_FORMAT ") ", offset);
    }
  ins_sql_add (q, "SELECT " QUEUE_COLUMNS);
  add_key_columns (q, query->sort);
  ins_sql_add (q, " FROM " QUEUE_FROM);
  add_filters (q, agent, query);
  if (offset > 0)
    add_anchor_keyset (q, query->sort, forward);
  else if (cursor != NULL)
    add_keyset (q, query->sort, cursor, forward, offset < 0);
  add_order (q, query->sort, forward);
  g_string_append_printf (q->sql, " LIMIT %u", limit + 1);
}

/* A cursor of another sort does not apply; without one an offset counts
 * from the end the page starts at. */
static const InsQueueCursor *
usable_cursor (const InsQueueQuery *query, const InsQueueCursor *cursor, gint64 *offset)
{
  if (cursor != NULL && ins_queue_cursor_get_sort (cursor) != query->sort)
    cursor = NULL;
  if (cursor == NULL)
    *offset = MAX (*offset, 0);
  return cursor;
}

/* The offset serves a jump of the scrollbar far from any loaded row: it is
 * one bounded statement (an index walk of at most half the queue, from the
 * nearest loaded row or end, reading keys only: 70–160 ms server time to the
 * middle of a 330,000-row queue with the default status filter), run on the
 * store thread, never on the main loop, and paid once per jump rather than
 * once per page scrolled past. Every page next to a loaded row stays on the
 * keyset. */
InsQueuePage *
ins_queue_store_page_at (PGconn               *conn,
                         const InsAgent       *agent,
                         const InsQueueQuery  *query,
                         const InsQueueCursor *cursor,
                         InsQueueDirection     direction,
                         gint64                offset,
                         guint                 limit,
                         GError              **error)
{
  g_autoptr(InsQueuePage) page = ins_queue_page_new ();
  g_autoptr(PGresult) res = NULL;
  /* Forward in SQL order: ascending, unless the display order is reversed. */
  gboolean forward = (direction == INS_QUEUE_AFTER) != !!query->descending;
  const SortKeys *keys = get_sort_keys (query->sort);
  guint n_keys = g_strv_length ((char **) keys->columns);
  guint n;
  InsSql q;

  g_return_val_if_fail (limit > 0, NULL);
  g_return_val_if_fail (offset >= -1, NULL);
  cursor = usable_cursor (query, cursor, &offset);

  ins_sql_init (&q);
  build_page (&q, agent, query, cursor, forward, offset, limit);
  res = ins_sql_exec (conn, &q, error);
  ins_sql_clear (&q);
  if (res == NULL)
    return NULL;

  n = (guint) PQntuples (res);
  page->has_more = n > limit;
  n = MIN (n, limit);
  for (guint i = 0; i < n; i++)
    {
      /* BEFORE fetches away from the cursor: put the rows back in display order. */
      int r = direction == INS_QUEUE_BEFORE ? (int) (n - 1 - i) : (int) i;
      InsQueueRow *row = queue_row_from_result (res, r);

      row->keyed_sort = (int) query->sort;
      row->sort_keys = g_new0 (char *, n_keys + 1);
      for (guint k = 0; k < n_keys; k++)
        row->sort_keys[k] = g_strdup (PQgetvalue (res, r, QUEUE_N_COLUMNS + (int) k));
      g_ptr_array_add (page->rows, row);
    }
  if (n > 0)
    {
      int first = direction == INS_QUEUE_BEFORE ? (int) (n - 1) : 0;
      int last = direction == INS_QUEUE_BEFORE ? 0 : (int) (n - 1);

      page->first = cursor_from_result (res, first, query->sort);
      page->last = cursor_from_result (res, last, query->sort);
    }
  return g_steal_pointer (&page);
}

char *
ins_queue_store_explain_page (PGconn               *conn,
                              const InsAgent       *agent,
                              const InsQueueQuery  *query,
                              const InsQueueCursor *cursor,
                              InsQueueDirection     direction,
                              gint64                offset,
                              GError              **error)
{
  gboolean forward = (direction == INS_QUEUE_AFTER) != !!query->descending;
  g_autoptr(PGresult) res = NULL;
  GString *plan;
  InsSql q;

  cursor = usable_cursor (query, cursor, &offset);
  ins_sql_init (&q);
  ins_sql_add (&q, "EXPLAIN ");
  build_page (&q, agent, query, cursor, forward, offset, 50);
  res = ins_sql_exec (conn, &q, error);
  ins_sql_clear (&q);
  if (res == NULL)
    return NULL;
  plan = g_string_new (NULL);
  for (int i = 0; i < PQntuples (res); i++)
    g_string_append_printf (plan, "%s\n", PQgetvalue (res, i, 0));
  return g_string_free (plan, FALSE);
}

static gint64
plan_rows (const char *json)
{
  const char *p = json ? strstr (json, "\"Plan Rows\":") : NULL;

  return p ? g_ascii_strtoll (p + strlen ("\"Plan Rows\":"), NULL, 10) : 0;
}

gboolean
ins_queue_store_count (PGconn               *conn,
                       const InsAgent       *agent,
                       const InsQueueQuery  *query,
                       gint64               *count,
                       gboolean             *exact,
                       GError              **error)
{
  g_autoptr(PGresult) res = NULL;
  gint64 n;
  InsSql q;

  ins_sql_init (&q);
  ins_sql_add (&q, "SELECT count(*) FROM (SELECT 1 FROM affaire a");
  add_filters (&q, agent, query);
  g_string_append_printf (q.sql, " LIMIT %d) s", INS_QUEUE_EXACT_COUNT_LIMIT + 1);
  res = ins_sql_exec (conn, &q, error);
  if (res == NULL)
    {
      ins_sql_clear (&q);
      return FALSE;
    }
  n = ins_db_get_int64 (res, 0, 0);
  if (n <= INS_QUEUE_EXACT_COUNT_LIMIT)
    {
      ins_sql_clear (&q);
      *count = n;
      if (exact)
        *exact = TRUE;
      return TRUE;
    }

  /* Too many to count on every refresh: the planner's estimate will do. */
  g_clear_pointer (&res, PQclear);
  ins_sql_reset (&q);
  ins_sql_add (&q, "EXPLAIN (FORMAT JSON) SELECT 1 FROM affaire a");
  add_filters (&q, agent, query);
  res = ins_sql_exec (conn, &q, error);
  ins_sql_clear (&q);
  if (res == NULL)
    return FALSE;
  *count = MAX (plan_rows (ins_db_get_string (res, 0, 0)), INS_QUEUE_EXACT_COUNT_LIMIT + 1);
  if (exact)
    *exact = FALSE;
  return TRUE;
}

InsQueueRow *
ins_queue_store_row (PGconn  *conn,
                     gint64   affaire_id,
                     GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, affaire_id);
  const char *params[] = { id };
  g_autoptr(PGresult) res = ins_db_exec (conn, "SELECT " QUEUE_COLUMNS " FROM " QUEUE_FROM
                                               " WHERE a.id = $1", 1, params, error);

  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND,
                           _("This affaire no longer exists or is not visible to you"));
      return NULL;
    }
  return queue_row_from_result (res, 0);
}
