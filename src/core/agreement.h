#pragma once
// The trajectovereenkomst (trajectory agreement, handbook ch. 4 §5.2.1): the
// goals the jobseeker chose with their actions, the phasing, when follow-up
// and evaluation happen, and the preferred occupations. Each draft is a new
// version holding a copy of the goals as they were; signing records that
// the jobseeker agreed, on which day, and which coach signed with them.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

struct Agreement {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  int64_t version = 0;  // 1, 2, … per jobseeker
  nlohmann::json goals = nlohmann::json::array();  // [{goal..., actions: [...]}] as chosen
  std::string phasing;        // the steps, in plain words
  std::string followup;       // how and how often we see each other
  std::string evaluation_on;  // YYYY-MM-DD
  std::vector<std::string> occupations;  // preferred occupations (voorkeursberoepen)
  std::string signed_on;  // the day the jobseeker agreed; empty while a draft
  std::string signed_by;  // the coach who signed with them
  std::string created_by, created_at;
};

nlohmann::json to_json(const Agreement& a);

// The draft body {goal_ids: [id...], phasing, followup, evaluation_on,
// occupations: [text...]}: returns the goal ids asked for (the service
// copies them in) and fills the rest of `a`.
Result<std::vector<int64_t>> parse_agreement_draft(const nlohmann::json& body, const std::string& today, Agreement& a);

// Whether `a` can be signed on `signed_on`: it needs goals, a follow-up and
// an evaluation date, and is not yet signed.
FieldErrors signing_errors(const Agreement& a, const std::string& signed_on, const std::string& today);

}  // namespace spiraal
