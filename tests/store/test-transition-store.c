/* test-transition-store.c — every transition allowed and refused, conflicts, outbox, secrecy */
#include "config.h"

#include "core/ins-format.h"
#include "store/ins-affaire-store.h"
#include "store/ins-claim-store.h"
#include "store/ins-db.h"
#include "store/ins-transition-store.h"
#include "ins-store-fixture.h"
#include "ins-test-db.h"

#define PREFIX "st_"

static PGconn *admin;
static PGconn *marie_conn, *paul_conn, *claire_conn, *sophie_conn;
static InsAgent *marie, *paul, *claire, *sophie;

static int
version_of (gint64 id)
{
  return (int) fixture_int (admin, "SELECT version FROM affaire WHERE id = $1", id);
}

static char *
status_of (gint64 id)
{
  return fixture_string (admin, "SELECT status::text FROM affaire WHERE id = $1", id);
}

static gint64
new_affaire (InsAffaireKind kind)
{
  FixtureAffaire spec = { .kind = kind, .with_attachment = TRUE };
  return fixture_add_affaire (admin, &spec);
}

/* Applies @t as @agent on @conn and expects success; returns the new version. */
static int
apply_ok (PGconn *conn, InsAgent *agent, InsTransition *t)
{
  g_autoptr(GError) error = NULL;
  int version = 0;

  g_assert_true (ins_transition_store_apply (conn, agent, t, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, t->version + 1);
  g_assert_cmpint (version, ==, version_of (t->affaire_id));
  return version;
}

static void
apply_fails (PGconn *conn, InsAgent *agent, InsTransition *t, InsStoreError code)
{
  g_autoptr(GError) error = NULL;
  int before = version_of (t->affaire_id);

  g_assert_false (ins_transition_store_apply (conn, agent, t, NULL, &error));
  g_assert_error (error, INS_STORE_ERROR, (int) code);
  g_assert_cmpint (version_of (t->affaire_id), ==, before);
  g_assert_cmpint (PQtransactionStatus (conn), ==, PQTRANS_IDLE);
}

static int
claim (PGconn *conn, InsAgent *agent, gint64 id)
{
  g_autoptr(InsTransition) t = ins_transition_new (INS_ACTION_CLAIM, id, version_of (id));
  return apply_ok (conn, agent, t);
}

static gint64
history_count (gint64 id, const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM history WHERE affaire_id = $1 AND action = '%s'", action);
  return fixture_int (admin, sql, id);
}

static void
test_claim_release (void)
{
  gint64 id = new_affaire (INS_KIND_SOINS_ETRANGER);
  g_autoptr(InsTransition) t = NULL;
  int v = claim (marie_conn, marie, id);
  g_autofree char *status = status_of (id);

  g_assert_cmpstr (status, ==, "en_cours");
  g_assert_cmpint (fixture_int (admin, "SELECT assignee_id FROM affaire WHERE id = $1", id), ==, marie->id);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire WHERE id = $1 AND lease_until > now()", id), ==, 1);

  /* Paul cannot take it while Marie's lease lives, nor release it. */
  t = ins_transition_new (INS_ACTION_CLAIM, id, v);
  apply_fails (paul_conn, paul, t, INS_STORE_ERROR_NOT_ALLOWED);
  t->action = INS_ACTION_RELEASE;
  apply_fails (paul_conn, paul, t, INS_STORE_ERROR_NOT_ALLOWED);
  /* A médecin-conseil never claims. */
  t->action = INS_ACTION_CLAIM;
  apply_fails (claire_conn, claire, t, INS_STORE_ERROR_NOT_FOUND);

  t->action = INS_ACTION_RELEASE;
  t->comment = g_strdup ("Pause déjeuner");
  v = apply_ok (marie_conn, marie, t);
  g_clear_pointer (&status, g_free);
  status = status_of (id);
  g_assert_cmpstr (status, ==, "recue");
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire WHERE id = $1 AND assignee_id IS NULL"
                                       " AND lease_until IS NULL", id), ==, 1);
  g_assert_cmpint (history_count (id, "release"), ==, 1);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM history WHERE affaire_id = $1 AND action = 'release'"
                                       " AND from_status = 'en_cours' AND to_status = 'recue'"
                                       " AND comment = 'Pause déjeuner'", id), ==, 1);
  /* Releasing twice is refused by the status machine. */
  t->version = v;
  apply_fails (marie_conn, marie, t, INS_STORE_ERROR_NOT_ALLOWED);
}

