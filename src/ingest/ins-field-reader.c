/* ins-field-reader.c — typed JSON fields read and checked, each problem
 * recorded with its JSON path */
#define G_LOG_DOMAIN "ins-ingest"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ins-field-reader.h"

void
ins_field_fail (InsFieldReader *r,
                InsImportError  code,
                const char     *path,
                const char     *format,
                ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (r->problems, ins_import_problem_new (code, r->file, path, reason));
}

char *
ins_field_join_path (const char *parent, const char *member)
{
  return g_strconcat (parent, ".", member, NULL);
}

char *
ins_field_index_path (const char *parent, guint i)
{
  return g_strdup_printf ("%s[%u]", parent, i);
}

JsonNode *
ins_field_member (InsFieldReader *r,
                  JsonObject     *obj,
                  const char     *parent,
                  const char     *name,
                  gboolean        required)
{
  JsonNode *node = obj ? json_object_get_member (obj, name) : NULL;

  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && required)
    {
      g_autofree char *path = ins_field_join_path (parent, name);
      ins_field_fail (r, INS_IMPORT_ERROR_MISSING, path, _("this required field is missing"));
    }
  return node && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

/* @name of @obj when it holds a node of @type; else NULL, and a problem
 * saying @expected when it holds another type. */
static JsonNode *
member_of_type (InsFieldReader *r,
                JsonObject     *obj,
                const char     *parent,
                const char     *name,
                gboolean        required,
                JsonNodeType    type,
                const char     *expected)
{
  JsonNode *node = ins_field_member (r, obj, parent, name, required);

  if (node == NULL)
    return NULL;
  if (JSON_NODE_TYPE (node) != type)
    {
      g_autofree char *path = ins_field_join_path (parent, name);
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, path, "%s", expected);
      return NULL;
    }
  return node;
}

JsonObject *
ins_field_read_object (InsFieldReader *r,
                       JsonObject     *obj,
                       const char     *parent,
                       const char     *name,
                       gboolean        required)
{
  JsonNode *node = member_of_type (r, obj, parent, name, required, JSON_NODE_OBJECT, _("an object is expected"));

  return node ? json_node_get_object (node) : NULL;
}

JsonArray *
ins_field_read_array (InsFieldReader *r,
                      JsonObject     *obj,
                      const char     *parent,
                      const char     *name,
                      gboolean        required)
{
  JsonNode *node = member_of_type (r, obj, parent, name, required, JSON_NODE_ARRAY, _("a list is expected"));

  return node ? json_node_get_array (node) : NULL;
}

gboolean
ins_field_has_control_characters (const char *s)
{
  for (; *s; s++)
    if ((guchar) *s < 0x20 || *s == 0x7f)
      return TRUE;
  return FALSE;
}

/* A non-empty string, trimmed, of at most @max_chars characters. */
char *
ins_field_read_string (InsFieldReader *r,
                       JsonObject     *obj,
                       const char     *parent,
                       const char     *name,
                       gboolean        required,
                       guint           max_chars)
{
  JsonNode *node = ins_field_member (r, obj, parent, name, required);
  g_autofree char *path = ins_field_join_path (parent, name);
  g_autofree char *value = NULL;

  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, path, _("a text is expected"));
      return NULL;
    }
  value = g_strstrip (g_strdup (json_node_get_string (node)));
  if (*value == '\0')
    {
      if (required)
        ins_field_fail (r, INS_IMPORT_ERROR_MISSING, path, _("this required field is empty"));
      return NULL;
    }
  if (ins_field_has_control_characters (value))
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, path, _("the text holds control characters"));
      return NULL;
    }
  if (g_utf8_strlen (value, -1) > (glong) max_chars)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, path,
                      _("at most %u characters are allowed, there are %ld"),
                      max_chars, g_utf8_strlen (value, -1));
      return NULL;
    }
  return g_steal_pointer (&value);
}

gboolean
ins_field_read_bool (InsFieldReader *r,
                     JsonObject     *obj,
                     const char     *parent,
                     const char     *name,
                     gboolean       *out)
{
  JsonNode *node = ins_field_member (r, obj, parent, name, TRUE);

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *path = ins_field_join_path (parent, name);
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, path, _("true or false is expected"));
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

char *
ins_field_read_word (InsFieldReader     *r,
                     JsonObject         *obj,
                     const char         *parent,
                     const char         *name,
                     gboolean            required,
                     const char * const *allowed)
{
  g_autofree char *value = ins_field_read_string (r, obj, parent, name, required, 64);

  if (value == NULL)
    return NULL;
  if (!g_strv_contains (allowed, value))
    {
      g_autofree char *path = ins_field_join_path (parent, name);
      g_autofree char *list = g_strjoinv (", ", (char **) allowed);
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, path, _("« %s » is not one of: %s"), value, list);
      return NULL;
    }
  return g_steal_pointer (&value);
}

/* "YYYY-MM-DD", a real day from 1900 on; not after today unless @future_ok. */
char *
ins_field_read_date (InsFieldReader *r,
                     JsonObject     *obj,
                     const char     *parent,
                     const char     *name,
                     gboolean        future_ok)
{
  g_autofree char *value = ins_field_read_string (r, obj, parent, name, TRUE, 10);
  g_autofree char *path = ins_field_join_path (parent, name);
  guint y, m, d;
  char tail;

  if (value == NULL)
    return NULL;
  if (strlen (value) != 10 || value[4] != '-' || value[7] != '-'
      || sscanf (value, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || !g_ascii_isdigit (value[0]) || !g_ascii_isdigit (value[5]) || !g_ascii_isdigit (value[8])
      || !g_date_valid_dmy (d, m, y))
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, path, _("« %s » is not a date (YYYY-MM-DD)"), value);
      return NULL;
    }
  if (y < 1900)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, path, _("the date %s is before 1900"), value);
      return NULL;
    }
  if (!future_ok && strcmp (value, r->today) > 0)
    {
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, path, _("the date %s is in the future"), value);
      return NULL;
    }
  return g_steal_pointer (&value);
}

void
ins_field_check_period (InsFieldReader *r,
                        const char     *parent,
                        const char     *name_to,
                        const char     *from,
                        const char     *to)
{
  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    {
      g_autofree char *path = ins_field_join_path (parent, name_to);
      ins_field_fail (r, INS_IMPORT_ERROR_INVALID, path,
                      _("the period ends (%s) before it begins (%s)"), to, from);
    }
}
