// Parallel tracks, the MDO and the person's voice through the API on both
// engines: the flow, optimistic versions, the consent gate, decisions only
// for live tracks of the dossier, another coach's dossier refused, audit
// records written, feedback once per contact (validated and escaped), and a
// request for another counsellor answered by the team's coordinator only.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/secrets.h"
#include "report/subject_export.h"
#include "store/reseal.h"
#include "store/subject_data.h"
#include "store/track_service.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class TracksApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    colleague_ = add_user(db_->store(), "coach.b", Role::kCoach, "Team Noord");
    stranger_ = add_user(db_->store(), "coach.z", Role::kCoach, "Team Zuid");
    coordinator_ = add_user(db_->store(), "coord.n", Role::kCoordinator, "Team Noord");
    other_coordinator_ = add_user(db_->store(), "coord.z", Role::kCoordinator, "Team Zuid");
    server_ = std::make_unique<TestServer>(db_->store());
    auto r = call(coach_, "POST", "/api/v1/jobseekers", {{"first_name", "Ann"}, {"last_name", "P"}, {"birth_date", "1985-01-01"}});
    id_ = json::parse(r->body)["id"].get<int64_t>();
    base_ = "/api/v1/jobseekers/" + std::to_string(id_);
  }
  httplib::Result call(const TestUser& who, const std::string& method, const std::string& path,
                       const json& body = json::object()) {
    return api_call(*server_, who.token, method, path, body);
  }
  static std::set<std::string> rules(const httplib::Result& r) {
    std::set<std::string> out;
    for (const auto& f : json::parse(r->body).value("fields", json::array()))
      out.insert(f["field"].get<std::string>() + ":" + f["rule"].get<std::string>());
    return out;
  }
  int64_t count(const std::string& table) {
    return db_->store().pool().acquire()->query("SELECT COUNT(*) FROM " + table + " WHERE jobseeker_id = ?", {id_}).integer(0, 0);
  }
  std::set<std::string> audited() {
    std::set<std::string> out;
    for (const auto& a : db_->store().audit_for(id_)) out.insert(a.entry.action);
    return out;
  }
  int64_t add_track(const json& body) {
    auto r = call(coach_, "POST", base_ + "/tracks", body);
    EXPECT_EQ(r->status, 201) << r->body;
    return json::parse(r->body).value("id", int64_t(0));
  }
  int64_t add_contact() {
    auto r = call(coach_, "POST", base_ + "/contacts", {{"date", today_utc()}, {"kind", "phone"}, {"status", "held"}, {"initiative", "coach"}});
    EXPECT_EQ(r->status, 201) << r->body;
    return json::parse(r->body)["id"].get<int64_t>();
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, colleague_, stranger_, coordinator_, other_coordinator_;
  std::unique_ptr<TestServer> server_;
  int64_t id_ = 0;
  std::string base_;
};

