#pragma once
// The facts about a person that the eligibility rules of the employment
// measures test (core/measures.h), as far as the dossier knows them: age,
// months out of work, education, the income the OCMW or the unemployment
// service pays, registration, and the kansengroepen. The coach completes or
// corrects the rest with the jobseeker; what is unknown stays out, so a rule
// that needs it does not fit.
#include <string>

#include <nlohmann/json.hpp>

#include "core/jobseeker.h"

namespace spiraal {

nlohmann::json measure_facts_of(const Jobseeker& j, const std::string& today);

}  // namespace spiraal
