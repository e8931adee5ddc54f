/* ins-page-cache.c — rendered pages under a byte budget, LRU */
#define G_LOG_DOMAIN "ins-documents"

#include "config.h"

#include <math.h>

#include "ins-page-cache.h"

typedef struct {
  char *key;        /* doc_key \x1f page \x1f rotation \x1f milli-scale */
  char *doc_key;
  guint page;
  guint rotation;
  InsPageImage *image;
  gsize size;
  GList link;       /* in lru: head is the most recently used */
} Entry;

struct _InsPageCache
{
  GObject parent_instance;

  GHashTable *entries; /* key → Entry */
  GQueue lru;
  gsize budget;
  gsize size;
};

G_DEFINE_FINAL_TYPE (InsPageCache, ins_page_cache, G_TYPE_OBJECT)

static char *
make_key (const char *doc_key, guint page, guint rotation, double scale)
{
  return g_strdup_printf ("%s\x1f%u\x1f%u\x1f%ld", doc_key, page, rotation,
                          lround (scale * 1000.0));
}

static void
entry_free (gpointer data)
{
  Entry *e = data;

  ins_page_image_unref (e->image);
  g_free (e->doc_key);
  g_free (e->key);
  g_free (e);
}

static void
remove_entry (InsPageCache *self, Entry *e)
{
  g_queue_unlink (&self->lru, &e->link);
  self->size -= e->size;
  g_hash_table_remove (self->entries, e->key);
}

static void
evict (InsPageCache *self)
{
  while (self->size > self->budget && self->lru.tail != NULL)
    remove_entry (self, self->lru.tail->data);
}

static void
ins_page_cache_finalize (GObject *object)
{
  InsPageCache *self = INS_PAGE_CACHE (object);

  ins_page_cache_clear (self);
  g_hash_table_unref (self->entries);
  G_OBJECT_CLASS (ins_page_cache_parent_class)->finalize (object);
}

static void
ins_page_cache_class_init (InsPageCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ins_page_cache_finalize;
}

static void
ins_page_cache_init (InsPageCache *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  g_queue_init (&self->lru);
}

InsPageCache *
ins_page_cache_new (gsize budget)
{
  InsPageCache *self = g_object_new (INS_TYPE_PAGE_CACHE, NULL);

  self->budget = budget;
  return self;
}

gsize
ins_page_cache_get_budget (InsPageCache *self)
{
  g_return_val_if_fail (INS_IS_PAGE_CACHE (self), 0);
  return self->budget;
}

void
ins_page_cache_set_budget (InsPageCache *self, gsize budget)
{
  g_return_if_fail (INS_IS_PAGE_CACHE (self));
  self->budget = budget;
  evict (self);
}

gsize
ins_page_cache_get_size (InsPageCache *self)
{
  g_return_val_if_fail (INS_IS_PAGE_CACHE (self), 0);
  return self->size;
}

guint
ins_page_cache_get_n_entries (InsPageCache *self)
{
  g_return_val_if_fail (INS_IS_PAGE_CACHE (self), 0);
  return g_hash_table_size (self->entries);
}

void
ins_page_cache_insert (InsPageCache *self,
                       const char   *doc_key,
                       guint         page,
                       guint         rotation,
                       double        scale,
                       InsPageImage *image,
                       gboolean      cold)
{
  g_autofree char *key = NULL;
  Entry *e;

  g_return_if_fail (INS_IS_PAGE_CACHE (self));
  g_return_if_fail (doc_key != NULL && image != NULL);

  key = make_key (doc_key, page, rotation, scale);
  e = g_hash_table_lookup (self->entries, key);
  if (e != NULL)
    remove_entry (self, e);
  if (ins_page_image_get_size (image) > self->budget)
    return;

  e = g_new0 (Entry, 1);
  e->key = g_steal_pointer (&key);
  e->doc_key = g_strdup (doc_key);
  e->page = page;
  e->rotation = rotation;
  e->image = ins_page_image_ref (image);
  e->size = ins_page_image_get_size (image);
  e->link.data = e;
  g_hash_table_insert (self->entries, e->key, e);
  self->size += e->size;

  /* Make room before a cold entry joins the tail, or it would go first. */
  if (cold)
    {
      self->size -= e->size;
      self->budget -= e->size;
      evict (self);
      self->budget += e->size;
      self->size += e->size;
      g_queue_push_tail_link (&self->lru, &e->link);
    }
  else
    {
      g_queue_push_head_link (&self->lru, &e->link);
      evict (self);
    }
}

InsPageImage *
ins_page_cache_lookup (InsPageCache *self,
                       const char   *doc_key,
                       guint         page,
                       guint         rotation,
                       double        scale)
{
  g_autofree char *key = NULL;
  Entry *e;

  g_return_val_if_fail (INS_IS_PAGE_CACHE (self), NULL);

  key = make_key (doc_key, page, rotation, scale);
  e = g_hash_table_lookup (self->entries, key);
  if (e == NULL)
    return NULL;
  g_queue_unlink (&self->lru, &e->link);
  g_queue_push_head_link (&self->lru, &e->link);
  return e->image;
}

InsPageImage *
ins_page_cache_lookup_any (InsPageCache *self,
                           const char   *doc_key,
                           guint         page,
                           guint         rotation)
{
  InsPageImage *best = NULL;

  g_return_val_if_fail (INS_IS_PAGE_CACHE (self), NULL);

  for (GList *l = self->lru.head; l != NULL; l = l->next)
    {
      Entry *e = l->data;

      if (e->page == page && e->rotation == rotation && g_str_equal (e->doc_key, doc_key)
          && (best == NULL || e->image->width > best->width))
        best = e->image;
    }
  return best;
}

void
ins_page_cache_remove_document (InsPageCache *self,
                                const char   *doc_key)
{
  GList *l;

  g_return_if_fail (INS_IS_PAGE_CACHE (self));

  l = self->lru.head;
  while (l != NULL)
    {
      Entry *e = l->data;

      l = l->next;
      if (g_str_equal (e->doc_key, doc_key))
        remove_entry (self, e);
    }
}

void
ins_page_cache_clear (InsPageCache *self)
{
  g_return_if_fail (INS_IS_PAGE_CACHE (self));

  while (self->lru.head != NULL)
    remove_entry (self, self->lru.head->data);
}
