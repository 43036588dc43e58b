#include "core/goals.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/field_reader.h"
#include "core/vocabulary.h"

namespace spiraal {

using nlohmann::json;

const std::vector<std::string>& goal_features() {
  static const std::vector<std::string> features = {"small",     "concrete",  "positive",   "beginning",
                                                    "realistic", "challenging", "own_words"};
  return features;
}

json to_json(const Goal& g) {
  return {{"id", g.id},           {"jobseeker_id", g.jobseeker_id}, {"version", g.version}, {"text", g.text},
          {"track", g.track},     {"domain", g.domain},             {"horizon", g.horizon}, {"features", g.features},
          {"status", g.status}};
}

json to_json(const GoalAction& a) {
  return {{"id", a.id},
          {"goal_id", a.goal_id},
          {"version", a.version},
          {"text", a.text},
          {"owner", a.owner},
          {"organisation_id", a.organisation_id ? json(*a.organisation_id) : json(nullptr)},
          {"organisation_name", a.organisation_name},
          {"due_on", a.due_on},
          {"status", a.status}};
}

json to_json(const FollowUp& f) {
  return {{"id", f.id}, {"held_on", f.held_on}, {"improved", f.improved}, {"actions_review", f.actions_review},
          {"recorded_by", f.recorded_by}};
}

FieldErrors apply_goal(Goal& g, const json& body, bool create) {
  FieldErrors errors;
  if (!body.is_object()) return {{"", "type_object"}};
  refuse_unknown(body, "", {"text", "track", "domain", "horizon", "features", "status", "version"}, errors);
  if (body.contains("text") || create) {
    read_text(body.value("text", json()), "text", 1000, g.text, errors);
    if (g.text.empty()) errors.push_back({"text", "required"});
  }
  if (body.contains("track") || create) read_choice(body.value("track", json()), "track", {"welfare", "work"}, g.track, errors);
  if (body.contains("horizon") || create)
    read_choice(body.value("horizon", json()), "horizon", {"short", "long"}, g.horizon, errors);
  if (body.contains("domain") || create) {
    const json& d = body.value("domain", json());
    const auto& codes = Vocabulary::get().codes(g.track == "work" ? "work_domain" : "welfare_domain");
    if (d.is_string() && std::find(codes.begin(), codes.end(), d.get<std::string>()) != codes.end()) g.domain = d;
    else errors.push_back({"domain", "choice"});
  }
  if (body.contains("features")) {
    const json& f = body["features"];
    g.features.clear();
    if (!f.is_array()) errors.push_back({"features", "type_list"});
    else
      for (const auto& code : goal_features())
        if (std::find(f.begin(), f.end(), json(code)) != f.end()) g.features.push_back(code);
    if (f.is_array())
      for (const auto& v : f)
        if (!v.is_string() || std::find(goal_features().begin(), goal_features().end(), v.get<std::string>()) ==
                                  goal_features().end())
          errors.push_back({"features", "choice"});
  }
  if (body.contains("status")) read_choice(body["status"], "status", {"open", "reached", "dropped"}, g.status, errors);
  return errors;
}

FieldErrors apply_action(GoalAction& a, const json& body, bool create) {
  FieldErrors errors;
  if (!body.is_object()) return {{"", "type_object"}};
  refuse_unknown(body, "", {"text", "owner", "organisation_id", "due_on", "status", "version"}, errors);
  if (body.contains("text") || create) {
    read_text(body.value("text", json()), "text", 1000, a.text, errors);
    if (a.text.empty()) errors.push_back({"text", "required"});
  }
  if (body.contains("owner") || create)
    read_choice(body.value("owner", json()), "owner", {"jobseeker", "coach", "partner"}, a.owner, errors);
  if (body.contains("organisation_id")) {
    const json& o = body["organisation_id"];
    if (o.is_null()) a.organisation_id.reset();
    else if (o.is_number_integer() && o.get<int64_t>() > 0) a.organisation_id = o.get<int64_t>();
    else errors.push_back({"organisation_id", "choice"});
  }
  if (a.owner == "partner" && !a.organisation_id) errors.push_back({"organisation_id", "required"});
  if (a.owner != "partner" && a.organisation_id) errors.push_back({"organisation_id", "only_partner"});
  if (body.contains("due_on") || create) {
    std::string due;
    if (read_text(body.value("due_on", json()), "due_on", 10, due, errors)) {
      if (!is_iso_date(due)) errors.push_back({"due_on", "date"});
      else a.due_on = due;
    }
  }
  if (body.contains("status")) read_choice(body["status"], "status", {"todo", "doing", "done", "dropped"}, a.status, errors);
  return errors;
}

Result<FollowUp> parse_followup(const json& body, const std::string& today) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  FollowUp f;
  refuse_unknown(body, "", {"held_on", "improved", "actions_review"}, errors);
  if (body.contains("held_on")) read_past_date(body["held_on"], "held_on", today, f.held_on, errors);
  if (f.held_on.empty()) f.held_on = today;
  read_text(body.value("improved", json()), "improved", 4000, f.improved, errors);
  if (f.improved.empty()) errors.push_back({"improved", "required"});
  read_text(body.value("actions_review", json()), "actions_review", 4000, f.actions_review, errors);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return f;
}

}  // namespace spiraal
