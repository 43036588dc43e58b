// The road to work through the API, on both engines: the mindmap and the
// competence suggestions, work experience and the business card, job targets
// and placements, an application through its steps, a start in work with its
// sustainability checks, aftercare, absences and the backpack; versions,
// links across dossiers, other teams and the audit of every write.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

// The date `n` days before today.
std::string days_ago(long n) { return iso_from_days(*days_from_iso(today_utc()) - n); }

class WorkApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    other_ = add_user(db_->store(), "coach.b", Role::kCoach, "Team Zuid");
    server_ = std::make_unique<TestServer>(db_->store());
    id_ = jobseeker("Ann");
    base_ = "/api/v1/jobseekers/" + std::to_string(id_);
    other_base_ = "/api/v1/jobseekers/" + std::to_string(jobseeker("Bea"));
  }

  int64_t jobseeker(const std::string& first) {
    auto r = call("POST", "/api/v1/jobseekers", {{"first_name", first}, {"last_name", "P"}, {"birth_date", "1985-01-01"}});
    EXPECT_EQ(r->status, 201) << r->body;
    return json::parse(r->body)["id"].get<int64_t>();
  }
  httplib::Result call(const std::string& method, const std::string& path, const json& body = nullptr,
                       const TestUser* who = nullptr) {
    return api_call(*server_, (who ? *who : coach_).token, method, path, body);
  }
  // The call's JSON answer, after checking its status.
  json expect(int status, const std::string& method, const std::string& path, const json& body = nullptr) {
    auto r = call(method, path, body);
    EXPECT_EQ(r->status, status) << method << " " << path << ": " << r->body;
    return json::parse(r->body, nullptr, false);
  }
  json created(const std::string& collection, const json& body) { return expect(201, "POST", base_ + "/" + collection, body); }
  std::string id_of(const json& record) { return std::to_string(record["id"].get<int64_t>()); }
  // "field:rule" of every field error of a 422.
  std::set<std::string> refused(const std::string& method, const std::string& path, const json& body) {
    auto r = call(method, path, body);
    EXPECT_EQ(r->status, 422) << method << " " << path << ": " << r->body;
    std::set<std::string> out;
    for (const auto& f : json::parse(r->body).value("fields", json::array()))
      out.insert(f["field"].get<std::string>() + ":" + f["rule"].get<std::string>());
    return out;
  }
  json items(const std::string& collection) { return expect(200, "GET", base_ + "/" + collection)["items"]; }
  // The audit actions on the dossier as "action:detail", in order.
  std::vector<std::string> audit(int64_t id) {
    auto r = db_->store().pool().acquire()->query(
        "SELECT action, detail FROM audit_log WHERE jobseeker_id = ? ORDER BY seq", {id});
    std::vector<std::string> out;
    for (size_t i = 0; i < r.size(); ++i) out.push_back(r.text(i, 0) + ":" + r.text(i, 1));
    return out;
  }

  json situation(const std::string& text, const json& competences) {
    return created("situations", {{"text", text}, {"kind", "care"}, {"noted_on", days_ago(30)}, {"competences", competences}});
  }
  json four_yeses() {
    return {{"wants", {{"answer", "yes"}, {"evidence", "Zegt ze zelf"}}},
            {"can_manage", {{"answer", "yes"}, {"evidence", "Stage ging goed"}}},
            {"demand", {{"answer", "yes"}, {"evidence", "Knelpuntberoep"}}},
            {"family_fit", {{"answer", "yes"}, {"evidence", "Schooluren passen"}}}};
  }
  json job_target() { return created("job-targets", {{"occupation", "Winkelbediende"}}); }
  json placement(int64_t target, int64_t days) {
    return {{"job_target_id", target}, {"employer", "Bakkerij Mertens"}, {"unit", "full_day"}, {"days", days},
            {"starts_on", days_ago(-7)}};
  }
  json work_start(const std::string& starts_on, const json& extra = json::object()) {
    json body = {{"kind", "work"}, {"organisation", "Kringwinkel"}, {"job_title", "Winkelmedewerker"},
                 {"contract", "art60"}, {"starts_on", starts_on}};
    body.update(extra);
    return created("work-starts", body);
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, other_;
  std::unique_ptr<TestServer> server_;
  int64_t id_ = 0;
  std::string base_, other_base_;
};

