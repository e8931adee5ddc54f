/* ins-seed-store.c — bulk loading of sample data with COPY */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <string.h>

#include "ins-db.h"
#include "ins-seed-store.h"

static const char * const copy_sql[INS_SEED_N_TABLES] = {
  [INS_SEED_ASSURE] =
    "COPY assure (id, nir, nom, prenom, birth_date, address) FROM STDIN",
  [INS_SEED_AFFAIRE] =
    "COPY affaire (id, numero, submission_id, kind, status, organisme_id, assure_id,"
    " received_at, due_at, priority, assignee_id, lease_until, version,"
    " nir, nom, prenom, beneficiaire, country, oc_label, amount_minor,"
    " currency, excluded, exclusion_reason, non_exploitable_reason,"
    " sla_paused_since, decided_at, decided_by, amount_eur_cents, rate,"
    " rate_date, rate_source, refusal_motif, decision_text,"
    " missing_pieces, updated_at, closed_at) FROM STDIN",
  [INS_SEED_SOINS_ETRANGER] =
    "COPY soins_etranger (affaire_id, ouvreur_birth_date, nationality, situation,"
    " beneficiaire_is_ouvreur, beneficiaire_nom, beneficiaire_prenom,"
    " beneficiaire_birth_date, reason, planned, nature, care_from, care_to,"
    " stay_from, stay_to, stay_motif, hospitalisation, certified) FROM STDIN",
  [INS_SEED_OC_BENEFICIAIRE] =
    "COPY oc_beneficiaire (affaire_id, rank, nom, prenom, birth_date, oc1_name, oc1_member,"
    " oc1_start, oc2_name, oc2_member, oc2_start, chosen, precarity) FROM STDIN",
  [INS_SEED_ATTACHMENT] =
    "COPY attachment (affaire_id, position, filename, content_type, size_bytes, sha256,"
    " page_count, unreadable_reason) FROM STDIN",
  [INS_SEED_HISTORY] =
    "COPY history (affaire_id, at, agent_id, action, from_status, to_status, comment) FROM STDIN",
  [INS_SEED_AVIS_MEDICAL] =
    "COPY avis_medical (id, affaire_id, requested_by, requested_at, question, answered_by,"
    " answered_at, conclusion, conclusion_text) FROM STDIN",
  [INS_SEED_AVIS_REASONING] =
    "COPY avis_medical_reasoning (avis_id, reasoning) FROM STDIN",
};

static const char * const sequence_names[INS_SEED_N_SEQS] = {
  [INS_SEED_SEQ_ASSURE] = "assure_id_seq",
  [INS_SEED_SEQ_AFFAIRE] = "affaire_id_seq",
  [INS_SEED_SEQ_AVIS] = "avis_medical_id_seq",
  [INS_SEED_SEQ_NUMERO] = "affaire_numero_seq",
};

void
ins_seed_agent_free (InsSeedAgent *agent)
{
  if (agent == NULL)
    return;
  g_free (agent->login);
  g_free (agent->display_name);
  g_free (agent->role);
  g_free (agent->organisme_code);
  g_free (agent->organisme_name);
  g_free (agent);
}

gboolean
ins_seed_store_prepare (PGconn  *conn,
                        GError **error)
{
  return ins_db_run (conn,
                     "SELECT set_config('synchronous_commit', 'off', false),"
                     "       set_config('statement_timeout', '0', false),"
                     "       set_config('idle_in_transaction_session_timeout', '0', false),"
                     "       set_config('client_min_messages', 'warning', false)",
                     0, NULL, error);
}

int
ins_seed_store_ensure_organisme (PGconn      *conn,
                                 const char  *code,
                                 const char  *name,
                                 const char  *letterhead,
                                 GError     **error)
{
  const char *params[] = { code, name, letterhead };
  g_autoptr(PGresult) res = NULL;

  res = ins_db_exec (conn,
                     "INSERT INTO organisme (code, name, letterhead) VALUES ($1, $2, $3)"
                     " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name,"
                     " letterhead = EXCLUDED.letterhead RETURNING id",
                     3, params, error);
  return res ? (int) ins_db_get_int64 (res, 0, 0) : 0;
}

int
ins_seed_store_create_agent (PGconn      *conn,
                             const char  *login,
                             const char  *display_name,
                             const char  *role,
                             const char  *organisme_code,
                             const char  *password,
                             GError     **error)
{
  const char *params[] = { login, display_name, role, organisme_code, password };
  g_autoptr(PGresult) res = NULL;

  res = ins_db_exec (conn, "SELECT ins_create_agent($1, $2, $3, $4, $5)", 5, params, error);
  return res ? (int) ins_db_get_int64 (res, 0, 0) : 0;
}

