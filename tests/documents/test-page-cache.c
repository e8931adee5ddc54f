/* test-page-cache.c — the byte budget and the order pages leave in */
#include "config.h"

#include "documents/ins-page-cache.h"

static InsPageImage *
image_of (guint side)
{
  g_autoptr(GBytes) pixels = g_bytes_new_take (g_malloc0 ((gsize) side * side * 4),
                                               (gsize) side * side * 4);

  return ins_page_image_new (side, side, side * 4, INS_PAGE_FORMAT_ARGB32_PREMULTIPLIED, pixels);
}

static void
test_budget_and_lru (void)
{
  g_autoptr(InsPageImage) img = image_of (100);
  gsize one = ins_page_image_get_size (img);
  g_autoptr(InsPageCache) cache = ins_page_cache_new (one * 3);

  for (guint p = 0; p < 3; p++)
    ins_page_cache_insert (cache, "doc", p, 0, 1.0, img, FALSE);
  g_assert_cmpuint (ins_page_cache_get_n_entries (cache), ==, 3);
  g_assert_cmpuint (ins_page_cache_get_size (cache), ==, one * 3);

  /* Page 0 is looked at again: page 1 is now the least recently used. */
  g_assert_true (ins_page_cache_lookup (cache, "doc", 0, 0, 1.0) == img);
  ins_page_cache_insert (cache, "doc", 3, 0, 1.0, img, FALSE);
  g_assert_cmpuint (ins_page_cache_get_size (cache), <=, ins_page_cache_get_budget (cache));
  g_assert_nonnull (ins_page_cache_lookup (cache, "doc", 0, 0, 1.0));
  g_assert_null (ins_page_cache_lookup (cache, "doc", 1, 0, 1.0));
  g_assert_nonnull (ins_page_cache_lookup (cache, "doc", 2, 0, 1.0));
  g_assert_nonnull (ins_page_cache_lookup (cache, "doc", 3, 0, 1.0));

  /* Scale and rotation are part of the key. */
  g_assert_null (ins_page_cache_lookup (cache, "doc", 3, 90, 1.0));
  g_assert_null (ins_page_cache_lookup (cache, "doc", 3, 0, 1.5));
  g_assert_true (ins_page_cache_lookup_any (cache, "doc", 3, 0) == img);

  /* Shrinking the budget evicts at once. */
  ins_page_cache_set_budget (cache, one);
  g_assert_cmpuint (ins_page_cache_get_n_entries (cache), ==, 1);
  g_assert_cmpuint (ins_page_cache_get_size (cache), <=, one);
}

static void
test_cold_entries_leave_first (void)
{
  g_autoptr(InsPageImage) img = image_of (64);
  gsize one = ins_page_image_get_size (img);
  g_autoptr(InsPageCache) cache = ins_page_cache_new (one * 3);

  ins_page_cache_insert (cache, "shown", 0, 0, 1.0, img, FALSE);
  ins_page_cache_insert (cache, "shown", 1, 0, 1.0, img, FALSE);
  /* Prefetching many pages of the next affaire never evicts what is shown. */
  for (guint p = 0; p < 10; p++)
    {
      ins_page_cache_insert (cache, "next", p, 0, 1.0, img, TRUE);
      g_assert_cmpuint (ins_page_cache_get_size (cache), <=, one * 3);
      g_assert_nonnull (ins_page_cache_lookup (cache, "shown", 0, 0, 1.0));
      g_assert_nonnull (ins_page_cache_lookup (cache, "shown", 1, 0, 1.0));
    }
  g_assert_nonnull (ins_page_cache_lookup (cache, "next", 9, 0, 1.0));
  g_assert_null (ins_page_cache_lookup (cache, "next", 8, 0, 1.0));
}

static void
test_oversized_and_removal (void)
{
  g_autoptr(InsPageImage) big = image_of (200);
  g_autoptr(InsPageImage) small = image_of (10);
  g_autoptr(InsPageCache) cache = ins_page_cache_new (ins_page_image_get_size (big) - 1);

  ins_page_cache_insert (cache, "a", 0, 0, 1.0, big, FALSE);
  g_assert_cmpuint (ins_page_cache_get_n_entries (cache), ==, 0);
  g_assert_cmpuint (ins_page_cache_get_size (cache), ==, 0);

  ins_page_cache_insert (cache, "a", 0, 0, 1.0, small, FALSE);
  ins_page_cache_insert (cache, "a", 1, 0, 1.0, small, FALSE);
  ins_page_cache_insert (cache, "b", 0, 0, 1.0, small, FALSE);
  /* Replacing an entry does not count it twice. */
  ins_page_cache_insert (cache, "b", 0, 0, 1.0, small, FALSE);
  g_assert_cmpuint (ins_page_cache_get_size (cache), ==, 3 * ins_page_image_get_size (small));
  ins_page_cache_remove_document (cache, "a");
  g_assert_cmpuint (ins_page_cache_get_n_entries (cache), ==, 1);
  g_assert_cmpuint (ins_page_cache_get_size (cache), ==, ins_page_image_get_size (small));
  ins_page_cache_clear (cache);
  g_assert_cmpuint (ins_page_cache_get_size (cache), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-cache/budget-and-lru", test_budget_and_lru);
  g_test_add_func ("/page-cache/cold-entries-leave-first", test_cold_entries_leave_first);
  g_test_add_func ("/page-cache/oversized-and-removal", test_oversized_and_removal);
  return g_test_run ();
}
