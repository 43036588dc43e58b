#include "core/competences.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/embedded.h"
#include "core/text.h"

namespace spiraal {

using nlohmann::json;

const std::vector<KeyCompetence>& key_competences() {
  static const std::vector<KeyCompetence> all = [] {
    auto text = embedded_file("data/key_competences.json");
    if (!text) throw std::logic_error("data/key_competences.json was not embedded");
    const json doc = json::parse(*text);  // named: a temporary would die before the loop
    std::vector<KeyCompetence> out;
    for (const auto& item : doc.at("key_competences"))
      out.push_back({item.at("code").get<std::string>(), item.at("nl").get<std::string>(),
                     item.at("definition_nl").get<std::string>(), item.at("en").get<std::string>(),
                     item.at("definition_en").get<std::string>()});
    return out;
  }();
  return all;
}

const KeyCompetence* find_key_competence(std::string_view text) {
  // Every code and name, lower-cased, to its competence. The names are
  // ASCII, so ASCII lower-casing is enough.
  static const std::map<std::string, const KeyCompetence*> index = [] {
    std::map<std::string, const KeyCompetence*> out;
    for (const auto& k : key_competences())
      for (const auto* key : {&k.code, &k.nl, &k.en}) out.emplace(ascii_lower(*key), &k);
    return out;
  }();
  auto it = index.find(ascii_lower(trim(text)));
  return it == index.end() ? nullptr : it->second;
}

std::vector<CompetenceSuggestion> suggest_acquired(const std::vector<CompetenceEvidence>& evidence,
                                                   const std::set<std::string>& already_decided) {
  std::map<std::string, std::set<int64_t>> seen;  // code -> distinct situations
  for (const auto& e : evidence)
    for (const auto& c : e.competences)
      if (const KeyCompetence* k = find_key_competence(c)) seen[k->code].insert(e.situation_id);
  std::vector<CompetenceSuggestion> out;
  for (const auto& [code, situations] : seen)
    if (situations.size() >= kSuggestAcquiredMinSituations && !already_decided.count(code))
      out.push_back({code, std::vector<int64_t>(situations.begin(), situations.end())});
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.situation_ids.size() > b.situation_ids.size();  // codes are already in order
  });
  return out;
}

}  // namespace spiraal
