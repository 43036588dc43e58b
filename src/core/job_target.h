#pragma once
// Job targets (handbook ch. 4 §3, "jobdoelwit"): several preferred
// occupations, each through the four checks — does the person want it, can
// they manage it, is there demand, does it fit family life — with the
// evidence for each answer; the beroepsverkennende stage (exploration
// placement) that tests one; and the work profile (hours, mobility,
// childcare) that matching respects.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/work_record.h"

namespace spiraal {

// The four checks, in the handbook's order.
const std::vector<std::string>& job_target_checks();

// {occupation, occupation_code, rank: 1|2|null, status: exploring|realistic|dropped,
//  checks: {<check>: {answer: yes|no|unsure, evidence}}}. An answer needs
// its evidence; "realistic" needs four yeses.
Result<WorkRecordContent> parse_job_target(const nlohmann::json& body, const std::string& today);

// An exploration placement lasts 1–5 full days or 2–10 half days.
bool placement_days_allowed(const std::string& unit, int64_t days);
// {job_target_id, employer, unit: full_day|half_day, days, starts_on,
//  evaluation: {went_well, was_hard, conclusion: keep|adjust|drop}}
Result<WorkRecordContent> parse_placement(const nlohmann::json& body, const std::string& today);

// {min_hours_per_week, max_hours_per_week, max_travel_minutes, transport: [...],
//  travel: [{place, minutes}], needs_childcare_friendly_hours, note}
Result<WorkRecordContent> parse_work_profile(const nlohmann::json& body, const std::string& today);

}  // namespace spiraal
