/* test-notification.c — backoff schedule, delivery verdicts, the JSON body */
#include "config.h"

#include <json-glib/json-glib.h>

#include "notify/ins-backoff.h"
#include "notify/ins-notification.h"
#include "notify/ins-notify-error.h"

static void
test_backoff_ceiling (void)
{
  /* base 1 s, cap 60 s: 1, 2, 4, 8, 16, 32, 60, 60… */
  const gint64 expected[] = { 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (ins_backoff_ceiling_ms ((int) i + 1, 1000, 60000), ==, expected[i]);
  g_assert_cmpint (ins_backoff_ceiling_ms (200, 1000, 60000), ==, 60000);
  g_assert_cmpint (ins_backoff_ceiling_ms (0, 1000, 60000), ==, 1000);
  g_assert_cmpint (ins_backoff_ceiling_ms (5, 0, 60000), ==, 0);
}

static void
test_backoff_full_jitter (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  gint64 lowest = G_MAXINT64, highest = 0;

  g_assert_cmpint (ins_backoff_delay_ms (3, 1000, 60000, 0.0), ==, 0);
  g_assert_cmpint (ins_backoff_delay_ms (3, 1000, 60000, 0.999999999), ==, 4000);
  g_assert_cmpint (ins_backoff_delay_ms (3, 1000, 60000, 0.5), ==, 2000);
  /* Out-of-range randomness is clamped. */
  g_assert_cmpint (ins_backoff_delay_ms (3, 1000, 60000, 7.0), ==, 4000);
  g_assert_cmpint (ins_backoff_delay_ms (3, 1000, 60000, -1.0), ==, 0);

  /* Spread over the whole [0, ceiling] range. */
  for (int i = 0; i < 10000; i++)
    {
      gint64 d = ins_backoff_delay_ms (4, 1000, 60000, g_rand_double (rand));
      g_assert_cmpint (d, >=, 0);
      g_assert_cmpint (d, <=, 8000);
      lowest = MIN (lowest, d);
      highest = MAX (highest, d);
    }
  g_assert_cmpint (lowest, <, 100);
  g_assert_cmpint (highest, >, 7900);
}

static void
test_verdicts (void)
{
  g_assert_cmpint (ins_delivery_verdict (200), ==, INS_DELIVERY_DELIVERED);
  g_assert_cmpint (ins_delivery_verdict (201), ==, INS_DELIVERY_DELIVERED);
  g_assert_cmpint (ins_delivery_verdict (204), ==, INS_DELIVERY_DELIVERED);
  g_assert_cmpint (ins_delivery_verdict (409), ==, INS_DELIVERY_DELIVERED);
  g_assert_cmpint (ins_delivery_verdict (0), ==, INS_DELIVERY_RETRY);
  g_assert_cmpint (ins_delivery_verdict (500), ==, INS_DELIVERY_RETRY);
  g_assert_cmpint (ins_delivery_verdict (502), ==, INS_DELIVERY_RETRY);
  g_assert_cmpint (ins_delivery_verdict (503), ==, INS_DELIVERY_RETRY);
  g_assert_cmpint (ins_delivery_verdict (408), ==, INS_DELIVERY_RETRY);
  g_assert_cmpint (ins_delivery_verdict (429), ==, INS_DELIVERY_RETRY);
  g_assert_cmpint (ins_delivery_verdict (400), ==, INS_DELIVERY_PARK);
  g_assert_cmpint (ins_delivery_verdict (401), ==, INS_DELIVERY_PARK);
  g_assert_cmpint (ins_delivery_verdict (404), ==, INS_DELIVERY_PARK);
  g_assert_cmpint (ins_delivery_verdict (422), ==, INS_DELIVERY_PARK);
  g_assert_cmpint (ins_delivery_verdict (301), ==, INS_DELIVERY_PARK);
}

static void
test_body (void)
{
  const char *payload = "{\"kind\":\"refus\",\"affaire\":{\"numero\":\"SE-2026-0000042\"},"
                        "\"message\":{\"subject\":\"Refus\",\"body\":\"Bonjour\"}}";
  const guchar pdf[] = "%PDF-1.5 fake";
  g_autoptr(GBytes) courrier = g_bytes_new (pdf, sizeof pdf - 1);
  g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, courrier);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree guchar *decoded = NULL;
  JsonObject *o, *c;
  gsize len;

  body = ins_notification_build_body (payload, "refus", "6f1c8a52-1111-4222-8333-944455556666",
                                      courrier, hash, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "idempotency_key"), ==, "6f1c8a52-1111-4222-8333-944455556666");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "message"), "subject"), ==, "Refus");
  c = json_object_get_object_member (o, "courrier");
  g_assert_nonnull (c);
  g_assert_cmpstr (json_object_get_string_member (c, "filename"), ==, "SE-2026-0000042-refus.pdf");
  g_assert_cmpstr (json_object_get_string_member (c, "content_type"), ==, "application/pdf");
  g_assert_cmpstr (json_object_get_string_member (c, "sha256"), ==, hash);
  g_assert_cmpint (json_object_get_int_member (c, "size"), ==, sizeof pdf - 1);
  decoded = g_base64_decode (json_object_get_string_member (c, "base64"), &len);
  g_assert_cmpmem (decoded, len, pdf, sizeof pdf - 1);
}

static void
test_body_without_courrier (void)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  body = ins_notification_build_body ("{\"kind\":\"oc_activee\"}", "oc_activee", "k", NULL, NULL, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_false (json_object_has_member (json_node_get_object (json_parser_get_root (parser)), "courrier"));

  g_clear_pointer (&body, g_bytes_unref);
  body = ins_notification_build_body ("[1, 2]", "oc_activee", "k", NULL, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, INS_NOTIFY_ERROR, INS_NOTIFY_ERROR_PAYLOAD);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/notification/backoff/ceiling", test_backoff_ceiling);
  g_test_add_func ("/notification/backoff/full-jitter", test_backoff_full_jitter);
  g_test_add_func ("/notification/verdicts", test_verdicts);
  g_test_add_func ("/notification/body", test_body);
  g_test_add_func ("/notification/body-without-courrier", test_body_without_courrier);
  return g_test_run ();
}
