/* ins-affaire-store.c — reading affaires, their pieces and the people */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ins-affaire-store.h"
#include "ins-db.h"
#include "ins-db-row.h"
#include "ins-preview-store.h"

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND,
                       _("This affaire no longer exists or is not visible to you"));
}

InsAgent *
ins_affaire_store_current_agent (PGconn  *conn,
                                 GError **error)
{
  g_autoptr(PGresult) res = ins_db_exec (conn,
                                         "SELECT " INS_DB_AGENT_COLUMNS " FROM " INS_DB_AGENT_FROM
                                         " WHERE a.login = current_user AND a.active",
                                         0, NULL, error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN,
                           _("This database login is not an active agent"));
      return NULL;
    }
  return ins_db_row_agent (res, 0, 0);
}

InsAgent *
ins_affaire_store_agent (PGconn  *conn,
                         int      agent_id,
                         GError **error)
{
  g_autofree char *id = g_strdup_printf ("%d", agent_id);
  const char *params[] = { id };
  g_autoptr(PGresult) res = ins_db_exec (conn,
                                         "SELECT " INS_DB_AGENT_COLUMNS " FROM " INS_DB_AGENT_FROM
                                         " WHERE a.id = $1", 1, params, error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND, _("Unknown agent"));
      return NULL;
    }
  return ins_db_row_agent (res, 0, 0);
}

GPtrArray *
ins_affaire_store_agents (PGconn  *conn,
                          int      organisme_id,
                          GError **error)
{
  g_autofree char *id = g_strdup_printf ("%d", organisme_id);
  const char *params[] = { id };
  g_autoptr(PGresult) res = ins_db_exec (conn,
                                         "SELECT " INS_DB_AGENT_COLUMNS " FROM " INS_DB_AGENT_FROM
                                         " WHERE a.active AND ($1 = 0 OR a.organisme_id = $1)"
                                         " ORDER BY a.display_name, a.id", 1, params, error);
  GPtrArray *agents;

  if (res == NULL)
    return NULL;
  agents = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_agent_unref);
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (agents, ins_db_row_agent (res, i, 0));
  return agents;
}

GPtrArray *
ins_affaire_store_organismes (PGconn  *conn,
                              GError **error)
{
  g_autoptr(PGresult) res = ins_db_exec (conn, "SELECT id, code, name, letterhead FROM organisme ORDER BY code",
                                         0, NULL, error);
  GPtrArray *list;

  if (res == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_organisme_unref);
  for (int i = 0; i < PQntuples (res); i++)
    {
      InsOrganisme *o = ins_organisme_new ();
      o->id = (int) ins_db_get_int64 (res, i, 0);
      o->code = ins_db_row_strdup (res, i, 1);
      o->name = ins_db_row_strdup (res, i, 2);
      o->letterhead = ins_db_row_strdup (res, i, 3);
      g_ptr_array_add (list, o);
    }
  return list;
}

GPtrArray *
ins_affaire_store_history (PGconn  *conn,
                           gint64   affaire_id,
                           GError **error)
{
  g_autofree char *id = id_text (affaire_id);
  const char *params[] = { id };
  g_autoptr(PGresult) res = ins_db_exec (conn,
                                         "SELECT h.id, h.at, h.agent_id, g.display_name, h.action,"
                                         "       h.from_status, h.to_status, h.comment"
                                         "  FROM history h LEFT JOIN agent g ON g.id = h.agent_id"
                                         " WHERE h.affaire_id = $1 ORDER BY h.id",
                                         1, params, error);
  GPtrArray *list;

  if (res == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_history_entry_unref);
  for (int i = 0; i < PQntuples (res); i++)
    {
      InsHistoryEntry *h = ins_history_entry_new ();
      h->id = ins_db_get_int64 (res, i, 0);
      h->at = ins_db_row_datetime (res, i, 1);
      h->agent_id = (int) ins_db_get_int64 (res, i, 2);
      h->agent_name = ins_db_row_strdup (res, i, 3);
      h->action = ins_db_row_strdup (res, i, 4);
      h->has_from_status = ins_status_from_nick (ins_db_get_string (res, i, 5), &h->from_status);
      h->has_to_status = ins_status_from_nick (ins_db_get_string (res, i, 6), &h->to_status);
      h->comment = g_strdup (ins_db_get_string (res, i, 7) ? ins_db_get_string (res, i, 7) : "");
      g_ptr_array_add (list, h);
    }
  return list;
}