TEST_P(WorkApiTest, TheMindmap_SuggestsACompetenceSeenTwice_AndTheDecisionIsTakenTogether) {
  json first = situation("Zorgde drie jaar voor haar moeder", {"perseverance", "Empathie"});
  EXPECT_EQ(first["competences"], json({"perseverance", "empathy"}));
  EXPECT_EQ(first["status"], "noted");
  EXPECT_EQ(first["version"], 1);
  EXPECT_EQ(first["kind"], "care") << "the situation's own kind";
  EXPECT_EQ(first["record_kind"], "situation");
  EXPECT_EQ(expect(200, "GET", base_ + "/competences")["suggestions"], json::array());

  json second = situation("Vrijwilliger in de jeugdbeweging", {"perseverance", "initiative"});
  json summary = expect(200, "GET", base_ + "/competences");
  ASSERT_EQ(summary["suggestions"].size(), 1u) << summary;
  EXPECT_EQ(summary["suggestions"][0]["code"], "perseverance");
  EXPECT_EQ(summary["suggestions"][0]["situation_ids"], json::array({first["id"], second["id"]}));
  EXPECT_EQ(summary["evidence"]["empathy"], json::array({first["id"]}));

  // A suggestion is not a decision: that is taken with the jobseeker.
  EXPECT_EQ(refused("POST", base_ + "/competence-decisions", {{"competence", "perseverance"}, {"decision", "acquired"}}),
            std::set<std::string>{"decided_with_jobseeker:together"});
  EXPECT_EQ(refused("POST", base_ + "/competence-decisions",
                    {{"competence", "juggling"}, {"decision", "acquired"}, {"decided_with_jobseeker", true}}),
            std::set<std::string>{"competence:unknown_competence"});
  json decision = created("competence-decisions", {{"competence", "perseverance"}, {"decision", "acquired"},
                                                   {"decided_with_jobseeker", true},
                                                   {"situation_ids", {first["id"], second["id"]}}});
  EXPECT_EQ(decision["status"], "acquired");
  summary = expect(200, "GET", base_ + "/competences");
  EXPECT_EQ(summary["suggestions"], json::array());
  EXPECT_EQ(summary["decisions"]["perseverance"]["decision"], "acquired");
  EXPECT_EQ(summary["decisions"]["perseverance"]["id"], decision["id"]);
  EXPECT_EQ(items("situations").size(), 2u);
  EXPECT_EQ(items("competence-decisions").size(), 1u);
}

TEST_P(WorkApiTest, ADecision_CitingASituationOfAnotherDossier_IsRefused) {
  auto r = call("POST", other_base_ + "/situations",
                {{"text", "Elders"}, {"kind", "work"}, {"noted_on", days_ago(3)}, {"competences", {"accuracy"}}});
  ASSERT_EQ(r->status, 201) << r->body;
  int64_t elsewhere = json::parse(r->body)["id"];
  EXPECT_EQ(refused("POST", base_ + "/competence-decisions",
                    {{"competence", "accuracy"}, {"decision", "acquired"}, {"decided_with_jobseeker", true},
                     {"situation_ids", {elsewhere}}}),
            std::set<std::string>{"situation_ids:not_in_dossier"});
}

TEST_P(WorkApiTest, WorkExperienceAndTheBusinessCard_SavedWithVersions) {
  json job = created("work-experiences", {{"job", "Poetshulp"}, {"employer", "Dienstenchequebedrijf"},
                                          {"tasks", {{{"text", "Strijken"}, {"competences", {"accuracy"}}},
                                                     {{"text", "Planning met klanten"}, {"competences", {"work_planning"}}}}}});
  EXPECT_EQ(job["tasks"][1]["competences"], json({"work_planning"}));
  EXPECT_EQ(refused("POST", base_ + "/work-experiences", {{"job", "X"}, {"tasks", {{{"text", "Y"}, {"competences", {"ironing"}}}}}}),
            std::set<std::string>{"tasks.0.competences.0:unknown_competence"});

  EXPECT_EQ(items("business-card"), json::array());
  const std::string card = base_ + "/business-card";
  json v1 = expect(200, "PUT", card, {{"version", 0}, {"technical", {"Heftruckattest"}}, {"key", {"accuracy", "Empathie"}},
                                      {"target_1", "Winkelbediende"}});
  EXPECT_EQ(v1["version"], 1);
  EXPECT_EQ(v1["key"], json({"accuracy", "empathy"}));
  EXPECT_EQ(call("PUT", card, {{"version", 0}, {"target_1", "Kok"}})->status, 409);  // a second "first" save
  json v2 = expect(200, "PUT", card, {{"version", 1}, {"technical", {"Heftruckattest"}}, {"target_1", "Kok"}});
  EXPECT_EQ(v2["version"], 2);
  EXPECT_EQ(v2["id"], v1["id"]);
  EXPECT_EQ(call("PUT", card, {{"version", 1}, {"target_1", "Bakker"}})->status, 409);  // stale
  json all = items("business-card");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["target_1"], "Kok");
  EXPECT_EQ(all[0]["version"], 2);
  EXPECT_EQ(refused("PUT", card, {{"version", -1}}), std::set<std::string>{"version:type_integer"});
}

