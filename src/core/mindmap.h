#pragma once
// Competences (handbook ch. 4 §3, ch. 8): the mindmap that links life
// situations, gaps in the CV included, to the 35 key competences, built up
// over several meetings; the decisions the coach and jobseeker take on them;
// competentiekaart 1 (jobs → tasks → competences) and competentiekaart 2,
// the "visitekaartje".
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/field_reader.h"
#include "core/work_record.h"

namespace spiraal {

// The kinds of life situation on the mindmap.
const std::vector<std::string>& situation_kinds();

// {text, kind, noted_on, competences: [code...], note}
Result<WorkRecordContent> parse_situation(const nlohmann::json& body, const std::string& today);
// {competence, decision: acquired|to_develop, decided_with_jobseeker: true,
// situation_ids: [...], note}. A decision is only taken together.
Result<WorkRecordContent> parse_competence_decision(const nlohmann::json& body, const std::string& today);
// {job, employer, period, tasks: [{text, competences: [code...]}]}
Result<WorkRecordContent> parse_work_experience(const nlohmann::json& body, const std::string& today);
// {technical: [text...], key: [code...], target_1, target_2}
Result<WorkRecordContent> parse_business_card(const nlohmann::json& body, const std::string& today);

// Key-competence codes from `key` (codes or Dutch/English names), each
// normalised to its code; an unknown one is refused with its text as param.
std::vector<std::string> read_competence_codes(ObjectReader& r, const char* key, size_t max_items);

}  // namespace spiraal
