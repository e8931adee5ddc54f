/* ins-helper-pool.h — instruction-renderer processes started ahead of need
 *
 * Internal to the documents layer. A pool keeps one spare helper process
 * started and warmed up (libraries loaded, poppler and fontconfig initialised)
 * so that opening a document never waits for a process start. Taking the spare
 * starts its replacement on the pool's own thread, never the caller's. At most
 * one spare exists per pool; it counts as ready once it said so. Thread-safe.
 */
#pragma once

#include <gio/gio.h>

#include "ins-render-helper.h"

G_BEGIN_DECLS

typedef struct _InsHelperPool InsHelperPool;

/* @argv: the program and its options. @keep_spare: FALSE spawns on demand only. */
InsHelperPool   *ins_helper_pool_new           (const char * const *argv,
                                                gboolean            keep_spare);
InsHelperPool   *ins_helper_pool_ref           (InsHelperPool *pool);
void             ins_helper_pool_unref         (InsHelperPool *pool);

/* A live helper with no document yet: the spare when there is one, else a new
 * process. The caller owns it. */
InsRenderHelper *ins_helper_pool_take          (InsHelperPool *pool,
                                                GError       **error);
/* The spare's process id, 0 when none is ready (tests). */
GPid             ins_helper_pool_get_spare_pid (InsHelperPool *pool);
/* Blocks until the replacement being started, if any, is ready (tests, bench). */
void             ins_helper_pool_wait_spare    (InsHelperPool *pool);
/* No more spares: waits for one being started and ends it, so that no thread
 * is spawning a process when the program exits. Taking still works, on demand. */
void             ins_helper_pool_stop_spares   (InsHelperPool *pool);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InsHelperPool, ins_helper_pool_unref)

G_END_DECLS