static void
test_conflict_says_who (void)
{
  gint64 id = new_affaire (INS_KIND_SOINS_ETRANGER);
  int seen = claim (marie_conn, marie, id);
  g_autoptr(InsTransition) release = ins_transition_new (INS_ACTION_RELEASE, id, seen);
  g_autoptr(InsTransition) refuse = ins_transition_new (INS_ACTION_REFUSE, id, seen);
  g_autoptr(GError) error = NULL;
  g_autofree char *at = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *day = NULL;

  /* The supervisor acts first, from another connection. */
  apply_ok (sophie_conn, sophie, release);

  refuse->motif = INS_MOTIF_HORS_DELAI;
  g_assert_false (ins_transition_store_apply (marie_conn, marie, refuse, NULL, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_CONFLICT);
  at = fixture_string (admin, "SELECT max(at)::text FROM history WHERE affaire_id = $1", id);
  when = g_date_time_new_from_iso8601 (at, NULL);
  g_assert_nonnull (when);
  day = ins_format_date_long (when);
  g_test_message ("conflict: %s", error->message);
  g_assert_nonnull (strstr (error->message, "Sophie Leroy"));
  g_assert_nonnull (strstr (error->message, day));
  g_assert_nonnull (strstr (error->message, "queue"));
  g_assert_cmpint (history_count (id, "refuse"), ==, 0);
}

static void
test_avis_medical (void)
{
  gint64 id = new_affaire (INS_KIND_SOINS_ETRANGER);
  gint64 oc = new_affaire (INS_KIND_CHEVAUCHEMENT_OC);
  int v = claim (marie_conn, marie, id);
  int voc = claim (marie_conn, marie, oc);
  g_autoptr(InsTransition) ask = ins_transition_new (INS_ACTION_REQUEST_AVIS, id, v);
  g_autoptr(InsTransition) ask_oc = ins_transition_new (INS_ACTION_REQUEST_AVIS, oc, voc);
  g_autoptr(InsTransition) answer = NULL;
  g_autoptr(InsAffaire) seen_by_marie = NULL;
  g_autoptr(InsAffaire) seen_by_claire = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *status = NULL;
  gint64 due_before;

  apply_fails (marie_conn, marie, ask, INS_STORE_ERROR_INVALID);   /* no question */
  ask_oc->comment = g_strdup ("?");
  apply_fails (marie_conn, marie, ask_oc, INS_STORE_ERROR_NOT_ALLOWED);   /* no avis for OC */

  ask->comment = g_strdup ("Les soins de kinésithérapie étaient-ils justifiés ?");
  v = apply_ok (marie_conn, marie, ask);
  status = status_of (id);
  g_assert_cmpstr (status, ==, "avis_medical_demande");
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire WHERE id = $1 AND assignee_id IS NULL"
                                       " AND sla_paused_since IS NOT NULL", id), ==, 1);
  /* Nobody but the médecin-conseil answers. */
  answer = ins_transition_new (INS_ACTION_RECORD_AVIS, id, v);
  answer->avis = INS_AVIS_DEFAVORABLE;
  answer->avis_conclusion_text = g_strdup ("Soins non justifiés médicalement");
  answer->avis_reasoning = g_strdup ("Raisonnement médical confidentiel");
  apply_fails (marie_conn, marie, answer, INS_STORE_ERROR_NOT_ALLOWED);

  /* The clock was paused: make the pause one day long, then answer. */
  ins_db_run (admin, "UPDATE affaire SET sla_paused_since = now() - interval '1 day' WHERE id = $1",
              1, (const char *[]) { g_strdup_printf ("%" G_GINT64_FORMAT, id) }, &error);
  g_assert_no_error (error);
  due_before = fixture_int (admin, "SELECT extract(epoch FROM due_at)::bigint FROM affaire WHERE id = $1", id);
  v = apply_ok (claire_conn, claire, answer);
  g_clear_pointer (&status, g_free);
  status = status_of (id);
  g_assert_cmpstr (status, ==, "en_cours");
  g_assert_cmpint (fixture_int (admin, "SELECT assignee_id FROM affaire WHERE id = $1", id), ==, marie->id);
  g_assert_cmpint (fixture_int (admin, "SELECT extract(epoch FROM due_at)::bigint FROM affaire WHERE id = $1", id)
                   - due_before, >=, 86400);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire WHERE id = $1 AND sla_paused_since IS NULL"
                                       " AND lease_until > now()", id), ==, 1);

  /* The instructeur sees the conclusion, never the reasoning. */
  seen_by_marie = ins_affaire_store_load (marie_conn, marie, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (seen_by_marie->avis);
  g_assert_true (seen_by_marie->avis->answered);
  g_assert_cmpint (seen_by_marie->avis->conclusion, ==, INS_AVIS_DEFAVORABLE);
  g_assert_cmpstr (seen_by_marie->avis->conclusion_text, ==, "Soins non justifiés médicalement");
  g_assert_cmpstr (seen_by_marie->avis->answered_by_name, ==, "Claire Bernard");
  g_assert_null (seen_by_marie->avis->reasoning);
  res = ins_db_exec (marie_conn, "SELECT reasoning FROM avis_medical_reasoning", 0, NULL, &error);
  g_assert_null (res);
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  seen_by_claire = ins_affaire_store_load (claire_conn, claire, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen_by_claire->avis->reasoning, ==, "Raisonnement médical confidentiel");
  g_assert_cmpint (seen_by_marie->version, ==, v);
}