GPtrArray *
ins_affaire_store_attachments (PGconn  *conn,
                               gint64   affaire_id,
                               GError **error)
{
  g_autofree char *id = id_text (affaire_id);
  const char *params[] = { id };
  g_autoptr(PGresult) res = NULL;
  g_autoptr(PGresult) pages = NULL;
  GPtrArray *list;

  res = ins_db_exec (conn,
                     "SELECT id, affaire_id, position, filename, content_type, size_bytes,"
                     "       encode(sha256, 'hex'), page_count, unreadable_reason"
                     "  FROM attachment WHERE affaire_id = $1 ORDER BY position",
                     1, params, error);
  if (res == NULL)
    return NULL;
  pages = ins_db_exec (conn,
                       "SELECT p.attachment_id, p.page_no, p.rotation, p.tag"
                       "  FROM attachment_page p JOIN attachment t ON t.id = p.attachment_id"
                       " WHERE t.affaire_id = $1 ORDER BY p.attachment_id, p.page_no",
                       1, params, error);
  if (pages == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_attachment_info_unref);
  for (int i = 0; i < PQntuples (res); i++)
    {
      InsAttachmentInfo *a = ins_attachment_info_new ();
      a->id = ins_db_get_int64 (res, i, 0);
      a->affaire_id = ins_db_get_int64 (res, i, 1);
      a->position = (int) ins_db_get_int64 (res, i, 2);
      a->filename = ins_db_row_strdup (res, i, 3);
      a->content_type = ins_db_row_strdup (res, i, 4);
      a->size_bytes = ins_db_get_int64 (res, i, 5);
      a->sha256 = ins_db_row_strdup (res, i, 6);
      a->page_count = (int) ins_db_get_int64 (res, i, 7);
      a->unreadable_reason = ins_db_row_strdup (res, i, 8);
      a->pages = g_array_new (FALSE, FALSE, sizeof (InsPageState));
      for (int j = 0; j < PQntuples (pages); j++)
        {
          InsPageState state = { 0, 0, INS_PAGE_TAG_NONE };

          if (ins_db_get_int64 (pages, j, 0) != a->id)
            continue;
          state.page_no = (int) ins_db_get_int64 (pages, j, 1);
          state.rotation = (int) ins_db_get_int64 (pages, j, 2);
          if (!ins_db_is_null (pages, j, 3))
            ins_page_tag_from_nick (ins_db_get_string (pages, j, 3), &state.tag);
          g_array_append_val (a->pages, state);
        }
      g_ptr_array_add (list, a);
    }
  if (!ins_preview_store_fill (conn, affaire_id, list, error))
    g_clear_pointer (&list, g_ptr_array_unref);
  return list;
}

GBytes *
ins_affaire_store_attachment_bytes (PGconn  *conn,
                                    gint64   attachment_id,
                                    GError **error)
{
  g_autofree char *id = id_text (attachment_id);
  const char *params[] = { id };
  g_autoptr(PGresult) res = NULL;

  /* Binary result: the bytes as they are, no hex round trip. */
  res = PQexecParams (conn,
                      "SELECT b.bytes FROM attachment t JOIN blob b ON b.sha256 = t.sha256 WHERE t.id = $1",
                      1, NULL, params, NULL, NULL, 1);
  if (res == NULL || PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      ins_store_set_error_from_result (error, conn, res);
      return NULL;
    }
  if (PQntuples (res) == 0)
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_NOT_FOUND,
                           _("This document no longer exists or is not visible to you"));
      return NULL;
    }
  return g_bytes_new (PQgetvalue (res, 0, 0), (gsize) PQgetlength (res, 0, 0));
}

