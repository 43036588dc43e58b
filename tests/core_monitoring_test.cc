// The monitoring indicators against hand-computed values on a small fixed
// set of trajectories, suppression included.
#include <gtest/gtest.h>

#include "core/monitoring.h"

namespace spiraal {
namespace {

using nlohmann::json;

const std::string kToday = "2026-06-01";

// 12 trajectories: 7 women and 5 men; 8 closed (5 open_sea, 2 safe_haven,
// 1 training), 4 running.
std::vector<TrajectoryFacts> fixture() {
  std::vector<TrajectoryFacts> rows;
  for (int i = 0; i < 12; ++i) {
    TrajectoryFacts t;
    t.sex = i < 7 ? "female" : "male";
    t.age_band = i < 3 ? "<25" : "25-34";
    t.education = "low";
    t.organisation = "Team Noord";
    t.referral_source = i < 6 ? "ocmw" : "caw";
    if (i < 2) t.kansengroepen = {"migrant", "older"};
    t.started_on = "2025-01-01";
    if (i < 8) {
      t.closed_on = "2026-01-01";
      t.outcome = i < 5 ? "open_sea" : i < 7 ? "safe_haven" : "training";
    }
    t.slides_back = i % 3;   // 0,1,2 repeating: 4 × (0+1+2) = 12 over 12 people
    t.crises = i < 6 ? 1 : 0;
    if (t.slides_back > 0) t.recovery_days = {10L * (i + 1)};
    t.first_outside = 2.0, t.last_outside = 3.0 + (i % 2);  // last: 3,4 alternating → 3.5
    t.first_inside = 2.5, t.last_inside = 3.0;
    if (i < 6) t.followups.push_back({3, i < 5, 4.0, i < 5});  // 6 checked at 3 months, 5 working
    if (i < 5) t.followups.push_back({6, true, 3.0 + i * 0.5, true});
    t.region = "Antwerpen";
    t.segment = i < 6 ? "1" : i < 11 ? "2" : "";
    if (i < 6) t.ratings = {3, 4};
    if (i < 10) t.phase_days["c1.1"] = 10L * (i + 1);
    if (i < 3) t.phase_days["c1.2"] = 5;
    rows.push_back(t);
  }
  return rows;
}

TEST(Monitoring, ParticipantProfileWithSuppressionAndComplement) {
  json m = monitoring_indicators(fixture(), kToday);
  EXPECT_EQ(m["participants"]["total"], "12");
  EXPECT_EQ(m["participants"]["sex"]["female"], "7");
  EXPECT_EQ(m["participants"]["sex"]["male"], "5");
  // 3 under 25 is suppressed; the only other cell (9) would give it away: hidden too.
  EXPECT_EQ(m["participants"]["age_band"]["<25"], "<5");
  EXPECT_EQ(m["participants"]["age_band"]["25-34"], "*");
  EXPECT_EQ(m["participants"]["referral_source"]["ocmw"], "6");
  EXPECT_EQ(m["participants"]["kansengroep"]["migrant"], "<5");
  EXPECT_EQ(m["participants"]["kansengroep"]["older"], "<5");  // two small cells: no complement needed
}

TEST(Monitoring, OutcomesOverAllStartedAndOverClosedSideBySide) {
  json m = monitoring_indicators(fixture(), kToday);
  EXPECT_EQ(m["outcomes"]["started"], "12");
  EXPECT_EQ(m["outcomes"]["closed"], "8");
  std::map<std::string, json> by;
  for (const auto& c : m["outcomes"]["by_class"]) by[c["class"]] = c;
  EXPECT_EQ(by["open_sea"]["count"], "5");
  EXPECT_DOUBLE_EQ(by["open_sea"]["share_of_started"].get<double>(), 0.417);  // 5 of 12
  // 5 of 8 closed would tell that 3 closed otherwise: withheld.
  EXPECT_TRUE(by["open_sea"]["share_of_closed"].is_null());
  EXPECT_EQ(by["safe_haven"]["count"], "<5");
  EXPECT_TRUE(by["safe_haven"]["share_of_started"].is_null());
  EXPECT_EQ(by["training"]["count"], "<5");
}

TEST(Monitoring, NoCreaming_RatesOverStartedAgainstClosed) {
  auto rows = fixture();
  for (int i = 0; i < 7; ++i) {  // 3 more safe haven, 4 more training: 5 of each class, 15 closed of 19
    TrajectoryFacts t;
    t.started_on = "2025-03-01", t.closed_on = "2026-02-01", t.outcome = i < 3 ? "safe_haven" : "training";
    rows.push_back(t);
  }
  json m = monitoring_indicators(rows, kToday);
  for (const auto& c : m["outcomes"]["by_class"]) {
    EXPECT_EQ(c["count"], "5") << c["class"];
    EXPECT_DOUBLE_EQ(c["share_of_started"].get<double>(), 0.263) << c["class"];  // 5 / 19
    EXPECT_DOUBLE_EQ(c["share_of_closed"].get<double>(), 0.333) << c["class"];   // 5 / 15
  }
}

TEST(Monitoring, ProcessIndicators) {
  json m = monitoring_indicators(fixture(), kToday);
  EXPECT_DOUBLE_EQ(m["process"]["slides_back_per_trajectory"].get<double>(), 1.0);  // 12 / 12
  EXPECT_DOUBLE_EQ(m["process"]["crises_per_trajectory"].get<double>(), 0.5);      // 6 / 12
  // Recovery days of those who slid back: i = 1,2,4,5,7,8,10,11 → 20,30,50,60,80,90,110,120; median (60+80)/2.
  EXPECT_DOUBLE_EQ(m["process"]["median_recovery_days"].get<double>(), 70.0);
}

TEST(Monitoring, W2ChangeOutsideAndInsideApart) {
  json m = monitoring_indicators(fixture(), kToday);
  EXPECT_DOUBLE_EQ(m["w2_change"]["outside"]["first"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(m["w2_change"]["outside"]["last"].get<double>(), 3.5);
  EXPECT_DOUBLE_EQ(m["w2_change"]["inside"]["first"].get<double>(), 2.5);
  EXPECT_DOUBLE_EQ(m["w2_change"]["inside"]["last"].get<double>(), 3.0);
}

TEST(Monitoring, SustainableEmploymentAtThreeSixTwelveMonths) {
  json m = monitoring_indicators(fixture(), kToday);
  json three = m["sustainable_employment"][0], six = m["sustainable_employment"][1], twelve = m["sustainable_employment"][2];
  EXPECT_EQ(three["months"], 3);
  EXPECT_EQ(three["checked"], "6");
  EXPECT_EQ(three["working"], "5");
  EXPECT_TRUE(three["share_working"].is_null());  // 6 − 5 = 1 not working would be given away
  EXPECT_DOUBLE_EQ(three["four_a"].get<double>(), 4.0);
  EXPECT_EQ(six["checked"], "5");
  EXPECT_DOUBLE_EQ(six["share_working"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(six["four_a"].get<double>(), 4.0);  // 3, 3.5, 4, 4.5, 5
  EXPECT_DOUBLE_EQ(six["income_sufficient_share"].get<double>(), 1.0);
  EXPECT_EQ(twelve["checked"], "0");
  EXPECT_TRUE(twelve["share_working"].is_null());
}

TEST(Monitoring, UnderFivePeople_NoAveragesAndCountsSuppressed) {
  auto rows = fixture();
  rows.resize(3);
  json m = monitoring_indicators(rows, kToday);
  EXPECT_EQ(m["participants"]["total"], "<5");
  EXPECT_TRUE(m["process"]["slides_back_per_trajectory"].is_null());
  EXPECT_TRUE(m["w2_change"]["outside"]["first"].is_null());
}

TEST(Monitoring, OutcomesPerSegment_AGroupWithASuppressedCountShowsNothingMore) {
  json m = monitoring_indicators(fixture(), kToday);
  std::map<std::string, json> by;
  for (const auto& g : m["outcomes_by"]["segment"]) by[g["group"]] = g;
  // Segment 1: i = 0..5, all closed: 5 open sea, 1 safe haven. The one is
  // suppressed, and so the five (6 − 1 would give it away).
  EXPECT_EQ(by["1"]["started"], "6");
  EXPECT_EQ(by["1"]["closed"], "6");
  EXPECT_EQ(by["1"]["by_class"][0]["class"], "open_sea");
  EXPECT_EQ(by["1"]["by_class"][0]["count"], "*");
  EXPECT_TRUE(by["1"]["by_class"][0]["share_of_started"].is_null());
  EXPECT_EQ(by["1"]["by_class"][1]["count"], "<5");
  // One trajectory never assessed ("<5"), so the smallest other group (segment 2, 5 people) is hidden too.
  EXPECT_EQ(by["unknown"]["started"], "<5");
  EXPECT_FALSE(by["unknown"].contains("closed"));
  EXPECT_EQ(by["2"]["started"], "*");
  EXPECT_FALSE(by["2"].contains("by_class"));
}

TEST(Monitoring, OutcomesPerKansengroepAndCohort) {
  json m = monitoring_indicators(fixture(), kToday);
  // Two people in two groups each: both cells small, neither shows outcomes; the
  // ten without a kansengroep count in no group.
  ASSERT_EQ(m["outcomes_by"]["kansengroep"].size(), 2u);
  for (const auto& g : m["outcomes_by"]["kansengroep"]) {
    EXPECT_EQ(g["started"], "<5");
    EXPECT_FALSE(g.contains("closed"));
  }
  ASSERT_EQ(m["outcomes_by"]["cohort"].size(), 1u);
  EXPECT_EQ(m["outcomes_by"]["cohort"][0]["group"], "2025");
  EXPECT_EQ(m["outcomes_by"]["cohort"][0]["started"], "12");
  EXPECT_EQ(m["outcomes_by"]["cohort"][0]["closed"], "8");
}

TEST(Monitoring, DurationsAndTimePerPhase) {
  json m = monitoring_indicators(fixture(), kToday);
  const json& d = m["durations"];
  EXPECT_EQ(d["closed"]["people"], "8");
  EXPECT_DOUBLE_EQ(d["closed"]["median_days"].get<double>(), 365.0);  // 2025-01-01 to 2026-01-01
  EXPECT_EQ(d["running"]["people"], "<5");
  EXPECT_TRUE(d["running"]["median_days"].is_null());
  ASSERT_EQ(d["by_phase"].size(), 2u);
  EXPECT_EQ(d["by_phase"][0]["phase"], "c1.1");  // in spiral order
  EXPECT_EQ(d["by_phase"][0]["people"], "10");
  EXPECT_DOUBLE_EQ(d["by_phase"][0]["median_days"].get<double>(), 55.0);  // 10, 20 … 100
  EXPECT_EQ(d["by_phase"][1]["people"], "<5");
  EXPECT_TRUE(d["by_phase"][1]["median_days"].is_null());
}

TEST(Monitoring, RunningDurationsCountUpToToday) {
  auto rows = fixture();
  for (auto& r : rows) r.closed_on.clear();  // all 12 still running on 2026-06-01: 516 days
  json m = monitoring_indicators(rows, kToday);
  EXPECT_EQ(m["durations"]["running"]["people"], "12");
  EXPECT_DOUBLE_EQ(m["durations"]["running"]["median_days"].get<double>(), 516.0);
}

TEST(Monitoring, BaselineAndEndlineOverClosedTrajectories) {
  json m = monitoring_indicators(fixture(), kToday);
  const json& b = m["baseline_endline"];
  EXPECT_EQ(b["people"], "8");
  EXPECT_DOUBLE_EQ(b["outside"]["first"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(b["outside"]["last"].get<double>(), 3.5);  // 3, 4 alternating over i = 0..7
  EXPECT_DOUBLE_EQ(b["inside"]["last"].get<double>(), 3.0);
}

TEST(Monitoring, TheJobseekersOwnAppreciation) {
  json m = monitoring_indicators(fixture(), kToday);
  const json& a = m["appreciation"];
  EXPECT_EQ(a["people"], "6");
  EXPECT_EQ(a["ratings"], "12");
  EXPECT_DOUBLE_EQ(a["average"].get<double>(), 3.5);
  EXPECT_EQ(a["by_rating"]["1"], "0");
  EXPECT_EQ(a["by_rating"]["3"], "6");
  auto few = fixture();
  few.resize(4);  // four people rated: no average
  EXPECT_TRUE(monitoring_indicators(few, kToday)["appreciation"]["average"].is_null());
}

TEST(Monitoring, ReferralSharesAndRegion) {
  json m = monitoring_indicators(fixture(), kToday);
  EXPECT_DOUBLE_EQ(m["referral_shares"]["ocmw"].get<double>(), 0.5);  // 6 of 12
  EXPECT_DOUBLE_EQ(m["referral_shares"]["caw"].get<double>(), 0.5);
  EXPECT_EQ(m["participants"]["region"]["Antwerpen"], "12");
  EXPECT_EQ(m["participants"]["segment"]["1"], "6");
}

TEST(PhaseDays, StaysBetweenMovesAddUp_TheCurrentStayIsNotCounted) {
  std::vector<std::array<std::string, 4>> moves = {{"selection", "c1.1", "forward", "2025-01-01"},
                                                   {"c1.1", "c1.2", "forward", "2025-01-11"},
                                                   {"c1.2", "c1.1", "slide_back", "2025-01-16"},
                                                   {"c1.1", "c1.2", "forward", "2025-01-20"}};
  auto days = phase_days(moves);
  EXPECT_EQ(days.size(), 2u);
  EXPECT_EQ(days["c1.1"], 14);  // 10 + 4
  EXPECT_EQ(days["c1.2"], 5);
  EXPECT_TRUE(phase_days({}).empty());
}

TEST(MonitoringFilter, RegionAndOrganisationAreRead_TooLongRefused) {
  auto ok = parse_monitoring_filter({{"region", "Limburg"}, {"organisation", "VDAB"}});
  ASSERT_TRUE(ok.is_ok());
  EXPECT_EQ(ok.value().region, "Limburg");
  EXPECT_EQ(ok.value().organisation, "VDAB");
  auto bad = parse_monitoring_filter({{"region", std::string(201, 'x')}});
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().fields()[0].field, "region");
}

TEST(SuppressedBreakdown, ZeroIsShown_OneSmallCellTakesTheNextSmallestWithIt) {
  auto out = suppressed_breakdown({{"a", 0}, {"b", 2}, {"c", 7}, {"d", 30}});
  EXPECT_EQ(out["a"], "0");
  EXPECT_EQ(out["b"], "<5");
  EXPECT_EQ(out["c"], "*");
  EXPECT_EQ(out["d"], "30");
  auto none = suppressed_breakdown({{"a", 5}, {"b", 9}});
  EXPECT_EQ(none["a"], "5");
  EXPECT_EQ(none["b"], "9");
}

}  // namespace
}  // namespace spiraal
