/* ins-seed-data.c — reference lists the sample data is drawn from
 *
 * Reference data, not interface strings: French (and foreign) text as it
 * appears on real documents and declarations.
 */
#include "config.h"

#include <string.h>

#include "core/ins-currency.h"
#include "ins-seed-data.h"

#define NNBSP "\u202f"   /* narrow no-break space: French thousands */
#define NBSP "\u00a0"

static const InsSeedCountry countries[] = {
  { "ES", "Espagne",              "EUR", "1",         "BCE", INS_SEED_LANG_ES, "Barcelona",   "Hospital Clínic de Barcelona", 14,
    "C/ de Villarroel, 170\n08036 Barcelona", ".", ",", "", NBSP "€", "d/m/Y" },
  { "PT", "Portugal",             "EUR", "1",         "BCE", INS_SEED_LANG_PT, "Lisboa",      "Hospital da Luz",              5,
    "Avenida Lusíada, 100\n1500-650 Lisboa", NBSP, ",", "", NBSP "€", "d/m/Y" },
  { "DE", "Allemagne",            "EUR", "1",         "BCE", INS_SEED_LANG_DE, "München",     "Klinikum rechts der Isar",     5,
    "Ismaninger Straße 22\n81675 München", ".", ",", "", NBSP "€", "d.m.Y" },
  { "IT", "Italie",               "EUR", "1",         "BCE", INS_SEED_LANG_IT, "Firenze",     "Azienda Ospedaliero-Universitaria Careggi", 5,
    "Largo Giovanni Alessandro Brambilla, 3\n50134 Firenze (FI)", ".", ",", "€" NBSP, "", "d/m/Y" },
  { "BE", "Belgique",             "EUR", "1",         "BCE", INS_SEED_LANG_FR, "Bruxelles",   "Clinique Saint-Jean",          4,
    "Boulevard du Jardin Botanique 32\n1000 Bruxelles", ".", ",", "", NBSP "€", "d/m/Y" },
  { "GB", "Royaume-Uni",          "GBP", "0.8532",    "BCE", INS_SEED_LANG_EN, "London",      "St Thomas’ Hospital",          6,
    "Westminster Bridge Road\nLondon SE1 7EH", ",", ".", "£", "", "d/m/Y" },
  { "CH", "Suisse",               "CHF", "0.9412",    "BCE", INS_SEED_LANG_DE, "Zürich",      "Universitätsspital Zürich",    6,
    "Rämistrasse 100\n8091 Zürich", "’", ".", "CHF" NBSP, "", "d.m.Y" },
  { "US", "États-Unis",           "USD", "1.0823",    "BCE", INS_SEED_LANG_EN, "New York",    "Mount Sinai Hospital",         6,
    "1468 Madison Avenue\nNew York, NY 10029", ",", ".", "$", "", "m/d/Y" },
  { "CA", "Canada",               "CAD", "1.4695",    "BCE", INS_SEED_LANG_EN, "Montréal",    "Montreal General Hospital",    4,
    "1650 Cedar Avenue\nMontréal, QC H3G 1A4", ",", ".", "$", NBSP "CAD", "Y-m-d" },
  { "JP", "Japon",                "JPY", "161.23",    "BCE", INS_SEED_LANG_JA, "京都市",      "京都第一赤十字病院",           4,
    "〒605-0981\n京都府京都市東山区本町15丁目749", ",", ".", "¥", "", "Y/m/d" },
  { "TH", "Thaïlande",            "THB", "39.512",    "BCE", INS_SEED_LANG_EN, "Bangkok",     "Bumrungrad International Hospital", 5,
    "33 Sukhumvit 3, Wattana\nBangkok 10110", ",", ".", "", NBSP "THB", "d/m/Y" },
  { "AU", "Australie",            "AUD", "1.6433",    "BCE", INS_SEED_LANG_EN, "Sydney",      "Royal Prince Alfred Hospital", 2,
    "50 Missenden Road\nCamperdown NSW 2050", ",", ".", "A$", "", "d/m/Y" },
  { "BR", "Brésil",               "BRL", "5.8771",    "BCE", INS_SEED_LANG_PT, "Rio de Janeiro", "Hospital Copa D’Or",        3,
    "Rua Figueiredo de Magalhães, 875 – Copacabana\nRio de Janeiro – RJ, 22031-011", ".", ",", "R$" NBSP, "", "d/m/Y" },
  { "MX", "Mexique",              "MXN", "18.612",    "BCE", INS_SEED_LANG_ES, "Cancún",      "Hospital Galenia",             2,
    "Av. Tulum, SM 12, Mz 1, Lt 1\n77505 Cancún, Q. R.", ",", ".", "$", NBSP "MXN", "d/m/Y" },
  { "MA", "Maroc",                "MAD", "10.874",    "Bank Al-Maghrib", INS_SEED_LANG_AR, "الدار البيضاء", "مصحة الأطلس",  8,
    "45، شارع محمد الخامس\nالدار البيضاء 20000", NBSP, ",", "", NBSP "DH", "d/m/Y" },
  { "TN", "Tunisie",              "TND", "3.351",     "Banque centrale de Tunisie", INS_SEED_LANG_AR, "تونس", "مصحة قرطاج", 4,
    "12، نهج الحبيب بورقيبة\nتونس 1000", NBSP, ",", "", NBSP "DT", "d/m/Y" },
  { "DZ", "Algérie",              "DZD", "145.62",    "Banque d’Algérie", INS_SEED_LANG_FR, "Alger",   "Clinique El Azhar",          3,
    "12, rue Didouche-Mourad\n16000 Alger", NNBSP, ",", "", NBSP "DA", "d/m/Y" },
  { "AE", "Émirats arabes unis",  "AED", "3.9748",    "Central Bank of the UAE", INS_SEED_LANG_AR, "دبي", "مستشفى راشد",     2,
    "شارع عود ميثاء، ص.ب. 4545\nدبي", ",", ".", "AED" NBSP, "", "d/m/Y" },
  { "KW", "Koweït",               "KWD", "0.332",     "Central Bank of Kuwait", INS_SEED_LANG_AR, "الكويت", "مستشفى دار الشفاء", 1,
    "شارع تونس، حولي\nالكويت", ",", ".", "KWD" NBSP, "", "d/m/Y" },
  { "SN", "Sénégal",              "XOF", "655.957",   "Parité fixe", INS_SEED_LANG_FR, "Dakar",     "Hôpital Principal de Dakar",  4,
    "1, avenue Nelson-Mandela\nBP 3006 Dakar", NNBSP, ",", "", NBSP "FCFA", "d/m/Y" },
  { "CI", "Côte d’Ivoire",        "XOF", "655.957",   "Parité fixe", INS_SEED_LANG_FR, "Abidjan",   "Polyclinique Internationale Sainte Anne-Marie", 2,
    "Boulevard de la Corniche, Cocody\n01 BP 1463 Abidjan 01", NNBSP, ",", "", NBSP "FCFA", "d/m/Y" },
  { "PF", "Polynésie française",  "XPF", "119.33174", "Parité fixe", INS_SEED_LANG_FR, "Papeete",   "Clinique Paofai",             2,
    "Boulevard Pomare\nBP 545 – 98713 Papeete", NNBSP, ",", "", NBSP "F CFP", "d/m/Y" },
  { "NC", "Nouvelle-Calédonie",   "XPF", "119.33174", "Parité fixe", INS_SEED_LANG_FR, "Nouméa",    "Clinique Kuindo-Magnin",      1,
    "1, avenue du Maréchal-Juin\n98800 Nouméa", NNBSP, ",", "", NBSP "F CFP", "d/m/Y" },
  { "VN", "Viêt Nam",             "VND", "27154",     "State Bank of Vietnam", INS_SEED_LANG_EN, "Hô Chi Minh-Ville", "FV Hospital", 1,
    "6 Nguyễn Lương Bằng, Quận 7\nThành phố Hồ Chí Minh", ".", ",", "", NBSP "₫", "d/m/Y" },
};

