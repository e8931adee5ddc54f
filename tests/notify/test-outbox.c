/* test-outbox.c — the outbox payload (migration 003) and the outbox store:
 * claims, leases, fencing, retries, parking, the relay role's grants */
#include "config.h"

#include <json-glib/json-glib.h>
#include <unistd.h>

#include "ins-test-db.h"
#include "notify-harness.h"
#include "store/ins-db.h"
#include "store/ins-outbox-store.h"

static PGconn *conn;

static gint64
one_affaire (const char *prefix, const char *kind)
{
  g_autoptr(GArray) ids = notify_fixture_affaires (conn, prefix, 1, kind);

  g_assert_cmpuint (ids->len, ==, 1);
  return g_array_index (ids, gint64, 0);
}

static char *
payload_text (gint64 affaire_id, const char *kind, const char *path)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, affaire_id);
  const char *params[] = { id, kind, path };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;

  res = ins_db_exec (conn,
                     "SELECT payload #>> $3::text[] FROM notification_outbox"
                     " WHERE affaire_id = $1::bigint AND kind = $2::notification_kind",
                     3, params, &error);
  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (res), ==, 1);
  return g_strdup (ins_db_get_string (res, 0, 0));
}

static void
test_payload_acceptation (void)
{
  gint64 id = one_affaire ("SE-2026-A", "acceptation");
  g_autofree char *body = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *address = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *declared = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *rate_label = NULL;

  g_assert_true (notify_fixture_close (conn, id, 1, "acceptation"));
  rate = payload_text (id, "acceptation", "{decision,rate}");
  rate_label = payload_text (id, "acceptation", "{decision,rate_label}");
  g_assert_cmpstr (rate, ==, "160.1234");
  g_assert_cmpstr (rate_label, ==, "1\u00A0€ = 160,1234\u00A0JPY");
  body = payload_text (id, "acceptation", "{message,body}");
  subject = payload_text (id, "acceptation", "{message,subject}");
  address = payload_text (id, "acceptation", "{insured,address}");
  amount = payload_text (id, "acceptation", "{decision,amount_eur}");
  declared = payload_text (id, "acceptation", "{decision,amount_declared}");

  g_assert_cmpstr (subject, ==, "Remboursement de vos soins à l’étranger");
  g_assert_nonnull (strstr (body, "Votre demande de prise en charge de soins à l’étranger du 12/10/2026"));
  g_assert_nonnull (strstr (body, "est acceptée."));
  g_assert_nonnull (strstr (body, "Montant remboursé\u00A0: 124,90\u00A0€, versé sur le compte bancaire"));
  g_assert_nonnull (strstr (body, "Montant déclaré\u00A0: 20\u202F000\u00A0JPY, converti en euros au taux de "
                                  "1\u00A0€ = 160,1234\u00A0JPY du 3 mars 2026 (source\u00A0: BCE)."));
  g_assert_nonnull (strstr (body, "Votre caisse d’Assurance Maladie."));
  g_assert_cmpstr (address, ==, "[\"12 rue des Lilas\", \"56000 Vannes\"]");
  g_assert_cmpstr (amount, ==, "124,90\u00A0€");
  g_assert_cmpstr (declared, ==, "20\u202F000\u00A0JPY");
}

static void
test_payload_refus (void)
{
  gint64 id = one_affaire ("SE-2026-R", "refus");
  g_autofree char *body = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *motif = NULL;
  g_autofree char *hash = NULL;

  g_assert_true (notify_fixture_close (conn, id, 1, "refus"));
  body = payload_text (id, "refus", "{message,body}");
  subject = payload_text (id, "refus", "{message,subject}");
  motif = payload_text (id, "refus", "{decision,refusal_motif}");

  g_assert_cmpstr (subject, ==, "Refus de prise en charge de soins réalisés à l’étranger");
  g_assert_cmpstr (motif, ==, "prestations_non_remboursables");
  g_assert_nonnull (strstr (body, "ne peut pas être acceptée.\n\nMotif\u00A0: prestations non remboursables.\n"
                                  "Les soins de confort ne sont pas pris en charge."));
  g_assert_nonnull (strstr (body, "courrier joint"));
  g_assert_cmpint (notify_query_int (conn, "SELECT count(*) FROM notification_outbox o JOIN blob b"
                                           " ON b.sha256 = o.courrier_sha256 WHERE o.kind = 'refus'"), >=, 1);
}