TEST_P(TracksApiTest, ThreeTracksAlignedByAnMdo_DecisionsOnlyForLiveTracksOfThisDossier) {
  int64_t work = add_track({{"kind", "work"}, {"worker_user_id", coach_.user.id}, {"aim", "Een job in de zorg"}});
  int64_t welfare = add_track({{"kind", "welfare"}, {"worker_name", "Els"}, {"aim", "Schulden op een rij"}});
  int64_t group = add_track({{"kind", "group"}, {"worker_name", "Lies"}, {"aim", "Sterker staan"}});
  auto list = json::parse(call(coach_, "GET", base_ + "/tracks")->body)["items"];
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0]["rhythm_days"], 14);
  EXPECT_EQ(list[0]["worker"], coach_.user.display_name);
  EXPECT_EQ(list[2]["rhythm_days"], 7);

  // The MDO waits for the jobseeker's consent.
  const std::string later = iso_from_days(*days_from_iso(today_utc()) + 7);
  auto refused = call(coach_, "POST", base_ + "/mdos", {{"planned_on", later}});
  ASSERT_EQ(refused->status, 422);
  EXPECT_TRUE(rules(refused).count("consent_on:consent_required"));
  ASSERT_EQ(call(coach_, "POST", base_ + "/mdos/consent", {{"version", 0}})->status, 200);
  EXPECT_EQ(call(coach_, "POST", base_ + "/mdos/consent", {{"version", 0}})->status, 409);
  auto planned = call(coach_, "POST", base_ + "/mdos", {{"planned_on", later}});
  ASSERT_EQ(planned->status, 201) << planned->body;
  json mdo = json::parse(planned->body);
  EXPECT_EQ(mdo["participants"].size(), 4u);  // the jobseeker and three responsible workers
  const std::string report = base_ + "/mdos/" + std::to_string(mdo["id"].get<int64_t>()) + "/report";

  // A decision for a track of another dossier or none is refused, and nothing is written.
  auto other = call(coach_, "POST", "/api/v1/jobseekers", {{"first_name", "Bo"}, {"last_name", "Q"}, {"birth_date", "1990-01-01"}});
  int64_t foreign = json::parse(call(coach_, "POST", "/api/v1/jobseekers/" + std::to_string(json::parse(other->body)["id"].get<int64_t>()) + "/tracks",
                                     {{"kind", "work"}, {"worker_name", "X"}, {"aim", "x"}})->body)["id"];
  json decision = {{"text", "Twee sollicitaties per week"}, {"owner", "Coach A"}, {"due_on", later}};
  json bad = {{"version", 1}, {"decisions", {decision, decision}}};
  bad["decisions"][0]["track_id"] = foreign;
  bad["decisions"][1]["track_id"] = 987654;
  auto unknown = call(coach_, "POST", report, bad);
  ASSERT_EQ(unknown->status, 422);
  EXPECT_EQ(rules(unknown), (std::set<std::string>{"decisions.0.track_id:track_unknown", "decisions.1.track_id:track_unknown"}));
  EXPECT_EQ(json::parse(call(coach_, "GET", base_ + "/mdos")->body)["items"][0]["status"], "planned");

  // An ended track takes no more decisions.
  auto ended = call(coach_, "PUT", base_ + "/tracks/" + std::to_string(group),
                    {{"version", 1}, {"worker_name", "Lies"}, {"aim", "Sterker staan"}, {"ends_on", today_utc()}});
  ASSERT_EQ(ended->status, 200) << ended->body;
  EXPECT_EQ(json::parse(ended->body)["status"], "ended");
  json late = {{"version", 1}, {"decisions", {decision}}};
  late["decisions"][0]["track_id"] = group;
  EXPECT_EQ(rules(call(coach_, "POST", report, late)), (std::set<std::string>{"decisions.0.track_id:track_ended"}));

  json good = {{"version", 1}, {"note", "Goed overleg"}, {"decisions", {decision, decision}}};
  good["decisions"][0]["track_id"] = work;
  good["decisions"][1]["track_id"] = welfare;
  auto held = call(coach_, "POST", report, good);
  ASSERT_EQ(held->status, 200) << held->body;
  EXPECT_EQ(json::parse(held->body)["status"], "held");
  EXPECT_EQ(call(coach_, "POST", report, good)->status, 409);  // stale version

  json overview = json::parse(call(coach_, "GET", base_ + "/mdos")->body);
  EXPECT_EQ(overview["next_due_on"], iso_from_days(*days_from_iso(today_utc()) + 30));
  EXPECT_FALSE(overview["due"]);
  EXPECT_EQ(overview["items"][0]["decisions"].size(), 2u);
  auto actions = audited();
  for (const char* a : {"track.create", "track.update", "track.read", "mdo.consent", "mdo.plan", "mdo.report", "mdo.read"})
    EXPECT_TRUE(actions.count(a)) << a;
}

