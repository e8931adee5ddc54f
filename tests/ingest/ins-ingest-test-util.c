/* ins-ingest-test-util.c — shared by the ingest tests: sample bundles, mutated copies */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ingest/ins-probe.h"
#include "ins-ingest-test-util.h"

static GPtrArray *temp_dirs;

static void
remove_temp_dirs (void)
{
  for (guint i = 0; temp_dirs && i < temp_dirs->len; i++)
    {
      const char *dir = temp_dirs->pdata[i];
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *entry;

      while (d && (entry = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, entry, NULL);
          g_unlink (path);
        }
      g_rmdir (dir);
    }
}

char *
ingest_test_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ins-ingest-XXXXXX", &error);

  g_assert_no_error (error);
  if (temp_dirs == NULL)
    {
      temp_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_temp_dirs);
    }
  g_ptr_array_add (temp_dirs, g_strdup (dir));
  return dir;
}

char *
ingest_test_sample (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "submissions", name, "submission.json", NULL);
}

char *
ingest_test_probe_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "tools", "pdf-probe",
                                "instruction-pdf-probe", NULL);
}

char *
ingest_test_import_tool (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "tools", "import",
                                "instruction-import", NULL);
}

void
ingest_test_use_built_probe (void)
{
  g_autofree char *probe = ingest_test_probe_path ();

  g_assert_true (g_file_test (probe, G_FILE_TEST_IS_EXECUTABLE));
  g_unsetenv ("INS_PDF_PROBE");
  ins_probe_set_helper (probe);
}

JsonNode *
ingest_test_load (const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ingest_test_sample (name);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

void
ingest_test_set (JsonNode   *root,
                 const char *dotted,
                 JsonNode   *value)
{
  g_auto(GStrv) parts = g_strsplit (dotted, ".", -1);
  guint n = g_strv_length (parts);
  JsonNode *node = root;

  for (guint i = 0; i + 1 < n; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), atoi (parts[i]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint index = atoi (parts[n - 1]);

      if (value == NULL)
        json_array_remove_element (array, index);
      else if (index == json_array_get_length (array))
        json_array_add_element (array, value);
      else
        {
          /* JsonArray has no setter: rebuild it. */
          g_autoptr(JsonArray) copy = json_array_new ();
          for (guint i = 0; i < json_array_get_length (array); i++)
            json_array_add_element (copy, i == index ? value
                                                     : json_node_copy (json_array_get_element (array, i)));
          json_node_set_array (node, copy);
        }
      return;
    }
  if (value == NULL)
    json_object_remove_member (json_node_get_object (node), parts[n - 1]);
  else
    json_object_set_member (json_node_get_object (node), parts[n - 1], value);
}

JsonNode *
ingest_test_string (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

char *
ingest_test_write (JsonNode   *root,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ingest_test_temp_dir ();
  g_autofree char *sample = ingest_test_sample (name);
  g_autofree char *sample_dir = g_path_get_dirname (sample);
  g_autofree char *text = json_to_string (root, TRUE);
  g_autofree char *path = NULL;
  g_autoptr(GDir) d = NULL;
  const char *entry;

  g_assert_no_error (error);
  d = g_dir_open (sample_dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (!g_str_equal (entry, "submission.json"))
      {
        g_autofree char *from = g_build_filename (sample_dir, entry, NULL);
        g_autofree char *to = g_build_filename (dir, entry, NULL);
        g_assert_cmpint (symlink (from, to), ==, 0);
      }
  path = g_build_filename (dir, "submission.json", NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

GDateTime *
ingest_test_now (void)
{
  return g_date_time_new_utc (2025, 6, 1, 12, 0, 0);
}
