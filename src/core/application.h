#pragma once
// The application protocol (handbook ch. 5, "sollicitatieprotocol"): each
// application is tracked through eight steps, from the first personal
// contact with the employer to feedback on competences after a rejection.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/work_record.h"

namespace spiraal {

// The eight steps, in the handbook's order.
const std::vector<std::string>& application_steps();

// {employer, job_title, vacancy_id, objections, measures_offered: [code...],
//  interview_on, decision_on, outcome: open|hired|rejected|withdrawn,
//  steps: {<step>: {done_on, note}},
//  feedback: {strengths: [competence...], to_develop: [competence...], note}}
// Steps are done in order (a later step's date is never before an earlier
// one's); a decided outcome needs the selection step and its decision date;
// the feedback step follows a rejection and records what was said.
Result<WorkRecordContent> parse_application(const nlohmann::json& body, const std::string& today);

}  // namespace spiraal
