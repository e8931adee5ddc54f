/* ins-outbox-store.c — the notification outbox: claim, record, count, retry */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <stdlib.h>

#include "ins-db.h"
#include "ins-outbox-store.h"

void
ins_outbox_item_free (InsOutboxItem *item)
{
  if (item == NULL)
    return;
  g_free (item->kind);
  g_free (item->idempotency_key);
  g_free (item->payload);
  g_free (item->courrier_sha256);
  g_clear_pointer (&item->courrier, g_bytes_unref);
  g_free (item);
}

/* The lease is also the next attempt time: a row whose holder died becomes
 * due again when its lease ends. A row that used all its attempts (its relay
 * kept dying) is parked instead of claimed. */
static const char claim_sql[] =
  "WITH due AS ("
  "  SELECT id FROM notification_outbox"
  "   WHERE state = 'pending' AND next_attempt_at <= now()"
  "   ORDER BY next_attempt_at, id"
  "   LIMIT $2"
  "   FOR UPDATE SKIP LOCKED)"
  " UPDATE notification_outbox o"
  "    SET state = CASE WHEN o.attempts >= $4 THEN 'failed'::notification_state"
  "                     ELSE 'pending'::notification_state END,"
  "        last_error = CASE WHEN o.attempts >= $4"
  "                          THEN coalesce(o.last_error || ' ; ', '') || 'attempts exhausted'"
  "                          ELSE o.last_error END,"
  "        attempts = CASE WHEN o.attempts >= $4 THEN o.attempts ELSE o.attempts + 1 END,"
  "        lease_owner = CASE WHEN o.attempts >= $4 THEN NULL ELSE $1 END,"
  "        lease_until = CASE WHEN o.attempts >= $4 THEN NULL"
  "                           ELSE now() + $3::bigint * interval '1 millisecond' END,"
  "        next_attempt_at = CASE WHEN o.attempts >= $4 THEN o.next_attempt_at"
  "                               ELSE now() + $3::bigint * interval '1 millisecond' END"
  "   FROM due WHERE o.id = due.id"
  " RETURNING o.id, o.affaire_id, o.kind, o.idempotency_key, o.payload::text, o.attempts,"
  "           encode(o.courrier_sha256, 'hex'), o.state = 'pending'";

static gboolean
load_courriers (PGconn     *conn,
                GPtrArray  *items,
                GError    **error)
{
  g_autoptr(GHashTable) by_hash = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) array = g_string_new ("{");
  g_autoptr(PGresult) res = NULL;
  const char *params[1];

  for (guint i = 0; i < items->len; i++)
    {
      InsOutboxItem *item = g_ptr_array_index (items, i);
      if (item->courrier_sha256 == NULL)
        continue;
      if (!g_hash_table_contains (by_hash, item->courrier_sha256))
        g_string_append_printf (array, "%s%s", array->len > 1 ? "," : "", item->courrier_sha256);
      g_hash_table_insert (by_hash, item->courrier_sha256, NULL);
    }
  if (g_hash_table_size (by_hash) == 0)
    return TRUE;
  g_string_append_c (array, '}');
  params[0] = array->str;

  /* Binary results: the PDF bytes as they are, no hex round trip. */
  res = PQexecParams (conn,
                      "SELECT encode(sha256, 'hex'), bytes FROM blob"
                      " WHERE sha256 = ANY (SELECT decode(h, 'hex') FROM unnest($1::text[]) h)",
                      1, NULL, params, NULL, NULL, 1);
  if (res == NULL || PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      ins_store_set_error_from_result (error, conn, res);
      return FALSE;
    }
  for (int r = 0; r < PQntuples (res); r++)
    {
      g_autofree char *hash = g_strndup (PQgetvalue (res, r, 0), PQgetlength (res, r, 0));
      g_autoptr(GBytes) bytes = g_bytes_new (PQgetvalue (res, r, 1), PQgetlength (res, r, 1));

      for (guint i = 0; i < items->len; i++)
        {
          InsOutboxItem *item = g_ptr_array_index (items, i);
          if (item->courrier_sha256 != NULL && g_str_equal (item->courrier_sha256, hash))
            item->courrier = g_bytes_ref (bytes);
        }
    }
  return TRUE;
}

