// The rules of the road to work (core/mindmap.h, job_target.h,
// application.h, work_start.h) and the form translation the work pages use
// (web/form.h): placements, the four checks of a job target, the 8 steps of
// an application, the welfare checklist, absences, the backpack, the
// sustainability moments and the aftercare rhythm.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/application.h"
#include "core/job_target.h"
#include "core/mindmap.h"
#include "core/work_record.h"
#include "core/work_start.h"
#include "web/form.h"

namespace spiraal {
namespace {

using nlohmann::json;

const std::string kToday = "2026-03-15";

// "field:rule" of every error, or {} when the result is valid.
std::set<std::string> errors_of(const Result<WorkRecordContent>& r) {
  std::set<std::string> out;
  for (const auto& f : r.status().fields()) out.insert(f.field + ":" + f.rule);
  return out;
}

// The error on `field`, or nullptr.
const FieldError* error_on(const Result<WorkRecordContent>& r, const std::string& field) {
  for (const auto& f : r.status().fields())
    if (f.field == field) return &f;
  return nullptr;
}

// --- Exploration placements ---------------------------------------------

TEST(WorkPlacement, FullDays_OneToFiveAllowed_ZeroAndSixNot) {
  EXPECT_FALSE(placement_days_allowed("full_day", 0));
  EXPECT_TRUE(placement_days_allowed("full_day", 1));
  EXPECT_TRUE(placement_days_allowed("full_day", 5));
  EXPECT_FALSE(placement_days_allowed("full_day", 6));
  EXPECT_FALSE(placement_days_allowed("full_day", -1));
}

TEST(WorkPlacement, HalfDays_TwoToTenAllowed_OneAndElevenNot) {
  EXPECT_FALSE(placement_days_allowed("half_day", 1));
  EXPECT_TRUE(placement_days_allowed("half_day", 2));
  EXPECT_TRUE(placement_days_allowed("half_day", 10));
  EXPECT_FALSE(placement_days_allowed("half_day", 11));
  EXPECT_FALSE(placement_days_allowed("hour", 3));
  EXPECT_FALSE(placement_days_allowed("", 3));
}

json placement(const std::string& unit, int64_t days) {
  return {{"job_target_id", 7}, {"employer", "Bakkerij Mertens"}, {"unit", unit}, {"days", days},
          {"starts_on", "2026-03-20"}};
}

TEST(WorkPlacement, Placement_SixFullDays_RefusedWithTheRule) {
  auto r = parse_placement(placement("full_day", 6), kToday);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(errors_of(r), std::set<std::string>{"days:placement_days"});
  EXPECT_EQ(error_on(r, "days")->param, "1–5");
}

TEST(WorkPlacement, Placement_ElevenHalfDays_RefusedWithTheHalfDayRule) {
  auto r = parse_placement(placement("half_day", 11), kToday);
  EXPECT_EQ(errors_of(r), std::set<std::string>{"days:placement_days"});
  EXPECT_EQ(error_on(r, "days")->param, "2–10");
  EXPECT_EQ(errors_of(parse_placement(placement("half_day", 1), kToday)), std::set<std::string>{"days:placement_days"});
}

TEST(WorkPlacement, Placement_AtTheBoundaries_Accepted) {
  for (auto [unit, days] : {std::pair<const char*, int>{"full_day", 1}, {"full_day", 5}, {"half_day", 2}, {"half_day", 10}}) {
    auto r = parse_placement(placement(unit, days), kToday);
    ASSERT_TRUE(r.is_ok()) << unit << " " << days;
    EXPECT_EQ(r->content["days"], days);
    EXPECT_EQ(r->parent_id.value_or(0), 7);
    EXPECT_EQ(r->status, "planned");
    EXPECT_EQ(r->due_on, "2026-03-20");
  }
}

TEST(WorkPlacement, Placement_ZeroFullDays_RefusedAndHugeOutOfRange) {
  EXPECT_EQ(errors_of(parse_placement(placement("full_day", 0), kToday)), std::set<std::string>{"days:placement_days"});
  EXPECT_EQ(errors_of(parse_placement(placement("full_day", 5000), kToday)), std::set<std::string>{"days:range"});
}

TEST(WorkPlacement, Placement_WithoutTargetUnitOrDays_AllReported) {
  auto r = parse_placement({{"employer", "X"}, {"starts_on", "2026-03-20"}}, kToday);
  EXPECT_EQ(errors_of(r), (std::set<std::string>{"job_target_id:required", "unit:required", "days:required"}));
}

TEST(WorkPlacement, Placement_EvaluatedBeforeItStarts_Refused) {
  json body = placement("full_day", 3);
  body["evaluation"] = {{"went_well", "Vlot"}, {"conclusion", "keep"}};
  EXPECT_EQ(errors_of(parse_placement(body, kToday)), std::set<std::string>{"evaluation:not_yet_started"});
  body["starts_on"] = "2026-03-01";
  auto r = parse_placement(body, kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->status, "evaluated");
  EXPECT_EQ(r->due_on, "");
}

// --- Job targets ----------------------------------------------------------

json checks_with(const std::string& last_answer) {
  return {{"wants", {{"answer", "yes"}, {"evidence", "Zegt het zelf, al jaren"}}},
          {"can_manage", {{"answer", "yes"}, {"evidence", "Stage goed verlopen"}}},
          {"demand", {{"answer", "yes"}, {"evidence", "Knelpuntberoep"}}},
          {"family_fit", {{"answer", last_answer}, {"evidence", "Opvang geregeld"}}}};
}

TEST(WorkJobTarget, JobTarget_FourYeses_IsRealistic) {
  auto r = parse_job_target({{"occupation", "Winkelbediende"}, {"status", "realistic"}, {"checks", checks_with("yes")}}, kToday);
  ASSERT_TRUE(r.is_ok()) << r.status().fields().size();
  EXPECT_EQ(r->status, "realistic");
  EXPECT_EQ(r->content["checks"]["family_fit"]["answer"], "yes");
}

TEST(WorkJobTarget, JobTarget_ThreeYeses_NotRealistic) {
  for (const char* last : {"no", "unsure"}) {
    auto r = parse_job_target({{"occupation", "Winkelbediende"}, {"status", "realistic"}, {"checks", checks_with(last)}}, kToday);
    EXPECT_EQ(errors_of(r), std::set<std::string>{"status:four_checks"}) << last;
  }
  json three = checks_with("yes");
  three.erase("family_fit");
  EXPECT_EQ(errors_of(parse_job_target({{"occupation", "W"}, {"status", "realistic"}, {"checks", three}}, kToday)),
            std::set<std::string>{"status:four_checks"});
}

TEST(WorkJobTarget, JobTarget_AnswerWithoutEvidence_RefusedAtThatCheck) {
  json checks = checks_with("no");
  checks["demand"]["evidence"] = "  ";
  auto r = parse_job_target({{"occupation", "Winkelbediende"}, {"checks", checks}}, kToday);
  EXPECT_EQ(errors_of(r), std::set<std::string>{"checks.demand.evidence:evidence_required"});
}

TEST(WorkJobTarget, JobTarget_Defaults_ExploringWithEmptyChecks) {
  auto r = parse_job_target({{"occupation", "Magazijnier"}}, kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->status, "exploring");
  EXPECT_EQ(r->content["checks"]["wants"]["answer"], "");
  EXPECT_TRUE(r->content["rank"].is_null());
}

TEST(WorkJobTarget, JobTarget_BadShapes_ReportedWithPaths) {
  auto r = parse_job_target({{"occupation", ""}, {"status", "maybe"}, {"rank", 3},
                             {"checks", {{"wants", {{"answer", "perhaps"}}}, {"luck", json::object()}}}},
                            kToday);
  EXPECT_EQ(errors_of(r), (std::set<std::string>{"occupation:required", "status:choice", "rank:range",
                                                 "checks.wants.answer:choice", "checks.luck:unknown_field"}));
  EXPECT_EQ(errors_of(parse_job_target({{"occupation", "X"}, {"checks", "yes"}}, kToday)),
            std::set<std::string>{"checks:type_object"});
  EXPECT_EQ(errors_of(parse_job_target({{"occupation", "X"}, {"status", "dropped"}, {"rank", 1}}, kToday)),
            std::set<std::string>{"rank:dropped_ranked"});
}

// --- Applications -----------------------------------------------------------

json all_steps_until(size_t n) {
  json steps = json::object();
  const auto& names = application_steps();
  for (size_t i = 0; i < n && i < names.size(); ++i)
    steps[names[i]] = {{"done_on", "2026-02-0" + std::to_string(i + 1)}, {"note", ""}};
  return steps;
}

TEST(WorkApplication, Application_HasEightStepsInTheHandbooksOrder) {
  ASSERT_EQ(application_steps().size(), 8u);
  EXPECT_EQ(application_steps().front(), "employer_contact");
  EXPECT_EQ(application_steps()[6], "selection");
  EXPECT_EQ(application_steps().back(), "feedback");
}

TEST(WorkApplication, Application_StepDatedBeforeAnEarlierStep_Refused) {
  json steps = {{"employer_contact", {{"done_on", "2026-02-10"}}}, {"added_value", {{"done_on", "2026-02-05"}}}};
  auto r = parse_application({{"employer", "Colruyt"}, {"job_title", "Vakkenvuller"}, {"steps", steps}}, kToday);
  EXPECT_EQ(errors_of(r), std::set<std::string>{"steps.added_value.done_on:step_order"});
  EXPECT_EQ(error_on(r, "steps.added_value.done_on")->param, "employer_contact");
  steps["added_value"]["done_on"] = "2026-02-10";  // the same day is fine
  EXPECT_TRUE(parse_application({{"employer", "Colruyt"}, {"job_title", "V"}, {"steps", steps}}, kToday).is_ok());
}

TEST(WorkApplication, Application_StepInTheFuture_Refused) {
  json steps = {{"employer_contact", {{"done_on", "2026-04-01"}}}};
  EXPECT_EQ(errors_of(parse_application({{"employer", "C"}, {"job_title", "V"}, {"steps", steps}}, kToday)),
            std::set<std::string>{"steps.employer_contact.done_on:date_in_future"});
}

TEST(WorkApplication, Application_HiredWithoutSelectionOrDecisionDate_Refused) {
  auto r = parse_application({{"employer", "C"}, {"job_title", "V"}, {"outcome", "hired"}, {"steps", all_steps_until(6)}}, kToday);
  EXPECT_EQ(errors_of(r), (std::set<std::string>{"outcome:selection_first", "decision_on:required"}));
  r = parse_application({{"employer", "C"}, {"job_title", "V"}, {"outcome", "rejected"}, {"steps", all_steps_until(7)}}, kToday);
  EXPECT_EQ(errors_of(r), std::set<std::string>{"decision_on:required"});
}

TEST(WorkApplication, Application_HiredAfterSelectionWithDecisionDate_Accepted) {
  auto r = parse_application({{"employer", "C"}, {"job_title", "V"}, {"outcome", "hired"},
                              {"decision_on", "2026-02-08"}, {"steps", all_steps_until(7)}},
                             kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->status, "hired");
  EXPECT_EQ(r->content["steps"].size(), 7u);
  EXPECT_EQ(r->due_on, "");
}

TEST(WorkApplication, Application_FeedbackStep_OnlyAfterRejection) {
  json steps = all_steps_until(8);
  json feedback = {{"strengths", {"perseverance"}}, {"to_develop", {"Assertiviteit"}}, {"note", "Te stil in het gesprek"}};
  auto hired = parse_application({{"employer", "C"}, {"job_title", "V"}, {"outcome", "hired"}, {"decision_on", "2026-02-08"},
                                  {"steps", steps}, {"feedback", feedback}},
                                 kToday);
  EXPECT_EQ(errors_of(hired), std::set<std::string>{"steps.feedback:after_rejection"});
  auto rejected = parse_application({{"employer", "C"}, {"job_title", "V"}, {"outcome", "rejected"},
                                     {"decision_on", "2026-02-08"}, {"steps", steps}, {"feedback", feedback}},
                                    kToday);
  ASSERT_TRUE(rejected.is_ok());
  EXPECT_EQ(rejected->content["feedback"]["to_develop"], json({"assertiveness"}));
  auto silent = parse_application({{"employer", "C"}, {"job_title", "V"}, {"outcome", "rejected"},
                                   {"decision_on", "2026-02-08"}, {"steps", steps}},
                                  kToday);
  EXPECT_EQ(errors_of(silent), std::set<std::string>{"feedback:required"});
}

TEST(WorkApplication, Application_OpenIsDueAtTheInterview) {
  auto r = parse_application({{"employer", "C"}, {"job_title", "V"}, {"interview_on", "2026-03-20"}}, kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->status, "open");
  EXPECT_EQ(r->due_on, "2026-03-20");
}

// --- Starts in work and the welfare checklist -----------------------------

json start_body() {
  return {{"kind", "work"}, {"organisation", "Kringwinkel"}, {"job_title", "Winkelmedewerker"},
          {"contract", "art60"}, {"starts_on", "2026-01-01"}};
}

TEST(WorkStart, WorkStart_ChecklistDefaultsToOpen) {
  auto r = parse_work_start(start_body(), kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->status, "active");
  for (const auto& item : welfare_checklist_items()) EXPECT_EQ(r->content["welfare_checklist"][item]["status"], "open") << item;
  EXPECT_EQ(open_checklist_items(r->content), welfare_checklist_items());
  EXPECT_EQ(open_checklist_items(json::object()), welfare_checklist_items());
}

TEST(WorkStart, WorkStart_ArrangedItems_LeaveTheOpenOnes) {
  json body = start_body();
  body["welfare_checklist"] = {{"childcare", {{"status", "arranged"}, {"note", "Oma haalt af"}}},
                               {"transport", {{"status", "not_needed"}}}};
  auto r = parse_work_start(body, kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(open_checklist_items(r->content),
            (std::vector<std::string>{"sick_child_contacts", "appointments_moved", "employer_involved"}));
}

TEST(WorkStart, WorkStart_BadChecklistAndEndWithoutReason_Refused) {
  json body = start_body();
  body["welfare_checklist"] = {{"childcare", {{"status", "sorted"}}}, {"pets", json::object()}};
  body["ended_on"] = "2026-02-01";
  body["aftercare_until"] = "2026-06-01";
  auto r = parse_work_start(body, kToday);
  EXPECT_EQ(errors_of(r), (std::set<std::string>{"welfare_checklist.childcare.status:choice",
                                                 "welfare_checklist.pets:unknown_field", "end_reason:required",
                                                 "aftercare_until:one_year"}));
}

TEST(WorkStart, AbsenceSignal_Resolved_NeedsCauseAndSolution) {
  json body = {{"work_start_id", 3}, {"reported_on", "2026-03-02"}, {"reported_by", "Chef"}, {"resolved_on", "2026-03-04"}};
  EXPECT_EQ(errors_of(parse_absence_signal(body, kToday)), (std::set<std::string>{"cause:required", "solution:required"}));
  body["cause"] = "Kind ziek";
  body["solution"] = "Noodopvang via de buurvrouw";
  auto r = parse_absence_signal(body, kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->status, "resolved");
  EXPECT_EQ(r->due_on, "");
  body["resolved_on"] = "2026-03-01";
  EXPECT_EQ(errors_of(parse_absence_signal(body, kToday)), std::set<std::string>{"resolved_on:before_report"});
}

TEST(WorkStart, AbsenceSignal_Open_IsDueTheDayReported) {
  auto r = parse_absence_signal({{"work_start_id", 3}, {"reported_on", "2026-03-02"}, {"reported_by", "Chef"}}, kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->status, "open");
  EXPECT_EQ(r->due_on, "2026-03-02");
  EXPECT_EQ(r->parent_id.value_or(0), 3);
  EXPECT_EQ(errors_of(parse_absence_signal({{"reported_on", "2026-03-02"}}, kToday)),
            (std::set<std::string>{"work_start_id:required", "reported_by:required"}));
}

TEST(WorkStart, Disclosure_OnlyBackpackItems_Deduplicated) {
  auto bad = parse_disclosure({{"work_start_id", 3}, {"recipient", "Kringwinkel"}, {"items", {"competences", "salary"}}}, kToday);
  EXPECT_EQ(errors_of(bad), std::set<std::string>{"items:choice"});
  auto ok = parse_disclosure({{"work_start_id", 3}, {"recipient", "Kringwinkel"},
                              {"items", {"competences", "measures", "competences"}}},
                             kToday);
  ASSERT_TRUE(ok.is_ok());
  EXPECT_EQ(ok->content["items"], json({"competences", "measures"}));
  EXPECT_EQ(ok->content["given_on"], kToday);
  EXPECT_EQ(ok->status, "in_force");
}

TEST(WorkStart, Disclosure_WithdrawnBeforeGiven_Refused_AndWithdrawnHasItsStatus) {
  json body = {{"work_start_id", 3}, {"recipient", "K"}, {"items", {"measures"}}, {"given_on", "2026-03-10"},
               {"withdrawn_on", "2026-03-01"}};
  EXPECT_EQ(errors_of(parse_disclosure(body, kToday)), std::set<std::string>{"withdrawn_on:before_given"});
  body["withdrawn_on"] = "2026-03-12";
  auto r = parse_disclosure(body, kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->status, "withdrawn");
  EXPECT_EQ(errors_of(parse_disclosure({{"work_start_id", 3}, {"recipient", "K"}, {"items", "measures"}}, kToday)),
            std::set<std::string>{"items:type_list"});
}

// --- Sustainability follow-ups --------------------------------------------

TEST(WorkSustainability, Moments_AtThreeSixAndTwelveMonths) {
  auto m = sustainability_moments("2026-01-15");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].months, 3);
  EXPECT_EQ(m[0].due_on, "2026-04-15");
  EXPECT_EQ(m[1].months, 6);
  EXPECT_EQ(m[1].due_on, "2026-07-15");
  EXPECT_EQ(m[2].months, 12);
  EXPECT_EQ(m[2].due_on, "2027-01-15");
}

TEST(WorkSustainability, Moments_ClampedToTheMonthsEnd) {
  auto m = sustainability_moments("2025-11-30");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].due_on, "2026-02-28");
  EXPECT_EQ(m[1].due_on, "2026-05-30");
  EXPECT_EQ(m[2].due_on, "2026-11-30");
  EXPECT_EQ(sustainability_moments("2023-11-30")[0].due_on, "2024-02-29");  // leap year
  auto aug = sustainability_moments("2026-08-31");
  EXPECT_EQ(aug[0].due_on, "2026-11-30");
  EXPECT_EQ(aug[1].due_on, "2027-02-28");
  EXPECT_EQ(aug[2].due_on, "2027-08-31");
  EXPECT_TRUE(sustainability_moments("").empty());
  EXPECT_TRUE(sustainability_moments("2026-02-30").empty());
}

