/* ins-country.c — ISO 3166-1 alpha-2 countries with French names and zones */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "ins-country.h"

/* ISO 3166-1 (plus XK, Kosovo, the user-assigned code the EU uses), French
 * short names as agents say them; sorted by code. Åland (AX) and Saint-Martin
 * (MF) are EU territory; Greenland, the Faroes, the Channel Islands, Man and
 * Gibraltar are not. */
static const InsCountry countries[] = {
  { "AD", "Andorre", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AE", "Émirats arabes unis", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AF", "Afghanistan", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AG", "Antigua-et-Barbuda", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AI", "Anguilla", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AL", "Albanie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AM", "Arménie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AO", "Angola", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AQ", "Antarctique", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AR", "Argentine", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AS", "Samoa américaines", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AT", "Autriche", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "AU", "Australie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AW", "Aruba", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "AX", "Îles Åland", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "AZ", "Azerbaïdjan", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BA", "Bosnie-Herzégovine", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BB", "Barbade", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BD", "Bangladesh", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BE", "Belgique", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "BF", "Burkina Faso", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BG", "Bulgarie", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "BH", "Bahreïn", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BI", "Burundi", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BJ", "Bénin", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BL", "Saint-Barthélemy", INS_ZONE_OTHER, INS_COUNTRY_FLAG_FRENCH_COM },
  { "BM", "Bermudes", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BN", "Brunei", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BO", "Bolivie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BQ", "Bonaire, Saint-Eustache et Saba", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BR", "Brésil", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BS", "Bahamas", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BT", "Bhoutan", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BV", "Île Bouvet", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BW", "Botswana", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BY", "Biélorussie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "BZ", "Belize", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CA", "Canada", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CC", "Îles Cocos (Keeling)", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CD", "République démocratique du Congo", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CF", "République centrafricaine", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CG", "Congo", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CH", "Suisse", INS_ZONE_CH, INS_COUNTRY_FLAG_NONE },
  { "CI", "Côte d’Ivoire", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CK", "Îles Cook", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CL", "Chili", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CM", "Cameroun", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CN", "Chine", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CO", "Colombie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CR", "Costa Rica", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CU", "Cuba", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CV", "Cap-Vert", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CW", "Curaçao", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CX", "Île Christmas", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "CY", "Chypre", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "CZ", "Tchéquie", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "DE", "Allemagne", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "DJ", "Djibouti", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "DK", "Danemark", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "DM", "Dominique", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "DO", "République dominicaine", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "DZ", "Algérie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "EC", "Équateur", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "EE", "Estonie", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "EG", "Égypte", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "EH", "Sahara occidental", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "ER", "Érythrée", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "ES", "Espagne", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "ET", "Éthiopie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "FI", "Finlande", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "FJ", "Fidji", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "FK", "Îles Malouines (Falkland)", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "FM", "Micronésie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "FO", "Îles Féroé", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "FR", "France", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "GA", "Gabon", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GB", "Royaume-Uni", INS_ZONE_UK, INS_COUNTRY_FLAG_NONE },
  { "GD", "Grenade", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GE", "Géorgie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GF", "Guyane française", INS_ZONE_EU, INS_COUNTRY_FLAG_FRENCH_DROM },
  { "GG", "Guernesey", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GH", "Ghana", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GI", "Gibraltar", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GL", "Groenland", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GM", "Gambie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GN", "Guinée", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GP", "Guadeloupe", INS_ZONE_EU, INS_COUNTRY_FLAG_FRENCH_DROM },
  { "GQ", "Guinée équatoriale", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GR", "Grèce", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "GS", "Géorgie du Sud-et-les îles Sandwich du Sud", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GT", "Guatemala", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GU", "Guam", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GW", "Guinée-Bissau", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "GY", "Guyana", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "HK", "Hong Kong", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "HM", "Îles Heard-et-MacDonald", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "HN", "Honduras", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "HR", "Croatie", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "HT", "Haïti", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "HU", "Hongrie", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "ID", "Indonésie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "IE", "Irlande", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "IL", "Israël", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "IM", "Île de Man", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "IN", "Inde", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "IO", "Territoire britannique de l’océan Indien", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "IQ", "Irak", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "IR", "Iran", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "IS", "Islande", INS_ZONE_EEA, INS_COUNTRY_FLAG_NONE },
  { "IT", "Italie", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "JE", "Jersey", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "JM", "Jamaïque", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "JO", "Jordanie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "JP", "Japon", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "KE", "Kenya", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "KG", "Kirghizistan", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "KH", "Cambodge", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "KI", "Kiribati", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "KM", "Comores", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "KN", "Saint-Christophe-et-Niévès", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "KP", "Corée du Nord", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "KR", "Corée du Sud", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "KW", "Koweït", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "KY", "Îles Caïmans", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "KZ", "Kazakhstan", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "LA", "Laos", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "LB", "Liban", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "LC", "Sainte-Lucie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "LI", "Liechtenstein", INS_ZONE_EEA, INS_COUNTRY_FLAG_NONE },
  { "LK", "Sri Lanka", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "LR", "Liberia", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "LS", "Lesotho", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "LT", "Lituanie", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "LU", "Luxembourg", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "LV", "Lettonie", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "LY", "Libye", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MA", "Maroc", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MC", "Monaco", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MD", "Moldavie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "ME", "Monténégro", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MF", "Saint-Martin (partie française)", INS_ZONE_EU, INS_COUNTRY_FLAG_FRENCH_COM },
  { "MG", "Madagascar", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MH", "Îles Marshall", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MK", "Macédoine du Nord", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "ML", "Mali", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MM", "Birmanie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MN", "Mongolie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MO", "Macao", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MP", "Îles Mariannes du Nord", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MQ", "Martinique", INS_ZONE_EU, INS_COUNTRY_FLAG_FRENCH_DROM },
  { "MR", "Mauritanie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MS", "Montserrat", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MT", "Malte", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "MU", "Maurice", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MV", "Maldives", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MW", "Malawi", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MX", "Mexique", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MY", "Malaisie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "MZ", "Mozambique", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "NA", "Namibie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "NC", "Nouvelle-Calédonie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_FRENCH_COM },
  { "NE", "Niger", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "NF", "Île Norfolk", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "NG", "Nigeria", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "NI", "Nicaragua", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "NL", "Pays-Bas", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "NO", "Norvège", INS_ZONE_EEA, INS_COUNTRY_FLAG_NONE },
  { "NP", "Népal", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "NR", "Nauru", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "NU", "Nioue", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "NZ", "Nouvelle-Zélande", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "OM", "Oman", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "PA", "Panama", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "PE", "Pérou", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "PF", "Polynésie française", INS_ZONE_OTHER, INS_COUNTRY_FLAG_FRENCH_COM },
  { "PG", "Papouasie-Nouvelle-Guinée", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "PH", "Philippines", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "PK", "Pakistan", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "PL", "Pologne", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "PM", "Saint-Pierre-et-Miquelon", INS_ZONE_OTHER, INS_COUNTRY_FLAG_FRENCH_COM },
  { "PN", "Îles Pitcairn", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "PR", "Porto Rico", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "PS", "Palestine", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "PT", "Portugal", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "PW", "Palaos", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "PY", "Paraguay", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "QA", "Qatar", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "RE", "La Réunion", INS_ZONE_EU, INS_COUNTRY_FLAG_FRENCH_DROM },
  { "RO", "Roumanie", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "RS", "Serbie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "RU", "Russie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "RW", "Rwanda", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SA", "Arabie saoudite", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SB", "Îles Salomon", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SC", "Seychelles", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SD", "Soudan", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SE", "Suède", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "SG", "Singapour", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SH", "Sainte-Hélène, Ascension et Tristan da Cunha", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SI", "Slovénie", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "SJ", "Svalbard et Jan Mayen", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SK", "Slovaquie", INS_ZONE_EU, INS_COUNTRY_FLAG_NONE },
  { "SL", "Sierra Leone", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SM", "Saint-Marin", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SN", "Sénégal", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SO", "Somalie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SR", "Surinam", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SS", "Soudan du Sud", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "ST", "Sao Tomé-et-Principe", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SV", "Salvador", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SX", "Saint-Martin (partie néerlandaise)", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SY", "Syrie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "SZ", "Eswatini", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TC", "Îles Turques-et-Caïques", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TD", "Tchad", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TF", "Terres australes et antarctiques françaises", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TG", "Togo", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TH", "Thaïlande", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TJ", "Tadjikistan", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TK", "Tokelau", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TL", "Timor oriental", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TM", "Turkménistan", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TN", "Tunisie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TO", "Tonga", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TR", "Turquie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TT", "Trinité-et-Tobago", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TV", "Tuvalu", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TW", "Taïwan", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "TZ", "Tanzanie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "UA", "Ukraine", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "UG", "Ouganda", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "UM", "Îles mineures éloignées des États-Unis", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "US", "États-Unis", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "UY", "Uruguay", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "UZ", "Ouzbékistan", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "VA", "Vatican", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "VC", "Saint-Vincent-et-les-Grenadines", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "VE", "Venezuela", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "VG", "Îles Vierges britanniques", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "VI", "Îles Vierges des États-Unis", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "VN", "Viêt Nam", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "VU", "Vanuatu", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "WF", "Wallis-et-Futuna", INS_ZONE_OTHER, INS_COUNTRY_FLAG_FRENCH_COM },
  { "WS", "Samoa", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "XK", "Kosovo", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "YE", "Yémen", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "YT", "Mayotte", INS_ZONE_EU, INS_COUNTRY_FLAG_FRENCH_DROM },
  { "ZA", "Afrique du Sud", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "ZM", "Zambie", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
  { "ZW", "Zimbabwe", INS_ZONE_OTHER, INS_COUNTRY_FLAG_NONE },
};

static const char *zone_labels[] = {
  N_("European Union"),
  N_("European Economic Area"),
  N_("Switzerland"),
  N_("United Kingdom"),
  N_("Other country"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (zone_labels) == INS_N_ZONES);

static int
compare_code (const void *key, const void *item)
{
  return strcmp (key, ((const InsCountry *) item)->code);
}

const InsCountry *
ins_country_lookup (const char *code)
{
  if (code == NULL || strlen (code) != 2)
    return NULL;
  return bsearch (code, countries, G_N_ELEMENTS (countries), sizeof countries[0], compare_code);
}

const InsCountry *
ins_country_get_all (guint *n_countries)
{
  if (n_countries != NULL)
    *n_countries = G_N_ELEMENTS (countries);
  return countries;
}

gboolean
ins_country_in_eu_eea_ch_uk (const char *code)
{
  const InsCountry *country = ins_country_lookup (code);

  return country != NULL && country->zone != INS_ZONE_OTHER;
}

gboolean
ins_country_is_french_com (const char *code)
{
  const InsCountry *country = ins_country_lookup (code);

  return country != NULL && (country->flags & INS_COUNTRY_FLAG_FRENCH_COM) != 0;
}

const char *
ins_country_zone_label (InsCountryZone zone)
{
  g_return_val_if_fail ((guint) zone < INS_N_ZONES, NULL);

  return _(zone_labels[zone]);
}
