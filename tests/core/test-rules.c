/* test-rules.c — every action × role × kind × status × facts against a table
 * written from shared/domain.md and the brief, independently of ins-rules.c */
#include "config.h"

#include "core/ins-rules.h"

/* Wildcards for the expectation rows. */
#define ANY -1
#define I INS_ROLE_INSTRUCTEUR
#define M INS_ROLE_MEDECIN_CONSEIL
#define S INS_ROLE_SUPERVISEUR
#define SE INS_KIND_SOINS_ETRANGER
#define OC INS_KIND_CHEVAUCHEMENT_OC
#define NEED_TRUE 1
#define NEED_FALSE 0

typedef struct {
  InsAction action;
  int       role;
  int       kind;
  InsStatus from;
  int       holder;    /* ANY, NEED_TRUE, NEED_FALSE */
  int       stale;
  int       excluded;
  InsStatus to;
} Allowed;

/* Every allowed combination; all others must be refused. */
static const Allowed allowed[] = {
  { INS_ACTION_CLAIM, I, ANY, INS_STATUS_RECUE, ANY, ANY, ANY, INS_STATUS_EN_COURS },
  { INS_ACTION_CLAIM, S, ANY, INS_STATUS_RECUE, ANY, ANY, ANY, INS_STATUS_EN_COURS },
  { INS_ACTION_CLAIM, I, ANY, INS_STATUS_EN_COURS, ANY, NEED_TRUE, ANY, INS_STATUS_EN_COURS },
  { INS_ACTION_CLAIM, S, ANY, INS_STATUS_EN_COURS, ANY, NEED_TRUE, ANY, INS_STATUS_EN_COURS },

  { INS_ACTION_RELEASE, I, ANY, INS_STATUS_EN_COURS, NEED_TRUE, ANY, ANY, INS_STATUS_RECUE },
  { INS_ACTION_RELEASE, S, ANY, INS_STATUS_EN_COURS, ANY, ANY, ANY, INS_STATUS_RECUE },

  { INS_ACTION_REQUEST_AVIS, I, SE, INS_STATUS_EN_COURS, NEED_TRUE, ANY, ANY, INS_STATUS_AVIS_MEDICAL_DEMANDE },

  { INS_ACTION_RECORD_AVIS, M, SE, INS_STATUS_AVIS_MEDICAL_DEMANDE, ANY, ANY, ANY, INS_STATUS_EN_COURS },

  { INS_ACTION_ACCEPT, I, ANY, INS_STATUS_EN_COURS, NEED_TRUE, ANY, NEED_FALSE, INS_STATUS_ACCEPTEE },
  { INS_ACTION_REFUSE, I, ANY, INS_STATUS_EN_COURS, NEED_TRUE, ANY, ANY, INS_STATUS_REFUSEE },
  { INS_ACTION_MARK_INCOMPLETE, I, ANY, INS_STATUS_EN_COURS, NEED_TRUE, ANY, ANY, INS_STATUS_EN_ATTENTE_PIECES },

  { INS_ACTION_CLOSE, I, ANY, INS_STATUS_ACCEPTEE, NEED_TRUE, ANY, ANY, INS_STATUS_CLOTUREE },
  { INS_ACTION_CLOSE, I, ANY, INS_STATUS_REFUSEE, NEED_TRUE, ANY, ANY, INS_STATUS_CLOTUREE },

  { INS_ACTION_MARK_UNUSABLE, I, ANY, INS_STATUS_EN_COURS, NEED_TRUE, ANY, ANY, INS_STATUS_NON_EXPLOITABLE },
  { INS_ACTION_MARK_UNUSABLE, S, ANY, INS_STATUS_EN_COURS, ANY, ANY, ANY, INS_STATUS_NON_EXPLOITABLE },

  { INS_ACTION_PIECES_RECEIVED, I, ANY, INS_STATUS_EN_ATTENTE_PIECES, ANY, ANY, ANY, INS_STATUS_RECUE },
  { INS_ACTION_PIECES_RECEIVED, S, ANY, INS_STATUS_EN_ATTENTE_PIECES, ANY, ANY, ANY, INS_STATUS_RECUE },

  { INS_ACTION_REASSIGN, S, ANY, INS_STATUS_RECUE, ANY, ANY, ANY, INS_STATUS_EN_COURS },
  { INS_ACTION_REASSIGN, S, ANY, INS_STATUS_EN_COURS, ANY, ANY, ANY, INS_STATUS_EN_COURS },

  { INS_ACTION_TRANSFER, S, ANY, INS_STATUS_RECUE, ANY, ANY, ANY, INS_STATUS_RECUE },
  { INS_ACTION_TRANSFER, S, ANY, INS_STATUS_EN_COURS, ANY, ANY, ANY, INS_STATUS_RECUE },
  { INS_ACTION_TRANSFER, S, ANY, INS_STATUS_NON_EXPLOITABLE, ANY, ANY, ANY, INS_STATUS_RECUE },
  { INS_ACTION_TRANSFER, S, ANY, INS_STATUS_EN_ATTENTE_PIECES, ANY, ANY, ANY, INS_STATUS_RECUE },
};