GPtrArray *
ins_outbox_claim (PGconn      *conn,
                  const char  *owner,
                  int          limit,
                  gint64       lease_ms,
                  int          max_attempts,
                  GError     **error)
{
  g_autofree char *limit_s = g_strdup_printf ("%d", MAX (limit, 1));
  g_autofree char *lease_s = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (lease_ms, 1));
  g_autofree char *max_s = g_strdup_printf ("%d", MAX (max_attempts, 1));
  const char *params[] = { owner, limit_s, lease_s, max_s };
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_outbox_item_free);
  int parked = 0;

  res = ins_db_exec (conn, claim_sql, G_N_ELEMENTS (params), params, error);
  if (res == NULL)
    return NULL;
  for (int r = 0; r < PQntuples (res); r++)
    {
      InsOutboxItem *item;

      if (!ins_db_get_bool (res, r, 7))
        {
          parked++;
          continue;
        }
      item = g_new0 (InsOutboxItem, 1);
      item->id = ins_db_get_int64 (res, r, 0);
      item->affaire_id = ins_db_get_int64 (res, r, 1);
      item->kind = g_strdup (ins_db_get_string (res, r, 2));
      item->idempotency_key = g_strdup (ins_db_get_string (res, r, 3));
      item->payload = g_strdup (ins_db_get_string (res, r, 4));
      item->attempts = (int) ins_db_get_int64 (res, r, 5);
      item->courrier_sha256 = g_strdup (ins_db_get_string (res, r, 6));
      g_ptr_array_add (items, item);
    }
  if (parked > 0)
    g_message ("%d notification(s) parked: attempts exhausted", parked);
  if (!load_courriers (conn, items, error))
    return NULL;
  return g_steal_pointer (&items);
}

static gboolean
record (PGconn              *conn,
        const char          *sql,
        const InsOutboxItem *item,
        const char          *owner,
        const char          *extra1,
        const char          *extra2,
        gboolean            *recorded,
        GError             **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->id);
  g_autofree char *attempts = g_strdup_printf ("%d", item->attempts);
  const char *params[] = { id, owner, attempts, extra1, extra2 };
  int n = extra2 ? 5 : extra1 ? 4 : 3;
  g_autoptr(PGresult) res = NULL;

  res = ins_db_exec (conn, sql, n, params, error);
  if (res == NULL)
    return FALSE;
  if (recorded != NULL)
    *recorded = atoi (PQcmdTuples (res)) == 1;
  return TRUE;
}

#define HELD_BY_CLAIM " WHERE id = $1 AND lease_owner = $2 AND attempts = $3 AND state = 'pending'"

gboolean
ins_outbox_mark_delivered (PGconn              *conn,
                           const InsOutboxItem *item,
                           const char          *owner,
                           gboolean            *recorded,
                           GError             **error)
{
  return record (conn,
                 "UPDATE notification_outbox SET state = 'delivered', delivered_at = now(),"
                 " lease_until = NULL, last_error = NULL" HELD_BY_CLAIM,
                 item, owner, NULL, NULL, recorded, error);
}

gboolean
ins_outbox_mark_delivered_many (PGconn      *conn,
                                GPtrArray   *items,
                                const char  *owner,
                                guint       *recorded,
                                GError     **error)
{
  g_autoptr(GString) ids = g_string_new ("{");
  g_autoptr(GString) attempts = g_string_new ("{");
  g_autoptr(PGresult) res = NULL;
  const char *params[3];

  if (recorded != NULL)
    *recorded = 0;
  if (items->len == 0)
    return TRUE;
  for (guint i = 0; i < items->len; i++)
    {
      const InsOutboxItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", item->id);
      g_string_append_printf (attempts, "%s%d", i ? "," : "", item->attempts);
    }
  g_string_append_c (ids, '}');
  g_string_append_c (attempts, '}');
  params[0] = ids->str;
  params[1] = owner;
  params[2] = attempts->str;
  res = ins_db_exec (conn,
                     "UPDATE notification_outbox o SET state = 'delivered', delivered_at = now(),"
                     " lease_until = NULL, last_error = NULL"
                     "  FROM unnest($1::bigint[], $3::int[]) AS u(id, attempts)"
                     " WHERE o.id = u.id AND o.attempts = u.attempts AND o.lease_owner = $2"
                     "   AND o.state = 'pending'",
                     3, params, error);
  if (res == NULL)
    return FALSE;
  if (recorded != NULL)
    *recorded = (guint) atoi (PQcmdTuples (res));
  return TRUE;
}

