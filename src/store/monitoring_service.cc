#include "store/monitoring_service.h"

#include <map>
#include <set>

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
  auto base = c->query(
      "SELECT j.id, j.birth_date, j.profile, COALESCE(t.name, ''), COALESCE(t.organisation, ''), "
      "COALESCE(t.region, ''), tr.started_on, tr.state, tr.last_moved_on, COALESCE(tr.outcome, '') "
      "FROM trajectories tr JOIN jobseekers j ON j.id = tr.jobseeker_id "
      "LEFT JOIN teams t ON t.id = j.team_id WHERE tr.started_on IS NOT NULL AND tr.started_on <> '' "
      "AND (tr.started_on >= ? OR ? = '') AND (tr.started_on <= ? OR ? = '') AND (t.name = ? OR ? = '') "
      "AND (t.region = ? OR ? = '') AND (t.organisation = ? OR ? = '')",
      {f.from, f.from, f.to, f.to, f.team, f.team, f.region, f.region, f.organisation, f.organisation});
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
  for (auto& [id, p] : path) {
    by_id[id].recovery_days = recovery_days(p);
    by_id[id].phase_days = phase_days(p);
  }
  auto crises = c->query("SELECT jobseeker_id, COUNT(*) FROM crises GROUP BY jobseeker_id", {});
  for (size_t i = 0; i < crises.size(); ++i)
    if (auto it = by_id.find(crises.integer(i, 0)); it != by_id.end()) it->second.crises = int(crises.integer(i, 1));

  auto segments = c->query(
      "SELECT jobseeker_id, segment FROM outreach_people WHERE jobseeker_id IS NOT NULL AND segment IS NOT NULL", {});
  for (size_t i = 0; i < segments.size(); ++i)
    if (auto it = by_id.find(segments.integer(i, 0)); it != by_id.end())
      it->second.segment = std::to_string(segments.integer(i, 1));
  auto ratings = c->query("SELECT jobseeker_id, rating FROM contact_feedback", {});
  for (size_t i = 0; i < ratings.size(); ++i)
    if (auto it = by_id.find(ratings.integer(i, 0)); it != by_id.end())
      it->second.ratings.push_back(int(ratings.integer(i, 1)));

  auto tables = c->query("SELECT jobseeker_id, items, scores FROM score_tables ORDER BY jobseeker_id, taken_on, id", {});
  for (size_t i = 0; i < tables.size(); ++i) {
    auto it = by_id.find(tables.integer(i, 0));
    if (it == by_id.end()) continue;
    json items = open_json(cipher, tables.text(i, 1)), scores = open_json(cipher, tables.text(i, 2));
    auto outside = side_average_now(items, scores, "outside"), inside = side_average_now(items, scores, "inside");
    TrajectoryFacts& t = it->second;
    if (!t.first_outside && outside && inside) t.first_outside = outside, t.first_inside = inside;
    if (outside && inside) t.last_outside = outside, t.last_inside = inside;
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
