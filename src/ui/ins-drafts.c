/* ins-drafts.c — what the agent typed in an open dialog, kept on disk until sent */
#define G_LOG_DOMAIN "ins-ui"
#include "config.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ins-drafts-private.h"

#define SAVE_DELAY_MS 150

struct _InsDrafts
{
  GObject parent_instance;

  char       *path;
  GHashTable *drafts;       /* "id/action" → GHashTable (field → value) */
  guint       save_source;
  gboolean    saving;
  gboolean    dirty;

  /* Each write carries the generation it serialized; one older than what is
   * on disk is dropped, so a save still in flight never undoes a flush. */
  GMutex      write_lock;
  guint64     generation;
  guint64     written;         /* under write_lock */

  InsDraftsWriteHook write_hook;
  gpointer           write_hook_data;
};

typedef struct {
  char   *data;
  guint64 generation;
} Write;

G_DEFINE_FINAL_TYPE (InsDrafts, ins_drafts, G_TYPE_OBJECT)

static void save_now_async (InsDrafts *self);

static char *
draft_key (gint64 affaire_id, InsAction action)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s", affaire_id, ins_action_to_nick (action));
}

static GHashTable *
new_fields (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
load (InsDrafts *self)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  if (!json_parser_load_from_file (parser, self->path, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Ignoring unreadable drafts file: %s", error->message);
      return;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &key, &node))
    {
      GHashTable *fields;
      JsonObjectIter fiter;
      const char *field;
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      fields = new_fields ();
      json_object_iter_init (&fiter, json_node_get_object (node));
      while (json_object_iter_next (&fiter, &field, &value))
        if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
          g_hash_table_insert (fields, g_strdup (field), g_strdup (json_node_get_string (value)));
      g_hash_table_insert (self->drafts, g_strdup (key), fields);
    }
}

