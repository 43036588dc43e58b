// Outreach through the API, on both engines: a toeleider's register with a
// pseudonym, contacts, phase moves and the segment; the warm handover that
// needs consent and opens a waiting referral; the coach who sees the
// outreach history only after the person's consent; erasure; the network
// view; who may do what; versions and the audit of every step.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "report/subject_export.h"
#include "store/subject_data.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

std::string days_ago(long n) { return iso_from_days(*days_from_iso(today_utc()) - n); }

class OutreachApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    toeleider_ = add_user(db_->store(), "toeleider.a", Role::kToeleider, "");
    colleague_ = add_user(db_->store(), "toeleider.b", Role::kToeleider, "");
    stranger_ = add_user(db_->store(), "toeleider.c", Role::kToeleider, "");
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    other_coach_ = add_user(db_->store(), "coach.b", Role::kCoach, "Team Zuid");
    coordinator_ = add_user(db_->store(), "coord.a", Role::kCoordinator, "Team Noord");
    auto c = db_->store().pool().acquire();
    int64_t org = c->query("INSERT INTO organisations (name, name_key, address, phone, email, website, opening_hours, "
                           "target_group, themes, version, created_at, updated_at) VALUES ('Buurtwerk De Wijk', "
                           "'buurtwerk de wijk', '', '', '', '', '', '', '', 1, ?, ?) RETURNING id",
                           {now_utc(), now_utc()})
                      .integer(0, 0);
    for (const auto* u : {&toeleider_, &colleague_})
      c->query("UPDATE users SET organisation_id = ? WHERE id = ?", {org, u->user.id});
    team_ = c->query("SELECT id FROM teams WHERE name = 'Team Noord'", {}).integer(0, 0);
    server_ = std::make_unique<TestServer>(db_->store());
  }

  json expect(int status, const TestUser& who, const std::string& method, const std::string& path,
              const json& body = nullptr) {
    auto r = api_call(*server_, who.token, method, path, body);
    EXPECT_EQ(r->status, status) << method << " " << path << ": " << r->body;
    return json::parse(r->body, nullptr, false);
  }
  std::set<std::string> refused(const TestUser& who, const std::string& path, const json& body) {
    json r = expect(422, who, "POST", path, body);
    std::set<std::string> out;
    for (const auto& f : r.value("fields", json::array()))
      out.insert(f["field"].get<std::string>() + ":" + f["rule"].get<std::string>());
    return out;
  }
  json registered(const std::string& name = "Zon") {
    return expect(201, toeleider_, "POST", "/api/v1/outreach",
                  {{"name", name}, {"pseudonym", true}, {"consent_on", days_ago(20)}, {"channel", "direct"},
                   {"find_place", "day_centre"}, {"region", "Gent"}, {"first_contact_on", days_ago(20)}});
  }
  std::string path(const json& person, const std::string& rest = "") {
    return "/api/v1/outreach/" + std::to_string(person["id"].get<int64_t>()) + rest;
  }
  json handover_body(int64_t version) {
    return {{"version", version},  {"consent", true},  {"consent_on", today_utc()}, {"team_id", team_},
            {"joint_date", today_utc()}, {"toeleider_attends", "first_meetings"},
            {"open_conditions", {"childcare", "housing"}}, {"reason", "Werk als kok"},
            {"first_name", "Samira"}, {"last_name", "El Amrani"}, {"birth_date", "1991-02-03"}};
  }
  int64_t count(const std::string& table) {
    return db_->store().pool().acquire()->query("SELECT COUNT(*) FROM " + table, {}).integer(0, 0);
  }
  std::vector<std::string> audit_actions(const std::string& like) {
    auto r = db_->store().pool().acquire()->query(
        "SELECT action FROM audit_log WHERE action LIKE ? ORDER BY seq", {like});
    std::vector<std::string> out;
    for (size_t i = 0; i < r.size(); ++i) out.push_back(r.text(i, 0));
    return out;
  }

  std::unique_ptr<TestDb> db_;
  TestUser toeleider_, colleague_, stranger_, coach_, other_coach_, coordinator_;
  int64_t team_ = 0;
  std::unique_ptr<TestServer> server_;
};

