#pragma once
// The geïntegreerd werk-welzijnsverslag (handbook ch. 8, instrument 9): a
// report on the whole trajectory in nine sections, drafted from the dossier
// and then edited by the coach before it is finalised. This file drafts the
// text from the dossier's records (as the subject map reads them, see
// store/subject_data.h) and checks a report before it is finalised; it
// stores nothing.
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

// The nine sections in the handbook's order: details (the header),
// insights, competences, network, key_figures, road_to_work, future_themes,
// applying, looking_back.
const std::vector<std::string>& integrated_report_sections();

// Labels in the reader's language for codes ("vocab.<list>.<code>",
// "competence.<code>", "report.<phrase>"); the web layer passes its catalog.
using ReportLabel = std::function<std::string(const std::string& key)>;

// What the draft is made of: {jobseeker: row, coaches: [names],
// organisations: {id: name}, tables: {table: [rows]}} with the rows of
// subject_tables() (sealed text opened, JSON parsed).
// Returns {section: text} for every section; a section with nothing to say
// is "" so the coach sees what is missing.
nlohmann::json draft_integrated_report(const nlohmann::json& dossier, const ReportLabel& label,
                                       const std::string& today);

inline constexpr size_t kMaxReportSection = 8000;

// {sections: {name: text}}: known sections only, each at most
// kMaxReportSection characters. Returns the sections, every one present.
Result<nlohmann::json> parse_report_sections(const nlohmann::json& body);

// A report may be finalised only when every section has text: one
// "required" field error per empty section ("sections.<name>").
Status check_report_final(const nlohmann::json& sections);

}  // namespace spiraal
