/* doc-test-util.h — shared bits of the documents tests */
#pragma once

#include <gio/gio.h>

#include "ins-test-widget.h"

G_BEGIN_DECLS

/* Points INS_RENDERER_PATH at the build tree's helper (unless set). */
void          doc_test_init_renderer (void);
/* /work/shared/corpus unless $INS_TEST_CORPUS says otherwise. */
const char   *doc_test_corpus_dir    (void);
/* Sorted full paths of the files of corpus/@sub ending with @suffix. */
GPtrArray    *doc_test_corpus_files  (const char *sub, const char *suffix);
GBytes       *doc_test_read_bytes    (const char *path);
/* Live (not zombie) instruction-renderer children of this process. */
guint         doc_test_count_helpers (void);
guint         doc_test_count_zombie_helpers (void);
/* Whether process @pid is alive and not a zombie. */
gboolean      doc_test_pid_alive     (GPid pid);

/* A callback storing its result in *(GAsyncResult **) user_data, and a wait
 * that iterates the default main context until it is set (fails the test after
 * a generous deadline, so a hang can never block the suite). */
void          doc_test_store_result  (GObject *source, GAsyncResult *result, gpointer user_data);
GAsyncResult *doc_test_wait_result   (GAsyncResult **slot);

G_END_DECLS
