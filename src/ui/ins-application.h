/* ins-application.h — the application: command line, connection, windows */
#pragma once

#include <adwaita.h>

#include "ins-preferences-connection.h"

G_BEGIN_DECLS

#define INS_TYPE_APPLICATION (ins_application_get_type ())
G_DECLARE_FINAL_TYPE (InsApplication, ins_application, INS, APPLICATION, AdwApplication)

InsApplication *ins_application_new            (const char *application_id);
/* The libpq conninfo chosen on the command line ("" for libpq's environment). */
const char     *ins_application_get_conninfo   (InsApplication *self);
/* Where that conninfo comes from: the settings, or this session only. */
InsConnectionOrigin ins_application_get_connection_origin (InsApplication *self);
/* The application's settings (fr.ameli.Instruction), or NULL when the schema
 * is not installed (an uninstalled build run without GSETTINGS_SCHEMA_DIR). */
GSettings      *ins_application_get_settings   (InsApplication *self);

G_END_DECLS
