#pragma once
// TEMPORARY interface stub; replaced by the helper's implementation on merge.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace spiraal {

struct KeyCompetence {
  std::string code, nl, definition_nl, en, definition_en;
};
const std::vector<KeyCompetence>& key_competences();
const KeyCompetence* find_key_competence(std::string_view code_or_name);

struct CompetenceEvidence {
  int64_t situation_id = 0;
  std::vector<std::string> competences;
};
struct CompetenceSuggestion {
  std::string code;
  std::vector<int64_t> situation_ids;
};
std::vector<CompetenceSuggestion> suggest_acquired(const std::vector<CompetenceEvidence>& evidence,
                                                   const std::set<std::string>& already_decided);

}  // namespace spiraal
