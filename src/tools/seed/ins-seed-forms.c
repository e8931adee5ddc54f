/* ins-seed-forms.c — generated forms: prescriptions, prior authorisations, OC certificates
 *
 * The French and foreign text here is what the documents say, not interface strings.
 */
#define G_LOG_DOMAIN "ins-seed"

#include "config.h"

#include "ins-seed-draw.h"
#include "ins-seed-forms.h"

#define W INS_SEED_A4_W
#define H INS_SEED_A4_H
#define M 56.0

/* Doctors who sign the prescriptions, by language. */
static const char * const doctors[INS_SEED_N_LANGS][3] = {
  [INS_SEED_LANG_FR] = { "Claire Moulinier", "Amadou Ndiaye", "Hervé Tessier" },
  [INS_SEED_LANG_EN] = { "Sarah Whitfield", "James O’Connor", "Priya Raman" },
  [INS_SEED_LANG_ES] = { "Lucía Fernández Ortega", "Javier Morales Ruiz", "Carmen Vidal Soler" },
  [INS_SEED_LANG_DE] = { "Katrin Hofmann", "Stefan Brunner", "Jürgen Weiß" },
  [INS_SEED_LANG_PT] = { "Ana Rita Carvalho", "João Pedro Nunes", "Mariana Costa" },
  [INS_SEED_LANG_IT] = { "Giulia Bianchi", "Marco Esposito", "Francesca Ricci" },
  [INS_SEED_LANG_JA] = { "山田 太郎", "佐藤 花子", "鈴木 一郎" },
  [INS_SEED_LANG_AR] = { "يوسف العلوي", "فاطمة بنعلي", "كريم التازي" },
};

static const char * const months[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
  "novembre", "décembre",
};

/* « 22 novembre 2026 », « 1er mars 2026 ». */
static char *
french_date (gint64 days)
{
  int y, m, d;

  ins_seed_civil_date (days, &y, &m, &d);
  return g_strdup_printf ("%d%s %s %d", d, d == 1 ? "er" : "", months[m - 1], y);
}

static GBytes *
finish (cairo_t *cr, cairo_surface_t *surface, GByteArray *out)
{
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

/* A signature: a few loops of ink. */
static void
sign (cairo_t *cr, double x, double y, GRand *rand)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.1, 0.15, 0.45);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, x, y);
  for (int i = 0; i < 4; i++)
    cairo_rel_curve_to (cr, g_rand_double_range (rand, 5, 15), -g_rand_double_range (rand, 8, 20),
                        g_rand_double_range (rand, 15, 30), g_rand_double_range (rand, 5, 20),
                        g_rand_double_range (rand, 20, 35), g_rand_double_range (rand, -6, 6));
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
band (cairo_t *cr, double r, double g, double b)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_rectangle (cr, 0, 0, W, 22);
  cairo_fill (cr);
}

InsSeedDoc *
ins_seed_form_prescription (const InsSeedCare *care,
                            GRand             *rand)
{
  InsSeedLang lang = ins_seed_lang_drawable (care->country->lang) ? care->country->lang : INS_SEED_LANG_EN;
  const InsSeedWords *t = ins_seed_words (lang);
  PangoAlignment start = lang == INS_SEED_LANG_AR ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = ins_seed_pdf_new (out, W, H);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *when = ins_seed_format_date (care->country, care->care_from);
  g_autofree char *doctor = g_strdup_printf ("%s %s", t->doctor, doctors[lang][g_rand_int_range (rand, 0, 3)]);
  g_autofree char *head = g_strdup_printf ("%s%s%s\n%s%s%s", t->date, t->colon, when,
                                           t->patient, t->colon, care->patient);
  g_autoptr(GString) drugs = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, 4);
  double y = M;
  InsSeedDoc *doc;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (drugs, "%s%s", i ? "\n\n" : "", t->drugs[(i + n) % 3]);
  band (cr, 0.2, 0.45, 0.4);
  cairo_set_source_rgb (cr, 0.2, 0.45, 0.4);
  y += ins_seed_draw_text (cr, "DejaVu Sans Bold 14", M, y, W - 2 * M, care->country->provider, start);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  y += ins_seed_draw_text (cr, "DejaVu Sans 9", M, y, W - 2 * M, care->country->address, start);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += ins_seed_draw_text (cr, "DejaVu Sans Bold 11", M, y + 8, W - 2 * M, doctor, start) + 40;
  y += ins_seed_draw_text (cr, "DejaVu Sans Bold 20", M, y, W - 2 * M, t->prescription, PANGO_ALIGN_CENTER) + 20;
  y += ins_seed_draw_text (cr, "DejaVu Sans 11", M, y, W - 2 * M, head, start) + 30;
  y += ins_seed_draw_text (cr, "DejaVu Serif Italic 12", M + 20, y, W - 2 * M - 40, drugs->str, start) + 60;
  sign (cr, lang == INS_SEED_LANG_AR ? M + 20 : W - M - 140, y, rand);

  doc = ins_seed_doc_new (INS_SEED_DOC_PRESCRIPTION, finish (cr, surface, out), "application/pdf", 1,
                          g_strdup_printf ("ordonnance-%u.pdf", g_rand_int_range (rand, 100, 9999)));
  doc->shown_patient = g_strdup (care->patient);
  return doc;
}

