// The team coordinator's dashboard (teamoverzicht) over the API and the page,
// on both engines: the figures of a small known team, another team's data
// never included, and every other role refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

std::string days_ago(long n) { return iso_from_days(*days_from_iso(today_utc()) - n); }

class DashboardApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    colleague_ = add_user(db_->store(), "coach.c", Role::kCoach, "Team Noord");
    coordinator_ = add_user(db_->store(), "coord.n", Role::kCoordinator, "Team Noord");
    stranger_ = add_user(db_->store(), "coach.z", Role::kCoach, "Team Zuid");
    other_coordinator_ = add_user(db_->store(), "coord.z", Role::kCoordinator, "Team Zuid");
    server_ = std::make_unique<TestServer>(db_->store());
  }
  httplib::Result send(const TestUser& u, const char* method, const std::string& path, const json& body = nullptr) {
    return api_call(*server_, u.token, method, path, body);
  }
  json ok(httplib::Result r, int status = 200) {
    EXPECT_EQ(r->status, status) << r->body;
    return json::parse(r->body);
  }
  int64_t dossier(const TestUser& u, const std::string& first) {
    return ok(send(u, "POST", "/api/v1/jobseekers",
                   {{"first_name", first}, {"last_name", "Test"}, {"birth_date", "1985-01-01"}}),
              201)["id"];
  }
  json referral(const TestUser& u, const std::string& first, const std::string& referred_on) {
    return ok(send(u, "POST", "/api/v1/referrals",
                   {{"first_name", first}, {"last_name", "Test"}, {"birth_date", "1985-04-02"},
                    {"referrer_kind", "ocmw"}, {"referrer_organisation", "OCMW Antwerpen"}, {"referrer_person", "Els"},
                    {"referred_on", referred_on}, {"reason", "Zoekt werk"}, {"warm_handover", false}}),
              201);
  }
  // Refers, picks up and includes a jobseeker with `u` as anchor (cycle 1,
  // phase 1, from `on`); returns the dossier id.
  int64_t included(const TestUser& u, const std::string& first, const std::string& on) {
    json r = referral(u, first, on);
    ok(send(u, "POST", "/api/v1/referrals/" + std::to_string(r["id"].get<int64_t>()) + "/pick-up", json::object()));
    int64_t id = r["jobseeker_id"];
    std::string base = "/api/v1/jobseekers/" + std::to_string(id);
    json conditions = {{"poverty", {{"met", true}, {"motivation", "Leefloon"}}},
                       {"work_focus", {{"met", true}, {"motivation", "Wil kok worden"}}},
                       {"commitment", {{"met", true}, {"motivation", "Komt"}}}};
    ok(send(u, "PUT", base + "/screening",
            {{"indicators", {"single", "debts", "primary_only", "moves_often"}}, {"conditions", conditions}}));
    ok(send(u, "POST", base + "/screening/outcome",
            {{"version", 1}, {"outcome", "included"}, {"reason", "Past"}, {"decided_on", on}}));
    return id;
  }
  // Team Noord: Ann and Bob opened today by their coaches (no signals), a
  // referral waiting 20 days (no anchor yet), and Cas in cycle 1 with a
  // crisis open for 40 days (signals: score table due, long crisis). Team
  // Zuid: a dossier in crisis and a referral waiting 100 days.
  void known_team() {
    ann_ = dossier(coach_, "Ann");
    dossier(colleague_, "Bob");
    referral(coach_, "Dirk", days_ago(20));
    cas_ = included(coach_, "Cas", days_ago(60));
    ok(send(coach_, "POST", "/api/v1/jobseekers/" + std::to_string(cas_) + "/crises",
            {{"cause", "Uithuiszetting"}, {"started_on", days_ago(40)}}),
       201);
    zed_ = included(stranger_, "Zed", days_ago(90));
    ok(send(stranger_, "POST", "/api/v1/jobseekers/" + std::to_string(zed_) + "/crises",
            {{"cause", "Ziekte"}, {"started_on", days_ago(50)}}),
       201);
    referral(stranger_, "Zoe", days_ago(100));
  }
  static json row(const json& list, const char* key, const json& value) {
    for (const auto& e : list)
      if (e[key] == value) return e;
    return nullptr;
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, colleague_, coordinator_, stranger_, other_coordinator_;
  int64_t ann_ = 0, cas_ = 0, zed_ = 0;
  std::unique_ptr<TestServer> server_;
};

