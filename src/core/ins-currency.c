/* ins-currency.c — the ISO 4217 table and strict amount parsing */
#define G_LOG_DOMAIN "ins-core"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "ins-core-error.h"
#include "ins-currency.h"

#define MAX_MINOR G_GINT64_CONSTANT (1000000000000000)

/* ISO 4217 (amendments up to 2025: XCG, ZWG), French names; sorted by code.
 * Minor units of metals and accounting units (N.A. in ISO) are 0. */
static const InsCurrency currencies[] = {
  { "AED", 784, 2, INS_CURRENCY_TENDER, "Dirham des Émirats arabes unis" },
  { "AFN", 971, 2, INS_CURRENCY_TENDER, "Afghani" },
  { "ALL", 8, 2, INS_CURRENCY_TENDER, "Lek" },
  { "AMD", 51, 2, INS_CURRENCY_TENDER, "Dram arménien" },
  { "ANG", 532, 2, INS_CURRENCY_WITHDRAWN, "Florin des Antilles néerlandaises" },
  { "AOA", 973, 2, INS_CURRENCY_TENDER, "Kwanza" },
  { "ARS", 32, 2, INS_CURRENCY_TENDER, "Peso argentin" },
  { "AUD", 36, 2, INS_CURRENCY_TENDER, "Dollar australien" },
  { "AWG", 533, 2, INS_CURRENCY_TENDER, "Florin arubais" },
  { "AZN", 944, 2, INS_CURRENCY_TENDER, "Manat azerbaïdjanais" },
  { "BAM", 977, 2, INS_CURRENCY_TENDER, "Mark convertible" },
  { "BBD", 52, 2, INS_CURRENCY_TENDER, "Dollar de la Barbade" },
  { "BDT", 50, 2, INS_CURRENCY_TENDER, "Taka" },
  { "BGN", 975, 2, INS_CURRENCY_TENDER, "Lev bulgare" },
  { "BHD", 48, 3, INS_CURRENCY_TENDER, "Dinar bahreïni" },
  { "BIF", 108, 0, INS_CURRENCY_TENDER, "Franc burundais" },
  { "BMD", 60, 2, INS_CURRENCY_TENDER, "Dollar des Bermudes" },
  { "BND", 96, 2, INS_CURRENCY_TENDER, "Dollar de Brunei" },
  { "BOB", 68, 2, INS_CURRENCY_TENDER, "Boliviano" },
  { "BOV", 984, 2, INS_CURRENCY_SPECIAL, "Mvdol bolivien" },
  { "BRL", 986, 2, INS_CURRENCY_TENDER, "Real brésilien" },
  { "BSD", 44, 2, INS_CURRENCY_TENDER, "Dollar bahaméen" },
  { "BTN", 64, 2, INS_CURRENCY_TENDER, "Ngultrum" },
  { "BWP", 72, 2, INS_CURRENCY_TENDER, "Pula" },
  { "BYN", 933, 2, INS_CURRENCY_TENDER, "Rouble biélorusse" },
  { "BZD", 84, 2, INS_CURRENCY_TENDER, "Dollar de Belize" },
  { "CAD", 124, 2, INS_CURRENCY_TENDER, "Dollar canadien" },
  { "CDF", 976, 2, INS_CURRENCY_TENDER, "Franc congolais" },
  { "CHE", 947, 2, INS_CURRENCY_SPECIAL, "Euro WIR" },
  { "CHF", 756, 2, INS_CURRENCY_TENDER, "Franc suisse" },
  { "CHW", 948, 2, INS_CURRENCY_SPECIAL, "Franc WIR" },
  { "CLF", 990, 4, INS_CURRENCY_SPECIAL, "Unité d’investissement chilienne" },
  { "CLP", 152, 0, INS_CURRENCY_TENDER, "Peso chilien" },
  { "CNY", 156, 2, INS_CURRENCY_TENDER, "Yuan renminbi" },
  { "COP", 170, 2, INS_CURRENCY_TENDER, "Peso colombien" },
  { "COU", 970, 2, INS_CURRENCY_SPECIAL, "Unité de valeur réelle colombienne" },
  { "CRC", 188, 2, INS_CURRENCY_TENDER, "Colón costaricien" },
  { "CUC", 931, 2, INS_CURRENCY_TENDER, "Peso cubain convertible" },
  { "CUP", 192, 2, INS_CURRENCY_TENDER, "Peso cubain" },
  { "CVE", 132, 2, INS_CURRENCY_TENDER, "Escudo cap-verdien" },
  { "CYP", 196, 2, INS_CURRENCY_WITHDRAWN, "Livre chypriote" },
  { "CZK", 203, 2, INS_CURRENCY_TENDER, "Koruna tchèque" },
  { "DJF", 262, 0, INS_CURRENCY_TENDER, "Franc djiboutien" },
  { "DKK", 208, 2, INS_CURRENCY_TENDER, "Couronne danoise" },
  { "DOP", 214, 2, INS_CURRENCY_TENDER, "Peso dominicain" },
  { "DZD", 12, 2, INS_CURRENCY_TENDER, "Dinar algérien" },
  { "EEK", 233, 2, INS_CURRENCY_WITHDRAWN, "Couronne estonienne" },
  { "EGP", 818, 2, INS_CURRENCY_TENDER, "Livre égyptienne" },
  { "ERN", 232, 2, INS_CURRENCY_TENDER, "Nakfa" },
  { "ETB", 230, 2, INS_CURRENCY_TENDER, "Birr éthiopien" },
  { "EUR", 978, 2, INS_CURRENCY_TENDER, "Euro" },
  { "FJD", 242, 2, INS_CURRENCY_TENDER, "Dollar fidjien" },
  { "FKP", 238, 2, INS_CURRENCY_TENDER, "Livre des îles Malouines" },
  { "GBP", 826, 2, INS_CURRENCY_TENDER, "Livre sterling" },
  { "GEL", 981, 2, INS_CURRENCY_TENDER, "Lari" },
  { "GHS", 936, 2, INS_CURRENCY_TENDER, "Cedi ghanéen" },
  { "GIP", 292, 2, INS_CURRENCY_TENDER, "Livre de Gibraltar" },
  { "GMD", 270, 2, INS_CURRENCY_TENDER, "Dalasi" },
  { "GNF", 324, 0, INS_CURRENCY_TENDER, "Franc guinéen" },
  { "GTQ", 320, 2, INS_CURRENCY_TENDER, "Quetzal" },
  { "GYD", 328, 2, INS_CURRENCY_TENDER, "Dollar du Guyana" },
  { "HKD", 344, 2, INS_CURRENCY_TENDER, "Dollar de Hong Kong" },
  { "HNL", 340, 2, INS_CURRENCY_TENDER, "Lempira" },
  { "HRK", 191, 2, INS_CURRENCY_WITHDRAWN, "Kuna croate" },
  { "HTG", 332, 2, INS_CURRENCY_TENDER, "Gourde" },
  { "HUF", 348, 2, INS_CURRENCY_TENDER, "Forint" },
  { "IDR", 360, 2, INS_CURRENCY_TENDER, "Roupie indonésienne" },
  { "ILS", 376, 2, INS_CURRENCY_TENDER, "Nouveau shekel israélien" },
  { "INR", 356, 2, INS_CURRENCY_TENDER, "Roupie indienne" },
  { "IQD", 368, 3, INS_CURRENCY_TENDER, "Dinar irakien" },
  { "IRR", 364, 2, INS_CURRENCY_TENDER, "Rial iranien" },
  { "ISK", 352, 0, INS_CURRENCY_TENDER, "Couronne islandaise" },
  { "JMD", 388, 2, INS_CURRENCY_TENDER, "Dollar jamaïcain" },
  { "JOD", 400, 3, INS_CURRENCY_TENDER, "Dinar jordanien" },
  { "JPY", 392, 0, INS_CURRENCY_TENDER, "Yen" },
  { "KES", 404, 2, INS_CURRENCY_TENDER, "Shilling kényan" },
  { "KGS", 417, 2, INS_CURRENCY_TENDER, "Som" },
  { "KHR", 116, 2, INS_CURRENCY_TENDER, "Riel" },
  { "KMF", 174, 0, INS_CURRENCY_TENDER, "Franc comorien" },
  { "KPW", 408, 2, INS_CURRENCY_TENDER, "Won nord-coréen" },
  { "KRW", 410, 0, INS_CURRENCY_TENDER, "Won sud-coréen" },
  { "KWD", 414, 3, INS_CURRENCY_TENDER, "Dinar koweïtien" },
  { "KYD", 136, 2, INS_CURRENCY_TENDER, "Dollar des îles Caïmans" },
  { "KZT", 398, 2, INS_CURRENCY_TENDER, "Tenge" },
  { "LAK", 418, 2, INS_CURRENCY_TENDER, "Kip" },
  { "LBP", 422, 2, INS_CURRENCY_TENDER, "Livre libanaise" },
  { "LKR", 144, 2, INS_CURRENCY_TENDER, "Roupie sri-lankaise" },
  { "LRD", 430, 2, INS_CURRENCY_TENDER, "Dollar libérien" },
  { "LSL", 426, 2, INS_CURRENCY_TENDER, "Loti" },
  { "LTL", 440, 2, INS_CURRENCY_WITHDRAWN, "Litas lituanien" },
  { "LVL", 428, 2, INS_CURRENCY_WITHDRAWN, "Lats letton" },
  { "LYD", 434, 3, INS_CURRENCY_TENDER, "Dinar libyen" },
  { "MAD", 504, 2, INS_CURRENCY_TENDER, "Dirham marocain" },
  { "MDL", 498, 2, INS_CURRENCY_TENDER, "Leu moldave" },
  { "MGA", 969, 2, INS_CURRENCY_TENDER, "Ariary malgache" },
  { "MKD", 807, 2, INS_CURRENCY_TENDER, "Denar macédonien" },
  { "MMK", 104, 2, INS_CURRENCY_TENDER, "Kyat" },
  { "MNT", 496, 2, INS_CURRENCY_TENDER, "Tugrik" },
  { "MOP", 446, 2, INS_CURRENCY_TENDER, "Pataca" },
  { "MRU", 929, 2, INS_CURRENCY_TENDER, "Ouguiya" },
  { "MTL", 470, 2, INS_CURRENCY_WITHDRAWN, "Lire maltaise" },
  { "MUR", 480, 2, INS_CURRENCY_TENDER, "Roupie mauricienne" },
  { "MVR", 462, 2, INS_CURRENCY_TENDER, "Rufiyaa" },
  { "MWK", 454, 2, INS_CURRENCY_TENDER, "Kwacha malawien" },
  { "MXN", 484, 2, INS_CURRENCY_TENDER, "Peso mexicain" },
  { "MXV", 979, 2, INS_CURRENCY_SPECIAL, "Unité d’investissement mexicaine (UDI)" },
  { "MYR", 458, 2, INS_CURRENCY_TENDER, "Ringgit malaisien" },
  { "MZN", 943, 2, INS_CURRENCY_TENDER, "Metical mozambicain" },
  { "NAD", 516, 2, INS_CURRENCY_TENDER, "Dollar namibien" },
  { "NGN", 566, 2, INS_CURRENCY_TENDER, "Naira" },
  { "NIO", 558, 2, INS_CURRENCY_TENDER, "Córdoba oro" },
  { "NOK", 578, 2, INS_CURRENCY_TENDER, "Couronne norvégienne" },
  { "NPR", 524, 2, INS_CURRENCY_TENDER, "Roupie népalaise" },
  { "NZD", 554, 2, INS_CURRENCY_TENDER, "Dollar néo-zélandais" },
  { "OMR", 512, 3, INS_CURRENCY_TENDER, "Rial omanais" },
  { "PAB", 590, 2, INS_CURRENCY_TENDER, "Balboa" },
  { "PEN", 604, 2, INS_CURRENCY_TENDER, "Sol" },
  { "PGK", 598, 2, INS_CURRENCY_TENDER, "Kina" },
  { "PHP", 608, 2, INS_CURRENCY_TENDER, "Peso philippin" },
  { "PKR", 586, 2, INS_CURRENCY_TENDER, "Roupie pakistanaise" },
  { "PLN", 985, 2, INS_CURRENCY_TENDER, "Zloty" },
  { "PYG", 600, 0, INS_CURRENCY_TENDER, "Guarani" },
  { "QAR", 634, 2, INS_CURRENCY_TENDER, "Riyal qatarien" },
  { "ROL", 642, 2, INS_CURRENCY_WITHDRAWN, "Ancien leu roumain" },
  { "RON", 946, 2, INS_CURRENCY_TENDER, "Leu roumain" },
  { "RSD", 941, 2, INS_CURRENCY_TENDER, "Dinar serbe" },
  { "RUB", 643, 2, INS_CURRENCY_TENDER, "Rouble russe" },
  { "RWF", 646, 0, INS_CURRENCY_TENDER, "Franc rwandais" },
  { "SAR", 682, 2, INS_CURRENCY_TENDER, "Riyal saoudien" },
  { "SBD", 90, 2, INS_CURRENCY_TENDER, "Dollar des îles Salomon" },
  { "SCR", 690, 2, INS_CURRENCY_TENDER, "Roupie seychelloise" },
  { "SDG", 938, 2, INS_CURRENCY_TENDER, "Livre soudanaise" },
  { "SEK", 752, 2, INS_CURRENCY_TENDER, "Couronne suédoise" },
  { "SGD", 702, 2, INS_CURRENCY_TENDER, "Dollar singapourien" },
  { "SHP", 654, 2, INS_CURRENCY_TENDER, "Livre de Sainte-Hélène" },
  { "SIT", 705, 2, INS_CURRENCY_WITHDRAWN, "Tolar slovène" },
  { "SKK", 703, 2, INS_CURRENCY_WITHDRAWN, "Couronne slovaque" },
  { "SLE", 925, 2, INS_CURRENCY_TENDER, "Leone" },
  { "SLL", 694, 2, INS_CURRENCY_WITHDRAWN, "Ancien leone" },
  { "SOS", 706, 2, INS_CURRENCY_TENDER, "Shilling somalien" },
  { "SRD", 968, 2, INS_CURRENCY_TENDER, "Dollar surinamien" },
  { "SSP", 728, 2, INS_CURRENCY_TENDER, "Livre sud-soudanaise" },
  { "STN", 930, 2, INS_CURRENCY_TENDER, "Dobra" },
  { "SVC", 222, 2, INS_CURRENCY_TENDER, "Colón salvadorien" },
  { "SYP", 760, 2, INS_CURRENCY_TENDER, "Livre syrienne" },
  { "SZL", 748, 2, INS_CURRENCY_TENDER, "Lilangeni" },
  { "THB", 764, 2, INS_CURRENCY_TENDER, "Baht" },
  { "TJS", 972, 2, INS_CURRENCY_TENDER, "Somoni" },
  { "TMT", 934, 2, INS_CURRENCY_TENDER, "Manat turkmène" },
  { "TND", 788, 3, INS_CURRENCY_TENDER, "Dinar tunisien" },
  { "TOP", 776, 2, INS_CURRENCY_TENDER, "Pa’anga" },
  { "TRL", 792, 0, INS_CURRENCY_WITHDRAWN, "Ancienne livre turque" },
  { "TRY", 949, 2, INS_CURRENCY_TENDER, "Livre turque" },
  { "TTD", 780, 2, INS_CURRENCY_TENDER, "Dollar de Trinité-et-Tobago" },
  { "TWD", 901, 2, INS_CURRENCY_TENDER, "Nouveau dollar de Taïwan" },
  { "TZS", 834, 2, INS_CURRENCY_TENDER, "Shilling tanzanien" },
  { "UAH", 980, 2, INS_CURRENCY_TENDER, "Hryvnia" },
  { "UGX", 800, 0, INS_CURRENCY_TENDER, "Shilling ougandais" },
  { "USD", 840, 2, INS_CURRENCY_TENDER, "Dollar des États-Unis" },
  { "USN", 997, 2, INS_CURRENCY_SPECIAL, "Dollar des États-Unis (jour suivant)" },
  { "UYI", 940, 0, INS_CURRENCY_SPECIAL, "Peso uruguayen en unités indexées" },
  { "UYU", 858, 2, INS_CURRENCY_TENDER, "Peso uruguayen" },
  { "UYW", 927, 4, INS_CURRENCY_SPECIAL, "Unité prévisionnelle uruguayenne" },
  { "UZS", 860, 2, INS_CURRENCY_TENDER, "Sum ouzbek" },
  { "VED", 926, 2, INS_CURRENCY_TENDER, "Bolivar souverain numérique" },
  { "VES", 928, 2, INS_CURRENCY_TENDER, "Bolivar souverain" },
  { "VND", 704, 0, INS_CURRENCY_TENDER, "Dong" },
  { "VUV", 548, 0, INS_CURRENCY_TENDER, "Vatu" },
  { "WST", 882, 2, INS_CURRENCY_TENDER, "Tala" },
  { "XAF", 950, 0, INS_CURRENCY_TENDER, "Franc CFA (BEAC)" },
  { "XAG", 961, 0, INS_CURRENCY_SPECIAL, "Argent" },
  { "XAU", 959, 0, INS_CURRENCY_SPECIAL, "Or" },
  { "XBA", 955, 0, INS_CURRENCY_SPECIAL, "Unité composite européenne (EURCO)" },
  { "XBB", 956, 0, INS_CURRENCY_SPECIAL, "Unité monétaire européenne (UME-6)" },
  { "XBC", 957, 0, INS_CURRENCY_SPECIAL, "Unité de compte européenne 9 (UCE-9)" },
  { "XBD", 958, 0, INS_CURRENCY_SPECIAL, "Unité de compte européenne 17 (UCE-17)" },
  { "XCD", 951, 2, INS_CURRENCY_TENDER, "Dollar des Caraïbes orientales" },
  { "XCG", 532, 2, INS_CURRENCY_TENDER, "Florin caribéen" },
  { "XDR", 960, 0, INS_CURRENCY_SPECIAL, "Droit de tirage spécial" },
  { "XOF", 952, 0, INS_CURRENCY_TENDER, "Franc CFA (BCEAO)" },
  { "XPD", 964, 0, INS_CURRENCY_SPECIAL, "Palladium" },
  { "XPF", 953, 0, INS_CURRENCY_TENDER, "Franc CFP" },
  { "XPT", 962, 0, INS_CURRENCY_SPECIAL, "Platine" },
  { "XSU", 994, 0, INS_CURRENCY_SPECIAL, "Sucre (SUCRE)" },
  { "XTS", 963, 0, INS_CURRENCY_SPECIAL, "Code réservé aux essais" },
  { "XUA", 965, 0, INS_CURRENCY_SPECIAL, "Unité de compte de la BAD" },
  { "XXX", 999, 0, INS_CURRENCY_SPECIAL, "Aucune devise" },
  { "YER", 886, 2, INS_CURRENCY_TENDER, "Riyal yéménite" },
  { "ZAR", 710, 2, INS_CURRENCY_TENDER, "Rand" },
  { "ZMW", 967, 2, INS_CURRENCY_TENDER, "Kwacha zambien" },
  { "ZWG", 924, 2, INS_CURRENCY_TENDER, "Or du Zimbabwe (ZiG)" },
  { "ZWL", 932, 2, INS_CURRENCY_WITHDRAWN, "Dollar zimbabwéen" },
};

