// Referral, selection, the spiral and crises through the API, on both engines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class SpiralApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    colleague_ = add_user(db_->store(), "coach.c", Role::kCoach, "Team Noord");
    stranger_ = add_user(db_->store(), "coach.z", Role::kCoach, "Team Zuid");
    server_ = std::make_unique<TestServer>(db_->store());
  }
  httplib::Result send(const char* method, const TestUser& u, const std::string& path, const json& body = nullptr) {
    auto c = server_->client();
    std::string b = body.is_null() ? "" : body.dump();
    if (std::string(method) == "GET") return c.Get(path.c_str(), bearer(u.token));
    if (std::string(method) == "PUT") return c.Put(path.c_str(), bearer(u.token), b, "application/json");
    if (std::string(method) == "PATCH") return c.Patch(path.c_str(), bearer(u.token), b, "application/json");
    return c.Post(path.c_str(), bearer(u.token), b, "application/json");
  }
  json ok(httplib::Result r, int status = 200) {
    EXPECT_EQ(r->status, status) << r->body;
    return json::parse(r->body);
  }
  json referral_body() {
    return {{"first_name", "Ann"},        {"last_name", "Peeters"},         {"birth_date", "1985-04-02"},
            {"referrer_kind", "ocmw"},    {"referrer_organisation", "OCMW Antwerpen"},
            {"referrer_person", "Els"},   {"referred_on", "2026-01-10"},    {"reason", "Zoekt werk, veel schulden"},
            {"warm_handover", true},      {"warm_handover_on", "2026-01-17"}};
  }
  // Refers, picks up and includes a jobseeker; returns the dossier id.
  int64_t included() {
    json r = ok(send("POST", coach_, "/api/v1/referrals", referral_body()), 201);
    ok(send("POST", coach_, "/api/v1/referrals/" + std::to_string(r["id"].get<int64_t>()) + "/pick-up"));
    int64_t id = r["jobseeker_id"];
    std::string base = "/api/v1/jobseekers/" + std::to_string(id);
    json conditions = {{"poverty", {{"met", true}, {"motivation", "Leefloon, schulden"}}},
                       {"work_focus", {{"met", true}, {"motivation", "Wil kok worden"}}},
                       {"commitment", {{"met", true}, {"motivation", "Komt naar elke afspraak"}}}};
    ok(send("PUT", coach_, base + "/screening",
            {{"indicators", {"single", "debts", "primary_only", "moves_often"}}, {"conditions", conditions}}));
    ok(send("POST", coach_, base + "/screening/outcome",
            {{"version", 1}, {"outcome", "included"}, {"reason", "Past in het project"}, {"decided_on", "2026-02-01"}}));
    return id;
  }
  json move(int64_t id, int64_t version, const std::string& to, const std::string& on, json extra = json::object()) {
    json body = {{"version", version}, {"to_state", to}, {"moved_on", on}, {"reason", "Samen beslist"}};
    body.update(extra);
    return json::parse(send("POST", coach_, "/api/v1/jobseekers/" + std::to_string(id) + "/trajectory/moves", body)->body);
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, colleague_, stranger_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(SpiralApiTest, Knipperlichten_EvaluatesWithoutStoring) {
  json r = ok(send("POST", coach_, "/api/v1/screenings/knipperlichten", {{"indicators", {"single", "moves_often", "health_complaints"}}}));
  EXPECT_TRUE(r["probably_in_poverty"]);
  EXPECT_EQ(r["counted_rubrics"], json({"income", "housing", "health"}));
  EXPECT_NE(r["note"].get<std::string>().find("label"), std::string::npos);
  json two = ok(send("POST", coach_, "/api/v1/screenings/knipperlichten", {{"indicators", {"single", "debts", "primary_only"}}}));
  EXPECT_FALSE(two["probably_in_poverty"]);
  auto bad = send("POST", coach_, "/api/v1/screenings/knipperlichten", {{"indicators", {"yacht"}}});
  EXPECT_EQ(bad->status, 422);
  EXPECT_EQ(json::parse(bad->body)["fields"][0]["rule"], "unknown_indicator");
  auto c = db_->store().pool().acquire();
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM screenings").integer(0, 0), 0);
}

TEST_P(SpiralApiTest, Referral_WaitsInTheTeamListUntilPickedUp) {
  json r = ok(send("POST", coach_, "/api/v1/referrals", referral_body()), 201);
  EXPECT_EQ(r["status"], "waiting");
  EXPECT_TRUE(r["warm_handover"]);
  json list = ok(send("GET", colleague_, "/api/v1/referrals"));
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(ok(send("GET", stranger_, "/api/v1/referrals"))["items"].size(), 0u);
  std::string pick = "/api/v1/referrals/" + std::to_string(r["id"].get<int64_t>()) + "/pick-up";
  EXPECT_GE(send("POST", stranger_, pick)->status, 403);
  ok(send("POST", colleague_, pick));
  EXPECT_EQ(send("POST", coach_, pick)->status, 409);
  EXPECT_EQ(ok(send("GET", colleague_, "/api/v1/referrals"))["items"].size(), 0u);
  // The colleague who picked it up now reads the dossier; the registrar does not.
  std::string dossier = "/api/v1/jobseekers/" + std::to_string(r["jobseeker_id"].get<int64_t>());
  EXPECT_EQ(send("GET", colleague_, dossier)->status, 200);
  EXPECT_EQ(send("GET", coach_, dossier)->status, 404);
}

TEST_P(SpiralApiTest, Referral_BadInputIsRefusedWholly) {
  json body = referral_body();
  body["referrer_kind"] = "church";
  body["referred_on"] = "2099-01-01";
  body["warm_handover"] = "yes";
  body["birth_date"] = "";
  auto r = send("POST", coach_, "/api/v1/referrals", body);
  ASSERT_EQ(r->status, 422);
  EXPECT_GE(json::parse(r->body)["fields"].size(), 4u);
  auto c = db_->store().pool().acquire();
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM jobseekers").integer(0, 0), 0);
}

TEST_P(SpiralApiTest, Inclusion_NeedsAllThreeConditionsMotivated) {
  json r = ok(send("POST", coach_, "/api/v1/referrals", referral_body()), 201);
  ok(send("POST", coach_, "/api/v1/referrals/" + std::to_string(r["id"].get<int64_t>()) + "/pick-up"));
  std::string base = "/api/v1/jobseekers/" + std::to_string(r["jobseeker_id"].get<int64_t>());
  ok(send("PUT", coach_, base + "/screening", {{"conditions", {{"poverty", {{"met", true}, {"motivation", "x"}}}}}}));
  auto refused = send("POST", coach_, base + "/screening/outcome",
                      {{"version", 1}, {"outcome", "included"}, {"reason", "r"}, {"decided_on", "2026-02-01"}});
  ASSERT_EQ(refused->status, 422);
  std::string fields = json::parse(refused->body)["fields"].dump();
  EXPECT_NE(fields.find("conditions.work_focus"), std::string::npos);
  EXPECT_NE(fields.find("conditions.commitment"), std::string::npos);
  json not_now = ok(send("POST", coach_, base + "/screening/outcome",
                         {{"version", 1}, {"outcome", "not_now"}, {"reason", "Eerst huisvesting"}, {"decided_on", "2026-02-01"}}));
  EXPECT_EQ(not_now["outcome"], "not_now");
  EXPECT_EQ(ok(send("GET", coach_, base + "/trajectory"))["state"], "selection");
}

TEST_P(SpiralApiTest, MmppReferral_NeedsRecordedConsent) {
  json r = ok(send("POST", coach_, "/api/v1/referrals", referral_body()), 201);
  ok(send("POST", coach_, "/api/v1/referrals/" + std::to_string(r["id"].get<int64_t>()) + "/pick-up"));
  std::string base = "/api/v1/jobseekers/" + std::to_string(r["jobseeker_id"].get<int64_t>());
  auto refused = send("PUT", coach_, base + "/screening", {{"mmpp", {{"present", true}, {"service", "CGG Antwerpen"}}}});
  ASSERT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("consent_required"), std::string::npos);
  json saved = ok(send("PUT", coach_, base + "/screening",
                       {{"mmpp", {{"present", true}, {"service", "CGG Antwerpen"}, {"consent", true},
                                  {"consent_on", "2026-02-01"}, {"warm_handover", true}}}}));
  EXPECT_TRUE(saved["mmpp"]["warm_handover"]);
}

