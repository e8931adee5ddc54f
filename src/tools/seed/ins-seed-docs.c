/* ins-seed-docs.c — generated attachments drawn with cairo and pango */
#define G_LOG_DOMAIN "ins-seed"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <pango/pangocairo.h>

#include "core/ins-currency.h"
#include "store/ins-seed-store.h"
#include "ins-seed-docs.h"
#include "ins-seed-draw.h"
#include "ins-seed-forms.h"
#include "ins-seed-preview.h"

#define A4_W INS_SEED_A4_W
#define A4_H INS_SEED_A4_H
#define LETTER_W 612.0
#define LETTER_H 792.0
#define TILL_W 226.77   /* 80 mm till roll */
#define TILL_H 566.93
#define SCAN_DPI 100.0

typedef struct {
  const InsSeedCountry *country;
  const InsSeedWords   *words;
  InsSeedLang           lang;
  char                 *patient;
  gint64                issued;        /* days since 1970-01-01 */
  char                 *number;
  guint                 n_lines;
  const char           *items[24];
  gint64                days[24];
  gint64                amounts[24];   /* minor units */
  guint                 minor_units;
  char                 *settles;       /* a proof's one line: the invoice it pays */
} Invoice;

static void
invoice_clear (Invoice *inv)
{
  g_free (inv->patient);
  g_free (inv->number);
  g_free (inv->settles);
}

gboolean
ins_seed_lang_drawable (InsSeedLang lang)
{
  static gsize done;
  static gboolean drawable[INS_SEED_N_LANGS];

  if (g_once_init_enter (&done))
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 8, 8);
      cairo_t *cr = cairo_create (surface);

      for (int l = 0; l < INS_SEED_N_LANGS; l++)
        {
          PangoLayout *layout = pango_cairo_create_layout (cr);

          pango_layout_set_text (layout, ins_seed_words (l)->receipt, -1);
          drawable[l] = pango_layout_get_unknown_glyphs_count (layout) == 0;
          g_object_unref (layout);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_once_init_leave (&done, 1);
    }
  return drawable[lang];
}

static gint64
invoice_total (const Invoice *inv)
{
  gint64 total = 0;

  for (guint i = 0; i < inv->n_lines; i++)
    total += inv->amounts[i];
  return total;
}

static gint64
today (void)
{
  return g_get_real_time () / G_USEC_PER_SEC / 86400;
}

/* Care items of a plausible price, for the pool's documents. */
static void
draw_lines (Invoice *inv, guint max_lines, GRand *rand)
{
  double rate = g_ascii_strtod (inv->country->rate, NULL);
  double scale = pow (10, inv->minor_units);

  inv->n_lines = g_rand_int_range (rand, 2, MAX (3, max_lines + 1));
  for (guint i = 0; i < inv->n_lines; i++)
    {
      double eur = g_rand_double_range (rand, 15, i % 6 == 4 ? 900 : 180);
      double major = eur * rate;

      inv->items[i] = inv->words->lines[g_rand_int_range (rand, 0, 6)];
      inv->days[i] = inv->issued - g_rand_int_range (rand, 0, 3);
      /* Whole units for the currencies people count that way. */
      if (major > 1000)
        major = round (major / 10) * 10;
      inv->amounts[i] = MAX (1, (gint64) round (major * scale));
    }
}

