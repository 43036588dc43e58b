// Goals, actions, follow-up meetings and the trajectory agreement through
// the API, on both engines: the rules of a goal and an action, optimistic
// versions, "wat is er verbeterd?" first, and an agreement that cannot be
// signed without goals.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class GoalsApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    server_ = std::make_unique<TestServer>(db_->store());
    auto r = call("POST", "/api/v1/jobseekers", {{"first_name", "Ann"}, {"last_name", "P"}, {"birth_date", "1985-01-01"}});
    base_ = "/api/v1/jobseekers/" + std::to_string(json::parse(r->body)["id"].get<int64_t>());
    caw_ = db_->store()
               .pool()
               .acquire()
               ->query("INSERT INTO organisations (name, name_key, address, phone, email, website, opening_hours, "
                       "target_group, themes, version, created_at, updated_at) VALUES ('CAW Oost-Vlaanderen', "
                       "'caw oost-vlaanderen', '', '', '', '', '', '', '[]', 1, ?, ?) RETURNING id",
                       {now_utc(), now_utc()})
               .integer(0, 0);
  }
  httplib::Result call(const std::string& method, const std::string& path, const json& body = nullptr) {
    auto client = server_->client();
    if (method == "GET") return client.Get(path.c_str(), bearer(coach_.token));
    if (method == "PUT") return client.Put(path.c_str(), bearer(coach_.token), body.dump(), "application/json");
    return client.Post(path.c_str(), bearer(coach_.token), body.dump(), "application/json");
  }
  std::set<std::string> fields(const httplib::Result& r) {
    std::set<std::string> out;
    for (const auto& f : json::parse(r->body).value("fields", json::array())) out.insert(f["field"].get<std::string>());
    return out;
  }
  int64_t goal(const std::string& text = "Ik wil mijn schulden op een rij") {
    auto r = call("POST", base_ + "/goals",
                  {{"text", text}, {"track", "welfare"}, {"domain", "financial"}, {"horizon", "short"},
                   {"features", {"small", "concrete", "own_words"}}});
    EXPECT_EQ(r->status, 201) << r->body;
    return json::parse(r->body)["id"];
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_;
  std::unique_ptr<TestServer> server_;
  std::string base_;
  int64_t caw_ = 0;
};

TEST_P(GoalsApiTest, AGoalInOwnWordsWithItsFeaturesAndActions) {
  int64_t g = goal();
  auto a = call("POST", base_ + "/goals/" + std::to_string(g) + "/actions",
                {{"text", "Afspraak bij de schuldbemiddeling"}, {"owner", "partner"}, {"organisation_id", caw_}, {"due_on", "2026-12-15"}});
  ASSERT_EQ(a->status, 201) << a->body;
  json all = json::parse(call("GET", base_ + "/goals")->body);
  ASSERT_EQ(all["items"].size(), 1u);
  EXPECT_EQ(all["items"][0]["features"], json({"small", "concrete", "own_words"}));
  EXPECT_EQ(all["items"][0]["actions"][0]["organisation_name"], "CAW Oost-Vlaanderen");
  // Optimistic versions on the action.
  std::string action = base_ + "/actions/" + std::to_string(json::parse(a->body)["id"].get<int64_t>());
  EXPECT_EQ(call("PUT", action, {{"version", 1}, {"status", "done"}})->status, 200);
  EXPECT_EQ(call("PUT", action, {{"version", 1}, {"status", "dropped"}})->status, 409);
  EXPECT_EQ(json::parse(call("GET", base_ + "/goals")->body)["items"][0]["actions"][0]["status"], "done");
}

TEST_P(GoalsApiTest, BadGoalsAndActions_AreRefusedField_ByField) {
  auto r = call("POST", base_ + "/goals", {{"text", ""}, {"track", "leisure"}, {"domain", "financial"}, {"horizon", "soon"}, {"features", {"shiny"}}});
  ASSERT_EQ(r->status, 422);
  EXPECT_EQ(fields(r), (std::set<std::string>{"text", "track", "horizon", "features"}));
  r = call("POST", base_ + "/goals", {{"text", "Werk"}, {"track", "work"}, {"domain", "financial"}, {"horizon", "long"}});
  EXPECT_EQ(fields(r), std::set<std::string>{"domain"});  // a welfare domain on a work goal
  int64_t g = goal();
  std::string actions = base_ + "/goals/" + std::to_string(g) + "/actions";
  EXPECT_EQ(fields(call("POST", actions, {{"text", "x"}, {"owner", "partner"}, {"due_on", "2026-12-01"}})),
            std::set<std::string>{"organisation_id"});
  auto unknown = call("POST", actions, {{"text", "x"}, {"owner", "partner"}, {"organisation_id", 999999}, {"due_on", "2026-12-01"}});
  ASSERT_EQ(unknown->status, 422);
  EXPECT_EQ(json::parse(unknown->body)["fields"][0]["rule"], "not_on_social_map");
  EXPECT_EQ(fields(call("POST", actions, {{"text", "x"}, {"owner", "coach"}, {"organisation_id", caw_}, {"due_on", "morgen"}})),
            (std::set<std::string>{"organisation_id", "due_on"}));
  EXPECT_EQ(call("POST", base_ + "/goals/999999/actions", {{"text", "x"}, {"owner", "coach"}, {"due_on", "2026-12-01"}})->status, 404);
  EXPECT_EQ(json::parse(call("GET", base_ + "/goals")->body)["items"][0]["actions"].size(), 0u);
}