static void
test_payload_pieces (void)
{
  gint64 id = one_affaire ("SE-2026-P", "pieces_manquantes");
  g_autofree char *body = NULL;

  g_assert_true (notify_fixture_close (conn, id, 1, "pieces_manquantes"));
  body = payload_text (id, "pieces_manquantes", "{message,body}");
  g_assert_nonnull (strstr (body, "est incomplète. Pour poursuivre son instruction, merci de nous "
                                  "transmettre\u00A0:\n– Facture acquittée et détaillée\n– Preuve de paiement\n"));
}

static void
test_payload_accuse_and_oc (void)
{
  gint64 id = one_affaire ("SE-2026-K", "acceptation");
  g_autofree char *id_s = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { id_s };
  g_autofree char *accuse = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *oc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ins_db_run (conn, "SELECT ins_outbox_enqueue($1::bigint, 'accuse_reception'),"
                                   "       ins_outbox_enqueue($1::bigint, 'oc_activee')",
                             1, params, &error));
  g_assert_no_error (error);
  accuse = payload_text (id, "accuse_reception", "{message,body}");
  subject = payload_text (id, "accuse_reception", "{message,subject}");
  oc = payload_text (id, "oc_activee", "{message,body}");
  g_assert_cmpstr (subject, ==, "Accusé de réception de votre demande de prise en charge de soins à l’étranger");
  g_assert_true (g_str_has_prefix (accuse, "Bonjour,\n\nNous accusons réception de votre demande de prise "
                                           "en charge de soins à l’étranger du 12/10/2026"));
  g_assert_nonnull (strstr (accuse, "via la messagerie de votre compte ameli*.\n"));
  g_assert_cmpstr (oc, ==, "La transmission automatique des paiements à votre complémentaire est activée.");
}

static void
test_enqueue_once (void)
{
  gint64 id = one_affaire ("SE-2026-O", "acceptation");
  g_autofree char *id_s = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { id_s };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;

  res = ins_db_exec (conn, "SELECT ins_outbox_enqueue($1::bigint, 'acceptation'),"
                           "       ins_outbox_enqueue($1::bigint, 'acceptation')",
                     1, params, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ins_db_get_string (res, 0, 0), ==, ins_db_get_string (res, 0, 1));
  g_clear_pointer (&res, PQclear);
  res = ins_db_exec (conn, "SELECT count(*) FROM notification_outbox WHERE affaire_id = $1::bigint",
                     1, params, &error);
  g_assert_cmpint (ins_db_get_int64 (res, 0, 0), ==, 1);
}

/* Only rows of this test are pending: earlier tests' rows are delivered first. */
static void
settle (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ins_db_run (conn, "UPDATE notification_outbox SET state = 'delivered', lease_owner = NULL,"
                                   " lease_until = NULL WHERE state <> 'delivered'", 0, NULL, &error));
  g_assert_no_error (error);
}

static void
expire_leases (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ins_db_run (conn, "UPDATE notification_outbox SET lease_until = now() - interval '1 s',"
                                   " next_attempt_at = now() - interval '1 s' WHERE state = 'pending'",
                             0, NULL, &error));
  g_assert_no_error (error);
}