TEST_P(SpiralApiTest, UnknownIndicatorInAScreening_IsRefused) {
  json r = ok(send("POST", coach_, "/api/v1/referrals", referral_body()), 201);
  ok(send("POST", coach_, "/api/v1/referrals/" + std::to_string(r["id"].get<int64_t>()) + "/pick-up"));
  auto bad = send("PUT", coach_, "/api/v1/jobseekers/" + std::to_string(r["jobseeker_id"].get<int64_t>()) + "/screening",
                  {{"indicators", {"single", "has_a_boat"}}});
  EXPECT_EQ(bad->status, 422);
}

TEST_P(SpiralApiTest, Inclusion_MakesTheCoachAnchorAndStartsCycleOne) {
  int64_t id = included();
  json t = ok(send("GET", coach_, "/api/v1/jobseekers/" + std::to_string(id) + "/trajectory"));
  EXPECT_EQ(t["state"], "c1.1");
  EXPECT_EQ(t["started_on"], "2026-02-01");
  ASSERT_EQ(t["moves"].size(), 1u);
  EXPECT_EQ(t["moves"][0]["from_state"], "selection");
  json dossier = ok(send("GET", coach_, "/api/v1/jobseekers/" + std::to_string(id)));
  EXPECT_EQ(dossier["coaches"][0]["id"], coach_.user.id);
}

