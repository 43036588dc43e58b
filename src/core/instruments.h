#pragma once
// The dated instruments a coach fills in with the jobseeker (handbook ch. 8):
// the draaglast-draagkracht balance, the ecogram, the life-event line, the
// strengths and the two checklists (outside/inside, problem/strengths view).
// Each is a document validated here and kept in dated versions by the store.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"

namespace spiraal {

// The instrument names, as in routes and the instrument_versions table.
const std::vector<std::string>& instrument_names();

// Validates one instrument document and returns it normalised (trimmed
// text, known keys only). Unknown instruments are kNotFound.
//  - balance: {blocks: [{kind: load|support, label, size 1-10}], unnamed_size: 1-10}
//    (the one empty "not yet named" block is always there; its size is chosen)
//  - ecogram: {nodes: [{id, label, kind: person|organisation}],
//              ties: [{from, to, type: close|reciprocal|conflict|broken, note}]}
//    with the jobseeker as node "self"; a tie may only join existing nodes.
//  - life_events: {events: [{date: YYYY-MM-DD or YYYY, text, tone: up|down|turn}]}
//  - strengths: {domains: {<welfare domain>|work: {i_am, i_can, i_have, i_want}},
//                individual: {wants, can, dares},
//                environmental: {resources, relations, opportunities}}
//  - outside_inside, problem_strength: the checklists of core/checklists.h
Result<nlohmann::json> validate_instrument(const std::string& name, const nlohmann::json& doc,
                                           const std::string& today);

// The strengths-based question banks (data/strength_questions.json):
// [{code, title, questions: [...]}] with titles in `lang`.
nlohmann::json strength_question_banks(const std::string& lang);

// What changed between two ecogram versions: nodes and ties added, removed
// or retyped ("re-anchoring").
nlohmann::json ecogram_changes(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace spiraal
