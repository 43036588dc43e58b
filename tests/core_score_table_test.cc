#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "core/embedded.h"
#include "core/score_table.h"

namespace spiraal {
namespace {

using nlohmann::json;

// The handbook's worked example (table 2) as a snapshot body.
json worked_example_body() {
  json doc = json::parse(*embedded_file("data/score_items.json"));
  json scores = json::object();
  for (const auto& [code, v] : doc["example"]["scores"].items())
    scores[code] = {{"start", v[0]}, {"now", v[1]}, {"future", v[2]}};
  return {{"taken_on", "2011-06-01"}, {"scorer", "jobseeker"}, {"scores", scores}};
}

TEST(ScoreTable, DefaultItems_AreTheHandbooksTenOutsideAndElevenInside) {
  auto items = default_score_items("nl");
  ASSERT_EQ(items.size(), 21u);
  int outside = 0;
  for (const auto& i : items) outside += i.side == "outside";
  EXPECT_EQ(outside, 10);
  EXPECT_EQ(items[0].label, "Inkomen");
  EXPECT_EQ(items[10].label, "Je zelfvertrouwen");
  EXPECT_EQ(default_score_items("en")[0].label, "Income");
}

TEST(ScoreTable, WorkedExample_ReadsProgressDeclineAndStatusQuoFromStartToNow) {
  auto t = parse_score_table(worked_example_body(), default_score_items("nl"), "2026-11-23");
  ASSERT_TRUE(t.is_ok());
  std::map<std::string, Reading> reading;
  for (const auto& s : t->scores) reading[s.code] = read_change(s.start, s.now);
  EXPECT_EQ(reading["income"], Reading::kProgress);        // 0 -> 3
  EXPECT_EQ(reading["housing"], Reading::kDecline);        // 5 -> 3
  EXPECT_EQ(reading["health"], Reading::kStatusQuo);       // 7 -> 7
  EXPECT_EQ(reading["bond_children"], Reading::kStatusQuo);  // 9 -> 9
  EXPECT_EQ(reading["work_experience"], Reading::kStatusQuo);  // 5 -> 5
  EXPECT_EQ(reading["self_confidence"], Reading::kProgress);   // 3 -> 5
  EXPECT_EQ(reading["belief_in_work"], Reading::kProgress);    // 0 -> 5
  int progress = 0, decline = 0, same = 0;
  for (const auto& [code, r] : reading) {
    progress += r == Reading::kProgress;
    decline += r == Reading::kDecline;
    same += r == Reading::kStatusQuo;
  }
  EXPECT_EQ(progress, 17);
  EXPECT_EQ(decline, 1);
  EXPECT_EQ(same, 3);
}

TEST(ScoreTable, ScoreOutsideZeroToTen_IsRefused) {
  json body = worked_example_body();
  body["scores"]["income"]["now"] = 11;
  body["scores"]["housing"]["start"] = -1;
  body["scores"]["health"]["future"] = 4.5;
  auto t = parse_score_table(body, default_score_items("nl"), "2026-11-23");
  ASSERT_FALSE(t.is_ok());
  EXPECT_EQ(t.status().fields().size(), 3u);
  EXPECT_EQ(t.status().fields()[0].rule, "range");
}

TEST(ScoreTable, SnapshotMayNotMixItemSets) {
  json body = worked_example_body();
  body["scores"]["own_music"] = {{"start", 5}};
  body["scores"].erase("income");
  auto t = parse_score_table(body, default_score_items("nl"), "2026-11-23");
  ASSERT_FALSE(t.is_ok());
  std::string all = json(t.status().fields().size()).dump();
  bool extra = false, missing = false;
  for (const auto& e : t.status().fields()) {
    extra |= e.field == "scores.own_music" && e.rule == "not_in_item_set";
    missing |= e.field == "scores.income" && e.rule == "required";
  }
  EXPECT_TRUE(extra);
  EXPECT_TRUE(missing);
}

TEST(ScoreTable, MissingScorerDateAndFutureDate_AreRefused) {
  json body = worked_example_body();
  body.erase("scorer");
  body["taken_on"] = "2030-01-01";
  auto t = parse_score_table(body, default_score_items("nl"), "2026-11-23");
  ASSERT_FALSE(t.is_ok());
  EXPECT_EQ(t.status().fields().size(), 2u);
}

TEST(ScoreTable, ReadChange_WithoutBothScores_IsUnknown) {
  EXPECT_EQ(read_change(std::nullopt, 4), Reading::kUnknown);
  EXPECT_EQ(read_change(4, 4), Reading::kStatusQuo);
}

TEST(ScoreItems, ItemsCanBeLeftOutRenamedAndAdded) {
  json body = {{"items", {{{"code", "income"}, {"label", "Geld"}},
                          {{"code", "self_confidence"}},
                          {{"code", "own_music"}, {"side", "inside"}, {"label", "Muziek maken"}}}}};
  auto items = parse_item_set(body, "nl");
  ASSERT_TRUE(items.is_ok());
  ASSERT_EQ(items->size(), 3u);
  EXPECT_EQ(items.value()[0].label, "Geld");
  EXPECT_EQ(items.value()[0].side, "outside");
  EXPECT_EQ(items.value()[1].label, "Je zelfvertrouwen");
  EXPECT_EQ(items.value()[2].side, "inside");
}

TEST(ScoreItems, BadItems_AreRefused) {
  json body = {{"items", {{{"code", "music"}, {"side", "inside"}, {"label", "x"}},
                          {{"code", "own_x"}, {"side", "middle"}, {"label", "x"}},
                          {{"code", "income"}}, {{"code", "income"}}}}};
  auto items = parse_item_set(body, "nl");
  ASSERT_FALSE(items.is_ok());
  EXPECT_EQ(items.status().fields().size(), 3u);  // not own_, bad side, duplicate
}

}  // namespace
}  // namespace spiraal