static char *
serialize (InsDrafts *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GHashTableIter iter;
  gpointer key, value;

  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTableIter fiter;
      gpointer field, text;

      json_builder_set_member_name (builder, key);
      json_builder_begin_object (builder);
      g_hash_table_iter_init (&fiter, value);
      while (g_hash_table_iter_next (&fiter, &field, &text))
        {
          json_builder_set_member_name (builder, field);
          json_builder_add_string_value (builder, text);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
ensure_parent (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
write_free (gpointer data)
{
  Write *write = data;

  g_free (write->data);
  g_free (write);
}

static Write *
write_new (InsDrafts *self)
{
  Write *write = g_new0 (Write, 1);

  write->data = serialize (self);
  write->generation = ++self->generation;
  self->dirty = FALSE;
  return write;
}

static gboolean
write_to_disk (InsDrafts *self, const Write *write, GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->write_lock);

  if (write->generation <= self->written)
    return TRUE;
  if (!g_file_set_contents_full (self->path, write->data, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  self->written = write->generation;
  return TRUE;
}

static void
save_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;

  (void) cancellable;
  if (INS_DRAFTS (source)->write_hook != NULL)
    INS_DRAFTS (source)->write_hook (source, INS_DRAFTS (source)->write_hook_data);
  if (write_to_disk (source, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  InsDrafts *self = INS_DRAFTS (source);
  g_autoptr(GError) error = NULL;

  (void) user_data;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not save the drafts: %s", error->message);
  self->saving = FALSE;
  if (self->dirty)
    save_now_async (self);
}

static void
save_now_async (InsDrafts *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (self->saving)
    return;
  if (!ensure_parent (self->path, &error))
    {
      g_warning ("Could not save the drafts: %s", error->message);
      return;
    }
  self->saving = TRUE;
  task = g_task_new (self, NULL, save_done, NULL);
  g_task_set_task_data (task, write_new (self), write_free);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
save_timeout (gpointer user_data)
{
  InsDrafts *self = user_data;

  self->save_source = 0;
  save_now_async (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (InsDrafts *self)
{
  self->dirty = TRUE;
  if (self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

gboolean
ins_drafts_flush (InsDrafts *self, GError **error)
{
  Write *write;
  gboolean ok;

  g_return_val_if_fail (INS_IS_DRAFTS (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty)
    return TRUE;
  if (!ensure_parent (self->path, error))
    return FALSE;
  write = write_new (self);
  ok = write_to_disk (self, write, error);
  write_free (write);
  return ok;
}

static void
ins_drafts_dispose (GObject *object)
{
  InsDrafts *self = INS_DRAFTS (object);
  g_autoptr(GError) error = NULL;

  if (self->dirty && !ins_drafts_flush (self, &error))
    g_warning ("Could not save the drafts: %s", error->message);
  G_OBJECT_CLASS (ins_drafts_parent_class)->dispose (object);
}

static void
ins_drafts_finalize (GObject *object)
{
  InsDrafts *self = INS_DRAFTS (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->write_lock);
  G_OBJECT_CLASS (ins_drafts_parent_class)->finalize (object);
}

static void
ins_drafts_class_init (InsDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ins_drafts_dispose;
  object_class->finalize = ins_drafts_finalize;
}

static void
ins_drafts_init (InsDrafts *self)
{
  g_mutex_init (&self->write_lock);
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_hash_table_unref);
}

InsDrafts *
ins_drafts_new (const char *path)
{
  InsDrafts *self = g_object_new (INS_TYPE_DRAFTS, NULL);

  if (path != NULL)
    self->path = g_strdup (path);
  else
    self->path = g_build_filename (g_get_user_data_dir (), "instruction", "drafts.json", NULL);
  load (self);
  return self;
}

void
ins_drafts_set_write_hook (InsDrafts *self, InsDraftsWriteHook hook, gpointer data)
{
  g_return_if_fail (INS_IS_DRAFTS (self));
  self->write_hook = hook;
  self->write_hook_data = data;
}

const char *
ins_drafts_get_path (InsDrafts *self)
{
  g_return_val_if_fail (INS_IS_DRAFTS (self), NULL);
  return self->path;
}

const char *
ins_drafts_get (InsDrafts  *self,
                gint64      affaire_id,
                InsAction   action,
                const char *field)
{
  g_autofree char *key = draft_key (affaire_id, action);
  GHashTable *fields;

  g_return_val_if_fail (INS_IS_DRAFTS (self), NULL);
  fields = g_hash_table_lookup (self->drafts, key);
  return fields ? g_hash_table_lookup (fields, field) : NULL;
}

void
ins_drafts_set (InsDrafts  *self,
                gint64      affaire_id,
                InsAction   action,
                const char *field,
                const char *value)
{
  char *key = draft_key (affaire_id, action);
  GHashTable *fields;

  g_return_if_fail (INS_IS_DRAFTS (self));
  g_return_if_fail (field != NULL);

  fields = g_hash_table_lookup (self->drafts, key);
  if (fields == NULL)
    {
      if (value == NULL)
        {
          g_free (key);
          return;
        }
      fields = new_fields ();
      g_hash_table_insert (self->drafts, key, fields);
    }
  else
    g_free (key);

  if (value == NULL)
    g_hash_table_remove (fields, field);
  else
    g_hash_table_insert (fields, g_strdup (field), g_strdup (value));
  schedule_save (self);
}

void
ins_drafts_clear (InsDrafts *self,
                  gint64     affaire_id,
                  InsAction  action)
{
  g_autofree char *key = draft_key (affaire_id, action);

  g_return_if_fail (INS_IS_DRAFTS (self));
  if (g_hash_table_remove (self->drafts, key))
    schedule_save (self);
}

gboolean
ins_drafts_has (InsDrafts *self,
                gint64     affaire_id,
                InsAction  action)
{
  g_autofree char *key = draft_key (affaire_id, action);
  GHashTable *fields;

  g_return_val_if_fail (INS_IS_DRAFTS (self), FALSE);
  fields = g_hash_table_lookup (self->drafts, key);
  return fields != NULL && g_hash_table_size (fields) > 0;
}
