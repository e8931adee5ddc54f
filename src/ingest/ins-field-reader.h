/* ins-field-reader.h — typed JSON fields read and checked, each problem
 * recorded with its JSON path (for ins-submission-reader.c) */
#pragma once

#include <json-glib/json-glib.h>

#include "ins-import-error.h"

G_BEGIN_DECLS

typedef struct {
  const char *file;
  char       *dir;
  GPtrArray  *problems;
  char        today[11];     /* Europe/Paris */
  GDateTime  *now;
  gint64      total_bytes;
} InsFieldReader;

void        ins_field_fail          (InsFieldReader *r,
                                     InsImportError  code,
                                     const char     *path,
                                     const char     *format,
                                     ...) G_GNUC_PRINTF (4, 5);

/* "parent.member" and "parent[i]", newly allocated. */
char       *ins_field_join_path     (const char *parent,
                                     const char *member);
char       *ins_field_index_path    (const char *parent,
                                     guint       i);

gboolean    ins_field_has_control_characters (const char *s);

/* @name of @obj (which may be NULL), or NULL when missing or null: a problem
 * when @required. The readers below add a problem and return NULL (or FALSE)
 * for a value of the wrong type or out of bounds. */
JsonNode   *ins_field_member        (InsFieldReader *r,
                                     JsonObject     *obj,
                                     const char     *parent,
                                     const char     *name,
                                     gboolean        required);
JsonObject *ins_field_read_object   (InsFieldReader *r,
                                     JsonObject     *obj,
                                     const char     *parent,
                                     const char     *name,
                                     gboolean        required);
JsonArray  *ins_field_read_array    (InsFieldReader *r,
                                     JsonObject     *obj,
                                     const char     *parent,
                                     const char     *name,
                                     gboolean        required);
/* A non-empty string, trimmed, of at most @max_chars characters. */
char       *ins_field_read_string   (InsFieldReader *r,
                                     JsonObject     *obj,
                                     const char     *parent,
                                     const char     *name,
                                     gboolean        required,
                                     guint           max_chars);
/* A required true or false, into @out. */
gboolean    ins_field_read_bool     (InsFieldReader *r,
                                     JsonObject     *obj,
                                     const char     *parent,
                                     const char     *name,
                                     gboolean       *out);
/* A string among @allowed (NULL-terminated). */
char       *ins_field_read_word     (InsFieldReader     *r,
                                     JsonObject         *obj,
                                     const char         *parent,
                                     const char         *name,
                                     gboolean            required,
                                     const char * const *allowed);
/* "YYYY-MM-DD", a real day from 1900 on; not after today unless @future_ok. */
char       *ins_field_read_date     (InsFieldReader *r,
                                     JsonObject     *obj,
                                     const char     *parent,
                                     const char     *name,
                                     gboolean        future_ok);
/* A problem at parent.@name_to when the period @from–@to ends before it begins. */
void        ins_field_check_period  (InsFieldReader *r,
                                     const char     *parent,
                                     const char     *name_to,
                                     const char     *from,
                                     const char     *to);

G_END_DECLS
