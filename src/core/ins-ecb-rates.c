/* ins-ecb-rates.c — the ECB reference-rate history, parsed into flat arrays */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include <stdlib.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "ins-ecb-rates.h"

#define RESOURCE_PATH "/fr/ameli/Instruction/data/eurofxref-hist.csv"

typedef char Code[4];

struct _InsEcbRates {
  guint     n_dates;
  guint     n_currencies;
  guint32  *julian;     /* n_dates, ascending */
  Code     *codes;      /* n_currencies */
  InsRate  *rates;      /* n_dates × n_currencies, row by row; 0 = N/A */
};

typedef struct {
  guint32 julian;
  guint   row;
} DateRow;

static int
compare_date_rows (const void *a, const void *b)
{
  const DateRow *x = a, *y = b;

  return x->julian < y->julian ? -1 : x->julian > y->julian;
}

static gboolean
invalid (GError **error, guint line, const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("ECB rate file, line %u: %s"), line, what);
  return FALSE;
}

static gboolean
parse_date (const char *text, guint32 *julian)
{
  GDate date;
  guint y, m, d;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  *julian = g_date_get_julian (&date);
  return TRUE;
}

/* Splits one line (without its end) into at most @max fields pointing into
 * it; a trailing empty field (the ECB's final comma) is dropped. Returns the
 * number of fields, or max + 1 when there are more. */
typedef struct {
  const char *start;
  gsize       len;
} Field;

static guint
split_fields (const char *line, gsize len, Field *fields, guint max)
{
  guint n = 0;
  const char *p = line, *end = line + len;

  while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' '))
    end = line + --len;
  if (len == 0)
    return 0;

  for (;;)
    {
      const char *comma = memchr (p, ',', (gsize) (end - p));
      const char *stop = comma != NULL ? comma : end;

      if (n == max)
        return max + 1;
      fields[n++] = (Field) { p, (gsize) (stop - p) };
      if (comma == NULL)
        break;
      p = comma + 1;
    }
  if (n > 0 && fields[n - 1].len == 0)
    n--;
  return n;
}

static gboolean
field_equals (const Field *field, const char *text)
{
  return field->len == strlen (text) && memcmp (field->start, text, field->len) == 0;
}

/* Copies @field into @buffer of @size, NUL-terminated; FALSE if too long. */
static gboolean
field_copy (const Field *field, char *buffer, gsize size)
{
  if (field->len >= size)
    return FALSE;
  memcpy (buffer, field->start, field->len);
  buffer[field->len] = '\0';
  return TRUE;
}

#define MAX_COLUMNS 256

static gboolean
parse (InsEcbRates *self, const char *data, gsize size, GError **error)
{
  g_autoptr(GArray) julian = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (InsRate));
  g_autofree Field *fields = g_new (Field, MAX_COLUMNS + 1);
  g_autofree DateRow *order = NULL;
  const char *p = data, *end = data + size;
  guint line = 0;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      gsize len = eol != NULL ? (gsize) (eol - p) : (gsize) (end - p);
      guint n = split_fields (p, len, fields, MAX_COLUMNS + 1);
      char text[32];

      line++;
      p += len + 1;
      if (n == 0)
        continue;

      if (self->codes == NULL)
        {
          if (!field_equals (&fields[0], "Date") || n < 2)
            return invalid (error, line, _("the header must start with “Date”"));
          if (n > MAX_COLUMNS + 1)
            return invalid (error, line, _("the number of values differs from the header"));
          self->n_currencies = n - 1;
          self->codes = g_new0 (Code, self->n_currencies);
          for (guint i = 1; i < n; i++)
            {
              if (fields[i].len != 3)
                return invalid (error, line, _("a currency code has not 3 letters"));
              memcpy (self->codes[i - 1], fields[i].start, 3);
            }
          continue;
        }

      if (n != self->n_currencies + 1)
        return invalid (error, line, _("the number of values differs from the header"));

      {
        guint32 j;

        if (!field_copy (&fields[0], text, sizeof text) || !parse_date (text, &j))
          return invalid (error, line, _("the date is not YYYY-MM-DD"));
        g_array_append_val (julian, j);
      }
      for (guint i = 1; i < n; i++)
        {
          InsRate rate = 0;

          if (!field_equals (&fields[i], "N/A")
              && (!field_copy (&fields[i], text, sizeof text) || !ins_rate_parse (text, &rate, NULL)))
            return invalid (error, line, _("a rate is not a positive decimal number"));
          g_array_append_val (rates, rate);
        }
    }

  if (self->codes == NULL || julian->len == 0)
    return invalid (error, line, _("no rates"));

  self->n_dates = julian->len;
  order = g_new (DateRow, self->n_dates);
  for (guint i = 0; i < self->n_dates; i++)
    order[i] = (DateRow) { g_array_index (julian, guint32, i), i };
  qsort (order, self->n_dates, sizeof *order, compare_date_rows);

  self->julian = g_new (guint32, self->n_dates);
  self->rates = g_new (InsRate, (gsize) self->n_dates * self->n_currencies);
  for (guint i = 0; i < self->n_dates; i++)
    {
      if (i > 0 && order[i].julian == order[i - 1].julian)
        return invalid (error, order[i].row + 2, _("the same date appears twice"));
      self->julian[i] = order[i].julian;
      memcpy (self->rates + (gsize) i * self->n_currencies,
              &g_array_index (rates, InsRate, (gsize) order[i].row * self->n_currencies),
              self->n_currencies * sizeof (InsRate));
    }
  return TRUE;
}