TEST_P(WorkApiTest, TheWorkProfile_SavedOnceThenUpdated) {
  const std::string profile = base_ + "/work-profile";
  EXPECT_EQ(refused("PUT", profile, {{"version", 0}, {"min_hours_per_week", 30}, {"max_hours_per_week", 19.5},
                                     {"transport", {"bike", "rocket"}}, {"travel", {{{"place", "Gent"}, {"minutes", "30"}}}}}),
            (std::set<std::string>{"max_hours_per_week:below_min", "transport:choice", "travel.0.minutes:type_integer"}));
  json saved = expect(200, "PUT", profile,
                      {{"min_hours_per_week", 19.5}, {"max_hours_per_week", 30}, {"max_travel_minutes", 45},
                       {"transport", {"bike", "public_transport"}}, {"needs_childcare_friendly_hours", true}});
  EXPECT_EQ(saved["version"], 1);
  EXPECT_EQ(saved["status"], "current");
  EXPECT_DOUBLE_EQ(saved["min_hours_per_week"].get<double>(), 19.5);
  json again = expect(200, "PUT", profile, {{"version", 1}, {"max_travel_minutes", 60}});
  EXPECT_EQ(again["version"], 2);
  EXPECT_EQ(again["max_travel_minutes"], 60);
  EXPECT_EQ(call("PUT", profile, {{"version", 1}, {"max_travel_minutes", 30}})->status, 409);
}

TEST_P(WorkApiTest, AJobTarget_BecomesRealisticWithFourYeses_AndAStaleVersionIs409) {
  json target = job_target();
  EXPECT_EQ(target["status"], "exploring");
  const std::string path = base_ + "/job-targets/" + id_of(target);
  json three = four_yeses();
  three["demand"]["answer"] = "unsure";
  EXPECT_EQ(refused("PUT", path, {{"version", 1}, {"occupation", "Winkelbediende"}, {"status", "realistic"}, {"checks", three}}),
            std::set<std::string>{"status:four_checks"});
  three["demand"] = {{"answer", "yes"}, {"evidence", ""}};
  EXPECT_EQ(refused("PUT", path, {{"version", 1}, {"occupation", "Winkelbediende"}, {"checks", three}}),
            std::set<std::string>{"checks.demand.evidence:evidence_required"});
  json realistic = expect(200, "PUT", path,
                          {{"version", 1}, {"occupation", "Winkelbediende"}, {"status", "realistic"}, {"rank", 1},
                           {"checks", four_yeses()}});
  EXPECT_EQ(realistic["status"], "realistic");
  EXPECT_EQ(realistic["version"], 2);
  auto stale = call("PUT", path, {{"version", 1}, {"occupation", "Kok"}});
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ(json::parse(stale->body)["error"], "version_conflict");
  json now = items("job-targets");
  EXPECT_EQ(now[0]["occupation"], "Winkelbediende");
  EXPECT_EQ(now[0]["version"], 2);
  EXPECT_EQ(refused("PUT", path, {{"occupation", "Kok"}}), std::set<std::string>{"version:required"});
  EXPECT_EQ(call("PUT", base_ + "/job-targets/999999", {{"version", 1}, {"occupation", "Kok"}})->status, 404);
}

TEST_P(WorkApiTest, APlacement_LastsOneToFiveFullDays_ForATargetOfThisDossier) {
  int64_t target = job_target()["id"];
  auto r = call("POST", base_ + "/placements", placement(target, 6));
  ASSERT_EQ(r->status, 422) << r->body;
  json fields = json::parse(r->body)["fields"];
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields[0]["field"], "days");
  EXPECT_EQ(fields[0]["rule"], "placement_days");
  json ok = created("placements", placement(target, 3));
  EXPECT_EQ(ok["days"], 3);
  EXPECT_EQ(ok["status"], "planned");
  EXPECT_EQ(ok["due_on"], days_ago(-7));

  auto theirs = call("POST", other_base_ + "/job-targets", {{"occupation", "Kok"}});
  ASSERT_EQ(theirs->status, 201);
  EXPECT_EQ(refused("POST", base_ + "/placements", placement(json::parse(theirs->body)["id"], 3)),
            std::set<std::string>{"job_target_id:not_in_dossier"});
  int64_t not_a_target = situation("Iets", json::array())["id"];
  EXPECT_EQ(refused("POST", base_ + "/placements", placement(not_a_target, 3)),
            std::set<std::string>{"job_target_id:not_in_dossier"});
  EXPECT_EQ(items("placements").size(), 1u);
}