GPtrArray *
ins_seed_store_list_agents (PGconn  *conn,
                            GError **error)
{
  g_autoptr(PGresult) res = NULL;
  GPtrArray *agents;

  res = ins_db_exec (conn,
                     "SELECT a.id, a.login, a.display_name, a.role, o.code, o.name, o.id"
                     "  FROM agent a JOIN organisme o ON o.id = a.organisme_id"
                     " WHERE a.active"
                     " ORDER BY o.code, a.role, a.id",
                     0, NULL, error);
  if (res == NULL)
    return NULL;
  agents = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_seed_agent_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      InsSeedAgent *agent = g_new0 (InsSeedAgent, 1);

      agent->id = (int) ins_db_get_int64 (res, i, 0);
      agent->login = g_strdup (ins_db_get_string (res, i, 1));
      agent->display_name = g_strdup (ins_db_get_string (res, i, 2));
      agent->role = g_strdup (ins_db_get_string (res, i, 3));
      agent->organisme_code = g_strdup (ins_db_get_string (res, i, 4));
      agent->organisme_name = g_strdup (ins_db_get_string (res, i, 5));
      agent->organisme_id = (int) ins_db_get_int64 (res, i, 6);
      g_ptr_array_add (agents, agent);
    }
  return agents;
}

gint64
ins_seed_store_count_affaires (PGconn  *conn,
                               GError **error)
{
  g_autoptr(PGresult) res = ins_db_exec (conn, "SELECT count(*) FROM affaire", 0, NULL, error);

  return res ? ins_db_get_int64 (res, 0, 0) : -1;
}

gboolean
ins_seed_store_reserve (PGconn          *conn,
                        InsSeedSequence  seq,
                        gint64           n,
                        gint64          *first,
                        GError         **error)
{
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  const char *params[] = { sequence_names[seq], count };
  g_autoptr(PGresult) res = NULL;

  g_return_val_if_fail (n >= 1, FALSE);

  /* The lock keeps two seeds (or an import) from interleaving their ranges. */
  res = ins_db_exec (conn,
                     "WITH l AS (SELECT pg_advisory_xact_lock(hashtext($1)))"
                     " SELECT setval($1::regclass, nextval($1::regclass) + $2::bigint - 1) - $2::bigint + 1"
                     "   FROM l",
                     2, params, error);
  if (res == NULL)
    return FALSE;
  *first = ins_db_get_int64 (res, 0, 0);
  return TRUE;
}

gboolean
ins_seed_store_put_blob (PGconn        *conn,
                         const guint8  *sha256,
                         const guint8  *bytes,
                         gsize          size,
                         GError       **error)
{
  const char *values[] = { (const char *) sha256, (const char *) bytes };
  const int lengths[] = { 32, (int) size };
  const int formats[] = { 1, 1 };
  g_autoptr(PGresult) res = NULL;

  res = PQexecParams (conn,
                      "INSERT INTO blob (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING",
                      2, NULL, values, lengths, formats, 0);
  if (res == NULL || PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      ins_store_set_error_from_result (error, conn, res);
      return FALSE;
    }
  return TRUE;
}

gboolean
ins_seed_store_put_blobs (PGconn               *conn,
                          guint                 n,
                          const guint8 * const *sha256,
                          GBytes * const       *bytes,
                          GError              **error)
{
  static const int formats[] = { 1, 1 };
  g_autoptr(PGresult) failed = NULL;
  PGresult *res;
  guint sent = 0;

  if (n == 0)
    return TRUE;
  if (!PQenterPipelineMode (conn))
    {
      ins_store_set_error_from_result (error, conn, NULL);
      return FALSE;
    }
  for (; sent < n; sent++)
    {
      const char *values[] = { (const char *) sha256[sent], g_bytes_get_data (bytes[sent], NULL) };
      const int lengths[] = { 32, (int) g_bytes_get_size (bytes[sent]) };

      if (!PQsendQueryParams (conn,
                              "INSERT INTO blob (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING",
                              2, NULL, values, lengths, formats, 0))
        break;
    }
  if (!PQpipelineSync (conn))
    sent = 0;
  /* Each statement's result then NULL, and the sync's at the end. */
  for (guint i = 0; i < sent; i++)
    {
      while ((res = PQgetResult (conn)) != NULL)
        {
          if (failed == NULL && PQresultStatus (res) != PGRES_COMMAND_OK)
            failed = res;
          else
            PQclear (res);
        }
    }
  while ((res = PQgetResult (conn)) != NULL && PQresultStatus (res) != PGRES_PIPELINE_SYNC)
    PQclear (res);
  PQclear (res);
  PQexitPipelineMode (conn);
  if (failed != NULL || sent < n)
    {
      ins_store_set_error_from_result (error, conn, failed);
      return FALSE;
    }
  return TRUE;
}