static void
test_accept_close_soins (void)
{
  gint64 id = new_affaire (INS_KIND_SOINS_ETRANGER);
  int v = claim (marie_conn, marie, id);
  g_autoptr(InsTransition) accept = ins_transition_new (INS_ACTION_ACCEPT, id, v);
  g_autoptr(InsTransition) close = NULL;
  g_autoptr(InsAffaire) affaire = NULL;
  g_autoptr(GError) error = NULL;

  /* Closing needs a decision first. */
  close = ins_transition_new (INS_ACTION_CLOSE, id, v);
  apply_fails (marie_conn, marie, close, INS_STORE_ERROR_NOT_ALLOWED);
  /* Foreign care needs the rate, its date and source. */
  accept->amount_eur_cents = 13866;
  apply_fails (marie_conn, marie, accept, INS_STORE_ERROR_INVALID);
  accept->rate = g_strdup ("160.1");
  g_date_set_dmy (&accept->rate_date, 2, G_DATE_MARCH, 2026);
  accept->rate_source = g_strdup ("BCE");
  /* Only the holder decides. */
  apply_fails (paul_conn, paul, accept, INS_STORE_ERROR_NOT_ALLOWED);
  apply_fails (sophie_conn, sophie, accept, INS_STORE_ERROR_NOT_ALLOWED);
  v = apply_ok (marie_conn, marie, accept);

  close->version = v;
  v = apply_ok (marie_conn, marie, close);
  affaire = ins_affaire_store_load (marie_conn, marie, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (affaire->status, ==, INS_STATUS_CLOTUREE);
  g_assert_true (affaire->has_amount_eur);
  g_assert_cmpint (affaire->amount_eur_cents, ==, 13866);
  g_assert_cmpfloat (g_ascii_strtod (affaire->rate, NULL), ==, 160.1);
  g_assert_cmpint (g_date_get_day (&affaire->rate_date), ==, 2);
  g_assert_cmpstr (affaire->rate_source, ==, "BCE");
  g_assert_cmpstr (affaire->decided_by_name, ==, "Marie Dupont");
  g_assert_nonnull (affaire->closed_at);
  g_assert_cmpint (affaire->assignee_id, ==, 0);
  g_assert_nonnull (affaire->soins);
  g_assert_cmpstr (affaire->soins->stay_motif, ==, "tourisme");
  g_assert_cmpuint (affaire->attachments->len, ==, 1);
  g_assert_cmpuint (affaire->history->len, ==, 3);

  /* Exactly one notification, queued with the closing. */
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM notification_outbox WHERE affaire_id = $1", id), ==, 1);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM notification_outbox WHERE affaire_id = $1"
                                       " AND kind = 'acceptation' AND state = 'pending'", id), ==, 1);
  /* Closed is final. */
  close->version = v;
  apply_fails (marie_conn, marie, close, INS_STORE_ERROR_NOT_ALLOWED);
}

