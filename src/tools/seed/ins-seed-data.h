/* ins-seed-data.h — reference lists the sample data is drawn from */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Languages the generated documents are written in. */
typedef enum {
  INS_SEED_LANG_FR,
  INS_SEED_LANG_EN,
  INS_SEED_LANG_ES,
  INS_SEED_LANG_DE,
  INS_SEED_LANG_PT,
  INS_SEED_LANG_IT,
  INS_SEED_LANG_JA,
  INS_SEED_LANG_AR,
  INS_SEED_N_LANGS
} InsSeedLang;

typedef struct {
  const char  *code;          /* ISO 3166 alpha-2 */
  const char  *name;          /* French name */
  const char  *currency;      /* ISO 4217 */
  const char  *rate;          /* units for 1 euro, approximately */
  const char  *rate_source;   /* 'BCE' when the ECB publishes it */
  InsSeedLang  lang;
  const char  *city;
  const char  *provider;      /* clinic or hospital on the letterhead */
  int          weight;        /* how often care happens there */
  const char  *address;       /* the provider's, as written there (lines) */
  const char  *group;         /* thousands separator of amounts */
  const char  *decimal;       /* decimal separator */
  const char  *money_prefix;  /* « $ », « CHF  »… */
  const char  *money_suffix;  /* «  € », «  FCFA »… */
  const char  *date_format;   /* d, m and Y stand for the day, month and year */
} InsSeedCountry;

/* The words of a document in one language. */
typedef struct {
  const char *invoice;         /* « INVOICE » */
  const char *receipt;         /* payment proof title */
  const char *patient;
  const char *date;
  const char *description;
  const char *amount;
  const char *total;
  const char *paid;
  const char *page;            /* « Page » */
  const char *lines[6];        /* care items */
  const char *paid_by;         /* « Paid by credit card » */
  const char *thanks;
  const char *number;          /* « No. » before an invoice number */
  const char *colon;           /* between a label and its value */
  const char *prescription;    /* prescription title */
  const char *doctor;          /* « Dr » */
  const char *drugs[3];        /* prescribed items */
} InsSeedWords;

typedef struct {
  const char *name;
  const char *member_prefix;
} InsSeedOc;

const InsSeedCountry *ins_seed_countries        (guint *n);
const InsSeedWords   *ins_seed_words            (InsSeedLang lang);

/* @minor units of @country's currency as written there: « 1.234,56 € ». */
char                 *ins_seed_format_amount    (const InsSeedCountry *country,
                                                 gint64                minor);
/* @days since 1970-01-01 as a civil date. */
void                  ins_seed_civil_date       (gint64 days,
                                                 int   *year,
                                                 int   *month,
                                                 int   *day);
/* @days since 1970-01-01 as written in @country: « 22/11/2026 ». */
char                 *ins_seed_format_date      (const InsSeedCountry *country,
                                                 gint64                days);

extern const char * const ins_seed_surnames[];
extern const char * const ins_seed_male_names[];
extern const char * const ins_seed_female_names[];
extern const char * const ins_seed_streets[];
extern const char * const ins_seed_towns[];      /* « 40000 Mont-de-Marsan » */
extern const char * const ins_seed_reasons[];    /* followed by the country name */
extern const char * const ins_seed_avis_questions[];
extern const char * const ins_seed_missing_pieces[];
extern const char * const ins_seed_refusal_texts[];
extern const InsSeedOc    ins_seed_ocs[];
extern const char * const ins_seed_precarity_ocs[];

/* Length of a NULL-terminated list above. */
guint ins_seed_list_len (const char * const *list);
guint ins_seed_n_ocs    (void);

G_END_DECLS
