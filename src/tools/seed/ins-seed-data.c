/* ins-seed-data.c — reference lists the sample data is drawn from
 *
 * Reference data, not interface strings: French (and foreign) text as it
 * appears on real documents and declarations.
 */
#include "config.h"

#include "ins-seed-data.h"

static const InsSeedCountry countries[] = {
  { "ES", "Espagne",              "EUR", "1",         "BCE", INS_SEED_LANG_ES, "Barcelona",   "Hospital Clínic de Barcelona", 14 },
  { "PT", "Portugal",             "EUR", "1",         "BCE", INS_SEED_LANG_PT, "Lisboa",      "Hospital da Luz",              5 },
  { "DE", "Allemagne",            "EUR", "1",         "BCE", INS_SEED_LANG_DE, "München",     "Klinikum rechts der Isar",     5 },
  { "IT", "Italie",               "EUR", "1",         "BCE", INS_SEED_LANG_IT, "Firenze",     "Ospedale di Careggi",          5 },
  { "BE", "Belgique",             "EUR", "1",         "BCE", INS_SEED_LANG_FR, "Bruxelles",   "Clinique Saint-Jean",          4 },
  { "GB", "Royaume-Uni",          "GBP", "0.8532",    "BCE", INS_SEED_LANG_EN, "London",      "St Thomas’ Hospital",          6 },
  { "CH", "Suisse",               "CHF", "0.9412",    "BCE", INS_SEED_LANG_DE, "Zürich",      "Universitätsspital Zürich",    6 },
  { "US", "États-Unis",           "USD", "1.0823",    "BCE", INS_SEED_LANG_EN, "New York",    "Mount Sinai Hospital",         6 },
  { "CA", "Canada",               "CAD", "1.4695",    "BCE", INS_SEED_LANG_EN, "Montréal",    "Montreal General Hospital",    4 },
  { "JP", "Japon",                "JPY", "161.23",    "BCE", INS_SEED_LANG_JA, "京都市",      "京都第一赤十字病院",           4 },
  { "TH", "Thaïlande",            "THB", "39.512",    "BCE", INS_SEED_LANG_EN, "Bangkok",     "Bumrungrad International Hospital", 5 },
  { "AU", "Australie",            "AUD", "1.6433",    "BCE", INS_SEED_LANG_EN, "Sydney",      "Royal Prince Alfred Hospital", 2 },
  { "BR", "Brésil",               "BRL", "5.8771",    "BCE", INS_SEED_LANG_PT, "Rio de Janeiro", "Hospital Copa D’Or",        3 },
  { "MX", "Mexique",              "MXN", "18.612",    "BCE", INS_SEED_LANG_ES, "Cancún",      "Hospital Galenia",             2 },
  { "MA", "Maroc",                "MAD", "10.874",    "Bank Al-Maghrib", INS_SEED_LANG_AR, "الدار البيضاء", "مصحة الأطلس",  8 },
  { "TN", "Tunisie",              "TND", "3.351",     "Banque centrale de Tunisie", INS_SEED_LANG_AR, "تونس", "مصحة قرطاج", 4 },
  { "DZ", "Algérie",              "DZD", "145.62",    "Banque d’Algérie", INS_SEED_LANG_FR, "Alger",   "Clinique El Azhar",          3 },
  { "AE", "Émirats arabes unis",  "AED", "3.9748",    "Central Bank of the UAE", INS_SEED_LANG_AR, "دبي", "مستشفى راشد",     2 },
  { "KW", "Koweït",               "KWD", "0.332",     "Central Bank of Kuwait", INS_SEED_LANG_AR, "الكويت", "مستشفى دار الشفاء", 1 },
  { "SN", "Sénégal",              "XOF", "655.957",   "Parité fixe", INS_SEED_LANG_FR, "Dakar",     "Hôpital Principal de Dakar",  4 },
  { "CI", "Côte d’Ivoire",        "XOF", "655.957",   "Parité fixe", INS_SEED_LANG_FR, "Abidjan",   "Polyclinique Internationale Sainte Anne-Marie", 2 },
  { "PF", "Polynésie française",  "XPF", "119.33174", "Parité fixe", INS_SEED_LANG_FR, "Papeete",   "Clinique Paofai",             2 },
  { "NC", "Nouvelle-Calédonie",   "XPF", "119.33174", "Parité fixe", INS_SEED_LANG_FR, "Nouméa",    "Clinique Kuindo-Magnin",      1 },
  { "VN", "Viêt Nam",             "VND", "27154",     "State Bank of Vietnam", INS_SEED_LANG_EN, "Hô Chi Minh-Ville", "FV Hospital", 1 },
};

