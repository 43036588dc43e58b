#pragma once
// Matching a person's work profile to the catalogues (core/catalogue.h), for
// the search phase of cycles 2 and 3 and the job target check. It never
// decides: it proposes a ranked list with, per core task, which of the key
// competences asked are already acquired and which are not yet, and says why
// any item was left out. The coach and the jobseeker choose.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/catalogue.h"

namespace spiraal {

// What a match is measured against, taken from the dossier.
struct WorkProfile {
  std::set<std::string> competences;             // acquired key competence codes
  std::vector<std::string> target_occupations;   // occupation codes of the job targets
  std::optional<double> max_hours_per_week;
  std::optional<double> min_hours_per_week;
  // Place (compared case-insensitively, white space trimmed) -> travel time
  // in minutes for this person, as recorded in the dossier's mobility.
  std::map<std::string, int> travel_minutes;
  std::optional<int> max_travel_minutes;
  bool needs_childcare_friendly_hours = false;  // day work / school-hour courses only
};

// One core task: the key competences it asks, split in those the profile has
// (covered) and those it has not yet (missing), in the task's order.
struct TaskCoverage {
  std::string task;
  std::vector<std::string> covered, missing;
};

struct Match {
  int64_t id = 0;     // the vacancy or training id; the jobseeker id in match_candidates
  std::string title;  // empty in match_candidates
  std::string place;
  // Share of the key competences asked, summed over all core tasks, that the
  // profile covers: 0..1. 0 when no task asks any (note no_competences_listed).
  double fit = 0;
  bool target_occupation = false;  // the vacancy's occupation is one of the job targets
  std::vector<TaskCoverage> tasks;
  // Things to check with the jobseeker: travel_unknown (no travel time
  // recorded for the place), no_competences_listed.
  std::vector<std::string> notes;
  // Every hard constraint broken: hours_over_max, hours_under_min,
  // travel_too_long, childcare_hours. Empty for a ranked match.
  std::vector<std::string> excluded_because;
};

struct MatchResult {
  std::vector<Match> ranked;    // best first
  std::vector<Match> excluded;  // in the same order, each with its reasons
  bool catalogue_empty = false;  // nothing to match against: say so instead of "no match"
};

// The lift in order (never in `fit`) of a vacancy for one of the person's
// target occupations: it ranks above others whose fit is less than this
// much higher.
constexpr double kTargetOccupationBonus = 0.05;

// Hard constraints exclude: hours above the person's maximum or below the
// minimum, a recorded travel time above the maximum, and, when the person
// needs childcare-friendly hours, a schedule other than "day". A place with
// no recorded travel time is kept, with note travel_unknown. Ranked by fit
// (plus kTargetOccupationBonus for a target occupation) descending, then
// target occupation first, then title, then id.
MatchResult match_vacancies(const WorkProfile& profile, const std::vector<Vacancy>& vacancies);

// As match_vacancies; the childcare constraint excludes courses without
// childcare-friendly hours. Trainings have no occupation, so
// target_occupation is always false.
MatchResult match_trainings(const WorkProfile& profile, const std::vector<Training>& trainings);

// A jobseeker of the coach's caseload, with their work profile.
struct Candidate {
  int64_t jobseeker_id = 0;
  WorkProfile profile;
};

// The caseload's jobseekers for one employer vacancy, by the same rules seen
// from the other side: each Match is one candidate (id = jobseeker id, title
// empty, place = the vacancy's place). Ties are broken by jobseeker id.
// catalogue_empty is set when there are no candidates.
MatchResult match_candidates(const Vacancy& vacancy, const std::vector<Candidate>& candidates);

}  // namespace spiraal
