/* ins-i18n.h — the locale and message catalogue of every program */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Takes the locale of the environment and binds the catalogue: the installed
 * one, or the one under $INSTRUCTION_LOCALEDIR (the build tree's, set by
 * scripts/demo and the tests). FALSE when the environment's locale is not
 * installed (the program then runs in the C locale). */
gboolean ins_i18n_init (void);

G_END_DECLS