static void
test_claim_lease_fencing (void)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  InsOutboxItem *stale;
  gboolean recorded = TRUE;

  settle ();
  ids = notify_fixture_affaires (conn, "SE-2026-L", 3, "refus");
  notify_fixture_close_all (conn, ids, "refus");

  a = ins_outbox_claim (conn, "relay-a", 10, 60000, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->len, ==, 3);
  for (guint i = 0; i < a->len; i++)
    {
      InsOutboxItem *item = g_ptr_array_index (a, i);
      g_autofree char *hash = NULL;

      g_assert_cmpint (item->attempts, ==, 1);
      g_assert_nonnull (item->courrier);
      hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, item->courrier);
      g_assert_cmpstr (hash, ==, item->courrier_sha256);
      g_assert_true (g_str_has_prefix (item->payload, "{"));
    }

  /* Leased: another relay gets nothing. */
  b = ins_outbox_claim (conn, "relay-b", 10, 60000, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (b->len, ==, 0);
  g_clear_pointer (&b, g_ptr_array_unref);

  /* The lease lapses: relay B takes the rows over with a new attempt number. */
  expire_leases ();
  b = ins_outbox_claim (conn, "relay-b", 10, 60000, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (b->len, ==, 3);
  g_assert_cmpint (((InsOutboxItem *) g_ptr_array_index (b, 0))->attempts, ==, 2);

  /* A's late outcome is not recorded; B's is. */
  stale = g_ptr_array_index (a, 0);
  g_assert_true (ins_outbox_mark_failed (conn, stale, "relay-a", "HTTP 400", &recorded, &error));
  g_assert_false (recorded);
  {
    guint n = 99;

    g_assert_true (ins_outbox_mark_delivered_many (conn, a, "relay-a", &n, &error));
    g_assert_cmpuint (n, ==, 0);
    recorded = FALSE;
    g_assert_true (ins_outbox_mark_delivered (conn, g_ptr_array_index (b, 0), "relay-b", &recorded, &error));
    g_assert_true (recorded);
    g_ptr_array_remove_index (b, 0);
    g_assert_true (ins_outbox_mark_delivered_many (conn, b, "relay-b", &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 2);
  }
  g_assert_cmpint (notify_query_int (conn, "SELECT count(*) FROM notification_outbox WHERE state = 'failed'"), ==, 0);
  g_assert_cmpint (notify_query_int (conn, "SELECT count(*) FROM notification_outbox WHERE state = 'pending'"), ==, 0);

  /* Delivered rows are never claimed again. */
  again = ins_outbox_claim (conn, "relay-c", 10, 60000, 5, &error);
  g_assert_cmpuint (again->len, ==, 0);
}

static void
test_retry_park_and_counts (void)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pending = -1, failed = -1;
  gboolean recorded = FALSE;

  settle ();
  ids = notify_fixture_affaires (conn, "SE-2026-T", 2, "acceptation");
  notify_fixture_close_all (conn, ids, "acceptation");
  g_assert_true (ins_outbox_counts (conn, &pending, &failed, &error));
  g_assert_cmpint (pending, ==, 2);
  g_assert_cmpint (failed, ==, 0);
  g_assert_cmpint (ins_outbox_next_due_ms (conn, &error), ==, 0);

  items = ins_outbox_claim (conn, "relay-a", 10, 60000, 5, &error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_true (ins_outbox_mark_retry (conn, g_ptr_array_index (items, 0), "relay-a", 3600 * 1000,
                                        "HTTP 503 Service Unavailable", &recorded, &error));
  g_assert_true (recorded);
  g_assert_true (ins_outbox_mark_failed (conn, g_ptr_array_index (items, 1), "relay-a",
                                         "HTTP 422 Unprocessable Entity", &recorded, &error));
  g_assert_true (recorded);

  /* The retry is not due for an hour; the parked row is visible. */
  none = ins_outbox_claim (conn, "relay-a", 10, 60000, 5, &error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (ins_outbox_next_due_ms (conn, &error), >, 3000 * 1000);
  g_assert_true (ins_outbox_counts (conn, &pending, &failed, &error));
  g_assert_cmpint (pending, ==, 1);
  g_assert_cmpint (failed, ==, 1);
  g_assert_cmpint (notify_query_int (conn, "SELECT count(*) FROM notification_outbox WHERE state = 'failed'"
                                           " AND last_error = 'HTTP 422 Unprocessable Entity'"), ==, 1);

  /* --retry-failed: back to pending with fresh attempts. */
  g_assert_cmpint (ins_outbox_retry_failed (conn, 0, &error), ==, 1);
  g_assert_true (ins_outbox_counts (conn, &pending, &failed, &error));
  g_assert_cmpint (pending, ==, 2);
  g_assert_cmpint (failed, ==, 0);
  g_clear_pointer (&none, g_ptr_array_unref);
  none = ins_outbox_claim (conn, "relay-a", 10, 60000, 5, &error);
  g_assert_cmpuint (none->len, ==, 1);
  g_assert_cmpint (((InsOutboxItem *) g_ptr_array_index (none, 0))->attempts, ==, 1);
}

static void
test_exhausted_on_claim (void)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  settle ();
  ids = notify_fixture_affaires (conn, "SE-2026-X", 1, "acceptation");
  notify_fixture_close_all (conn, ids, "acceptation");
  /* A relay that dies after each claim: three claims, then parked. */
  for (int i = 1; i <= 4; i++)
    {
      g_autoptr(GPtrArray) items = ins_outbox_claim (conn, "dying", 10, 60000, 3, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (items->len, ==, i <= 3 ? 1 : 0);
      expire_leases ();
    }
  g_assert_cmpint (notify_query_int (conn, "SELECT count(*) FROM notification_outbox WHERE state = 'failed'"
                                           " AND attempts = 3 AND last_error LIKE '%attempts exhausted'"), ==, 1);
}

/* The relay service role can do all of it with its grants and nothing more. */
static void
test_relay_role (void)
{
  g_autofree char *role = g_strdup_printf ("ins_relay_test_%d", (int) getpid ());
  g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN IN ROLE ins_relay", role);
  g_autofree char *drop = g_strdup_printf ("DROP ROLE %s", role);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pending, failed;

  settle ();
  ids = notify_fixture_affaires (conn, "SE-2026-G", 2, "refus");
  notify_fixture_close_all (conn, ids, "refus");
  g_assert_true (ins_db_run (conn, create, 0, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(PGconn) relay = ins_test_db_connect_as (role);
    g_autoptr(GPtrArray) items = ins_outbox_claim (relay, "svc", 10, 60000, 5, &error);
    gboolean recorded = FALSE;

    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 2);
    g_assert_nonnull (((InsOutboxItem *) g_ptr_array_index (items, 0))->courrier);
    g_assert_true (ins_outbox_mark_delivered (relay, g_ptr_array_index (items, 0), "svc", &recorded, &error));
    g_assert_true (recorded);
    g_assert_true (ins_outbox_mark_failed (relay, g_ptr_array_index (items, 1), "svc", "HTTP 400", &recorded, &error));
    g_assert_true (ins_outbox_counts (relay, &pending, &failed, &error));
    g_assert_cmpint (failed, ==, 1);
    g_assert_cmpint (ins_outbox_retry_failed (relay, 0, &error), ==, 1);
    g_assert_no_error (error);
    g_assert_true (ins_db_run (relay, "LISTEN outbox_changed", 0, NULL, &error));
    /* It cannot touch affaires. */
    g_assert_false (ins_db_run (relay, "UPDATE affaire SET status = 'recue'", 0, NULL, &error));
    g_assert_error (error, INS_STORE_ERROR, INS_STORE_ERROR_FORBIDDEN);
  }
  g_clear_error (&error);
  g_assert_true (ins_db_run (conn, drop, 0, NULL, &error));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  conn = ins_test_db_connect ();

  g_test_add_func ("/outbox/payload/acceptation", test_payload_acceptation);
  g_test_add_func ("/outbox/payload/refus", test_payload_refus);
  g_test_add_func ("/outbox/payload/pieces-manquantes", test_payload_pieces);
  g_test_add_func ("/outbox/payload/accuse-and-oc", test_payload_accuse_and_oc);
  g_test_add_func ("/outbox/enqueue-once", test_enqueue_once);
  g_test_add_func ("/outbox/claim-lease-fencing", test_claim_lease_fencing);
  g_test_add_func ("/outbox/retry-park-counts", test_retry_park_and_counts);
  g_test_add_func ("/outbox/exhausted-on-claim", test_exhausted_on_claim);
  g_test_add_func ("/outbox/relay-role", test_relay_role);

  status = g_test_run ();
  PQfinish (conn);
  return status;
}
