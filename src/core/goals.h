#pragma once
// Goals and actions (handbook ch. 4 §5): a goal in the jobseeker's own
// words, on welfare or work, with a life domain and a horizon, beside the
// seven features of a well-formed goal; actions with an owner (the
// jobseeker, the coach or a partner service of the social map), a due date
// and a status; and the follow-up meeting, which opens with "wat is er
// verbeterd?" before any review of the actions.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"

namespace spiraal {

// The seven features of a well-formed goal, in the handbook's order.
const std::vector<std::string>& goal_features();

struct Goal {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  int64_t version = 0;
  std::string text;     // the jobseeker's own words
  std::string track;    // welfare | work
  std::string domain;   // a welfare_domain or work_domain code
  std::string horizon;  // short | long
  std::vector<std::string> features;  // the features ticked, from goal_features()
  std::string status = "open";        // open | reached | dropped
};

struct GoalAction {
  int64_t id = 0;
  int64_t goal_id = 0;
  int64_t version = 0;
  std::string text;
  std::string owner;  // jobseeker | coach | partner
  std::optional<int64_t> organisation_id;  // the partner service (social map), when owner == partner
  std::string organisation_name;           // filled in by the store
  std::string due_on;
  std::string status = "todo";  // todo | doing | done | dropped
};

// The follow-up meeting: `improved` is its first entry and required.
struct FollowUp {
  int64_t id = 0;
  std::string held_on;
  std::string improved;       // "wat is er verbeterd?"
  std::string actions_review;  // after it, optional
  std::string recorded_by;
};

nlohmann::json to_json(const Goal& g);
nlohmann::json to_json(const GoalAction& a);
nlohmann::json to_json(const FollowUp& f);

// Applies a goal body {text, track, domain, horizon, features, status}; on
// create every field but features and status is required.
FieldErrors apply_goal(Goal& g, const nlohmann::json& body, bool create);
// Applies an action body {text, owner, organisation_id, due_on, status};
// a partner-owned action names an organisation, other owners none.
FieldErrors apply_action(GoalAction& a, const nlohmann::json& body, bool create);
// Reads {held_on, improved, actions_review}.
Result<FollowUp> parse_followup(const nlohmann::json& body, const std::string& today);

}  // namespace spiraal