TEST_P(WorkApiTest, AnApplication_ThroughItsSteps_ToHired_ThenAStartWithThreeFollowUps) {
  json app = created("applications", {{"employer", "Colruyt"}, {"job_title", "Vakkenvuller"}});
  EXPECT_EQ(app["status"], "open");
  const std::string path = base_ + "/applications/" + id_of(app);
  json steps = json::object();
  const std::vector<std::string> names = {"employer_contact", "added_value", "objections_measures", "interview_requested",
                                          "prepared_together", "going_along", "selection"};
  int64_t version = 1;
  for (size_t i = 0; i < names.size(); ++i) {
    steps[names[i]] = {{"done_on", days_ago(20 - long(i))}, {"note", "Stap " + std::to_string(i + 1)}};
    json body = {{"version", version}, {"employer", "Colruyt"}, {"job_title", "Vakkenvuller"}, {"steps", steps}};
    json r = expect(200, "PUT", path, body);
    EXPECT_EQ(r["version"], ++version);
    EXPECT_EQ(r["steps"].size(), i + 1);
  }
  json base_body = {{"employer", "Colruyt"}, {"job_title", "Vakkenvuller"}, {"steps", steps}};
  // The eighth step, feedback, only follows a rejection.
  json with_feedback = base_body;
  with_feedback["version"] = version;
  with_feedback["outcome"] = "hired";
  with_feedback["decision_on"] = days_ago(5);
  with_feedback["steps"]["feedback"] = {{"done_on", days_ago(4)}};
  with_feedback["feedback"] = {{"strengths", {"perseverance"}}};
  EXPECT_EQ(refused("PUT", path, with_feedback), std::set<std::string>{"steps.feedback:after_rejection"});
  json hired = base_body;
  hired["version"] = version;
  hired["outcome"] = "hired";
  EXPECT_EQ(refused("PUT", path, hired), std::set<std::string>{"decision_on:required"});
  hired["decision_on"] = days_ago(5);
  json done = expect(200, "PUT", path, hired);
  EXPECT_EQ(done["status"], "hired");

  const std::string starts_on = days_ago(10);
  json start = work_start(starts_on, {{"application_id", app["id"]}});
  EXPECT_EQ(start["status"], "active");
  EXPECT_EQ(start["welfare_checklist"]["childcare"]["status"], "open");
  json checks = items("sustainability-checks");
  ASSERT_EQ(checks.size(), 3u);
  const int months[] = {3, 6, 12};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(checks[i]["months"], months[i]);
    EXPECT_EQ(checks[i]["due_on"], add_months(starts_on, months[i]));
    EXPECT_EQ(checks[i]["status"], "due");
    EXPECT_EQ(checks[i]["work_start_id"], start["id"]);
    EXPECT_EQ(checks[i]["version"], 1);
  }
  // The system creates them; they are only updated.
  EXPECT_NE(call("POST", base_ + "/sustainability-checks", {{"still_working", true}})->status, 201);
  EXPECT_EQ(items("sustainability-checks").size(), 3u);

  const std::string three = base_ + "/sustainability-checks/" + id_of(checks[0]);
  EXPECT_EQ(refused("PUT", three, {{"version", 1}, {"still_working", true}, {"income_sufficient", "yes"}}),
            (std::set<std::string>{"four_as.conditions:required", "four_as.circumstances:required",
                                   "four_as.content:required", "four_as.relations:required"}));
  EXPECT_EQ(refused("PUT", three, {{"version", 1}, {"still_working", false}, {"income_sufficient", "no"}}),
            std::set<std::string>{"end_reason:required"});
  json recorded = expect(200, "PUT", three,
                         {{"version", 1}, {"still_working", true}, {"income_sufficient", "partly"},
                          {"four_as", {{"conditions", 4}, {"circumstances", 3}, {"content", 5}, {"relations", 4}}},
                          {"own_words", "Ik ben trots dat ik elke dag ga"}});
  EXPECT_EQ(recorded["status"], "recorded");
  EXPECT_EQ(recorded["version"], 2);
  EXPECT_EQ(recorded["months"], 3);
  EXPECT_EQ(recorded["work_start_id"], start["id"]);
  EXPECT_EQ(recorded["recorded_on"], today_utc());
  EXPECT_EQ(call("PUT", three, {{"version", 1}, {"still_working", false}, {"end_reason", "x"}, {"income_sufficient", "no"}})->status,
            409);
  checks = items("sustainability-checks");
  EXPECT_EQ(checks[0]["four_as"]["content"], 5);
  EXPECT_EQ(checks[1]["status"], "due");
}