static const InsSeedWords words[INS_SEED_N_LANGS] = {
  [INS_SEED_LANG_FR] = { "FACTURE ACQUITTÉE", "REÇU DE PAIEMENT", "Patient", "Date", "Désignation", "Montant",
                         "Total", "Payé", "Page",
                         { "Consultation de médecine générale", "Analyses de sang", "Radiographie thoracique",
                           "Médicaments délivrés", "Nuit d’hospitalisation", "Soins infirmiers" },
                         "Réglé par carte bancaire", "Merci de votre confiance.",
                         "N°", "\u00a0: ", "ORDONNANCE", "Dr",
                         { "Amoxicilline 1 g\u00a0: 1 comprimé matin et soir pendant 7 jours",
                           "Paracétamol 1 g\u00a0: si douleur, 3 par jour au plus",
                           "Ibuprofène 400 mg\u00a0: 1 comprimé 3 fois par jour" } },
  [INS_SEED_LANG_EN] = { "INVOICE", "PAYMENT RECEIPT", "Patient", "Date", "Description", "Amount",
                         "Total", "Paid", "Page",
                         { "General practitioner consultation", "Blood tests", "Chest X-ray",
                           "Pharmacy", "Inpatient stay (per night)", "Nursing care" },
                         "Paid by credit card", "Thank you for choosing us.",
                         "No.", ": ", "PRESCRIPTION", "Dr",
                         { "Amoxicillin 1 g: one tablet twice daily for 7 days",
                           "Paracetamol 1 g: as needed, up to 3 a day",
                           "Ibuprofen 400 mg: one tablet 3 times a day" } },
  [INS_SEED_LANG_ES] = { "FACTURA", "RECIBO DE PAGO", "Paciente", "Fecha", "Concepto", "Importe",
                         "Total", "Pagado", "Página",
                         { "Consulta de medicina general", "Análisis de sangre", "Radiografía de tórax",
                           "Farmacia", "Estancia hospitalaria (por noche)", "Curas de enfermería" },
                         "Pagado con tarjeta de crédito", "Gracias por su confianza.",
                         "N.º", ": ", "RECETA MÉDICA", "Dr.",
                         { "Amoxicilina 1 g: un comprimido cada 12 horas durante 7 días",
                           "Paracetamol 1 g: si dolor, máximo 3 al día",
                           "Ibuprofeno 400 mg: un comprimido cada 8 horas" } },
  [INS_SEED_LANG_DE] = { "RECHNUNG", "ZAHLUNGSBELEG", "Patient", "Datum", "Leistung", "Betrag",
                         "Gesamtbetrag", "Bezahlt", "Seite",
                         { "Allgemeinärztliche Untersuchung", "Blutuntersuchung", "Röntgen Thorax",
                           "Arzneimittel", "Stationärer Aufenthalt (pro Nacht)", "Pflegeleistungen" },
                         "Bezahlt mit Kreditkarte", "Vielen Dank für Ihr Vertrauen.",
                         "Nr.", ": ", "REZEPT", "Dr. med.",
                         { "Amoxicillin 1 g: 2 × täglich 1 Tablette für 7 Tage",
                           "Paracetamol 1 g: bei Bedarf, höchstens 3 × täglich",
                           "Ibuprofen 400 mg: 3 × täglich 1 Tablette" } },
  [INS_SEED_LANG_PT] = { "FATURA", "COMPROVANTE DE PAGAMENTO", "Paciente", "Data", "Descrição", "Valor",
                         "Total", "Pago", "Página",
                         { "Consulta de clínica geral", "Análises de sangue", "Radiografia do tórax",
                           "Farmácia", "Internamento (por noite)", "Cuidados de enfermagem" },
                         "Pago com cartão de crédito", "Obrigado pela sua confiança.",
                         "N.º", ": ", "RECEITA MÉDICA", "Dr.",
                         { "Amoxicilina 1 g: 1 comprimido de 12 em 12 horas durante 7 dias",
                           "Paracetamol 1 g: em caso de dor, até 3 por dia",
                           "Ibuprofeno 400 mg: 1 comprimido de 8 em 8 horas" } },
  [INS_SEED_LANG_IT] = { "FATTURA", "RICEVUTA DI PAGAMENTO", "Paziente", "Data", "Descrizione", "Importo",
                         "Totale", "Pagato", "Pagina",
                         { "Visita di medicina generale", "Esami del sangue", "Radiografia del torace",
                           "Farmaci", "Degenza (per notte)", "Prestazioni infermieristiche" },
                         "Pagato con carta di credito", "Grazie per la fiducia.",
                         "N.", ": ", "RICETTA MEDICA", "Dott.",
                         { "Amoxicillina 1 g: 1 compressa due volte al giorno per 7 giorni",
                           "Paracetamolo 1 g: al bisogno, massimo 3 al giorno",
                           "Ibuprofene 400 mg: 1 compressa 3 volte al giorno" } },
  [INS_SEED_LANG_JA] = { "請求書", "領収書", "患者名", "日付", "内容", "金額",
                         "合計", "支払済", "ページ",
                         { "初診料", "血液検査", "胸部X線検査", "処方薬", "入院料（1泊）", "看護処置" },
                         "クレジットカードにて支払済", "ご来院ありがとうございました。",
                         "番号", "：", "処方箋", "医師",
                         { "アモキシシリン 1g：1日2回 7日分",
                           "アセトアミノフェン 1g：疼痛時 1日3回まで",
                           "イブプロフェン 400mg：1日3回 毎食後" } },
  [INS_SEED_LANG_AR] = { "فاتورة", "إيصال دفع", "المريض", "التاريخ", "البيان", "المبلغ",
                         "المجموع", "مدفوع", "صفحة",
                         { "استشارة طبية عامة", "تحاليل الدم", "تصوير الصدر بالأشعة",
                           "أدوية", "إقامة في المستشفى (لليلة)", "رعاية تمريضية" },
                         "دفع ببطاقة الائتمان", "شكرا لثقتكم.",
                         "رقم", ": ", "وصفة طبية", "د.",
                         { "أموكسيسيلين 1 غ: قرص مرتين يوميا لمدة 7 أيام",
                           "باراسيتامول 1 غ: عند الألم، 3 مرات يوميا كحد أقصى",
                           "إيبوبروفين 400 ملغ: قرص 3 مرات يوميا" } },
};

