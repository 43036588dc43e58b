#include "store/monitoring_service.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

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

using Facts = std::map<int64_t, TrajectoryFacts>;

// The facts beyond the trajectory itself of the people in `block` (ids in
// `by_id`, padded with 0 to one per placeholder of `in_list`).
class BlockReader {
 public:
  BlockReader(sql::Connection& c, const FieldCipher& cipher, const std::string& in_list, const sql::Params& block,
              Facts& by_id)
      : c_(c), cipher_(cipher), in_list_(in_list), block_(block), by_id_(by_id) {}

  void read_all() {
    referral_sources();
    spiral_paths();
    crises();
    segments();
    ratings();
    score_change();
    followups();
  }

 private:
  // SELECT `columns` FROM `table` of the block's people [AND `where`] `tail`.
  sql::Rows rows(const std::string& columns, const std::string& table, const std::string& where = "",
                 const std::string& tail = "") {
    return c_.query("SELECT " + columns + " FROM " + table + " WHERE jobseeker_id IN (" + in_list_ + ")" +
                        (where.empty() ? "" : " AND " + where) + " " + tail,
                    block_);
  }
  TrajectoryFacts* facts(int64_t id) {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &it->second;
  }

  void referral_sources() {
    auto r = rows("jobseeker_id, referrer_kind", "referrals", "", "ORDER BY id");
    for (size_t i = 0; i < r.size(); ++i)
      if (auto* t = facts(r.integer(i, 0)); t && t->referral_source.empty()) t->referral_source = r.text(i, 1);
  }

  void spiral_paths() {
    auto r = rows("jobseeker_id, from_state, to_state, kind, moved_on", "spiral_moves", "",
                  "ORDER BY jobseeker_id, moved_on, id");
    for (size_t begin = 0, end = 0; begin < r.size(); begin = end) {
      std::vector<std::array<std::string, 4>> path;
      while (end < r.size() && r.integer(end, 0) == r.integer(begin, 0)) {
        path.push_back({r.text(end, 1), r.text(end, 2), r.text(end, 3), r.text(end, 4)});
        ++end;
      }
      TrajectoryFacts* t = facts(r.integer(begin, 0));
      if (!t) continue;
      for (const auto& move : path)
        if (move[2] == "slide_back") ++t->slides_back;
      t->recovery_days = recovery_days(path);
      t->phase_days = phase_days(path);
    }
  }

  void crises() {
    auto r = rows("jobseeker_id, COUNT(*)", "crises", "", "GROUP BY jobseeker_id");
    for (size_t i = 0; i < r.size(); ++i)
      if (auto* t = facts(r.integer(i, 0))) t->crises = int(r.integer(i, 1));
  }

  void segments() {
    auto r = rows("jobseeker_id, segment", "outreach_people", "segment IS NOT NULL");
    for (size_t i = 0; i < r.size(); ++i)
      if (auto* t = facts(r.integer(i, 0))) t->segment = std::to_string(r.integer(i, 1));
  }

  void ratings() {
    auto r = rows("jobseeker_id, rating", "contact_feedback");
    for (size_t i = 0; i < r.size(); ++i)
      if (auto* t = facts(r.integer(i, 0))) t->ratings.push_back(int(r.integer(i, 1)));
  }

  // Only the first and the latest table with both sides count, and opening
  // is most of the cost: each person's tables are opened from either end
  // until one with both sides is found, not all of them.
  void score_change() {
    auto tables =
        rows("jobseeker_id, item_snapshot_id, scores", "score_tables", "", "ORDER BY jobseeker_id, taken_on, id");
    auto snapshots = rows("id, items", "score_item_snapshots");
    std::unordered_map<int64_t, size_t> snapshot_row;
    for (size_t i = 0; i < snapshots.size(); ++i) snapshot_row[snapshots.integer(i, 0)] = i;
    std::unordered_map<int64_t, json> item_sets;  // opened when first needed
    auto items_of = [&](int64_t snapshot) -> const json& {
      auto it = item_sets.find(snapshot);
      if (it != item_sets.end()) return it->second;
      auto row = snapshot_row.find(snapshot);
      return item_sets[snapshot] =
                 row == snapshot_row.end() ? json() : open_json(cipher_, snapshots.text(row->second, 1));
    };
    auto both_sides = [&](size_t i) -> std::optional<std::pair<double, double>> {
      const json& items = items_of(tables.integer(i, 1));
      json scores = open_json(cipher_, tables.text(i, 2));
      auto outside = side_average_now(items, scores, "outside"), inside = side_average_now(items, scores, "inside");
      if (!outside || !inside) return std::nullopt;
      return std::pair{*outside, *inside};
    };
    for (size_t begin = 0, end = 0; begin < tables.size(); begin = end) {
      while (end < tables.size() && tables.integer(end, 0) == tables.integer(begin, 0)) ++end;
      TrajectoryFacts* t = facts(tables.integer(begin, 0));
      if (!t) continue;
      std::optional<std::pair<double, double>> first, last;
      size_t next = begin;
      while (next < end && !first) first = both_sides(next++);
      if (!first) continue;
      for (size_t back = end; back > next && !last; --back) last = both_sides(back - 1);
      if (!last) last = first;  // the first table with both sides is the only one
      t->first_outside = first->first, t->first_inside = first->second;
      t->last_outside = last->first, t->last_inside = last->second;
    }
  }

