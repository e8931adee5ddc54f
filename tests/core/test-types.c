/* test-types.c — every enumeration round-trips through its stored name */
#include "config.h"

#include "core/ins-types.h"

#define CHECK_ROUND_TRIP(prefix, Type, n)                                \
  for (int i = 0; i < (n); i++)                                          \
    {                                                                    \
      Type back;                                                         \
      g_assert_true (prefix##_from_nick (prefix##_to_nick ((Type) i), &back)); \
      g_assert_cmpint (back, ==, i);                                     \
      g_assert_nonnull (prefix##_label ((Type) i));                      \
    }

static void
test_round_trip (void)
{
  CHECK_ROUND_TRIP (ins_kind, InsAffaireKind, INS_N_KINDS);
  CHECK_ROUND_TRIP (ins_status, InsStatus, INS_N_STATUSES);
  CHECK_ROUND_TRIP (ins_role, InsRole, INS_N_ROLES);
  CHECK_ROUND_TRIP (ins_action, InsAction, INS_N_ACTIONS);
  CHECK_ROUND_TRIP (ins_page_tag, InsPageTag, INS_N_PAGE_TAGS);
  CHECK_ROUND_TRIP (ins_motif, InsRefusalMotif, INS_N_MOTIFS);
  CHECK_ROUND_TRIP (ins_avis, InsAvisConclusion, INS_N_AVIS);
  CHECK_ROUND_TRIP (ins_notification_kind, InsNotificationKind, INS_N_NOTIFICATIONS);
}

static void
test_unknown_refused (void)
{
  InsStatus status = INS_STATUS_RECUE;

  g_assert_false (ins_status_from_nick ("archivee", &status));
  g_assert_false (ins_status_from_nick (NULL, &status));
  g_assert_cmpint (status, ==, INS_STATUS_RECUE);
  g_assert_cmpstr (ins_status_to_nick (INS_STATUS_AVIS_MEDICAL_DEMANDE), ==, "avis_medical_demande");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/types/round-trip", test_round_trip);
  g_test_add_func ("/types/unknown-refused", test_unknown_refused);
  return g_test_run ();
}