static gboolean
matches (int want, int have)
{
  return want == ANY || want == have;
}

/* Which fields a match ignores. */
enum {
  IGNORE_KIND = 1 << 0,
  IGNORE_STATUS = 1 << 1,
  IGNORE_HOLDER = 1 << 2,
  IGNORE_STALE = 1 << 3,
  IGNORE_EXCLUDED = 1 << 4,
  IGNORE_FACTS = IGNORE_HOLDER | IGNORE_STALE | IGNORE_EXCLUDED,
};

static const Allowed *
find_row (InsAction action, InsRole role, const InsAffaireFacts *facts, guint ignore)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      const Allowed *a = &allowed[i];

      if (a->action == action && a->role == (int) role
          && ((ignore & IGNORE_KIND) || matches (a->kind, facts->kind))
          && ((ignore & IGNORE_STATUS) || a->from == facts->status)
          && ((ignore & IGNORE_HOLDER) || matches (a->holder, facts->is_holder))
          && ((ignore & IGNORE_STALE) || matches (a->stale, facts->lease_stale))
          && ((ignore & IGNORE_EXCLUDED) || matches (a->excluded, facts->excluded)))
        return a;
    }
  return NULL;
}

static const Allowed *
find_allowed (InsAction action, InsRole role, const InsAffaireFacts *facts)
{
  return find_row (action, role, facts, 0);
}

/* Why a combination absent from the table is refused, in the order the
 * reasons are told: role, closed, kind, status (or a live claim), holder,
 * exclusion. */
static InsRulesError
expected_reason (InsAction action, InsRole role, const InsAffaireFacts *facts)
{
  if (find_row (action, role, facts, IGNORE_KIND | IGNORE_STATUS | IGNORE_FACTS) == NULL)
    return INS_RULES_ERROR_WRONG_ROLE;
  if (facts->status == INS_STATUS_CLOTUREE)
    return INS_RULES_ERROR_WRONG_STATUS;
  if (find_row (action, role, facts, IGNORE_STATUS | IGNORE_FACTS) == NULL)
    return INS_RULES_ERROR_WRONG_KIND;
  if (find_row (action, role, facts, IGNORE_HOLDER | IGNORE_EXCLUDED) == NULL)
    return INS_RULES_ERROR_WRONG_STATUS;
  if (find_row (action, role, facts, IGNORE_EXCLUDED) == NULL)
    return INS_RULES_ERROR_NOT_HOLDER;
  return INS_RULES_ERROR_EXCLUDED;
}

