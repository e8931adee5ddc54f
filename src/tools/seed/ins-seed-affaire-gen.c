/* ins-seed-affaire-gen.c — one realistic sample affaire and the rows that agree with it */
#define G_LOG_DOMAIN "ins-seed"

#include "config.h"

#include <math.h>

#include "core/ins-currency.h"
#include "core/ins-money.h"
#include "core/ins-types.h"
#include "store/ins-seed-store.h"
#include "ins-seed-affaire-gen.h"
#include "ins-seed-data.h"
#include "ins-seed-papers.h"
#include "ins-seed-people.h"

#define DAY 86400
#define HOUR 3600

/* The affaire being generated: what later rows need to agree with. */
typedef struct {
  gint64          id;
  InsAffaireKind  kind;
  InsStatus       status;
  InsSeedStaff          *staff;
  gint64          received;       /* unix seconds */
  gint64          care_from;      /* days */
  gint64          care_to;
  gint64          stay_from;
  gint64          stay_to;
  gboolean        planned;
  const InsSeedCountry *country;
  gint64          amount_minor;
  gboolean        excluded;
  gboolean        hospitalisation;
  char           *non_exploitable_reason;
} Draft;

/* Time ---------------------------------------------------------------------- */

static void
row_date (GString *row, gint64 days)
{
  int y, m, d;

  ins_seed_civil_date (days, &y, &m, &d);
  g_string_append_printf (row, "%04d-%02d-%02d\t", y, m, d);
}

static void
row_ts (GString *row, gint64 secs)
{
  int y, m, d;
  gint64 s = secs % DAY;

  ins_seed_civil_date (secs / DAY, &y, &m, &d);
  g_string_append_printf (row, "%04d-%02d-%02d %02d:%02d:%02d+00\t", y, m, d,
                          (int) (s / 3600), (int) (s / 60 % 60), (int) (s % 60));
}

static int
year_of (gint64 secs)
{
  int y, m, d;

  ins_seed_civil_date (secs / DAY, &y, &m, &d);
  return y;
}

/* Office hours on a weekday, at or after @secs (Paris is UTC+1/+2). */
static gint64
office_time (InsSeedGen *g, gint64 secs)
{
  gint64 day = secs / DAY;
  int weekday = (int) ((day + 3) % 7);   /* 0 = Monday */

  if (weekday >= 5)
    day += 7 - weekday;
  secs = MAX (secs, day * DAY + 7 * HOUR);
  if (secs % DAY > 16 * HOUR)
    secs = secs - secs % DAY + 15 * HOUR + g_rand_int_range (g->rand, 0, HOUR);
  return MIN (secs, g->now - 60);
}

/* Drawing --------------------------------------------------------------------- */

static int
pct (InsSeedGen *g)
{
  return g_rand_int_range (g->rand, 0, 100);
}

static const char *
pick (InsSeedGen *g, const char * const *list, guint n)
{
  return list[g_rand_int_range (g->rand, 0, n)];
}

static int
pick_agent (InsSeedGen *g, GArray *ids)
{
  return g_array_index (ids, int, g_rand_int_range (g->rand, 0, ids->len));
}

static const char *
weighted (InsSeedGen *g, const char * const *values, const int *weights)
{
  int r = pct (g);

  for (int i = 0; ; i++)
    {
      r -= weights[i];
      if (r < 0 || values[i + 1] == NULL)
        return values[i];
    }
}

static const InsSeedCountry *
pick_country (InsSeedGen *g)
{
  int r = g_rand_int_range (g->rand, 0, g->total_weight);

  for (guint i = 0; i < g->n_countries; i++)
    {
      r -= g->countries[i].weight;
      if (r < 0)
        return &g->countries[i];
    }
  return &g->countries[0];
}

/* Rows ------------------------------------------------------------------------ */

static void
add_history (InsSeedGen *g, Draft *a, gint64 at, int agent_id, InsAction action, gboolean is_import,
             InsStatus from, InsStatus to, const char *comment)
{
  GString *row = g->rows[INS_SEED_HISTORY];

  ins_seed_row_int (row, a->id);
  row_ts (row, at);
  if (agent_id > 0)
    ins_seed_row_int (row, agent_id);
  else
    ins_seed_row_null (row);
  ins_seed_row_text (row, is_import ? "import" : ins_action_to_nick (action));
  if (is_import)
    ins_seed_row_null (row);
  else
    ins_seed_row_text (row, ins_status_to_nick (from));
  ins_seed_row_text (row, ins_status_to_nick (to));
  ins_seed_row_text (row, comment ? comment : "");
  ins_seed_row_end (row);
}

