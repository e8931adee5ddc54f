/* ins-db-row.c — reading typed values out of a PGresult */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ins-db.h"
#include "ins-db-row.h"

char *
ins_db_row_strdup (PGresult *res, int row, int col)
{
  return g_strdup (ins_db_get_string (res, row, col));
}

GDateTime *
ins_db_row_datetime (PGresult *res, int row, int col)
{
  const char *text = ins_db_get_string (res, row, col);
  GDateTime *dt;

  if (text == NULL)
    return NULL;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    g_warning ("unexpected timestamp format in column %d", col);
  return dt;
}

void
ins_db_row_date (PGresult *res, int row, int col, GDate *date)
{
  const char *text = ins_db_get_string (res, row, col);
  unsigned y, m, d;

  g_date_clear (date, 1);
  if (text != NULL && sscanf (text, "%u-%u-%u", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    g_date_set_dmy (date, d, m, y);
}

/* A PostgreSQL text[] in text form: {a,"b c","d\"e",NULL}. */
GStrv
ins_db_row_strv (PGresult *res, int row, int col)
{
  const char *p = ins_db_get_string (res, row, col);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (p == NULL || *p != '{')
    return NULL;
  builder = g_strv_builder_new ();
  p++;
  while (*p != '\0' && *p != '}')
    {
      g_autoptr(GString) item = g_string_new (NULL);

      if (*p == '"')
        {
          for (p++; *p != '\0' && *p != '"'; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (item, *p);
            }
          if (*p == '"')
            p++;
        }
      else
        {
          for (; *p != '\0' && *p != ',' && *p != '}'; p++)
            g_string_append_c (item, *p);
        }
      g_strv_builder_add (builder, item->str);
      if (*p == ',')
        p++;
    }
  return g_strv_builder_end (builder);
}

char *
ins_db_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
ins_db_format_strv (const char * const *strv)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, '"');
      for (const char *p = strv[i]; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (s, '\\');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

InsAgent *
ins_db_row_agent (PGresult *res, int row, int c)
{
  InsAgent *agent = ins_agent_new ();

  agent->id = (int) ins_db_get_int64 (res, row, c);
  agent->login = ins_db_row_strdup (res, row, c + 1);
  agent->display_name = ins_db_row_strdup (res, row, c + 2);
  ins_role_from_nick (ins_db_get_string (res, row, c + 3), &agent->role);
  agent->organisme_id = (int) ins_db_get_int64 (res, row, c + 4);
  agent->organisme_code = ins_db_row_strdup (res, row, c + 5);
  agent->organisme_name = ins_db_row_strdup (res, row, c + 6);
  agent->active = ins_db_get_bool (res, row, c + 7);
  return agent;
}
