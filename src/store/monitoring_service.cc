#include "store/monitoring_service.h"

#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/clock.h"
#include "core/score_table.h"

namespace spiraal {

using nlohmann::json;

namespace {

json open_json(const FieldCipher& cipher, const std::string& sealed) {
  return json::parse(cipher.open(sealed), nullptr, false);
}

std::string text(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

}  // namespace

std::vector<TrajectoryFacts> MonitoringService::gather(const MonitoringFilter& f) {
  auto c = store_.pool().acquire();
  const FieldCipher& cipher = store_.cipher();
  std::map<int64_t, TrajectoryFacts> by_id;
  // The started trajectories that pass the filter; the other tables are read
  // for these people only (`AND jobseeker_id IN (SELECT …)` when filtered).
  const std::string started =
      " FROM trajectories tr JOIN jobseekers j ON j.id = tr.jobseeker_id "
      "LEFT JOIN teams t ON t.id = j.team_id WHERE tr.started_on IS NOT NULL AND tr.started_on <> '' "
      "AND (tr.started_on >= ? OR ? = '') AND (tr.started_on <= ? OR ? = '') AND (t.name = ? OR ? = '') "
      "AND (t.region = ? OR ? = '') AND (t.organisation = ? OR ? = '')";
  const sql::Params params = {f.from, f.from, f.to, f.to, f.team, f.team, f.region, f.region, f.organisation, f.organisation};
  const bool narrowed = !(f.from + f.to + f.team + f.region + f.organisation).empty();
  // Reads `columns` of `table` (with `where`, `tail`) for the filtered people.
  auto of_started = [&](const std::string& columns, const std::string& table, const std::string& where,
                        const std::string& tail) {
    std::string condition = where;
    if (narrowed)
      condition += std::string(condition.empty() ? "" : " AND ") + "jobseeker_id IN (SELECT tr.jobseeker_id" + started + ")";
    return c->query("SELECT " + columns + " FROM " + table + (condition.empty() ? "" : " WHERE " + condition) + " " + tail,
                    narrowed ? params : sql::Params{});
  };
  auto base = c->query(
      "SELECT j.id, j.birth_date, j.profile, COALESCE(t.name, ''), COALESCE(t.organisation, ''), "
      "COALESCE(t.region, ''), tr.started_on, tr.state, tr.last_moved_on, COALESCE(tr.outcome, '')" + started,
      params);
  for (size_t i = 0; i < base.size(); ++i) {
    TrajectoryFacts t;
    json profile = open_json(cipher, base.text(i, 2));
    t.sex = text(profile, "sex");
    t.education = text(profile, "education");
    t.dutch_level = text(profile, "dutch_level");
    for (const auto& k : profile.value("kansengroep", json::array()))
      if (k.is_string()) t.kansengroepen.push_back(k.get<std::string>());
    t.organisation = base.text(i, 4).empty() ? base.text(i, 3) : base.text(i, 4);
    t.region = base.text(i, 5);
    t.started_on = base.text(i, 6);
    t.age_band = age_band_on(base.text(i, 1), t.started_on);
    if (base.text(i, 7) == "closed") t.closed_on = base.text(i, 8), t.outcome = base.text(i, 9);
    by_id[base.integer(i, 0)] = std::move(t);
  }
  auto referrals = of_started("jobseeker_id, referrer_kind", "referrals", "", "ORDER BY id");
  for (size_t i = 0; i < referrals.size(); ++i)
    if (auto it = by_id.find(referrals.integer(i, 0)); it != by_id.end() && it->second.referral_source.empty())
      it->second.referral_source = referrals.text(i, 1);
  if (!f.referral_source.empty())
    std::erase_if(by_id, [&](const auto& kv) { return kv.second.referral_source != f.referral_source; });

  auto moves = of_started("jobseeker_id, from_state, to_state, kind, moved_on", "spiral_moves", "",
                          "ORDER BY jobseeker_id, moved_on, id");
  std::map<int64_t, std::vector<std::array<std::string, 4>>> path;
  for (size_t i = 0; i < moves.size(); ++i) {
    auto it = by_id.find(moves.integer(i, 0));
    if (it == by_id.end()) continue;
    if (moves.text(i, 3) == "slide_back") ++it->second.slides_back;
    path[it->first].push_back({moves.text(i, 1), moves.text(i, 2), moves.text(i, 3), moves.text(i, 4)});
  }
  for (auto& [id, p] : path) {
    by_id[id].recovery_days = recovery_days(p);
    by_id[id].phase_days = phase_days(p);
  }
  auto crises = of_started("jobseeker_id, COUNT(*)", "crises", "", "GROUP BY jobseeker_id");
  for (size_t i = 0; i < crises.size(); ++i)
    if (auto it = by_id.find(crises.integer(i, 0)); it != by_id.end()) it->second.crises = int(crises.integer(i, 1));

  auto segments = of_started("jobseeker_id, segment", "outreach_people",
                             "jobseeker_id IS NOT NULL AND segment IS NOT NULL", "");
  for (size_t i = 0; i < segments.size(); ++i)
    if (auto it = by_id.find(segments.integer(i, 0)); it != by_id.end())
      it->second.segment = std::to_string(segments.integer(i, 1));
  auto ratings = of_started("jobseeker_id, rating", "contact_feedback", "", "");
  for (size_t i = 0; i < ratings.size(); ++i)
    if (auto it = by_id.find(ratings.integer(i, 0)); it != by_id.end())
      it->second.ratings.push_back(int(ratings.integer(i, 1)));

  // Only the first and the latest table with both sides count, and opening
  // is most of the cost: each person's tables are opened from either end
  // until one with both sides is found, not all of them.
  auto tables =
      of_started("jobseeker_id, item_snapshot_id, scores", "score_tables", "", "ORDER BY jobseeker_id, taken_on, id");
  auto snapshots = of_started("id, items", "score_item_snapshots", "", "");
  std::unordered_map<int64_t, size_t> snapshot_row;
  for (size_t i = 0; i < snapshots.size(); ++i) snapshot_row[snapshots.integer(i, 0)] = i;
  std::unordered_map<int64_t, json> item_sets;  // opened when first needed
  auto items_of = [&](int64_t snapshot) -> const json& {
    auto it = item_sets.find(snapshot);
    if (it != item_sets.end()) return it->second;
    auto row = snapshot_row.find(snapshot);
    return item_sets[snapshot] = row == snapshot_row.end() ? json() : open_json(cipher, snapshots.text(row->second, 1));
  };
  auto both_sides = [&](size_t i) -> std::optional<std::pair<double, double>> {
    const json& items = items_of(tables.integer(i, 1));
    json scores = open_json(cipher, tables.text(i, 2));
    auto outside = side_average_now(items, scores, "outside"), inside = side_average_now(items, scores, "inside");
    if (!outside || !inside) return std::nullopt;
    return std::pair{*outside, *inside};
  };
  for (size_t begin = 0, end = 0; begin < tables.size(); begin = end) {
    while (end < tables.size() && tables.integer(end, 0) == tables.integer(begin, 0)) ++end;
    auto it = by_id.find(tables.integer(begin, 0));
    if (it == by_id.end()) continue;
    std::optional<std::pair<double, double>> first, last;
    size_t next = begin;
    while (next < end && !first) first = both_sides(next++);
    if (!first) continue;
    for (size_t back = end; back > next && !last; --back) last = both_sides(back - 1);
    if (!last) last = first;  // the first table with both sides is the only one
    TrajectoryFacts& t = it->second;
    t.first_outside = first->first, t.first_inside = first->second;
    t.last_outside = last->first, t.last_inside = last->second;
  }
  auto checks = of_started("jobseeker_id, content", "work_records",
                           "kind = 'sustainability_check' AND status = 'recorded'", "");
  for (size_t i = 0; i < checks.size(); ++i) {
    auto it = by_id.find(checks.integer(i, 0));
    if (it == by_id.end()) continue;
    json content = open_json(cipher, checks.text(i, 1));
    TrajectoryFacts::Followup fu;
    fu.months = content.value("months", 0);
    if (content.contains("still_working") && content["still_working"].is_boolean()) fu.working = content["still_working"].get<bool>();
    double sum = 0;
    int n = 0;
    const json four_as = content.value("four_as", json::object());
    for (const auto& [_, v] : four_as.items())
      if (v.is_number()) sum += v.get<double>(), ++n;
    if (n > 0) fu.four_a = sum / n;
    std::string income = text(content, "income_sufficient");
    if (!income.empty()) fu.income_sufficient = income == "yes";
    it->second.followups.push_back(fu);
  }
  std::vector<TrajectoryFacts> out;
  out.reserve(by_id.size());
  for (auto& [_, t] : by_id) out.push_back(std::move(t));
  return out;
}

Result<std::vector<TrajectoryFacts>> MonitoringService::facts(const Principal& p, const MonitoringFilter& f) {
  if (!allowed(p, Action::kReadMonitoring)) return Status::forbidden();
  auto out = gather(f);
  store_.audit({p.user_id, p.username, "monitoring.read", std::nullopt,
                f.from + ".." + f.to + " " + f.team + " " + f.region + " " + f.organisation + " " + f.referral_source});
  return out;
}

Result<json> MonitoringService::indicators(const Principal& p, const MonitoringFilter& f) {
  auto rows = facts(p, f);
  if (!rows.is_ok()) return rows.status();
  return monitoring_indicators(rows.value(), today_utc());
}

MonitoringService::Choices MonitoringService::choices() {
  auto r = store_.pool().acquire()->query("SELECT name, region, organisation FROM teams ORDER BY name", {});
  Choices out;
  std::set<std::string> regions, organisations;
  for (size_t i = 0; i < r.size(); ++i) {
    out.teams.push_back(r.text(i, 0));
    if (!r.text(i, 1).empty()) regions.insert(r.text(i, 1));
    if (!r.text(i, 2).empty()) organisations.insert(r.text(i, 2));
  }
  out.regions.assign(regions.begin(), regions.end());
  out.organisations.assign(organisations.begin(), organisations.end());
  return out;
}

}  // namespace spiraal
