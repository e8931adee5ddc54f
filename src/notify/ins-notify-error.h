/* ins-notify-error.h — the notification layer's error domain */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define INS_NOTIFY_ERROR (ins_notify_error_quark ())

typedef enum {
  INS_NOTIFY_ERROR_FAILED,
  INS_NOTIFY_ERROR_PAYLOAD,   /* an outbox payload that is not a JSON object */
  INS_NOTIFY_ERROR_COURRIER,  /* the courrier could not be drawn */
  INS_NOTIFY_ERROR_HTTP,      /* the messaging service refused the notification */
} InsNotifyError;

GQuark ins_notify_error_quark (void);

G_END_DECLS