gboolean
ins_outbox_mark_retry (PGconn              *conn,
                       const InsOutboxItem *item,
                       const char          *owner,
                       gint64               delay_ms,
                       const char          *last_error,
                       gboolean            *recorded,
                       GError             **error)
{
  g_autofree char *delay = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (delay_ms, 0));

  return record (conn,
                 "UPDATE notification_outbox SET lease_owner = NULL, lease_until = NULL,"
                 " next_attempt_at = now() + $4::bigint * interval '1 millisecond',"
                 " last_error = $5" HELD_BY_CLAIM,
                 item, owner, delay, last_error ? last_error : "", recorded, error);
}

gboolean
ins_outbox_mark_failed (PGconn              *conn,
                        const InsOutboxItem *item,
                        const char          *owner,
                        const char          *last_error,
                        gboolean            *recorded,
                        GError             **error)
{
  return record (conn,
                 "UPDATE notification_outbox SET state = 'failed', lease_owner = NULL,"
                 " lease_until = NULL, last_error = $4" HELD_BY_CLAIM,
                 item, owner, last_error ? last_error : "", NULL, recorded, error);
}

gboolean
ins_outbox_release (PGconn              *conn,
                    const InsOutboxItem *item,
                    const char          *owner,
                    GError             **error)
{
  return record (conn,
                 "UPDATE notification_outbox SET lease_owner = NULL, lease_until = NULL,"
                 " next_attempt_at = now(), attempts = attempts - 1" HELD_BY_CLAIM,
                 item, owner, NULL, NULL, NULL, error);
}

gboolean
ins_outbox_counts (PGconn   *conn,
                   gint64   *pending,
                   gint64   *failed,
                   GError  **error)
{
  g_autoptr(PGresult) res = NULL;

  res = ins_db_exec (conn,
                     "SELECT (SELECT count(*) FROM notification_outbox WHERE state = 'pending'),"
                     "       (SELECT count(*) FROM notification_outbox WHERE state = 'failed')",
                     0, NULL, error);
  if (res == NULL)
    return FALSE;
  if (pending != NULL)
    *pending = ins_db_get_int64 (res, 0, 0);
  if (failed != NULL)
    *failed = ins_db_get_int64 (res, 0, 1);
  return TRUE;
}

gint64
ins_outbox_next_due_ms (PGconn   *conn,
                        GError  **error)
{
  g_autoptr(PGresult) res = NULL;

  res = ins_db_exec (conn,
                     "SELECT greatest(0, ceil(extract(epoch FROM min(next_attempt_at) - now()) * 1000))::bigint"
                     "  FROM notification_outbox WHERE state = 'pending'",
                     0, NULL, error);
  if (res == NULL)
    return -1;
  return ins_db_is_null (res, 0, 0) ? -1 : ins_db_get_int64 (res, 0, 0);
}

gint64
ins_outbox_retry_failed (PGconn   *conn,
                         gint64    id,
                         GError  **error)
{
  g_autofree char *id_s = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { id_s };
  g_autoptr(PGresult) res = NULL;

  res = ins_db_exec (conn,
                     "UPDATE notification_outbox SET state = 'pending', attempts = 0,"
                     " next_attempt_at = now(), last_error = NULL"
                     " WHERE state = 'failed' AND ($1::bigint = 0 OR id = $1::bigint)",
                     1, params, error);
  if (res == NULL)
    return -1;
  return g_ascii_strtoll (PQcmdTuples (res), NULL, 10);
}
