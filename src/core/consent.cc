#include "core/consent.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/field_reader.h"
#include "core/jobseeker.h"

namespace spiraal {

using nlohmann::json;

const std::vector<std::string>& consent_scopes() {
  static const std::vector<std::string> scopes = [] {
    std::vector<std::string> s = dossier_sections();
    s.push_back("overleg_reports");
    s.push_back("own_actions");
    return s;
  }();
  return scopes;
}

json to_json(const Consent& c) {
  return {{"id", c.id},
          {"jobseeker_id", c.jobseeker_id},
          {"recipient_id", c.recipient_id},
          {"recipient_name", c.recipient_name},
          {"purpose", c.purpose},
          {"scope", c.scope},
          {"given_on", c.given_on},
          {"withdrawn_on", c.withdrawn_on.empty() ? json(nullptr) : json(c.withdrawn_on)},
          {"recorded_by", c.recorded_by}};
}

Result<Consent> parse_consent(const json& body, const std::string& today) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  Consent c;
  for (const auto& [key, _] : body.items())
    if (key != "recipient_id" && key != "purpose" && key != "scope" && key != "given_on")
      errors.push_back({key, "unknown_field"});
  const json& recipient = body.value("recipient_id", json());
  if (recipient.is_number_integer() && recipient.get<int64_t>() > 0) c.recipient_id = recipient.get<int64_t>();
  else errors.push_back({"recipient_id", "required"});
  read_text(body.value("purpose", json()), "purpose", 500, c.purpose, errors);
  if (c.purpose.empty()) errors.push_back({"purpose", "required"});
  const json& scope = body.value("scope", json());
  if (!scope.is_array() || scope.empty()) {
    errors.push_back({"scope", "required"});
  } else {
    for (const auto& section : consent_scopes())
      if (std::find(scope.begin(), scope.end(), json(section)) != scope.end()) c.scope.push_back(section);
    for (const auto& s : scope)
      if (!s.is_string() || std::find(consent_scopes().begin(), consent_scopes().end(), s.get<std::string>()) ==
                                consent_scopes().end())
        errors.push_back({"scope", "choice"});
  }
  if (body.contains("given_on")) read_past_date(body["given_on"], "given_on", today, c.given_on, errors);
  if (c.given_on.empty()) c.given_on = today;
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return c;
}

bool in_force(const Consent& c, const std::string& today) {
  return c.given_on <= today && (c.withdrawn_on.empty() || c.withdrawn_on > today);
}

std::vector<std::string> shared_sections(const std::vector<Consent>& consents, int64_t recipient_id,
                                         const std::string& today) {
  std::vector<std::string> out;
  for (const auto& section : consent_scopes())
    for (const auto& c : consents)
      if (c.recipient_id == recipient_id && in_force(c, today) &&
          std::find(c.scope.begin(), c.scope.end(), section) != c.scope.end()) {
        out.push_back(section);
        break;
      }
  return out;
}

}  // namespace spiraal
