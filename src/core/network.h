#pragma once
// The network coordinator's regional view (seed 002 §4): which services
// reach whom, the warm handovers between services and how long they take,
// and the context conditions still open per region. Aggregates only; every
// count of people under 5 shows as "<5" and no totals are given from which
// a suppressed cell could be recomputed. Segment 5 (not work-ready) is
// recorded but left out of the outreach indicators.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace spiraal {

struct NetworkPersonRow {
  std::string organisation;  // the toeleider's service ("" when none)
  int64_t toeleider_id = 0;
  std::optional<int> segment;
  bool handed_over = false;
};

struct NetworkHandoverRow {
  std::string from_organisation;
  std::string to_team;
  std::string region;
  std::optional<int> segment;
  std::string first_contact_on, handed_over_on;
  std::string first_coach_contact_on;  // the team's first contact on or after the handover; "" when none yet
  std::vector<std::string> open_conditions;
};

// A count of people as shown: "0", "<5", or the number.
std::string suppressed_count(int64_t n);

// {services: [{organisation, toeleiders, reached, primary_target, handovers}],
//  flows: [{from, to, handovers, median_days_reach_to_handover,
//           median_days_handover_to_first_contact}],
//  conditions: [{region, condition, people}],
//  segments: [{segment, people}]}
// Medians are given only for at least 5 handovers (null otherwise).
nlohmann::json network_overview(const std::vector<NetworkPersonRow>& people,
                                const std::vector<NetworkHandoverRow>& handovers);

}  // namespace spiraal

#include "core/status.h"

namespace spiraal {

// The view's filters: a period (dates, `from` ≤ `to`) and a region.
struct NetworkFilter {
  std::string from, to, region;
};
// {from, to, region}, each optional.
Result<NetworkFilter> parse_network_filter(const nlohmann::json& query);

}  // namespace spiraal