TEST_P(TracksApiTest, ATrackUpdateNeedsTheVersionRead_AndBadInputWritesNothing) {
  int64_t t = add_track({{"kind", "welfare"}, {"worker_name", "Els"}, {"aim", "Budget"}});
  const std::string path = base_ + "/tracks/" + std::to_string(t);
  ASSERT_EQ(call(coach_, "PUT", path, {{"version", 1}, {"worker_name", "Els"}, {"aim", "Budget"}, {"rhythm_days", 21}})->status, 200);
  EXPECT_EQ(call(coach_, "PUT", path, {{"version", 1}, {"worker_name", "Els"}, {"aim", "Ander doel"}})->status, 409);
  auto bad = call(coach_, "POST", base_ + "/tracks", {{"kind", "sport"}, {"worker_name", "X"}, {"rhythm_days", 365}, {"aim", "x"}});
  ASSERT_EQ(bad->status, 422);
  EXPECT_EQ(rules(bad), (std::set<std::string>{"kind:choice", "rhythm_days:range"}));
  auto org = call(coach_, "POST", base_ + "/tracks", {{"kind", "work"}, {"worker_name", "X"}, {"organisation_id", 424242}, {"aim", "x"}});
  EXPECT_EQ(rules(org), (std::set<std::string>{"organisation_id:not_on_social_map"}));
  EXPECT_EQ(count("tracks"), 1);
  auto list = json::parse(call(coach_, "GET", base_ + "/tracks")->body)["items"];
  EXPECT_EQ(list[0]["rhythm_days"], 21);
  EXPECT_EQ(list[0]["aim"], "Budget");
}

TEST_P(TracksApiTest, AnotherCoachsDossierIsRefusedAndTheRefusalAudited) {
  add_track({{"kind", "work"}, {"worker_name", "X"}, {"aim", "x"}});
  EXPECT_EQ(call(stranger_, "GET", base_ + "/tracks")->status, 404);
  EXPECT_EQ(call(stranger_, "POST", base_ + "/tracks", {{"kind", "work"}, {"worker_name", "X"}, {"aim", "x"}})->status, 404);
  EXPECT_EQ(call(stranger_, "GET", base_ + "/mdos")->status, 404);
  EXPECT_EQ(call(stranger_, "POST", base_ + "/mdos/consent", {{"version", 0}})->status, 404);
  EXPECT_EQ(call(coordinator_, "POST", base_ + "/tracks", {{"kind", "work"}, {"worker_name", "X"}, {"aim", "x"}})->status, 403);
  EXPECT_EQ(call(coordinator_, "GET", base_ + "/tracks")->status, 200);  // the team's coordinator reads
  EXPECT_EQ(count("tracks"), 1);
  EXPECT_EQ(count("mdo_plans"), 0);
  EXPECT_TRUE(audited().count("access.denied"));
}

TEST_P(TracksApiTest, WithdrawnConsentCallsOffThePlannedMdoAndRecordsNothingMore) {
  add_track({{"kind", "work"}, {"worker_name", "X"}, {"aim", "x"}});
  call(coach_, "POST", base_ + "/mdos/consent", {{"version", 0}});
  const std::string later = iso_from_days(*days_from_iso(today_utc()) + 3);
  int64_t m = json::parse(call(coach_, "POST", base_ + "/mdos", {{"planned_on", later}})->body)["id"];
  ASSERT_EQ(call(coach_, "POST", base_ + "/mdos/withdraw", {{"version", 1}})->status, 200);
  EXPECT_EQ(call(coach_, "POST", base_ + "/mdos/withdraw", {{"version", 2}})->status, 409);
  json overview = json::parse(call(coach_, "GET", base_ + "/mdos")->body);
  EXPECT_EQ(overview["items"][0]["status"], "cancelled");
  EXPECT_FALSE(overview["plan"]["consent"]);
  EXPECT_TRUE(rules(call(coach_, "POST", base_ + "/mdos", {{"planned_on", later}})).count("consent_on:consent_required"));
  auto report = call(coach_, "POST", base_ + "/mdos/" + std::to_string(m) + "/report", {{"version", 2}});
  EXPECT_EQ(rules(report), (std::set<std::string>{"status:mdo_not_planned", "consent_on:consent_required"}));
  EXPECT_EQ(count("mdos"), 1);
}