static void
add_avis (InsSeedGen *g, Draft *a, int requested_by, gint64 requested_at, gint64 answered_at)
{
  GString *row = g->rows[INS_SEED_AVIS_MEDICAL];
  gint64 id = g->next_avis++;
  gboolean favorable = pct (g) < 75;
  int medecin = pick_agent (g, a->staff->medecins);

  ins_seed_row_int (row, id);
  ins_seed_row_int (row, a->id);
  ins_seed_row_int (row, requested_by);
  row_ts (row, requested_at);
  ins_seed_row_text (row, pick (g, ins_seed_avis_questions, ins_seed_list_len (ins_seed_avis_questions)));
  if (answered_at > 0)
    {
      ins_seed_row_int (row, medecin);
      row_ts (row, answered_at);
      ins_seed_row_text (row, favorable ? "favorable" : "defavorable");
      ins_seed_row_text (row, favorable ? "Avis favorable : les soins étaient justifiés et relèvent d’une prise en charge."
                                        : "Avis défavorable : les soins ne relèvent pas d’une prise en charge.");
      ins_seed_row_end (row);

      row = g->rows[INS_SEED_AVIS_REASONING];
      ins_seed_row_int (row, id);
      ins_seed_row_text (row, favorable
                         ? "Compte rendu examiné : diagnostic cohérent avec les actes facturés, durée de séjour conforme."
                         : "Compte rendu examiné : actes de confort sans indication médicale établie.");
      ins_seed_row_end (row);
      add_history (g, a, answered_at, medecin, INS_ACTION_RECORD_AVIS, FALSE, INS_STATUS_AVIS_MEDICAL_DEMANDE,
                   INS_STATUS_EN_COURS, favorable ? "Avis favorable" : "Avis défavorable");
    }
  else
    {
      ins_seed_row_null (row);
      ins_seed_row_null (row);
      ins_seed_row_null (row);
      ins_seed_row_null (row);
      ins_seed_row_end (row);
    }
}

static void
add_attachment (InsSeedGen *g, Draft *a, guint position, const InsSeedDoc *doc)
{
  GString *row = g->rows[INS_SEED_ATTACHMENT];

  ins_seed_row_int (row, a->id);
  ins_seed_row_int (row, position);
  ins_seed_row_text (row, doc->filename);
  ins_seed_row_text (row, doc->content_type);
  ins_seed_row_int (row, g_bytes_get_size (doc->bytes));
  ins_seed_row_bytea (row, doc->sha256, sizeof doc->sha256);
  if (doc->page_count > 0)
    ins_seed_row_int (row, doc->page_count);
  else
    ins_seed_row_null (row);
  ins_seed_row_text (row, doc->unreadable_reason);
  ins_seed_row_end (row);
  if (doc->unreadable_reason != NULL && a->non_exploitable_reason == NULL)
    a->non_exploitable_reason = g_strdup_printf ("Pièce jointe n° %u (%s) illisible : %s", position,
                                                 doc->filename, doc->unreadable_reason);
}

/* « Prénom NOM », as documents name a patient. */
static char *
shown_name (const InsSeedPerson *p)
{
  g_autofree char *nom = g_utf8_strup (p->nom, -1);

  return g_strdup_printf ("%s %s", p->prenom, nom);
}

/* From the pool, or drawn for the affaire when there is no pool. */
static void
add_attachments (InsSeedGen *g, Draft *a, const InsSeedPerson *beneficiaire, gboolean corrupt)
{
  const InsSeedDoc *docs[10];
  guint n;

  if (g->pool != NULL)
    n = ins_seed_pool_pick (g->pool, a->country - g->countries, corrupt, g->rand, docs);
  else
    {
      g_autofree char *patient = shown_name (beneficiaire);
      gint64 received_day = a->received / DAY;
      InsSeedDoc *made[10];
      InsSeedCare care = {
        .country = a->country, .patient = patient, .birth = beneficiaire->birth,
        .stay_from = a->stay_from, .stay_to = a->stay_to, .care_from = a->care_from, .care_to = a->care_to,
        .total_minor = a->amount_minor,
      };

      /* Invoiced when the care ends, paid then or a few days later, all before the request. */
      care.issued = MIN (a->care_to + g_rand_int_range (g->rand, 0, 3), received_day - 1);
      care.paid = MAX (care.issued, MIN (care.issued + g_rand_int_range (g->rand, 0, 5), received_day - 1));
      n = ins_seed_papers_for_care (&care, a->planned, corrupt, g->rand, made);
      for (guint i = 0; i < n; i++)
        {
          docs[i] = made[i];
          g_ptr_array_add (g->made, made[i]);
        }
    }
  for (guint i = 0; i < n; i++)
    add_attachment (g, a, i + 1, docs[i]);
}

