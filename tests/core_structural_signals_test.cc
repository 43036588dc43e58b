// Signaalfunctie (core/structural_signal.h): a structural barrier flagged
// from a dossier is refused field by field, never carries the person's
// name, and is counted per period, region and category with every count
// of 1–4 shown as "<5".
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/structural_signal.h"

namespace spiraal {
namespace {

using nlohmann::json;

std::vector<std::string> rules(const Status& s) {
  std::vector<std::string> out;
  for (const auto& e : s.fields()) out.push_back(e.field + ":" + e.rule);
  return out;
}

const std::string kToday = "2026-06-15";

TEST(StructuralSignalRules, AValidSignal_DefaultsToToday) {
  auto s = parse_structural_signal({{"category", "childcare"}, {"description", "Geen opvang voor vroege shiften"}},
                                   {"Ann", "Peeters"}, kToday);
  ASSERT_TRUE(s.is_ok());
  EXPECT_EQ(s->category, "childcare");
  EXPECT_EQ(s->description, "Geen opvang voor vroege shiften");
  EXPECT_EQ(s->signalled_on, kToday);
  auto dated = parse_structural_signal(
      {{"category", "mobility"}, {"description", "Geen bus naar het industrieterrein"}, {"signalled_on", "2026-02-01"}},
      {}, kToday);
  ASSERT_TRUE(dated.is_ok());
  EXPECT_EQ(dated->signalled_on, "2026-02-01");
}

TEST(StructuralSignalRules, UnknownCategoryEmptyDescriptionAndUnknownField_AllReportedAtOnce) {
  auto s = parse_structural_signal({{"category", "laziness"}, {"description", "  "}, {"jobseeker_id", 4}}, {}, kToday);
  EXPECT_EQ(rules(s.status()), (std::vector<std::string>{"jobseeker_id:unknown_field", "category:choice",
                                                         "description:required"}));
  EXPECT_EQ(rules(parse_structural_signal(json::object(), {}, kToday).status()),
            (std::vector<std::string>{"category:required", "description:required"}));
}

TEST(StructuralSignalRules, TooLongDescription_IsRefused) {
  std::string longest(kSignalDescriptionMax, 'x');
  EXPECT_TRUE(parse_structural_signal({{"category", "housing"}, {"description", longest}}, {}, kToday).is_ok());
  auto s = parse_structural_signal({{"category", "housing"}, {"description", longest + "x"}}, {}, kToday);
  ASSERT_FALSE(s.is_ok());
  ASSERT_EQ(s.status().fields().size(), 1u);
  EXPECT_EQ(s.status().fields()[0].field, "description");
}

TEST(StructuralSignalRules, ADescriptionNamingThePerson_IsRefused) {
  for (const char* text : {"Ann vindt geen opvang", "wachtlijst voor mevrouw PEETERS", "(ann) heeft geen wagen"})
    EXPECT_EQ(rules(parse_structural_signal({{"category", "housing"}, {"description", text}}, {"Ann", "Peeters"},
                                            kToday)
                        .status()),
              (std::vector<std::string>{"description:names_person"}))
        << text;
  // A name inside another word is no name.
  EXPECT_TRUE(parse_structural_signal({{"category", "housing"}, {"description", "Annexe van de planning"}}, {"Ann"},
                                      kToday)
                  .is_ok());
}

TEST(StructuralSignalRules, AFutureDate_IsRefused) {
  auto s = parse_structural_signal({{"category", "housing"}, {"description", "x"}, {"signalled_on", "2026-07-01"}}, {},
                                   kToday);
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.status().fields()[0].field, "signalled_on");
}

TEST(StructuralSignalRules, ASelectionEndingBeforeItStarts_IsRefused) {
  EXPECT_EQ(rules(parse_signal_selection({{"from", "2026-05-01"}, {"to", "2026-04-01"}}).status()),
            (std::vector<std::string>{"to:before_from"}));
  EXPECT_EQ(rules(parse_signal_selection({{"category", "x"}}).status()), (std::vector<std::string>{"category:choice"}));
}

TEST(StructuralSignalRules, ANote_NeedsTitleAndSummary_AndAnUpdateKeepsItsSelection) {
  EXPECT_EQ(rules(parse_policy_note({{"region", "Gent"}}, false).status()),
            (std::vector<std::string>{"title:required", "summary:required"}));
  EXPECT_EQ(rules(parse_policy_note({{"title", "t"}, {"summary", "s"}, {"region", "Gent"}}, true).status()),
            (std::vector<std::string>{"region:unknown_field"}));
  auto n = parse_policy_note({{"title", "Opvang"}, {"summary", "s"}, {"category", "childcare"}}, false);
  ASSERT_TRUE(n.is_ok());
  EXPECT_EQ(n->selection.category, "childcare");
}

TEST(StructuralSignalCounts, PeriodKey_MonthAndQuarter) {
  EXPECT_EQ(period_key("2026-03-31", "month"), "2026-03");
  EXPECT_EQ(period_key("2026-03-31", "quarter"), "2026-Q1");
  EXPECT_EQ(period_key("2026-04-01", "quarter"), "2026-Q2");
  EXPECT_EQ(period_key("2026-12-01", "quarter"), "2026-Q4");
}

// Hand-computed: Gent childcare Q1 has 6 signals (Jan 2, Feb 3, Mar 1);
// Gent mobility Q1 has 2; Aalst childcare Q2 has 5.
std::vector<SignalFact> facts() {
  std::vector<SignalFact> f;
  for (const char* d : {"2026-01-10", "2026-01-20", "2026-02-01", "2026-02-02", "2026-02-03", "2026-03-31"})
    f.push_back({"childcare", "Gent", d, "Geen opvang"});
  for (const char* d : {"2026-02-10", "2026-03-01"}) f.push_back({"mobility", "Gent", d, "Geen bus"});
  for (const char* d : {"2026-04-01", "2026-04-02", "2026-05-01", "2026-06-01", "2026-06-30"})
    f.push_back({"childcare", "Aalst", d, "Wachtlijst opvang"});
  return f;
}

TEST(StructuralSignalCounts, PerQuarter_CountsUnderFiveAreSuppressed) {
  json c = signal_counts(facts(), {}, "quarter");
  EXPECT_EQ(c, json::parse(R"([
    {"period": "2026-Q1", "region": "Gent", "category": "childcare", "signals": "6"},
    {"period": "2026-Q1", "region": "Gent", "category": "mobility", "signals": "<5"},
    {"period": "2026-Q2", "region": "Aalst", "category": "childcare", "signals": "5"}])"));
}

TEST(StructuralSignalCounts, PerMonthWithinASelection) {
  SignalSelection s;
  s.region = "Gent";
  s.from = "2026-02-01";
  s.to = "2026-02-28";
  json c = signal_counts(facts(), s, "month");
  EXPECT_EQ(c, json::parse(R"([
    {"period": "2026-02", "region": "Gent", "category": "childcare", "signals": "<5"},
    {"period": "2026-02", "region": "Gent", "category": "mobility", "signals": "<5"}])"));
  s = {};
  s.category = "mobility";
  EXPECT_EQ(signal_counts(facts(), s, "month").size(), 2u);
}

TEST(StructuralSignalCounts, NoteContent_CountsPerCategoryAndMergesDescriptions) {
  SignalSelection s;
  s.category = "childcare";
  json c = note_content(facts(), s);
  EXPECT_EQ(c["counts"], json::parse(R"([{"category": "childcare", "signals": "11"}])"));
  EXPECT_EQ(c["descriptions"], json::parse(R"([{"category": "childcare", "description": "Geen opvang"},
                                               {"category": "childcare", "description": "Wachtlijst opvang"}])"));
  s.region = "Gent";
  s.category.clear();
  s.to = "2026-01-31";
  EXPECT_EQ(note_content(facts(), s)["counts"], json::parse(R"([{"category": "childcare", "signals": "<5"}])"));
}

}  // namespace
}  // namespace spiraal
