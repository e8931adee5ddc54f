/* test-ui-templates.c — every widget template and builder file under data/ui/ builds
 *
 * gtk4-builder-tool cannot see the project's types, so this program links the
 * whole private library, exports its symbols and lets GtkBuilder resolve each
 * Ins type by its _get_type function, as the application does. Each template is
 * instantiated in a subprocess so that one broken file fails its own test case.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#define UI_PREFIX "/fr/ameli/Instruction/ui/"

static void
collect_resources (const char *path,
                   GPtrArray  *out)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_resources (child, out);
      else if (g_str_has_suffix (children[i], ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

static void
collect_files (const char *dir,
               const char *rel,
               GPtrArray  *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *child_rel = rel[0] ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, child_rel, out);
      else if (g_str_has_suffix (name, ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&child_rel));
    }
}

/* The class of the <template> element, or NULL for a plain builder file. */
static char *
template_class (const char *xml)
{
  const char *tag = strstr (xml, "<template");
  const char *attr;
  const char *end;

  if (tag == NULL || (attr = strstr (tag, "class=\"")) == NULL)
    return NULL;
  attr += strlen ("class=\"");
  end = strchr (attr, '"');
  return end ? g_strndup (attr, end - attr) : NULL;
}

static void
build_resource (const char *resource)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
  g_autofree char *xml = NULL;
  g_autofree char *klass = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();

  g_assert_nonnull (bytes);
  xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  klass = template_class (xml);

  if (klass == NULL)
    {
      gtk_builder_add_from_resource (builder, resource, &error);
      g_assert_no_error (error);
      return;
    }

  {
    GType type = gtk_builder_get_type_from_name (builder, klass);
    GObject *object;

    if (type == G_TYPE_INVALID)
      g_error ("%s: template class %s is not a type of the project", resource, klass);
    /* init_template reports a broken template as a critical, fatal here. */
    object = g_object_new (type, NULL);
    g_object_ref_sink (object);
    if (GTK_IS_WINDOW (object))
      gtk_window_destroy (GTK_WINDOW (object));
    g_object_unref (object);
  }
}

static void
test_template (gconstpointer data)
{
  const char *resource = data;

  if (g_test_subprocess ())
    {
      build_resource (resource);
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Every .ui file of data/ui/ is compiled into the resources. */
static void
test_all_files_in_resources (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *ui_dir = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "ui", NULL);

  collect_files (ui_dir, "", files);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *resource = g_strconcat (UI_PREFIX, g_ptr_array_index (files, i), NULL);

      if (!g_resources_get_info (resource, 0, NULL, NULL, NULL))
        g_error ("data/ui/%s is not listed in resources/ui.gresource.xml under %s",
                 (char *) g_ptr_array_index (files, i), resource);
    }
}

/* The check itself must catch a broken template (an unknown property),
 * through the same path as the project's widgets. */
static void
broken_probe_class_init (gpointer klass,
                         gpointer data)
{
  static const char broken[] =
    "<interface><template class=\"InsBrokenProbe\" parent=\"GtkBox\">"
    "<property name=\"no-such-property\">1</property></template></interface>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (broken, sizeof broken - 1);

  gtk_widget_class_set_template (GTK_WIDGET_CLASS (klass), bytes);
}

static void
broken_probe_init (GTypeInstance *instance,
                   gpointer       klass)
{
  gtk_widget_init_template (GTK_WIDGET (instance));
}

static void
test_broken_template_fails (void)
{
  if (g_test_subprocess ())
    {
      GTypeQuery query;
      GTypeInfo info = { 0 };
      GType probe;

      g_type_query (GTK_TYPE_BOX, &query);
      info.class_size = query.class_size;
      info.class_init = broken_probe_class_init;
      info.instance_size = query.instance_size;
      info.instance_init = broken_probe_init;
      probe = g_type_register_static (GTK_TYPE_BOX, "InsBrokenProbe", &info, 0);
      g_object_unref (g_object_ref_sink (g_object_new (probe, NULL)));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*no-such-property*");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) resources = g_ptr_array_new_with_free_func (g_free);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  collect_resources (UI_PREFIX, resources);
  g_test_add_func ("/ui-templates/all-files-in-resources", test_all_files_in_resources);
  g_test_add_func ("/ui-templates/broken-template-fails", test_broken_template_fails);
  for (guint i = 0; i < resources->len; i++)
    {
      const char *resource = g_ptr_array_index (resources, i);
      g_autofree char *name = g_strconcat ("/ui-templates/builds/", resource + strlen (UI_PREFIX), NULL);

      g_test_add_data_func (name, resource, test_template);
    }
  return g_test_run ();
}
