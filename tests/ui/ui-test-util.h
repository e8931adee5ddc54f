/* ui-test-util.h — the workspace tests' shared steps: fixture database,
 * windows as a given agent, waiting on the main loop, screenshots */
#pragma once

#include <adwaita.h>
#include <libpq-fe.h>

#include "ins-test-widget.h"

#include "ui/ins-window.h"

G_BEGIN_DECLS

/* Initialises GTK and libadwaita, loads workspace-fixture.sql and the
 * attachments into the test database. Call once from main(). */
void        ui_test_init          (int *argc, char ***argv);
/* The display as the app has it (its stylesheet), without animations, for
 * tests that set up GTK themselves; ui_test_init () calls it. */
void        ui_test_init_display  (void);
PGconn     *ui_test_admin         (void);
/* After the server restarted. */
void        ui_test_reconnect_admin (void);
const char *ui_test_drafts_path   (void);

/* A window connected as @login, shown, and ready (queue first page loaded). */
InsWindow  *ui_test_window_new    (const char *login);
void        ui_test_window_close  (InsWindow *window);

/* Iterates the main loop until @cond (@data) holds; fails the test after a
 * generous safety limit, saying @what. */
void        ui_test_wait          (gboolean   (*cond) (gpointer data),
                                   gpointer     data,
                                   const char  *what);
/* Iterates the main loop until queue and affaire are idle. */
void        ui_test_settle        (InsWindow *window);
/* Lets the main loop run a little (events, layout, paint). */
void        ui_test_spin          (guint iterations);

/* One value from SQL as the superuser (NULL for SQL NULL), params bound. */
char       *ui_test_sql_value     (const char *sql, const char *param);
gint64      ui_test_sql_int       (const char *sql, const char *param);
void        ui_test_sql_run       (const char *sql, const char *param);
gint64      ui_test_affaire_id    (const char *numero);
char       *ui_test_affaire_status (gint64 id);
/* @role takes affaire @id from its own session, as another agent's claim. */
void        ui_test_claim_as      (const char *role, gint64 id);
/* The number of history entries of @id with @action. */
gint64      ui_test_history_count (gint64 id, const char *action);

/* Waits until @widget is shown and a frame was painted with its state now. */
void        ui_test_wait_painted  (GtkWidget  *widget);
/* The visible window of exactly @type (e.g. ADW_TYPE_MESSAGE_DIALOG, not a
 * subclass) transient for @parent, or NULL. */
GtkWidget  *ui_test_find_dialog   (GtkWindow  *parent,
                                   GType       type);
/* Saves @widget, once a frame painted its current state, into
 * <build dir>/screenshots/@name.png. */
void        ui_test_screenshot    (GtkWidget  *widget,
                                   const char *name);

/* The item of a menu (a GtkPopoverMenu's button) labelled @text under @root;
 * NULL if none. Emit "clicked" on it to choose it as a pointer would. */
GtkWidget  *ui_test_find_menu_item (GtkWidget  *root,
                                    const char *text);

G_END_DECLS