TEST_P(OutreachApiTest, Register_WithAPseudonym_VisibleToTheOrganisationOnly) {
  json p = registered();
  EXPECT_EQ(p["phase"], "reach");
  EXPECT_EQ(p["pseudonym"], true);
  EXPECT_EQ(p["handed_over"], false);
  EXPECT_EQ(expect(200, colleague_, "GET", "/api/v1/outreach")["items"].size(), 1u);
  EXPECT_EQ(expect(200, stranger_, "GET", "/api/v1/outreach")["items"].size(), 0u);
  expect(404, stranger_, "GET", path(p));
  expect(403, coach_, "GET", "/api/v1/outreach");
  expect(403, coordinator_, "POST", "/api/v1/outreach", {{"name", "X"}});
  json read = expect(200, colleague_, "GET", path(p));
  EXPECT_EQ(read["person"]["name"], "Zon");
  EXPECT_EQ(read["events"][0]["kind"], "registered");
}

TEST_P(OutreachApiTest, Register_RefusesIdentityAndALinkToADossier) {
  auto fields = refused(toeleider_, "/api/v1/outreach",
                        {{"name", "Zon"}, {"consent_on", today_utc()}, {"channel", "word_of_mouth"},
                         {"last_name", "X"}, {"jobseeker_id", 1}});
  EXPECT_EQ(fields, (std::set<std::string>{"last_name:unknown_field", "jobseeker_id:unknown_field"}));
  EXPECT_EQ(count("outreach_people"), 0);
}

