#pragma once
// Fictional people for the demo data: jobseekers drawn from the distributions
// of the handbook's Tabel 1 (seed 004, chapter 3: the jobseekers of the ESF
// pilot, March 2010), their dossiers written from the phrase banks of
// data/demo_names.json, and the names of staff.
#include <map>
#include <string>
#include <vector>

#include "core/jobseeker.h"
#include "core/status.h"
#include "store/demo_random.h"

namespace spiraal::demo {

struct NameGroup {
  std::vector<std::string> male, female, last;
};

struct DomainPhrases {
  std::vector<std::string> strengths, barriers;
};

struct MigrantOrigin {
  std::string country;
  std::string names;  // a key of PhraseBank::name_groups
  double weight;      // relative share among jobseekers of migrant origin
};

// data/demo_names.json, checked and parsed. Phrases may hold "{naam}", to be
// replaced by the jobseeker's first name (see personalise()).
struct PhraseBank {
  std::map<std::string, NameGroup> name_groups;
  std::vector<MigrantOrigin> migrant_origins;
  std::vector<std::string> team_areas;
  std::vector<std::string> team_regions;        // the province of each team area, same order
  std::vector<std::string> team_organisations;  // guiding organisations, given to teams in turn
  std::map<std::string, std::vector<std::string>> studies;       // low | medium | high | unrecognised
  std::map<std::string, std::vector<std::string>> life_history;  // childhood | work | turning_point
  std::map<std::string, std::vector<std::string>> school;        // by education level
  std::map<std::string, std::vector<std::string>> migration;     // first_generation | second_generation
  std::map<std::string, DomainPhrases> welfare;                  // every "welfare_domain" code
  std::map<std::string, DomainPhrases> work;                     // every "work_domain" code
  std::vector<std::string> trajectory_so_far;
  std::vector<std::string> what_gives_strength;
  std::map<std::string, std::vector<std::string>> contact_notes;  // every "contact_kind", missed, rescheduled

  // Reads the embedded copy. kInternal when it is missing, malformed, or
  // lacks a list the generator draws from (so drawing never fails later).
  static Result<PhraseBank> load();
};

// A complete dossier without id or bookkeeping. Ages are counted on `today`
// (YYYY-MM-DD). The result passes apply_patch() and validate().
Jobseeker make_jobseeker(Random& random, const PhraseBank& bank, const std::string& today);

// "First Last (demo)": a staff member's display name, visibly fictional.
std::string make_staff_name(Random& random, const PhraseBank& bank);

// `text` with every "{naam}" replaced by `first_name`.
std::string personalise(std::string text, const std::string& first_name);

}  // namespace spiraal::demo
