#include "core/network.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.h"
#include "core/segment.h"

namespace spiraal {

using nlohmann::json;

std::string suppressed_count(int64_t n) {
  if (n > 0 && n < 5) return "<5";
  return std::to_string(n);
}

namespace {

bool counted(const std::optional<int>& segment) { return !segment || counts_for_outreach(*segment); }

json median_days(std::vector<long> days) {
  if (days.size() < 5) return nullptr;
  std::sort(days.begin(), days.end());
  size_t mid = days.size() / 2;
  double m = days.size() % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2.0;
  return m;
}

std::optional<long> days_between(const std::string& from, const std::string& to) {
  auto a = days_from_iso(from), b = days_from_iso(to);
  if (!a || !b || *b < *a) return std::nullopt;
  return *b - *a;
}

}  // namespace

json network_overview(const std::vector<NetworkPersonRow>& people, const std::vector<NetworkHandoverRow>& handovers) {
  struct Service {
    std::set<int64_t> toeleiders;
    int64_t reached = 0, primary = 0, handed_over = 0;
  };
  std::map<std::string, Service> services;
  std::map<int, int64_t> segments;
  for (const auto& p : people) {
    Service& s = services[p.organisation];
    s.toeleiders.insert(p.toeleider_id);
    if (p.segment) ++segments[*p.segment];
    if (!counted(p.segment)) continue;
    ++s.reached;
    if (p.segment && primary_target(*p.segment)) ++s.primary;
    if (p.handed_over) ++s.handed_over;
  }
  json out = {{"services", json::array()}, {"flows", json::array()}, {"conditions", json::array()},
              {"segments", json::array()}};
  for (const auto& [name, s] : services)
    out["services"].push_back({{"organisation", name},
                               {"toeleiders", s.toeleiders.size()},
                               {"reached", suppressed_count(s.reached)},
                               {"primary_target", suppressed_count(s.primary)},
                               {"handovers", suppressed_count(s.handed_over)}});

  struct Flow {
    int64_t n = 0;
    std::vector<long> to_handover, to_first_contact;
  };
  std::map<std::pair<std::string, std::string>, Flow> flows;
  std::map<std::pair<std::string, std::string>, int64_t> conditions;
  for (const auto& h : handovers) {
    if (!counted(h.segment)) continue;
    Flow& f = flows[{h.from_organisation, h.to_team}];
    ++f.n;
    if (auto d = days_between(h.first_contact_on, h.handed_over_on)) f.to_handover.push_back(*d);
    if (auto d = days_between(h.handed_over_on, h.first_coach_contact_on)) f.to_first_contact.push_back(*d);
    for (const auto& code : h.open_conditions) ++conditions[{h.region, code}];
  }
  for (const auto& [key, f] : flows)
    out["flows"].push_back({{"from", key.first},
                            {"to", key.second},
                            {"handovers", suppressed_count(f.n)},
                            {"median_days_reach_to_handover", median_days(f.to_handover)},
                            {"median_days_handover_to_first_contact", median_days(f.to_first_contact)}});
  for (const auto& [key, n] : conditions)
    out["conditions"].push_back({{"region", key.first}, {"condition", key.second}, {"people", suppressed_count(n)}});
  for (int s = 1; s <= 5; ++s)
    out["segments"].push_back({{"segment", s}, {"people", suppressed_count(segments[s])}});
  return out;
}

}  // namespace spiraal

#include "core/field_reader.h"

namespace spiraal {

Result<NetworkFilter> parse_network_filter(const nlohmann::json& query) {
  FieldErrors errors;
  ObjectReader r(query, "", errors);
  r.refuse_unknown({"from", "to", "region"});
  NetworkFilter f{r.date("from"), r.date("to"), r.text("region", 100)};
  if (!f.from.empty() && !f.to.empty() && f.to < f.from) r.fail("to", "before_from");
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return f;
}

}  // namespace spiraal
