/* ins-store-fixture.h — organismes, agents and affaires for the store tests */
#pragma once

#include <libpq-fe.h>

#include "core/ins-affaire.h"

G_BEGIN_DECLS

/* Creates organismes CPAM-40 and CNSE and these agents, their login roles
 * prefixed with @prefix (roles are cluster-wide and test programs run in
 * parallel): "marie" (instructeur CPAM, Marie Dupont), "paul" (instructeur
 * CPAM, Paul Martin), "claire" (médecin-conseil CPAM, Claire Bernard), "sophie"
 * (superviseur CPAM, Sophie Leroy), "yann" (instructeur CNSE, Yann Le Goff). */
void      fixture_people        (PGconn *admin, const char *prefix);

/* A connection as agent @name (without prefix) and that agent. */
PGconn   *fixture_connect_as    (const char *prefix, const char *name, InsAgent **agent);

typedef struct {
  const char     *organisme;    /* code, default CPAM-40 */
  InsAffaireKind  kind;
  const char     *status;       /* nick, default recue */
  const char     *nom;          /* default Dupont */
  const char     *prenom;       /* default Jeanne */
  const char     *nir;          /* default generated */
  int             age_days;     /* received that many days ago */
  int             priority;
  gboolean        excluded;
  gboolean        with_attachment;
} FixtureAffaire;

/* Inserts one affaire (with its detail row); returns its id. */
gint64    fixture_add_affaire   (PGconn *admin, const FixtureAffaire *spec);

/* Inserts @n affaires in @organisme in one statement, with ties on priority
 * and received date, both kinds, accented names and a few statuses. */
void      fixture_add_many      (PGconn *admin, const char *organisme, int n);

/* Runs @sql on @admin and returns the first column of the first row as an int64. */
gint64    fixture_int           (PGconn *admin, const char *sql, gint64 id);
/* Same, as a newly allocated string (NULL for SQL NULL). */
char     *fixture_string        (PGconn *admin, const char *sql, gint64 id);

G_END_DECLS
