// The W² score table through the API, on both engines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/embedded.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class ScoresApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    other_ = add_user(db_->store(), "coach.z", Role::kCoach, "Team Zuid");
    server_ = std::make_unique<TestServer>(db_->store());
    auto r = server_->client().Post("/api/v1/jobseekers", bearer(coach_.token),
                                    json{{"first_name", "Ann"}, {"last_name", "P"}, {"birth_date", "1985-01-01"}}.dump(),
                                    "application/json");
    base_ = "/api/v1/jobseekers/" + std::to_string(json::parse(r->body)["id"].get<int64_t>());
  }
  httplib::Result send(const char* method, const TestUser& u, const std::string& path, const json& body = nullptr) {
    auto c = server_->client();
    if (std::string(method) == "GET") return c.Get(path.c_str(), bearer(u.token));
    if (std::string(method) == "PUT") return c.Put(path.c_str(), bearer(u.token), body.dump(), "application/json");
    return c.Post(path.c_str(), bearer(u.token), body.dump(), "application/json");
  }
  // The handbook's worked example, as scored by `scorer` on `date`.
  json example(const std::string& scorer, const std::string& date) {
    json doc = json::parse(*embedded_file("data/score_items.json"));
    json scores = json::object();
    for (const auto& [code, v] : doc["example"]["scores"].items())
      scores[code] = {{"start", v[0]}, {"now", v[1]}, {"future", v[2]}};
    return {{"taken_on", date}, {"scorer", scorer}, {"scores", scores}};
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, other_;
  std::unique_ptr<TestServer> server_;
  std::string base_;
};

TEST_P(ScoresApiTest, SnapshotsAreKeptAndTheSignalFollowsTheLatest) {
  EXPECT_EQ(json::parse(send("GET", coach_, base_ + "/score-items")->body)["items"].size(), 21u);
  ASSERT_EQ(send("POST", coach_, base_ + "/score-tables", example("jobseeker", "2026-01-10"))->status, 201);
  ASSERT_EQ(send("POST", coach_, base_ + "/score-tables", example("coach", "2026-01-11"))->status, 201);
  json all = json::parse(send("GET", coach_, base_ + "/score-tables")->body);
  ASSERT_EQ(all["items"].size(), 2u);
  EXPECT_EQ(all["items"][0]["scores"]["income"]["now"], 3);
  EXPECT_EQ(all["items"][1]["scorer"], "coach");
  EXPECT_GE(send("GET", other_, base_ + "/score-tables")->status, 403);
  // The page draws it, with the reading and the perception gap.
  auto page = server_->client().Get((base_.substr(7) + "/scores").c_str(), bearer(coach_.token));
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("vooruitgang"), std::string::npos);
  EXPECT_NE(page->body.find("Verschil in beleving"), std::string::npos);
}

TEST_P(ScoresApiTest, BadSnapshots_AreRefused) {
  json out_of_range = example("coach", "2026-01-10");
  out_of_range["scores"]["income"]["now"] = 12;
  EXPECT_EQ(send("POST", coach_, base_ + "/score-tables", out_of_range)->status, 422);
  json mixed = example("coach", "2026-01-10");
  mixed["scores"]["own_music"] = {{"now", 4}};
  auto r = send("POST", coach_, base_ + "/score-tables", mixed);
  EXPECT_EQ(r->status, 422);
  EXPECT_NE(r->body.find("not_in_item_set"), std::string::npos);
  EXPECT_EQ(json::parse(send("GET", coach_, base_ + "/score-tables")->body)["items"].size(), 0u);
}

TEST_P(ScoresApiTest, CustomItemSet_IsWhatTheNextSnapshotMustScore) {
  json set = {{"version", 0},
              {"items", {{{"code", "income"}, {"label", "Geld"}}, {{"code", "own_music"}, {"side", "inside"}, {"label", "Muziek"}}}}};
  auto saved = send("PUT", coach_, base_ + "/score-items", set);
  ASSERT_EQ(saved->status, 200) << saved->body;
  EXPECT_EQ(send("PUT", coach_, base_ + "/score-items", set)->status, 409);  // stale version
  json body = {{"taken_on", "2026-02-01"}, {"scorer", "jobseeker"},
               {"scores", {{"income", {{"now", 4}}}, {"own_music", {{"now", 8}}}}}};
  EXPECT_EQ(send("POST", coach_, base_ + "/score-tables", body)->status, 201);
  EXPECT_EQ(send("POST", coach_, base_ + "/score-tables", example("coach", "2026-02-02"))->status, 422);
}

TEST_P(ScoresApiTest, TablesShareTheStoredItemSet_AndKeepTheirOwnAfterItChanges) {
  ASSERT_EQ(send("POST", coach_, base_ + "/score-tables", example("jobseeker", "2026-01-10"))->status, 201);
  ASSERT_EQ(send("POST", coach_, base_ + "/score-tables", example("coach", "2026-01-11"))->status, 201);
  auto snapshots = [&] {
    return db_->store().pool().acquire()->query("SELECT COUNT(*) FROM score_item_snapshots").integer(0, 0);
  };
  EXPECT_EQ(snapshots(), 1);  // one stored set for both tables
  json set = {{"version", 0}, {"items", {{{"code", "income"}, {"label", "Geld"}}}}};
  ASSERT_EQ(send("PUT", coach_, base_ + "/score-items", set)->status, 200);
  json body = {{"taken_on", "2026-02-01"}, {"scorer", "jobseeker"}, {"scores", {{"income", {{"now", 4}}}}}};
  ASSERT_EQ(send("POST", coach_, base_ + "/score-tables", body)->status, 201);
  EXPECT_EQ(snapshots(), 2);
  json all = json::parse(send("GET", coach_, base_ + "/score-tables")->body)["items"];
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0]["items"].size(), 21u);
  EXPECT_EQ(all[1]["items"].size(), 21u);
  ASSERT_EQ(all[2]["items"].size(), 1u);
  EXPECT_EQ(all[2]["items"][0]["label"], "Geld");
}

INSTANTIATE_TEST_SUITE_P(Engines, ScoresApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
