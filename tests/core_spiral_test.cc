#include <gtest/gtest.h>

#include <map>

#include "core/knipperlichten.h"
#include "core/spiral.h"

namespace spiraal {
namespace {

// The whole move table, written out as the specification. Columns follow
// the rows' order: selection, c1.1-c1.7, c2.1-c2.5, c3.1-c3.5, aftercare,
// closed. F forward, S skip, 3 cycle 1 to cycle 3, B slide back (afglijden),
// C close, R reopen, X refused, . same state (refused).
const std::vector<std::pair<std::string, std::string>> kMoves = {
    {"selection", ".FSSSSSSXXXXXXXXXXXC"},
    {"c1.1", "X.FSSSSSSXXXX3XXXXXC"},
    {"c1.2", "XB.FSSSSSXXXX3XXXXXC"},
    {"c1.3", "XBB.FSSSSXXXX3XXXXXC"},
    {"c1.4", "XBBB.FSSSXXXX3XXXXXC"},
    {"c1.5", "XBBBB.FSSXXXX3XXXXXC"},
    {"c1.6", "XBBBBB.FSXXXX3XXXXXC"},
    {"c1.7", "XBBBBBB.FXXXX3XXXXXC"},
    {"c2.1", "XBBBBBBB.FSSSSXXXXXC"},
    {"c2.2", "XBBBBBBBB.FSSSXXXXXC"},
    {"c2.3", "XBBBBBBBBB.FSSXXXXXC"},
    {"c2.4", "XBBBBBBBBBB.FSXXXXXC"},
    {"c2.5", "XBBBBBBBBBBB.FXXXXXC"},
    {"c3.1", "XBBBBBBBBBBBB.FSSSSC"},
    {"c3.2", "XBBBBBBBBBBBBB.FSSSC"},
    {"c3.3", "XBBBBBBBBBBBBBB.FSSC"},
    {"c3.4", "XBBBBBBBBBBBBBBB.FSC"},
    {"c3.5", "XBBBBBBBBBBBBBBBB.FC"},
    {"aftercare", "XBBBBBBBBBBBBBBBBB.C"},
    {"closed", "XRRRRRRRRRRRRRRRRRR."},
};

char letter(const Result<MoveKind>& k) {
  if (!k.is_ok()) return k.status().fields()[0].rule == "same_state" ? '.' : 'X';
  switch (k.value()) {
    case MoveKind::kForward: return 'F';
    case MoveKind::kSkip: return 'S';
    case MoveKind::kCycle1To3: return '3';
    case MoveKind::kSlideBack: return 'B';
    case MoveKind::kClose: return 'C';
    case MoveKind::kReopen: return 'R';
  }
  return '?';
}

TEST(Spiral, StatesAreTheHandbooksTwentyInOrder) {
  const auto& states = all_spiral_states();
  ASSERT_EQ(states.size(), kMoves.size());
  for (size_t i = 0; i < states.size(); ++i) {
    EXPECT_EQ(states[i].code(), kMoves[i].first);
    EXPECT_EQ(int(i), states[i].rank());
    EXPECT_EQ(parse_spiral_state(states[i].code()), states[i]);
  }
  EXPECT_FALSE(parse_spiral_state("c1.8").has_value());
  EXPECT_FALSE(parse_spiral_state("c4.1").has_value());
  EXPECT_FALSE(parse_spiral_state("").has_value());
}

TEST(Spiral, EveryAllowedAndEveryRefusedMove_MatchesTheTable) {
  const auto& states = all_spiral_states();
  for (size_t f = 0; f < states.size(); ++f)
    for (size_t t = 0; t < states.size(); ++t)
      EXPECT_EQ(letter(classify_move(states[f], states[t])), kMoves[f].second[t])
          << states[f].code() << " -> " << states[t].code();
}

TEST(Spiral, MovesInAClosedTrajectory_AskToReopenFirst) {
  auto k = classify_move(*parse_spiral_state("closed"), *parse_spiral_state("selection"));
  EXPECT_FALSE(k.is_ok());
  auto ok = classify_move(*parse_spiral_state("closed"), *parse_spiral_state("c3.2"));
  EXPECT_EQ(ok.value(), MoveKind::kReopen);
}

MoveRequest request(std::string to, std::string on = "2026-11-01", std::string reason = "Samen besproken",
                    std::string outcome = "") {
  return {std::move(to), std::move(on), std::move(reason), std::move(outcome)};
}

bool has(const Result<MoveKind>& r, const std::string& field, const std::string& rule) {
  for (const auto& e : r.status().fields())
    if (e.field == field && e.rule == rule) return true;
  return false;
}

TEST(SpiralCheck, CompleteForwardMove_IsAccepted) {
  auto r = check_move(*parse_spiral_state("c1.1"), "2026-10-01", request("c1.2"), "2026-11-23");
  EXPECT_EQ(r.value(), MoveKind::kForward);
}

TEST(SpiralCheck, FutureDateAndDateBeforeTheLastMove_AreRefused) {
  const auto from = *parse_spiral_state("c1.1");
  EXPECT_TRUE(has(check_move(from, "", request("c1.2", "2026-12-01"), "2026-11-23"), "moved_on", "date_in_future"));
  EXPECT_TRUE(has(check_move(from, "2026-11-05", request("c1.2", "2026-11-01"), "2026-11-23"), "moved_on",
                  "before_last_move"));
  EXPECT_TRUE(has(check_move(from, "", request("c1.2", "2026-02-30"), "2026-11-23"), "moved_on", "date"));
}

TEST(SpiralCheck, ReasonIsRequired) {
  EXPECT_TRUE(has(check_move(*parse_spiral_state("c1.1"), "", request("c1.2", "2026-11-01", "  "), "2026-11-23"),
                  "reason", "required"));
}

TEST(SpiralCheck, ClosingNeedsAKnownOutcomeClass_AndOnlyClosingTakesOne) {
  const auto from = *parse_spiral_state("c3.4");
  EXPECT_TRUE(has(check_move(from, "", request("closed"), "2026-11-23"), "outcome", "required"));
  EXPECT_TRUE(has(check_move(from, "", request("closed", "2026-11-01", "x", "lottery"), "2026-11-23"), "outcome",
                  "choice"));
  EXPECT_EQ(check_move(from, "", request("closed", "2026-11-01", "Vast contract", "open_zee"), "2026-11-23").value(),
            MoveKind::kClose);
  EXPECT_TRUE(has(check_move(from, "", request("c3.5", "2026-11-01", "x", "open_zee"), "2026-11-23"), "outcome",
                  "only_when_closing"));
}

TEST(SpiralCheck, UnknownState_IsAChoiceError) {
  EXPECT_TRUE(has(check_move(*parse_spiral_state("c1.1"), "", request("c9.9"), "2026-11-23"), "to_state", "choice"));
}

TEST(SpiralCheck, EveryOutcomeClassOfTheHandbookExists) {
  for (const char* c : {"open_zee", "binnenvaart", "veilige_haven", "training", "moved_away", "stopped_by_jobseeker",
                        "other"})
    EXPECT_NE(std::find(outcome_classes().begin(), outcome_classes().end(), c), outcome_classes().end()) << c;
}

// --- knipperlichtenlijst ---------------------------------------------------

TEST(Knipperlichten, HasTheFiveRubricsAndEighteenIndicators) {
  ASSERT_EQ(knipperlicht_rubrics().size(), 5u);
  size_t n = 0;
  for (const auto& r : knipperlicht_rubrics()) n += r.indicators.size();
  EXPECT_EQ(n, 18u);
  EXPECT_EQ(knipperlicht_threshold(), 3);
}

TEST(Knipperlichten, NothingTicked_CountsNoRubric) {
  auto r = evaluate_knipperlichten({}).value();
  EXPECT_TRUE(r.counted_rubrics.empty());
  EXPECT_FALSE(r.probably_in_poverty);
}

TEST(Knipperlichten, TwoRubrics_AreNotEnough) {
  auto r = evaluate_knipperlichten({"debts", "basic_needs", "primary_only"}).value();
  EXPECT_EQ(r.counted_rubrics, (std::vector<std::string>{"income", "education"}));
  EXPECT_FALSE(r.probably_in_poverty);
}

TEST(Knipperlichten, ThreeRubricsWithOneIndicatorEach_IndicatePoverty) {
  auto r = evaluate_knipperlichten({"single", "moves_often", "health_complaints"}).value();
  EXPECT_EQ(r.counted_rubrics, (std::vector<std::string>{"income", "housing", "health"}));
  EXPECT_TRUE(r.probably_in_poverty);
}

TEST(Knipperlichten, ManyIndicatorsInOneRubric_CountOnce) {
  auto r = evaluate_knipperlichten({"jobless_household_dependants", "single_parent", "debts", "basic_needs"}).value();
  EXPECT_EQ(r.counted_rubrics.size(), 1u);
  EXPECT_FALSE(r.probably_in_poverty);
}

TEST(Knipperlichten, EmptyRubric_DoesNotCount) {
  // Four rubrics, nothing in "work": four count.
  auto r = evaluate_knipperlichten({"single", "stepped_down", "deprived_neighbourhood", "postpones_care"}).value();
  EXPECT_EQ(r.counted_rubrics.size(), 4u);
  EXPECT_EQ(std::find(r.counted_rubrics.begin(), r.counted_rubrics.end(), "work"), r.counted_rubrics.end());
  EXPECT_TRUE(r.probably_in_poverty);
}

TEST(Knipperlichten, AllFiveRubrics_IndicatePoverty) {
  auto r = evaluate_knipperlichten({"single", "primary_only", "short_jobs_long_benefits", "moves_often",
                                    "health_complaints"})
               .value();
  EXPECT_EQ(r.counted_rubrics.size(), 5u);
  EXPECT_TRUE(r.probably_in_poverty);
}

TEST(Knipperlichten, UnknownIndicator_IsRefusedAndNothingEvaluated) {
  auto r = evaluate_knipperlichten({"single", "owns_a_yacht"});
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().fields()[0].field, "indicators.owns_a_yacht");
  EXPECT_EQ(r.status().fields()[0].rule, "unknown_indicator");
}

}  // namespace
}  // namespace spiraal