/* Care items on the days of @care, summing exactly to its total. */
static void
split_lines (Invoice *inv, const InsSeedCare *care, guint max_lines, GRand *rand)
{
  gint64 total = care->total_minor, left = total, step = 1;
  guint weights[24], sum = 0;
  guint first_item = g_rand_int_range (rand, 0, 6);

  inv->n_lines = (guint) MIN ((gint64) g_rand_int_range (rand, 1, MAX (2, max_lines + 1)), total);
  inv->n_lines = MAX (inv->n_lines, 1);
  /* Lines in round figures (the last takes the rest) once they are large enough. */
  while (total / inv->n_lines >= step * 1000)
    step *= 10;
  for (guint i = 0; i < inv->n_lines; i++)
    sum += weights[i] = g_rand_int_range (rand, 1, 10);
  for (guint i = 0; i < inv->n_lines; i++)
    {
      gint64 share = i + 1 == inv->n_lines ? left
                   : MAX (1, total * weights[i] / sum / step * step);

      share = MIN (share, left - (gint64) (inv->n_lines - i - 1));
      inv->amounts[i] = share;
      left -= share;
      /* Distinct items while there are, as an invoice lists them. */
      inv->items[i] = inv->words->lines[(first_item + i) % 6];
      inv->days[i] = care->care_from + g_rand_int_range (rand, 0, (gint32) (care->care_to - care->care_from + 1));
    }
  /* In date order, as a provider lists them. */
  for (guint i = 1; i < inv->n_lines; i++)
    for (guint j = i; j > 0 && inv->days[j] < inv->days[j - 1]; j--)
      {
        gint64 d = inv->days[j];

        inv->days[j] = inv->days[j - 1];
        inv->days[j - 1] = d;
      }
}

static void
invoice_init (Invoice *inv, const InsSeedCountry *country, const InsSeedCare *care, guint max_lines, GRand *rand)
{
  const InsCurrency *currency = ins_currency_lookup (country->currency);

  memset (inv, 0, sizeof *inv);
  inv->country = country;
  inv->lang = ins_seed_lang_drawable (country->lang) ? country->lang : INS_SEED_LANG_EN;
  inv->words = ins_seed_words (inv->lang);
  inv->minor_units = currency ? currency->minor_units : 2;
  if (care != NULL)
    {
      inv->patient = g_strdup (care->patient);
      inv->issued = care->issued;
      inv->number = care->reference ? g_strdup (care->reference) : NULL;
      split_lines (inv, care, max_lines, rand);
    }
  else
    {
      guint n_surnames = ins_seed_list_len (ins_seed_surnames);
      const char * const *firsts = g_rand_boolean (rand) ? ins_seed_male_names : ins_seed_female_names;
      g_autofree char *surname = g_utf8_strup (ins_seed_surnames[g_rand_int_range (rand, 0, n_surnames)], -1);

      inv->patient = g_strdup_printf ("%s %s",
                                      firsts[g_rand_int_range (rand, 0, ins_seed_list_len (firsts))], surname);
      /* Care of the past months: the pool is shared by affaires of any age. */
      inv->issued = today () - g_rand_int_range (rand, 20, 300);
      draw_lines (inv, max_lines, rand);
    }
  if (inv->number == NULL)
    inv->number = g_strdup_printf ("%c%c-%06u", 'A' + g_rand_int_range (rand, 0, 26),
                                   'A' + g_rand_int_range (rand, 0, 26), g_rand_int_range (rand, 1, 999999));
}

/* Narrow pages (till receipts) get smaller type; each thread draws its own pages. */
static _Thread_local double type_scale = 1.0;

double
ins_seed_draw_text (cairo_t        *cr,
                    const char     *font,
                    double          x,
                    double          y,
                    double          width,
                    const char     *text,
                    PangoAlignment  align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_font_description_set_size (desc, (int) (pango_font_description_get_size (desc) * type_scale));

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  pango_font_description_free (desc);
  g_object_unref (layout);
  return (double) h / PANGO_SCALE;
}

/* A box of the table at @x (from the left, or from the right in Arabic). */
static double
box_x (const Invoice *inv, double w, double x, double width)
{
  return inv->lang == INS_SEED_LANG_AR ? w - x - width : x;
}

