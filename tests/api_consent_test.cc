// The consent register, the partner's view through it, and break the glass,
// over the API on both engines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class ConsentApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    partner_ = add_user(db_->store(), "caw.els", Role::kPartner, "Team Noord");
    other_coordinator_ = add_user(db_->store(), "coord.zuid", Role::kCoordinator, "Team Zuid");
    server_ = std::make_unique<TestServer>(db_->store());
    auto r = call("POST", "/api/v1/jobseekers", coach_,
                  {{"first_name", "Ann"}, {"last_name", "P"}, {"birth_date", "1985-01-01"},
                   {"life_history", "Opgegroeid in Gent"}, {"trajectory_so_far", "Twee keer gestopt"}});
    id_ = "/api/v1/jobseekers/" + std::to_string(json::parse(r->body)["id"].get<int64_t>());
  }
  httplib::Result call(const std::string& method, const std::string& path, const TestUser& who, const json& body = nullptr) {
    auto client = server_->client();
    if (method == "GET") return client.Get(path.c_str(), bearer(who.token));
    if (method == "PATCH") return client.Patch(path.c_str(), bearer(who.token), body.dump(), "application/json");
    return client.Post(path.c_str(), bearer(who.token), body.is_null() ? "{}" : body.dump(), "application/json");
  }
  std::vector<std::string> audit_actions() {
    std::vector<std::string> out;
    json log = json::parse(call("GET", id_ + "/audit", coach_)->body);
    for (const auto& r : log["items"]) out.push_back(r["action"]);
    return out;
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, partner_, other_coordinator_;
  std::unique_ptr<TestServer> server_;
  std::string id_;
};

TEST_P(ConsentApiTest, APartnerReadsOnlyTheConsentedSectionsAndNothingAfterWithdrawal) {
  EXPECT_EQ(call("GET", id_ + "/shared", partner_)->status, 404);  // no consent, no dossier
  auto k = call("POST", id_ + "/consents", coach_,
                {{"recipient_id", partner_.user.id}, {"purpose", "Schuldhulp samen aanpakken"}, {"scope", {"life_history"}}});
  ASSERT_EQ(k->status, 201) << k->body;
  auto shared = call("GET", id_ + "/shared", partner_);
  ASSERT_EQ(shared->status, 200);
  json s = json::parse(shared->body);
  EXPECT_EQ(s["sections"]["life_history"]["life_history"], "Opgegroeid in Gent");
  EXPECT_FALSE(s["sections"].contains("trajectory_so_far"));
  EXPECT_EQ(shared->body.find("Twee keer gestopt"), std::string::npos);
  EXPECT_EQ(s["purposes"][0], "Schuldhulp samen aanpakken");
  // The consent opens the shared view only, not the dossier or its journal.
  EXPECT_EQ(call("GET", id_, partner_)->status, 404);
  EXPECT_EQ(call("GET", id_ + "/contacts", partner_)->status, 404);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/shared", partner_)->body)["items"].size(), 1u);

  int64_t consent = json::parse(k->body)["id"];
  EXPECT_EQ(call("POST", id_ + "/consents/" + std::to_string(consent) + "/withdraw", partner_)->status, 404);
  auto w = call("POST", id_ + "/consents/" + std::to_string(consent) + "/withdraw", coach_);
  ASSERT_EQ(w->status, 200);
  EXPECT_FALSE(json::parse(w->body)["withdrawn_on"].is_null());
  EXPECT_EQ(call("POST", id_ + "/consents/" + std::to_string(consent) + "/withdraw", coach_)->status, 409);
  EXPECT_EQ(call("GET", id_ + "/shared", partner_)->status, 404);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/shared", partner_)->body)["items"].size(), 0u);

  auto actions = audit_actions();
  for (const char* a : {"consent.give", "shared.read", "consent.withdraw"})
    EXPECT_NE(std::find(actions.begin(), actions.end(), a), actions.end()) << a;
}

TEST_P(ConsentApiTest, AConsentNeedsAPartnerAPurposeAKnownScopeAndNoFutureDate) {
  auto r = call("POST", id_ + "/consents", coach_,
                {{"recipient_id", other_coordinator_.user.id}, {"purpose", ""}, {"scope", {"horoscope"}}, {"given_on", "2099-01-01"}});
  ASSERT_EQ(r->status, 422);
  std::string body = r->body;
  for (const char* field : {"purpose", "scope", "given_on"}) EXPECT_NE(body.find(std::string("\"") + field + "\""), std::string::npos) << field;
  r = call("POST", id_ + "/consents", coach_, {{"recipient_id", other_coordinator_.user.id}, {"purpose", "x"}, {"scope", {"welfare"}}});
  ASSERT_EQ(r->status, 422);
  EXPECT_EQ(json::parse(r->body)["fields"][0]["field"], "recipient_id");
  EXPECT_EQ(json::parse(call("GET", id_ + "/consents", coach_)->body)["items"].size(), 0u);
}

TEST_P(ConsentApiTest, BreakTheGlass_NeedsAReasonOpensReadingAndIsFlaggedInTheAudit) {
  EXPECT_EQ(call("GET", id_, other_coordinator_)->status, 404);
  EXPECT_EQ(call("POST", id_ + "/break-glass", coach_, {{"reason", "Dringend: uithuiszetting morgen"}})->status, 403);
  EXPECT_EQ(call("POST", id_ + "/break-glass", other_coordinator_, {{"reason", "kort"}})->status, 422);
  EXPECT_EQ(call("GET", id_, other_coordinator_)->status, 404);
  auto r = call("POST", id_ + "/break-glass", other_coordinator_, {{"reason", "Dringend: uithuiszetting morgen"}});
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(call("GET", id_, other_coordinator_)->status, 200);
  auto write = call("PATCH", id_, other_coordinator_, {{"version", 1}, {"life_history", "Overschreven"}});
  EXPECT_EQ(write->status, 403);  // reading only
  EXPECT_EQ(json::parse(call("GET", id_, coach_)->body)["life_history"], "Opgegroeid in Gent");
  auto log = json::parse(call("GET", id_ + "/audit", coach_)->body)["items"];
  bool flagged = false;
  for (const auto& e : log)
    flagged |= e["action"] == "access.break_glass" && e["detail"] == "Dringend: uithuiszetting morgen";
  EXPECT_TRUE(flagged);
}

INSTANTIATE_TEST_SUITE_P(Engines, ConsentApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
