// Times the analyst's monitoring (issue 8: MonitoringService::indicators)
// next to the best single SQL query we could write for each of its figures,
// on an existing database; bench/run-monitoring.sh makes the demo sets.
//
//   spiraal_monitoring_bench --db FILE|postgresql://... [--key-file FILE]
//       [--year YYYY] [--team NAME] [--repetitions N] [--benchmark_* flags]
//
// --db defaults to $SPIRAAL_BENCH_DB. Three filters are timed: none, the
// starting year with the most trajectories (or --year), the team with the
// most (or --team).
//
// Profiles, score tables and work records are sealed, so no SQL can count
// what is inside them: for those figures the "raw" cost is one query that
// fetches only the rows the figure needs plus opening them with the store's
// cipher. Before anything is timed, every raw figure is checked against the
// endpoint's; the benchmark refuses to run when they disagree.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/clock.h"
#include "core/monitoring.h"
#include "core/score_table.h"
#include "store/monitoring_service.h"

namespace spiraal::bench {
namespace {

using nlohmann::json;

// The started trajectories passing a filter, as the tail of a query.
struct Started {
  std::string from_where;  // " FROM trajectories tr ... WHERE ..."
  sql::Params params;
};

// `people`: join the jobseeker (j) and the team (t) for the participants.
// The filter is written out for what is set, instead of `(x = ? OR ? = '')`,
// so each engine plans the query it would get from a hand-written report.
Started started(const MonitoringFilter& f, bool people = false) {
  Started s{" FROM trajectories tr", {}};
  if (people || !f.team.empty()) s.from_where += " JOIN jobseekers j ON j.id = tr.jobseeker_id";
  if (people) s.from_where += " LEFT JOIN teams t ON t.id = j.team_id";
  s.from_where += " WHERE tr.started_on <> ''";  // NULL fails too
  if (!f.from.empty()) s.from_where += " AND tr.started_on >= ?", s.params.push_back(f.from);
  if (!f.to.empty()) s.from_where += " AND tr.started_on <= ?", s.params.push_back(f.to);
  if (!f.team.empty()) s.from_where += " AND j.team_id IN (SELECT id FROM teams WHERE name = ?)", s.params.push_back(f.team);
  return s;
}

// As core/monitoring.cc shows them: counts under 5 as "<5", averages to two decimals.
json shown(long n) { return n > 0 && n < 5 ? "<5" : std::to_string(n); }
json average(double sum, long n) { return n < 5 ? json() : json(std::round(100.0 * sum / double(n)) / 100.0); }

json open_json(const FieldCipher& cipher, const std::string& sealed) {
  return json::parse(cipher.open(sealed), nullptr, false);
}

// --- The raw figures: one query each --------------------------------------

// Outcome classes over all started trajectories and the closed ones (a
// trajectory counts as closed from its last move, as in gather()).
json raw_outcomes(Store& store, const MonitoringFilter& f) {
  Started s = started(f);
  auto r = store.pool().acquire()->query(
      "SELECT CASE WHEN tr.state = 'closed' AND tr.last_moved_on <> '' THEN COALESCE(tr.outcome, '') END, COUNT(*)" + s.from_where + " GROUP BY 1",
      s.params);
  long total = 0, closed = 0;
  json by_class = json::object();
  for (size_t i = 0; i < r.size(); ++i) {
    long n = long(r.integer(i, 1));
    total += n;
    if (r.is_null(i, 0)) continue;
    closed += n;
    by_class[r.text(i, 0).empty() ? "unknown" : r.text(i, 0)] = shown(n);
  }
  return {{"started", shown(total)}, {"closed", shown(closed)}, {"by_class", by_class}};
}

// Slides back and crises per trajectory.
json raw_process(Store& store, const MonitoringFilter& f) {
  Started s = started(f);
  auto r = store.pool().acquire()->query(
      "SELECT COUNT(*), "
      "COALESCE(SUM((SELECT COUNT(*) FROM spiral_moves m WHERE m.jobseeker_id = tr.jobseeker_id AND m.kind = "
      "'slide_back')), 0), "
      "COALESCE(SUM((SELECT COUNT(*) FROM crises c WHERE c.jobseeker_id = tr.jobseeker_id)), 0)" +
          s.from_where,
      s.params);
  long people = long(r.integer(0, 0));
  return {{"slides_back_per_trajectory", average(double(r.integer(0, 1)), people)},
          {"crises_per_trajectory", average(double(r.integer(0, 2)), people)}};
}

// The median recovery needs each path in order: the moves of the filtered
// trajectories, walked by core's recovery_days.
json raw_recovery(Store& store, const MonitoringFilter& f) {
  Started s = started(f);
  auto r = store.pool().acquire()->query(
      "SELECT m.jobseeker_id, m.from_state, m.to_state, m.kind, m.moved_on FROM spiral_moves m WHERE m.jobseeker_id IN "
      "(SELECT tr.jobseeker_id" + s.from_where + ") ORDER BY m.jobseeker_id, m.moved_on, m.id",
      s.params);
  std::vector<long> days;
  std::vector<std::array<std::string, 4>> path;
  for (size_t i = 0; i < r.size(); ++i) {
    path.push_back({r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4)});
    if (i + 1 == r.size() || r.integer(i + 1, 0) != r.integer(i, 0)) {
      auto d = recovery_days(path);
      days.insert(days.end(), d.begin(), d.end());
      path.clear();
    }
  }
  if (days.size() < 5) return nullptr;
  std::sort(days.begin(), days.end());
  size_t mid = days.size() / 2;
  return days.size() % 2 ? double(days[mid]) : (days[mid - 1] + days[mid]) / 2.0;
}

// W² averages of the first and the latest table with both sides. Sealed:
// the tables of the filtered trajectories are fetched in order and opened,
// from each end only as far as the first table with both sides.
json raw_w2(Store& store, const MonitoringFilter& f) {
  Started s = started(f);
  auto r = store.pool().acquire()->query(
      "SELECT st.jobseeker_id, si.items, st.scores FROM score_tables st "
      "JOIN score_item_snapshots si ON si.id = st.item_snapshot_id WHERE st.jobseeker_id IN "
      "(SELECT tr.jobseeker_id" + s.from_where + ") ORDER BY st.jobseeker_id, st.taken_on, st.id",
      s.params);
  const FieldCipher& cipher = store.cipher();
  auto sides = [&](size_t i) -> std::optional<std::pair<double, double>> {
    json items = open_json(cipher, r.text(i, 1)), scores = open_json(cipher, r.text(i, 2));
    auto out = side_average_now(items, scores, "outside"), in = side_average_now(items, scores, "inside");
    if (!out || !in) return std::nullopt;
    return std::pair{*out, *in};
  };
  long people = 0;
  double fo = 0, fi = 0, lo = 0, li = 0;
  for (size_t begin = 0, end = 0; begin < r.size(); begin = end) {
    while (end < r.size() && r.integer(end, 0) == r.integer(begin, 0)) ++end;
    std::optional<std::pair<double, double>> first, last;
    size_t k = begin;
    for (; k < end && !first; ++k) first = sides(k);
    if (!first) continue;
    for (size_t b = end; b > k && !last; --b) last = sides(b - 1);
    if (!last) last = first;  // the first table is the only one with both sides
    ++people, fo += first->first, fi += first->second, lo += last->first, li += last->second;
  }
  return {{"people", shown(people)},
          {"outside", {{"first", average(fo, people)}, {"last", average(lo, people)}}},
          {"inside", {{"first", average(fi, people)}, {"last", average(li, people)}}}};
}

// Still working at 3, 6 and 12 months: the recorded checks, opened.
json raw_lasting(Store& store, const MonitoringFilter& f) {
  Started s = started(f);
  auto r = store.pool().acquire()->query(
      "SELECT w.content FROM work_records w WHERE w.kind = 'sustainability_check' AND w.status = 'recorded' AND "
      "w.jobseeker_id IN (SELECT tr.jobseeker_id" + s.from_where + ")",
      s.params);
  std::map<int, std::pair<long, long>> checked_working;
  for (size_t i = 0; i < r.size(); ++i) {
    json content = open_json(store.cipher(), r.text(i, 0));
    if (!content.contains("still_working") || !content["still_working"].is_boolean()) continue;
    auto& [checked, working] = checked_working[content.value("months", 0)];
    ++checked;
    if (content["still_working"].get<bool>()) ++working;
  }
  json out = json::array();
  for (int months : {3, 6, 12})
    out.push_back({{"months", months},
                   {"checked", shown(checked_working[months].first)},
                   {"working", shown(checked_working[months].second)}});
  return out;
}

// Who started: the profile (sealed) opened, the team's guiding organisation
// (its name when it has none) and the first referral.
json raw_participants(Store& store, const MonitoringFilter& f) {
  Started s = started(f, /*people=*/true);
  auto r = store.pool().acquire()->query(
      "SELECT j.birth_date, j.profile, COALESCE(NULLIF(t.organisation, ''), t.name, ''), tr.started_on, "
      "(SELECT rf.referrer_kind FROM referrals rf WHERE rf.jobseeker_id = tr.jobseeker_id ORDER BY rf.id LIMIT 1)" +
          s.from_where,
      s.params);
  std::map<std::string, std::map<std::string, long>> counts;
  counts["kansengroep"];  // one person may count in several groups, none gives no "unknown"
  auto count = [&](const char* breakdown, const std::string& cell) { ++counts[breakdown][cell.empty() ? "unknown" : cell]; };
  for (size_t i = 0; i < r.size(); ++i) {
    json profile = open_json(store.cipher(), r.text(i, 1));
    for (const char* key : {"sex", "education", "dutch_level"})
      count(key, profile.is_object() && profile.contains(key) && profile[key].is_string() ? profile[key].get<std::string>() : "");
    if (profile.is_object() && profile.contains("kansengroep") && profile["kansengroep"].is_array())
      for (const auto& k : profile["kansengroep"])
        if (k.is_string()) ++counts["kansengroep"][k.get<std::string>()];
    count("age_band", age_band_on(r.text(i, 0), r.text(i, 3)));
    count("organisation", r.text(i, 2));
    count("referral_source", r.text(i, 4));
  }
  json out = {{"total", shown(long(r.size()))}};
  for (const auto& [breakdown, cells] : counts) out[breakdown] = suppressed_breakdown(cells);
  return out;
}

struct Figure {
  const char* name;
  json (*raw)(Store&, const MonitoringFilter&);
  std::vector<std::string> paths;  // JSON pointers into the indicators that the raw figure must match
};

const std::vector<Figure>& figures() {
  static const std::vector<Figure> all = {
      {"participants", raw_participants,
       {"/participants/total", "/participants/sex", "/participants/age_band", "/participants/education",
        "/participants/dutch_level", "/participants/kansengroep", "/participants/organisation",
        "/participants/referral_source"}},
      {"outcomes", raw_outcomes, {"/outcomes/started", "/outcomes/closed"}},
      {"process", raw_process, {"/process/slides_back_per_trajectory", "/process/crises_per_trajectory"}},
      {"recovery", raw_recovery, {"/process/median_recovery_days"}},
      {"w2_change", raw_w2, {"/w2_change"}},
      {"sustainable_employment", raw_lasting, {}},
  };
  return all;
}

// The raw figure, placed where the endpoint keeps it.
json place(const std::string& figure, const json& raw) {
  if (figure == "participants") return {{"participants", raw}};
  if (figure == "outcomes") return {{"outcomes", raw}};
  if (figure == "process") return {{"process", raw}};
  if (figure == "recovery") return {{"process", {{"median_recovery_days", raw}}}};
  if (figure == "w2_change") return {{"w2_change", raw}};
  return {{"sustainable_employment", raw}};
}

// True when the raw figure gives what the endpoint shows.
bool agrees(const std::string& label, const Figure& figure, const json& endpoint, const json& raw) {
  json placed = place(figure.name, raw);
  bool ok = true;
  auto mismatch = [&](const std::string& what, const json& e, const json& r) {
    std::cerr << "MISMATCH " << label << " " << figure.name << " " << what << ": endpoint " << e.dump() << ", raw "
              << r.dump() << "\n";
    ok = false;
  };
  for (const auto& path : figure.paths) {
    json::json_pointer p(path);
    if (endpoint.at(p) != placed.at(p)) mismatch(path, endpoint.at(p), placed.at(p));
  }
  if (std::string(figure.name) == "outcomes")
    for (const auto& cls : endpoint["outcomes"]["by_class"]) {
      const json& mine = raw["by_class"].value(cls["class"].get<std::string>(), json());
      if (cls["count"] != "*" && cls["count"] != mine) mismatch("by_class", cls, mine);
    }
  if (std::string(figure.name) == "sustainable_employment")
    for (size_t i = 0; i < raw.size(); ++i)
      for (const char* key : {"months", "checked", "working"})
        if (endpoint["sustainable_employment"][i][key] != raw[i][key])
          mismatch(key, endpoint["sustainable_employment"][i], raw[i]);
  return ok;
}

// The filters timed: none, one starting year, one team.
std::vector<std::pair<std::string, MonitoringFilter>> filters(Store& store, std::string year, std::string team) {
  auto c = store.pool().acquire();
  if (year.empty()) {
    auto r = c->query(
        "SELECT substr(started_on, 1, 4), COUNT(*) FROM trajectories WHERE started_on <> '' GROUP BY 1 "
        "ORDER BY 2 DESC, 1 LIMIT 1",
        {});
    if (!r.empty()) year = r.text(0, 0);
  }
  if (team.empty()) {
    auto r = c->query(
        "SELECT t.name, COUNT(*) FROM trajectories tr JOIN jobseekers j ON j.id = tr.jobseeker_id "
        "JOIN teams t ON t.id = j.team_id WHERE tr.started_on <> '' GROUP BY t.name ORDER BY 2 DESC, 1 LIMIT 1",
        {});
    if (!r.empty()) team = r.text(0, 0);
  }
  MonitoringFilter none;
  MonitoringFilter in_year;
  in_year.from = year + "-01-01";
  in_year.to = year + "-12-31";
  MonitoringFilter of_team;
  of_team.team = team;
  return {{"all", none}, {"year=" + year, in_year}, {"team=" + team, of_team}};
}

void add(const std::string& name, int repetitions, std::function<void()> fn) {
  benchmark::RegisterBenchmark(name.c_str(), [fn](benchmark::State& state) {
    for (auto _ : state) fn();
  })
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime()  // the PostgreSQL server's work is in another process
      ->Iterations(1)  // one call is already a whole page of work
      ->Repetitions(repetitions)
      ->ReportAggregatesOnly(true);
}

int run(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);  // takes the --benchmark_* flags out of argv
  cli::Options o;
  if (const char* env = std::getenv("SPIRAAL_BENCH_DB"); env && *env) o.db = env;
  std::string year, team;
  int repetitions = 5;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--db") o.db = value();
    else if (arg == "--key-file") o.key_file = value();
    else if (arg == "--year") year = value();
    else if (arg == "--team") team = value();
    else if (arg == "--repetitions") repetitions = std::max(1, std::atoi(value().c_str()));
    else throw std::invalid_argument("unknown argument " + arg);
  }
  auto store = cli::open_store(o, 2);
  if (!store) return 1;
  auto analyst = store->user_by_username("analyst");  // demo-data's analyst login
  if (!analyst || analyst->role != Role::kAnalyst) {
    std::cerr << "spiraal_monitoring_bench: no analyst login in " << o.db << "; make it with `spiraal demo-data`\n";
    return 1;
  }
  const Principal principal = analyst->principal();
  MonitoringService monitoring(*store);
  MonitoringService* service = &monitoring;  // lives until the benchmarks have run

  bool all_agree = true;
  for (const auto& [label, filter] : filters(*store, year, team)) {
    auto indicators = service->indicators(principal, filter);
    if (!indicators.is_ok()) throw std::runtime_error("indicators: " + indicators.status().message());
    std::cerr << label << ": " << indicators.value()["participants"]["total"].get<std::string>()
              << " started trajectories\n";
    for (const auto& figure : figures())
      all_agree = agrees(label, figure, indicators.value(), figure.raw(*store, filter)) && all_agree;

    Store* s = store.get();
    MonitoringFilter f = filter;
    add(label + "/endpoint/indicators", repetitions, [=] {
      benchmark::DoNotOptimize(service->indicators(principal, f));
    });
    // indicators = facts (the gathering, and an audit record) + counting:
    // only the counting is timed apart, gathering is the rest.
    auto facts = service->facts(principal, f).value();
    const std::string today = today_utc();
    add(label + "/endpoint/counting", repetitions,
        [facts, today] { benchmark::DoNotOptimize(monitoring_indicators(facts, today)); });
    for (const auto& figure : figures()) {
      auto raw = figure.raw;
      add(label + "/raw/" + figure.name, repetitions, [=] { benchmark::DoNotOptimize(raw(*s, f)); });
    }
  }
  // Not monitoring, but measured on the same sets: the coordinator's team
  // caseload as the team dashboard asks for it (every row), which the
  // `w.status || ''` rewrite in Store::caseload took from ~50 s to ~0.1 s.
  if (auto coordinator = store->user_by_username("coordinator"); coordinator && coordinator->team_id) {
    CaseloadQuery q;
    q.team_id = coordinator->team_id;
    q.limit = 1'000'000;
    Store* s = store.get();
    std::cerr << "caseload of " << coordinator->team_name << ": " << s->caseload(q).total << " dossiers\n";
    add("team=" + coordinator->team_name + "/caseload/whole-team", repetitions,
        [=] { benchmark::DoNotOptimize(s->caseload(q)); });
  }
  if (!all_agree) {
    std::cerr << "spiraal_monitoring_bench: the raw queries do not give the endpoint's figures; nothing timed\n";
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace
}  // namespace spiraal::bench

int main(int argc, char** argv) {
  try {
    return spiraal::bench::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "spiraal_monitoring_bench: " << e.what() << "\n";
    return 2;
  }
}
