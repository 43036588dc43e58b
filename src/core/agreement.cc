#include "core/agreement.h"

#include "core/clock.h"
#include "core/field_reader.h"

namespace spiraal {

using nlohmann::json;

json to_json(const Agreement& a) {
  return {{"id", a.id},
          {"jobseeker_id", a.jobseeker_id},
          {"version", a.version},
          {"goals", a.goals},
          {"phasing", a.phasing},
          {"followup", a.followup},
          {"evaluation_on", a.evaluation_on},
          {"occupations", a.occupations},
          {"signed_on", a.signed_on.empty() ? json(nullptr) : json(a.signed_on)},
          {"signed_by", a.signed_by},
          {"created_by", a.created_by},
          {"created_at", a.created_at}};
}

Result<std::vector<int64_t>> parse_agreement_draft(const json& body, const std::string& today, Agreement& a) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  for (const auto& [k, _] : body.items())
    if (k != "goal_ids" && k != "phasing" && k != "followup" && k != "evaluation_on" && k != "occupations")
      errors.push_back({k, "unknown_field"});
  std::vector<int64_t> ids;
  const json& g = body.value("goal_ids", json::array());
  if (!g.is_array()) errors.push_back({"goal_ids", "type_list"});
  else
    for (const auto& id : g) {
      if (id.is_number_integer() && id.get<int64_t>() > 0) ids.push_back(id.get<int64_t>());
      else errors.push_back({"goal_ids", "choice"});
    }
  read_text(body.value("phasing", json()), "phasing", 4000, a.phasing, errors);
  read_text(body.value("followup", json()), "followup", 1000, a.followup, errors);
  std::string evaluation;
  if (read_text(body.value("evaluation_on", json()), "evaluation_on", 10, evaluation, errors) && !evaluation.empty()) {
    if (!is_iso_date(evaluation) || evaluation < today) errors.push_back({"evaluation_on", "future_date"});
    else a.evaluation_on = evaluation;
  }
  const json& o = body.value("occupations", json::array());
  if (!o.is_array() || o.size() > 10) {
    errors.push_back({"occupations", "type_list"});
  } else {
    for (size_t i = 0; i < o.size(); ++i) {
      std::string occupation;
      if (read_text(o[i], "occupations." + std::to_string(i), 200, occupation, errors) && !occupation.empty())
        a.occupations.push_back(occupation);
    }
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return ids;
}

FieldErrors signing_errors(const Agreement& a, const std::string& signed_on, const std::string& today) {
  FieldErrors errors;
  if (!a.signed_on.empty()) errors.push_back({"", "already_signed"});
  if (a.goals.empty()) errors.push_back({"goal_ids", "required"});
  if (a.followup.empty()) errors.push_back({"followup", "required"});
  if (a.evaluation_on.empty()) errors.push_back({"evaluation_on", "required"});
  if (!is_iso_date(signed_on) || signed_on > today) errors.push_back({"signed_on", "date"});
  return errors;
}

}  // namespace spiraal
