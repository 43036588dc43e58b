#include "core/monitoring.h"

#include <algorithm>
#include <cmath>

#include "core/clock.h"
#include "core/field_reader.h"
#include "core/spiral.h"
#include "core/vocabulary.h"

namespace spiraal {

using nlohmann::json;

namespace {

constexpr long kMinCell = 5;

std::string shown(long n) { return n > 0 && n < kMinCell ? "<5" : std::to_string(n); }

// A fraction rounded to three decimals; null when it would give away a
// count under 5 (the part, or the rest of the whole).
json share(long part, long whole) {
  auto small = [](long n) { return n > 0 && n < kMinCell; };
  if (whole < kMinCell || small(part) || small(whole - part)) return nullptr;
  return std::round(1000.0 * double(part) / double(whole)) / 1000.0;
}

json average(const std::vector<double>& values) {
  if (long(values.size()) < kMinCell) return nullptr;
  double sum = 0;
  for (double v : values) sum += v;
  return std::round(100.0 * sum / double(values.size())) / 100.0;
}

json median(std::vector<long> values) {
  if (long(values.size()) < kMinCell) return nullptr;
  std::sort(values.begin(), values.end());
  size_t mid = values.size() / 2;
  return values.size() % 2 ? double(values[mid]) : (values[mid - 1] + values[mid]) / 2.0;
}

using Rows = std::vector<const TrajectoryFacts*>;

// Every key a trajectory counts under in one dimension ("unknown" for none).
using Keys = std::vector<std::string> (*)(const TrajectoryFacts&);

std::map<std::string, long> count_by(const Rows& rows, Keys keys) {
  std::map<std::string, long> counts;
  for (const auto* r : rows)
    for (const auto& k : keys(*r)) ++counts[k.empty() ? "unknown" : k];
  return counts;
}

std::vector<std::string> one(const std::string& key) { return {key}; }

json breakdown(const Rows& rows, Keys keys) { return suppressed_breakdown(count_by(rows, keys)); }

// Outcomes by class over all started and over the closed ones, side by side.
json outcome_summary(const Rows& rows) {
  const long total = long(rows.size());
  std::map<std::string, long> by_class;
  long closed = 0;
  for (const auto* r : rows)
    if (!r->closed_on.empty()) ++closed, ++by_class[r->outcome.empty() ? "unknown" : r->outcome];
  auto cells = suppressed_breakdown(by_class);
  json classes = json::array();
  for (const auto& [cls, n] : by_class) {
    bool hidden = cells[cls] != std::to_string(n);
    classes.push_back({{"class", cls},
                       {"count", cells[cls]},
                       {"share_of_started", hidden ? json() : share(n, total)},
                       {"share_of_closed", hidden ? json() : share(n, closed)}});
  }
  return {{"started", shown(total)}, {"closed", shown(closed)}, {"by_class", classes}};
}

// The outcome summary per group of one dimension. A group whose own count
// is suppressed in the breakdown ("<5" or "*") shows that cell only.
json outcomes_by(const Rows& rows, Keys keys) {
  std::map<std::string, Rows> groups;
  for (const auto* r : rows)
    for (const auto& k : keys(*r)) groups[k.empty() ? "unknown" : k].push_back(r);
  std::map<std::string, long> counts;
  for (const auto& [g, members] : groups) counts[g] = long(members.size());
  auto cells = suppressed_breakdown(counts);
  json out = json::array();
  for (const auto& [g, members] : groups) {
    json entry = {{"group", g}, {"started", cells[g]}};
    if (cells[g] == std::to_string(members.size())) entry.update(outcome_summary(members));
    out.push_back(entry);
  }
  return out;
}

std::optional<long> days_between(const std::string& from, const std::string& to) {
  auto a = days_from_iso(from), b = days_from_iso(to);
  if (!a || !b || *b < *a) return std::nullopt;
  return *b - *a;
}

json durations(const Rows& rows, const std::string& today) {
  std::vector<long> closed, running;
  std::map<std::string, std::vector<long>> per_phase;
  for (const auto* r : rows) {
    bool is_closed = !r->closed_on.empty();
    if (auto d = days_between(r->started_on, is_closed ? r->closed_on : today))
      (is_closed ? closed : running).push_back(*d);
    for (const auto& [phase, days] : r->phase_days) per_phase[phase].push_back(days);
  }
  json phases = json::array();
  for (const auto& state : all_spiral_states()) {
    if (state.stage == Stage::kClosed) continue;  // closed and reopened: no phase of the spiral
    auto it = per_phase.find(state.code());
    if (it == per_phase.end()) continue;
    phases.push_back({{"phase", it->first}, {"people", shown(long(it->second.size()))}, {"median_days", median(it->second)}});
  }
  return {{"closed", {{"people", shown(long(closed.size()))}, {"median_days", median(closed)}}},
          {"running", {{"people", shown(long(running.size()))}, {"median_days", median(running)}}},
          {"by_phase", phases}};
}

// W² averages on the first and the latest table, outside and inside apart.
json w2_change(const Rows& rows) {
  std::vector<double> fo, lo, fi, li;
  for (const auto* r : rows)
    if (r->first_outside && r->last_outside && r->first_inside && r->last_inside) {
      fo.push_back(*r->first_outside), lo.push_back(*r->last_outside);
      fi.push_back(*r->first_inside), li.push_back(*r->last_inside);
    }
  return {{"people", shown(long(fo.size()))},
          {"outside", {{"first", average(fo)}, {"last", average(lo)}}},
          {"inside", {{"first", average(fi)}, {"last", average(li)}}}};
}

// The jobseeker's own ratings of contacts (1–4): an average over at least
// 5 people, and the spread suppressed like any breakdown.
json appreciation(const Rows& rows) {
  std::vector<double> all;
  long people = 0;
  std::map<std::string, long> by_rating = {{"1", 0}, {"2", 0}, {"3", 0}, {"4", 0}};
  for (const auto* r : rows) {
    if (!r->ratings.empty()) ++people;
    for (int v : r->ratings) all.push_back(v), ++by_rating[std::to_string(v)];
  }
  return {{"people", shown(people)},
          {"ratings", shown(long(all.size()))},
          {"average", people < kMinCell ? json() : average(all)},
          {"by_rating", suppressed_breakdown(by_rating)}};
}

}  // namespace

std::map<std::string, std::string> suppressed_breakdown(const std::map<std::string, long>& counts) {
  std::map<std::string, std::string> out;
  int small = 0;
  for (const auto& [cell, n] : counts) {
    out[cell] = shown(n);
    if (n > 0 && n < kMinCell) ++small;
  }
  if (small == 1) {
    // The smallest cell of 5 or more goes too: the total minus the rest
    // would otherwise give the suppressed one.
    const std::string* next = nullptr;
    long least = 0;
    for (const auto& [cell, n] : counts)
      if (n >= kMinCell && (!next || n < least)) next = &cell, least = n;
    // (A copy of a std::string: GCC 12 at -O2 warns falsely on assigning the literal.)
    static const std::string kHidden = "*";
    if (next) out[*next] = kHidden;
  }
  return out;
}

json monitoring_indicators(const std::vector<TrajectoryFacts>& trajectories, const std::string& today) {
  Rows rows, closed;
  for (const auto& t : trajectories) {
    rows.push_back(&t);
    if (!t.closed_on.empty()) closed.push_back(&t);
  }
  const long total = long(rows.size());
  json out;
  out["participants"] = {
      {"total", shown(total)},
      {"sex", breakdown(rows, [](const TrajectoryFacts& r) { return one(r.sex); })},
      {"age_band", breakdown(rows, [](const TrajectoryFacts& r) { return one(r.age_band); })},
      {"education", breakdown(rows, [](const TrajectoryFacts& r) { return one(r.education); })},
      {"dutch_level", breakdown(rows, [](const TrajectoryFacts& r) { return one(r.dutch_level); })},
      // One person may count in several groups, or in none.
      {"kansengroep", breakdown(rows, [](const TrajectoryFacts& r) { return r.kansengroepen; })},
      {"organisation", breakdown(rows, [](const TrajectoryFacts& r) { return one(r.organisation); })},
      {"region", breakdown(rows, [](const TrajectoryFacts& r) { return one(r.region); })},
      {"segment", breakdown(rows, [](const TrajectoryFacts& r) { return one(r.segment); })},
      {"referral_source", breakdown(rows, [](const TrajectoryFacts& r) { return one(r.referral_source); })}};
  json referral_shares = json::object();
  for (const auto& [source, n] : count_by(rows, [](const TrajectoryFacts& r) { return one(r.referral_source); }))
    referral_shares[source] = share(n, total);
  out["referral_shares"] = referral_shares;

  // No creaming: every outcome over all started trajectories, and over the
  // closed ones, side by side; and so per segment, kansengroep and cohort.
  out["outcomes"] = outcome_summary(rows);
  out["outcomes_by"] = {
      {"segment", outcomes_by(rows, [](const TrajectoryFacts& r) { return one(r.segment); })},
      {"kansengroep", outcomes_by(rows, [](const TrajectoryFacts& r) { return r.kansengroepen; })},
      {"cohort", outcomes_by(rows, [](const TrajectoryFacts& r) { return one(r.started_on.substr(0, 4)); })}};
  out["durations"] = durations(rows, today);

  std::vector<double> slides, crises;
  std::vector<long> recovery;
  for (const auto* r : rows) {
    slides.push_back(r->slides_back);
    crises.push_back(r->crises);
    recovery.insert(recovery.end(), r->recovery_days.begin(), r->recovery_days.end());
  }
  out["process"] = {{"people", shown(total)},
                    {"slides_back_per_trajectory", average(slides)},
                    {"crises_per_trajectory", average(crises)},
                    {"median_recovery_days", median(recovery)}};

  out["w2_change"] = w2_change(rows);
  out["baseline_endline"] = w2_change(closed);
  out["appreciation"] = appreciation(rows);

  json lasting = json::array();
  for (int months : {3, 6, 12}) {
    long checked = 0, working = 0, income_known = 0, income_ok = 0;
    std::vector<double> four_a;
    for (const auto* r : rows)
      for (const auto& f : r->followups) {
        if (f.months != months || !f.working) continue;
        ++checked;
        if (*f.working) ++working;
        if (f.four_a) four_a.push_back(*f.four_a);
        if (f.income_sufficient) ++income_known, income_ok += *f.income_sufficient ? 1 : 0;
      }
    lasting.push_back({{"months", months},
                       {"checked", shown(checked)},
                       {"working", shown(working)},
                       {"share_working", share(working, checked)},
                       {"four_a", average(four_a)},
                       {"income_sufficient_share", share(income_ok, income_known)}});
  }
  out["sustainable_employment"] = lasting;
  return out;
}

Result<MonitoringFilter> parse_monitoring_filter(const nlohmann::json& query) {
  FieldErrors errors;
  ObjectReader r(query, "", errors);
  r.refuse_unknown({"from", "to", "team", "region", "organisation", "referral_source", "format"});
  MonitoringFilter f{r.date("from"),          r.date("to"),         r.text("team", 200),
                     r.text("referral_source", 60), r.text("region", 200), r.text("organisation", 200)};
  if (!f.from.empty() && !f.to.empty() && f.to < f.from) r.fail("to", "before_from");
  if (!f.referral_source.empty() && !Vocabulary::get().allows("referrer_kind", f.referral_source))
    r.fail("referral_source", "choice");
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return f;
}

std::string age_band_on(const std::string& birth_date, const std::string& on) {
  if (!is_iso_date(birth_date) || !is_iso_date(on)) return "";
  int age = age_in_years(birth_date, on);
  if (age < 25) return "<25";
  if (age < 35) return "25-34";
  if (age < 45) return "35-44";
  if (age < 55) return "45-54";
  return "55+";
}

std::vector<long> recovery_days(const std::vector<std::array<std::string, 4>>& moves) {
  std::vector<long> out;
  for (size_t i = 0; i < moves.size(); ++i) {
    if (moves[i][2] != "slide_back") continue;
    auto left = parse_spiral_state(moves[i][0]);
    auto slid_on = days_from_iso(moves[i][3]);
    if (!left || !slid_on) continue;
    for (size_t k = i + 1; k < moves.size(); ++k) {
      auto reached = parse_spiral_state(moves[k][1]);
      auto on = days_from_iso(moves[k][3]);
      if (reached && on && reached->rank() >= left->rank()) {
        out.push_back(*on - *slid_on);
        break;
      }
    }
  }
  return out;
}

std::map<std::string, long> phase_days(const std::vector<std::array<std::string, 4>>& moves) {
  std::map<std::string, long> out;
  for (size_t i = 0; i + 1 < moves.size(); ++i) {
    auto in = days_from_iso(moves[i][3]), left = days_from_iso(moves[i + 1][3]);
    if (in && left && *left >= *in && parse_spiral_state(moves[i][1])) out[moves[i][1]] += *left - *in;
  }
  return out;
}

}  // namespace spiraal
