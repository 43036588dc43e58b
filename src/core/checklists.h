#pragma once
// The two structured checklists of handbook ch. 4 §2, kept as reference data
// in data/checklists.json:
//  - outside_inside: Schema 1, the outside (buitenkant) and the inside
//    (binnenkant) of poverty;
//  - problem_strength: Schema 2, a problem view next to a strengths view.
// A filled-in checklist marks the elements seen with the jobseeker, each with
// a note in the conversation's words.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"

namespace spiraal {

// The checklist instruments' names.
const std::vector<std::string>& checklist_names();

// The groups of a checklist, labelled in `lang`:
// [{code, title, items: [{code, label}]}]; empty for an unknown name.
nlohmann::json checklist_groups(const std::string& name, const std::string& lang);

// Validates {items: {<item code>: {marked: bool, note: text}}, note: text}.
// Items neither marked nor noted are dropped; unknown codes are errors.
nlohmann::json validate_checklist(const std::string& name, const nlohmann::json& doc, FieldErrors& errors);

}  // namespace spiraal
