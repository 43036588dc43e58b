// The W²-overleg workflow through the API on both engines: the consent gate,
// invitees in their roles, the report per theme, and a partner who reads the
// report only through a consent in force.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class OverlegApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    partner_ = add_user(db_->store(), "caw.els", Role::kPartner, "CAW");
    server_ = std::make_unique<TestServer>(db_->store());
    auto r = call(coach_, "POST", "/api/v1/jobseekers", {{"first_name", "Ann"}, {"last_name", "P"}, {"birth_date", "1985-01-01"}});
    base_ = "/api/v1/jobseekers/" + std::to_string(json::parse(r->body)["id"].get<int64_t>());
  }
  httplib::Result call(const TestUser& who, const std::string& method, const std::string& path, const json& body = json::object()) {
    auto client = server_->client();
    if (method == "GET") return client.Get(path.c_str(), bearer(who.token));
    return client.Post(path.c_str(), bearer(who.token), body.dump(), "application/json");
  }
  std::set<std::string> rules(const httplib::Result& r) {
    std::set<std::string> out;
    for (const auto& f : json::parse(r->body).value("fields", json::array())) out.insert(f["rule"].get<std::string>());
    return out;
  }
  json people() {
    return json::array({{{"name", "Ann"}, {"role", "jobseeker"}}, {{"name", "Els (CAW)"}, {"role", "support"}},
                        {{"name", "Tom (OCMW)"}, {"role", "support"}}, {{"name", "Zus Fatima"}, {"role", "pivot"}}});
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, partner_;
  std::unique_ptr<TestServer> server_;
  std::string base_;
};

TEST_P(OverlegApiTest, NoPlanningWithoutConsent_ThenAReportPerTheme) {
  auto r = call(coach_, "POST", base_ + "/overlegs", {{"requested_by", "An (VDAB)"}, {"reason", "Schulden en een job in zicht"}, {"aim", "Afspraken wie wat doet"}});
  ASSERT_EQ(r->status, 201) << r->body;
  std::string o = base_ + "/overlegs/" + std::to_string(json::parse(r->body)["id"].get<int64_t>());
  const std::string later = add_months(today_utc(), 1);
  auto refused = call(coach_, "POST", o + "/plan", {{"version", 1}, {"planned_on", later}, {"participants", people()}});
  ASSERT_EQ(refused->status, 422);
  EXPECT_TRUE(rules(refused).count("consent_required"));
  ASSERT_EQ(call(coach_, "POST", o + "/consent", {{"version", 1}})->status, 200);
  auto lonely = call(coach_, "POST", o + "/plan", {{"version", 2}, {"planned_on", later},
                                                    {"participants", {{{"name", "Ann"}, {"role", "jobseeker"}}}}});
  EXPECT_TRUE(rules(lonely).count("overleg_needs_services"));
  ASSERT_EQ(call(coach_, "POST", o + "/plan", {{"version", 2}, {"planned_on", later}, {"participants", people()}})->status, 200);
  EXPECT_EQ(call(coach_, "POST", o + "/plan", {{"version", 2}, {"planned_on", later}, {"participants", people()}})->status, 409);
  json report = {{"version", 3},
                 {"attendance", {"present", "present", "excused", "present"}},
                 {"participation", "part"},
                 {"participation_reason", "Wilde niet bij het stuk over de schulden zijn"},
                 {"themes", {{{"theme", "finances"}, {"information", "Drie schuldeisers"},
                              {"agreements", {{{"text", "Budgetbeheer aanvragen"}, {"owner", "Tom (OCMW)"}, {"due_on", later}}}}},
                             {{"theme", "horoscope"}, {"information", "x"}}}},
                 {"followup_on", later}};
  auto bad = call(coach_, "POST", o + "/report", report);
  ASSERT_EQ(bad->status, 422);
  EXPECT_EQ(json::parse(bad->body)["fields"][0]["field"], "themes.1.theme");
  report["themes"].erase(1);
  auto held = call(coach_, "POST", o + "/report", report);
  ASSERT_EQ(held->status, 200) << held->body;
  json h = json::parse(held->body);
  EXPECT_EQ(h["status"], "held");
  EXPECT_EQ(h["participants"][2]["attendance"], "excused");
  EXPECT_TRUE(h["professional_secrecy"]);
}