static void
draw_invoice_page (cairo_t *cr, double w, double h, const Invoice *inv,
                   guint first_line, guint last_line, guint page, guint n_pages, gboolean is_proof)
{
  const InsSeedWords *t = inv->words;
  PangoAlignment start = inv->lang == INS_SEED_LANG_AR ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  PangoAlignment end = inv->lang == INS_SEED_LANG_AR ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  double m = MIN (w, h) * 0.08;
  double y = m;
  double inner = w - 2 * m;
  /* Till receipts have no room for the dates of care. */
  gboolean dated = w > 300;
  double desc_x = dated ? m + 4 + inner * 0.2 : m + 4;
  double desc_w = inner * (dated ? 0.5 : 0.6);
  g_autofree char *footer = NULL;
  g_autofree char *total = NULL;
  g_autofree char *issued = ins_seed_format_date (inv->country, inv->issued);

  type_scale = MIN (1.0, w / 400.0);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  /* Letterhead: a coloured band, the provider's name and address. */
  cairo_set_source_rgb (cr, 0.12, 0.32, 0.55);
  cairo_rectangle (cr, 0, 0, w, m * 0.45);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.12, 0.32, 0.55);
  y += ins_seed_draw_text (cr, "DejaVu Sans Bold 15", m, y, inner, inv->country->provider, start);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  y += ins_seed_draw_text (cr, "DejaVu Sans 9", m, y, inner, inv->country->address, start) + m * 0.4;

  cairo_set_source_rgb (cr, 0, 0, 0);
  y += ins_seed_draw_text (cr, "DejaVu Sans Bold 18", m, y, inner, is_proof ? t->receipt : t->invoice, start);
  {
    g_autofree char *meta = g_strdup_printf ("%s %s\n%s%s%s\n%s%s%s", t->number, inv->number,
                                             t->date, t->colon, issued, t->patient, t->colon, inv->patient);
    y += ins_seed_draw_text (cr, "DejaVu Sans 10", m, y + 6, inner, meta, start) + m * 0.5;
  }

  /* The table of care lines. */
  cairo_set_source_rgb (cr, 0.9, 0.92, 0.95);
  cairo_rectangle (cr, m, y, inner, 18 * type_scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (dated)
    ins_seed_draw_text (cr, "DejaVu Sans Bold 10", box_x (inv, w, m + 4, inner * 0.19), y + 2, inner * 0.19,
                        t->date, start);
  ins_seed_draw_text (cr, "DejaVu Sans Bold 10", box_x (inv, w, desc_x, desc_w), y + 2, desc_w, t->description, start);
  ins_seed_draw_text (cr, "DejaVu Sans Bold 10", m, y + 2, inner - 4, t->amount, end);
  y += 24 * type_scale;
  for (guint i = first_line; i < last_line; i++)
    {
      g_autofree char *amount = ins_seed_format_amount (inv->country, inv->amounts[i]);
      double line_h = ins_seed_draw_text (cr, "DejaVu Sans 10", box_x (inv, w, desc_x, desc_w), y, desc_w,
                                          inv->items[i], start);

      if (dated)
        {
          g_autofree char *day = ins_seed_format_date (inv->country, inv->days[i]);

          ins_seed_draw_text (cr, "DejaVu Sans 10", box_x (inv, w, m + 4, inner * 0.19), y, inner * 0.19, day, start);
        }
      ins_seed_draw_text (cr, "DejaVu Sans 10", m, y, inner - 4, amount, end);
      y += MAX (20 * type_scale, line_h + 6);
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_rectangle (cr, m, y - 4, inner, 0.6);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }

  if (page == n_pages)
    {
      g_autofree char *line = NULL;

      total = ins_seed_format_amount (inv->country, invoice_total (inv));
      /* In Arabic, the amount stays one left-to-right run (isolated). */
      line = g_strdup_printf (inv->lang == INS_SEED_LANG_AR ? "%s%s\u2066%s\u2069" : "%s%s%s",
                              t->total, t->colon, total);
      y += 8;
      y += ins_seed_draw_text (cr, "DejaVu Sans Bold 12", m, y, inner - 4, line, end) + 12;
      cairo_set_source_rgb (cr, 0.1, 0.5, 0.2);
      y += ins_seed_draw_text (cr, "DejaVu Sans Bold 11", m, y, inner, t->paid_by, start) + 6;
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      ins_seed_draw_text (cr, "DejaVu Sans Oblique 9", m, y, inner, t->thanks, start);
      /* A "paid" stamp, slightly askew. */
      cairo_save (cr);
      cairo_translate (cr, w * 0.55, MIN (y + 60 * type_scale, h - m * 2));
      cairo_rotate (cr, -0.25);
      cairo_scale (cr, type_scale, type_scale);
      cairo_set_source_rgba (cr, 0.75, 0.1, 0.1, 0.8);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, -8, -6, 120, 36);
      cairo_stroke (cr);
      {
        double scale = type_scale;

        type_scale = 1.0;   /* the context is scaled already */
        ins_seed_draw_text (cr, "DejaVu Sans Bold 16", 0, 0, 104, t->paid, PANGO_ALIGN_CENTER);
        type_scale = scale;
      }
      cairo_restore (cr);
    }

  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  footer = g_strdup_printf ("%s %u / %u", t->page, page, n_pages);
  ins_seed_draw_text (cr, "DejaVu Sans 8", m, h - m * 0.8, inner, footer, PANGO_ALIGN_CENTER);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef struct {
  double w, h;
} PageSize;