const char * const ins_seed_surnames[] = {
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
  "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
  "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
  "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
  "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
  "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand",
  "Dufour", "Blanchard", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez",
  "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois",
  "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis", "Olivier",
  "Rodriguez", "Da Silva", "Hubert", "Louis", "Charles", "Guillot", "Rivière", "Le Gall", "Guillaume", "Adam",
  "Rey", "Moulin", "Gonzalez", "Berger", "Lecomte", "Ménard", "Fleury", "Deschamps", "Carpentier", "Julien",
  "Benoît", "Paris", "Maillard", "Marchal", "Aubry", "Vasseur", "Le Roux", "Renault", "Jacquet", "Collet",
  "Prévost", "Poirier", "Charpentier", "Royer", "Huet", "Baron", "Dupuy", "Pons", "Paul", "Laine",
  "Carré", "Breton", "Rémy", "Schneider", "Perrot", "Guyot", "Barre", "Marty", "Cousin", "Hamon",
  "Ben Ali", "Benali", "Haddad", "Diallo", "Traoré", "Le Goff", "Lebrun", "Bégué", "Labbé", "Lafitte",
  "Etchebarne", "Dufau", "Laborde", "Castaing", "Darrigade", "Lesbats", "Lalanne", "Dubroca", "Saint-Martin", "Lacoste",
  NULL
};

