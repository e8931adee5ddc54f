/* ins-notification.c — the HTTP request a notification becomes */
#define G_LOG_DOMAIN "ins-notify"

#include "config.h"

#include <json-glib/json-glib.h>

#include "ins-notification.h"
#include "ins-notify-error.h"

InsDeliveryVerdict
ins_delivery_verdict (guint http_status)
{
  if ((http_status >= 200 && http_status < 300) || http_status == 409)
    return INS_DELIVERY_DELIVERED;
  if (http_status == 0 || http_status >= 500 || http_status == 408 || http_status == 429)
    return INS_DELIVERY_RETRY;
  return INS_DELIVERY_PARK;
}

static char *
courrier_filename (JsonObject *payload,
                   const char *kind)
{
  JsonObject *affaire = json_object_get_object_member (payload, "affaire");
  const char *numero = NULL;

  if (affaire != NULL && json_object_has_member (affaire, "numero"))
    numero = json_object_get_string_member (affaire, "numero");
  return g_strdup_printf ("%s-%s.pdf", numero ? numero : "courrier", kind ? kind : "notification");
}

GBytes *
ins_notification_build_body (const char  *payload,
                             const char  *kind,
                             const char  *idempotency_key,
                             GBytes      *courrier,
                             const char  *courrier_sha256,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  char *text;
  gsize length;

  if (!json_parser_load_from_data (parser, payload, -1, &local_error)
      || (root = json_parser_get_root (parser)) == NULL
      || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, INS_NOTIFY_ERROR, INS_NOTIFY_ERROR_PAYLOAD,
                   "outbox payload is not a JSON object%s%s",
                   local_error ? ": " : "", local_error ? local_error->message : "");
      return NULL;
    }
  object = json_node_get_object (root);
  json_object_set_string_member (object, "idempotency_key", idempotency_key);
  if (courrier != NULL)
    {
      JsonObject *c = json_object_new ();
      gsize size;
      const guchar *data = g_bytes_get_data (courrier, &size);
      g_autofree char *b64 = g_base64_encode (data, size);
      g_autofree char *filename = courrier_filename (object, kind);

      json_object_set_string_member (c, "filename", filename);
      json_object_set_string_member (c, "content_type", "application/pdf");
      json_object_set_int_member (c, "size", (gint64) size);
      json_object_set_string_member (c, "sha256", courrier_sha256);
      json_object_set_string_member (c, "base64", b64);
      json_object_set_object_member (object, "courrier", c);
    }

  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}