TEST_P(DashboardApiTest, Figures_MatchTheKnownTeam) {
  known_team();
  json v = ok(send(coordinator_, "GET", "/api/v1/dashboard"));
  EXPECT_EQ(v["team"], "Team Noord");
  EXPECT_EQ(v["active"], 4);
  EXPECT_EQ(v["with_signals"], 1);
  EXPECT_EQ(row(v["caseload"], "coach_id", coach_.user.id),
            (json{{"coach_id", coach_.user.id}, {"coach", coach_.user.display_name}, {"active", 2}, {"with_signals", 1}}));
  EXPECT_EQ(row(v["caseload"], "coach_id", colleague_.user.id)["active"], 1);
  EXPECT_EQ(row(v["caseload"], "coach_id", colleague_.user.id)["with_signals"], 0);
  EXPECT_EQ(row(v["caseload"], "coach_id", 0)["active"], 1);  // the referral not yet picked up
  EXPECT_EQ(row(v["phases"], "state", "selection")["dossiers"], 3);
  EXPECT_EQ(row(v["phases"], "state", "c1.1")["dossiers"], 1);
  EXPECT_EQ(v["crises"]["open"], 1);
  ASSERT_EQ(v["crises"]["dossiers"].size(), 1u);
  EXPECT_EQ(v["crises"]["dossiers"][0], (json{{"id", cas_}, {"name", "Cas Test"}, {"since", days_ago(40)}}));
  EXPECT_EQ(row(v["signals"], "code", "score_table_due")["dossiers"], 1);
  EXPECT_EQ(row(v["signals"], "code", "long_crisis")["dossiers"], 1);
  EXPECT_EQ(row(v["signals"], "code", "no_contact")["dossiers"], 0);
  EXPECT_EQ(v["referrals"], (json{{"waiting", 1}, {"oldest_waiting_days", 20}}));
}

TEST_P(DashboardApiTest, AnotherTeamsDataIsNeverIncluded) {
  known_team();
  json v = ok(send(other_coordinator_, "GET", "/api/v1/dashboard"));
  EXPECT_EQ(v["team"], "Team Zuid");
  EXPECT_EQ(v["active"], 2);  // Zed and the waiting Zoe
  ASSERT_EQ(v["crises"]["dossiers"].size(), 1u);
  EXPECT_EQ(v["crises"]["dossiers"][0]["id"], zed_);
  EXPECT_EQ(v["referrals"], (json{{"waiting", 1}, {"oldest_waiting_days", 100}}));
  EXPECT_TRUE(row(v["caseload"], "coach_id", coach_.user.id).is_null());
  EXPECT_TRUE(row(v["caseload"], "coach_id", colleague_.user.id).is_null());
  json noord = ok(send(coordinator_, "GET", "/api/v1/dashboard"));
  EXPECT_TRUE(row(noord["caseload"], "coach_id", stranger_.user.id).is_null());
  for (const auto& c : noord["crises"]["dossiers"]) EXPECT_NE(c["id"], zed_);
}

TEST_P(DashboardApiTest, OtherRolesAreRefused) {
  known_team();
  auto admin = add_user(db_->store(), "admin", Role::kAdmin, "");
  auto analyst = add_user(db_->store(), "analyst", Role::kAnalyst, "Team Noord");
  auto partner = add_user(db_->store(), "partner", Role::kPartner, "");
  auto toeleider = add_user(db_->store(), "toeleider", Role::kToeleider, "");
  for (const TestUser* u : {&coach_, &colleague_, &admin, &analyst, &partner, &toeleider})
    EXPECT_EQ(send(*u, "GET", "/api/v1/dashboard")->status, 403) << u->user.username;
  EXPECT_EQ(server_->client().Get("/api/v1/dashboard")->status, 401);
}

TEST_P(DashboardApiTest, ACoordinatorWithoutTeamIsRefused) {
  auto lone = add_user(db_->store(), "coord.x", Role::kCoordinator, "");
  EXPECT_EQ(send(lone, "GET", "/api/v1/dashboard")->status, 403);
}

TEST_P(DashboardApiTest, TheReadIsAudited) {
  ok(send(coordinator_, "GET", "/api/v1/dashboard"));
  auto c = db_->store().pool().acquire();
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM audit_log WHERE action = 'dashboard.read' AND user_id = ?",
                     {coordinator_.user.id})
                .integer(0, 0),
            1);
}

TEST_P(DashboardApiTest, ThePageShowsTheFiguresTheChartDataAndTheCrisisLink) {
  known_team();
  auto r = server_->client().Get("/dashboard", bearer(coordinator_.token));
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("Teamoverzicht"), std::string::npos);
  EXPECT_NE(r->body.find("id=\"phases-chart\""), std::string::npos);
  EXPECT_NE(r->body.find("<script type=\"application/json\" id=\"dashboard-data\">"), std::string::npos);
  EXPECT_NE(r->body.find("href=\"/jobseekers/" + std::to_string(cas_) + "\""), std::string::npos);
  EXPECT_EQ(r->body.find("href=\"/jobseekers/" + std::to_string(zed_) + "\""), std::string::npos);
  EXPECT_NE(r->body.find("Zonder ankerfiguur"), std::string::npos);
  EXPECT_EQ(server_->client().Get("/dashboard", bearer(coach_.token))->status, 403);
}

INSTANTIATE_TEST_SUITE_P(Engines, DashboardApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
