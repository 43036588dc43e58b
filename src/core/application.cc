#include "core/application.h"

#include <nlohmann/json.hpp>

#include "core/field_reader.h"
#include "core/mindmap.h"

namespace spiraal {

using nlohmann::json;

const std::vector<std::string>& application_steps() {
  static const std::vector<std::string> steps = {"employer_contact", "added_value", "objections_measures",
                                                 "interview_requested", "prepared_together", "going_along",
                                                 "selection", "feedback"};
  return steps;
}

Result<WorkRecordContent> parse_application(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"employer", "job_title", "vacancy_id", "objections", "measures_offered", "interview_on",
                    "decision_on", "outcome", "steps", "feedback"});
  WorkRecordContent out;
  std::string outcome = r.choice("outcome", {"open", "hired", "rejected", "withdrawn"});
  if (outcome.empty()) outcome = "open";

  json steps = json::object();
  const json& sv = r.member("steps");
  ObjectReader s(sv, "steps", errors);
  s.refuse_unknown({"employer_contact", "added_value", "objections_measures", "interview_requested",
                    "prepared_together", "going_along", "selection", "feedback"});
  std::string last_done, last_step;
  for (const auto& step : application_steps()) {
    const json& v = s.member(step.c_str());
    if (v.is_null()) continue;
    ObjectReader one(v, s.path(step.c_str()), errors);
    one.refuse_unknown({"done_on", "note"});
    std::string done_on = one.date("done_on", false, today);
    std::string note = one.text("note", 2000);
    if (done_on.empty() && note.empty()) continue;
    if (!done_on.empty() && !last_done.empty() && done_on < last_done) one.fail("done_on", "step_order", last_step);
    if (!done_on.empty()) last_done = done_on, last_step = step;
    steps[step] = {{"done_on", done_on}, {"note", note}};
  }
  auto done = [&](const char* step) { return steps.contains(step) && steps[step]["done_on"] != ""; };

  std::string decision_on = r.date("decision_on");
  if ((outcome == "hired" || outcome == "rejected") && !done("selection")) r.fail("outcome", "selection_first");
  if ((outcome == "hired" || outcome == "rejected") && decision_on.empty()) r.fail("decision_on", "required");

  json feedback;
  if (r.has("feedback")) {
    ObjectReader f(r.member("feedback"), "feedback", errors);
    f.refuse_unknown({"strengths", "to_develop", "note"});
    feedback = {{"strengths", read_competence_codes(f, "strengths", 35)},
                {"to_develop", read_competence_codes(f, "to_develop", 35)},
                {"note", f.text("note", 2000)}};
    if (feedback["strengths"].empty() && feedback["to_develop"].empty() && feedback["note"] == "") feedback = json();
  }
  if (done("feedback") && outcome != "rejected") s.fail("feedback", "after_rejection");
  if (done("feedback") && feedback.is_null()) r.fail("feedback", "required");

  auto vacancy = r.integer("vacancy_id", 1, INT64_MAX);
  std::string interview_on = r.date("interview_on");
  out.content = {{"employer", r.text("employer", 200, true)},
                 {"job_title", r.text("job_title", 200, true)},
                 {"vacancy_id", vacancy ? json(*vacancy) : json()},
                 {"objections", r.text("objections", 2000)},
                 {"measures_offered", r.texts("measures_offered", 10, 80)},
                 {"interview_on", interview_on},
                 {"decision_on", decision_on},
                 {"steps", steps},
                 {"feedback", feedback}};
  out.status = outcome;
  if (outcome == "open") out.due_on = !interview_on.empty() && interview_on >= today ? interview_on : decision_on;
  return content_or_errors(std::move(errors), std::move(out));
}

}  // namespace spiraal
