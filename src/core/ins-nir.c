/* ins-nir.c — NIR validation, key, formatting and masking */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include <glib/gi18n.h>

#include "ins-core-error.h"
#include "ins-nir.h"

#define NIR_LENGTH 15

static gboolean
is_space_at (const char *p, gsize *len)
{
  gunichar c = g_utf8_get_char (p);

  if (c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2009)
    {
      *len = g_utf8_next_char (p) - p;
      return TRUE;
    }
  return FALSE;
}

/* Spaces removed, Corsica letters upper-cased; NULL when the text holds a
 * character that is neither (reported with its position among the others). */
static char *
compact (const char *text, GError **error)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      gsize len;

      if (is_space_at (p, &len))
        {
          p += len;
          continue;
        }
      if (g_ascii_isdigit (*p) || *p == 'A' || *p == 'B' || *p == 'a' || *p == 'b')
        {
          g_string_append_c (out, g_ascii_toupper (*p));
          p++;
          continue;
        }
      g_set_error (error, INS_CORE_ERROR, INS_CORE_ERROR_NIR_CHARACTER,
                   _("Character %u of the NIR is not allowed: only digits (and 2A or 2B for Corsica)"),
                   (guint) out->len + 1);
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static guint
two_digits (const char *p)
{
  return (guint) (p[0] - '0') * 10 + (guint) (p[1] - '0');
}

/* The 13 first characters as a number, Corsica counted as 19 (2A) or 18 (2B). */
static guint64
nir_number (const char *nir)
{
  guint64 n = 0;

  for (int i = 0; i < 13; i++)
    {
      int d;

      if (i == 5 && nir[5] == '2' && (nir[6] == 'A' || nir[6] == 'B'))
        d = 1;
      else if (i == 6 && nir[6] == 'A')
        d = 9;
      else if (i == 6 && nir[6] == 'B')
        d = 8;
      else
        d = nir[i] - '0';
      n = n * 10 + (guint64) d;
    }
  return n;
}

/* Checks the 13 first characters; the key is checked by the caller. */
static gboolean
check_body (const char *nir, gsize len, GError **error)
{
  guint month;

  for (gsize i = 0; i < len; i++)
    {
      gboolean corsica = i == 6 && nir[5] == '2' && (nir[6] == 'A' || nir[6] == 'B');

      if (!g_ascii_isdigit (nir[i]) && !corsica)
        {
          g_set_error (error, INS_CORE_ERROR, INS_CORE_ERROR_NIR_CHARACTER,
                       _("Character %u of the NIR must be a digit"), (guint) i + 1);
          return FALSE;
        }
    }

  switch (nir[0])
    {
    case '1': case '2': case '3': case '4': case '7': case '8':
      break;
    default:
      g_set_error (error, INS_CORE_ERROR, INS_CORE_ERROR_NIR_SEX,
                   _("The first digit of the NIR must be 1 or 2 (3, 4, 7 or 8 for a provisional number)"));
      return FALSE;
    }

  month = two_digits (nir + 3);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50))
    {
      g_set_error (error, INS_CORE_ERROR, INS_CORE_ERROR_NIR_MONTH,
                   _("Characters 4 and 5 of the NIR must be a month from 01 to 12"));
      return FALSE;
    }
  return TRUE;
}

char *
ins_nir_parse (const char  *text,
               GError     **error)
{
  g_autofree char *nir = NULL;
  gsize len;
  guint key, expected;

  g_return_val_if_fail (text != NULL, NULL);

  nir = compact (text, error);
  if (nir == NULL)
    return NULL;

  len = strlen (nir);
  if (len != NIR_LENGTH)
    {
      g_set_error (error, INS_CORE_ERROR, INS_CORE_ERROR_NIR_LENGTH,
                   _("A NIR has 15 characters (13 and a 2-digit key), not %u"), (guint) len);
      return NULL;
    }

  if (!check_body (nir, 13, error))
    return NULL;

  if (!g_ascii_isdigit (nir[13]) || !g_ascii_isdigit (nir[14]))
    {
      g_set_error (error, INS_CORE_ERROR, INS_CORE_ERROR_NIR_CHARACTER,
                   _("Character %u of the NIR must be a digit"),
                   g_ascii_isdigit (nir[13]) ? 15u : 14u);
      return NULL;
    }

  key = two_digits (nir + 13);
  expected = 97 - (guint) (nir_number (nir) % 97);
  if (key != expected)
    {
      g_set_error_literal (error, INS_CORE_ERROR, INS_CORE_ERROR_NIR_KEY,
                           _("The key of the NIR (its last two digits) does not match: a digit is probably wrong"));
      return NULL;
    }

  return g_steal_pointer (&nir);
}

gboolean
ins_nir_is_valid (const char *text)
{
  g_autofree char *nir = NULL;

  if (text == NULL)
    return FALSE;
  nir = ins_nir_parse (text, NULL);
  return nir != NULL;
}

guint
ins_nir_compute_key (const char *nir13)
{
  g_return_val_if_fail (nir13 != NULL, 0);

  if (strnlen (nir13, 13) < 13 || !check_body (nir13, 13, NULL))
    return 0;
  return 97 - (guint) (nir_number (nir13) % 97);
}

char *
ins_nir_format (const char *nir)
{
  g_autofree char *c = NULL;

  g_return_val_if_fail (nir != NULL, NULL);

  c = ins_nir_parse (nir, NULL);
  if (c == NULL)
    return NULL;
  return g_strdup_printf ("%.1s %.2s %.2s %.2s %.3s %.3s %.2s",
                          c, c + 1, c + 3, c + 5, c + 7, c + 10, c + 13);
}

char *
ins_nir_mask (const char *nir)
{
  g_autofree char *c = NULL;

  if (nir == NULL)
    return g_strdup ("***");
  c = compact (nir, NULL);
  if (c == NULL || strlen (c) != NIR_LENGTH)
    return g_strdup ("***");
  return g_strdup_printf ("%.1s %.2s ** ** *** *** **", c, c + 1);
}

char *
ins_nir_build (guint        sex,
               guint        year,
               guint        month,
               const char  *place,
               guint        order)
{
  g_autofree char *body = NULL;
  guint key;

  g_return_val_if_fail (place != NULL, NULL);

  if (sex > 9 || year > 99 || month > 99 || order < 1 || order > 999 || strlen (place) != 5)
    return NULL;

  body = g_strdup_printf ("%u%02u%02u%s%03u", sex, year, month, place, order);
  key = ins_nir_compute_key (body);
  if (key == 0)
    return NULL;
  return g_strdup_printf ("%s%02u", body, key);
}