static void
add_soins_etranger (InsSeedGen *g, Draft *a, const InsSeedPerson *ouvreur, InsSeedPerson *beneficiaire, GString *reason_out)
{
  static const char * const nationalities[] = { "francaise", "ue_eee_ru_suisse", "autre", NULL };
  static const int nationality_w[] = { 85, 10, 5 };
  static const char * const situations[] = { "salarie", "retraite", "etudiant", "demandeur_emploi",
                                             "invalidite_rente", "frontalier_suisse", "autre", NULL };
  static const int situation_w[] = { 48, 20, 10, 6, 4, 3, 9 };
  static const char * const natures[] = { "maladie", "tiers", "ald", "maternite", "at_mp", NULL };
  static const int nature_w[] = { 78, 7, 6, 5, 4 };
  static const char * const motifs[] = { "tourisme", "detachement", "etudes", "soins_programmes",
                                         "frontalier", "autre", NULL };
  static const int motif_w[] = { 64, 10, 8, 5, 3, 10 };
  GString *row = g->rows[INS_SEED_SOINS_ETRANGER];
  const char *motif = weighted (g, motifs, motif_w);
  gboolean long_stay = g_str_equal (motif, "etudes") || g_str_equal (motif, "detachement");
  gint64 received_day = a->received / DAY;
  gint64 stay_to = received_day - g_rand_int_range (g->rand, 3, 90);
  gint64 stay_from = stay_to - (long_stay ? g_rand_int_range (g->rand, 60, 300) : g_rand_int_range (g->rand, 4, 30));
  gint64 care_from = stay_from + g_rand_int_range (g->rand, 0, stay_to - stay_from + 1);
  gint64 care_days = a->hospitalisation ? g_rand_int_range (g->rand, 1, 8) : g_rand_int_range (g->rand, 0, 2);
  gint64 care_to = MIN (stay_to, care_from + care_days);
  const char *reason_tpl = pick (g, ins_seed_reasons, ins_seed_list_len (ins_seed_reasons));
  const char *nature = weighted (g, natures, nature_w);

  a->care_from = care_from;
  a->care_to = care_to;
  a->stay_from = stay_from;
  a->stay_to = stay_to;
  a->planned = g_str_equal (motif, "soins_programmes");
  g_string_printf (reason_out, "%s (%s).", reason_tpl, a->country->name);
  if (g_utf8_strlen (reason_out->str, -1) > 180)
    g_string_truncate (reason_out, g_utf8_offset_to_pointer (reason_out->str, 180) - reason_out->str);

  ins_seed_row_int (row, a->id);
  row_date (row, ouvreur->birth);
  ins_seed_row_text (row, weighted (g, nationalities, nationality_w));
  ins_seed_row_text (row, g_str_equal (a->country->code, "CH") && pct (g) < 40 ? "frontalier_suisse"
                                                                              : weighted (g, situations, situation_w));
  ins_seed_row_bool (row, beneficiaire->nom == NULL);
  if (beneficiaire->nom == NULL)
    *beneficiaire = *ouvreur;
  ins_seed_row_text (row, beneficiaire->nom);
  ins_seed_row_text (row, beneficiaire->prenom);
  row_date (row, beneficiaire->birth);
  ins_seed_row_text (row, reason_out->str);
  ins_seed_row_bool (row, g_str_equal (motif, "soins_programmes"));
  ins_seed_row_text (row, nature);
  row_date (row, care_from);
  row_date (row, care_to);
  row_date (row, stay_from);
  row_date (row, stay_to);
  ins_seed_row_text (row, motif);
  ins_seed_row_bool (row, a->hospitalisation);
  ins_seed_row_bool (row, TRUE);
  ins_seed_row_end (row);
}