static int
compare_code (const void *key, const void *item)
{
  return strcmp (key, ((const InsCurrency *) item)->code);
}

const InsCurrency *
ins_currency_lookup (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return NULL;
  return bsearch (code, currencies, G_N_ELEMENTS (currencies), sizeof currencies[0], compare_code);
}

const InsCurrency *
ins_currency_get_all (guint *n_currencies)
{
  if (n_currencies != NULL)
    *n_currencies = G_N_ELEMENTS (currencies);
  return currencies;
}

/* Length of the space-like character at @p (space, no-break, narrow no-break,
 * thin space), or 0. */
static gsize
space_length (const char *p)
{
  if (*p == ' ')
    return 1;
  if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && ((guchar) p[2] == 0xAF || (guchar) p[2] == 0x89))
    return 3;
  return 0;
}

static gboolean
syntax_error (GError **error)
{
  g_set_error_literal (error, INS_CORE_ERROR, INS_CORE_ERROR_AMOUNT_SYNTAX,
                       _("The amount must be written with digits, a decimal comma or point, and spaces between thousands, such as 1 234,50"));
  return FALSE;
}

gboolean
ins_currency_parse_amount (const InsCurrency *currency,
                           const char        *text,
                           gint64            *out_minor,
                           GError           **error)
{
  const char *p, *end;
  guint64 value = 0;
  guint group_len = 0, n_groups = 0, n_decimals = 0;
  gboolean seen_space = FALSE, in_decimals = FALSE, first_group_len_ok = TRUE;

  g_return_val_if_fail (currency != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_minor != NULL, FALSE);

  if (currency->kind == INS_CURRENCY_SPECIAL)
    {
      g_set_error (error, INS_CORE_ERROR, INS_CORE_ERROR_CURRENCY_NOT_TENDER,
                   _("%s is not a currency in which care is paid"), currency->code);
      return FALSE;
    }

  p = text;
  end = text + strlen (text);
  for (gsize n; p < end && (n = space_length (p)) > 0;)
    p += n;
  for (gboolean trimmed = FALSE; !trimmed && end > p;)
    {
      trimmed = TRUE;
      for (gsize n = 1; n <= 3 && end - n >= p; n++)
        if (space_length (end - n) == n)
          {
            end -= n;
            trimmed = FALSE;
            break;
          }
    }

  if (p == end)
    return syntax_error (error);

  while (p < end)
    {
      gsize n;

      if (g_ascii_isdigit (*p))
        {
          if (in_decimals)
            n_decimals++;
          else
            group_len++;
          value = value * 10 + (guint64) (*p - '0');
          if (value > (guint64) MAX_MINOR)
            goto too_large;
          p++;
        }
      else if (!in_decimals && (n = space_length (p)) > 0)
        {
          if (group_len == 0 || (n_groups == 0 && group_len > 3) || (n_groups > 0 && group_len != 3))
            return syntax_error (error);
          seen_space = TRUE;
          n_groups++;
          group_len = 0;
          p += n;
        }
      else if (!in_decimals && (*p == '.' || *p == ','))
        {
          in_decimals = TRUE;
          p++;
          if (p == end)
            return syntax_error (error);
        }
      else
        return syntax_error (error);
    }

  if (seen_space)
    first_group_len_ok = group_len == 3;
  if (group_len == 0 || !first_group_len_ok)
    return syntax_error (error);

  if (n_decimals > currency->minor_units)
    {
      if (currency->minor_units == 0)
        g_set_error (error, INS_CORE_ERROR, INS_CORE_ERROR_AMOUNT_PRECISION,
                     _("Amounts in %s have no decimals"), currency->code);
      else
        g_set_error (error, INS_CORE_ERROR, INS_CORE_ERROR_AMOUNT_PRECISION,
                     _("Amounts in %s have at most %u decimals"),
                     currency->code, (guint) currency->minor_units);
      return FALSE;
    }

  for (guint i = n_decimals; i < currency->minor_units; i++)
    value *= 10;
  if (value > (guint64) MAX_MINOR)
    goto too_large;

  *out_minor = (gint64) value;
  return TRUE;

too_large:
  g_set_error_literal (error, INS_CORE_ERROR, INS_CORE_ERROR_AMOUNT_RANGE,
                       _("The amount is too large"));
  return FALSE;
}