TEST_P(OverlegApiTest, APartnerReadsTheReportOnlyThroughAConsentInForce) {
  auto r = call(coach_, "POST", base_ + "/overlegs", {{"requested_by", "An"}, {"reason", "Schulden"}, {"aim", "Afstemmen"}});
  std::string o = base_ + "/overlegs/" + std::to_string(json::parse(r->body)["id"].get<int64_t>());
  const std::string later = add_months(today_utc(), 1);
  call(coach_, "POST", o + "/consent", {{"version", 1}});
  call(coach_, "POST", o + "/plan", {{"version", 2}, {"planned_on", later}, {"participants", people()}});
  ASSERT_EQ(call(coach_, "POST", o + "/report", {{"version", 3}, {"attendance", {"present", "present", "present", "present"}},
                                                  {"participation", "whole"}, {"followup_on", later},
                                                  {"themes", {{{"theme", "housing"}, {"information", "GEDEELD-VERSLAG"}}}}})->status, 200);
  EXPECT_EQ(call(partner_, "GET", base_ + "/shared")->status, 404);
  ASSERT_EQ(call(coach_, "POST", base_ + "/consents", {{"recipient_id", partner_.user.id}, {"purpose", "W²-overleg"}, {"scope", {"overleg_reports"}}})->status, 201);
  auto shared = call(partner_, "GET", base_ + "/shared");
  ASSERT_EQ(shared->status, 200);
  EXPECT_NE(shared->body.find("GEDEELD-VERSLAG"), std::string::npos);
  EXPECT_TRUE(json::parse(shared->body)["sections"].empty());  // the report, not the dossier
  EXPECT_EQ(call(partner_, "GET", base_ + "/overlegs")->status, 404);
  // Withdrawing the overleg consent removes the report at once.
  ASSERT_EQ(call(coach_, "POST", o + "/withdraw", {{"version", 4}})->status, 200);
  EXPECT_EQ(call(partner_, "GET", base_ + "/shared")->body.find("GEDEELD-VERSLAG"), std::string::npos);
}

TEST_P(OverlegApiTest, APartnerSeesAndUpdatesOnlyTheActionsItsServiceOwns) {
  int64_t caw = db_->store().pool().acquire()->query("INSERT INTO organisations (name, name_key, address, phone, email, website, opening_hours, "
                         "target_group, themes, version, created_at, updated_at) VALUES ('CAW', 'caw', '', '', '', '', "
                         "'', '', '[]', 1, '', '') RETURNING id")
                    .integer(0, 0);
  db_->store().pool().acquire()->query("UPDATE users SET organisation_id = ? WHERE id = ?", {caw, partner_.user.id});
  auto g = call(coach_, "POST", base_ + "/goals", {{"text", "Schulden op een rij"}, {"track", "welfare"}, {"domain", "financial"}, {"horizon", "short"}});
  std::string actions = base_ + "/goals/" + std::to_string(json::parse(g->body)["id"].get<int64_t>()) + "/actions";
  int64_t theirs = json::parse(call(coach_, "POST", actions, {{"text", "Budgetbeheer opstarten"}, {"owner", "partner"}, {"organisation_id", caw}, {"due_on", "2026-12-20"}})->body)["id"];
  int64_t coach_own = json::parse(call(coach_, "POST", actions, {{"text", "Brieven sorteren"}, {"owner", "coach"}, {"due_on", "2026-12-20"}})->body)["id"];
  auto put = [&](int64_t action, const json& body) {
    return server_->client().Put((base_ + "/shared/actions/" + std::to_string(action)).c_str(), bearer(partner_.token),
                                 body.dump(), "application/json");
  };
  EXPECT_EQ(put(theirs, {{"version", 1}, {"status", "doing"}})->status, 404);  // no consent yet
  auto k = call(coach_, "POST", base_ + "/consents", {{"recipient_id", partner_.user.id}, {"purpose", "Budgetbeheer"}, {"scope", {"own_actions"}}});
  ASSERT_EQ(k->status, 201);
  json shared = json::parse(call(partner_, "GET", base_ + "/shared")->body);
  ASSERT_EQ(shared["own_actions"].size(), 1u);
  EXPECT_EQ(shared["own_actions"][0]["text"], "Budgetbeheer opstarten");
  EXPECT_EQ(put(theirs, {{"version", 1}, {"status", "doing"}})->status, 200);
  EXPECT_EQ(put(theirs, {{"version", 1}, {"status", "done"}})->status, 409);
  EXPECT_EQ(put(theirs, {{"version", 2}, {"text", "Iets anders"}})->status, 422);  // only the status
  EXPECT_EQ(put(coach_own, {{"version", 1}, {"status", "done"}})->status, 404);
  call(coach_, "POST", base_ + "/consents/" + std::to_string(json::parse(k->body)["id"].get<int64_t>()) + "/withdraw");
  EXPECT_EQ(put(theirs, {{"version", 2}, {"status", "done"}})->status, 404);
  EXPECT_EQ(json::parse(call(coach_, "GET", base_ + "/goals")->body)["items"][0]["actions"][0]["status"], "doing");
}

INSTANTIATE_TEST_SUITE_P(Engines, OverlegApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