static void
add_oc_beneficiaires (InsSeedGen *g, Draft *a, const InsSeedPerson *ouvreur, GString *oc_label, GString *exclusion)
{
  GString *row = g->rows[INS_SEED_OC_BENEFICIAIRE];
  guint n_ocs = ins_seed_n_ocs ();
  const InsSeedOc *oc1 = &ins_seed_ocs[g_rand_int_range (g->rand, 0, n_ocs)];
  const InsSeedOc *oc2 = &ins_seed_ocs[g_rand_int_range (g->rand, 0, n_ocs)];
  int r = pct (g);
  int n = r < 3 ? g_rand_int_range (g->rand, 5, 7) : r < 50 ? 1 : r < 75 ? 2 : g_rand_int_range (g->rand, 3, 5);
  gboolean precarity = r >= 3 && pct (g) < 4;
  const char *oc2_name = precarity ? pick (g, ins_seed_precarity_ocs, ins_seed_list_len (ins_seed_precarity_ocs))
                                   : oc2->name;
  /* Both contracts began before the request. */
  gint64 received_day = a->received / DAY;
  gint64 oc1_start = received_day - g_rand_int_range (g->rand, 700, 3650);
  gint64 oc2_start = received_day - g_rand_int_range (g->rand, 60, 400);
  int chosen = pct (g) < 70 ? 2 : 1;
  InsSeedMember members[2][6];
  char *numbers[2][6];

  if (oc2 == oc1)
    oc2 = &ins_seed_ocs[(oc1 - ins_seed_ocs + 1) % n_ocs];
  if (!precarity)
    oc2_name = oc2->name;
  g_string_printf (oc_label, "%s / %s", oc1->name, oc2_name);
  if (n >= 5)
    g_string_assign (exclusion, "5 bénéficiaires ou plus : hors du périmètre du service en ligne");
  else if (precarity)
    g_string_assign (exclusion, "Contrat de précarité en cause (Complémentaire santé solidaire, CMU-C ou ACS)");
  a->excluded = exclusion->len > 0;

  for (int i = 0; i < n; i++)
    {
      InsSeedPerson b = i == 0 ? *ouvreur : ins_seed_ayant_droit_new (g, ouvreur);
      InsSeedMember *m1 = &members[0][MIN (i, 5)], *m2 = &members[1][MIN (i, 5)];

      numbers[0][i] = g_strdup_printf ("%s%08u", oc1->member_prefix, g_rand_int_range (g->rand, 1, 99999999));
      numbers[1][i] = g_strdup_printf ("%s%09u", precarity ? "CSS" : oc2->member_prefix,
                                       g_rand_int_range (g->rand, 1, 999999999));
      *m1 = (InsSeedMember) { b.nom, b.prenom, b.birth, numbers[0][i] };
      *m2 = (InsSeedMember) { b.nom, b.prenom, b.birth, numbers[1][i] };
      ins_seed_row_int (row, a->id);
      ins_seed_row_int (row, i + 1);
      ins_seed_row_text (row, b.nom);
      ins_seed_row_text (row, b.prenom);
      row_date (row, b.birth);
      ins_seed_row_text (row, oc1->name);
      ins_seed_row_text (row, numbers[0][i]);
      row_date (row, oc1_start);
      ins_seed_row_text (row, oc2_name);
      ins_seed_row_text (row, numbers[1][i]);
      row_date (row, oc2_start);
      ins_seed_row_int (row, chosen);
      ins_seed_row_bool (row, precarity);
      ins_seed_row_end (row);
    }
  if (g->pool == NULL)
    {
      /* The certificates of both OCs, as the insured person got them before filing. */
      const char *names[2] = { oc1->name, oc2_name };
      gint64 starts[2] = { oc1_start, oc2_start };

      for (int k = 0; k < 2; k++)
        {
          gint64 issued = received_day - g_rand_int_range (g->rand, 1, 30);
          InsSeedDoc *doc = ins_seed_form_attestation (names[k], starts[k], issued, members[k], MIN (n, 6), g->rand);

          g_ptr_array_add (g->made, doc);
          add_attachment (g, a, k + 1, doc);
        }
    }
  for (int k = 0; k < 2; k++)
    for (int i = 0; i < n; i++)
      g_free (numbers[k][i]);
}