static PageSize
pick_page_size (const InsSeedCountry *country, gboolean is_proof, GRand *rand)
{
  int r = g_rand_int_range (rand, 0, 100);

  if (is_proof && r < 35)
    return (PageSize) { TILL_W, TILL_H };
  if (r < 12)
    return (PageSize) { A4_H, A4_W };   /* landscape */
  if (g_str_equal (country->code, "US") || g_str_equal (country->code, "CA") || r < 18)
    return (PageSize) { LETTER_W, LETTER_H };
  return (PageSize) { A4_W, A4_H };
}

static GBytes *
draw_pdf (const Invoice *inv, gboolean is_proof, guint n_pages, PageSize size, GRand *rand)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  guint per_page = (inv->n_lines + n_pages - 1) / n_pages;

  surface = ins_seed_pdf_new (out, size.w, size.h);
  cr = cairo_create (surface);
  for (guint p = 1; p <= n_pages; p++)
    {
      guint first = (p - 1) * per_page;
      guint last = MIN (inv->n_lines, p * per_page);

      /* A later page now and then comes in the other orientation. */
      gboolean turned = p > 1 && g_rand_int_range (rand, 0, 6) == 0;
      double w = turned ? size.h : size.w, h = turned ? size.w : size.h;

      cairo_pdf_surface_set_size (surface, w, h);
      draw_invoice_page (cr, w, h, inv, first, last, p, n_pages, is_proof);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

/* Packs a cairo RGB24 surface into a pixbuf (GTK 4 has no helper for it),
 * adding grain of @amplitude (none when 0), in grey with @gray. */
static GdkPixbuf *
pixbuf_from_surface (cairo_surface_t *surface, int amplitude, gboolean gray, GRand *rand)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *src;
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  guint8 *dst = gdk_pixbuf_get_pixels (pixbuf);
  int dst_stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint32 state = g_rand_int (rand) | 1;
  guint32 span = 2 * amplitude + 1;

  cairo_surface_flush (surface);
  src = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (src + y * stride);
      guint8 *out = dst + y * dst_stride;

      for (int x = 0; x < w; x++)
        {
          int c[3] = { (row[x] >> 16) & 0xff, (row[x] >> 8) & 0xff, row[x] & 0xff };
          int n = 0;

          if (amplitude > 0)
            {
              /* xorshift, scaled by a multiply: the per-pixel noise needs speed, not quality. */
              state ^= state << 13;
              state ^= state >> 17;
              state ^= state << 5;
              n = (int) (((state >> 16) * span) >> 16) - amplitude;
            }
          if (gray)
            c[0] = c[1] = c[2] = (c[0] * 30 + c[1] * 59 + c[2] * 11) / 100;
          for (int i = 0; i < 3; i++)
            out[3 * x + i] = (guint8) CLAMP (c[i] + n, 0, 255);
        }
    }
  return pixbuf;
}

static GBytes *
encode_pixbuf (GdkPixbuf *pixbuf, const char *type, const char *quality)
{
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;
  gboolean ok;

  if (quality != NULL)
    ok = gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, &error, "quality", quality, NULL);
  else
    ok = gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, &error, NULL);
  if (!ok)
    g_error ("cannot encode a %s image: %s", type, error->message);
  return g_bytes_new_take (buffer, size);
}

