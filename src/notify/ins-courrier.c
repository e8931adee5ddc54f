/* ins-courrier.c — the letters sent to the insured person, as PDF */
#define G_LOG_DOMAIN "ins-notify"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "core/ins-format.h"
#include "core/ins-money.h"
#include "ins-courrier.h"
#include "ins-notify-error.h"

/* A4 in PostScript points. */
#define PAGE_W      595.276
#define PAGE_H      841.890
#define MARGIN_L    70.0
#define MARGIN_R    60.0
#define TOP         56.0
#define BOTTOM      770.0
#define FOOTER_Y    800.0
#define TEXT_W      (PAGE_W - MARGIN_L - MARGIN_R)
#define ADDRESS_X   320.0
#define ADDRESS_Y   150.0
#define FONT        "DejaVu Sans 10"
#define FONT_SMALL  "DejaVu Sans 8"
#define FONT_BRAND  "DejaVu Sans Bold 14"
#define PARA_SPACE  8.0

typedef struct {
  const InsCourrierData *data;
  cairo_t               *cr;
  PangoContext          *pango;
  double                 y;
  int                    page;
  int                    n_pages;   /* 0 on the measuring pass */
} Writer;

static const char *motif_texts[] = {
  [INS_MOTIF_PRESTATIONS_NON_REMBOURSABLES] = "prestations non remboursables",
  [INS_MOTIF_DROITS_NON_OUVERTS] = "droits non ouverts à la date des soins",
  [INS_MOTIF_DOCUMENTS_HORS_PERIMETRE] = "documents hors du périmètre de la demande",
  [INS_MOTIF_HORS_DELAI] = "demande présentée hors délai",
  [INS_MOTIF_NON_ELIGIBLE] = "demande non éligible au service en ligne",
  [INS_MOTIF_AUTRE] = "autre motif",
};

const char *
ins_courrier_motif_text (InsRefusalMotif motif)
{
  g_return_val_if_fail (motif < INS_N_MOTIFS, "");
  return motif_texts[motif];
}

const char *
ins_courrier_object (InsNotificationKind kind,
                     InsAffaireKind      affaire_kind)
{
  gboolean soins = affaire_kind == INS_KIND_SOINS_ETRANGER;

  switch (kind)
    {
    case INS_NOTIFICATION_ACCUSE_RECEPTION:
      return soins ? "accusé de réception de votre demande de prise en charge de soins à l’étranger"
                   : "accusé de réception de votre choix d’organisme complémentaire";
    case INS_NOTIFICATION_ACCEPTATION:
      return soins ? "remboursement de soins réalisés à l’étranger"
                   : "votre choix d’organisme complémentaire";
    case INS_NOTIFICATION_REFUS:
      return soins ? "refus de prise en charge de soins réalisés à l’étranger"
                   : "votre choix d’organisme complémentaire";
    case INS_NOTIFICATION_PIECES_MANQUANTES:
      return soins ? "pièces complémentaires à votre demande de prise en charge de soins à l’étranger"
                   : "pièces complémentaires à votre choix d’organisme complémentaire";
    case INS_NOTIFICATION_OC_ACTIVEE:
      return "transmission automatique des paiements à votre complémentaire";
    case INS_N_NOTIFICATIONS:
    default:
      return "";
    }
}

char *
ins_courrier_sha256 (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Layout ------------------------------------------------------------------- */

static PangoLayout *
make_layout (Writer         *w,
             const char     *markup,
             const char     *font,
             double          width,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (w->pango);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_markup (layout, markup, -1);
  pango_font_description_free (desc);
  return layout;
}

static void
draw_at (Writer *w, PangoLayout *layout, double x, double y)
{
  cairo_move_to (w->cr, x, y);
  pango_cairo_show_layout (w->cr, layout);
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static void
draw_footer (Writer *w)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (w->n_pages > 0)
    text = g_markup_printf_escaped ("Référence %s — page %d sur %d", w->data->numero, w->page, w->n_pages);
  else
    text = g_markup_printf_escaped ("Référence %s — page %d", w->data->numero, w->page);
  layout = make_layout (w, text, FONT_SMALL, TEXT_W, PANGO_ALIGN_CENTER);
  draw_at (w, layout, MARGIN_L, FOOTER_Y);
}

static void
new_page (Writer *w)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  draw_footer (w);
  cairo_show_page (w->cr);
  w->page++;
  text = g_markup_printf_escaped ("<b>%s</b> — référence %s (suite)",
                                  w->data->organisme_name ? w->data->organisme_name : "",
                                  w->data->numero);
  layout = make_layout (w, text, FONT_SMALL, TEXT_W, PANGO_ALIGN_LEFT);
  draw_at (w, layout, MARGIN_L, TOP);
  w->y = TOP + layout_height (layout) + 24;
}