gboolean
ins_seed_store_copy_begin (PGconn        *conn,
                           InsSeedTable   table,
                           GError       **error)
{
  g_autoptr(PGresult) res = NULL;

  g_return_val_if_fail (table < INS_SEED_N_TABLES, FALSE);

  res = PQexec (conn, copy_sql[table]);
  if (res == NULL || PQresultStatus (res) != PGRES_COPY_IN)
    {
      ins_store_set_error_from_result (error, conn, res);
      return FALSE;
    }
  return TRUE;
}

gboolean
ins_seed_store_copy_put (PGconn      *conn,
                         const char  *data,
                         gsize        size,
                         GError     **error)
{
  while (size > 0)
    {
      int chunk = (int) MIN (size, (gsize) G_MAXINT / 2);

      if (PQputCopyData (conn, data, chunk) != 1)
        {
          ins_store_set_error_from_result (error, conn, NULL);
          return FALSE;
        }
      data += chunk;
      size -= chunk;
    }
  return TRUE;
}

gboolean
ins_seed_store_copy_end (PGconn  *conn,
                         GError **error)
{
  gboolean ok = TRUE;
  PGresult *res;

  if (PQputCopyEnd (conn, NULL) != 1)
    {
      ins_store_set_error_from_result (error, conn, NULL);
      ok = FALSE;
    }
  while ((res = PQgetResult (conn)) != NULL)
    {
      if (ok && PQresultStatus (res) != PGRES_COMMAND_OK)
        {
          ins_store_set_error_from_result (error, conn, res);
          ok = FALSE;
        }
      PQclear (res);
    }
  return ok;
}

/* The notifications the affaires of a range owe, with when they were owed. */
#define OWED_NOTIFICATIONS \
  "WITH owed AS (" \
  "  SELECT a.id, 'accuse_reception'::notification_kind AS kind, a.received_at AS at" \
  "    FROM affaire a WHERE a.id BETWEEN $1 AND $2" \
  "     AND a.status <> 'non_exploitable'" \
  "  UNION ALL" \
  "  SELECT a.id," \
  "         CASE WHEN a.status = 'en_attente_pieces' THEN 'pieces_manquantes'" \
  "              WHEN a.refusal_motif IS NOT NULL THEN 'refus'" \
  "              WHEN a.kind = 'chevauchement_oc' THEN 'oc_activee'" \
  "              ELSE 'acceptation' END::notification_kind," \
  "         coalesce(a.closed_at, a.updated_at)" \
  "    FROM affaire a WHERE a.id BETWEEN $1 AND $2" \
  "     AND a.status IN ('cloturee', 'en_attente_pieces')) "

gboolean
ins_seed_store_queue_notifications (PGconn  *conn,
                                    gint64   first_id,
                                    gint64   last_id,
                                    GError **error)
{
  g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, first_id);
  g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, last_id);
  const char *params[] = { first, last };

  /* Those of the last day wait for the relay, queued as the application
   * queues them. Older ones were delivered long ago: ins_outbox_enqueue()
   * one row at a time would take most of a million-affaire seed, so their
   * snapshot is written here at once, with the affaire's facts (the
   * formatted message is left out). */
  return ins_db_run (conn,
                     OWED_NOTIFICATIONS
                     " INSERT INTO notification_outbox (affaire_id, kind, payload, state, attempts,"
                     "                                  next_attempt_at, created_at, delivered_at)"
                     " SELECT a.id, w.kind,"
                     "        jsonb_build_object("
                     "          'kind', w.kind,"
                     "          'affaire', jsonb_build_object('numero', a.numero, 'type', a.kind,"
                     "                                        'submission_id', a.submission_id,"
                     "                                        'received_at', a.received_at),"
                     "          'insured', jsonb_build_object('nir', a.nir, 'nom', a.nom, 'prenom', a.prenom),"
                     "          'organisme', jsonb_build_object('code', o.code, 'name', o.name),"
                     "          'decision', jsonb_strip_nulls(jsonb_build_object("
                     "                        'amount_eur_cents', a.amount_eur_cents,"
                     "                        'amount_minor', a.amount_minor, 'currency', a.currency,"
                     "                        'rate', a.rate, 'rate_date', a.rate_date,"
                     "                        'rate_source', a.rate_source,"
                     "                        'refusal_motif', a.refusal_motif, 'text', a.decision_text,"
                     "                        'missing_pieces', to_jsonb(a.missing_pieces)))),"
                     "        'delivered', 1, w.at, w.at, w.at + interval '2 minutes'"
                     "   FROM owed w JOIN affaire a ON a.id = w.id JOIN organisme o ON o.id = a.organisme_id"
                     "  WHERE w.at < now() - interval '1 day'",
                     2, params, error)
         && ins_db_run (conn,
                        OWED_NOTIFICATIONS
                        " SELECT count(ins_outbox_enqueue(w.id, w.kind)) FROM owed w"
                        "  WHERE w.at >= now() - interval '1 day'",
                        2, params, error);
}

