#pragma once
// What the road-to-work pages and API derive from a dossier's work records
// (core/work_record.h): the competence summary behind the mindmap and the
// cards, and the aftercare state of each start. One copy for both.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/work_record.h"

namespace spiraal {

// The records of `kind`, oldest first.
std::vector<const WorkRecord*> records_of(const std::vector<WorkRecord>& all, const std::string& kind);

// {evidence: {code: [situation id...]}, decisions: {code: {decision, id, version}},
//  suggestions: [{code, situation_ids}]} — a key competence seen in two or
// more situations and not yet decided is suggested, never decided.
nlohmann::json competence_summary(const std::vector<WorkRecord>& all);

// Per start still running: {work_start_id, next_due, every_days, lapsed,
// open_checklist: [item...], open_absences}.
nlohmann::json aftercare_summary(const std::vector<WorkRecord>& all, const std::string& today);

}  // namespace spiraal