/* Draws @layout line by line from the current position, breaking pages. */
static void
flow (Writer *w, PangoLayout *layout, double x, double space_after)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double baseline, h;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      h = (double) logical.height / PANGO_SCALE;
      if (w->y + h > BOTTOM)
        new_page (w);
      cairo_move_to (w->cr, x + (double) logical.x / PANGO_SCALE, w->y + baseline);
      pango_cairo_show_layout_line (w->cr, pango_layout_iter_get_line_readonly (iter));
      w->y += h;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  w->y += space_after;
}

static void
paragraph (Writer *w, const char *markup)
{
  g_autoptr(PangoLayout) layout = make_layout (w, markup, FONT, TEXT_W, PANGO_ALIGN_LEFT);
  flow (w, layout, MARGIN_L, PARA_SPACE);
}

static void
bullet (Writer *w, const char *text, gboolean last)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  g_autoptr(PangoLayout) mark = make_layout (w, "–", FONT, 14, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) layout = make_layout (w, markup, FONT, TEXT_W - 18, PANGO_ALIGN_LEFT);

  if (w->y + layout_height (mark) > BOTTOM)
    new_page (w);
  draw_at (w, mark, MARGIN_L + 4, w->y);
  flow (w, layout, MARGIN_L + 18, last ? PARA_SPACE : 2);
}

/* Text of the letter ------------------------------------------------------- */

static char *
format_rate (const InsCourrierData *d)
{
  InsRate rate;

  if (d->rate == NULL || d->currency == NULL)
    return NULL;
  if (ins_rate_parse (d->rate, &rate, NULL))
    return ins_format_rate (d->currency, rate);
  return g_strdup_printf ("1\u00A0€ = %s\u00A0%s", d->rate, d->currency);
}

static char *
request_phrase (const InsCourrierData *d)
{
  g_autofree char *received = d->received_at ? ins_format_date_short (d->received_at) : NULL;
  g_autofree char *insured = g_strdup_printf ("%s %s", d->prenom ? d->prenom : "", d->nom ? d->nom : "");
  g_autofree char *on = received ? g_strconcat (" le ", received, NULL) : g_strdup ("");
  gboolean other = d->beneficiaire != NULL && *d->beneficiaire != '\0'
                   && g_strcmp0 (d->beneficiaire, insured) != 0;

  if (d->affaire_kind != INS_KIND_SOINS_ETRANGER)
    return g_markup_printf_escaped ("Vous nous avez transmis%s votre choix d’organisme complémentaire "
                                    "en cas de chevauchement.", on);
  if (other)
    return g_markup_printf_escaped ("Vous nous avez adressé%s une demande de prise en charge de soins "
                                    "reçus à l’étranger par %s.", on, d->beneficiaire);
  return g_markup_printf_escaped ("Vous nous avez adressé%s une demande de prise en charge de soins "
                                  "reçus à l’étranger.", on);
}

static void
body_acceptation (Writer *w)
{
  const InsCourrierData *d = w->data;

  paragraph (w, "J’ai le plaisir de vous informer que votre demande est acceptée.");
  if (d->has_amount_eur)
    {
      g_autofree char *eur = ins_format_euros (d->amount_eur_cents);
      g_autofree char *line = NULL;

      if (d->currency != NULL && g_ascii_strcasecmp (d->currency, "EUR") != 0)
        {
          g_autofree char *declared = ins_format_amount (d->amount_minor, d->currency);
          g_autofree char *rate = format_rate (d);
          g_autofree char *rate_date = d->rate_date && g_date_valid (d->rate_date)
                                         ? ins_format_gdate_long (d->rate_date) : NULL;

          line = g_markup_printf_escaped ("Montant déclaré\u00A0: <b>%s</b>", declared);
          paragraph (w, line);
          g_clear_pointer (&line, g_free);
          line = g_markup_printf_escaped ("Taux de change appliqué\u00A0: <b>%s</b>%s%s (source\u00A0: %s)",
                                          rate ? rate : "",
                                          rate_date ? ", taux du " : "", rate_date ? rate_date : "",
                                          d->rate_source ? d->rate_source : "BCE");
          paragraph (w, line);
          g_clear_pointer (&line, g_free);
        }
      else if (d->currency != NULL)
        {
          g_autofree char *declared = ins_format_amount (d->amount_minor, d->currency);
          line = g_markup_printf_escaped ("Montant déclaré\u00A0: <b>%s</b>", declared);
          paragraph (w, line);
          g_clear_pointer (&line, g_free);
        }
      line = g_markup_printf_escaped ("Montant remboursé\u00A0: <b>%s</b>", eur);
      paragraph (w, line);
      paragraph (w, "Ce montant sera versé sur le compte bancaire enregistré dans votre dossier, "
                    "consultable dans votre compte ameli.");
    }
  else if (d->affaire_kind == INS_KIND_CHEVAUCHEMENT_OC)
    paragraph (w, "La transmission automatique des paiements à votre complémentaire est activée.");
}