TEST_P(WorkApiTest, CorrectingTheStartDate_MovesTheFollowUpsStillDue) {
  json start = work_start(days_ago(10));
  json checks = items("sustainability-checks");
  ASSERT_EQ(checks.size(), 3u);
  json recorded = expect(200, "PUT", base_ + "/sustainability-checks/" + id_of(checks[0]),
                         {{"version", 1}, {"still_working", false}, {"end_reason", "Contract niet verlengd"}, {"income_sufficient", "no"}});
  const std::string corrected = days_ago(40);
  expect(200, "PUT", base_ + "/work-starts/" + id_of(start),
         {{"version", 1}, {"kind", "work"}, {"organisation", "Kringwinkel"}, {"job_title", "Winkelmedewerker"},
          {"contract", "art60"}, {"starts_on", corrected}});
  checks = items("sustainability-checks");
  ASSERT_EQ(checks.size(), 3u);
  EXPECT_EQ(checks[0]["status"], "recorded");  // what was recorded stays as it was
  EXPECT_EQ(checks[0]["due_on"], "");
  EXPECT_EQ(checks[0]["version"], recorded["version"]);
  EXPECT_EQ(checks[1]["due_on"], add_months(corrected, 6));
  EXPECT_EQ(checks[2]["due_on"], add_months(corrected, 12));
  EXPECT_EQ(checks[1]["status"], "due");
}

TEST_P(WorkApiTest, ARejection_TakesAllEightStepsWithFeedback) {
  json app = created("applications", {{"employer", "Aldi"}, {"job_title", "Kassier"}});
  json steps = json::object();
  const std::vector<std::string> names = {"employer_contact", "added_value", "objections_measures", "interview_requested",
                                          "prepared_together", "going_along", "selection", "feedback"};
  for (size_t i = 0; i < names.size(); ++i) steps[names[i]] = {{"done_on", days_ago(20 - long(i))}};
  json body = {{"version", 1}, {"employer", "Aldi"}, {"job_title", "Kassier"}, {"outcome", "rejected"},
               {"decision_on", days_ago(13)}, {"steps", steps}};
  EXPECT_EQ(refused("PUT", base_ + "/applications/" + id_of(app), body), std::set<std::string>{"feedback:required"});
  body["feedback"] = {{"strengths", {"Contactvaardigheid"}}, {"to_develop", {"assertiveness"}}, {"note", "Te stil"}};
  json r = expect(200, "PUT", base_ + "/applications/" + id_of(app), body);
  EXPECT_EQ(r["status"], "rejected");
  EXPECT_EQ(r["steps"].size(), 8u);
  EXPECT_EQ(r["feedback"]["strengths"], json({"contact_skills"}));
  // Steps out of order are refused.
  json back = {{"employer", "Lidl"}, {"job_title", "Kassier"},
               {"steps", {{"employer_contact", {{"done_on", days_ago(3)}}}, {"added_value", {{"done_on", days_ago(5)}}}}}};
  EXPECT_EQ(refused("POST", base_ + "/applications", back), std::set<std::string>{"steps.added_value.done_on:step_order"});
}

TEST_P(WorkApiTest, AStart_LinkedOnlyToAnApplicationOfThisDossier) {
  auto theirs = call("POST", other_base_ + "/applications", {{"employer", "X"}, {"job_title", "Y"}});
  ASSERT_EQ(theirs->status, 201);
  EXPECT_EQ(refused("POST", base_ + "/work-starts",
                    {{"kind", "work"}, {"organisation", "K"}, {"job_title", "W"}, {"contract", "art60"},
                     {"starts_on", days_ago(1)}, {"application_id", json::parse(theirs->body)["id"]}}),
            std::set<std::string>{"application_id:not_in_dossier"});
  EXPECT_EQ(items("work-starts"), json::array());
  EXPECT_EQ(items("sustainability-checks"), json::array());
}

