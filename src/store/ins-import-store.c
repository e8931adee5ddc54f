/* ins-import-store.c — writes one imported submission in one transaction */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-db.h"
#include "ins-import-store.h"
#include "ins-preview-store.h"

void
ins_import_store_result_clear (InsImportStoreResult *result)
{
  g_clear_pointer (&result->numero, g_free);
  *result = (InsImportStoreResult) { 0 };
}

static const char *
bool_text (gboolean value)
{
  return value ? "true" : "false";
}

int
ins_import_store_find (PGconn               *conn,
                       const char           *submission_id,
                       InsImportStoreResult *result,
                       GError              **error)
{
  const char *params[] = { submission_id };
  g_autoptr(PGresult) res = NULL;

  ins_import_store_result_clear (result);
  res = ins_db_exec (conn,
                     "SELECT a.id, a.numero, a.status"
                     "  FROM affaire_submission s JOIN affaire a ON a.id = s.affaire_id"
                     " WHERE s.submission_id = $1",
                     1, params, error);
  if (res == NULL)
    return -1;
  if (PQntuples (res) == 0)
    return FALSE;
  result->affaire_id = ins_db_get_int64 (res, 0, 0);
  result->numero = g_strdup (ins_db_get_string (res, 0, 1));
  ins_status_from_nick (ins_db_get_string (res, 0, 2), &result->status);
  result->already = TRUE;
  return TRUE;
}

static gint64
upsert_assure (PGconn              *conn,
               const InsSubmission *sub,
               GError             **error)
{
  const char *params[] = { sub->nir, sub->nom, sub->prenom, sub->birth_date, sub->address };
  g_autoptr(PGresult) res = NULL;

  res = ins_db_exec (conn,
                     "INSERT INTO assure (nir, nom, prenom, birth_date, address)"
                     " VALUES ($1, $2, $3, $4::date, $5)"
                     " ON CONFLICT (nir) DO UPDATE SET nom = EXCLUDED.nom, prenom = EXCLUDED.prenom,"
                     "   birth_date = EXCLUDED.birth_date, address = EXCLUDED.address"
                     " RETURNING id",
                     G_N_ELEMENTS (params), params, error);
  return res ? ins_db_get_int64 (res, 0, 0) : 0;
}

/* Returns FALSE on error; @out->affaire_id stays 0 when the submission id won a race elsewhere. */
static gboolean
insert_affaire (PGconn               *conn,
                const InsSubmission  *sub,
                const char           *organisme_id,
                gint64                assure_id,
                GDateTime            *due_at,
                InsImportStoreResult *out,
                GError              **error)
{
  g_autofree char *assure = g_strdup_printf ("%" G_GINT64_FORMAT, assure_id);
  g_autofree char *received = g_date_time_format_iso8601 (sub->submitted_at);
  g_autofree char *due = g_date_time_format_iso8601 (due_at);
  g_autofree char *amount = NULL;
  gboolean se = sub->kind == INS_KIND_SOINS_ETRANGER;
  InsStatus status = sub->non_exploitable_reason ? INS_STATUS_NON_EXPLOITABLE : INS_STATUS_RECUE;
  g_autoptr(PGresult) res = NULL;

  if (se)
    amount = g_strdup_printf ("%" G_GINT64_FORMAT, sub->se.amount_minor);

  {
    const char *params[] = {
      se ? "SE" : "OC", sub->submission_id, ins_kind_to_nick (sub->kind),
      ins_status_to_nick (status), organisme_id, assure, received, due,
      sub->nir, sub->nom, sub->prenom, sub->beneficiaire_label,
      se ? sub->se.country : NULL, se ? NULL : sub->oc_label, amount, se ? sub->se.currency : NULL,
      bool_text (sub->excluded), sub->exclusion_reason, sub->non_exploitable_reason,
    };

    res = ins_db_exec (conn,
                       "WITH n AS (SELECT nextval('affaire_numero_seq') AS v)"
                       " INSERT INTO affaire (numero, submission_id, kind, status, organisme_id,"
                       "   assure_id, received_at, due_at, nir, nom, prenom, beneficiaire, country,"
                       "   oc_label, amount_minor, currency, excluded, exclusion_reason,"
                       "   non_exploitable_reason)"
                       " SELECT $1 || '-' || to_char($7::timestamptz AT TIME ZONE 'Europe/Paris', 'YYYY')"
                       "          || '-' || CASE WHEN n.v < 10000000 THEN lpad(n.v::text, 7, '0')"
                       "                         ELSE n.v::text END,"
                       "        $2, $3::affaire_kind, $4::affaire_status, $5::smallint, $6::bigint,"
                       "        $7::timestamptz, $8::timestamptz, $9, $10, $11, $12, $13, $14,"
                       "        $15::bigint, $16, $17::boolean, $18, $19"
                       "   FROM n"
                       " RETURNING id, numero",
                       G_N_ELEMENTS (params), params, error);
  }
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 1)
    {
      out->affaire_id = ins_db_get_int64 (res, 0, 0);
      out->numero = g_strdup (ins_db_get_string (res, 0, 1));
      out->status = status;
    }
  return TRUE;
}

