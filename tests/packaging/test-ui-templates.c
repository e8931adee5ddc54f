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

typedef struct
{
  GPtrArray *files;      /* data/ui/… paths listed */
  GPtrArray *resources;  /* their resource paths */
} Listing;

static void
listing_start (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Listing *listing = user_data;
  const char *alias = NULL;

  if (g_strcmp0 (element, "file") != 0)
    return;
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], "alias") == 0)
      alias = values[i];
  g_ptr_array_add (listing->resources, alias ? g_strconcat ("/fr/ameli/Instruction/", alias, NULL) : NULL);
}

static void
listing_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 len,
              gpointer              user_data,
              GError              **error)
{
  Listing *listing = user_data;

  if (g_strcmp0 (g_markup_parse_context_get_element (context), "file") == 0)
    g_ptr_array_add (listing->files, g_strndup (text, len));
}

/* Reads resources/ui.gresource.xml: which data/ui files are compiled in, and where. */
static Listing *
read_listing (void)
{
  static const GMarkupParser parser = { listing_start, NULL, listing_text, NULL, NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "ui.gresource.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Listing *listing = g_new0 (Listing, 1);

  listing->files = g_ptr_array_new_with_free_func (g_free);
  listing->resources = g_ptr_array_new_with_free_func (g_free);
  g_file_get_contents (path, &xml, NULL, &error);
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, listing, NULL);
  g_markup_parse_context_parse (context, xml, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listing->files->len, ==, listing->resources->len);
  return listing;
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
  g_autofree char *ui_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "ui", NULL);
  Listing *listing = read_listing ();

  collect_files (ui_dir, "", files);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *listed = g_strconcat ("data/ui/", (char *) g_ptr_array_index (files, i), NULL);

      if (!g_ptr_array_find_with_equal_func (listing->files, listed, g_str_equal, NULL))
        g_error ("%s is not listed in resources/ui.gresource.xml", listed);
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
  Listing *listing = NULL;

  GTestDBus *bus = NULL;
  int status;

  /* A private session bus, so that widgets reaching for the keyring or a
   * portal do not autolaunch one; kept for the subprocesses. */
  if (g_getenv ("INS_TEMPLATES_BUS") == NULL)
    {
      g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (bus);
      if (display != NULL)
        g_setenv ("DISPLAY", display, TRUE);  /* g_test_dbus_up() unsets it */
      g_setenv ("INS_TEMPLATES_BUS", "1", TRUE);
    }
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  listing = read_listing ();
  g_test_add_func ("/ui-templates/all-files-in-resources", test_all_files_in_resources);
  g_test_add_func ("/ui-templates/broken-template-fails", test_broken_template_fails);
  for (guint i = 0; i < listing->files->len; i++)
    {
      const char *file = g_ptr_array_index (listing->files, i);
      const char *resource = g_ptr_array_index (listing->resources, i);
      g_autofree char *name = NULL;

      if (!g_str_has_suffix (file, ".ui") || resource == NULL)
        continue;
      name = g_strconcat ("/ui-templates/builds/", file, NULL);
      g_test_add_data_func (name, resource, test_template);
    }
  status = g_test_run ();
  /* Stopped, not finalized: GTK keeps its bus connection until exit. */
  if (bus != NULL)
    g_test_dbus_stop (bus);
  return status;
}