TEST_P(OutreachApiTest, ContactsMovesAndSegment_AreLoggedWithVersions) {
  json p = registered();
  expect(201, toeleider_, "POST", path(p, "/contacts"),
         {{"contacted_on", days_ago(15)}, {"channel", "key_figure"}, {"note", "Via de buurtvader"}});
  json moved = expect(200, toeleider_, "POST", path(p, "/moves"),
                      {{"version", 1}, {"to_phase", "acquaint"}, {"moved_on", days_ago(15)}, {"reason", "Tweede babbel"}});
  EXPECT_EQ(moved["phase"], "acquaint");
  EXPECT_EQ(moved["version"], 2);
  expect(409, toeleider_, "POST", path(p, "/moves"),
         {{"version", 1}, {"to_phase", "context"}, {"moved_on", days_ago(10)}, {"reason", "Stale"}});
  EXPECT_EQ(refused(toeleider_, path(p, "/moves"),
                    {{"version", 2}, {"to_phase", "follow_up"}, {"moved_on", days_ago(10)}, {"reason", "Te vroeg"}}),
            std::set<std::string>{"to_phase:handover_first"});
  json segmented = expect(200, toeleider_, "POST", path(p, "/segment"),
                          {{"version", 2}, {"work_ready", true}, {"registered", false}, {"known_elsewhere", true}});
  EXPECT_EQ(segmented["segment"], 2);
  EXPECT_EQ(segmented["primary_target"], true);
  EXPECT_EQ(segmented["segment_on"], today_utc());
  EXPECT_EQ(refused(toeleider_, path(p, "/segment"), {{"version", 3}, {"work_ready", true}}),
            std::set<std::string>{"registered:required"});
  json events = expect(200, toeleider_, "GET", path(p))["events"];
  std::vector<std::string> kinds;
  for (const auto& e : events) kinds.push_back(e["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"registered", "contact", "phase", "segment"}));
  EXPECT_EQ(audit_actions("outreach.%").size(), 5u);  // create, contact, move, segment, and the read above
}

TEST_P(OutreachApiTest, Handover_WithoutConsent_OpensNothing) {
  json p = registered();
  int64_t dossiers = count("jobseekers");
  json body = handover_body(1);
  body["consent"] = false;
  EXPECT_EQ(refused(toeleider_, path(p, "/handover"), body), std::set<std::string>{"consent:handover_consent"});
  body = handover_body(1);
  body["team_id"] = 999999;
  EXPECT_EQ(refused(toeleider_, path(p, "/handover"), body), std::set<std::string>{"team_id:unknown_team"});
  EXPECT_EQ(count("jobseekers"), dossiers);
  EXPECT_EQ(count("handovers"), 0);
  EXPECT_EQ(expect(200, toeleider_, "GET", path(p))["person"]["handed_over"], false);
}

TEST_P(OutreachApiTest, Handover_OpensAWaitingReferral_HistoryOnlyAfterConsent) {
  json p = registered();
  expect(201, toeleider_, "POST", path(p, "/contacts"),
         {{"contacted_on", days_ago(15)}, {"channel", "face_to_face"}, {"note", "Wil koken"}});
  json handed = expect(201, toeleider_, "POST", path(p, "/handover"), handover_body(1));
  EXPECT_EQ(handed["phase"], "handover");
  EXPECT_EQ(handed["handed_over"], true);
  EXPECT_FALSE(handed.contains("jobseeker_id"));  // the toeleider gets no key to the dossier
  expect(409, toeleider_, "POST", path(p, "/handover"), handover_body(1));
  EXPECT_EQ(refused(toeleider_, path(p, "/handover"), handover_body(2)), std::set<std::string>{":already_handed_over"});

  json referrals = expect(200, coach_, "GET", "/api/v1/referrals")["items"];
  ASSERT_EQ(referrals.size(), 1u);
  EXPECT_EQ(referrals[0]["referrer_kind"], "toeleider");
  EXPECT_EQ(referrals[0]["referrer_organisation"], "Buurtwerk De Wijk");
  EXPECT_EQ(referrals[0]["warm_handover"], true);
  EXPECT_EQ(expect(200, other_coach_, "GET", "/api/v1/referrals")["items"].size(), 0u);
  int64_t jobseeker = referrals[0]["jobseeker_id"];
  expect(200, coach_, "POST", "/api/v1/referrals/" + std::to_string(referrals[0]["id"].get<int64_t>()) + "/pick-up");
  std::string history = "/api/v1/jobseekers/" + std::to_string(jobseeker) + "/outreach";

  json hidden = expect(200, coach_, "GET", history);
  EXPECT_EQ(hidden["handed_over"], true);
  EXPECT_EQ(hidden["shared"], false);
  EXPECT_FALSE(hidden.contains("events"));
  EXPECT_FALSE(hidden.contains("person"));
  expect(404, other_coach_, "GET", history);

  json consent = expect(200, coach_, "POST", history + "/consent",
                        {{"version", hidden["version"]}, {"shared", true}, {"on", today_utc()}});
  EXPECT_EQ(consent["shared"], true);
  json shown = expect(200, coach_, "GET", history);
  ASSERT_EQ(shown["shared"], true);
  EXPECT_EQ(shown["person"]["find_place"], "day_centre");
  std::vector<std::string> kinds;
  for (const auto& e : shown["events"]) kinds.push_back(e["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"registered", "contact", "handover", "history_consent"}));
  EXPECT_EQ(shown["events"][1]["content"]["note"], "Wil koken");

  // Withdrawn: hidden again.
  expect(200, coach_, "POST", history + "/consent", {{"version", consent["version"]}, {"shared", false}, {"on", today_utc()}});
  EXPECT_EQ(expect(200, coach_, "GET", history)["shared"], false);

  auto dossier_audit = db_->store().pool().acquire()->query(
      "SELECT action FROM audit_log WHERE jobseeker_id = ? AND action LIKE 'outreach.%' ORDER BY seq", {jobseeker});
  std::vector<std::string> actions;
  for (size_t i = 0; i < dossier_audit.size(); ++i) actions.push_back(dossier_audit.text(i, 0));
  EXPECT_EQ(actions, (std::vector<std::string>{"outreach.handover", "outreach.history_consent", "outreach.read",
                                               "outreach.history_consent"}));
}

TEST_P(OutreachApiTest, Handover_SharedAtOnce_AndFollowUpThenPossible) {
  json p = registered();
  json body = handover_body(1);
  body["share_history"] = true;
  json handed = expect(201, toeleider_, "POST", path(p, "/handover"), body);
  EXPECT_EQ(handed["history_shared_on"], today_utc());
  json followed = expect(200, toeleider_, "POST", path(p, "/moves"),
                         {{"version", handed["version"]}, {"to_phase", "follow_up"}, {"moved_on", today_utc()},
                          {"reason", "Eerste gesprekken mee gedaan"}});
  EXPECT_EQ(followed["phase"], "follow_up");
}

TEST_P(OutreachApiTest, Erase_ForgetsAPersonNeverHandedOver) {
  json p = registered();
  expect(201, toeleider_, "POST", path(p, "/contacts"), {{"contacted_on", today_utc()}, {"channel", "phone"}});
  expect(404, stranger_, "POST", path(p, "/erase"), {{"confirm", true}});
  EXPECT_EQ(refused(toeleider_, path(p, "/erase"), json::object()), std::set<std::string>{"confirm:required"});
  expect(200, toeleider_, "POST", path(p, "/erase"), {{"confirm", true}});
  EXPECT_EQ(count("outreach_people"), 0);
  EXPECT_EQ(count("outreach_events"), 0);
  json q = registered("Maan");
  expect(201, toeleider_, "POST", path(q, "/handover"), handover_body(1));
  EXPECT_EQ(refused(toeleider_, path(q, "/erase"), {{"confirm", true}}), std::set<std::string>{":erase_with_dossier"});
}

TEST_P(OutreachApiTest, SealedAtRest_NameAndNotesNotInTheClear) {
  json p = registered("Geheimenaam");
  expect(201, toeleider_, "POST", path(p, "/contacts"),
         {{"contacted_on", today_utc()}, {"channel", "phone"}, {"note", "Vertrouwelijke notitie"}});
  auto c = db_->store().pool().acquire();
  auto people = c->query("SELECT content FROM outreach_people", {});
  EXPECT_EQ(people.text(0, 0).find("Geheimenaam"), std::string::npos);
  auto events = c->query("SELECT content FROM outreach_events", {});
  for (size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events.text(i, 0).find("Vertrouwelijke"), std::string::npos);
}

TEST_P(OutreachApiTest, Network_CoordinatorSeesCountsOnly_FiltersValidated) {
  for (const char* name : {"A", "B", "C", "D", "E", "F"}) {
    json p = registered(name);
    expect(200, toeleider_, "POST", path(p, "/segment"),
           {{"version", 1}, {"work_ready", true}, {"registered", false}, {"known_elsewhere", false}});
  }
  json not_ready = registered("G");
  expect(200, toeleider_, "POST", path(not_ready, "/segment"), {{"version", 1}, {"work_ready", false}});
  json v = expect(200, coordinator_, "GET", "/api/v1/network");
  ASSERT_EQ(v["services"].size(), 1u);
  EXPECT_EQ(v["services"][0]["organisation"], "Buurtwerk De Wijk");
  EXPECT_EQ(v["services"][0]["reached"], "6");  // segment 5 left out
  EXPECT_EQ(v["services"][0]["primary_target"], "6");
  EXPECT_EQ(v["segments"][4]["people"], "<5");
  EXPECT_EQ(v.dump().find("\"A\""), std::string::npos);  // no names
  json gent = expect(200, coordinator_, "GET", "/api/v1/network?region=Brugge");
  EXPECT_EQ(gent["services"].size(), 0u);
  expect(422, coordinator_, "GET", "/api/v1/network?from=2026-05-01&to=2026-01-01");
  expect(422, coordinator_, "GET", "/api/v1/network?team=1");
  expect(403, coach_, "GET", "/api/v1/network");
  expect(403, toeleider_, "GET", "/api/v1/network");
}

TEST_P(OutreachApiTest, SubjectExportAndErasure_IncludeTheOutreachOfAHandedOverPerson) {
  json p = registered();
  expect(201, toeleider_, "POST", path(p, "/contacts"),
         {{"contacted_on", today_utc()}, {"channel", "phone"}, {"note", "GEHEIM-TOELEIDING"}});
  expect(201, toeleider_, "POST", path(p, "/handover"), handover_body(1));
  registered("Ander");  // never handed over: not part of the dossier
  int64_t jobseeker = expect(200, coach_, "GET", "/api/v1/referrals")["items"][0]["jobseeker_id"];
  auto doc = subject_export(db_->store(), jobseeker, {coach_.user.id, "coach.a", "subject.export", jobseeker, ""});
  ASSERT_TRUE(doc.is_ok());
  EXPECT_NE(doc->dump().find("GEHEIM-TOELEIDING"), std::string::npos);
  EXPECT_EQ(doc->at("tables")["outreach_people"].size(), 1u);
  EXPECT_EQ(doc->at("tables")["outreach_events"].size(), 3u);  // registered, contact, handover
  EXPECT_EQ(doc->at("tables")["handovers"].size(), 1u);
  ASSERT_TRUE(erase_subject(db_->store(), jobseeker, {0, "cli", "subject.erase", jobseeker, ""}).is_ok());
  EXPECT_EQ(count("outreach_people"), 1);  // the other person stays
  EXPECT_EQ(count("outreach_events"), 1);
  EXPECT_EQ(count("handovers"), 0);
  EXPECT_EQ(expect(200, toeleider_, "GET", "/api/v1/outreach")["items"][0]["name"], "Ander");
}

INSTANTIATE_TEST_SUITE_P(Engines, OutreachApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