TEST_P(TracksApiTest, AnMdoIsDueWhenTheIntervalHasPassedSinceTheTracksStarted) {
  const std::string long_ago = iso_from_days(*days_from_iso(today_utc()) - 40);
  add_track({{"kind", "work"}, {"worker_name", "X"}, {"aim", "x"}, {"starts_on", long_ago}});
  json overview = json::parse(call(coach_, "GET", base_ + "/mdos")->body);
  EXPECT_TRUE(overview["due"]);
  ASSERT_EQ(call(coach_, "POST", base_ + "/mdos/interval", {{"version", 0}, {"interval_days", 60}})->status, 200);
  EXPECT_EQ(call(coach_, "POST", base_ + "/mdos/interval", {{"version", 1}, {"interval_days", 200}})->status, 422);
  overview = json::parse(call(coach_, "GET", base_ + "/mdos")->body);
  EXPECT_FALSE(overview["due"]);
  EXPECT_EQ(overview["plan"]["interval_days"], 60);
}

TEST_P(TracksApiTest, TheCaseloadSignalsAnOverdueMdo) {
  auto signals = [&] {
    std::set<std::string> out;
    const json page = json::parse(call(coach_, "GET", "/api/v1/jobseekers")->body);
    for (const auto& row : page["items"])
      for (const auto& s : row["signals"]) out.insert(s["code"].get<std::string>());
    return out;
  };
  EXPECT_FALSE(signals().count("mdo_due"));  // no tracks, nothing to align
  const std::string long_ago = iso_from_days(*days_from_iso(today_utc()) - 40);
  add_track({{"kind", "work"}, {"worker_name", "X"}, {"aim", "x"}, {"starts_on", long_ago}});
  EXPECT_TRUE(signals().count("mdo_due"));
  call(coach_, "POST", base_ + "/mdos/consent", {{"version", 0}});
  ASSERT_EQ(call(coach_, "POST", base_ + "/mdos", {{"planned_on", today_utc()}})->status, 201);
  EXPECT_FALSE(signals().count("mdo_due"));  // one is planned
}

