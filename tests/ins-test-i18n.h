/* ins-test-i18n.h — the tests' locale and message catalogue */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The locale of the environment (gtk_test_init () forces en_US.UTF-8) and
 * the catalogue the app uses: the build tree's under INSTRUCTION_LOCALEDIR,
 * as tests/meson.build sets for the suites run in French. Call after
 * gtk_test_init (). */
void ins_test_i18n_init (void);

G_END_DECLS