TEST_P(GoalsApiTest, AFollowUpOpensWithWhatImproved) {
  auto r = call("POST", base_ + "/followups", {{"actions_review", "Twee van de drie acties gedaan"}});
  ASSERT_EQ(r->status, 422);
  EXPECT_EQ(fields(r), std::set<std::string>{"improved"});
  r = call("POST", base_ + "/followups", {{"improved", "Ze slaapt beter sinds het afbetalingsplan"}, {"actions_review", "Twee van de drie gedaan"}});
  ASSERT_EQ(r->status, 201);
  EXPECT_EQ(json::parse(call("GET", base_ + "/followups")->body)["items"][0]["improved"], "Ze slaapt beter sinds het afbetalingsplan");
}

TEST_P(GoalsApiTest, AnAgreementNeedsGoalsToBeSignedAndKeepsItsVersions) {
  const std::string later = add_months(today_utc(), 3);
  auto empty = call("POST", base_ + "/agreements", {{"goal_ids", json::array()}, {"followup", "Om de twee weken"}, {"evaluation_on", later}});
  ASSERT_EQ(empty->status, 201);
  std::string empty_id = std::to_string(json::parse(empty->body)["id"].get<int64_t>());
  auto refused = call("POST", base_ + "/agreements/" + empty_id + "/sign", json::object());
  ASSERT_EQ(refused->status, 422);
  EXPECT_EQ(fields(refused), std::set<std::string>{"goal_ids"});

  int64_t g = goal("Ik wil een halftijdse job waar ik met mensen werk");
  EXPECT_EQ(call("POST", base_ + "/agreements", {{"goal_ids", {999999}}})->status, 422);
  auto v2 = call("POST", base_ + "/agreements",
                 {{"goal_ids", {g}}, {"phasing", "Eerst een opleiding, dan solliciteren"}, {"followup", "Om de twee weken"},
                  {"evaluation_on", later}, {"occupations", {"Zorgkundige", "Onthaalmedewerker"}}});
  ASSERT_EQ(v2->status, 201) << v2->body;
  json a = json::parse(v2->body);
  EXPECT_EQ(a["version"], 2);
  EXPECT_EQ(a["goals"][0]["text"], "Ik wil een halftijdse job waar ik met mensen werk");
  std::string sign = base_ + "/agreements/" + std::to_string(a["id"].get<int64_t>()) + "/sign";
  EXPECT_EQ(call("POST", sign, {{"signed_on", "2099-01-01"}})->status, 422);
  auto s = call("POST", sign, {{"signed_on", today_utc()}});
  ASSERT_EQ(s->status, 200) << s->body;
  EXPECT_EQ(json::parse(s->body)["signed_by"], coach_.user.display_name);
  EXPECT_EQ(call("POST", sign, json::object())->status, 422);  // already signed
  // The signed version keeps its copy when the goal changes later.
  call("PUT", base_ + "/goals/" + std::to_string(g), {{"version", 1}, {"text", "Iets anders"}});
  EXPECT_EQ(json::parse(call("GET", base_ + "/agreements")->body)["items"][0]["goals"][0]["text"],
            "Ik wil een halftijdse job waar ik met mensen werk");
}

TEST_P(GoalsApiTest, TheIndividualSocialMapLinksWelfareDomainsToServicesOnTheMap) {
  auto bad = call("POST", base_ + "/social-links",
                  {{"domain", "leisure"}, {"organisation_id", 999999}, {"question_kind", "gossip"}, {"smart", ""}});
  ASSERT_EQ(bad->status, 422);
  EXPECT_EQ(fields(bad), (std::set<std::string>{"domain", "organisation_id", "question_kind", "smart"}));
  auto foreign = call("POST", base_ + "/social-links",
                      {{"domain", "financial"}, {"organisation_id", caw_}, {"contact_id", 424242}, {"question_kind", "advice"}, {"smart", "x"}});
  EXPECT_EQ(fields(foreign), std::set<std::string>{"contact_id"});
  auto ok = call("POST", base_ + "/social-links",
                 {{"domain", "financial"}, {"organisation_id", caw_}, {"question_kind", "referral"},
                  {"smart", "Tegen eind januari een afspraak bij de schuldbemiddeling"}});
  ASSERT_EQ(ok->status, 201) << ok->body;
  json all = json::parse(call("GET", base_ + "/social-links")->body);
  ASSERT_EQ(all["items"].size(), 1u);
  EXPECT_EQ(all["items"][0]["organisation_name"], "CAW Oost-Vlaanderen");
  std::string remove = base_ + "/social-links/" + std::to_string(all["items"][0]["id"].get<int64_t>()) + "/remove";
  EXPECT_EQ(call("POST", remove, json::object())->status, 200);
  EXPECT_EQ(call("POST", remove, json::object())->status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, GoalsApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