TEST(WorkSustainability, Check_NotStillWorking_NeedsTheEndReason) {
  auto r = parse_sustainability_check({{"still_working", false}, {"income_sufficient", "no"}}, kToday);
  EXPECT_EQ(errors_of(r), std::set<std::string>{"end_reason:required"});
  r = parse_sustainability_check({{"still_working", false}, {"end_reason", "Contract niet verlengd"}, {"income_sufficient", "no"}},
                                 kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(r->content["four_as"]["conditions"].is_null());
  EXPECT_EQ(r->content["recorded_on"], kToday);
}

TEST(WorkSustainability, Check_StillWorking_NeedsTheFourAsFromOneToFive) {
  auto r = parse_sustainability_check({{"still_working", true}, {"income_sufficient", "partly"}}, kToday);
  EXPECT_EQ(errors_of(r), (std::set<std::string>{"four_as.conditions:required", "four_as.circumstances:required",
                                                 "four_as.content:required", "four_as.relations:required"}));
  json as = {{"conditions", 0}, {"circumstances", 6}, {"content", 5}, {"relations", 1}};
  r = parse_sustainability_check({{"still_working", true}, {"income_sufficient", "partly"}, {"four_as", as}}, kToday);
  EXPECT_EQ(errors_of(r), (std::set<std::string>{"four_as.conditions:range", "four_as.circumstances:range"}));
  as = {{"conditions", 1}, {"circumstances", 5}, {"content", 3}, {"relations", "4"}};
  r = parse_sustainability_check({{"still_working", true}, {"income_sufficient", "partly"}, {"four_as", as}}, kToday);
  EXPECT_EQ(errors_of(r), std::set<std::string>{"four_as.relations:type_integer"});
  as["relations"] = 4;
  r = parse_sustainability_check({{"still_working", true}, {"income_sufficient", "yes"}, {"four_as", as}}, kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->status, "recorded");
  EXPECT_EQ(r->content["four_as"]["relations"], 4);
}

TEST(WorkSustainability, Check_WithoutStillWorkingOrIncome_Refused) {
  EXPECT_EQ(errors_of(parse_sustainability_check(json::object(), kToday)),
            (std::set<std::string>{"still_working:required", "income_sufficient:required"}));
}

// --- The aftercare rhythm ---------------------------------------------------

TEST(WorkAftercare, Interval_WeeklyThenTwoWeeklyThenMonthly) {
  json start = {{"starts_on", "2026-01-01"}};
  EXPECT_EQ(aftercare_interval_days(start, "2026-01-01"), 7);
  EXPECT_EQ(aftercare_interval_days(start, "2026-01-31"), 7);
  EXPECT_EQ(aftercare_interval_days(start, "2026-02-01"), 14);
  EXPECT_EQ(aftercare_interval_days(start, "2026-02-28"), 14);
  EXPECT_EQ(aftercare_interval_days(start, "2026-03-01"), 30);
  EXPECT_EQ(aftercare_interval_days(start, "2026-11-01"), 30);
}

TEST(WorkAftercare, Interval_SixtyDaysOnceATrustedPersonTookOver) {
  json start = {{"starts_on", "2026-01-01"}, {"trusted_person", {{"name", "Marc"}, {"since", "2026-02-15"}}}};
  EXPECT_EQ(aftercare_interval_days(start, "2026-02-20"), 14);  // the second month stays two-weekly
  EXPECT_EQ(aftercare_interval_days(start, "2026-03-01"), 60);
  start["trusted_person"]["since"] = "2026-05-01";
  EXPECT_EQ(aftercare_interval_days(start, "2026-04-30"), 30);
  EXPECT_EQ(aftercare_interval_days(start, "2026-05-01"), 60);
}

TEST(WorkAftercare, Interval_TheCoachsOwnIntervalOverrides) {
  json start = {{"starts_on", "2026-01-01"}, {"aftercare_every_days", 21}};
  EXPECT_EQ(aftercare_interval_days(start, "2026-01-02"), 21);
  EXPECT_EQ(aftercare_interval_days(start, "2026-06-01"), 21);
}

TEST(WorkAftercare, State_NextDueAndLapsedAfterTheGraceDays) {
  json start = {{"starts_on", "2026-01-01"}};
  auto s = aftercare_state(start, {}, "2026-01-08");
  EXPECT_EQ(s.next_due, "2026-01-08");
  EXPECT_EQ(s.every_days, 7);
  EXPECT_FALSE(s.lapsed);
  EXPECT_FALSE(aftercare_state(start, {}, "2026-01-11").lapsed);  // 3 grace days
  EXPECT_TRUE(aftercare_state(start, {}, "2026-01-12").lapsed);
  s = aftercare_state(start, {"2026-01-06", "2026-01-13", "2026-01-02"}, "2026-01-22");
  EXPECT_EQ(s.next_due, "2026-01-20");
  EXPECT_FALSE(s.lapsed);
  s = aftercare_state(start, {"2026-02-10"}, "2026-03-01");
  EXPECT_EQ(s.every_days, 14);
  EXPECT_EQ(s.next_due, "2026-02-24");
  EXPECT_TRUE(s.lapsed);
}

TEST(WorkAftercare, State_NoneAfterTheEnd) {
  json start = {{"starts_on", "2026-01-01"}, {"ended_on", "2026-02-01"}, {"end_reason", "Ontslag"}};
  auto s = aftercare_state(start, {}, "2026-03-01");
  EXPECT_EQ(s.next_due, "");
  EXPECT_EQ(s.every_days, 0);
  EXPECT_FALSE(s.lapsed);
  // A year on, the next contact would fall after the aftercare period.
  start = {{"starts_on", "2026-01-01"}};
  s = aftercare_state(start, {"2026-12-20"}, "2027-02-01");
  EXPECT_EQ(s.next_due, "");
  EXPECT_FALSE(s.lapsed);
  // Unless the aftercare was extended.
  start["aftercare_until"] = "2027-06-30";
  EXPECT_EQ(aftercare_state(start, {"2026-12-20"}, "2027-01-10").next_due, "2027-01-19");
  EXPECT_EQ(aftercare_state(json::object(), {}, "2026-01-01").next_due, "");
}

// --- Competences -------------------------------------------------------------

TEST(WorkCompetences, Decision_NeedsTheJobseekerAndAKnownCompetence) {
  auto r = parse_competence_decision({{"competence", "perseverance"}, {"decision", "acquired"}}, kToday);
  EXPECT_EQ(errors_of(r), std::set<std::string>{"decided_with_jobseeker:together"});
  r = parse_competence_decision({{"competence", "perseverance"}, {"decision", "acquired"}, {"decided_with_jobseeker", false}}, kToday);
  EXPECT_EQ(errors_of(r), std::set<std::string>{"decided_with_jobseeker:together"});
  r = parse_competence_decision({{"decision", "maybe"}, {"decided_with_jobseeker", true}}, kToday);
  EXPECT_EQ(errors_of(r), (std::set<std::string>{"competence:required", "decision:choice"}));
  r = parse_competence_decision({{"competence", "Doorzettingsvermogen"}, {"decision", "to_develop"},
                                 {"decided_with_jobseeker", true}, {"situation_ids", {4, 9}}},
                                kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->content["competence"], "perseverance");
  EXPECT_EQ(r->status, "to_develop");
  EXPECT_EQ(r->content["decided_on"], kToday);
  EXPECT_EQ(r->content["situation_ids"], json({4, 9}));
}

TEST(WorkCompetences, Decision_UnknownCompetence_RefusedWithTheCodeAsParam) {
  auto r = parse_competence_decision({{"competence", "juggling"}, {"decision", "acquired"}, {"decided_with_jobseeker", true}},
                                     kToday);
  ASSERT_EQ(errors_of(r), std::set<std::string>{"competence:unknown_competence"});
  EXPECT_EQ(error_on(r, "competence")->param, "juggling");
}

TEST(WorkCompetences, Situation_UnknownCodes_RefusedWithTheCodeAsParam) {
  auto r = parse_situation({{"text", "Zorgde drie jaar voor haar moeder"}, {"kind", "care"}, {"noted_on", "2026-03-01"},
                            {"competences", {"perseverance", "juggling", 12}}},
                           kToday);
  EXPECT_EQ(errors_of(r), (std::set<std::string>{"competences.1:unknown_competence", "competences.2:unknown_competence"}));
  EXPECT_EQ(error_on(r, "competences.1")->param, "juggling");
  EXPECT_EQ(error_on(r, "competences.2")->param, "12");
}

TEST(WorkCompetences, UnknownCompetence_LongNameCutWithoutSplittingACharacter) {
  std::string name = "a";
  for (int i = 0; i < 40; ++i) name += "\xC3\xA9";  // é, two bytes: byte 60 falls inside one
  std::string expected = "a";
  for (int i = 0; i < 29; ++i) expected += "\xC3\xA9";
  auto r = parse_situation({{"text", "x"}, {"kind", "care"}, {"noted_on", "2026-03-01"}, {"competences", {name}}}, kToday);
  ASSERT_NE(error_on(r, "competences.0"), nullptr);
  EXPECT_EQ(error_on(r, "competences.0")->param, expected);
  r = parse_competence_decision({{"competence", name}, {"decision", "acquired"}, {"decided_with_jobseeker", true}}, kToday);
  ASSERT_NE(error_on(r, "competence"), nullptr);
  EXPECT_EQ(error_on(r, "competence")->param, expected);
}

TEST(WorkCompetences, Situation_CodesAndNamesNormalised_Deduplicated) {
  auto r = parse_situation({{"text", "Vrijwilliger in de sportclub"}, {"kind", "volunteer"}, {"noted_on", "2026-03-01"},
                            {"competences", {"Empathie", "empathy", "Perseverance"}}},
                           kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->content["competences"], json({"empathy", "perseverance"}));
  EXPECT_EQ(errors_of(parse_situation({{"text", "x"}, {"kind", "hobby"}, {"noted_on", "2026-04-01"}}, kToday)),
            (std::set<std::string>{"kind:choice", "noted_on:date_in_future"}));
}

TEST(WorkCompetences, WorkExperienceAndBusinessCard_UnknownCodesCarryTheirPath) {
  auto r = parse_work_experience({{"job", "Poetshulp"}, {"tasks", {{{"text", "Strijken"}, {"competences", {"ironing"}}}}}}, kToday);
  EXPECT_EQ(errors_of(r), std::set<std::string>{"tasks.0.competences.0:unknown_competence"});
  EXPECT_EQ(error_on(r, "tasks.0.competences.0")->param, "ironing");
  EXPECT_EQ(errors_of(parse_work_experience({{"job", "Poetshulp"}}, kToday)), std::set<std::string>{"tasks:required"});
  auto card = parse_business_card({{"technical", {"Heftruck"}}, {"key", {"accuracy", "telepathy"}}}, kToday);
  EXPECT_EQ(errors_of(card), std::set<std::string>{"key.1:unknown_competence"});
}

// --- Dispatch ------------------------------------------------------------------

TEST(WorkRecordKinds, EveryKindHasAParserAndAUniqueCollection) {
  std::set<std::string> collections;
  for (const auto& k : work_record_kinds()) {
    EXPECT_TRUE(collections.insert(k.collection).second) << k.collection;
    EXPECT_EQ(find_work_record_kind(k.name), &k);
    EXPECT_EQ(find_work_record_kind(k.collection), &k);
    auto r = parse_work_record(k, json::object(), kToday);
    EXPECT_NE(r.status().code(), Code::kNotFound) << k.name;  // the parser was found
  }
  EXPECT_EQ(find_work_record_kind("nothing"), nullptr);
}

// --- Forms ------------------------------------------------------------------------

json form(const std::string& body) { return form_to_json(Form::parse(body)); }

TEST(WorkHiddenFields, CarryAStartThroughAFormUnchanged) {
  auto start = parse_work_start({{"kind", "work"}, {"organisation", "Bakkerij"}, {"job_title", "Verkoper"},
                                 {"contract", "permanent"}, {"starts_on", "2026-08-17"}, {"hours_per_week", 19.5},
                                 {"application_id", 4},
                                 {"welfare_checklist", {{"childcare", {{"status", "arranged"}, {"note", "Opvang tot 18u"}}}}},
                                 {"emergency_plan", {{"contacts", {{{"name", "Oma"}, {"phone", "0470"}}}}}}},
                                kToday);
  ASSERT_TRUE(start.is_ok());
  std::string body;
  for (const auto& f : hidden_fields(start->content, {"end_reason"}))
    body += url_encode(f["name"].get<std::string>()) + "=" + url_encode(f["value"].get<std::string>()) + "&";
  body += "end_reason=Verhuisd";
  auto again = parse_work_start(form(body), kToday);
  ASSERT_TRUE(again.is_ok());
  json want = start->content;
  want["end_reason"] = "Verhuisd";
  EXPECT_EQ(again->content, want);
}

TEST(WorkFormToJson, DottedNamesNest) {
  EXPECT_EQ(form("checks.wants.answer=yes&checks.wants.evidence=Zegt+het&occupation=Kok"),
            json({{"checks", {{"wants", {{"answer", "yes"}, {"evidence", "Zegt het"}}}}}, {"occupation", "Kok"}}));
}

TEST(WorkFormToJson, ListsCollectValuesAndDropBlanks) {
  EXPECT_EQ(form("technical[]=Heftruck&technical[]=+&technical[]=&technical[]=Kassa"),
            json({{"technical", {"Heftruck", "Kassa"}}}));
  EXPECT_EQ(form("technical[]="), json({{"technical", json::array()}}));
}

TEST(WorkFormToJson, NumbersWholeDecimalAndBlank) {
  json j = form("days%23=3&hours%23=19%2C5&max%23=38.5&blank%23=&bad%23=veel");
  EXPECT_EQ(j["days"], 3);
  EXPECT_TRUE(j["days"].is_number_integer());
  EXPECT_DOUBLE_EQ(j["hours"].get<double>(), 19.5);
  EXPECT_DOUBLE_EQ(j["max"].get<double>(), 38.5);
  EXPECT_TRUE(j["blank"].is_null());
  EXPECT_EQ(j["bad"], "veel");  // left as text so that validation names the field
}

TEST(WorkFormToJson, TickBoxesTrueUnlessZero) {
  json j = form("a%3F=1&b%3F=on&c%3F=0&d%3F=false&e%3F=");
  EXPECT_EQ(j["a"], true);
  EXPECT_EQ(j["b"], true);
  EXPECT_EQ(j["c"], false);
  EXPECT_EQ(j["d"], false);
  EXPECT_EQ(j["e"], true);  // sent, so ticked
}

TEST(WorkFormToJson, UnderscoreNamesLeftOut) {
  EXPECT_EQ(form("_csrf=abc&_page=2&job=Kok"), json({{"job", "Kok"}}));
}

TEST(WorkFormToJson, RowsBecomeListsInOrderDroppingBlankRows) {
  json j = form("tasks.0.text=Strijken&tasks.0.competences[]=accuracy&tasks.1.text=+&tasks.2.text=Koken"
                "&tasks.10.text=Poetsen&job=Poetshulp");
  ASSERT_TRUE(j["tasks"].is_array());
  ASSERT_EQ(j["tasks"].size(), 3u);
  EXPECT_EQ(j["tasks"][0], json({{"text", "Strijken"}, {"competences", {"accuracy"}}}));
  EXPECT_EQ(j["tasks"][1]["text"], "Koken");
  EXPECT_EQ(j["tasks"][2]["text"], "Poetsen");  // 10 after 2, not after 1
  EXPECT_EQ(j["job"], "Poetshulp");
}

TEST(WorkFormToJson, NestedRowsAndNumbersInRows) {
  json j = form("travel.0.place=Gent&travel.0.minutes%23=30&travel.1.place=&travel.1.minutes%23="
                "&emergency_plan.contacts.0.name=Zus&emergency_plan.contacts.0.phone=0470");
  EXPECT_EQ(j["travel"], json({{{"place", "Gent"}, {"minutes", 30}}}));
  EXPECT_EQ(j["emergency_plan"]["contacts"], json({{{"name", "Zus"}, {"phone", "0470"}}}));
}

TEST(WorkFormToJson, FormBodyParsesLikeTheApiBody) {
  json body = form("occupation=Kok&status=realistic&checks.wants.answer=yes&checks.wants.evidence=a"
                   "&checks.can_manage.answer=yes&checks.can_manage.evidence=b&checks.demand.answer=yes"
                   "&checks.demand.evidence=c&checks.family_fit.answer=yes&checks.family_fit.evidence=d&rank%23=1");
  auto r = parse_job_target(body, kToday);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->status, "realistic");
  EXPECT_EQ(r->content["rank"], 1);
}

TEST(WorkFormToJson, EmptyNameParts_DoNotThrow) {
  EXPECT_NO_THROW(form("a.=1"));
  EXPECT_NO_THROW(form("a..b=1"));
  EXPECT_NO_THROW(form(".x=1"));
  EXPECT_NO_THROW(form("a.b=1&a=2&a.b.c=3"));
}

TEST(WorkFormToJson, AConflictingShapeKeepsThePlainValue) {
  // Names are read in sorted order, so "a" comes before "a.b" whatever the order sent.
  EXPECT_EQ(form("a=2&a.b=1"), json({{"a", "2"}}));
  EXPECT_EQ(form("a.b=1&a=2"), json({{"a", "2"}}));
}

}  // namespace
}  // namespace spiraal