TEST_P(SpiralApiTest, FallingAndGettingUp_IsRecordedMoveByMove) {
  int64_t id = included();
  std::string base = "/api/v1/jobseekers/" + std::to_string(id);
  EXPECT_EQ(move(id, 1, "c1.2", "2026-03-01")["state"], "c1.2");
  EXPECT_EQ(move(id, 2, "c1.4", "2026-04-01")["state"], "c1.4");  // skip
  json crisis = ok(send("POST", coach_, base + "/crises", {{"cause", "Uithuiszetting"}, {"started_on", "2026-04-15"}}), 201);
  EXPECT_EQ(ok(send("GET", coach_, base + "/trajectory"))["focus"], "welfare");
  auto second = send("POST", coach_, base + "/crises", {{"cause", "Nog een"}, {"started_on", "2026-04-16"}});
  EXPECT_EQ(second->status, 422);
  EXPECT_EQ(move(id, 3, "c1.2", "2026-04-20")["state"], "c1.2");  // slide back
  ok(send("PATCH", coach_, base + "/crises/" + std::to_string(crisis["id"].get<int64_t>()),
          {{"version", 1}, {"ended_on", "2026-06-01"}}));
  EXPECT_EQ(move(id, 4, "c1.7", "2026-07-01")["state"], "c1.7");
  EXPECT_EQ(move(id, 5, "c3.1", "2026-08-01")["state"], "c3.1");  // cycle 1 straight to cycle 3
  json closed = move(id, 6, "closed", "2026-10-01", {{"outcome", "open_zee"}});
  EXPECT_EQ(closed["outcome"], "open_zee");
  json t = ok(send("GET", coach_, base + "/trajectory"));
  ASSERT_EQ(t["moves"].size(), 7u);
  EXPECT_EQ(t["moves"][3]["kind"], "slide_back");
  EXPECT_EQ(t["moves"][5]["kind"], "cycle1_to_cycle3");
  EXPECT_EQ(t["focus"], "work");
}

TEST_P(SpiralApiTest, IllegalMovesAreRefusedWithAClearMessage) {
  int64_t id = included();
  std::string base = "/api/v1/jobseekers/" + std::to_string(id) + "/trajectory/moves";
  auto to_cycle2_phase3 = send("POST", coach_, base,
                               {{"version", 1}, {"to_state", "c2.3"}, {"moved_on", "2026-03-01"}, {"reason", "x"}});
  ASSERT_EQ(to_cycle2_phase3->status, 422);
  EXPECT_EQ(json::parse(to_cycle2_phase3->body)["fields"][0]["rule"], "move_not_allowed");
  auto future = send("POST", coach_, base,
                     {{"version", 1}, {"to_state", "c1.2"}, {"moved_on", iso_from_days(*days_from_iso(today_utc()) + 5)}, {"reason", "x"}});
  EXPECT_EQ(future->status, 422);
  auto stale = send("POST", coach_, base, {{"version", 7}, {"to_state", "c1.2"}, {"moved_on", "2026-03-01"}, {"reason", "x"}});
  EXPECT_EQ(stale->status, 409);
}

TEST_P(SpiralApiTest, ClosedTrajectory_RefusesMovesUntilReopened) {
  int64_t id = included();
  move(id, 1, "closed", "2026-03-01", {{"outcome", "moved_away"}});
  auto refused = send("POST", coach_, "/api/v1/jobseekers/" + std::to_string(id) + "/trajectory/moves",
                      {{"version", 2}, {"to_state", "selection"}, {"moved_on", "2026-03-02"}, {"reason", "x"}});
  EXPECT_EQ(refused->status, 422);
  auto crisis = send("POST", coach_, "/api/v1/jobseekers/" + std::to_string(id) + "/crises",
                     {{"cause", "x"}, {"started_on", "2026-03-02"}});
  EXPECT_EQ(crisis->status, 422);
  EXPECT_EQ(move(id, 2, "c1.3", "2026-03-05")["state"], "c1.3");  // reopen
  json t = ok(send("GET", coach_, "/api/v1/jobseekers/" + std::to_string(id) + "/trajectory"));
  EXPECT_EQ(t["moves"].back()["kind"], "reopen");
}

TEST_P(SpiralApiTest, Caseload_ShowsComputedSignals) {
  int64_t id = included();
  ok(send("POST", coach_, "/api/v1/jobseekers/" + std::to_string(id) + "/crises", {{"cause", "Ziek kind"}, {"started_on", "2026-03-01"}}), 201);
  json list = ok(send("GET", coach_, "/api/v1/jobseekers"));
  ASSERT_EQ(list["items"].size(), 1u);
  std::string signals = list["items"][0]["signals"].dump();
  EXPECT_NE(signals.find("long_crisis"), std::string::npos);
  EXPECT_NE(signals.find("score_table_due"), std::string::npos);
  EXPECT_EQ(list["items"][0]["state"], "c1.1");
}

INSTANTIATE_TEST_SUITE_P(Engines, SpiralApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
