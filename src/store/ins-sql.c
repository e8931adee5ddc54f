/* ins-sql.c — SQL text built together with its bound parameters */
#define G_LOG_DOMAIN "ins-store"

#include "config.h"

#include <stdarg.h>

#include "ins-db.h"
#include "ins-sql.h"

void
ins_sql_init (InsSql *q)
{
  q->sql = g_string_new (NULL);
  q->params = g_ptr_array_new_with_free_func (g_free);
}

void
ins_sql_clear (InsSql *q)
{
  g_string_free (q->sql, TRUE);
  g_ptr_array_unref (q->params);
}

void
ins_sql_reset (InsSql *q)
{
  g_string_truncate (q->sql, 0);
  g_ptr_array_set_size (q->params, 0);
}

void
ins_sql_add (InsSql *q, const char *fragment, ...)
{
  va_list ap;

  va_start (ap, fragment);
  for (const char *p = fragment; *p; p++)
    {
      if (*p == '?')
        {
          g_ptr_array_add (q->params, va_arg (ap, char *));
          g_string_append_printf (q->sql, "$%u", q->params->len);
        }
      else
        g_string_append_c (q->sql, *p);
    }
  va_end (ap);
}

PGresult *
ins_sql_exec (PGconn *conn, InsSql *q, GError **error)
{
  return ins_db_exec (conn, q->sql->str, (int) q->params->len,
                      (const char * const *) q->params->pdata, error);
}
