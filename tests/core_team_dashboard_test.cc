#include <gtest/gtest.h>

#include "core/team_dashboard.h"

namespace spiraal {
namespace {

using nlohmann::json;

// A team of two coaches (Bram, Ann) and five dossiers, one of them closed and
// one without an anchor; the figures below are counted by hand.
std::vector<DashboardDossier> fixed_dossiers() {
  return {
      {1, "Eva Peeters", "c1.2", 10, "2026-03-01", {{"long_crisis", "2026-03-29"}, {"no_contact", "2026-04-01"}}},
      {2, "Jan Claes", "c1.2", 10, "", {}},
      {3, "Lies Maes", "selection", 20, "", {{"nine_months", "2026-02-01"}}},
      {4, "Tom Wouters", "closed", 20, "", {}},
      {5, "Nora Aziz", "aftercare", 0, "2026-02-15", {{"no_contact", "2026-03-01"}, {"mdo_due", "2026-03-05"}}},
  };
}
const std::vector<DashboardCoach> kCoaches = {{10, "Bram"}, {20, "Ann"}, {30, "Cis"}};

json find(const json& list, const char* key, const json& value) {
  for (const auto& e : list)
    if (e[key] == value) return e;
  return nullptr;
}

TEST(TeamDashboard, CaseloadPerCoach_CountsActiveAnchoredDossiersAndThoseWithSignals) {
  json v = team_dashboard(fixed_dossiers(), kCoaches, {}, "2026-04-10");
  // By name, coaches without dossiers kept, no anchor last.
  ASSERT_EQ(v["caseload"].size(), 4u);
  EXPECT_EQ(v["caseload"][0], (json{{"coach_id", 20}, {"coach", "Ann"}, {"active", 1}, {"with_signals", 1}}));
  EXPECT_EQ(v["caseload"][1], (json{{"coach_id", 10}, {"coach", "Bram"}, {"active", 2}, {"with_signals", 1}}));
  EXPECT_EQ(v["caseload"][2], (json{{"coach_id", 30}, {"coach", "Cis"}, {"active", 0}, {"with_signals", 0}}));
  EXPECT_EQ(v["caseload"][3], (json{{"coach_id", 0}, {"coach", ""}, {"active", 1}, {"with_signals", 1}}));
  EXPECT_EQ(v["active"], 4);
  EXPECT_EQ(v["with_signals"], 3);
}

TEST(TeamDashboard, Phases_ListEverySpiralStateInOrderWithClosedIncluded) {
  json v = team_dashboard(fixed_dossiers(), kCoaches, {}, "2026-04-10");
  ASSERT_EQ(v["phases"].size(), 20u);
  EXPECT_EQ(v["phases"].front(), (json{{"state", "selection"}, {"dossiers", 1}}));
  EXPECT_EQ(v["phases"].back(), (json{{"state", "closed"}, {"dossiers", 1}}));
  EXPECT_EQ(find(v["phases"], "state", "c1.2")["dossiers"], 2);
  EXPECT_EQ(find(v["phases"], "state", "aftercare")["dossiers"], 1);
  EXPECT_EQ(find(v["phases"], "state", "c3.1")["dossiers"], 0);
}

TEST(TeamDashboard, OpenCrises_ListedOldestFirst) {
  json v = team_dashboard(fixed_dossiers(), kCoaches, {}, "2026-04-10");
  EXPECT_EQ(v["crises"]["open"], 2);
  ASSERT_EQ(v["crises"]["dossiers"].size(), 2u);
  EXPECT_EQ(v["crises"]["dossiers"][0], (json{{"id", 5}, {"name", "Nora Aziz"}, {"since", "2026-02-15"}}));
  EXPECT_EQ(v["crises"]["dossiers"][1]["id"], 1);
}

TEST(TeamDashboard, Signals_CountDossiersPerCodeAndLeaveClosedOut) {
  auto dossiers = fixed_dossiers();
  dossiers[3].signals = {{"nine_months", "2026-01-01"}};  // closed: not counted
  json v = team_dashboard(dossiers, kCoaches, {}, "2026-04-10");
  ASSERT_EQ(v["signals"].size(), dashboard_signal_codes().size());
  EXPECT_EQ(find(v["signals"], "code", "no_contact")["dossiers"], 2);
  EXPECT_EQ(find(v["signals"], "code", "nine_months")["dossiers"], 1);
  EXPECT_EQ(find(v["signals"], "code", "long_crisis")["dossiers"], 1);
  EXPECT_EQ(find(v["signals"], "code", "mdo_due")["dossiers"], 1);
  EXPECT_EQ(find(v["signals"], "code", "score_table_due")["dossiers"], 0);
}

TEST(TeamDashboard, Referrals_CountWaitingAndOldestWaitingDays) {
  json v = team_dashboard({}, {}, {"2026-04-01", "2026-03-11", "2026-04-10"}, "2026-04-10");
  EXPECT_EQ(v["referrals"]["waiting"], 3);
  EXPECT_EQ(v["referrals"]["oldest_waiting_days"], 30);
}

TEST(TeamDashboard, EmptyTeam_GivesZerosAndNoOldestReferral) {
  json v = team_dashboard({}, {}, {}, "2026-04-10");
  EXPECT_TRUE(v["caseload"].empty());
  EXPECT_EQ(v["active"], 0);
  EXPECT_EQ(v["crises"]["open"], 0);
  EXPECT_EQ(v["referrals"]["waiting"], 0);
  EXPECT_TRUE(v["referrals"]["oldest_waiting_days"].is_null());
}

}  // namespace
}  // namespace spiraal