static gboolean
insert_soins_etranger (PGconn              *conn,
                       const InsSubmission *sub,
                       const char          *affaire_id,
                       GError             **error)
{
  const InsSoinsEtrangerDeclaration *se = &sub->se;
  gboolean own = se->beneficiaire_is_ouvreur;
  const char *params[] = {
    affaire_id, sub->birth_date, se->nationality, se->situation, bool_text (own),
    own ? sub->nom : se->beneficiaire_nom, own ? sub->prenom : se->beneficiaire_prenom,
    own ? sub->birth_date : se->beneficiaire_birth_date, se->reason, bool_text (se->planned),
    se->nature, se->care_from, se->care_to, se->stay_from, se->stay_to, se->stay_motif,
    bool_text (se->hospitalisation), bool_text (se->certified),
  };

  return ins_db_run (conn,
                     "INSERT INTO soins_etranger (affaire_id, ouvreur_birth_date, nationality,"
                     "   situation, beneficiaire_is_ouvreur, beneficiaire_nom, beneficiaire_prenom,"
                     "   beneficiaire_birth_date, reason, planned, nature, care_from, care_to,"
                     "   stay_from, stay_to, stay_motif, hospitalisation, certified)"
                     " VALUES ($1::bigint, $2::date, $3, $4, $5::boolean, $6, $7, $8::date, $9,"
                     "   $10::boolean, $11, $12::date, $13::date, $14::date, $15::date, $16,"
                     "   $17::boolean, $18::boolean)",
                     G_N_ELEMENTS (params), params, error);
}

static gboolean
insert_oc_beneficiaires (PGconn              *conn,
                         const InsSubmission *sub,
                         const char          *affaire_id,
                         GError             **error)
{
  for (guint i = 0; i < sub->beneficiaires->len; i++)
    {
      const InsOcBeneficiaire *b = sub->beneficiaires->pdata[i];
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *chosen = g_strdup_printf ("%d", b->chosen);
      const char *params[] = {
        affaire_id, rank, b->nom, b->prenom, b->birth_date,
        b->oc_name[0], b->oc_member[0], b->oc_start[0],
        b->oc_name[1], b->oc_member[1], b->oc_start[1],
        chosen, bool_text (b->precarity),
      };

      if (!ins_db_run (conn,
                       "INSERT INTO oc_beneficiaire (affaire_id, rank, nom, prenom, birth_date,"
                       "   oc1_name, oc1_member, oc1_start, oc2_name, oc2_member, oc2_start,"
                       "   chosen, precarity)"
                       " VALUES ($1::bigint, $2::smallint, $3, $4, $5::date, $6, $7, $8::date,"
                       "   $9, $10, $11::date, $12::smallint, $13::boolean)",
                       G_N_ELEMENTS (params), params, error))
        return FALSE;
    }
  return TRUE;
}