static void
test_accept_close_oc (void)
{
  gint64 id = new_affaire (INS_KIND_CHEVAUCHEMENT_OC);
  int v = claim (marie_conn, marie, id);
  g_autoptr(InsTransition) accept = ins_transition_new (INS_ACTION_ACCEPT, id, v);
  g_autoptr(InsTransition) close = NULL;
  g_autoptr(InsAffaire) affaire = NULL;
  g_autoptr(GError) error = NULL;

  v = apply_ok (marie_conn, marie, accept);
  close = ins_transition_new (INS_ACTION_CLOSE, id, v);
  apply_ok (marie_conn, marie, close);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM notification_outbox WHERE affaire_id = $1"
                                       " AND kind = 'oc_activee'", id), ==, 1);
  affaire = ins_affaire_store_load (marie_conn, marie, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (affaire->oc_beneficiaires->len, ==, 1);
  g_assert_cmpint (((InsOcBeneficiaire *) affaire->oc_beneficiaires->pdata[0])->chosen, ==, 2);
  g_assert_null (affaire->soins);
}

static void
test_excluded_cannot_be_accepted (void)
{
  FixtureAffaire spec = { .kind = INS_KIND_CHEVAUCHEMENT_OC, .excluded = TRUE };
  gint64 id = fixture_add_affaire (admin, &spec);
  int v = claim (marie_conn, marie, id);
  g_autoptr(InsTransition) accept = ins_transition_new (INS_ACTION_ACCEPT, id, v);

  apply_fails (marie_conn, marie, accept, INS_STORE_ERROR_NOT_ALLOWED);
}

static void
test_refuse_with_courrier (void)
{
  gint64 id = new_affaire (INS_KIND_SOINS_ETRANGER);
  int v = claim (marie_conn, marie, id);
  g_autoptr(InsTransition) refuse = ins_transition_new (INS_ACTION_REFUSE, id, v);
  g_autoptr(InsTransition) close = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4 courrier de refus", 26);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *stored = NULL;
  g_autofree char *queued = NULL;

  refuse->motif = INS_MOTIF_PRESTATIONS_NON_REMBOURSABLES;
  refuse->comment = g_strdup ("Cure thermale non prise en charge");
  refuse->courrier = g_bytes_ref (pdf);
  v = apply_ok (marie_conn, marie, refuse);
  stored = fixture_string (admin, "SELECT encode(courrier_sha256, 'hex') FROM affaire WHERE id = $1", id);
  g_assert_cmpstr (stored, ==, sha);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire WHERE id = $1 AND refusal_motif ="
                                       " 'prestations_non_remboursables' AND status = 'refusee'", id), ==, 1);
  /* Nothing is sent before closing. */
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM notification_outbox WHERE affaire_id = $1", id), ==, 0);

  close = ins_transition_new (INS_ACTION_CLOSE, id, v);
  apply_ok (marie_conn, marie, close);
  queued = fixture_string (admin, "SELECT encode(courrier_sha256, 'hex') FROM notification_outbox"
                                  " WHERE affaire_id = $1 AND kind = 'refus'", id);
  g_assert_cmpstr (queued, ==, sha);
  g_assert_cmpint (fixture_int (admin, "SELECT length(bytes) FROM blob WHERE encode(sha256, 'hex') ="
                                       " (SELECT encode(courrier_sha256, 'hex') FROM affaire WHERE id = $1)", id), ==, 26);
}