const char * const ins_seed_male_names[] = {
  "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Jacques", "Bernard", "Éric", "François",
  "Frédéric", "Jérôme", "Stéphane", "Sébastien", "Nicolas", "Julien", "Thomas", "Mathieu", "Théo", "Hugo",
  "Lucas", "Léo", "Gabriel", "Raphaël", "Louis", "Arthur", "Jules", "Noël", "Loïc", "Gaël",
  "Benoît", "Cédric", "Hervé", "Gérard", "René", "Rémi", "Joël", "Anaël", "Maël", "Timothée",
  "Jean-Pierre", "Jean-Luc", "Pierre-Yves", "Marc-Antoine", "Yannick", "Mehdi", "Karim", "Mamadou", "Ibrahima", "Hélio",
  NULL
};

const char * const ins_seed_female_names[] = {
  "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Valérie", "Christine", "Sandrine", "Véronique",
  "Hélène", "Cécile", "Céline", "Aurélie", "Émilie", "Élodie", "Mélanie", "Amélie", "Léa", "Chloé",
  "Inès", "Zoé", "Anaïs", "Maëlle", "Éloïse", "Clémence", "Océane", "Noémie", "Agnès", "Bérénice",
  "Geneviève", "Thérèse", "Josiane", "Régine", "Mireille", "Marie-Hélène", "Anne-Sophie", "Marie-Ève", "Jeanne", "Louise",
  "Camille", "Manon", "Sarah", "Lina", "Yasmine", "Fatoumata", "Aïcha", "Nadège", "Gaëlle", "Laëtitia",
  NULL
};