/* The status of an affaire received @age_days ago, as a working queue has them. */
static InsStatus
pick_status (InsSeedGen *g, InsAffaireKind kind, gboolean excluded, int age_days)
{
  int closed = age_days < 3 ? 1 : age_days < 10 ? 8 : age_days < 30 ? 18 : age_days < 90 ? 32 : 45;
  int r = pct (g);

  if (kind == INS_KIND_CHEVAUCHEMENT_OC && excluded)
    return r < closed + 10 ? INS_STATUS_CLOTUREE : r < closed + 20 ? INS_STATUS_REFUSEE : INS_STATUS_RECUE;
  if (r < closed)
    return INS_STATUS_CLOTUREE;
  r = pct (g);
  if (age_days < 1 && r < 80)
    return INS_STATUS_RECUE;
  if (r < 7)
    return INS_STATUS_EN_COURS;
  if (r < 10 && kind == INS_KIND_SOINS_ETRANGER)
    return INS_STATUS_AVIS_MEDICAL_DEMANDE;
  if (r < 14 && (kind == INS_KIND_SOINS_ETRANGER || r < 11))
    return INS_STATUS_EN_ATTENTE_PIECES;
  if (r < 16)
    return INS_STATUS_ACCEPTEE;
  if (r < 17)
    return INS_STATUS_REFUSEE;
  return INS_STATUS_RECUE;
}

/* How long ago the affaire at g->position of g->total (the first the oldest)
 * was received, spread as in a working queue: 40 % within 15 days, 28 % within
 * 15 to 45, 20 % within 45 to 120, 10 % within 120 to 200, 2 % older. Ids
 * then follow arrival, as imports do, and the indexes on dates grow at
 * their end instead of everywhere. */
static gint64
age_seconds (InsSeedGen *g)
{
  static const double cdf[] = { 0, 0.40, 0.68, 0.88, 0.98, 1.0 };
  static const double days[] = { 0, 15, 45, 120, 200, 400 };
  double v = 1.0 - (g->position + g_rand_double (g->rand)) / MAX (g->total, 1);

  for (guint i = 1; i < G_N_ELEMENTS (cdf); i++)
    if (v <= cdf[i])
      {
        double frac = (v - cdf[i - 1]) / (cdf[i] - cdf[i - 1]);

        return (gint64) ((days[i - 1] + frac * (days[i] - days[i - 1])) * DAY);
      }
  return (gint64) (days[G_N_ELEMENTS (days) - 1] * DAY);
}

/* The time of the next action: a while after @t, never in the future. */
static gint64
step (InsSeedGen *g, gint64 t, gint64 max_secs)
{
  gint64 next = t + g_rand_int_range (g->rand, 300, (gint32) CLAMP (max_secs, 600, G_MAXINT32));

  return MIN (g->now - 60, next);
}