static void
test_incomplete_and_pieces_received (void)
{
  gint64 id = new_affaire (INS_KIND_SOINS_ETRANGER);
  int v = claim (marie_conn, marie, id);
  g_autoptr(InsTransition) incomplete = ins_transition_new (INS_ACTION_MARK_INCOMPLETE, id, v);
  g_autoptr(InsTransition) received = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4 pieces manquantes", 26);
  g_autoptr(InsAffaire) affaire = NULL;
  g_autoptr(GError) error = NULL;
  const char *pieces[] = { "Facture acquittée", "Preuve de paiement \"originale\"", NULL };

  apply_fails (marie_conn, marie, incomplete, INS_STORE_ERROR_INVALID);   /* nothing ticked */
  incomplete->missing_pieces = g_strdupv ((char **) pieces);
  incomplete->courrier = g_bytes_ref (pdf);
  incomplete->comment = g_strdup ("Merci de nous transmettre les pièces suivantes.");
  v = apply_ok (marie_conn, marie, incomplete);

  affaire = ins_affaire_store_load (marie_conn, marie, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (affaire->status, ==, INS_STATUS_EN_ATTENTE_PIECES);
  g_assert_cmpint (affaire->assignee_id, ==, 0);
  g_assert_nonnull (affaire->sla_paused_since);
  g_assert_cmpstrv (affaire->missing_pieces, pieces);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM notification_outbox WHERE affaire_id = $1"
                                       " AND kind = 'pieces_manquantes' AND courrier_sha256 IS NOT NULL", id), ==, 1);

  received = ins_transition_new (INS_ACTION_PIECES_RECEIVED, id, v);
  apply_fails (claire_conn, claire, received, INS_STORE_ERROR_NOT_FOUND);
  apply_ok (paul_conn, paul, received);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM affaire WHERE id = $1 AND status = 'recue'"
                                       " AND sla_paused_since IS NULL", id), ==, 1);
}

static void
test_unusable (void)
{
  gint64 id = new_affaire (INS_KIND_SOINS_ETRANGER);
  int v = claim (marie_conn, marie, id);
  g_autoptr(InsTransition) t = ins_transition_new (INS_ACTION_MARK_UNUSABLE, id, v);
  g_autofree char *reason = NULL;

  apply_fails (marie_conn, marie, t, INS_STORE_ERROR_INVALID);
  t->comment = g_strdup ("Scan illisible");
  apply_ok (marie_conn, marie, t);
  reason = fixture_string (admin, "SELECT non_exploitable_reason FROM affaire WHERE id = $1 AND status = 'non_exploitable'", id);
  g_assert_cmpstr (reason, ==, "Scan illisible");
}

static void
test_reassign_transfer (void)
{
  gint64 id = new_affaire (INS_KIND_CHEVAUCHEMENT_OC);
  int v = version_of (id);
  g_autoptr(InsTransition) reassign = ins_transition_new (INS_ACTION_REASSIGN, id, v);
  g_autoptr(InsTransition) transfer = NULL;
  int cnse = (int) fixture_int (admin, "SELECT id FROM organisme WHERE code = 'CNSE'", 0);

  reassign->target_agent_id = paul->id;
  apply_fails (marie_conn, marie, reassign, INS_STORE_ERROR_NOT_ALLOWED);
  v = apply_ok (sophie_conn, sophie, reassign);
  g_assert_cmpint (fixture_int (admin, "SELECT assignee_id FROM affaire WHERE id = $1 AND status = 'en_cours'", id),
                   ==, paul->id);

  transfer = ins_transition_new (INS_ACTION_TRANSFER, id, v);
  transfer->target_organisme_id = cnse;
  apply_fails (paul_conn, paul, transfer, INS_STORE_ERROR_NOT_ALLOWED);
  transfer->comment = g_strdup ("Cas complexe : caisse désignée");
  apply_ok (sophie_conn, sophie, transfer);
  g_assert_cmpint (fixture_int (admin, "SELECT organisme_id FROM affaire WHERE id = $1 AND status = 'recue'"
                                       " AND assignee_id IS NULL", id), ==, cnse);
  g_assert_cmpint (history_count (id, "transfer"), ==, 1);
}

