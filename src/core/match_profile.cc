#include "core/match_profile.h"

#include <map>

namespace spiraal {

using nlohmann::json;

WorkProfile profile_from_records(const std::vector<WorkRecord>& records) {
  WorkProfile p;
  std::map<std::string, std::string> decided;  // the latest decision per competence holds
  for (const auto& r : records) {
    if (r.kind == "competence_decision") decided[r.content.value("competence", "")] = r.status;
    if (r.kind == "business_card")
      for (const auto& k : r.content.value("key", json::array())) p.competences.insert(k.get<std::string>());
    if (r.kind == "job_target" && r.status != "dropped") {
      if (r.content.value("occupation_code", "") != "") p.target_occupations.push_back(r.content["occupation_code"]);
    }
    if (r.kind == "work_profile") {
      const json& c = r.content;
      if (c.value("min_hours_per_week", json()).is_number()) p.min_hours_per_week = c["min_hours_per_week"].get<double>();
      if (c.value("max_hours_per_week", json()).is_number()) p.max_hours_per_week = c["max_hours_per_week"].get<double>();
      if (c.value("max_travel_minutes", json()).is_number_integer()) p.max_travel_minutes = c["max_travel_minutes"].get<int>();
      for (const auto& t : c.value("travel", json::array()))
        if (t.value("minutes", json()).is_number_integer()) p.travel_minutes[t.value("place", "")] = t["minutes"].get<int>();
      p.needs_childcare_friendly_hours = c.value("needs_childcare_friendly_hours", false);
    }
  }
  for (const auto& [code, decision] : decided)
    if (decision == "acquired") p.competences.insert(code);
    else p.competences.erase(code);
  return p;
}

}  // namespace spiraal
