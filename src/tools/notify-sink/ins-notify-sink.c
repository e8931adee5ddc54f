/* instruction-notify-sink — a loopback stand-in for the ameli messaging service
 *
 * Answers POSTs as docs/notifications.md says: 201 when a new Idempotency-Key
 * is stored (one JSON line per key), 409 for a key already stored, 400 for a
 * request without key or JSON object. Faults are injected on demand, from the
 * command line or with POST /_control (same names, as a JSON object):
 * fail_rate, fail_next, delay_ms, delay_rate, drop_rate. GET /_stats returns
 * the counters. Prints its port on stdout once listening (useful with --port 0).
 */
#define G_LOG_DOMAIN "ins-notify-sink"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <glib-unix.h>
#include <stdio.h>

typedef struct {
  double  fail_rate;   /* share of requests answered 500 before storing */
  int     fail_next;   /* the next N requests are answered 500 */
  int     delay_ms;    /* answer this late (then store) */
  double  delay_rate;  /* share of requests delayed, 1 by default */
  double  drop_rate;   /* share of new keys stored then answered by closing the connection */
} Faults;

typedef struct {
  Faults      faults;
  GHashTable *keys;
  GHashTable *in_flight;   /* keys of delayed requests not answered yet */
  FILE       *store;
  guint64     concurrent;  /* requests for a key already in flight */
  guint64     received;
  guint64     stored;
  guint64     duplicates;
  guint64     failed;
  guint64     dropped;
  guint64     refused;
} Sink;

static void
respond_json (SoupServerMessage *msg, guint status, const char *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

static gboolean
store_line (Sink *sink, const char *key, JsonNode *body)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  g_autofree char *line = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "received_at");
  json_builder_add_string_value (builder, at);
  json_builder_set_member_name (builder, "body");
  json_builder_add_value (builder, json_node_copy (body));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  line = json_generator_to_data (generator, NULL);
  if (sink->store != NULL)
    {
      if (fprintf (sink->store, "%s\n", line) < 0 || fflush (sink->store) != 0)
        return FALSE;
    }
  g_hash_table_add (sink->keys, g_strdup (key));
  sink->stored++;
  return TRUE;
}

static void
handle_message (Sink *sink, SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  const char *key = soup_message_headers_get_one (headers, "Idempotency-Key");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  if (key == NULL || *key == '\0')
    {
      sink->refused++;
      respond_json (msg, 400, "{\"status\":\"missing Idempotency-Key\"}");
      return;
    }
  data = soup_message_body_flatten (request);
  if (!json_parser_load_from_data (parser, g_bytes_get_data (data, NULL), g_bytes_get_size (data), NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      sink->refused++;
      respond_json (msg, 400, "{\"status\":\"body is not a JSON object\"}");
      return;
    }
  object = json_node_get_object (root);
  if (json_object_has_member (object, "idempotency_key")
      && g_strcmp0 (json_object_get_string_member (object, "idempotency_key"), key) != 0)
    {
      sink->refused++;
      respond_json (msg, 422, "{\"status\":\"idempotency_key differs from the header\"}");
      return;
    }

  if (sink->faults.fail_next > 0 || (sink->faults.fail_rate > 0 && g_random_double () < sink->faults.fail_rate))
    {
      if (sink->faults.fail_next > 0)
        sink->faults.fail_next--;
      sink->failed++;
      respond_json (msg, 500, "{\"status\":\"injected failure\"}");
      return;
    }

  if (g_hash_table_contains (sink->keys, key))
    {
      sink->duplicates++;
      respond_json (msg, 409, "{\"status\":\"already received\"}");
      return;
    }
  if (!store_line (sink, key, root))
    {
      sink->failed++;
      respond_json (msg, 503, "{\"status\":\"cannot store\"}");
      return;
    }

  if (sink->faults.drop_rate > 0 && g_random_double () < sink->faults.drop_rate)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

      sink->dropped++;
      if (stream != NULL)
        g_io_stream_close (stream, NULL, NULL);
      return;
    }
  respond_json (msg, 201, "{\"status\":\"stored\"}");
}

typedef struct {
  Sink              *sink;
  SoupServerMessage *msg;
  char              *key;
} Delayed;

static gboolean
delayed_cb (gpointer data)
{
  Delayed *d = data;

  g_hash_table_remove (d->sink->in_flight, d->key);
  g_free (d->key);
  handle_message (d->sink, d->msg);
  soup_server_message_unpause (d->msg);
  g_object_unref (d->msg);
  g_free (d);
  return G_SOURCE_REMOVE;
}

static void
messages_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Sink *sink = user_data;

  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_POST) != 0)
    {
      respond_json (msg, 405, "{\"status\":\"POST only\"}");
      return;
    }
  sink->received++;
  if (sink->faults.delay_ms > 0 && g_random_double () < sink->faults.delay_rate)
    {
      Delayed *d = g_new0 (Delayed, 1);
      const char *key = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                      "Idempotency-Key");

      d->key = g_strdup (key ? key : "");
      if (!g_hash_table_add (sink->in_flight, g_strdup (d->key)))
        sink->concurrent++;
      d->sink = sink;
      d->msg = g_object_ref (msg);
      soup_server_message_pause (msg);
      g_timeout_add (sink->faults.delay_ms, delayed_cb, d);
      return;
    }
  handle_message (sink, msg);
}