/* Like ins_db_run() with some binary parameters (@formats 1, of @lengths bytes). */
static gboolean
run_binary (PGconn             *conn,
            const char         *sql,
            int                 n_params,
            const char * const *values,
            const int          *lengths,
            const int          *formats,
            GError            **error)
{
  g_autoptr(PGresult) res = NULL;
  ExecStatusType status;

  res = PQexecParams (conn, sql, n_params, NULL, values, lengths, formats, 0);
  status = res ? PQresultStatus (res) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      ins_store_set_error_from_result (error, conn, res);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_attachments (PGconn              *conn,
                    const InsSubmission *sub,
                    const char          *affaire_id,
                    GError             **error)
{
  for (guint i = 0; i < sub->attachments->len; i++)
    {
      const InsSubmissionAttachment *a = sub->attachments->pdata[i];
      gsize len = 0;
      const char *data = g_bytes_get_data (a->bytes, &len);
      g_autofree char *position = g_strdup_printf ("%u", i + 1);
      g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, len);
      g_autofree char *pages = a->page_count > 0 ? g_strdup_printf ("%d", a->page_count) : NULL;
      const char *blob_values[] = { (const char *) a->sha256, data ? data : "" };
      const int blob_lengths[] = { sizeof a->sha256, (int) len };
      const int blob_formats[] = { 1, 1 };
      const char *values[] = {
        affaire_id, position, a->filename, a->content_type, size, (const char *) a->sha256,
        pages, a->unreadable_reason,
      };
      const int lengths[] = { 0, 0, 0, 0, 0, sizeof a->sha256, 0, 0 };
      const int formats[] = { 0, 0, 0, 0, 0, 1, 0, 0 };

      g_return_val_if_fail (a->bytes != NULL, FALSE);
      /* Sending the bytes only when the hash is new keeps re-sent pieces cheap. */
      if (!run_binary (conn,
                       "INSERT INTO blob (sha256, bytes)"
                       " SELECT $1::bytea, $2::bytea"
                       "  WHERE NOT EXISTS (SELECT FROM blob WHERE sha256 = $1::bytea)"
                       " ON CONFLICT (sha256) DO NOTHING",
                       2, blob_values, blob_lengths, blob_formats, error))
        return FALSE;
      if (a->preview != NULL && !ins_preview_store_put (conn, a->sha256, a->preview, error))
        return FALSE;
      if (!run_binary (conn,
                       "INSERT INTO attachment (affaire_id, position, filename, content_type,"
                       "   size_bytes, sha256, page_count, unreadable_reason)"
                       " VALUES ($1::bigint, $2::smallint, $3, $4, $5::integer, $6::bytea,"
                       "   $7::integer, $8)",
                       G_N_ELEMENTS (values), values, lengths, formats, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_rest (PGconn               *conn,
            const InsSubmission  *sub,
            InsImportStoreResult *out,
            GError              **error)
{
  g_autofree char *affaire_id = g_strdup_printf ("%" G_GINT64_FORMAT, out->affaire_id);
  g_autoptr(GString) comment = g_string_new (NULL);

  if (sub->kind == INS_KIND_SOINS_ETRANGER)
    {
      if (!insert_soins_etranger (conn, sub, affaire_id, error))
        return FALSE;
    }
  else if (!insert_oc_beneficiaires (conn, sub, affaire_id, error))
    return FALSE;
  if (!insert_attachments (conn, sub, affaire_id, error))
    return FALSE;

  g_string_printf (comment, _("Submission %s imported"), sub->submission_id);
  if (sub->excluded)
    g_string_append_printf (comment, "\n%s %s", _("Not eligible:"), sub->exclusion_reason);
  if (sub->non_exploitable_reason)
    g_string_append_printf (comment, "\n%s %s", _("Unreadable attachments:"),
                            sub->non_exploitable_reason);
  {
    const char *params[] = { affaire_id, ins_status_to_nick (out->status), comment->str };

    if (!ins_db_run (conn,
                     "INSERT INTO history (affaire_id, action, to_status, comment)"
                     " VALUES ($1::bigint, 'import', $2::affaire_status, $3)",
                     G_N_ELEMENTS (params), params, error))
      return FALSE;
  }
  {
    const char *params[] = { affaire_id };

    return ins_db_run (conn, "SELECT ins_outbox_enqueue($1::bigint, 'accuse_reception')",
                       G_N_ELEMENTS (params), params, error);
  }
}

static gboolean
write_in_transaction (PGconn               *conn,
                      const InsSubmission  *sub,
                      GDateTime            *due_at,
                      InsImportStoreResult *result,
                      GError              **error)
{
  const char *code[] = { sub->organisme_code };
  g_autoptr(PGresult) organisme = NULL;
  gint64 assure_id;
  int found;

  organisme = ins_db_exec (conn, "SELECT id FROM organisme WHERE code = $1", 1, code, error);
  if (organisme == NULL)
    return FALSE;
  if (PQntuples (organisme) == 0)
    {
      g_set_error (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND,
                   _("Unknown organisme « %s »"), sub->organisme_code);
      return FALSE;
    }

  found = ins_import_store_find (conn, sub->submission_id, result, error);
  if (found != FALSE)
    return found == TRUE;

  assure_id = upsert_assure (conn, sub, error);
  if (assure_id == 0)
    return FALSE;
  if (!insert_affaire (conn, sub, ins_db_get_string (organisme, 0, 0), assure_id, due_at,
                       result, error))
    return FALSE;
  if (result->affaire_id == 0)
    {
      /* Imported by someone else since the look-up above. */
      return ins_import_store_find (conn, sub->submission_id, result, error) == TRUE;
    }
  return write_rest (conn, sub, result, error);
}

gboolean
ins_import_store_write (PGconn               *conn,
                        const InsSubmission  *sub,
                        GDateTime            *due_at,
                        InsImportStoreResult *result,
                        GError              **error)
{
  g_return_val_if_fail (conn != NULL && sub != NULL && due_at != NULL && result != NULL, FALSE);

  ins_import_store_result_clear (result);
  if (!ins_db_begin (conn, error))
    return FALSE;
  if (!write_in_transaction (conn, sub, due_at, result, error))
    {
      ins_db_rollback (conn);
      ins_import_store_result_clear (result);
      return FALSE;
    }
  if (result->already)
    {
      ins_db_rollback (conn);
      return TRUE;
    }
  if (!ins_db_commit (conn, error))
    {
      ins_db_rollback (conn);
      ins_import_store_result_clear (result);
      return FALSE;
    }
  return TRUE;
}
