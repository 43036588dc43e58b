#pragma once
// The instrument pages' forms: rows of fields typed with the jobseeker, read
// back into the JSON document that core/instruments.h validates.
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "web/form.h"

namespace spiraal {

// The strengths form's groups and their fields, in page order:
// "domains.<domain>" with i_am..i_want, "individual", "environmental".
std::vector<std::pair<std::string, std::vector<std::string>>> strength_fields();

// The document typed in the form of instrument `name`. Blank rows are left
// out; anything else goes to validation as typed.
nlohmann::json document_from_form(const Form& f, const std::string& name);

}  // namespace spiraal