const char * const ins_seed_streets[] = {
  "rue Victor-Hugo", "avenue de la République", "place de la Mairie", "chemin des Vignes",
  "rue du Général-de-Gaulle", "boulevard Saint-Michel", "allée des Pins", "impasse des Églantiers",
  "rue de l’Église", "avenue du Maréchal-Foch", "route de Bayonne", "rue Gambetta", "quai des Chartrons",
  "rue Léon-Gambetta", "avenue Jean-Jaurès", "rue des Écoles", NULL
};

const char * const ins_seed_towns[] = {
  "40000 Mont-de-Marsan", "40100 Dax", "40200 Mimizan", "40600 Biscarrosse", "40140 Soustons",
  "40500 Saint-Sever", "40800 Aire-sur-l’Adour", "40130 Capbreton", "40150 Hossegor", "40400 Tartas",
  "56000 Vannes", "75011 Paris", "69003 Lyon", "33000 Bordeaux", "31000 Toulouse", "64100 Bayonne",
  "13008 Marseille", "44000 Nantes", "67000 Strasbourg", "06000 Nice", "29200 Brest", "35000 Rennes", NULL
};

const char * const ins_seed_reasons[] = {
  "Consultation aux urgences pour une gastro-entérite pendant un séjour touristique",
  "Fracture du poignet après une chute en randonnée ; plâtre et radiographies",
  "Otite aiguë de l’enfant, consultation pédiatrique et antibiotiques",
  "Infection urinaire traitée en ville, consultation et pharmacie",
  "Crise d’asthme, passage aux urgences et traitement par aérosols",
  "Suivi de grossesse : échographie et consultation obstétricale pendant le séjour",
  "Hospitalisation de trois nuits pour une appendicite opérée en urgence",
  "Séances de dialyse programmées avant le départ, accord préalable obtenu",
  "Entorse de la cheville lors d’un match, consultation et attelle",
  "Bronchite, consultation de médecine générale et médicaments",
  "Morsure de chien, vaccination antirabique et soins infirmiers",
  "Rage de dents, extraction chez le dentiste",
  "Accident de la route causé par un tiers, urgences et scanner",
  "Renouvellement d’un traitement pour une affection de longue durée pendant une mission",
  "Forte fièvre et suspicion de dengue, analyses de sang et perfusion",
  "Coupure profonde à la main, sutures et vaccin antitétanique",
  "Conjonctivite, consultation ophtalmologique et collyre",
  "Malaise pendant le vol retour, prise en charge à l’arrivée",
  NULL
};

