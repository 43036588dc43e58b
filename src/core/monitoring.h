#pragma once
// Monitoring without creaming (seed 002 §4.6, issue 8): the indicators an
// analyst sees, computed from anonymised facts per started trajectory. Pure:
// the store gathers the facts, this file counts, averages and suppresses.
//
// Suppression: every count of people from 1 to 4 shows as "<5"; when a
// breakdown has exactly one such cell, the next smallest cell is hidden too
// ("*"), so that no cell can be recomputed from the total. Shares and
// averages are given only over at least 5 people.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace spiraal {

// One started trajectory, without anything that names the person.
struct TrajectoryFacts {
  std::string sex, age_band, education, dutch_level;
  std::vector<std::string> kansengroepen;
  std::string organisation;     // the guiding organisation (the team's; the team's name when unset)
  std::string region;           // the team's region
  std::string referral_source;  // vocabulary "referrer_kind"
  std::string segment;          // target-group segment "1".."5" from outreach; "" when never assessed
  std::string started_on;
  std::string closed_on;  // "" while running
  std::string outcome;    // outcome class once closed
  int slides_back = 0, crises = 0;
  std::vector<long> recovery_days;  // per slide back: days until the phase left was reached again
  std::map<std::string, long> phase_days;  // days in each spiral state, over the stays that ended
  std::vector<int> ratings;                // the person's own ratings of contacts (1–4)
  std::optional<double> first_outside, first_inside, last_outside, last_inside;  // W² averages, first and latest table
  struct Followup {
    int months = 0;  // 3, 6 or 12 after a start in work
    std::optional<bool> working;
    std::optional<double> four_a;  // the four A's, averaged (1–5)
    std::optional<bool> income_sufficient;
  };
  std::vector<Followup> followups;
};

// A breakdown {cell: count} as shown: counts under 5 as "<5", plus the
// complementary cell as "*" when only one cell was suppressed.
std::map<std::string, std::string> suppressed_breakdown(const std::map<std::string, long>& counts);

// {participants: {total, sex, age_band, education, dutch_level, kansengroep,
//   organisation, region, segment, referral_source},
//  referral_shares: {source: share of all started},
//  outcomes: {started, closed, by_class: [{class, count, share_of_started, share_of_closed}]},
//  outcomes_by: {segment, kansengroep, cohort}: [{group, started, closed, by_class}] — the
//   same outcome figures per target-group segment, kansengroep and starting year;
//   a group whose own count is suppressed shows nothing more,
//  durations: {closed: {people, median_days}, running: {people, median_days},
//   by_phase: [{phase, people, median_days}]} — running ones counted up to `today`,
//  process: {people, slides_back_per_trajectory, crises_per_trajectory, median_recovery_days},
//  w2_change: {people, outside: {first, last}, inside: {first, last}},
//  baseline_endline: the same over closed trajectories only,
//  appreciation: {people, ratings, average, by_rating: {1..4}},
//  sustainable_employment: [{months, checked, working, share_working, four_a, income_sufficient_share}]}
// Shares are fractions (0–1) or null when under 5 people.
nlohmann::json monitoring_indicators(const std::vector<TrajectoryFacts>& trajectories, const std::string& today);

}  // namespace spiraal

#include "core/status.h"

namespace spiraal {

// The analyst's filters: trajectories started in a period, of one team, one
// region, one guiding organisation and one referral source; each optional.
struct MonitoringFilter {
  std::string from, to, team, referral_source, region, organisation;
};
// {from, to, team, region, organisation, referral_source}; dates in order,
// a known referral source.
Result<MonitoringFilter> parse_monitoring_filter(const nlohmann::json& query);

// The age band at a date: "<25", "25-34", "35-44", "45-54", "55+".
std::string age_band_on(const std::string& birth_date, const std::string& on);

// Days from each slide back until the phase left was reached again, from a
// trajectory's moves in order [{from, to, kind, on}] (states as codes).
std::vector<long> recovery_days(const std::vector<std::array<std::string, 4>>& moves);

// Days spent in each state, from the same moves: a stay runs from the move
// into a state to the next move out of it; the current stay is not counted.
// Two stays in one state add up.
std::map<std::string, long> phase_days(const std::vector<std::array<std::string, 4>>& moves);

}  // namespace spiraal