static void
test_page_state_and_bytes (void)
{
  gint64 id = new_affaire (INS_KIND_SOINS_ETRANGER);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  InsAttachmentInfo *info;
  InsPageState state;

  attachments = ins_affaire_store_attachments (marie_conn, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  info = attachments->pdata[0];
  g_assert_cmpstr (info->content_type, ==, "application/pdf");
  g_assert_cmpint (info->page_count, ==, 2);
  g_assert_cmpint (strlen (info->sha256), ==, 64);

  bytes = ins_affaire_store_attachment_bytes (marie_conn, info->id, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "%PDF-1.4 fixture", 16);

  /* Tags tick the checklist: only the holder of the affaire (or a superviseur) writes them. */
  g_assert_false (ins_affaire_store_set_page_tag (marie_conn, info->id, 2, INS_PAGE_TAG_FACTURE, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM attachment_page WHERE attachment_id = $1", info->id), ==, 0);
  claim (marie_conn, marie, id);
  g_assert_false (ins_affaire_store_set_page_rotation (paul_conn, info->id, 2, 90, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);

  g_assert_true (ins_affaire_store_set_page_rotation (marie_conn, info->id, 2, -90, &error));
  g_assert_true (ins_affaire_store_set_page_tag (marie_conn, info->id, 2, INS_PAGE_TAG_FACTURE, &error));
  g_assert_true (ins_affaire_store_set_page_tag (marie_conn, info->id, 1, INS_PAGE_TAG_PREUVE_PAIEMENT, &error));
  g_assert_no_error (error);
  again = ins_affaire_store_attachments (marie_conn, id, &error);
  g_assert_no_error (error);
  state = ins_attachment_info_get_page (again->pdata[0], 2);
  g_assert_cmpint (state.rotation, ==, 270);
  g_assert_cmpint (state.tag, ==, INS_PAGE_TAG_FACTURE);
  state = ins_attachment_info_get_page (again->pdata[0], 1);
  g_assert_cmpint (state.rotation, ==, 0);
  g_assert_cmpint (state.tag, ==, INS_PAGE_TAG_PREUVE_PAIEMENT);

  /* Another instructeur cannot retag the holder's page; a superviseur can; everyone reads it. */
  g_assert_false (ins_affaire_store_set_page_tag (paul_conn, info->id, 2, INS_PAGE_TAG_AUTRE, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_true (ins_affaire_store_set_page_tag (sophie_conn, info->id, 1, INS_PAGE_TAG_AUTRE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_int (admin, "SELECT count(*) FROM attachment_page WHERE attachment_id = $1"
                                " AND tag = 'facture' AND rotation = 270", info->id), ==, 1);
  g_assert_cmpint (fixture_int (paul_conn, "SELECT count(*) FROM attachment_page WHERE attachment_id = $1", info->id),
                   ==, 2);
}

static void
test_people (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agents = ins_affaire_store_agents (marie_conn, marie->organisme_id, &error);
  g_autoptr(GPtrArray) organismes = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (agents->len, ==, 4);
  g_assert_cmpstr (((InsAgent *) agents->pdata[0])->display_name, ==, "Claire Bernard");
  organismes = ins_affaire_store_organismes (marie_conn, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organismes->len, ==, 2);
  g_assert_cmpstr (marie->display_name, ==, "Marie Dupont");
  g_assert_cmpint (marie->role, ==, INS_ROLE_INSTRUCTEUR);
  g_assert_cmpstr (marie->organisme_code, ==, "CPAM-40");

  /* The table owner is no agent. */
  g_assert_null (ins_affaire_store_current_agent (admin, &error));
  g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  admin = ins_test_db_connect ();
  fixture_people (admin, PREFIX);
  marie_conn = fixture_connect_as (PREFIX, "marie", &marie);
  paul_conn = fixture_connect_as (PREFIX, "paul", &paul);
  claire_conn = fixture_connect_as (PREFIX, "claire", &claire);
  sophie_conn = fixture_connect_as (PREFIX, "sophie", &sophie);

  g_test_add_func ("/transition/claim-release", test_claim_release);
  g_test_add_func ("/transition/conflict-says-who", test_conflict_says_who);
  g_test_add_func ("/transition/avis-medical", test_avis_medical);
  g_test_add_func ("/transition/accept-close-soins", test_accept_close_soins);
  g_test_add_func ("/transition/accept-close-oc", test_accept_close_oc);
  g_test_add_func ("/transition/excluded-not-accepted", test_excluded_cannot_be_accepted);
  g_test_add_func ("/transition/refuse-with-courrier", test_refuse_with_courrier);
  g_test_add_func ("/transition/incomplete-pieces-received", test_incomplete_and_pieces_received);
  g_test_add_func ("/transition/unusable", test_unusable);
  g_test_add_func ("/transition/reassign-transfer", test_reassign_transfer);
  g_test_add_func ("/transition/page-state-and-bytes", test_page_state_and_bytes);
  g_test_add_func ("/transition/people", test_people);
  return g_test_run ();
}