/* A page as a scanner gives it: greyed, slightly rotated and shifted, noisy. */
static cairo_surface_t *
scan_page (const Invoice *inv, guint first, guint last, guint page, guint n_pages, GRand *rand)
{
  double s = SCAN_DPI / 72.0;
  int pw = (int) (A4_W * s), ph = (int) (A4_H * s);
  cairo_surface_t *scan = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
  cairo_t *cr = cairo_create (scan);

  /* The scanner's bed, then the page on it, a little askew (drawn so, not resampled). */
  cairo_set_source_rgb (cr, 0.93, 0.93, 0.91);
  cairo_paint (cr);
  cairo_translate (cr, pw / 2.0 + g_rand_double_range (rand, -12, 12), ph / 2.0 + g_rand_double_range (rand, -12, 12));
  cairo_rotate (cr, g_rand_double_range (rand, -2.5, 2.5) * G_PI / 180);
  cairo_translate (cr, -pw / 2.0, -ph / 2.0);
  cairo_scale (cr, s, s);
  cairo_rectangle (cr, 0, 0, A4_W, A4_H);
  cairo_clip (cr);
  draw_invoice_page (cr, A4_W, A4_H, inv, first, last, page, n_pages, FALSE);
  cairo_destroy (cr);

  return scan;
}

static GBytes *
draw_scan (const Invoice *inv, guint n_pages, GRand *rand)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = ins_seed_pdf_new (out, A4_W, A4_H);
  cairo_t *cr = cairo_create (surface);
  guint per_page = (inv->n_lines + n_pages - 1) / n_pages;

  for (guint p = 1; p <= n_pages; p++)
    {
      cairo_surface_t *image = scan_page (inv, (p - 1) * per_page, MIN (inv->n_lines, p * per_page),
                                          p, n_pages, rand);
      g_autoptr(GdkPixbuf) pixbuf = pixbuf_from_surface (image, 18, TRUE, rand);
      GBytes *jpeg = encode_pixbuf (pixbuf, "jpeg", "55");

      /* The PDF embeds the JPEG as is, like a scanner's output. */
      cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_JPEG,
                                   g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg),
                                   (cairo_destroy_func_t) g_bytes_unref, jpeg);
      cairo_save (cr);
      cairo_scale (cr, 72.0 / SCAN_DPI, 72.0 / SCAN_DPI);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_show_page (cr);
      cairo_surface_destroy (image);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

/* A till receipt photographed on a table, or captured on a phone screen. */
static GBytes *
draw_photo (const Invoice *inv, gboolean jpeg, GRand *rand)
{
  int w = jpeg ? 900 : 540, h = jpeg ? 1200 : 960;
  double s = h * (jpeg ? 0.88 : 0.9) / TILL_H;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *table;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GBytes *bytes;

  if (jpeg)
    {
      table = cairo_pattern_create_linear (0, 0, w, h);
      cairo_pattern_add_color_stop_rgb (table, 0, 0.45, 0.32, 0.2);
      cairo_pattern_add_color_stop_rgb (table, 1, 0.3, 0.2, 0.12);
      cairo_set_source (cr, table);
      cairo_paint (cr);
      cairo_pattern_destroy (table);
      cairo_translate (cr, w / 2.0, h / 2.0);
      cairo_rotate (cr, g_rand_double_range (rand, -7, 7) * G_PI / 180);
      cairo_translate (cr, -TILL_W * s / 2, -TILL_H * s / 2);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
      cairo_rectangle (cr, 10, 12, TILL_W * s, TILL_H * s);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_source_rgb (cr, 0.96, 0.96, 0.97);
      cairo_paint (cr);
      cairo_translate (cr, (w - TILL_W * s) / 2, h * 0.05);
    }
  cairo_scale (cr, s, s);
  cairo_rectangle (cr, 0, 0, TILL_W, TILL_H);
  cairo_clip (cr);
  draw_invoice_page (cr, TILL_W, TILL_H, inv, 0, MIN (inv->n_lines, 6), 1, 1, TRUE);
  cairo_destroy (cr);

  /* A photo is grainy; a screenshot is clean. */
  pixbuf = pixbuf_from_surface (surface, jpeg ? 10 : 0, FALSE, rand);
  bytes = encode_pixbuf (pixbuf, jpeg ? "jpeg" : "png", jpeg ? "80" : NULL);
  cairo_surface_destroy (surface);
  return bytes;
}