  void followups() {
    auto r = rows("jobseeker_id, content", "work_records", "kind = 'sustainability_check' AND status = 'recorded'");
    for (size_t i = 0; i < r.size(); ++i) {
      TrajectoryFacts* t = facts(r.integer(i, 0));
      if (!t) continue;
      json content = open_json(cipher_, r.text(i, 1));
      TrajectoryFacts::Followup fu;
      fu.months = content.value("months", 0);
      if (content.contains("still_working") && content["still_working"].is_boolean())
        fu.working = content["still_working"].get<bool>();
      double sum = 0;
      int n = 0;
      const json four_as = content.value("four_as", json::object());
      for (const auto& [_, v] : four_as.items())
        if (v.is_number()) sum += v.get<double>(), ++n;
      if (n > 0) fu.four_a = sum / n;
      std::string income = text(content, "income_sufficient");
      if (!income.empty()) fu.income_sufficient = income == "yes";
      t->followups.push_back(fu);
    }
  }

  sql::Connection& c_;
  const FieldCipher& cipher_;
  const std::string& in_list_;
  const sql::Params& block_;
  Facts& by_id_;
};

}  // namespace

// Every table but the trajectories is read for a block of people at a time,
// so memory holds one block's rows, not the region's (the score tables of
// 100k jobseekers at once took 2.7 GB; blocks of 1 000: 236 MB, see
// docs/performance.md). One statement text serves every block: the last one
// is padded with id 0 (nobody).
MonitoringService::MonitoringService(Store& store, size_t block)
    : store_(store), block_(std::clamp<size_t>(block, 1, 10000)) {  // PostgreSQL takes at most 65535 parameters
  for (size_t k = 0; k < block_; ++k) placeholders_ += k ? ", ?" : "?";
}

std::vector<TrajectoryFacts> MonitoringService::gather(const MonitoringFilter& f) {
  auto c = store_.pool().acquire();
  const FieldCipher& cipher = store_.cipher();
  Facts by_id;
  // The started trajectories that pass the filter.
  const sql::Params params = {f.from, f.from,   f.to,     f.to,           f.team,
                              f.team, f.region, f.region, f.organisation, f.organisation};
  auto base = c->query(
      "SELECT j.id, j.birth_date, j.profile, COALESCE(t.name, ''), COALESCE(t.organisation, ''), "
      "COALESCE(t.region, ''), tr.started_on, tr.state, tr.last_moved_on, COALESCE(tr.outcome, '') "
      "FROM trajectories tr JOIN jobseekers j ON j.id = tr.jobseeker_id "
      "LEFT JOIN teams t ON t.id = j.team_id WHERE tr.started_on IS NOT NULL AND tr.started_on <> '' "
      "AND (tr.started_on >= ? OR ? = '') AND (tr.started_on <= ? OR ? = '') AND (t.name = ? OR ? = '') "
      "AND (t.region = ? OR ? = '') AND (t.organisation = ? OR ? = '')",
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
  base = sql::Rows();  // the sealed profiles are opened; let them go

  std::vector<int64_t> people;
  people.reserve(by_id.size());
  for (const auto& [id, _] : by_id) people.push_back(id);
  for (size_t from = 0; from < people.size(); from += block_) {
    sql::Params block;
    block.reserve(block_);
    for (size_t k = from; k < from + block_; ++k)
      block.emplace_back(std::in_place_type<int64_t>, k < people.size() ? people[k] : 0);
    BlockReader(*c, cipher, placeholders_, block, by_id).read_all();
  }
  if (!f.referral_source.empty())
    std::erase_if(by_id, [&](const auto& kv) { return kv.second.referral_source != f.referral_source; });

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