TEST_P(TracksApiTest, FeedbackOncePerContact_ValidatedInTheUsersLanguageAndEscaped) {
  int64_t contact = add_contact();
  const std::string path = base_ + "/contacts/" + std::to_string(contact) + "/feedback";
  auto too_long = call(coach_, "POST", path, {{"rating", 3}, {"text", std::string(501, 'x')}});
  ASSERT_EQ(too_long->status, 422);
  EXPECT_NE(too_long->body.find("te lang (hoogstens 500 tekens)"), std::string::npos) << too_long->body;
  auto english = server_->client().Post(path.c_str(), bearer(coach_.token, "en"), json{{"rating", 9}}.dump(), "application/json");
  EXPECT_EQ(english->status, 422);
  EXPECT_NE(english->body.find("must be within 1"), std::string::npos) << english->body;
  EXPECT_EQ(count("contact_feedback"), 0);
  auto given = call(coach_, "POST", path, {{"rating", 2}, {"text", "<script>alert(1)</script> te snel"}});
  ASSERT_EQ(given->status, 201) << given->body;
  EXPECT_EQ(json::parse(given->body)["recorded_by"], coach_.user.id);
  auto again = call(coach_, "POST", path, {{"rating", 4}});
  EXPECT_EQ(again->status, 409);
  EXPECT_EQ(json::parse(again->body)["error"], "feedback_given");
  EXPECT_EQ(call(coach_, "POST", base_ + "/contacts/999999/feedback", {{"rating", 4}})->status, 404);
  EXPECT_EQ(call(stranger_, "POST", path, {{"rating", 4}})->status, 404);
  auto list = json::parse(call(coach_, "GET", base_ + "/feedback")->body)["items"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["rating"], 2);
  auto page = server_->client().Get(("/jobseekers/" + std::to_string(id_) + "/contacts/" + std::to_string(contact) + "/feedback").c_str(),
                                    bearer(coach_.token));
  ASSERT_EQ(page->status, 200);
  EXPECT_EQ(page->body.find("<script>alert"), std::string::npos);
  EXPECT_NE(page->body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_TRUE(audited().count("feedback.create"));
}

TEST_P(TracksApiTest, OnlyTheTeamsCoordinatorAnswers_AlwaysWithAReason_AndGrantingMovesTheDossier) {
  auto asked = call(coach_, "POST", base_ + "/counsellor-requests", json::object());  // no reason needed
  ASSERT_EQ(asked->status, 201) << asked->body;
  json q = json::parse(asked->body);
  EXPECT_EQ(q["from_coach_id"], coach_.user.id);
  const std::string answer = base_ + "/counsellor-requests/" + std::to_string(q["id"].get<int64_t>()) + "/answer";
  json grant = {{"version", 1}, {"decision", "granted"}, {"reason", "Een nieuwe start"}, {"new_coach_id", colleague_.user.id}};
  EXPECT_EQ(call(coach_, "POST", answer, grant)->status, 403);
  EXPECT_EQ(call(other_coordinator_, "POST", answer, grant)->status, 404);
  auto no_reason = call(coordinator_, "POST", answer, {{"version", 1}, {"decision", "refused"}, {"reason", ""}});
  ASSERT_EQ(no_reason->status, 422);
  EXPECT_EQ(rules(no_reason), (std::set<std::string>{"reason:required"}));
  json elsewhere = grant;
  elsewhere["new_coach_id"] = stranger_.user.id;
  EXPECT_EQ(rules(call(coordinator_, "POST", answer, elsewhere)), (std::set<std::string>{"new_coach_id:not_in_team"}));
  json queue = json::parse(call(coordinator_, "GET", "/api/v1/counsellor-requests")->body)["items"];
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0]["status"], "open");
  EXPECT_EQ(queue[0]["jobseeker_name"], "Ann P");
  EXPECT_EQ(call(coach_, "GET", "/api/v1/counsellor-requests")->status, 403);
  EXPECT_TRUE(json::parse(call(other_coordinator_, "GET", "/api/v1/counsellor-requests")->body)["items"].empty());

  auto granted = call(coordinator_, "POST", answer, grant);
  ASSERT_EQ(granted->status, 200) << granted->body;
  EXPECT_EQ(json::parse(granted->body)["status"], "granted");
  EXPECT_EQ(json::parse(granted->body)["answered_by"], coordinator_.user.id);
  EXPECT_EQ(call(coordinator_, "POST", answer, grant)->status, 409);
  // The old coach no longer guides Ann; the new one does, as anchor person.
  EXPECT_EQ(call(coach_, "GET", base_ + "/tracks")->status, 404);
  EXPECT_EQ(call(colleague_, "GET", base_ + "/tracks")->status, 200);
  auto coaches = db_->store().coaches_of(id_);
  ASSERT_EQ(coaches.size(), 1u);
  EXPECT_EQ(coaches[0].id, colleague_.user.id);
  auto list = json::parse(call(colleague_, "GET", base_ + "/counsellor-requests")->body)["items"];
  EXPECT_EQ(list[0]["answer_reason"], "Een nieuwe start");
  EXPECT_TRUE(audited().count("counsellor_request.answer"));
  EXPECT_TRUE(audited().count("counsellor_request.create"));
}

TEST_P(TracksApiTest, ARefusalKeepsTheCoach) {
  int64_t rid = json::parse(call(coordinator_, "POST", base_ + "/counsellor-requests", {{"reason", "Ik voel me niet gehoord"}})->body)["id"];
  auto refused = call(coordinator_, "POST", base_ + "/counsellor-requests/" + std::to_string(rid) + "/answer",
                      {{"version", 1}, {"decision", "refused"}, {"reason", "Eerst een gesprek met de coach en de coördinator samen"}});
  ASSERT_EQ(refused->status, 200) << refused->body;
  EXPECT_EQ(json::parse(refused->body)["status"], "refused");
  EXPECT_EQ(call(coach_, "GET", base_ + "/tracks")->status, 200);
  json list = json::parse(call(coach_, "GET", base_ + "/counsellor-requests")->body)["items"];
  EXPECT_EQ(list[0]["reason"], "Ik voel me niet gehoord");
}

