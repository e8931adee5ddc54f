/* notify-harness.c — fixtures of the notification tests */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>

#include "ins-test-db.h"
#include "notify/ins-courrier.h"
#include "store/ins-db.h"
#include "notify-harness.h"

int
notify_fixture_organisme (PGconn *conn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;

  res = ins_db_exec (conn,
                     "INSERT INTO organisme (code, name, letterhead)"
                     " VALUES ('CNSE', 'Centre national des soins à l’étranger',"
                     "         E'BP 90501\\n56019 VANNES CEDEX')"
                     " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id",
                     0, NULL, &error);
  g_assert_no_error (error);
  return (int) ins_db_get_int64 (res, 0, 0);
}

static GBytes *
fixture_courrier (const char *kind)
{
  const char *pieces[] = { "Facture acquittée et détaillée", "Preuve de paiement", NULL };
  InsCourrierData d = { 0 };
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  d.kind = g_str_equal (kind, "refus") ? INS_NOTIFICATION_REFUS : INS_NOTIFICATION_PIECES_MANQUANTES;
  d.affaire_kind = INS_KIND_SOINS_ETRANGER;
  d.numero = "SE-2026-FIXTURE";
  d.organisme_name = "Centre national des soins à l’étranger";
  d.letterhead = "BP 90501\n56019 VANNES CEDEX";
  d.nom = "MARTIN";
  d.prenom = "Camille";
  d.address = "12 rue des Lilas\n56000 Vannes";
  d.has_refusal_motif = TRUE;
  d.refusal_motif = INS_MOTIF_PRESTATIONS_NON_REMBOURSABLES;
  d.missing_pieces = pieces;
  bytes = ins_courrier_render (&d, &error);
  g_assert_no_error (error);
  return bytes;
}

GArray *
notify_fixture_affaires (PGconn     *conn,
                         const char *prefix,
                         int         n,
                         const char *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *n_s = g_strdup_printf ("%d", n);
  g_autofree char *org = g_strdup_printf ("%d", notify_fixture_organisme (conn));
  const char *params[] = { prefix, n_s, kind, org };
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (ins_db_run (conn, "SET client_min_messages = warning", 0, NULL, &error));
  g_assert_true (ins_db_run (conn, "CREATE SEQUENCE IF NOT EXISTS notify_fixture_seq", 0, NULL, &error));
  g_assert_no_error (error);
  res = ins_db_exec (conn,
    "WITH s AS (SELECT nextval('notify_fixture_seq') AS n FROM generate_series(1, $2::int)),"
    " a AS (INSERT INTO assure (nir, nom, prenom, birth_date, address)"
    "       SELECT '1' || lpad(n::text, 14, '0'), 'MARTIN', 'Camille', '1980-05-17',"
    "              E'12 rue des Lilas\\n56000 Vannes' FROM s RETURNING id, nir)"
    " INSERT INTO affaire (numero, submission_id, kind, status, organisme_id, assure_id,"
    "   received_at, due_at, nir, nom, prenom, beneficiaire, country, amount_minor, currency,"
    "   decided_at, amount_eur_cents, rate, rate_date, rate_source, refusal_motif,"
    "   decision_text, missing_pieces)"
    " SELECT $1 || lpad(a.id::text, 7, '0'), 'sub-' || $1 || a.id, 'soins_etranger',"
    "   CASE $3 WHEN 'refus' THEN 'refusee' WHEN 'pieces_manquantes' THEN 'en_cours'"
    "           ELSE 'acceptee' END::affaire_status,"
    "   $4::smallint, a.id, '2026-10-12 11:36+02', '2026-11-09 11:36+01', a.nir, 'MARTIN',"
    "   'Camille', 'Camille MARTIN', 'JP', 20000, 'JPY', now(),"
    "   CASE WHEN $3 = 'acceptation' THEN 12490 END,"
    "   CASE WHEN $3 = 'acceptation' THEN 160.1234 END,"
    "   CASE WHEN $3 = 'acceptation' THEN date '2026-03-03' END,"
    "   CASE WHEN $3 = 'acceptation' THEN 'BCE' END,"
    "   CASE WHEN $3 = 'refus' THEN 'prestations_non_remboursables'::refusal_motif END,"
    "   CASE WHEN $3 = 'refus' THEN 'Les soins de confort ne sont pas pris en charge.' END,"
    "   CASE WHEN $3 = 'pieces_manquantes'"
    "        THEN ARRAY['Facture acquittée et détaillée', 'Preuve de paiement'] END"
    "   FROM a ORDER BY a.id RETURNING id",
    G_N_ELEMENTS (params), params, &error);
  g_assert_no_error (error);
  for (int r = 0; r < PQntuples (res); r++)
    {
      gint64 id = ins_db_get_int64 (res, r, 0);
      g_array_append_val (ids, id);
    }
  return ids;
}

static const char *
close_status (const char *kind)
{
  return g_str_equal (kind, "pieces_manquantes") ? "en_attente_pieces" : "cloturee";
}

/* The courrier of @kind, drawn once per process, stored in blob (again after
 * a truncate); returns its hash, or NULL for kinds without courrier. */