static void
apply_control (Sink *sink, JsonObject *o)
{
  if (json_object_has_member (o, "fail_rate"))
    sink->faults.fail_rate = json_object_get_double_member (o, "fail_rate");
  if (json_object_has_member (o, "fail_next"))
    sink->faults.fail_next = (int) json_object_get_int_member (o, "fail_next");
  if (json_object_has_member (o, "delay_ms"))
    sink->faults.delay_ms = (int) json_object_get_int_member (o, "delay_ms");
  if (json_object_has_member (o, "delay_rate"))
    sink->faults.delay_rate = json_object_get_double_member (o, "delay_rate");
  if (json_object_has_member (o, "drop_rate"))
    sink->faults.drop_rate = json_object_get_double_member (o, "drop_rate");
}

static void
control_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Sink *sink = user_data;
  g_autofree char *json = NULL;

  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_POST) == 0)
    {
      g_autoptr(GBytes) data = soup_message_body_flatten (soup_server_message_get_request_body (msg));
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (!json_parser_load_from_data (parser, g_bytes_get_data (data, NULL), g_bytes_get_size (data), NULL)
          || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          respond_json (msg, 400, "{\"status\":\"body is not a JSON object\"}");
          return;
        }
      apply_control (sink, json_node_get_object (root));
    }
  json = g_strdup_printf ("{\"received\":%" G_GUINT64_FORMAT ",\"stored\":%" G_GUINT64_FORMAT
                          ",\"duplicates\":%" G_GUINT64_FORMAT ",\"failed\":%" G_GUINT64_FORMAT
                          ",\"dropped\":%" G_GUINT64_FORMAT ",\"refused\":%" G_GUINT64_FORMAT
                          ",\"concurrent\":%" G_GUINT64_FORMAT ",\"in_flight\":%u"
                          ",\"keys\":%u,\"fail_rate\":%g,\"fail_next\":%d,\"delay_ms\":%d"
                          ",\"delay_rate\":%g,\"drop_rate\":%g}",
                          sink->received, sink->stored, sink->duplicates, sink->failed,
                          sink->dropped, sink->refused, sink->concurrent,
                          g_hash_table_size (sink->in_flight), g_hash_table_size (sink->keys),
                          sink->faults.fail_rate, sink->faults.fail_next, sink->faults.delay_ms,
                          sink->faults.delay_rate, sink->faults.drop_rate);
  respond_json (msg, 200, json);
}

/* Keys already in the store file are known: a restarted sink still answers 409. */
static gboolean
load_store (Sink *sink, const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (*lines[i] == '\0' || !json_parser_load_from_data (parser, lines[i], -1, NULL))
        continue;
      root = json_parser_get_root (parser);
      if (JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "key"))
        g_hash_table_add (sink->keys, g_strdup (json_object_get_string_member (json_node_get_object (root), "key")));
    }
  return TRUE;
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_CONTINUE;
}

int
main (int argc, char **argv)
{
  int port = 8088;
  g_autofree char *store_path = NULL;
  Sink sink = { .faults = { 0, 0, 0, 1.0, 0 } };
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (0: any, printed on stdout)", "N" },
    { "store", 's', 0, G_OPTION_ARG_FILENAME, &store_path, "JSON lines file of the stored notifications", "FILE" },
    { "fail-rate", 0, 0, G_OPTION_ARG_DOUBLE, &sink.faults.fail_rate, "Share of requests answered 500", "P" },
    { "fail-next", 0, 0, G_OPTION_ARG_INT, &sink.faults.fail_next, "Answer the next N requests 500", "N" },
    { "delay-ms", 0, 0, G_OPTION_ARG_INT, &sink.faults.delay_ms, "Answer this late", "MS" },
    { "delay-rate", 0, 0, G_OPTION_ARG_DOUBLE, &sink.faults.delay_rate, "Share of requests delayed (default 1)", "P" },
    { "drop-rate", 0, 0, G_OPTION_ARG_DOUBLE, &sink.faults.drop_rate,
      "Share of new notifications stored, then answered by dropping the connection", "P" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— stand-in for the ameli messaging service");
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  GSList *uris;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  sink.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sink.in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (store_path != NULL)
    {
      if (!load_store (&sink, store_path, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      sink.store = fopen (store_path, "a");
      if (sink.store == NULL)
        {
          g_printerr ("cannot open %s\n", store_path);
          return 1;
        }
    }

  server = soup_server_new ("server-header", "instruction-notify-sink", NULL);
  soup_server_add_handler (server, "/_control", control_cb, &sink, NULL);
  soup_server_add_handler (server, "/_stats", control_cb, &sink, NULL);
  soup_server_add_handler (server, NULL, messages_cb, &sink, NULL);
  if (!soup_server_listen_local (server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_printerr ("cannot listen on port %d: %s\n", port, error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  if (uris != NULL)
    {
      g_print ("%d\n", g_uri_get_port (uris->data));
      fflush (stdout);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  if (sink.store != NULL)
    fclose (sink.store);
  g_hash_table_unref (sink.keys);
  return 0;
}
