/* ins-seed-affaire-gen.h — drawing one sample affaire's rows, ready for COPY */
#pragma once

#include <glib.h>

#include "ins-seed-data.h"
#include "ins-seed-pool.h"
#include "store/ins-seed-store.h"

G_BEGIN_DECLS

typedef struct {
  int     organisme_id;
  GArray *instructeurs;   /* of int */
  GArray *medecins;       /* of int */
} InsSeedStaff;

typedef struct {
  gint64      id;
  char       *nir;
  const char *nom;
  const char *prenom;
  gint64      birth;      /* days since 1970-01-01 */
} InsSeedPerson;

typedef struct {
  GRand                *rand;
  gint64                now;
  InsSeedStaff          cpam;
  InsSeedStaff          cnse;
  InsSeedPool          *pool;
  const InsSeedCountry *countries;
  guint                 n_countries;
  guint                 total_weight;
  GString              *rows[INS_SEED_N_TABLES];
  gint64                next_assure;
  gint64                next_affaire;
  gint64                next_avis;
  gint64                next_numero;
  InsSeedPerson         last;       /* the previous ouvreur, who sometimes files again */
  guint                 n_surnames;
  guint                 n_males;
  guint                 n_females;
  gint64                spent[INS_SEED_N_TABLES + 1];   /* µs per table, for the debug log */
  gint64                position;  /* of the affaire being drawn, among all */
  gint64                total;
  GPtrArray            *made;      /* documents drawn for this batch's affaires (without a pool) */
} InsSeedGen;

/* Sets @g up to draw for these organismes; its rand and position are the caller's. */
void ins_seed_gen_init    (InsSeedGen         *g,
                           gint64              now,
                           InsSeedPool        *pool,
                           const InsSeedStaff *cpam,
                           const InsSeedStaff *cnse);
void ins_seed_gen_clear   (InsSeedGen         *g);

/* Appends the next affaire (g->position of g->total) and all its rows to g->rows. */
void ins_seed_gen_affaire (InsSeedGen         *g);

G_END_DECLS