static char *
courrier_hash (PGconn *conn, const char *kind)
{
  static GBytes *pdfs[2];
  static char *hashes[2];
  static GMutex lock;
  int slot = g_str_equal (kind, "refus") ? 0 : 1;
  const char *params[2];
  int lengths[2] = { 0, 0 }, formats[2] = { 0, 1 };
  g_autoptr(PGresult) res = NULL;

  if (!g_str_equal (kind, "refus") && !g_str_equal (kind, "pieces_manquantes"))
    return NULL;
  g_mutex_lock (&lock);
  if (pdfs[slot] == NULL)
    {
      pdfs[slot] = fixture_courrier (kind);
      hashes[slot] = ins_courrier_sha256 (pdfs[slot]);
    }
  g_mutex_unlock (&lock);

  params[0] = hashes[slot];
  params[1] = g_bytes_get_data (pdfs[slot], NULL);
  lengths[1] = (int) g_bytes_get_size (pdfs[slot]);
  res = PQexecParams (conn,
                      "INSERT INTO blob (sha256, bytes) VALUES (decode($1, 'hex'), $2)"
                      " ON CONFLICT DO NOTHING",
                      2, NULL, params, lengths, formats, 0);
  /* On failure the close's enqueue fails on the foreign key, and is retried. */
  return g_strdup (hashes[slot]);
}

int
notify_fixture_try_close (PGconn      *conn,
                          gint64       id,
                          int          version,
                          const char  *kind,
                          GError     **error)
{
  g_autoptr(PGresult) res = NULL;
  g_autofree char *id_s = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *version_s = g_strdup_printf ("%d", version);
  g_autofree char *hash = courrier_hash (conn, kind);
  const char *update[] = { id_s, version_s, close_status (kind) };
  const char *enqueue[] = { id_s, kind, hash };
  gboolean closed;

  if (!ins_db_begin (conn, error))
    return -1;
  res = ins_db_exec (conn,
                     "UPDATE affaire SET status = $3::affaire_status, closed_at = now(),"
                     " version = version + 1, updated_at = now()"
                     " WHERE id = $1::bigint AND version = $2::int",
                     3, update, error);
  if (res == NULL)
    goto fail;
  closed = atoi (PQcmdTuples (res)) == 1;
  if (closed && !ins_db_run (conn,
                             "SELECT ins_outbox_enqueue($1::bigint, $2::notification_kind, decode($3, 'hex'))",
                             3, enqueue, error))
    goto fail;
  if (!ins_db_commit (conn, error))
    goto fail;
  return closed ? 1 : 0;

fail:
  ins_db_rollback (conn);
  return -1;
}

gboolean
notify_fixture_close (PGconn     *conn,
                      gint64      id,
                      int         version,
                      const char *kind)
{
  g_autoptr(GError) error = NULL;
  int closed = notify_fixture_try_close (conn, id, version, kind, &error);

  g_assert_no_error (error);
  return closed == 1;
}

void
notify_fixture_close_all (PGconn     *conn,
                          GArray     *ids,
                          const char *kind)
{
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (notify_fixture_close (conn, g_array_index (ids, gint64, i), 1, kind));
}

gint64
notify_query_int (PGconn *conn, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = ins_db_exec (conn, sql, 0, NULL, &error);

  g_assert_no_error (error);
  return ins_db_get_int64 (res, 0, 0);
}

/* A test that fails leaves no sink or relay behind. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static char *
tool_path (const char *folder, const char *name)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  g_assert_nonnull (builddir);
  return g_build_filename (builddir, "..", "src", "tools", folder, name, NULL);
}

NotifySink *
notify_sink_start (const char         *store_path,
                   const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *line = NULL;
  NotifySink *sink = g_new0 (NotifySink, 1);

  g_ptr_array_add (argv, tool_path ("notify-sink", "instruction-notify-sink"));
  g_ptr_array_add (argv, g_strdup ("--port=0"));
  g_ptr_array_add (argv, g_strdup_printf ("--store=%s", store_path));
  for (guint i = 0; args && args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  sink->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sink->process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  sink->port = atoi (line);
  g_assert_cmpint (sink->port, >, 0);
  sink->url = g_strdup_printf ("http://127.0.0.1:%d/messages", sink->port);
  sink->store_path = g_strdup (store_path);
  return sink;
}

void
notify_sink_stop (NotifySink *sink)
{
  g_subprocess_send_signal (sink->process, SIGTERM);
  g_subprocess_wait (sink->process, NULL, NULL);
  g_object_unref (sink->process);
  g_free (sink->url);
  g_free (sink->store_path);
  g_free (sink);
}

char *
notify_sink_control (NotifySink *sink, const char *json)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%d/_control", sink->port);
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, url);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  return g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
}

gint64
notify_sink_stat (NotifySink *sink, const char *name)
{
  g_autofree char *json = notify_sink_control (sink, "{}");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), name);
}

GHashTable *
notify_sink_stored_keys (NotifySink *sink)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (sink->store_path, &contents, NULL, &error))
    {
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      return keys;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o;
      const char *key;

      if (*lines[i] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      o = json_node_get_object (json_parser_get_root (parser));
      key = json_object_get_string_member (o, "key");
      g_hash_table_insert (keys, g_strdup (key),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (keys, key)) + 1));
    }
  return keys;
}

GSubprocess *
notify_relay_spawn (const char         *url,
                    const char * const *args,
                    const char         *fault)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, tool_path ("relay", "instruction-relay"));
  g_ptr_array_add (argv, g_strdup_printf ("--database=%s", ins_test_db_conninfo ()));
  g_ptr_array_add (argv, g_strdup_printf ("--url=%s", url));
  for (guint i = 0; args && args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  if (fault != NULL)
    g_subprocess_launcher_setenv (launcher, "INS_RELAY_FAULT", fault, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "INS_RELAY_FAULT");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

void
notify_relay_kill (GSubprocess *relay)
{
  g_subprocess_send_signal (relay, SIGKILL);
  g_subprocess_wait (relay, NULL, NULL);
}

gboolean
notify_wait_until (gboolean (*done) (gpointer), gpointer data, int limit_s)
{
  gint64 end = g_get_monotonic_time () + (gint64) limit_s * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return done (data);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20 * 1000);
    }
  return TRUE;
}