TEST_P(TracksApiTest, ThePagesWalkTheSameFlowThroughForms) {
  auto client = server_->client();
  const std::string page = "/jobseekers/" + std::to_string(id_);
  auto post = [&](const TestUser& who, const std::string& path, const std::string& form) {
    return client.Post(path.c_str(), bearer(who.token), form, "application/x-www-form-urlencoded");
  };
  auto made = post(coach_, page + "/tracks", "kind=welfare&worker_user_id%23=&worker_name=Els&organisation_id%23=&rhythm_days%23=&starts_on=&aim=Budget");
  ASSERT_EQ(made->status, 303) << made->body;
  auto tracks = json::parse(call(coach_, "GET", base_ + "/tracks")->body)["items"];
  ASSERT_EQ(tracks.size(), 1u);
  EXPECT_EQ(tracks[0]["rhythm_days"], 14);
  const int64_t track = tracks[0]["id"];
  auto shown = client.Get((page + "/tracks").c_str(), bearer(coach_.token));
  ASSERT_EQ(shown->status, 200);
  EXPECT_NE(shown->body.find("welzijnsspoor"), std::string::npos);
  EXPECT_EQ(post(coach_, page + "/tracks", "kind=work&aim=")->status, 422);
  ASSERT_EQ(post(coach_, page + "/mdos/consent", "version=0&consent_on=")->status, 303);
  const std::string later = iso_from_days(*days_from_iso(today_utc()) + 5);
  ASSERT_EQ(post(coach_, page + "/mdos", "planned_on=" + later)->status, 303);
  const int64_t mdo = json::parse(call(coach_, "GET", base_ + "/mdos")->body)["items"][0]["id"];
  auto detail = client.Get((page + "/mdos/" + std::to_string(mdo)).c_str(), bearer(coach_.token));
  ASSERT_EQ(detail->status, 200);
  EXPECT_NE(detail->body.find("name=\"d.track_id\" value=\"" + std::to_string(track) + "\""), std::string::npos);
  auto held = post(coach_, page + "/mdos/" + std::to_string(mdo) + "/report",
                   "version=1&held_on=&note=&d.track_id=" + std::to_string(track) + "&d.text=Budgetplan&d.owner=Els&d.due_on=" + later);
  ASSERT_EQ(held->status, 303) << held->body;
  EXPECT_EQ(json::parse(call(coach_, "GET", base_ + "/mdos")->body)["items"][0]["decisions"][0]["text"], "Budgetplan");

  ASSERT_EQ(post(coach_, page + "/counsellor-requests", "reason=")->status, 303);
  auto queue = client.Get("/counsellor-requests", bearer(coordinator_.token));
  ASSERT_EQ(queue->status, 200);
  EXPECT_NE(queue->body.find("Ann P"), std::string::npos);
  const int64_t rid = json::parse(call(coordinator_, "GET", base_ + "/counsellor-requests")->body)["items"][0]["id"];
  auto unanswered = post(coordinator_, page + "/counsellor-requests/" + std::to_string(rid) + "/answer",
                         "version=1&decision=refused&reason=&new_coach_id=&_back=queue");
  ASSERT_EQ(unanswered->status, 422);
  EXPECT_NE(unanswered->body.find("is verplicht"), std::string::npos);
  auto answered = post(coordinator_, page + "/counsellor-requests/" + std::to_string(rid) + "/answer",
                       "version=1&decision=refused&reason=Eerst+samen+praten&new_coach_id=&_back=queue");
  ASSERT_EQ(answered->status, 303);
  EXPECT_EQ(answered->get_header_value("Location"), "/counsellor-requests");

  const int64_t contact = add_contact();
  auto dossier = client.Get(page.c_str(), bearer(coach_.token));
  EXPECT_NE(dossier->body.find(page + "/contacts/" + std::to_string(contact) + "/feedback"), std::string::npos);
  EXPECT_NE(dossier->body.find(page + "/tracks"), std::string::npos);
  EXPECT_NE(dossier->body.find(page + "/counsellor-requests"), std::string::npos);
  EXPECT_NE(queue->body.find("href=\"/counsellor-requests\""), std::string::npos);  // the coordinator's menu
  auto long_text = post(coach_, page + "/contacts/" + std::to_string(contact) + "/feedback", "rating=3&text=" + std::string(501, 'x'));
  ASSERT_EQ(long_text->status, 422);
  EXPECT_NE(long_text->body.find("hoogstens 500 tekens"), std::string::npos);
  EXPECT_EQ(count("contact_feedback"), 0);
  ASSERT_EQ(post(coach_, page + "/contacts/" + std::to_string(contact) + "/feedback", "rating=4&text=Fijn&channel=told_coach")->status, 303);
  auto list = json::parse(call(coach_, "GET", base_ + "/feedback")->body)["items"];
  EXPECT_EQ(list[0]["channel"], "told_coach");
}

