/* ins-page-cache.h — rendered pages kept under a byte budget, least recently used first out
 *
 * Main thread only. An entry is a page of a document (by the document's key) at
 * one rotation and one scale. Prefetched entries go in cold: they are the first
 * to leave, so prefetching never pushes out what the agent is looking at.
 */
#pragma once

#include <glib-object.h>

#include "ins-page-image.h"

G_BEGIN_DECLS

#define INS_TYPE_PAGE_CACHE (ins_page_cache_get_type ())

G_DECLARE_FINAL_TYPE (InsPageCache, ins_page_cache, INS, PAGE_CACHE, GObject)

InsPageCache *ins_page_cache_new             (gsize budget);

gsize         ins_page_cache_get_budget      (InsPageCache *self);
void          ins_page_cache_set_budget      (InsPageCache *self, gsize budget);
/* Bytes held now (never above the budget once an insert returns). */
gsize         ins_page_cache_get_size        (InsPageCache *self);
guint         ins_page_cache_get_n_entries   (InsPageCache *self);

/* Adds or replaces; @cold puts it at the end that is evicted first. An image
 * larger than the budget is not kept. */
void          ins_page_cache_insert          (InsPageCache *self,
                                              const char   *doc_key,
                                              guint         page,
                                              guint         rotation,
                                              double        scale,
                                              InsPageImage *image,
                                              gboolean      cold);
/* The image at exactly this scale (marked as just used), or NULL. Borrowed. */
InsPageImage *ins_page_cache_lookup          (InsPageCache *self,
                                              const char   *doc_key,
                                              guint         page,
                                              guint         rotation,
                                              double        scale);
/* The largest image of this page at any scale, for a placeholder while the
 * right scale renders; NULL when none. Borrowed; does not touch the order. */
InsPageImage *ins_page_cache_lookup_any      (InsPageCache *self,
                                              const char   *doc_key,
                                              guint         page,
                                              guint         rotation);
void          ins_page_cache_remove_document (InsPageCache *self,
                                              const char   *doc_key);
void          ins_page_cache_clear           (InsPageCache *self);

G_END_DECLS