/* Where a formulaire S2 applies (the EU, the EEA, Switzerland, the UK). */
static gboolean
s2_applies (const InsSeedCountry *country)
{
  static const char * const codes[] = { "ES", "PT", "DE", "IT", "BE", "GB", "CH", NULL };

  return g_strv_contains (codes, country->code);
}

InsSeedDoc *
ins_seed_form_authorisation (const InsSeedCare *care,
                             GRand             *rand)
{
  gboolean s2 = s2_applies (care->country);
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = ins_seed_pdf_new (out, W, H);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *born = french_date (care->birth);
  g_autofree char *from = french_date (care->stay_from);
  g_autofree char *to = french_date (care->stay_to);
  g_autofree char *issued = french_date (care->stay_from - g_rand_int_range (rand, 15, 60));
  g_autofree char *number = g_strdup_printf ("%s-040-%06u", s2 ? "S2" : "AP", g_rand_int_range (rand, 1, 999999));
  g_autofree char *body = NULL;
  double y = M;
  InsSeedDoc *doc;

  body = g_strdup_printf ("N° %s\n\n"
                          "Bénéficiaire\u00a0: %s\nNé(e) le %s\n\n"
                          "Pays de traitement\u00a0: %s\nÉtablissement\u00a0: %s\n%s\n\n"
                          "Soins autorisés\u00a0: soins programmés en établissement de santé\n"
                          "Période de validité\u00a0: du %s au %s",
                          number, care->patient, born, care->country->name, care->country->provider,
                          care->country->address, from, to);
  band (cr, 0.0, 0.33, 0.62);
  cairo_set_source_rgb (cr, 0.0, 0.33, 0.62);
  y += ins_seed_draw_text (cr, "DejaVu Sans Bold 13", M, y, W - 2 * M, "l’Assurance Maladie", PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  y += ins_seed_draw_text (cr, "DejaVu Sans 9", M, y, W - 2 * M,
                           "CPAM des Landes\n1, rue des Écoles — 40000 Mont-de-Marsan", PANGO_ALIGN_LEFT) + 36;
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += ins_seed_draw_text (cr, "DejaVu Sans Bold 16", M, y, W - 2 * M,
                           s2 ? "FORMULAIRE S2\nDroit à des soins programmés"
                              : "ACCORD PRÉALABLE\nSoins programmés hors de l’Union européenne",
                           PANGO_ALIGN_CENTER) + 30;
  y += ins_seed_draw_text (cr, "DejaVu Sans 11", M, y, W - 2 * M, body, PANGO_ALIGN_LEFT) + 40;
  {
    g_autofree char *done = g_strdup_printf ("Fait à Mont-de-Marsan, le %s\nPour le directeur, par délégation", issued);

    y += ins_seed_draw_text (cr, "DejaVu Sans 10", W / 2, y, W / 2 - M, done, PANGO_ALIGN_LEFT) + 16;
  }
  sign (cr, W / 2 + 20, y + 10, rand);
  /* The caisse's round stamp. */
  cairo_set_source_rgba (cr, 0.1, 0.3, 0.7, 0.6);
  cairo_set_line_width (cr, 2);
  cairo_arc (cr, W / 2 - 60, y + 10, 34, 0, 2 * G_PI);
  cairo_stroke (cr);
  ins_seed_draw_text (cr, "DejaVu Sans Bold 7", W / 2 - 92, y + 2, 64, "CPAM\nDES LANDES", PANGO_ALIGN_CENTER);

  doc = ins_seed_doc_new (INS_SEED_DOC_AUTHORISATION, finish (cr, surface, out), "application/pdf", 1,
                          g_strdup_printf ("%s.pdf", s2 ? "formulaire-S2" : "accord-prealable"));
  doc->shown_patient = g_strdup (care->patient);
  return doc;
}

InsSeedDoc *
ins_seed_form_attestation (const char          *oc,
                           gint64               start,
                           gint64               issued,
                           const InsSeedMember *members,
                           guint                n_members,
                           GRand               *rand)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = ins_seed_pdf_new (out, W, H);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *since = french_date (start);
  g_autofree char *on = french_date (issued);
  g_autofree char *text = g_strdup_printf ("%s certifie que les personnes ci-dessous sont couvertes par un "
                                           "contrat de complémentaire santé depuis le %s, à la date de la "
                                           "présente attestation.", oc, since);
  g_autofree char *ascii = g_str_to_ascii (oc, "C");
  g_autofree char *stem = g_ascii_strdown (g_strstrip (g_strcanon (ascii, G_CSET_a_2_z G_CSET_A_2_Z G_CSET_DIGITS, ' ')),
                                           -1);
  static const char * const heads[] = { "Nom", "Prénom", "Né(e) le", "N° d’adhérent" };
  static const double cols[] = { 0, 0.27, 0.52, 0.72 };
  double y = M, inner = W - 2 * M;
  InsSeedDoc *doc;

  band (cr, 0.45, 0.1, 0.35);
  cairo_set_source_rgb (cr, 0.45, 0.1, 0.35);
  y += ins_seed_draw_text (cr, "DejaVu Sans Bold 18", M, y, inner, oc, PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  y += ins_seed_draw_text (cr, "DejaVu Sans 9", M, y, inner, "Service adhérents — complémentaire santé",
                           PANGO_ALIGN_LEFT) + 40;
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += ins_seed_draw_text (cr, "DejaVu Sans Bold 16", M, y, inner, "ATTESTATION D’ADHÉSION", PANGO_ALIGN_CENTER) + 24;
  y += ins_seed_draw_text (cr, "DejaVu Sans 11", M, y, inner, text, PANGO_ALIGN_LEFT) + 20;

  cairo_set_source_rgb (cr, 0.93, 0.9, 0.93);
  cairo_rectangle (cr, M, y, inner, 18);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    ins_seed_draw_text (cr, "DejaVu Sans Bold 10", M + 4 + inner * cols[c], y + 2, inner * 0.25, heads[c],
                        PANGO_ALIGN_LEFT);
  y += 24;
  for (guint i = 0; i < n_members; i++)
    {
      g_autofree char *nom = g_utf8_strup (members[i].nom, -1);
      g_autofree char *born = NULL;
      int yy, mm, dd;
      const char *cells[4];

      ins_seed_civil_date (members[i].birth, &yy, &mm, &dd);
      born = g_strdup_printf ("%02d/%02d/%04d", dd, mm, yy);
      cells[0] = nom;
      cells[1] = members[i].prenom;
      cells[2] = born;
      cells[3] = members[i].member;
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        ins_seed_draw_text (cr, "DejaVu Sans 10", M + 4 + inner * cols[c], y, inner * 0.25, cells[c],
                            PANGO_ALIGN_LEFT);
      y += 22;
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_rectangle (cr, M, y - 4, inner, 0.6);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  {
    g_autofree char *done = g_strdup_printf ("Fait le %s, pour servir et valoir ce que de droit.", on);

    y += 30 + ins_seed_draw_text (cr, "DejaVu Sans 10", M, y + 30, inner, done, PANGO_ALIGN_LEFT);
  }
  sign (cr, W - M - 150, y + 30, rand);

  g_strdelimit (stem, " ", '-');
  doc = ins_seed_doc_new (INS_SEED_DOC_ATTESTATION, finish (cr, surface, out), "application/pdf", 1,
                          g_strdup_printf ("attestation-%s.pdf", stem));
  return doc;
}