gboolean
ins_seed_store_flush_commits (PGconn  *conn,
                              GError **error)
{
  /* A transaction with an id, committed synchronously, flushes the WAL up
   * to its commit: the loaders' commits before it too. PostgreSQL commits
   * asynchronously, whatever synchronous_commit says, a transaction that
   * wrote no WAL of its own: a logical message (it touches no table) is
   * that write. From then on this session commits synchronously: the
   * commit position VACUUM checks before hinting a row is the latest of 32
   * neighbouring transaction ids, and an ANALYZE committed asynchronously
   * would push the loads' position past what is on disk again. */
  if (!ins_db_begin (conn, error))
    return FALSE;
  if (!ins_db_run (conn, "SET synchronous_commit = on", 0, NULL, error)
      || !ins_db_run (conn, "SELECT pg_current_xact_id(),"
                            " pg_logical_emit_message(false, 'instruction-seed', 'loads committed')",
                      0, NULL, error)
      || !ins_db_commit (conn, error))
    {
      ins_db_rollback (conn);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
ins_seed_store_tables (PGconn  *conn,
                       GError **error)
{
  g_autoptr(PGresult) res = NULL;
  GPtrArray *tables;

  res = ins_db_exec (conn,
                     "SELECT c.oid::regclass::text FROM pg_class c"
                     " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'"
                     " ORDER BY pg_total_relation_size(c.oid) DESC, 1",
                     0, NULL, error);
  if (res == NULL)
    return NULL;
  tables = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (tables, g_strdup (PQgetvalue (res, i, 0)));
  return tables;
}

gboolean
ins_seed_store_vacuum (PGconn      *conn,
                       const char  *table,
                       GError     **error)
{
  /* @table comes quoted from ins_seed_store_tables(): an identifier, which
   * no parameter can stand for. */
  g_autofree char *sql = g_strdup_printf ("VACUUM (FREEZE, ANALYZE) %s", table);

  return ins_db_run (conn, sql, 0, NULL, error);
}

static void
append_escaped (GString *row, const char *value)
{
  for (const char *p = value; *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (row, "\\\\"); break;
        case '\t': g_string_append (row, "\\t"); break;
        case '\n': g_string_append (row, "\\n"); break;
        case '\r': g_string_append (row, "\\r"); break;
        default: g_string_append_c (row, *p); break;
        }
    }
}

void
ins_seed_row_text (GString    *row,
                   const char *value)
{
  if (value == NULL)
    {
      ins_seed_row_null (row);
      return;
    }
  append_escaped (row, value);
  g_string_append_c (row, '\t');
}

void
ins_seed_row_int (GString *row,
                  gint64   value)
{
  g_string_append_printf (row, "%" G_GINT64_FORMAT "\t", value);
}

void
ins_seed_row_null (GString *row)
{
  g_string_append (row, "\\N\t");
}

void
ins_seed_row_bool (GString  *row,
                   gboolean  value)
{
  g_string_append (row, value ? "t\t" : "f\t");
}

void
ins_seed_row_bytea (GString      *row,
                    const guint8 *bytes,
                    gsize         size)
{
  static const char hex[] = "0123456789abcdef";

  /* The bytea hex form; its backslash is doubled for the COPY text format. */
  g_string_append (row, "\\\\x");
  for (gsize i = 0; i < size; i++)
    {
      g_string_append_c (row, hex[bytes[i] >> 4]);
      g_string_append_c (row, hex[bytes[i] & 0xf]);
    }
  g_string_append_c (row, '\t');
}

void
ins_seed_row_text_array (GString            *row,
                         const char * const *values)
{
  g_autoptr(GString) literal = g_string_new ("{");

  if (values == NULL)
    {
      ins_seed_row_null (row);
      return;
    }
  for (int i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (literal, ',');
      g_string_append_c (literal, '"');
      for (const char *p = values[i]; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (literal, '\\');
          g_string_append_c (literal, *p);
        }
      g_string_append_c (literal, '"');
    }
  g_string_append_c (literal, '}');
  ins_seed_row_text (row, literal->str);
}

void
ins_seed_row_end (GString *row)
{
  if (row->len > 0 && row->str[row->len - 1] == '\t')
    row->str[row->len - 1] = '\n';
  else
    g_string_append_c (row, '\n');
}
