// The balance, the ecogram and the life-event line through the API, on both engines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class InstrumentsApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    server_ = std::make_unique<TestServer>(db_->store());
    auto r = server_->client().Post("/api/v1/jobseekers", bearer(coach_.token),
                                    json{{"first_name", "Ann"}, {"last_name", "P"}, {"birth_date", "1985-01-01"}}.dump(),
                                    "application/json");
    base_ = "/api/v1/jobseekers/" + std::to_string(json::parse(r->body)["id"].get<int64_t>()) + "/instruments/";
  }
  httplib::Result post(const std::string& name, const json& body) {
    return server_->client().Post((base_ + name).c_str(), bearer(coach_.token), body.dump(), "application/json");
  }
  json get(const std::string& name) {
    return json::parse(server_->client().Get((base_ + name).c_str(), bearer(coach_.token))->body);
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_;
  std::unique_ptr<TestServer> server_;
  std::string base_;
};

TEST_P(InstrumentsApiTest, EcogramVersions_ShowWhatChanged) {
  json v1 = {{"nodes", {{{"id", "zus"}, {"label", "Zus"}, {"kind", "person"}}}},
             {"ties", {{{"from", "self"}, {"to", "zus"}, {"type", "broken"}}}}};
  json v2 = {{"nodes", {{{"id", "zus"}, {"label", "Zus"}, {"kind", "person"}}, {{"id", "caw"}, {"label", "CAW"}, {"kind", "organisation"}}}},
             {"ties", {{{"from", "self"}, {"to", "zus"}, {"type", "close"}}, {{"from", "self"}, {"to", "caw"}, {"type", "reciprocal"}}}}};
  ASSERT_EQ(post("ecogram", {{"taken_on", "2026-01-01"}, {"document", v1}})->status, 201);
  ASSERT_EQ(post("ecogram", {{"taken_on", "2026-06-01"}, {"document", v2}})->status, 201);
  json all = get("ecogram");
  ASSERT_EQ(all["items"].size(), 2u);
  EXPECT_EQ(all["changes"]["nodes_added"], json({"CAW"}));
  EXPECT_EQ(all["changes"]["ties_retyped"][0]["to"], "close");
}

TEST_P(InstrumentsApiTest, BadDocuments_AreRefusedWithPathsAndNothingIsStored) {
  auto r = post("ecogram", {{"document", {{"nodes", json::array()}, {"ties", {{{"from", "self"}, {"to", "ghost"}, {"type", "close"}}}}}}});
  ASSERT_EQ(r->status, 422);
  EXPECT_EQ(json::parse(r->body)["fields"][0]["field"], "document.ties.0.to");
  EXPECT_EQ(post("balance", {{"document", {{"blocks", {{{"kind", "load"}, {"label", "x"}, {"size", 0}}}}}}})->status, 422);
  EXPECT_EQ(post("life_events", {{"taken_on", "2099-01-01"}, {"document", {{"events", json::array()}}}})->status, 422);
  EXPECT_EQ(post("horoscope", {{"document", json::object()}})->status, 404);
  EXPECT_EQ(get("ecogram")["items"].size(), 0u);
}

TEST_P(InstrumentsApiTest, BalanceAndLifeEvents_RoundTrip) {
  ASSERT_EQ(post("balance", {{"document", {{"blocks", {{{"kind", "load"}, {"label", "Schulden"}, {"size", 8}}}}, {"unnamed_size", 2}}}})->status, 201);
  EXPECT_EQ(get("balance")["items"][0]["document"]["blocks"][0]["size"], 8);
  ASSERT_EQ(post("life_events", {{"document", {{"events", {{{"date", "2008"}, {"text", "Gestopt met school"}, {"tone", "down"}}}}}}})->status, 201);
  EXPECT_EQ(get("life_events")["items"][0]["document"]["events"][0]["text"], "Gestopt met school");
}

TEST_P(InstrumentsApiTest, Checklists_RoundTripAndRefuseForeignItems) {
  json doc = {{"items", {{"wounds", {{"marked", true}, {"note", "Voelt zich vaak weggezet"}}}}}};
  ASSERT_EQ(post("outside_inside", {{"taken_on", "2026-03-01"}, {"document", doc}})->status, 201);
  EXPECT_EQ(get("outside_inside")["items"][0]["document"]["items"]["wounds"]["note"], "Voelt zich vaak weggezet");
  EXPECT_EQ(post("problem_strength", {{"document", doc}})->status, 422);
  EXPECT_EQ(get("problem_strength")["items"].size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Engines, InstrumentsApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
