/* ins-seed-agents.c — the demo organismes and their named agents */
#define G_LOG_DOMAIN "ins-seed"

#include "config.h"

#include "store/ins-seed-store.h"
#include "ins-seed-agents.h"

static const struct {
  const char *code;
  const char *name;
  const char *letterhead;
} organismes[] = {
  { INS_SEED_CPAM, "CPAM des Landes",
    "Caisse primaire d’assurance maladie des Landes\n"
    "Service des relations internationales\n"
    "40024 Mont-de-Marsan Cedex" },
  { INS_SEED_CNSE, "CNSE — Centre national des soins à l’étranger",
    "Centre national des soins à l’étranger\n"
    "CPAM du Morbihan — BP 8000\n"
    "56024 Vannes Cedex" },
};

static const struct {
  const char *login;
  const char *display_name;
  const char *role;
  const char *organisme;
} agents[] = {
  { "ins_marie_dupont",        "Marie Dupont",            "instructeur",     INS_SEED_CNSE },
  { "ins_karim_benali",        "Karim Benali",            "instructeur",     INS_SEED_CNSE },
  { "ins_helene_le_goff",      "Hélène Le Goff",          "instructeur",     INS_SEED_CNSE },
  { "ins_theo_lemoine",        "Théo Lemoine",            "instructeur",     INS_SEED_CNSE },
  { "ins_anne_sophie_guerin",  "Dr Anne-Sophie Guérin",   "medecin_conseil", INS_SEED_CNSE },
  { "ins_jean_luc_menard",     "Dr Jean-Luc Ménard",      "medecin_conseil", INS_SEED_CNSE },
  { "ins_cecile_roussel",      "Cécile Roussel",          "superviseur",     INS_SEED_CNSE },
  { "ins_pierre_yves_le_roux", "Pierre-Yves Le Roux",     "superviseur",     INS_SEED_CNSE },
  { "ins_nathalie_lafitte",    "Nathalie Lafitte",        "instructeur",     INS_SEED_CPAM },
  { "ins_julien_etchebarne",   "Julien Etchebarne",       "instructeur",     INS_SEED_CPAM },
  { "ins_amelie_dufau",        "Amélie Dufau",            "instructeur",     INS_SEED_CPAM },
  { "ins_loic_lalanne",        "Loïc Lalanne",            "instructeur",     INS_SEED_CPAM },
  { "ins_bernard_castaing",    "Dr Bernard Castaing",     "medecin_conseil", INS_SEED_CPAM },
  { "ins_emilie_laborde",      "Dr Émilie Laborde",       "medecin_conseil", INS_SEED_CPAM },
  { "ins_sandrine_darrigade",  "Sandrine Darrigade",      "superviseur",     INS_SEED_CPAM },
  { "ins_francois_lacoste",    "François Lacoste",        "superviseur",     INS_SEED_CPAM },
};

gboolean
ins_seed_organismes (PGconn  *conn,
                     GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (organismes); i++)
    if (!ins_seed_store_ensure_organisme (conn, organismes[i].code, organismes[i].name,
                                          organismes[i].letterhead, error))
      return FALSE;
  return TRUE;
}

gboolean
ins_seed_agents (PGconn      *conn,
                 const char  *password,
                 GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (agents); i++)
    if (!ins_seed_store_create_agent (conn, agents[i].login, agents[i].display_name, agents[i].role,
                                      agents[i].organisme, password, error))
      return FALSE;
  return TRUE;
}