TEST_P(WorkApiTest, Aftercare_FollowsTheRhythm_AndAnAbsenceStaysOpenUntilResolved) {
  const std::string starts_on = days_ago(20);
  json start = work_start(starts_on, {{"welfare_checklist", {{"childcare", {{"status", "arranged"}}},
                                                             {"transport", {{"status", "not_needed"}}}}}});
  json after = expect(200, "GET", base_ + "/aftercare")["items"];
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0]["work_start_id"], start["id"]);
  EXPECT_EQ(after[0]["every_days"], 7);
  EXPECT_EQ(after[0]["next_due"], days_ago(13));
  EXPECT_EQ(after[0]["lapsed"], true);
  EXPECT_EQ(after[0]["open_checklist"], json({"sick_child_contacts", "appointments_moved", "employer_involved"}));
  EXPECT_EQ(after[0]["open_absences"], 0);

  EXPECT_EQ(refused("POST", base_ + "/aftercare-contacts", {{"work_start_id", start["id"]}, {"kind", "aftercare"}, {"with", "boss"}}),
            (std::set<std::string>{"held_on:required", "with:choice"}));
  json contact = created("aftercare-contacts", {{"work_start_id", start["id"]}, {"kind", "aftercare"}, {"with", "jobseeker"},
                                                {"held_on", days_ago(1)}, {"note", "Gaat goed"}});
  EXPECT_EQ(contact["status"], "held");
  created("aftercare-contacts", {{"work_start_id", start["id"]}, {"kind", "feedback_moment"}, {"with", "employer"},
                                 {"planned_on", days_ago(-14)}});
  after = expect(200, "GET", base_ + "/aftercare")["items"];
  EXPECT_EQ(after[0]["next_due"], days_ago(-6));
  EXPECT_EQ(after[0]["lapsed"], false);

  json signal = created("absence-signals", {{"work_start_id", start["id"]}, {"reported_on", today_utc()}, {"reported_by", "Ploegbaas"}});
  EXPECT_EQ(signal["status"], "open");
  EXPECT_EQ(signal["due_on"], today_utc());
  EXPECT_EQ(expect(200, "GET", base_ + "/aftercare")["items"][0]["open_absences"], 1);
  const std::string path = base_ + "/absence-signals/" + id_of(signal);
  json resolve = {{"version", 1}, {"work_start_id", start["id"]}, {"reported_on", today_utc()}, {"reported_by", "Ploegbaas"},
                  {"resolved_on", today_utc()}};
  EXPECT_EQ(refused("PUT", path, resolve), (std::set<std::string>{"cause:required", "solution:required"}));
  resolve["cause"] = "Kind ziek, opvang gesloten";
  resolve["solution"] = "Noodopvang via de buurvrouw in het noodplan";
  json resolved = expect(200, "PUT", path, resolve);
  EXPECT_EQ(resolved["status"], "resolved");
  EXPECT_EQ(resolved["due_on"], "");
  EXPECT_EQ(expect(200, "GET", base_ + "/aftercare")["items"][0]["open_absences"], 0);

  // An ended start has no aftercare left.
  json ended = expect(200, "PUT", base_ + "/work-starts/" + id_of(start),
                      {{"version", 1}, {"kind", "work"}, {"organisation", "Kringwinkel"}, {"job_title", "Winkelmedewerker"},
                       {"contract", "art60"}, {"starts_on", starts_on}, {"ended_on", today_utc()}, {"end_reason", "Verhuisd"}});
  EXPECT_EQ(ended["status"], "ended");
  EXPECT_EQ(expect(200, "GET", base_ + "/aftercare")["items"], json::array());
}

TEST_P(WorkApiTest, ADisclosure_ListsBackpackItemsAndCanBeWithdrawn) {
  json start = work_start(days_ago(5));
  EXPECT_EQ(refused("POST", base_ + "/disclosures", {{"work_start_id", start["id"]}, {"recipient", "Kringwinkel"}, {"items", {"diagnosis"}}}),
            std::set<std::string>{"items:choice"});
  json d = created("disclosures", {{"work_start_id", start["id"]}, {"recipient", "Kringwinkel"},
                                   {"items", {"competences", "support_on_job"}}});
  EXPECT_EQ(d["status"], "in_force");
  EXPECT_EQ(d["given_on"], today_utc());
  // The consent register lists the backpack among the sharings.
  const std::string register_path = "/jobseekers/" + std::to_string(id_) + "/consents";
  auto page = server_->client().Get(register_path.c_str(), bearer(coach_.token));
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<td>Kringwinkel</td>"), std::string::npos) << page->body;
  EXPECT_NE(page->body.find("<strong>geldig</strong>"), std::string::npos);
  EXPECT_EQ(page->body.find("Nog niets uit de rugzak gedeeld."), std::string::npos);
  json w = expect(200, "PUT", base_ + "/disclosures/" + id_of(d),
                  {{"version", 1}, {"work_start_id", start["id"]}, {"recipient", "Kringwinkel"},
                   {"items", {"competences", "support_on_job"}}, {"given_on", today_utc()}, {"withdrawn_on", today_utc()}});
  EXPECT_EQ(w["status"], "withdrawn");
  page = server_->client().Get(register_path.c_str(), bearer(coach_.token));
  EXPECT_NE(page->body.find("ingetrokken op " + today_utc()), std::string::npos);
  EXPECT_EQ(page->body.find("<strong>geldig</strong>"), std::string::npos);
  EXPECT_EQ(refused("POST", base_ + "/disclosures", {{"work_start_id", 999999}, {"recipient", "X"}}),
            std::set<std::string>{"work_start_id:not_in_dossier"});
}