static void
decision_text (Writer *w)
{
  g_auto(GStrv) lines = NULL;

  if (w->data->decision_text == NULL || *w->data->decision_text == '\0')
    return;
  lines = g_strsplit (w->data->decision_text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *markup = NULL;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      markup = g_markup_escape_text (lines[i], -1);
      paragraph (w, markup);
    }
}

static void
body_refus (Writer *w)
{
  const InsCourrierData *d = w->data;
  g_autofree char *motif = NULL;

  paragraph (w, "Après examen de votre dossier, j’ai le regret de vous informer que cette demande "
                "ne peut pas être acceptée pour le motif suivant\u00A0:");
  motif = g_markup_printf_escaped ("<b>«\u00A0%s\u00A0»</b>",
                                   d->has_refusal_motif ? ins_courrier_motif_text (d->refusal_motif)
                                                        : "autre motif");
  paragraph (w, motif);
  decision_text (w);
  paragraph (w, "Si vous contestez cette décision, vous pouvez saisir la commission de recours amiable "
                "de votre caisse, par écrit, dans un délai de deux mois à compter de la réception "
                "de ce courrier.");
}

static void
body_pieces (Writer *w)
{
  const InsCourrierData *d = w->data;
  guint n = d->missing_pieces ? g_strv_length ((char **) d->missing_pieces) : 0;

  paragraph (w, "Pour poursuivre l’instruction de votre demande, je vous remercie de bien vouloir "
                "nous transmettre, depuis la messagerie de votre compte ameli, les informations "
                "ou pièces suivantes\u00A0:");
  for (guint i = 0; i < n; i++)
    bullet (w, d->missing_pieces[i], i + 1 == n);
  decision_text (w);
  paragraph (w, "Dès leur réception, votre demande reprendra son cours. Sans réponse de votre part, "
                "elle ne pourra pas être instruite.");
}

static void
body (Writer *w)
{
  const InsCourrierData *d = w->data;
  g_autofree char *request = request_phrase (d);

  paragraph (w, "Madame, Monsieur,");
  paragraph (w, request);

  switch (d->kind)
    {
    case INS_NOTIFICATION_ACCUSE_RECEPTION:
      paragraph (w, "Nous en accusons réception. Elle sera instruite dans les meilleurs délais\u00A0; "
                    "vous serez informé(e) de la décision dans la messagerie de votre compte ameli.");
      break;
    case INS_NOTIFICATION_ACCEPTATION:
      body_acceptation (w);
      break;
    case INS_NOTIFICATION_REFUS:
      body_refus (w);
      break;
    case INS_NOTIFICATION_PIECES_MANQUANTES:
      body_pieces (w);
      break;
    case INS_NOTIFICATION_OC_ACTIVEE:
      paragraph (w, "Votre choix a été pris en compte. La transmission automatique des paiements "
                    "à votre complémentaire est activée.");
      break;
    case INS_N_NOTIFICATIONS:
    default:
      break;
    }
  paragraph (w, "Pour tout renseignement complémentaire, vous pouvez nous contacter via la messagerie "
                "de votre compte ameli ou par téléphone au 36\u00A046 (service gratuit + prix appel)\u00A0; "
                "depuis l’étranger, composez le +33\u00A01\u00A084\u00A080\u00A036\u00A046.");
  paragraph (w, "Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.");
}