static const InsSeedWords words[INS_SEED_N_LANGS] = {
  [INS_SEED_LANG_FR] = { "FACTURE ACQUITTÉE", "REÇU DE PAIEMENT", "Patient", "Date", "Désignation", "Montant",
                         "Total", "Payé", "Page",
                         { "Consultation de médecine générale", "Analyses de sang", "Radiographie thoracique",
                           "Médicaments délivrés", "Nuit d’hospitalisation", "Soins infirmiers" },
                         "Réglé par carte bancaire", "Merci de votre confiance." },
  [INS_SEED_LANG_EN] = { "INVOICE", "PAYMENT RECEIPT", "Patient", "Date", "Description", "Amount",
                         "Total", "Paid", "Page",
                         { "General practitioner consultation", "Blood tests", "Chest X-ray",
                           "Pharmacy", "Inpatient stay (per night)", "Nursing care" },
                         "Paid by credit card", "Thank you for choosing us." },
  [INS_SEED_LANG_ES] = { "FACTURA", "RECIBO DE PAGO", "Paciente", "Fecha", "Concepto", "Importe",
                         "Total", "Pagado", "Página",
                         { "Consulta de medicina general", "Análisis de sangre", "Radiografía de tórax",
                           "Farmacia", "Estancia hospitalaria (por noche)", "Curas de enfermería" },
                         "Pagado con tarjeta de crédito", "Gracias por su confianza." },
  [INS_SEED_LANG_DE] = { "RECHNUNG", "ZAHLUNGSBELEG", "Patient", "Datum", "Leistung", "Betrag",
                         "Gesamtbetrag", "Bezahlt", "Seite",
                         { "Allgemeinärztliche Untersuchung", "Blutuntersuchung", "Röntgen Thorax",
                           "Arzneimittel", "Stationärer Aufenthalt (pro Nacht)", "Pflegeleistungen" },
                         "Bezahlt mit Kreditkarte", "Vielen Dank für Ihr Vertrauen." },
  [INS_SEED_LANG_PT] = { "FATURA", "COMPROVANTE DE PAGAMENTO", "Paciente", "Data", "Descrição", "Valor",
                         "Total", "Pago", "Página",
                         { "Consulta de clínica geral", "Análises de sangue", "Radiografia do tórax",
                           "Farmácia", "Internamento (por noite)", "Cuidados de enfermagem" },
                         "Pago com cartão de crédito", "Obrigado pela sua confiança." },
  [INS_SEED_LANG_IT] = { "FATTURA", "RICEVUTA DI PAGAMENTO", "Paziente", "Data", "Descrizione", "Importo",
                         "Totale", "Pagato", "Pagina",
                         { "Visita di medicina generale", "Esami del sangue", "Radiografia del torace",
                           "Farmaci", "Degenza (per notte)", "Prestazioni infermieristiche" },
                         "Pagato con carta di credito", "Grazie per la fiducia." },
  [INS_SEED_LANG_JA] = { "請求書", "領収書", "患者名", "日付", "内容", "金額",
                         "合計", "支払済", "ページ",
                         { "初診料", "血液検査", "胸部X線検査", "処方薬", "入院料（1泊）", "看護処置" },
                         "クレジットカードにて支払済", "ご来院ありがとうございました。" },
  [INS_SEED_LANG_AR] = { "فاتورة", "إيصال دفع", "المريض", "التاريخ", "البيان", "المبلغ",
                         "المجموع", "مدفوع", "صفحة",
                         { "استشارة طبية عامة", "تحاليل الدم", "تصوير الصدر بالأشعة",
                           "أدوية", "إقامة في المستشفى (لليلة)", "رعاية تمريضية" },
                         "دفع ببطاقة الائتمان", "شكرا لثقتكم." },
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
