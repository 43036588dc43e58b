#pragma once
// The target-group segments of outreach (seed 002, figure 1) as a decision
// tree. Only the questions on the path are asked: work-readiness first;
// then, for someone not registered at VDAB, whether another agency knows
// them; for someone registered, whether VDAB reached and adequately served
// them in the last two years.
//   not work-ready                                  -> 5 (kept out of outreach indicators)
//   work-ready, not registered, unknown elsewhere   -> 1 (primary target)
//   work-ready, not registered, known elsewhere     -> 2 (primary target, "indirectly on the radar")
//   work-ready, registered, not (adequately) reached-> 3
//   work-ready, registered, actively served         -> 4
#include <optional>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

struct SegmentAnswers {
  std::optional<bool> work_ready;             // werkbereid, with availability for work
  std::optional<bool> registered;             // currently registered at VDAB
  std::optional<bool> known_elsewhere;        // known to OCMW, integration agency, school, health insurer, social security
  std::optional<bool> served_last_two_years;  // actively and adequately served by VDAB in the last two years
};

// The segment 1–5, or a "required" field error for the first unanswered
// question on the path. Answers off the path are ignored.
Result<int> decide_segment(const SegmentAnswers& a);

// Segments 1 and 2: the primary target of outreach.
inline bool primary_target(int segment) { return segment == 1 || segment == 2; }
// Segment 5 is recorded but left out of the outreach indicators.
inline bool counts_for_outreach(int segment) { return segment >= 1 && segment <= 4; }

nlohmann::json to_json(const SegmentAnswers& a);
// Reads {work_ready, registered, known_elsewhere, served_last_two_years}
// (booleans or null) from `body`, recording type errors.
SegmentAnswers segment_answers_from_json(const nlohmann::json& body, FieldErrors& errors);

}  // namespace spiraal