static gboolean
upsert_page (PGconn     *conn,
             const char *sql,
             gint64      attachment_id,
             int         page_no,
             const char *value,
             GError    **error)
{
  g_autofree char *id = id_text (attachment_id);
  g_autofree char *page = g_strdup_printf ("%d", page_no);
  const char *params[] = { id, page, value };
  g_autoptr(GError) local_error = NULL;

  if (ins_db_run (conn, sql, 3, params, &local_error))
    return TRUE;
  if (g_error_matches (local_error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN))
    {
      g_set_error_literal (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN,
                           _("Take the affaire before tagging or turning its pages"));
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
ins_affaire_store_set_page_rotation (PGconn  *conn,
                                     gint64   attachment_id,
                                     int      page_no,
                                     int      rotation,
                                     GError **error)
{
  g_autofree char *value = NULL;

  rotation = ((rotation % 360) + 360) % 360;
  value = g_strdup_printf ("%d", rotation);
  return upsert_page (conn,
                      "INSERT INTO attachment_page (attachment_id, page_no, rotation) VALUES ($1, $2, $3)"
                      " ON CONFLICT (attachment_id, page_no) DO UPDATE SET rotation = EXCLUDED.rotation",
                      attachment_id, page_no, value, error);
}

gboolean
ins_affaire_store_set_page_tag (PGconn     *conn,
                                gint64      attachment_id,
                                int         page_no,
                                InsPageTag  tag,
                                GError    **error)
{
  return upsert_page (conn,
                      "INSERT INTO attachment_page (attachment_id, page_no, tag) VALUES ($1, $2, $3)"
                      " ON CONFLICT (attachment_id, page_no) DO UPDATE SET tag = EXCLUDED.tag",
                      attachment_id, page_no,
                      tag == INS_PAGE_TAG_NONE ? NULL : ins_page_tag_to_nick (tag), error);
}

char *
ins_affaire_store_put_blob (PGconn  *conn,
                            GBytes  *bytes,
                            GError **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *values[] = { (const char *) digest, data ? data : "" };
  int lengths[] = { 32, (int) size };
  int formats[] = { 1, 1 };
  g_autoptr(PGresult) res = NULL;

  g_checksum_update (checksum, (const guchar *) data, size);
  g_checksum_get_digest (checksum, digest, &digest_len);
  /* Not ON CONFLICT: under row security that would also check the new row
   * against blob's SELECT policy, which a courrier not yet sent fails. */
  if (!ins_db_run (conn, "SAVEPOINT ins_put_blob", 0, NULL, error))
    return NULL;
  res = PQexecParams (conn, "INSERT INTO blob (sha256, bytes) VALUES ($1, $2)",
                      2, NULL, values, lengths, formats, 0);
  if (res == NULL || PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      g_autoptr(GError) local = NULL;

      ins_store_set_error_from_result (&local, conn, res);
      if (!g_error_matches (local, INS_STORE_ERROR, INS_STORE_ERROR_DUPLICATE))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      /* Same bytes already stored: nothing to add. */
      if (!ins_db_run (conn, "ROLLBACK TO SAVEPOINT ins_put_blob", 0, NULL, error))
        return NULL;
    }
  if (!ins_db_run (conn, "RELEASE SAVEPOINT ins_put_blob", 0, NULL, error))
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* Loading the whole affaire ------------------------------------------------ */

static gboolean
load_header (PGconn *conn, InsAffaire *a, const char *id, GError **error)
{
  const char *params[] = { id };
  g_autoptr(PGresult) res = ins_db_exec (conn,
    "SELECT a.id, a.numero, a.submission_id, a.kind, a.status, a.organisme_id, o.code, o.name,"
    "       a.assure_id, a.nir, a.nom, a.prenom, s.birth_date, s.address, a.beneficiaire,"
    "       a.country, a.oc_label, a.amount_minor, a.currency, a.received_at, a.due_at,"
    "       a.sla_paused_since, a.priority, a.assignee_id, g.display_name, a.lease_until,"
    "       a.version, a.excluded, a.exclusion_reason, a.non_exploitable_reason, a.updated_at,"
    "       a.closed_at, a.decided_at, a.decided_by, d.display_name, a.amount_eur_cents,"
    "       a.rate, a.rate_date, a.rate_source, a.refusal_motif, a.decision_text,"
    "       a.missing_pieces, encode(a.courrier_sha256, 'hex')"
    "  FROM affaire a JOIN organisme o ON o.id = a.organisme_id"
    "  JOIN assure s ON s.id = a.assure_id"
    "  LEFT JOIN agent g ON g.id = a.assignee_id"
    "  LEFT JOIN agent d ON d.id = a.decided_by"
    " WHERE a.id = $1", 1, params, error);
  int c = 0;

  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    {
      set_not_found (error);
      return FALSE;
    }
  a->id = ins_db_get_int64 (res, 0, c++);
  a->numero = ins_db_row_strdup (res, 0, c++);
  a->submission_id = ins_db_row_strdup (res, 0, c++);
  ins_kind_from_nick (ins_db_get_string (res, 0, c++), &a->kind);
  ins_status_from_nick (ins_db_get_string (res, 0, c++), &a->status);
  a->organisme_id = (int) ins_db_get_int64 (res, 0, c++);
  a->organisme_code = ins_db_row_strdup (res, 0, c++);
  a->organisme_name = ins_db_row_strdup (res, 0, c++);
  a->assure_id = ins_db_get_int64 (res, 0, c++);
  a->nir = ins_db_row_strdup (res, 0, c++);
  a->nom = ins_db_row_strdup (res, 0, c++);
  a->prenom = ins_db_row_strdup (res, 0, c++);
  ins_db_row_date (res, 0, c++, &a->assure_birth_date);
  a->assure_address = ins_db_row_strdup (res, 0, c++);
  a->beneficiaire = ins_db_row_strdup (res, 0, c++);
  a->country = ins_db_row_strdup (res, 0, c++);
  a->oc_label = ins_db_row_strdup (res, 0, c++);
  a->amount_minor = ins_db_get_int64 (res, 0, c++);
  a->currency = ins_db_row_strdup (res, 0, c++);
  a->received_at = ins_db_row_datetime (res, 0, c++);
  a->due_at = ins_db_row_datetime (res, 0, c++);
  a->sla_paused_since = ins_db_row_datetime (res, 0, c++);
  a->priority = (int) ins_db_get_int64 (res, 0, c++);
  a->assignee_id = (int) ins_db_get_int64 (res, 0, c++);
  a->assignee_name = ins_db_row_strdup (res, 0, c++);
  a->lease_until = ins_db_row_datetime (res, 0, c++);
  a->version = (int) ins_db_get_int64 (res, 0, c++);
  a->excluded = ins_db_get_bool (res, 0, c++);
  a->exclusion_reason = ins_db_row_strdup (res, 0, c++);
  a->non_exploitable_reason = ins_db_row_strdup (res, 0, c++);
  a->updated_at = ins_db_row_datetime (res, 0, c++);
  a->closed_at = ins_db_row_datetime (res, 0, c++);
  a->decided_at = ins_db_row_datetime (res, 0, c++);
  a->decided_by = (int) ins_db_get_int64 (res, 0, c++);
  a->decided_by_name = ins_db_row_strdup (res, 0, c++);
  a->has_amount_eur = !ins_db_is_null (res, 0, c);
  a->amount_eur_cents = ins_db_get_int64 (res, 0, c++);
  a->rate = ins_db_row_strdup (res, 0, c++);
  ins_db_row_date (res, 0, c++, &a->rate_date);
  a->rate_source = ins_db_row_strdup (res, 0, c++);
  a->has_refusal_motif = ins_motif_from_nick (ins_db_get_string (res, 0, c++), &a->refusal_motif);
  a->decision_text = ins_db_row_strdup (res, 0, c++);
  a->missing_pieces = ins_db_row_strv (res, 0, c++);
  a->courrier_sha256 = ins_db_row_strdup (res, 0, c++);
  return TRUE;
}

static gboolean
load_soins (PGconn *conn, InsAffaire *a, const char *id, GError **error)
{
  const char *params[] = { id };
  g_autoptr(PGresult) res = ins_db_exec (conn,
    "SELECT ouvreur_birth_date, nationality, situation, beneficiaire_is_ouvreur,"
    "       beneficiaire_nom, beneficiaire_prenom, beneficiaire_birth_date, reason, planned,"
    "       nature, care_from, care_to, stay_from, stay_to, stay_motif, hospitalisation, certified"
    "  FROM soins_etranger WHERE affaire_id = $1", 1, params, error);
  InsSoinsEtranger *s;

  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    return TRUE;
  s = a->soins = ins_soins_etranger_new ();
  ins_db_row_date (res, 0, 0, &s->ouvreur_birth_date);
  s->nationality = ins_db_row_strdup (res, 0, 1);
  s->situation = ins_db_row_strdup (res, 0, 2);
  s->beneficiaire_is_ouvreur = ins_db_get_bool (res, 0, 3);
  s->beneficiaire_nom = ins_db_row_strdup (res, 0, 4);
  s->beneficiaire_prenom = ins_db_row_strdup (res, 0, 5);
  ins_db_row_date (res, 0, 6, &s->beneficiaire_birth_date);
  s->reason = ins_db_row_strdup (res, 0, 7);
  s->planned = ins_db_get_bool (res, 0, 8);
  s->nature = ins_db_row_strdup (res, 0, 9);
  ins_db_row_date (res, 0, 10, &s->care_from);
  ins_db_row_date (res, 0, 11, &s->care_to);
  ins_db_row_date (res, 0, 12, &s->stay_from);
  ins_db_row_date (res, 0, 13, &s->stay_to);
  s->stay_motif = ins_db_row_strdup (res, 0, 14);
  s->hospitalisation = ins_db_get_bool (res, 0, 15);
  s->certified = ins_db_get_bool (res, 0, 16);
  return TRUE;
}

static gboolean
load_oc (PGconn *conn, InsAffaire *a, const char *id, GError **error)
{
  const char *params[] = { id };
  g_autoptr(PGresult) res = ins_db_exec (conn,
    "SELECT rank, nom, prenom, birth_date, oc1_name, oc1_member, oc1_start,"
    "       oc2_name, oc2_member, oc2_start, chosen, precarity"
    "  FROM oc_beneficiaire WHERE affaire_id = $1 ORDER BY rank", 1, params, error);

  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      InsOcBeneficiaire *b = ins_oc_beneficiaire_new ();
      b->rank = (int) ins_db_get_int64 (res, i, 0);
      b->nom = ins_db_row_strdup (res, i, 1);
      b->prenom = ins_db_row_strdup (res, i, 2);
      ins_db_row_date (res, i, 3, &b->birth_date);
      b->oc1_name = ins_db_row_strdup (res, i, 4);
      b->oc1_member = ins_db_row_strdup (res, i, 5);
      ins_db_row_date (res, i, 6, &b->oc1_start);
      b->oc2_name = ins_db_row_strdup (res, i, 7);
      b->oc2_member = ins_db_row_strdup (res, i, 8);
      ins_db_row_date (res, i, 9, &b->oc2_start);
      b->chosen = (int) ins_db_get_int64 (res, i, 10);
      b->precarity = ins_db_get_bool (res, i, 11);
      g_ptr_array_add (a->oc_beneficiaires, b);
    }
  return TRUE;
}

static gboolean
load_avis (PGconn *conn, const InsAgent *agent, InsAffaire *a, const char *id, GError **error)
{
  const char *params[] = { id };
  g_autoptr(PGresult) res = ins_db_exec (conn,
    "SELECT m.id, m.requested_by, r.display_name, m.requested_at, m.question,"
    "       m.answered_by, w.display_name, m.answered_at, m.conclusion, m.conclusion_text"
    "  FROM avis_medical m LEFT JOIN agent r ON r.id = m.requested_by"
    "  LEFT JOIN agent w ON w.id = m.answered_by"
    " WHERE m.affaire_id = $1 ORDER BY m.id DESC LIMIT 1", 1, params, error);
  InsAvisMedical *m;

  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    return TRUE;
  m = a->avis = ins_avis_medical_new ();
  m->id = ins_db_get_int64 (res, 0, 0);
  m->requested_by = (int) ins_db_get_int64 (res, 0, 1);
  m->requested_by_name = ins_db_row_strdup (res, 0, 2);
  m->requested_at = ins_db_row_datetime (res, 0, 3);
  m->question = ins_db_row_strdup (res, 0, 4);
  m->answered_by = (int) ins_db_get_int64 (res, 0, 5);
  m->answered_by_name = ins_db_row_strdup (res, 0, 6);
  m->answered_at = ins_db_row_datetime (res, 0, 7);
  m->answered = ins_avis_from_nick (ins_db_get_string (res, 0, 8), &m->conclusion);
  m->conclusion_text = ins_db_row_strdup (res, 0, 9);

  /* Medical secrecy: only a médecin-conseil reads the reasoning (the grants
   * refuse it to everyone else anyway). */
  if (agent != NULL && agent->role == INS_ROLE_MEDECIN_CONSEIL && m->answered)
    {
      g_autofree char *avis_id = g_strdup_printf ("%" G_GINT64_FORMAT, m->id);
      const char *p[] = { avis_id };
      g_autoptr(PGresult) r = ins_db_exec (conn, "SELECT reasoning FROM avis_medical_reasoning WHERE avis_id = $1",
                                           1, p, error);
      if (r == NULL)
        return FALSE;
      if (PQntuples (r) > 0)
        m->reasoning = ins_db_row_strdup (r, 0, 0);
    }
  return TRUE;
}

InsAffaire *
ins_affaire_store_load (PGconn          *conn,
                        const InsAgent  *agent,
                        gint64           affaire_id,
                        GError         **error)
{
  g_autoptr(InsAffaire) a = ins_affaire_new ();
  g_autofree char *id = id_text (affaire_id);

  g_date_clear (&a->assure_birth_date, 1);
  g_date_clear (&a->rate_date, 1);
  a->oc_beneficiaires = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_oc_beneficiaire_free);

  if (!ins_db_run (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, NULL, error))
    return NULL;
  if (!load_header (conn, a, id, error)
      || (a->kind == INS_KIND_SOINS_ETRANGER && !load_soins (conn, a, id, error))
      || (a->kind == INS_KIND_CHEVAUCHEMENT_OC && !load_oc (conn, a, id, error))
      || !(a->attachments = ins_affaire_store_attachments (conn, affaire_id, error))
      || !(a->history = ins_affaire_store_history (conn, affaire_id, error))
      || !load_avis (conn, agent, a, id, error)
      || !ins_db_commit (conn, error))
    {
      ins_db_rollback (conn);
      return NULL;
    }
  return g_steal_pointer (&a);
}