static void
test_every_combination (void)
{
  guint n_allowed = 0, n_refused = 0;

  for (int action = 0; action < INS_N_ACTIONS; action++)
    for (int role = 0; role < INS_N_ROLES; role++)
      for (int kind = 0; kind < INS_N_KINDS; kind++)
        for (int status = 0; status < INS_N_STATUSES; status++)
          for (int bits = 0; bits < 8; bits++)
            {
              InsAffaireFacts facts = {
                .kind = kind, .status = status,
                .is_holder = (bits & 1) != 0,
                .lease_stale = (bits & 2) != 0,
                .excluded = (bits & 4) != 0,
              };
              const Allowed *expected = find_allowed (action, role, &facts);
              g_autoptr(GError) error = NULL;
              gboolean ok = ins_rules_check (action, role, &facts, &error);

              if (ok != (expected != NULL))
                g_error ("%s by %s on %s %s holder=%d stale=%d excluded=%d: expected %s",
                         ins_action_to_nick (action), ins_role_to_nick (role),
                         ins_kind_to_nick (kind), ins_status_to_nick (status),
                         facts.is_holder, facts.lease_stale, facts.excluded,
                         expected ? "allowed" : "refused");
              g_assert_cmpint (ins_rules_allows (action, role, &facts), ==, ok);
              if (expected != NULL)
                {
                  g_assert_no_error (error);
                  g_assert_cmpint (ins_rules_target (action, &facts), ==, expected->to);
                  n_allowed++;
                }
              else
                {
                  InsRulesError reason = expected_reason (action, role, &facts);

                  if (!g_error_matches (error, INS_RULES_ERROR, (int) reason))
                    g_error ("%s by %s on %s %s holder=%d stale=%d excluded=%d: code %d, expected %d",
                             ins_action_to_nick (action), ins_role_to_nick (role),
                             ins_kind_to_nick (kind), ins_status_to_nick (status),
                             facts.is_holder, facts.lease_stale, facts.excluded,
                             error->code, reason);
                  g_assert_cmpstr (error->message, !=, "");
                  n_refused++;
                }
            }
  g_assert_cmpuint (n_allowed + n_refused, ==, INS_N_ACTIONS * INS_N_ROLES * INS_N_KINDS * INS_N_STATUSES * 8);
  g_assert_cmpuint (n_allowed, >, 0);
}

static void
assert_refused (InsAction action, InsRole role, InsAffaireFacts facts, InsRulesError code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ins_rules_check (action, role, &facts, &error));
  g_assert_error (error, INS_RULES_ERROR, (int) code);
}

