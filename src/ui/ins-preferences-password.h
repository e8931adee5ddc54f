/* ins-preferences-password.h — the database password, kept in the keyring
 *
 * Passwords go through libsecret (the Secret portal inside Flatpak) under the
 * schema fr.ameli.Instruction.Password, one per server and user; they are
 * never written to GSettings nor logged.
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

const SecretSchema *ins_password_get_schema   (void);

/* What a password is kept for: "service:NAME" for a pg_service.conf entry,
 * else "user@host:port/dbname" from the conninfo. NULL when @conninfo names
 * no server. */
char               *ins_password_target_for   (const char *conninfo);

void                ins_password_store_async  (const char          *conninfo,
                                               const char          *password,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean            ins_password_store_finish (GAsyncResult        *result,
                                               GError             **error);

/* Blocks on D-Bus: call from a worker thread, before connecting
 * (see ins_connection_with_password()). NULL when none is kept. */
char               *ins_password_lookup_sync  (const char          *conninfo,
                                               GCancellable        *cancellable,
                                               GError             **error);

void                ins_password_lookup_async (const char          *conninfo,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char               *ins_password_lookup_finish (GAsyncResult       *result,
                                                GError            **error);

/* Forgets the password kept for @conninfo (an empty password in the
 * preferences means: none). */
void                ins_password_clear_async  (const char          *conninfo,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean            ins_password_clear_finish (GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
