// TEMPORARY stub; replaced by the helper's implementation on merge.
#include "core/competences.h"

#include <map>

namespace spiraal {

const std::vector<KeyCompetence>& key_competences() {
  static const std::vector<KeyCompetence> all = {
      {"abstract_thinking", "Abstract denken", "", "Abstract thinking", ""},
      {"contact_skills", "Contactvaardigheid", "", "Contact skills", ""},
      {"perseverance", "Doorzettingsvermogen", "", "Perseverance", ""},
      {"flexibility", "Flexibiliteit", "", "Flexibility", ""},
      {"empathy", "Empathie", "", "Empathy", ""},
      {"stress_resistance", "Omgaan met stress", "", "Coping with stress", ""},
      {"planning", "Een werkplan kunnen maken", "", "Making a work plan", ""},
      {"accuracy", "Accuratesse", "", "Accuracy", ""},
      {"independence", "Zelfstandigheid", "", "Independence", ""},
      {"responsibility", "Verantwoordelijkheidszin", "", "Sense of responsibility", ""},
  };
  return all;
}

const KeyCompetence* find_key_competence(std::string_view code) {
  for (const auto& k : key_competences())
    if (k.code == code) return &k;
  return nullptr;
}

std::vector<CompetenceSuggestion> suggest_acquired(const std::vector<CompetenceEvidence>& evidence,
                                                   const std::set<std::string>& decided) {
  std::map<std::string, std::set<int64_t>> seen;
  for (const auto& e : evidence)
    for (const auto& c : e.competences) seen[c].insert(e.situation_id);
  std::vector<CompetenceSuggestion> out;
  for (const auto& [code, ids] : seen)
    if (ids.size() >= 2 && !decided.count(code)) out.push_back({code, {ids.begin(), ids.end()}});
  return out;
}

}  // namespace spiraal
