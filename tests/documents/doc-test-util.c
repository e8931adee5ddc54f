/* doc-test-util.c — shared bits of the documents tests */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "doc-test-util.h"

#define WAIT_LIMIT_SECONDS 120

void
doc_test_init_renderer (void)
{
  if (g_getenv ("INS_RENDERER_PATH") == NULL)
    {
      const char *builddir = g_getenv ("G_TEST_BUILDDIR");
      g_autofree char *path = NULL;

      g_assert_nonnull (builddir);
      /* G_TEST_BUILDDIR is the tests/ folder of the build tree. */
      path = g_build_filename (builddir, "..", "src", "tools", "renderer",
                               "instruction-renderer", NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_EXECUTABLE));
      g_setenv ("INS_RENDERER_PATH", path, TRUE);
    }
}

const char *
doc_test_corpus_dir (void)
{
  const char *dir = g_getenv ("INS_TEST_CORPUS");

  return dir ? dir : "/work/shared/corpus";
}

static int
compare_paths (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
doc_test_corpus_files (const char *sub, const char *suffix)
{
  g_autofree char *dir_path = g_build_filename (doc_test_corpus_dir (), sub, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort_with_data (files, compare_paths, NULL);
  return files;
}

GBytes *
doc_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (file);
}

void
doc_test_store_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
on_deadline (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

GAsyncResult *
doc_test_wait_result (GAsyncResult **slot)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (WAIT_LIMIT_SECONDS, on_deadline, &expired);

  while (*slot == NULL && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (id);
  return g_steal_pointer (slot);
}

/* The state letter and parent of process @pid from /proc, FALSE when gone. */
static gboolean
read_stat (const char *pid, char *state, int *ppid, gboolean *is_renderer)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "stat", NULL);
  g_autofree char *stat = NULL;
  const char *close_paren;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return FALSE;
  /* pid (comm) state ppid … ; comm is cut to 15 characters */
  close_paren = strrchr (stat, ')');
  if (close_paren == NULL || sscanf (close_paren + 1, " %c %d", state, ppid) != 2)
    return FALSE;
  *is_renderer = strstr (stat, "(instruction-re") != NULL;
  return TRUE;
}

/* This process's renderer children, the exited-but-not-reaped ones or the
 * others. */
static guint
count_helpers (gboolean zombies)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char state;
      int ppid;
      gboolean renderer;

      if (g_ascii_isdigit (*name) && read_stat (name, &state, &ppid, &renderer)
          && ppid == getpid () && (state == 'Z') == zombies && renderer)
        n++;
    }
  return n;
}

guint
doc_test_count_helpers (void)
{
  return count_helpers (FALSE);
}

/* Renderer children exited but not reaped. */
guint
doc_test_count_zombie_helpers (void)
{
  return count_helpers (TRUE);
}

gboolean
doc_test_pid_alive (GPid pid)
{
  g_autofree char *name = g_strdup_printf ("%d", (int) pid);
  char state;
  int ppid;
  gboolean renderer;

  return read_stat (name, &state, &ppid, &renderer) && state != 'Z';
}