static void
test_reasons (void)
{
  InsAffaireFacts held_oc = { .kind = OC, .status = INS_STATUS_EN_COURS, .is_holder = TRUE };
  InsAffaireFacts held_se = { .kind = SE, .status = INS_STATUS_EN_COURS, .is_holder = TRUE };
  InsAffaireFacts other_se = { .kind = SE, .status = INS_STATUS_EN_COURS };
  InsAffaireFacts closed = { .kind = SE, .status = INS_STATUS_CLOTUREE, .is_holder = TRUE };
  InsAffaireFacts excluded = { .kind = OC, .status = INS_STATUS_EN_COURS, .is_holder = TRUE, .excluded = TRUE };
  g_autoptr(GError) error = NULL;

  assert_refused (INS_ACTION_REQUEST_AVIS, I, held_oc, INS_RULES_ERROR_WRONG_KIND);
  g_assert_false (ins_rules_check (INS_ACTION_REQUEST_AVIS, I, &held_oc, &error));
  g_assert_cmpstr (error->message, ==,
                   "A medical opinion cannot be requested for a complementary insurer affaire");
  g_clear_error (&error);

  assert_refused (INS_ACTION_CLOSE, I, held_se, INS_RULES_ERROR_WRONG_STATUS);
  g_assert_false (ins_rules_check (INS_ACTION_CLOSE, I, &held_se, &error));
  g_assert_cmpstr (error->message, ==, "An affaire cannot be closed without a decision");

  assert_refused (INS_ACTION_ACCEPT, I, other_se, INS_RULES_ERROR_NOT_HOLDER);
  assert_refused (INS_ACTION_RELEASE, I, other_se, INS_RULES_ERROR_NOT_HOLDER);
  assert_refused (INS_ACTION_ACCEPT, S, held_se, INS_RULES_ERROR_WRONG_ROLE);
  assert_refused (INS_ACTION_ACCEPT, M, held_se, INS_RULES_ERROR_WRONG_ROLE);
  assert_refused (INS_ACTION_REASSIGN, I, held_se, INS_RULES_ERROR_WRONG_ROLE);
  assert_refused (INS_ACTION_TRANSFER, I, held_se, INS_RULES_ERROR_WRONG_ROLE);
  assert_refused (INS_ACTION_RECORD_AVIS, S, held_se, INS_RULES_ERROR_WRONG_ROLE);
  assert_refused (INS_ACTION_ACCEPT, I, excluded, INS_RULES_ERROR_EXCLUDED);
  /* An excluded affaire can still be refused or transferred. */
  g_assert_true (ins_rules_allows (INS_ACTION_REFUSE, I, &excluded));
  g_assert_true (ins_rules_allows (INS_ACTION_TRANSFER, S, &excluded));
  /* A claimed affaire cannot be claimed again unless its lease has gone stale. */
  assert_refused (INS_ACTION_CLAIM, I, other_se, INS_RULES_ERROR_WRONG_STATUS);
  other_se.lease_stale = TRUE;
  g_assert_true (ins_rules_allows (INS_ACTION_CLAIM, I, &other_se));
  /* Closed is final, for everybody, for every action. */
  for (int action = 0; action < INS_N_ACTIONS; action++)
    for (int role = 0; role < INS_N_ROLES; role++)
      g_assert_false (ins_rules_allows (action, role, &closed));
  assert_refused (INS_ACTION_CLOSE, I, closed, INS_RULES_ERROR_WRONG_STATUS);
  assert_refused (INS_ACTION_TRANSFER, S, closed, INS_RULES_ERROR_WRONG_STATUS);
}

static void
test_holder_keeps_claim_until_closing (void)
{
  InsAffaireFacts facts = { .kind = SE, .status = INS_STATUS_RECUE };

  g_assert_true (ins_rules_allows (INS_ACTION_CLAIM, I, &facts));
  facts.status = ins_rules_target (INS_ACTION_CLAIM, &facts);
  facts.is_holder = TRUE;
  g_assert_true (ins_rules_allows (INS_ACTION_REQUEST_AVIS, I, &facts));
  facts.status = ins_rules_target (INS_ACTION_REQUEST_AVIS, &facts);
  g_assert_cmpint (facts.status, ==, INS_STATUS_AVIS_MEDICAL_DEMANDE);
  g_assert_false (ins_rules_allows (INS_ACTION_ACCEPT, I, &facts));
  g_assert_true (ins_rules_allows (INS_ACTION_RECORD_AVIS, M, &facts));
  facts.status = ins_rules_target (INS_ACTION_RECORD_AVIS, &facts);
  g_assert_true (ins_rules_allows (INS_ACTION_REFUSE, I, &facts));
  facts.status = ins_rules_target (INS_ACTION_REFUSE, &facts);
  g_assert_false (ins_rules_allows (INS_ACTION_ACCEPT, I, &facts));
  g_assert_true (ins_rules_allows (INS_ACTION_CLOSE, I, &facts));
  g_assert_cmpint (ins_rules_target (INS_ACTION_CLOSE, &facts), ==, INS_STATUS_CLOTUREE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rules/every-combination", test_every_combination);
  g_test_add_func ("/rules/reasons", test_reasons);
  g_test_add_func ("/rules/holder-keeps-claim-until-closing", test_holder_keeps_claim_until_closing);
  return g_test_run ();
}