static GBytes *
damage (GBytes *good, InsSeedDoc *doc, GRand *rand)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);

  switch (g_rand_int_range (rand, 0, 3))
    {
    case 0:
      doc->content_type = "application/pdf";
      doc->unreadable_reason = g_strdup ("Le fichier PDF est tronqué : la transmission a été interrompue.");
      return g_bytes_new (data, size * g_rand_int_range (rand, 20, 60) / 100);
    case 1:
      {
        guint8 *junk = g_malloc (size / 3);

        memcpy (junk, data, MIN (size / 3, 16));
        for (gsize i = 16; i < size / 3; i++)
          junk[i] = g_rand_int (rand) & 0xff;
        doc->content_type = "application/pdf";
        doc->unreadable_reason = g_strdup ("Le fichier PDF est endommagé : sa structure est illisible.");
        return g_bytes_new_take (junk, size / 3);
      }
    default:
      {
        guint8 *junk = g_malloc (4096);

        for (gsize i = 0; i < 4096; i++)
          junk[i] = g_rand_int (rand) & 0xff;
        doc->content_type = "application/octet-stream";
        doc->unreadable_reason = g_strdup ("Le fichier n’est ni un PDF, ni une image JPEG ou PNG.");
        return g_bytes_new_take (junk, 4096);
      }
    }
}

cairo_surface_t *
ins_seed_pdf_new (GByteArray *out,
                  double      w,
                  double      h)
{
  return cairo_pdf_surface_create_for_stream (append_bytes, out, w, h);
}

static void
hash_doc (InsSeedDoc *doc)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize digest_len = sizeof doc->sha256;

  g_checksum_update (checksum, g_bytes_get_data (doc->bytes, NULL), g_bytes_get_size (doc->bytes));
  g_checksum_get_digest (checksum, doc->sha256, &digest_len);
}

InsSeedDoc *
ins_seed_doc_new (InsSeedDocKind  kind,
                  GBytes         *bytes,
                  const char     *content_type,
                  int             page_count,
                  char           *filename)
{
  InsSeedDoc *doc = g_new0 (InsSeedDoc, 1);

  doc->kind = kind;
  doc->bytes = bytes;
  doc->content_type = content_type;
  doc->page_count = page_count;
  doc->filename = filename;
  hash_doc (doc);
  return doc;
}

