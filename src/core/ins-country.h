/* ins-country.h — ISO 3166-1 alpha-2 countries with French names and the
 * coordination zone that matters for care abroad
 *
 * Names are reference data in French (the product's language), not
 * user-interface strings. France's overseas departments (GP, MQ, GF, RE, YT)
 * are in the EU; the collectivités d'outre-mer (PF, NC, WF, PM, BL, MF) are
 * flagged — of them only Saint-Martin (MF) is part of the EU.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  INS_ZONE_EU,     /* European Union (France included) */
  INS_ZONE_EEA,    /* Iceland, Liechtenstein, Norway */
  INS_ZONE_CH,     /* Switzerland */
  INS_ZONE_UK,     /* United Kingdom */
  INS_ZONE_OTHER,
  INS_N_ZONES
} InsCountryZone;

typedef enum {
  INS_COUNTRY_FLAG_NONE         = 0,
  INS_COUNTRY_FLAG_FRENCH_DROM  = 1 << 0,  /* département et région d'outre-mer */
  INS_COUNTRY_FLAG_FRENCH_COM   = 1 << 1,  /* collectivité d'outre-mer */
} InsCountryFlags;

typedef struct {
  const char      *code;    /* "JP" */
  const char      *name;    /* « Japon » */
  InsCountryZone   zone;
  InsCountryFlags  flags;
} InsCountry;

/* The country of upper-case @code, or NULL when unknown. */
const InsCountry *ins_country_lookup            (const char *code);

/* The whole table, sorted by code; @n_countries receives its length. */
const InsCountry *ins_country_get_all           (guint      *n_countries);

/* TRUE for a member of the EU or the EEA, Switzerland or the UK (the
 * coordination regulations apply); FALSE for others and unknown codes. */
gboolean          ins_country_in_eu_eea_ch_uk   (const char *code);

/* TRUE for a French collectivité d'outre-mer (PF, NC, WF, PM, BL, MF). */
gboolean          ins_country_is_french_com     (const char *code);

/* French label of a zone (translated): « Union européenne »… */
const char       *ins_country_zone_label        (InsCountryZone zone);

G_END_DECLS
