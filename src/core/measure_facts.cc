#include "core/measure_facts.h"

#include "core/clock.h"

namespace spiraal {

nlohmann::json measure_facts_of(const Jobseeker& j, const std::string& today) {
  nlohmann::json f = nlohmann::json::object();
  if (is_iso_date(j.birth_date)) f["age"] = age_in_years(j.birth_date, today);
  if (j.unemployment_months) {
    f["unemployment_months"] = *j.unemployment_months;
    f["long_term_unemployed"] = *j.unemployment_months >= 12;
  }
  if (j.education == "low" || j.education == "medium" || j.education == "high") f["education_level"] = j.education;
  if (!j.status.empty()) {
    f["leefloon"] = j.status == "ocmw_client";
    f["unemployment_benefit"] = j.status == "unemployment_benefit";
  }
  f["registered_jobseeker"] = !j.registered_on.empty();
  f["work_disability"] = j.kansengroep.count("work_disabled") > 0;
  f["migrant_background"] = j.kansengroep.count("migrant") > 0;
  return f;
}

}  // namespace spiraal
