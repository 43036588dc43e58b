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
  std::string organisation;     // the guiding team or service
  std::string referral_source;  // vocabulary "referrer_kind"
  std::string started_on;
  std::string closed_on;  // "" while running
  std::string outcome;    // outcome class once closed
  int slides_back = 0, crises = 0;
  std::vector<long> recovery_days;  // per slide back: days until the phase left was reached again
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
//   organisation, referral_source},
//  outcomes: {started, closed, by_class: [{class, all_started, closed}]},
//  process: {people, slides_back_per_trajectory, crises_per_trajectory, median_recovery_days},
//  w2_change: {people, outside: {first, last}, inside: {first, last}},
//  sustainable_employment: [{months, checked, working, share_working, four_a, income_sufficient_share}]}
// Shares are fractions (0–1) or null when under 5 people.
nlohmann::json monitoring_indicators(const std::vector<TrajectoryFacts>& trajectories);

}  // namespace spiraal

#include "core/status.h"

namespace spiraal {

// The analyst's filters: trajectories started in a period, of one team
// (region), one guiding organisation and one referral source; each optional.
struct MonitoringFilter {
  std::string from, to, team, referral_source;
};
// {from, to, team, referral_source}; dates in order, a known referral source.
Result<MonitoringFilter> parse_monitoring_filter(const nlohmann::json& query);

// The age band at a date: "<25", "25-34", "35-44", "45-54", "55+".
std::string age_band_on(const std::string& birth_date, const std::string& on);

// Days from each slide back until the phase left was reached again, from a
// trajectory's moves in order [{from, to, kind, on}] (states as codes).
std::vector<long> recovery_days(const std::vector<std::array<std::string, 4>>& moves);

}  // namespace spiraal