const char * const ins_seed_avis_questions[] = {
  "Les soins de dialyse relèvent-ils d’une prise en charge au titre de l’ALD déclarée ?",
  "L’hospitalisation de trois nuits était-elle médicalement justifiée au regard du diagnostic ?",
  "Le traitement délivré correspond-il à une prestation remboursable en France ?",
  "Les soins étaient-ils programmés au sens de l’article R. 160-2 du code de la sécurité sociale ?",
  "Le lien entre l’accident du travail déclaré et les soins reçus est-il établi ?",
  NULL
};

const char * const ins_seed_missing_pieces[] = {
  "Facture acquittée et détaillée",
  "Preuve de paiement",
  "Prescription médicale",
  "Formulaire S2 (autorisation préalable)",
  "Attestation de détachement",
  "Traduction de la facture",
  NULL
};

const char * const ins_seed_refusal_texts[] = {
  "Les soins présentés ne figurent pas parmi les prestations remboursables.",
  "Vos droits n’étaient pas ouverts à la date des soins.",
  "Les documents transmis ne correspondent pas à des soins reçus à l’étranger.",
  "La demande a été déposée plus de deux ans après la date des soins.",
  "Votre situation ne relève pas de ce service en ligne.",
  NULL
};

const InsSeedOc ins_seed_ocs[] = {
  { "MGEN", "MG" },
  { "Harmonie Mutuelle", "HM" },
  { "MAAF Santé", "MF" },
  { "Malakoff Humanis", "MH" },
  { "AG2R La Mondiale", "AG" },
  { "Groupama Gan Vie", "GR" },
  { "AXA Santé", "AX" },
  { "Mutuelle Générale", "MUG" },
  { "MACIF Mutualité", "MC" },
  { "Swiss Life Prévoyance et Santé", "SL" },
  { "Klesia Mut’", "KL" },
  { "Mutuelle des Landes", "ML" },
  { "Apivia Mutuelle", "AP" },
  { "Alan", "ALN" },
};

const char * const ins_seed_precarity_ocs[] = {
  "Complémentaire santé solidaire (gestion CPAM)",
  "CMU-C",
  "ACS — Harmonie Mutuelle",
  NULL
};

const InsSeedCountry *
ins_seed_countries (guint *n)
{
  *n = G_N_ELEMENTS (countries);
  return countries;
}

const InsSeedWords *
ins_seed_words (InsSeedLang lang)
{
  return &words[lang];
}

static gint64
power_of_ten (guint n)
{
  gint64 p = 1;

  while (n-- > 0)
    p *= 10;
  return p;
}

char *
ins_seed_format_amount (const InsSeedCountry *country,
                        gint64                minor)
{
  const InsCurrency *currency = ins_currency_lookup (country->currency);
  guint units = currency ? currency->minor_units : 2;
  gint64 div = power_of_ten (units);
  g_autofree char *whole = g_strdup_printf ("%" G_GINT64_FORMAT, minor / div);
  GString *s = g_string_new (country->money_prefix);
  int len = strlen (whole);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (s, country->group);
      g_string_append_c (s, whole[i]);
    }
  if (units > 0)
    g_string_append_printf (s, "%s%0*" G_GINT64_FORMAT, country->decimal, (int) units, minor % div);
  g_string_append (s, country->money_suffix);
  return g_string_free (s, FALSE);
}

/* H. Hinnant's algorithm. */
void
ins_seed_civil_date (gint64 z, int *y, int *m, int *d)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yoe + era * 400 + (*m <= 2));
}

char *
ins_seed_format_date (const InsSeedCountry *country,
                      gint64                days)
{
  GString *s = g_string_new (NULL);
  int y, m, d;

  ins_seed_civil_date (days, &y, &m, &d);
  for (const char *p = country->date_format; *p; p++)
    if (*p == 'd')
      g_string_append_printf (s, "%02d", d);
    else if (*p == 'm')
      g_string_append_printf (s, "%02d", m);
    else if (*p == 'Y')
      g_string_append_printf (s, "%04d", y);
    else
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

guint
ins_seed_list_len (const char * const *list)
{
  guint n = 0;

  while (list[n] != NULL)
    n++;
  return n;
}

guint
ins_seed_n_ocs (void)
{
  return G_N_ELEMENTS (ins_seed_ocs);
}