/* « MONT-DE-MARSAN » reads better as « Mont-de-Marsan » in a letter. */
static char *
title_case (const char *upper)
{
  static const char *small[] = { "de", "du", "des", "la", "le", "les", "sur", "sous", "en", "et", "lès", NULL };
  g_autofree char *lower = g_utf8_strdown (upper, -1);
  GString *out = g_string_new (NULL);
  const char *word = lower;

  while (*word != '\0')
    {
      const char *end = word;
      g_autofree char *w = NULL;

      while (*end != '\0' && *end != '-' && *end != ' ')
        end++;
      w = g_strndup (word, end - word);
      if (out->len > 0 && g_strv_contains (small, w))
        g_string_append (out, w);
      else if (*w != '\0')
        {
          g_autofree char *first = g_utf8_substring (w, 0, 1);
          g_autofree char *first_up = g_utf8_strup (first, -1);
          g_string_append (out, first_up);
          g_string_append (out, g_utf8_next_char (w));
        }
      if (*end == '\0')
        break;
      g_string_append_c (out, *end);
      word = end + 1;
    }
  return g_string_free (out, FALSE);
}

/* The city of the letterhead's last line: « 56000 Vannes » gives « Vannes ». */
static char *
letter_city (const InsCourrierData *d)
{
  g_auto(GStrv) lines = NULL;
  const char *last = NULL;
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (d->city != NULL)
    return g_strdup (d->city);
  lines = g_strsplit (d->letterhead ? d->letterhead : "", "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (*g_strstrip (lines[i]) != '\0')
      last = lines[i];
  if (last == NULL)
    return NULL;
  re = g_regex_new ("^(?:.*\\s)?\\d{5}\\s+(.+?)(?:\\s+CEDEX.*)?$", G_REGEX_CASELESS, 0, NULL);
  if (g_regex_match (re, last, 0, &match))
    {
      g_autofree char *city = g_match_info_fetch (match, 1);
      g_autofree char *upper = g_utf8_strup (city, -1);

      if (g_strcmp0 (city, upper) == 0)
        return title_case (city);
      return g_steal_pointer (&city);
    }
  return g_strdup (last);
}

static void
first_page (Writer *w)
{
  const InsCourrierData *d = w->data;
  g_autofree char *head = NULL;
  g_autofree char *address = NULL;
  g_autofree char *place = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *city = letter_city (d);
  g_autofree char *reference = NULL;
  g_autoptr(PangoLayout) brand = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  GDate today;
  double y;

  brand = make_layout (w, "l’Assurance Maladie", FONT_BRAND, 240, PANGO_ALIGN_LEFT);
  draw_at (w, brand, MARGIN_L, TOP);
  y = TOP + layout_height (brand) + 4;
  head = g_markup_printf_escaped ("<b>%s</b>\n%s", d->organisme_name ? d->organisme_name : "",
                                  d->letterhead ? d->letterhead : "");
  layout = make_layout (w, head, FONT_SMALL, 230, PANGO_ALIGN_LEFT);
  draw_at (w, layout, MARGIN_L, y);
  g_clear_object (&layout);

  g_string_append_printf (lines, "%s %s", d->prenom ? d->prenom : "", d->nom ? d->nom : "");
  address = g_markup_printf_escaped ("<b>%s</b>\n%s", lines->str, d->address ? d->address : "");
  layout = make_layout (w, address, FONT, PAGE_W - ADDRESS_X - MARGIN_R, PANGO_ALIGN_LEFT);
  draw_at (w, layout, ADDRESS_X, ADDRESS_Y);
  y = MAX (ADDRESS_Y + layout_height (layout) + 30, 260);
  g_clear_object (&layout);

  if (d->date != NULL && g_date_valid (d->date))
    date_text = ins_format_gdate_long (d->date);
  else
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      date_text = ins_format_gdate_long (&today);
    }
  if (city != NULL)
    place = g_markup_printf_escaped ("%s, le %s", city, date_text);
  else
    place = g_markup_printf_escaped ("Le %s", date_text);
  layout = make_layout (w, place, FONT, PAGE_W - ADDRESS_X - MARGIN_R, PANGO_ALIGN_LEFT);
  draw_at (w, layout, ADDRESS_X, y);
  y += layout_height (layout) + 30;
  g_clear_object (&layout);

  reference = g_markup_printf_escaped ("<b>Référence\u00A0:</b> %s\n<b>Objet\u00A0:</b> %s",
                                       d->numero, ins_courrier_object (d->kind, d->affaire_kind));
  layout = make_layout (w, reference, FONT, TEXT_W, PANGO_ALIGN_LEFT);
  draw_at (w, layout, MARGIN_L, y);
  w->y = y + layout_height (layout) + 24;
}

