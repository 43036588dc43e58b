#include "core/job_target.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/field_reader.h"

namespace spiraal {

using nlohmann::json;

const std::vector<std::string>& job_target_checks() {
  static const std::vector<std::string> checks = {"wants", "can_manage", "demand", "family_fit"};
  return checks;
}

Result<WorkRecordContent> parse_job_target(const json& body, const std::string&) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"occupation", "occupation_code", "rank", "status", "checks"});
  WorkRecordContent out;
  std::string status = r.choice("status", {"exploring", "realistic", "dropped"});
  if (status.empty()) status = "exploring";
  json checks = json::object();
  int yes = 0;
  ObjectReader c(r.member("checks"), "checks", errors);
  c.refuse_unknown({"wants", "can_manage", "demand", "family_fit"});
  for (const auto& name : job_target_checks()) {
    const json& v = c.member(name.c_str());
    ObjectReader one(v, c.path(name.c_str()), errors);
    one.refuse_unknown({"answer", "evidence"});
    std::string answer = one.choice("answer", {"yes", "no", "unsure"});
    std::string evidence = one.text("evidence", 2000);
    if (!answer.empty() && evidence.empty()) one.fail("evidence", "evidence_required");
    if (answer == "yes") ++yes;
    checks[name] = {{"answer", answer}, {"evidence", evidence}};
  }
  if (status == "realistic" && yes < 4) r.fail("status", "four_checks");
  auto rank = r.integer("rank", 1, 2);
  if (rank && status == "dropped") r.fail("rank", "dropped_ranked");
  out.content = {{"occupation", r.text("occupation", 200, true)},
                 {"occupation_code", r.text("occupation_code", 100)},
                 {"rank", rank ? json(*rank) : json()},
                 {"checks", checks}};
  out.status = status;
  return content_or_errors(std::move(errors), std::move(out));
}

bool placement_days_allowed(const std::string& unit, int64_t days) {
  if (unit == "full_day") return days >= 1 && days <= 5;
  if (unit == "half_day") return days >= 2 && days <= 10;
  return false;
}

Result<WorkRecordContent> parse_placement(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"job_target_id", "employer", "unit", "days", "starts_on", "evaluation"});
  WorkRecordContent out;
  auto target = r.integer("job_target_id", 1, INT64_MAX, true);
  std::string unit = r.choice("unit", {"full_day", "half_day"}, true);
  auto days = r.integer("days", 0, 1000, true);
  if (days && !unit.empty() && !placement_days_allowed(unit, *days))
    r.fail("days", "placement_days", unit == "full_day" ? "1–5" : "2–10");
  json evaluation;
  if (r.has("evaluation")) {
    ObjectReader e(r.member("evaluation"), "evaluation", errors);
    e.refuse_unknown({"went_well", "was_hard", "conclusion"});
    evaluation = {{"went_well", e.text("went_well", 2000)},
                  {"was_hard", e.text("was_hard", 2000)},
                  {"conclusion", e.choice("conclusion", {"keep", "adjust", "drop"}, true)}};
  }
  std::string starts_on = r.date("starts_on", true);
  if (!evaluation.is_null() && !starts_on.empty() && starts_on > today) r.fail("evaluation", "not_yet_started");
  out.content = {{"job_target_id", target ? json(*target) : json()},
                 {"employer", r.text("employer", 200, true)},
                 {"unit", unit},
                 {"days", days ? json(*days) : json()},
                 {"starts_on", starts_on},
                 {"evaluation", evaluation}};
  out.parent_id = target;
  out.status = evaluation.is_null() ? "planned" : "evaluated";
  if (evaluation.is_null()) out.due_on = starts_on;
  return content_or_errors(std::move(errors), std::move(out));
}

Result<WorkRecordContent> parse_work_profile(const json& body, const std::string&) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"min_hours_per_week", "max_hours_per_week", "max_travel_minutes", "transport", "travel",
                    "needs_childcare_friendly_hours", "note"});
  WorkRecordContent out;
  auto min_h = r.number("min_hours_per_week", 1, 60);
  auto max_h = r.number("max_hours_per_week", 1, 60);
  if (min_h && max_h && *min_h > *max_h) r.fail("max_hours_per_week", "below_min");
  auto max_travel = r.integer("max_travel_minutes", 5, 240);
  json transport = json::array();
  for (const auto& t : r.texts("transport", 6, 30)) {
    static const std::vector<std::string> known = {"foot", "bike", "public_transport", "car", "moped", "lift"};
    if (std::find(known.begin(), known.end(), t) == known.end()) r.fail("transport", "choice");
    else transport.push_back(t);
  }
  json travel = json::array();
  const json& v = r.member("travel");
  if (!v.is_null() && !v.is_array()) r.fail("travel", "type_list");
  if (v.is_array() && v.size() > 50) r.fail("travel", "too_many", "50");
  else if (v.is_array())
    for (size_t i = 0; i < v.size(); ++i) {
      ObjectReader p(v[i], r.path("travel") + "." + std::to_string(i), errors);
      p.refuse_unknown({"place", "minutes"});
      std::string place = p.text("place", 100, true);
      auto minutes = p.integer("minutes", 0, 600, true);
      travel.push_back({{"place", place}, {"minutes", minutes ? json(*minutes) : json()}});
    }
  out.content = {{"min_hours_per_week", min_h ? json(*min_h) : json()},
                 {"max_hours_per_week", max_h ? json(*max_h) : json()},
                 {"max_travel_minutes", max_travel ? json(*max_travel) : json()},
                 {"transport", transport},
                 {"travel", travel},
                 {"needs_childcare_friendly_hours", r.flag("needs_childcare_friendly_hours")},
                 {"note", r.text("note", 2000)}};
  out.status = "current";
  return content_or_errors(std::move(errors), std::move(out));
}

}  // namespace spiraal