static InsSeedDoc *
generate (InsSeedDocKind        kind,
          const InsSeedCountry *country,
          const InsSeedCare    *care,
          GRand                *rand)
{
  g_autoptr(GBytes) good = NULL;
  InsSeedDoc *doc;
  GBytes *bytes;
  const char *content_type = "application/pdf";
  char *filename;
  int page_count = 1;
  Invoice inv;
  guint n_pages;

  switch (kind)
    {
    case INS_SEED_DOC_INVOICE:
      n_pages = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 2, 5) : 1;
      invoice_init (&inv, country, care, MIN (20, n_pages * 7), rand);
      n_pages = MIN (n_pages, inv.n_lines);
      bytes = draw_pdf (&inv, FALSE, n_pages, pick_page_size (country, FALSE, rand), rand);
      page_count = n_pages;
      filename = g_strdup_printf ("facture-%s.pdf", inv.number);
      break;
    case INS_SEED_DOC_PROOF:
      invoice_init (&inv, country, care, care ? 1 : 3, rand);
      if (care != NULL)
        {
          /* One line: the payment of the invoice, on the day of the payment. */
          inv.issued = care->paid;
          inv.settles = g_strdup_printf ("%s %s %s", inv.words->invoice, inv.words->number, inv.number);
          inv.items[0] = inv.settles;
          inv.days[0] = care->paid;
        }
      bytes = draw_pdf (&inv, TRUE, 1, pick_page_size (country, TRUE, rand), rand);
      filename = g_strdup_printf ("preuve-paiement-%s.pdf", inv.number);
      break;
    case INS_SEED_DOC_SCAN:
      n_pages = g_rand_int_range (rand, 1, 4);
      invoice_init (&inv, country, care, MIN (18, n_pages * 6), rand);
      n_pages = MIN (n_pages, inv.n_lines);
      bytes = draw_scan (&inv, n_pages, rand);
      page_count = n_pages;
      filename = g_strdup_printf ("scan_%s.pdf", inv.number);
      break;
    case INS_SEED_DOC_PHOTO_JPEG:
    case INS_SEED_DOC_PHOTO_PNG:
      invoice_init (&inv, country, care, 5, rand);
      bytes = draw_photo (&inv, kind == INS_SEED_DOC_PHOTO_JPEG, rand);
      content_type = kind == INS_SEED_DOC_PHOTO_JPEG ? "image/jpeg" : "image/png";
      filename = g_strdup_printf (kind == INS_SEED_DOC_PHOTO_JPEG ? "IMG_%04u.jpg" : "Capture_%04u.png",
                                  g_rand_int_range (rand, 1000, 9999));
      break;
    case INS_SEED_DOC_PRESCRIPTION:
      g_return_val_if_fail (care != NULL, NULL);
      return ins_seed_form_prescription (care, rand);
    case INS_SEED_DOC_AUTHORISATION:
      g_return_val_if_fail (care != NULL, NULL);
      return ins_seed_form_authorisation (care, rand);
    case INS_SEED_DOC_CORRUPT:
    default:
      invoice_init (&inv, country, care, 3, rand);
      good = draw_pdf (&inv, FALSE, 1, (PageSize) { A4_W, A4_H }, rand);
      doc = g_new0 (InsSeedDoc, 1);
      doc->kind = INS_SEED_DOC_CORRUPT;
      doc->filename = g_strdup_printf ("facture-%s.pdf", inv.number);
      doc->bytes = damage (good, doc, rand);
      hash_doc (doc);
      invoice_clear (&inv);
      return doc;
    }
  doc = ins_seed_doc_new (kind, bytes, content_type, page_count, filename);
  doc->shown_patient = g_strdup (inv.patient);
  doc->shown_total = ins_seed_format_amount (country, invoice_total (&inv));
  doc->lines_total = invoice_total (&inv);
  invoice_clear (&inv);
  return doc;
}

InsSeedDoc *
ins_seed_doc_generate (InsSeedDocKind        kind,
                       const InsSeedCountry *country,
                       GRand                *rand)
{
  return generate (kind, country, NULL, rand);
}

InsSeedDoc *
ins_seed_doc_generate_for (InsSeedDocKind     kind,
                           const InsSeedCare *care,
                           GRand             *rand)
{
  return generate (kind, care->country, care, rand);
}

gboolean
ins_seed_docs_store (PGconn     *conn,
                     GPtrArray  *docs,
                     GError    **error)
{
  g_autofree const guint8 **hashes = g_new (const guint8 *, docs->len + 1);
  g_autofree GBytes **bytes = g_new (GBytes *, docs->len + 1);

  for (guint i = 0; i < docs->len; i++)
    {
      InsSeedDoc *doc = g_ptr_array_index (docs, i);

      hashes[i] = doc->sha256;
      bytes[i] = doc->bytes;
    }
  if (!ins_seed_store_put_blobs (conn, docs->len, hashes, bytes, error))
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    if (!ins_seed_preview_store (conn, g_ptr_array_index (docs, i), error))
      return FALSE;
  return TRUE;
}

void
ins_seed_doc_free (InsSeedDoc *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->bytes, g_bytes_unref);
  g_free (doc->filename);
  g_free (doc->unreadable_reason);
  g_free (doc->shown_patient);
  g_free (doc->shown_total);
  g_free (doc);
}
