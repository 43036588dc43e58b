#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/checklists.h"
#include "core/instruments.h"

namespace spiraal {
namespace {

using nlohmann::json;
const std::string kToday = "2026-11-23";

bool has(const Result<json>& r, const std::string& field, const std::string& rule) {
  for (const auto& e : r.status().fields())
    if (e.field == field && e.rule == rule) return true;
  return false;
}

TEST(Balance, BlocksWithLabelsAndSizes_AreAccepted) {
  auto r = validate_instrument("balance",
                               {{"blocks", {{{"kind", "load"}, {"label", "  Schulden "}, {"size", 8}},
                                            {{"kind", "support"}, {"label", "Mijn zus"}, {"size", 5}}}},
                                {"unnamed_size", 3}},
                               kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value()["blocks"][0]["label"], "Schulden");
  EXPECT_EQ(r.value()["unnamed_size"], 3);
}

TEST(Balance, ABlockNeedsASizeAboveZeroAndAKnownKind) {
  auto r = validate_instrument("balance", {{"blocks", {{{"kind", "weight"}, {"label", "x"}, {"size", 0}}}}}, kToday);
  EXPECT_TRUE(has(r, "blocks.0.size", "range"));
  EXPECT_TRUE(has(r, "blocks.0.kind", "choice"));
}

TEST(Ecogram, TiesJoinExistingNodesIncludingSelf) {
  json doc = {{"nodes", {{{"id", "zus"}, {"label", "Zus Fatima"}, {"kind", "person"}},
                         {{"id", "ocmw"}, {"label", "OCMW"}, {"kind", "organisation"}}}},
              {"ties", {{{"from", "self"}, {"to", "zus"}, {"type", "close"}, {"note", "Belt elke dag"}},
                        {{"from", "self"}, {"to", "ocmw"}, {"type", "conflict"}}}}};
  EXPECT_TRUE(validate_instrument("ecogram", doc, kToday).is_ok());
}

TEST(Ecogram, ATieToAMissingNode_IsRefused) {
  json doc = {{"nodes", {{{"id", "zus"}, {"label", "Zus"}, {"kind", "person"}}}},
              {"ties", {{{"from", "self"}, {"to", "broer"}, {"type", "broken"}}, {{"from", "zus"}, {"to", "zus"}, {"type", "close"}}}}};
  auto r = validate_instrument("ecogram", doc, kToday);
  EXPECT_TRUE(has(r, "ties.0.to", "no_such_node"));
  EXPECT_TRUE(has(r, "ties.1.to", "same_node"));
}

TEST(Ecogram, DuplicateNodeIdsAndUnknownTieTypes_AreRefused) {
  json doc = {{"nodes", {{{"id", "a"}, {"label", "A"}, {"kind", "person"}}, {{"id", "a"}, {"label", "B"}, {"kind", "person"}}}},
              {"ties", {{{"from", "self"}, {"to", "a"}, {"type", "friendly"}}}}};
  auto r = validate_instrument("ecogram", doc, kToday);
  EXPECT_TRUE(has(r, "nodes.1.id", "taken"));
  EXPECT_TRUE(has(r, "ties.0.type", "choice"));
}

TEST(Ecogram, ChangesBetweenVersions_ShowReanchoring) {
  json before = {{"nodes", {{{"id", "zus"}, {"label", "Zus"}, {"kind", "person"}}, {{"id", "ex"}, {"label", "Ex"}, {"kind", "person"}}}},
                 {"ties", {{{"from", "self"}, {"to", "zus"}, {"type", "broken"}}, {{"from", "self"}, {"to", "ex"}, {"type", "conflict"}}}}};
  json after = {{"nodes", {{{"id", "zus"}, {"label", "Zus"}, {"kind", "person"}}, {{"id", "buur"}, {"label", "Buurvrouw"}, {"kind", "person"}}}},
                {"ties", {{{"from", "self"}, {"to", "zus"}, {"type", "close"}}, {{"from", "self"}, {"to", "buur"}, {"type", "reciprocal"}}}}};
  json c = ecogram_changes(before, after);
  EXPECT_EQ(c["nodes_added"], json({"Buurvrouw"}));
  EXPECT_EQ(c["nodes_removed"], json({"Ex"}));
  ASSERT_EQ(c["ties_retyped"].size(), 1u);
  EXPECT_EQ(c["ties_retyped"][0]["from"], "broken");
  EXPECT_EQ(c["ties_retyped"][0]["to"], "close");
}

TEST(LifeEvents, DatedTurningPoints_AreSortedAndYearsAllowed) {
  auto r = validate_instrument("life_events",
                               {{"events", {{{"date", "2019-03-01"}, {"text", "Mijn zoon werd geboren"}, {"tone", "up"}},
                                            {{"date", "2008"}, {"text", "Gestopt met school"}, {"tone", "down"}}}}},
                               kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value()["events"][0]["date"], "2008");
}

TEST(LifeEvents, FutureOrMalformedDatesAndEmptyText_AreRefused) {
  auto r = validate_instrument("life_events",
                               {{"events", {{{"date", "2030-01-01"}, {"text", "x"}}, {{"date", "vorig jaar"}, {"text", ""}}}}},
                               kToday);
  EXPECT_TRUE(has(r, "events.0.date", "date"));
  EXPECT_TRUE(has(r, "events.1.date", "date"));
  EXPECT_TRUE(has(r, "events.1.text", "required"));
}

TEST(Instruments, UnknownInstrument_IsNotFound) {
  EXPECT_EQ(validate_instrument("horoscope", json::object(), kToday).status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace spiraal

namespace spiraal {
namespace {

TEST(Strengths, IAmICanIHaveIWantPerDomainAndTheOtherGroups) {
  auto r = validate_instrument("strengths",
                               {{"domains", {{"housing", {{"i_have", "Een warme buurvrouw"}}}, {"work", {{"i_can", "Koken voor veel mensen"}}}}},
                                {"individual", {{"dares", "Nieuwe mensen aanspreken"}}},
                                {"environmental", {{"relations", "Mijn zus"}}}},
                               "2026-11-23");
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r.value()["domains"]["work"]["i_can"], "Koken voor veel mensen");
}

TEST(Strengths, UnknownDomainsAndFields_AreRefused) {
  auto r = validate_instrument("strengths", {{"domains", {{"astrology", {{"i_am", "x"}}}, {"health", {{"i_fly", "x"}}}}}},
                               "2026-11-23");
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().fields().size(), 2u);
}

TEST(Strengths, QuestionBanksAreTheHandbooksSix) {
  auto banks = strength_question_banks("nl");
  ASSERT_EQ(banks.size(), 6u);
  EXPECT_EQ(banks[3]["title"], "De wondervraag");
  for (const auto& b : banks) EXPECT_FALSE(b["questions"].empty());
}

}  // namespace
TEST(Checklists, TheHandbooksSchemasAreReferenceData) {
  json sides = checklist_groups("outside_inside", "nl");
  ASSERT_EQ(sides.size(), 2u);
  EXPECT_EQ(sides[0]["title"], "Buitenkant van armoede");
  EXPECT_EQ(sides[0]["items"].size(), 8u);
  EXPECT_EQ(sides[1]["items"][2]["label"], "Kwetsuren");
  json views = checklist_groups("problem_strength", "en");
  ASSERT_EQ(views.size(), 2u);
  EXPECT_EQ(views[0]["items"].size(), 9u);
  EXPECT_EQ(views[1]["items"].size(), 10u);
  EXPECT_EQ(views[1]["items"][8]["label"], "Resilience");
  EXPECT_TRUE(checklist_groups("horoscope", "nl").empty());
}

TEST(Checklists, MarkedOrNotedItemsAreKeptAndBlankOnesDropped) {
  auto r = validate_instrument("problem_strength",
                               {{"items", {{"isolation", {{"marked", true}, {"note", " Ziet haar zus niet meer "}}},
                                           {"humour", {{"marked", false}, {"note", "Lacht om haar eigen pech"}}},
                                           {"distrust", {{"marked", false}, {"note", ""}}}}},
                                {"note", "Samen ingevuld"}},
                               kToday);
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(r.value()["items"]["isolation"]["note"], "Ziet haar zus niet meer");
  EXPECT_TRUE(r.value()["items"]["humour"].contains("note"));
  EXPECT_FALSE(r.value()["items"].contains("distrust"));
  EXPECT_EQ(r.value()["note"], "Samen ingevuld");
}

TEST(Checklists, ItemsOfTheOtherSchemaOrMalformedValues_AreRefused) {
  auto r = validate_instrument("outside_inside", {{"items", {{"humour", {{"marked", true}}}}}}, kToday);
  EXPECT_TRUE(has(r, "items.humour", "unknown_field"));
  r = validate_instrument("outside_inside", {{"items", {{"feelings", {{"marked", "yes"}, {"colour", 1}}}}}}, kToday);
  EXPECT_TRUE(has(r, "items.feelings.marked", "type_boolean"));
  EXPECT_TRUE(has(r, "items.feelings.colour", "unknown_field"));
  r = validate_instrument("outside_inside", {{"items", json::array()}}, kToday);
  EXPECT_TRUE(has(r, "items", "type_object"));
}

}  // namespace spiraal
