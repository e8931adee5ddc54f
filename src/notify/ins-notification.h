/* ins-notification.h — the HTTP request a notification becomes, and what its answer means
 *
 * See docs/notifications.md for the contract.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  INS_DELIVERY_DELIVERED,  /* 2xx, or 409: the service already has it */
  INS_DELIVERY_RETRY,      /* 5xx, 408, 429, connection errors and timeouts */
  INS_DELIVERY_PARK,       /* any other answer: parked as failed for a supervisor */
} InsDeliveryVerdict;

/* The verdict for an HTTP status (0 means no answer: connection error or timeout). */
InsDeliveryVerdict ins_delivery_verdict (guint http_status);

/* The JSON body: the outbox @payload (a JSON object) with the @idempotency_key
 * and, when @courrier is not NULL, the courrier PDF in base64 with its
 * @courrier_sha256 (hex) and a file name made of the affaire numéro and @kind. */
GBytes *ins_notification_build_body (const char  *payload,
                                     const char  *kind,
                                     const char  *idempotency_key,
                                     GBytes      *courrier,
                                     const char  *courrier_sha256,
                                     GError     **error);

G_END_DECLS
