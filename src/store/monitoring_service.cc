#include "store/monitoring_service.h"

#include <map>
#include <optional>
#include <utility>

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
  auto base = c->query(
      "SELECT j.id, j.birth_date, j.profile, COALESCE(t.name, ''), tr.started_on, tr.state, tr.last_moved_on, "
      "COALESCE(tr.outcome, '') FROM trajectories tr JOIN jobseekers j ON j.id = tr.jobseeker_id "
      "LEFT JOIN teams t ON t.id = j.team_id WHERE tr.started_on IS NOT NULL AND tr.started_on <> '' "
      "AND (tr.started_on >= ? OR ? = '') AND (tr.started_on <= ? OR ? = '') AND (t.name = ? OR ? = '')",
      {f.from, f.from, f.to, f.to, f.team, f.team});
  for (size_t i = 0; i < base.size(); ++i) {
    TrajectoryFacts t;
    json profile = open_json(cipher, base.text(i, 2));
    t.sex = text(profile, "sex");
    t.education = text(profile, "education");
    t.dutch_level = text(profile, "dutch_level");
    for (const auto& k : profile.value("kansengroep", json::array()))
      if (k.is_string()) t.kansengroepen.push_back(k.get<std::string>());
    t.organisation = base.text(i, 3);
    t.started_on = base.text(i, 4);
    t.age_band = age_band_on(base.text(i, 1), t.started_on);
    if (base.text(i, 5) == "closed") t.closed_on = base.text(i, 6), t.outcome = base.text(i, 7);
    by_id[base.integer(i, 0)] = std::move(t);
  }
  auto referrals = c->query("SELECT jobseeker_id, referrer_kind FROM referrals ORDER BY id", {});
  for (size_t i = 0; i < referrals.size(); ++i)
    if (auto it = by_id.find(referrals.integer(i, 0)); it != by_id.end() && it->second.referral_source.empty())
      it->second.referral_source = referrals.text(i, 1);
  if (!f.referral_source.empty())
    std::erase_if(by_id, [&](const auto& kv) { return kv.second.referral_source != f.referral_source; });

  auto moves = c->query(
      "SELECT jobseeker_id, from_state, to_state, kind, moved_on FROM spiral_moves ORDER BY jobseeker_id, moved_on, id",
      {});
  std::map<int64_t, std::vector<std::array<std::string, 4>>> path;
  for (size_t i = 0; i < moves.size(); ++i) {
    auto it = by_id.find(moves.integer(i, 0));
    if (it == by_id.end()) continue;
    if (moves.text(i, 3) == "slide_back") ++it->second.slides_back;
    path[it->first].push_back({moves.text(i, 1), moves.text(i, 2), moves.text(i, 3), moves.text(i, 4)});
  }
  for (auto& [id, p] : path) by_id[id].recovery_days = recovery_days(p);
  auto crises = c->query("SELECT jobseeker_id, COUNT(*) FROM crises GROUP BY jobseeker_id", {});
  for (size_t i = 0; i < crises.size(); ++i)
    if (auto it = by_id.find(crises.integer(i, 0)); it != by_id.end()) it->second.crises = int(crises.integer(i, 1));

  // Only the first and the latest table with both sides count, and opening
  // is most of the cost: each person's tables are opened from either end
  // until one with both sides is found, not all of them.
  auto tables = c->query("SELECT jobseeker_id, items, scores FROM score_tables ORDER BY jobseeker_id, taken_on, id", {});
  auto both_sides = [&](size_t i) -> std::optional<std::pair<double, double>> {
    json items = open_json(cipher, tables.text(i, 1)), scores = open_json(cipher, tables.text(i, 2));
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
  auto checks = c->query(
      "SELECT jobseeker_id, content FROM work_records WHERE kind = 'sustainability_check' AND status = 'recorded'", {});
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
                f.from + ".." + f.to + " " + f.team + " " + f.referral_source});
  return out;
}

Result<json> MonitoringService::indicators(const Principal& p, const MonitoringFilter& f) {
  auto rows = facts(p, f);
  if (!rows.is_ok()) return rows.status();
  return monitoring_indicators(rows.value());
}

std::vector<std::string> MonitoringService::teams() {
  auto r = store_.pool().acquire()->query("SELECT name FROM teams ORDER BY name", {});
  std::vector<std::string> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.text(i, 0));
  return out;
}

}  // namespace spiraal