InsEcbRates *
ins_ecb_rates_new_from_bytes (GBytes  *csv,
                              GError **error)
{
  g_autoptr(InsEcbRates) self = g_new0 (InsEcbRates, 1);
  gsize size;
  const char *data;

  g_return_val_if_fail (csv != NULL, NULL);

  data = g_bytes_get_data (csv, &size);
  if (!parse (self, data, size, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Parsed once; a failed read is not kept, so a later call says why again. */
static InsEcbRates *
load_default (GError **error)
{
  static GMutex lock;
  static InsEcbRates *rates;
  InsEcbRates *result;

  g_mutex_lock (&lock);
  if (rates == NULL)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

      if (bytes != NULL)
        rates = ins_ecb_rates_new_from_bytes (bytes, error);
    }
  result = rates;
  g_mutex_unlock (&lock);
  return result;
}

InsEcbRates *
ins_ecb_rates_get_default (void)
{
  g_autoptr(GError) error = NULL;
  InsEcbRates *rates = load_default (&error);

  if (rates == NULL)
    g_error ("The compiled-in ECB rates cannot be read: %s", error->message);
  return rates;
}

/* An error rather than an abort: the read may still run while the process
 * exits, when the resources are already unregistered. */
static void
get_default_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  InsEcbRates *rates = load_default (&error);

  if (rates == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rates, NULL);
}

void
ins_ecb_rates_get_default_async (GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ins_ecb_rates_get_default_async);
  g_task_run_in_thread (task, get_default_thread);
}

InsEcbRates *
ins_ecb_rates_get_default_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ins_ecb_rates_free (InsEcbRates *self)
{
  if (self == NULL)
    return;
  g_free (self->julian);
  g_free (self->codes);
  g_free (self->rates);
  g_free (self);
}

void
ins_ecb_rates_get_range (InsEcbRates *self,
                         GDate       *first,
                         GDate       *last)
{
  g_return_if_fail (self != NULL);

  if (first != NULL)
    g_date_set_julian (first, self->julian[0]);
  if (last != NULL)
    g_date_set_julian (last, self->julian[self->n_dates - 1]);
}

static int
column_of (InsEcbRates *self, const char *currency)
{
  for (guint i = 0; i < self->n_currencies; i++)
    if (g_str_equal (self->codes[i], currency))
      return (int) i;
  return -1;
}

gboolean
ins_ecb_rates_has_currency (InsEcbRates *self,
                            const char  *currency)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);

  return column_of (self, currency) >= 0;
}

gboolean
ins_ecb_rates_lookup (InsEcbRates *self,
                      const char  *currency,
                      const GDate *date,
                      InsRate     *out_rate,
                      GDate       *out_rate_date)
{
  guint32 j;
  guint lo, hi;
  int column;
  InsRate rate;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  j = g_date_get_julian (date);
  if (g_str_equal (currency, "EUR"))
    {
      if (out_rate != NULL)
        *out_rate = INS_RATE_SCALE;
      if (out_rate_date != NULL)
        g_date_set_julian (out_rate_date, j);
      return TRUE;
    }

  column = column_of (self, currency);
  if (column < 0 || j < self->julian[0] || j > self->julian[self->n_dates - 1])
    return FALSE;

  /* The last row on or before @date: julian[lo] <= j < julian[hi]. */
  lo = 0;
  hi = self->n_dates;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->julian[mid] <= j)
        lo = mid;
      else
        hi = mid;
    }

  rate = self->rates[(gsize) lo * self->n_currencies + (guint) column];
  if (rate == 0)
    return FALSE;
  if (out_rate != NULL)
    *out_rate = rate;
  if (out_rate_date != NULL)
    g_date_set_julian (out_rate_date, self->julian[lo]);
  return TRUE;
}

gboolean
ins_ecb_rates_lookup_string (InsEcbRates  *self,
                             const char   *currency,
                             const GDate  *date,
                             char        **out_rate,
                             GDate        *out_rate_date)
{
  InsRate rate;

  if (!ins_ecb_rates_lookup (self, currency, date, &rate, out_rate_date))
    return FALSE;
  if (out_rate != NULL)
    *out_rate = ins_rate_to_string (rate);
  return TRUE;
}