TEST_P(WorkApiTest, BadJsonTypes_Give422WithFieldPaths) {
  EXPECT_EQ(refused("POST", base_ + "/job-targets",
                    {{"occupation", 5}, {"rank", "1"}, {"checks", {{"wants", {{"answer", true}, {"evidence", 3}}}}}}),
            (std::set<std::string>{"occupation:type_text", "rank:type_integer", "checks.wants.answer:choice",
                                   "checks.wants.evidence:type_text"}));
  EXPECT_EQ(refused("POST", base_ + "/work-starts",
                    {{"kind", "work"}, {"organisation", "K"}, {"job_title", "W"}, {"contract", "art60"}, {"starts_on", "2026-13-01"},
                     {"welfare_checklist", json::array()}, {"emergency_plan", {{"contacts", {{{"name", "Zus"}}}}}},
                     {"hours_per_week", "19"}}),
            (std::set<std::string>{"starts_on:date", "welfare_checklist:type_object", "emergency_plan.contacts.0.phone:required",
                                   "hours_per_week:type_number"}));
  EXPECT_EQ(refused("POST", base_ + "/situations", {{"text", "x"}, {"kind", "care"}, {"noted_on", days_ago(1)},
                                                    {"competences", "perseverance"}, {"colour", "red"}}),
            (std::set<std::string>{"competences:type_list", "colour:unknown_field"}));
  EXPECT_EQ(refused("POST", base_ + "/applications", {{"employer", "C"}, {"job_title", "V"},
                                                      {"steps", {{"selection", {{"done_on", 20260101}}}}}}),
            std::set<std::string>{"steps.selection.done_on:type_text"});
  EXPECT_EQ(refused("PUT", base_ + "/job-targets/1", {{"version", "1"}}), std::set<std::string>{"version:type_integer"});
  // An unknown competence is named in the message, cut at 60 bytes without splitting a character.
  std::string long_name = "a";
  for (int i = 0; i < 40; ++i) long_name += "\xC3\xA9";  // é
  auto cut = call("POST", base_ + "/situations",
                  {{"text", "x"}, {"kind", "care"}, {"noted_on", days_ago(1)}, {"competences", {long_name}}});
  EXPECT_EQ(cut->status, 422) << cut->body;
  cut = call("POST", base_ + "/competence-decisions",
             {{"competence", long_name}, {"decision", "acquired"}, {"decided_with_jobseeker", true}});
  EXPECT_EQ(cut->status, 422) << cut->body;
  // Not an object at all.
  auto r = server_->client().Post((base_ + "/situations").c_str(), bearer(coach_.token), "[1, 2]", "application/json");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(items("situations"), json::array());
  EXPECT_EQ(items("job-targets"), json::array());
}

TEST_P(WorkApiTest, ACoachOfAnotherTeam_Gets404AndChangesNothing) {
  json target = job_target();
  json start = work_start(days_ago(3));
  const std::string collections[] = {"situations", "competence-decisions", "work-experiences", "business-card",
                                     "work-profile", "job-targets", "placements", "applications", "work-starts",
                                     "aftercare-contacts", "absence-signals", "disclosures", "sustainability-checks"};
  for (const auto& c : collections) EXPECT_EQ(call("GET", base_ + "/" + c, nullptr, &other_)->status, 404) << c;
  EXPECT_EQ(call("GET", base_ + "/competences", nullptr, &other_)->status, 404);
  EXPECT_EQ(call("GET", base_ + "/aftercare", nullptr, &other_)->status, 404);
  EXPECT_EQ(call("POST", base_ + "/job-targets", {{"occupation", "Kok"}}, &other_)->status, 404);
  EXPECT_EQ(call("PUT", base_ + "/job-targets/" + id_of(target), {{"version", 1}, {"occupation", "Kok"}}, &other_)->status, 404);
  EXPECT_EQ(call("PUT", base_ + "/business-card", {{"version", 0}, {"target_1", "Kok"}}, &other_)->status, 404);
  EXPECT_EQ(call("PUT", base_ + "/sustainability-checks/" + id_of(items("sustainability-checks")[0]),
                 {{"version", 1}, {"still_working", false}, {"end_reason", "x"}, {"income_sufficient", "no"}}, &other_)
                ->status,
            404);
  json targets = items("job-targets");
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0]["occupation"], "Winkelbediende");
  EXPECT_EQ(targets[0]["version"], 1);
  EXPECT_EQ(items("business-card"), json::array());
  auto log = audit(id_);
  EXPECT_NE(std::find(log.begin(), log.end(), "access.denied:work.job_target.update"), log.end());
  EXPECT_NE(std::find(log.begin(), log.end(), "access.denied:work.read"), log.end());
}

