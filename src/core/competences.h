#pragma once
// The 35 sleutelcompetenties (key competences) of handbook ch. 8 §10, kept as
// reference data in data/key_competences.json, and the rule of the
// competence map (competentiekaart): a key competence seen in several life or
// work situations may be presented as acquired. The rule only proposes; the
// coach and the jobseeker decide together.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace spiraal {

struct KeyCompetence {
  std::string code;           // stable ASCII slug, e.g. "perseverance"; stored in dossiers and catalogues
  std::string nl;             // the handbook's name, e.g. "Doorzettingsvermogen"
  std::string definition_nl;  // the handbook's definition, verbatim
  std::string en;
  std::string definition_en;  // our translation
};

// All key competences, in the handbook's order. Loaded once from the
// embedded data file; throws std::logic_error when it was not embedded.
const std::vector<KeyCompetence>& key_competences();

// The key competence named by `text`: its code, or its Dutch or English name,
// in any case and with surrounding white space ignored. nullptr when none.
// The pointer stays valid for the life of the program.
const KeyCompetence* find_key_competence(std::string_view text);

// The key competences seen in one situation (a job, a task, a life event:
// whatever the competence map records), as codes or names.
struct CompetenceEvidence {
  int64_t situation_id = 0;
  std::vector<std::string> competences;
};

// A key competence the evidence suggests as acquired, with the situations
// (ascending ids) that show it.
struct CompetenceSuggestion {
  std::string code;
  std::vector<int64_t> situation_ids;
  bool operator==(const CompetenceSuggestion&) const = default;
};

// The minimum number of distinct situations before a key competence is
// suggested ("seen in several situations").
constexpr size_t kSuggestAcquiredMinSituations = 2;

// Every key competence shown in at least kSuggestAcquiredMinSituations
// distinct situations (one situation listing it twice, or two evidence
// entries with the same situation id, count once), except the codes in
// `already_decided` (acquired or turned down by coach and jobseeker).
// Unknown codes are ignored. Ordered by number of situations, most first,
// then by code.
std::vector<CompetenceSuggestion> suggest_acquired(const std::vector<CompetenceEvidence>& evidence,
                                                   const std::set<std::string>& already_decided);

}  // namespace spiraal