#include "core/clock.h"
#include "core/signals.h"

namespace spiraal {
namespace {

const std::string kToday = "2026-11-23";

std::vector<std::string> codes(const std::vector<Signal>& signals) {
  std::vector<std::string> out;
  for (const auto& s : signals) out.push_back(s.code);
  return out;
}

TEST(Clock, AddMonths_ClampsToTheEndOfTheMonth) {
  EXPECT_EQ(add_months("2026-01-31", 1), "2026-02-28");
  EXPECT_EQ(add_months("2026-02-15", 9), "2026-11-15");
  EXPECT_EQ(add_months("2025-11-30", 3), "2026-02-28");
}

TEST(Signals, NineMonthsAfterRegistrationWithoutTrajectory_Signals) {
  SignalInput in{"selection", "2026-11-01", "2026-02-23", "", "2026-11-20", "", "", "", "", ""};
  EXPECT_EQ(codes(compute_signals(in, {}, kToday)), std::vector<std::string>{"nine_months"});
  EXPECT_EQ(compute_signals(in, {}, kToday)[0].since, "2026-11-23");
  in.registered_on = "2026-02-24";
  EXPECT_TRUE(compute_signals(in, {}, kToday).empty());
}

TEST(Signals, NineMonthRule_IsSatisfiedOnceTheTrajectoryRuns) {
  SignalInput in{"c1.2", "2025-01-01", "2025-01-01", "2026-11-01", "2026-11-20", "", "2026-11-01", "", "", ""};
  EXPECT_TRUE(compute_signals(in, {}, kToday).empty());
}

TEST(Signals, AftercareLapsed_OnlyAfterTheGraceDays) {
  SignalInput in{"c3.5", "2026-01-01", "", "2026-01-10", "2026-11-20", "", "2026-11-01", "", "", ""};
  in.aftercare_due_on = "2026-11-20";  // kToday is 2026-11-23: within the 3 grace days
  EXPECT_TRUE(compute_signals(in, {}, kToday).empty());
  in.aftercare_due_on = "2026-11-19";
  auto s = compute_signals(in, {}, kToday);
  ASSERT_EQ(codes(s), std::vector<std::string>{"aftercare_lapsed"});
  EXPECT_EQ(s[0].since, "2026-11-23");
}

TEST(Signals, AnOpenAbsenceSignalAndADueFollowUp_AreFlagged) {
  SignalInput in{"c3.5", "2026-01-01", "", "2026-01-10", "2026-11-20", "", "2026-11-01", "", "", ""};
  in.open_absence_since = "2026-11-22";
  in.follow_up_due_on = "2026-11-24";  // not yet due
  EXPECT_EQ(codes(compute_signals(in, {}, kToday)), std::vector<std::string>{"absence_signal"});
  in.follow_up_due_on = "2026-11-23";
  EXPECT_EQ(codes(compute_signals(in, {}, kToday)), (std::vector<std::string>{"absence_signal", "follow_up_due"}));
}

TEST(Signals, ScoreTable_IsDueThreeMonthsAfterTheLastAndAtACrisis) {
  SignalInput in{"c1.3", "2026-01-01", "", "2026-01-10", "2026-11-20", "", "2026-08-24", "", "", ""};
  EXPECT_TRUE(compute_signals(in, {}, kToday).empty());
  in.last_score_table_on = "2026-08-23";
  EXPECT_EQ(codes(compute_signals(in, {}, kToday)), std::vector<std::string>{"score_table_due"});
  in.last_score_table_on = "2026-11-01";
  in.open_crisis_since = "2026-11-15";
  EXPECT_EQ(codes(compute_signals(in, {}, kToday)), std::vector<std::string>{"score_table_due"});
}

TEST(Signals, ScoreTable_IsDueAtTheStartWhenThereIsNone) {
  SignalInput in{"c1.1", "2026-11-01", "", "2026-11-20", "2026-11-20", "", "", "", "", ""};
  auto s = compute_signals(in, {}, kToday);
  ASSERT_EQ(codes(s), std::vector<std::string>{"score_table_due"});
  EXPECT_EQ(s[0].since, "2026-11-20");
}

TEST(Signals, NoContactForTheConfiguredWeeks_Signals) {
  SignalInput in{"selection", "2026-01-01", "", "", "2026-10-12", "", "", "", "", ""};
  EXPECT_EQ(codes(compute_signals(in, {}, kToday)), std::vector<std::string>{"no_contact"});
  SignalSettings eight_weeks;
  eight_weeks.no_contact_weeks = 8;
  EXPECT_TRUE(compute_signals(in, eight_weeks, kToday).empty());
}

TEST(Signals, LongOpenCrisis_SignalsAndClosedTrajectoriesNever) {
  SignalInput in{"c1.5", "2026-01-01", "", "2026-01-01", "2026-11-20", "2026-10-01", "2026-10-02", "", "", ""};
  auto s = codes(compute_signals(in, {}, kToday));
  EXPECT_NE(std::find(s.begin(), s.end(), "long_crisis"), s.end());
  in.state = "closed";
  EXPECT_TRUE(compute_signals(in, {}, kToday).empty());
}

}  // namespace
}  // namespace spiraal