TEST_P(WorkApiTest, EveryWrite_IsInTheAudit) {
  std::vector<std::string> expected;  // "action:record id", in order
  auto add = [&](const std::string& collection, const std::string& kind, const json& body) {
    json r = created(collection, body);
    expected.push_back("work." + kind + ".create:" + id_of(r));
    return r;
  };
  auto put = [&](const std::string& path, const std::string& action, const json& body) {
    json r = expect(200, "PUT", base_ + path, body);
    expected.push_back("work." + action + ":" + id_of(r));
    return r;
  };
  json s = add("situations", "situation", {{"text", "Mantelzorg"}, {"kind", "care"}, {"noted_on", days_ago(9)}});
  put("/situations/" + id_of(s), "situation.update",
      {{"version", 1}, {"text", "Mantelzorg"}, {"kind", "care"}, {"noted_on", days_ago(9)}, {"competences", {"empathy"}}});
  add("competence-decisions", "competence_decision",
      {{"competence", "empathy"}, {"decision", "to_develop"}, {"decided_with_jobseeker", true}});
  add("work-experiences", "work_experience", {{"job", "Poetshulp"}, {"tasks", {{{"text", "Strijken"}}}}});
  put("/business-card", "business_card.save", {{"version", 0}, {"target_1", "Kok"}});
  put("/business-card", "business_card.update", {{"version", 1}, {"target_1", "Bakker"}});
  put("/work-profile", "work_profile.save", {{"version", 0}, {"max_travel_minutes", 30}});
  json t = add("job-targets", "job_target", {{"occupation", "Kok"}});
  put("/job-targets/" + id_of(t), "job_target.update", {{"version", 1}, {"occupation", "Kok"}, {"rank", 1}});
  add("placements", "placement", placement(t["id"], 2));
  json a = add("applications", "application", {{"employer", "C"}, {"job_title", "V"}});
  put("/applications/" + id_of(a), "application.update", {{"version", 1}, {"employer", "C"}, {"job_title", "V"}, {"outcome", "withdrawn"}});
  json w = add("work-starts", "work_start",
               {{"kind", "training"}, {"organisation", "VDAB"}, {"job_title", "Magazijnier"}, {"contract", "training"}, {"starts_on", days_ago(2)}});
  add("aftercare-contacts", "aftercare_contact", {{"work_start_id", w["id"]}, {"kind", "aftercare"}, {"with", "provider"}, {"held_on", days_ago(1)}});
  add("absence-signals", "absence_signal", {{"work_start_id", w["id"]}, {"reported_on", days_ago(1)}, {"reported_by", "Lesgever"}});
  add("disclosures", "disclosure", {{"work_start_id", w["id"]}, {"recipient", "VDAB"}, {"items", {"measures"}}});
  json check = items("sustainability-checks")[0];
  put("/sustainability-checks/" + id_of(check), "sustainability_check.update",
      {{"version", 1}, {"still_working", false}, {"end_reason", "Opleiding gestopt"}, {"income_sufficient", "no"}});
  // Refused writes leave no write record.
  call("POST", base_ + "/placements", placement(t["id"], 9));
  call("PUT", base_ + "/job-targets/" + id_of(t), {{"version", 1}, {"occupation", "Kok"}});

  std::vector<std::string> writes;
  bool read_audited = false;
  for (const auto& e : audit(id_)) {
    if (e.starts_with("work.read")) read_audited = true;
    else if (e.starts_with("work.")) writes.push_back(e);
  }
  EXPECT_EQ(writes, expected);
  EXPECT_TRUE(read_audited);
}

INSTANTIATE_TEST_SUITE_P(Engines, WorkApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