static void
signature (Writer *w)
{
  g_autofree char *text = g_markup_printf_escaped ("Pour le directeur et par délégation,\n"
                                                   "le responsable du service\n\n<b>%s</b>",
                                                   w->data->organisme_name ? w->data->organisme_name : "");
  g_autoptr(PangoLayout) layout = make_layout (w, text, FONT, PAGE_W - ADDRESS_X - MARGIN_R, PANGO_ALIGN_LEFT);

  w->y += 12;
  if (w->y + layout_height (layout) > BOTTOM)
    new_page (w);
  draw_at (w, layout, ADDRESS_X, w->y);
  w->y += layout_height (layout);
}

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  if (closure != NULL)
    g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* One pass; returns the number of pages. @out NULL measures only. */
static int
render_pass (const InsCourrierData *data, int n_pages, GByteArray *out, GError **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_bytes, out, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  Writer w = { data, cr, NULL, 0, 1, n_pages };
  g_autofree char *title = g_strdup_printf ("Courrier %s", data->numero);
  cairo_status_t status;

  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (data->organisme_name != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, data->organisme_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Instruction " PACKAGE_VERSION);
  if (data->date != NULL && g_date_valid (data->date))
    {
      g_autofree char *iso = g_strdup_printf ("%04d-%02d-%02dT00:00:00", g_date_get_year (data->date),
                                              g_date_get_month (data->date), g_date_get_day (data->date));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
    }

  w.pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (w.pango, 72);
  cairo_set_source_rgb (cr, 0, 0, 0);

  first_page (&w);
  body (&w);
  signature (&w);
  draw_footer (&w);
  cairo_show_page (cr);

  g_object_unref (w.pango);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, INS_NOTIFY_ERROR, INS_NOTIFY_ERROR_COURRIER,
                   _("The letter could not be drawn: %s"), cairo_status_to_string (status));
      return -1;
    }
  return w.page;
}

GBytes *
ins_courrier_render (const InsCourrierData  *data,
                     GError                **error)
{
  g_autoptr(GByteArray) out = NULL;
  int n_pages;

  g_return_val_if_fail (data != NULL && data->numero != NULL, NULL);

  n_pages = render_pass (data, 0, NULL, error);
  if (n_pages < 0)
    return NULL;
  out = g_byte_array_new ();
  if (render_pass (data, n_pages, out, error) < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

void
ins_courrier_data_init_from_affaire (InsCourrierData     *d,
                                     const InsAffaire    *affaire,
                                     const InsOrganisme  *organisme,
                                     InsNotificationKind  kind)
{
  g_return_if_fail (d != NULL && affaire != NULL);

  memset (d, 0, sizeof *d);
  d->kind = kind;
  d->affaire_kind = affaire->kind;
  d->numero = affaire->numero;
  d->received_at = affaire->received_at;
  d->organisme_name = organisme ? organisme->name : affaire->organisme_name;
  d->letterhead = organisme && organisme->letterhead && *organisme->letterhead ? organisme->letterhead : NULL;
  d->nom = affaire->nom;
  d->prenom = affaire->prenom;
  d->address = affaire->assure_address;
  d->beneficiaire = affaire->soins && affaire->soins->beneficiaire_is_ouvreur ? NULL : affaire->beneficiaire;
  d->has_amount_eur = affaire->has_amount_eur;
  d->amount_eur_cents = affaire->amount_eur_cents;
  d->amount_minor = affaire->amount_minor;
  d->currency = affaire->currency;
  d->rate = affaire->rate;
  d->rate_date = g_date_valid (&affaire->rate_date) ? &affaire->rate_date : NULL;
  d->rate_source = affaire->rate_source;
  d->has_refusal_motif = affaire->has_refusal_motif;
  d->refusal_motif = affaire->refusal_motif;
  d->decision_text = affaire->decision_text;
  d->missing_pieces = (const char * const *) affaire->missing_pieces;
}

GBytes *
ins_courrier_render_for_affaire (const InsAffaire       *affaire,
                                 const InsOrganisme     *organisme,
                                 InsNotificationKind     kind,
                                 const GDate            *date,
                                 GError                **error)
{
  InsCourrierData d;

  g_return_val_if_fail (affaire != NULL, NULL);

  ins_courrier_data_init_from_affaire (&d, affaire, organisme, kind);
  d.date = date;
  return ins_courrier_render (&d, error);
}
