#include "core/matching.h"

#include <algorithm>

#include "core/text.h"

namespace spiraal {

namespace {

std::string place_key(const std::string& place) { return ascii_lower(trim(place)); }

// The coverage of `tasks` by `competences`, and the fit over all of them.
void cover(const WorkProfile& profile, const std::vector<CoreTask>& tasks, Match& m) {
  size_t asked = 0, covered = 0;
  for (const auto& t : tasks) {
    TaskCoverage c{t.text, {}, {}};
    for (const auto& code : t.competences) (profile.competences.count(code) ? c.covered : c.missing).push_back(code);
    asked += t.competences.size();
    covered += c.covered.size();
    m.tasks.push_back(std::move(c));
  }
  if (asked == 0) m.notes.push_back("no_competences_listed");
  m.fit = asked == 0 ? 0.0 : static_cast<double>(covered) / static_cast<double>(asked);
}

// The constraints shared by vacancies and trainings: hours and travel.
void check_hours_and_travel(const WorkProfile& profile, double hours, const std::string& place, Match& m) {
  if (profile.max_hours_per_week && hours > *profile.max_hours_per_week) m.excluded_because.push_back("hours_over_max");
  if (profile.min_hours_per_week && hours < *profile.min_hours_per_week)
    m.excluded_because.push_back("hours_under_min");
  std::map<std::string, int> travel;  // keys folded like the place
  for (const auto& [p, minutes] : profile.travel_minutes) travel[place_key(p)] = minutes;
  auto it = travel.find(place_key(place));
  if (it == travel.end())
    m.notes.push_back("travel_unknown");
  else if (profile.max_travel_minutes && it->second > *profile.max_travel_minutes)
    m.excluded_because.push_back("travel_too_long");
}

bool is_target(const WorkProfile& profile, const std::string& occupation_code) {
  if (trim(occupation_code).empty()) return false;
  std::string code = ascii_lower(trim(occupation_code));
  return std::any_of(profile.target_occupations.begin(), profile.target_occupations.end(),
                     [&](const std::string& t) { return ascii_lower(trim(t)) == code; });
}

Match match_one(const WorkProfile& profile, const Vacancy& v) {
  Match m;
  m.id = v.id;
  m.title = v.title;
  m.place = v.place;
  m.target_occupation = is_target(profile, v.occupation_code);
  cover(profile, v.core_tasks, m);
  check_hours_and_travel(profile, v.hours_per_week, v.place, m);
  if (profile.needs_childcare_friendly_hours && v.schedule != "day") m.excluded_because.push_back("childcare_hours");
  return m;
}

double order_key(const Match& m) { return m.fit + (m.target_occupation ? kTargetOccupationBonus : 0.0); }

MatchResult split_and_rank(std::vector<Match> all, bool catalogue_empty) {
  std::sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
    if (order_key(a) != order_key(b)) return order_key(a) > order_key(b);
    if (a.target_occupation != b.target_occupation) return a.target_occupation;
    if (a.title != b.title) return a.title < b.title;
    return a.id < b.id;
  });
  MatchResult out;
  out.catalogue_empty = catalogue_empty;
  for (auto& m : all) (m.excluded_because.empty() ? out.ranked : out.excluded).push_back(std::move(m));
  return out;
}

}  // namespace

MatchResult match_vacancies(const WorkProfile& profile, const std::vector<Vacancy>& vacancies) {
  std::vector<Match> all;
  for (const auto& v : vacancies) all.push_back(match_one(profile, v));
  return split_and_rank(std::move(all), vacancies.empty());
}

MatchResult match_trainings(const WorkProfile& profile, const std::vector<Training>& trainings) {
  std::vector<Match> all;
  for (const auto& t : trainings) {
    Match m;
    m.id = t.id;
    m.title = t.title;
    m.place = t.place;
    cover(profile, t.core_tasks, m);
    check_hours_and_travel(profile, t.hours_per_week, t.place, m);
    if (profile.needs_childcare_friendly_hours && !t.childcare_friendly_hours)
      m.excluded_because.push_back("childcare_hours");
    all.push_back(std::move(m));
  }
  return split_and_rank(std::move(all), trainings.empty());
}

MatchResult match_candidates(const Vacancy& vacancy, const std::vector<Candidate>& candidates) {
  std::vector<Match> all;
  for (const auto& c : candidates) {
    Match m = match_one(c.profile, vacancy);
    m.id = c.jobseeker_id;
    m.title.clear();
    all.push_back(std::move(m));
  }
  return split_and_rank(std::move(all), candidates.empty());
}

}  // namespace spiraal