TEST_P(TracksApiTest, NewRecordsAreSealed_ExportedResealedAndErasedWithThePerson) {
  int64_t track = add_track({{"kind", "welfare"}, {"worker_name", "Els"}, {"aim", "GEHEIM-DOEL"}});
  call(coach_, "POST", base_ + "/mdos/consent", {{"version", 0}});
  int64_t mdo = json::parse(call(coach_, "POST", base_ + "/mdos", {{"planned_on", today_utc()}})->body)["id"];
  ASSERT_EQ(call(coach_, "POST", base_ + "/mdos/" + std::to_string(mdo) + "/report",
                 {{"version", 1}, {"note", "GEHEIM-MDO"},
                  {"decisions", {{{"track_id", track}, {"text", "x"}, {"owner", "Els"}, {"due_on", today_utc()}}}}})->status, 200);
  int64_t contact = add_contact();
  ASSERT_EQ(call(coach_, "POST", base_ + "/contacts/" + std::to_string(contact) + "/feedback", {{"rating", 3}, {"text", "GEHEIM-FEEDBACK"}})->status, 201);
  int64_t rid = json::parse(call(coach_, "POST", base_ + "/counsellor-requests", {{"reason", "GEHEIM-REDEN"}})->body)["id"];
  ASSERT_EQ(call(coordinator_, "POST", base_ + "/counsellor-requests/" + std::to_string(rid) + "/answer",
                 {{"version", 1}, {"decision", "refused"}, {"reason", "GEHEIM-ANTWOORD"}})->status, 200);
  const std::vector<std::pair<std::string, std::string>> sealed = {
      {"tracks", "aim"}, {"mdos", "document"}, {"contact_feedback", "text"}, {"counsellor_requests", "reason"},
      {"counsellor_requests", "answer_reason"}};
  auto stored = [&] {
    std::string all;
    auto c = db_->store().pool().acquire();
    for (const auto& [table, column] : sealed) {
      auto r = c->query("SELECT " + column + " FROM " + table);
      for (size_t i = 0; i < r.size(); ++i) all += r.text(i, 0) + "\n";
    }
    return all;
  };
  EXPECT_EQ(stored().find("GEHEIM"), std::string::npos);

  auto doc = subject_export(db_->store(), id_, {coach_.user.id, "coach.a", "subject.export", id_, ""});
  ASSERT_TRUE(doc.is_ok());
  for (const char* secret : {"GEHEIM-DOEL", "GEHEIM-MDO", "GEHEIM-FEEDBACK", "GEHEIM-REDEN", "GEHEIM-ANTWOORD"})
    EXPECT_NE(doc->dump().find(secret), std::string::npos) << secret;

  // A new key: every one of these values is sealed again and still opens.
  const std::string new_key = random_token(16);
  auto both = std::make_shared<FieldCipher>("t2", new_key, std::map<std::string, std::string>{{"t1", db_->key()}});
  auto rotated = Store::open(db_->address(), 2, both).value();
  reseal_all(*rotated, 2);
  const std::string after = stored();
  size_t under_new = 0;
  for (size_t at = 0; (at = after.find("enc:1:t2:", at)) != std::string::npos; ++at) ++under_new;
  EXPECT_EQ(under_new, 5u);
  auto only_new = Store::open(db_->address(), 2, std::make_shared<FieldCipher>("t2", new_key)).value();
  DossierService dossiers(*only_new);
  EXPECT_EQ(TrackService(*only_new, dossiers).load(id_).at(0).aim, "GEHEIM-DOEL");

  ASSERT_TRUE(erase_subject(*only_new, id_, {0, "cli", "subject.erase", id_, ""}).is_ok());
  for (const char* table : {"tracks", "mdo_plans", "mdos", "contact_feedback", "counsellor_requests"})
    EXPECT_EQ(count(table), 0) << table;
}

INSTANTIATE_TEST_SUITE_P(Engines, TracksApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