void
ins_seed_gen_affaire (InsSeedGen *g)
{
  g_autoptr(GString) reason = g_string_new (NULL);
  g_autoptr(GString) oc_label = g_string_new (NULL);
  g_autoptr(GString) exclusion = g_string_new (NULL);
  g_autoptr(GString) decision = g_string_new (NULL);
  g_autofree char *rate_date_text = NULL;
  const char *missing[3] = { NULL, NULL, NULL };
  const char *motif_nick = NULL;
  Draft a = { .id = g->next_affaire++ };
  InsSeedPerson ouvreur, beneficiaire = { 0 };
  GString *row;
  int age_days;
  int instructeur, version = 1, priority = 0;
  gint64 t, lease_until = 0, decided_at = 0, closed_at = 0, paused_since = 0, paused_total = 0;
  gint64 amount_eur_cents = -1;
  gboolean refused = FALSE, with_avis;
  InsStatus cur;

  /* One in twenty files a second request. */
  if (g->last.nir != NULL && pct (g) < 5)
    ouvreur = g->last;
  else
    {
      g_free (g->last.nir);
      g->last = ouvreur = ins_seed_person_new (g, g->next_assure++);
      row = g->rows[INS_SEED_ASSURE];
      ins_seed_row_int (row, ouvreur.id);
      ins_seed_row_text (row, ouvreur.nir);
      ins_seed_row_text (row, ouvreur.nom);
      ins_seed_row_text (row, ouvreur.prenom);
      row_date (row, ouvreur.birth);
      g_string_append_printf (row, "%u, %s\\n%s\n", g_rand_int_range (g->rand, 1, 120),
                              pick (g, ins_seed_streets, ins_seed_list_len (ins_seed_streets)),
                              pick (g, ins_seed_towns, ins_seed_list_len (ins_seed_towns)));
    }

  a.kind = pct (g) < 62 ? INS_KIND_SOINS_ETRANGER : INS_KIND_CHEVAUCHEMENT_OC;
  a.staff = a.kind == INS_KIND_SOINS_ETRANGER && pct (g) < 70 ? &g->cnse : &g->cpam;
  a.received = office_time (g, g->now - age_seconds (g));
  g->position++;
  age_days = (int) ((g->now - a.received) / DAY);

  if (a.kind == INS_KIND_SOINS_ETRANGER)
    {
      const InsCurrency *currency;
      double eur;

      a.country = pick_country (g);
      a.hospitalisation = pct (g) < 12;
      if (pct (g) < 30)
        beneficiaire = ins_seed_ayant_droit_new (g, &ouvreur);
      add_soins_etranger (g, &a, &ouvreur, &beneficiaire, reason);
      currency = ins_currency_lookup (a.country->currency);
      eur = exp (g_rand_double_range (g->rand, log (25), log (a.hospitalisation ? 25000 : 1500)));
      a.amount_minor = MAX (1, (gint64) round (eur * g_ascii_strtod (a.country->rate, NULL)
                                               * pow (10, currency ? currency->minor_units : 2)));
      priority = a.hospitalisation ? 1 : 0;
      add_attachments (g, &a, &beneficiaire, pct (g) < 2);
    }
  else
    {
      add_oc_beneficiaires (g, &a, &ouvreur, oc_label, exclusion);
      beneficiaire = ouvreur;
    }
  if (pct (g) == 0)
    priority = 2;

  a.status = a.non_exploitable_reason ? INS_STATUS_NON_EXPLOITABLE
                                      : pick_status (g, a.kind, a.excluded, age_days);

  /* History, in order, from the import to the current status. */
  t = a.received;
  if (a.status == INS_STATUS_NON_EXPLOITABLE)
    add_history (g, &a, t, 0, 0, TRUE, 0, INS_STATUS_NON_EXPLOITABLE, a.non_exploitable_reason);
  else
    add_history (g, &a, t, 0, 0, TRUE, 0, INS_STATUS_RECUE, "Demande reçue du téléservice ameli");
  cur = a.status == INS_STATUS_NON_EXPLOITABLE ? INS_STATUS_NON_EXPLOITABLE : INS_STATUS_RECUE;
  instructeur = pick_agent (g, a.staff->instructeurs);

#define STEP(max_secs) (t = step (g, t, (max_secs)))
  if (cur == INS_STATUS_RECUE && a.status != INS_STATUS_RECUE)
    {
      /* Claimed within the first days, or lately for what was not closed. */
      STEP (a.status == INS_STATUS_EN_COURS ? (g->now - t) : MIN (g->now - t, 5 * DAY) * 2 / 3);
      if (a.status == INS_STATUS_EN_COURS || a.status == INS_STATUS_ACCEPTEE || a.status == INS_STATUS_REFUSEE)
        {
          gint64 recent = g->now - g_rand_int_range (g->rand, 600, 6 * HOUR);

          t = MAX (t, recent);
        }
      add_history (g, &a, t, instructeur, INS_ACTION_CLAIM, FALSE, cur, INS_STATUS_EN_COURS, NULL);
      cur = INS_STATUS_EN_COURS;
      version++;

      with_avis = a.kind == INS_KIND_SOINS_ETRANGER
                  && (a.status == INS_STATUS_AVIS_MEDICAL_DEMANDE || pct (g) < 12);
      if (with_avis)
        {
          gint64 requested = STEP ((g->now - t) / 4);
          gint64 answered = 0;

          add_history (g, &a, requested, instructeur, INS_ACTION_REQUEST_AVIS, FALSE, cur,
                       INS_STATUS_AVIS_MEDICAL_DEMANDE, "Avis du service médical demandé");
          version++;
          if (a.status != INS_STATUS_AVIS_MEDICAL_DEMANDE)
            {
              answered = STEP ((g->now - t) / 3);
              paused_total += answered - requested;
              version++;
            }
          else
            paused_since = requested;
          add_avis (g, &a, instructeur, requested, answered);
        }

      if (a.status == INS_STATUS_EN_ATTENTE_PIECES)
        {
          missing[0] = ins_seed_missing_pieces[g_rand_int_range (g->rand, 0, 3)];
          if (pct (g) < 35)
            missing[1] = ins_seed_missing_pieces[g_rand_int_range (g->rand, 3, 6)];
          g_string_printf (decision, "Merci de nous transmettre : %s%s%s.", missing[0],
                           missing[1] ? " ; " : "", missing[1] ? missing[1] : "");
          paused_since = STEP ((g->now - t) / 2);
          add_history (g, &a, paused_since, instructeur, INS_ACTION_MARK_INCOMPLETE, FALSE, cur,
                       INS_STATUS_EN_ATTENTE_PIECES, decision->str);
          version++;
        }
      else if (a.status == INS_STATUS_ACCEPTEE || a.status == INS_STATUS_REFUSEE
               || a.status == INS_STATUS_CLOTUREE)
        {
          refused = a.status == INS_STATUS_REFUSEE || a.excluded
                    || (a.status == INS_STATUS_CLOTUREE && pct (g) < 14);
          decided_at = STEP ((g->now - t) / 2);
          if (refused)
            {
              InsRefusalMotif motif = a.excluded ? INS_MOTIF_NON_ELIGIBLE : g_rand_int_range (g->rand, 0, 5);

              g_string_assign (decision, ins_seed_refusal_texts[motif]);
              add_history (g, &a, decided_at, instructeur, INS_ACTION_REFUSE, FALSE, cur,
                           INS_STATUS_REFUSEE, decision->str);
              cur = INS_STATUS_REFUSEE;
              motif_nick = ins_motif_to_nick (motif);
            }
          else
            {
              if (a.kind == INS_KIND_SOINS_ETRANGER)
                {
                  const InsCurrency *currency = ins_currency_lookup (a.country->currency);
                  InsRate rate = 0;
                  gint64 cents = 0;
                  int y, m, d, weekday = (int) ((a.care_from + 3) % 7);

                  /* The ECB publishes on working days: the last rate on or before the care. */
                  ins_seed_civil_date (a.care_from - (weekday >= 5 ? weekday - 4 : 0), &y, &m, &d);
                  rate_date_text = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
                  if (currency && ins_rate_parse (a.country->rate, &rate, NULL)
                      && ins_money_to_euro_cents (currency, a.amount_minor, rate, &cents, NULL))
                    amount_eur_cents = cents * g_rand_int_range (g->rand, 55, 101) / 100;
                  else
                    amount_eur_cents = 0;
                  g_string_printf (decision, "Remboursement sur la base des tarifs français : %" G_GINT64_FORMAT
                                   ",%02d €.", amount_eur_cents / 100, (int) (amount_eur_cents % 100));
                }
              else
                g_string_assign (decision, "Choix de l’organisme complémentaire appliqué dans le référentiel.");
              add_history (g, &a, decided_at, instructeur, INS_ACTION_ACCEPT, FALSE, cur,
                           INS_STATUS_ACCEPTEE, decision->str);
              cur = INS_STATUS_ACCEPTEE;
            }
          version++;
          if (a.status == INS_STATUS_CLOTUREE)
            {
              closed_at = STEP (HOUR);
              add_history (g, &a, closed_at, instructeur, INS_ACTION_CLOSE, FALSE, cur, INS_STATUS_CLOTUREE,
                           "Affaire clôturée, notification envoyée à l’assuré");
              version++;
            }
        }
    }
#undef STEP

  if (a.status == INS_STATUS_EN_COURS || a.status == INS_STATUS_ACCEPTEE || a.status == INS_STATUS_REFUSEE)
    {
      /* Most leases are live; some agents left an affaire untouched for long. */
      lease_until = pct (g) < 80 ? g->now + g_rand_int_range (g->rand, 120, 900)
                                 : g->now - g_rand_int_range (g->rand, HOUR, 3 * DAY);
    }

  row = g->rows[INS_SEED_AFFAIRE];
  ins_seed_row_int (row, a.id);
  g_string_append_printf (row, "%s-%d-%07" G_GINT64_FORMAT "\t",
                          a.kind == INS_KIND_SOINS_ETRANGER ? "SE" : "OC", year_of (a.received), g->next_numero++);
  g_string_append_printf (row, "ameli-%s-%016" G_GINT64_MODIFIER "x\t",
                          a.kind == INS_KIND_SOINS_ETRANGER ? "rse" : "coc",
                          (guint64) a.id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  ins_seed_row_text (row, ins_kind_to_nick (a.kind));
  ins_seed_row_text (row, ins_status_to_nick (a.status));
  ins_seed_row_int (row, a.staff->organisme_id);
  ins_seed_row_int (row, ouvreur.id);
  row_ts (row, a.received);
  row_ts (row, a.received + (a.kind == INS_KIND_SOINS_ETRANGER ? 28 : 7) * DAY + paused_total);
  ins_seed_row_int (row, priority);
  if (lease_until != 0)
    {
      ins_seed_row_int (row, instructeur);
      row_ts (row, lease_until);
    }
  else
    {
      ins_seed_row_null (row);
      ins_seed_row_null (row);
    }
  ins_seed_row_int (row, version);
  ins_seed_row_text (row, ouvreur.nir);
  ins_seed_row_text (row, ouvreur.nom);
  ins_seed_row_text (row, ouvreur.prenom);
  g_string_append_printf (row, "%s %s\t", beneficiaire.prenom, beneficiaire.nom);
  if (a.kind == INS_KIND_SOINS_ETRANGER)
    {
      ins_seed_row_text (row, a.country->code);
      ins_seed_row_null (row);
      ins_seed_row_int (row, a.amount_minor);
      ins_seed_row_text (row, a.country->currency);
    }
  else
    {
      ins_seed_row_null (row);
      ins_seed_row_text (row, oc_label->str);
      ins_seed_row_null (row);
      ins_seed_row_null (row);
    }
  ins_seed_row_bool (row, a.excluded);
  ins_seed_row_text (row, a.excluded ? exclusion->str : NULL);
  ins_seed_row_text (row, a.non_exploitable_reason);
  if (paused_since)
    row_ts (row, paused_since);
  else
    ins_seed_row_null (row);
  if (decided_at)
    {
      row_ts (row, decided_at);
      ins_seed_row_int (row, instructeur);
    }
  else
    {
      ins_seed_row_null (row);
      ins_seed_row_null (row);
    }
  if (decided_at && !refused && amount_eur_cents >= 0)
    {
      ins_seed_row_int (row, amount_eur_cents);
      ins_seed_row_text (row, a.country->rate);
      ins_seed_row_text (row, rate_date_text);
      ins_seed_row_text (row, a.country->rate_source);
    }
  else
    {
      ins_seed_row_null (row);
      ins_seed_row_null (row);
      ins_seed_row_null (row);
      ins_seed_row_null (row);
    }
  ins_seed_row_text (row, motif_nick);
  ins_seed_row_text (row, decision->len ? decision->str : NULL);
  ins_seed_row_text_array (row, missing[0] ? missing : NULL);
  row_ts (row, t);
  if (closed_at)
    row_ts (row, closed_at);
  else
    ins_seed_row_null (row);
  ins_seed_row_end (row);

  g_free (a.non_exploitable_reason);
}

void
ins_seed_gen_init (InsSeedGen         *g,
                   gint64              now,
                   InsSeedPool        *pool,
                   const InsSeedStaff *cpam,
                   const InsSeedStaff *cnse)
{
  g->now = now;
  g->pool = pool;
  g->cpam = *cpam;
  g->cnse = *cnse;
  g->countries = ins_seed_countries (&g->n_countries);
  for (guint i = 0; i < g->n_countries; i++)
    g->total_weight += g->countries[i].weight;
  g->n_surnames = ins_seed_list_len (ins_seed_surnames);
  g->n_males = ins_seed_list_len (ins_seed_male_names);
  g->n_females = ins_seed_list_len (ins_seed_female_names);
  for (int t = 0; t < INS_SEED_N_TABLES; t++)
    g->rows[t] = g_string_sized_new (1 << 20);
  g->made = g_ptr_array_new_with_free_func ((GDestroyNotify) ins_seed_doc_free);
}

void
ins_seed_gen_clear (InsSeedGen *g)
{
  for (int t = 0; t < INS_SEED_N_TABLES; t++)
    if (g->rows[t])
      g_string_free (g->rows[t], TRUE);
  g_clear_pointer (&g->rand, g_rand_free);
  g_clear_pointer (&g->made, g_ptr_array_unref);
  g_free (g->last.nir);
}
