#include "store/demo_trajectories.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.h"
#include "core/knipperlichten.h"
#include "core/spiral.h"
#include "store/demo_random.h"

namespace spiraal {
namespace {

using nlohmann::json;
using sql::Param;

constexpr int64_t kBatch = 2000;

const std::vector<std::string> kOrganisations = {"VDAB Antwerpen", "VDAB Gent", "OCMW Antwerpen", "OCMW Mechelen",
                                                 "CAW Metropool", "CAW Oost-Vlaanderen", "Vereniging De Keeting",
                                                 "Recht-Op", "Ervaringsdeskundige VDAB", "Buurtwerk 't Pleintje"};
const std::vector<std::string> kReasons = {"Wil graag werken, maar zit met schulden.",
                                           "Lang werkloos; zoekt een nieuwe start.",
                                           "Alleenstaande moeder, zoekt werk dat past bij de school van de kinderen.",
                                           "Na een periode van ziekte opnieuw op zoek naar werk.",
                                           "Woont sinds kort in België en wil aan de slag."};
const std::vector<std::string> kCauses = {"Dreigende uithuiszetting", "Ziek kind", "Relatiebreuk",
                                          "Schuldeiser legt beslag op loon", "Overlijden in de familie",
                                          "Energie afgesloten"};
const std::vector<std::string> kMoveReasons = {"Samen besproken en afgesproken.", "Het gaat goed; volgende stap.",
                                               "Nog niet klaar voor de volgende stap.", "Na overleg met de werkzoekende.",
                                               "De werkzoekende kiest dit zelf."};

std::string plus(const std::string& date, int64_t days) { return iso_from_days(*days_from_iso(date) + days); }

// One jobseeker's path, as rows to insert.
struct Path {
  std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string>> moves;  // from,to,kind,on,outcome
  std::vector<std::tuple<std::string, std::string, std::string>> crises;  // cause, start, end
  SpiralState state;
  std::string started_on, outcome;
};

Path walk(demo::Random& r, const std::string& included_on, const std::string& today) {
  Path p;
  SpiralState at{Stage::kSelection, 0};
  std::string on = included_on;
  auto go = [&](SpiralState to, const std::string& outcome = "") {
    auto kind = classify_move(at, to);
    if (!kind.is_ok()) return false;  // never store an illegal move
    p.moves.emplace_back(at.code(), to.code(), to_string(kind.value()), on, outcome);
    if (p.started_on.empty() && to.stage == Stage::kCycle1) p.started_on = on;
    at = to;
    return true;
  };
  go({Stage::kCycle1, 1});
  bool via_training = r.chance(0.3);
  while (true) {
    std::string next = plus(on, r.between(25, 110));
    if (next > today) break;
    on = next;
    if (r.chance(0.06) && at.stage != Stage::kSelection) {  // a crisis
      std::string end = plus(on, r.between(14, 84));
      bool still_open = end > today || r.chance(0.05);
      p.crises.emplace_back(r.pick(kCauses), on, still_open ? "" : end);
      // A crisis sends the focus back to welfare: often a slide back.
      if (at.stage == Stage::kCycle1 && at.phase > 2 && r.chance(0.7)) go({Stage::kCycle1, int(r.between(2, at.phase - 1))});
      else if (at.stage != Stage::kCycle1 && r.chance(0.5)) go({Stage::kCycle1, 5});
      if (still_open) break;  // the person is in it now
      on = end;               // one crisis at a time
      continue;
    }
    if (r.chance(0.08) && at.rank() > 2) {  // afglijden without a crisis
      go({Stage::kCycle1, int(r.between(1, std::min(at.stage == Stage::kCycle1 ? at.phase - 1 : 7, 7)))});
      continue;
    }
    if (at.stage == Stage::kCycle1 && at.phase < 7) {
      go({Stage::kCycle1, std::min(7, at.phase + (r.chance(0.15) ? 2 : 1))});
    } else if (at.stage == Stage::kCycle1) {
      go(via_training ? SpiralState{Stage::kCycle2, 1} : SpiralState{Stage::kCycle3, 1});
    } else if (at.stage == Stage::kCycle2 && at.phase < 5) {
      go({Stage::kCycle2, at.phase + 1});
    } else if (at.stage == Stage::kCycle2) {
      go({Stage::kCycle3, 1});
    } else if (at.stage == Stage::kCycle3 && at.phase < 5 && !r.chance(0.2)) {
      go({Stage::kCycle3, at.phase + 1});
    } else if (at.stage == Stage::kCycle3) {
      go({Stage::kAftercare, 0});
    } else if (at.stage == Stage::kAftercare && r.chance(0.5)) {
      const char* classes[] = {"open_zee", "open_zee", "binnenvaart", "veilige_haven", "training", "moved_away",
                               "stopped_by_jobseeker", "other"};
      go({Stage::kClosed, 0}, classes[r.below(8)]);
      p.outcome = std::get<4>(p.moves.back());
      break;
    }
  }
  p.state = at;
  return p;
}

}  // namespace

Result<DemoTrajectorySummary> generate_demo_trajectories(Store& store, uint64_t seed,
                                                         const std::function<void(const std::string&)>& progress) {
  DemoTrajectorySummary sum;
  const std::string today = today_utc();
  const std::string now = now_utc();
  std::vector<std::string> indicators;
  for (const auto& rubric : knipperlicht_rubrics())
    for (const auto& i : rubric.indicators) indicators.push_back(i.code);
  demo::Random root(seed ^ 0x5350495241414cull);
  int64_t after = 0;
  for (;;) {
    auto c = store.pool().acquire();
    // The people: id, team, anchor coach, first contact.
    auto people = c->query(
        "SELECT j.id, j.team_id, (SELECT MIN(a.user_id) FROM assignments a WHERE a.jobseeker_id = j.id), "
        "COALESCE((SELECT MIN(ct.contact_date) FROM contacts ct WHERE ct.jobseeker_id = j.id), ?) "
        "FROM jobseekers j WHERE j.id > ? ORDER BY j.id LIMIT ?",
        {today, after, kBatch});
    if (people.empty()) break;
    sql::in_transaction(*c, [&] {
      for (size_t i = 0; i < people.size(); ++i) {
        int64_t id = people.integer(i, 0);
        after = id;
        demo::Random r = root.fork(uint64_t(id));
        Param team = people.is_null(i, 1) ? Param(nullptr) : Param(people.integer(i, 1));
        Param coach = people.is_null(i, 2) ? Param(nullptr) : Param(people.integer(i, 2));
        std::string first = people.text(i, 3);
        // A few recent referrals still wait to be picked up by the team.
        bool waiting = r.chance(0.03);
        std::string referred = waiting ? plus(today, -r.between(1, 30)) : plus(first, -r.between(7, 45));
        bool warm = r.chance(0.6);
        const char* kinds[] = {"vdab_service", "ocmw", "caw", "poverty_association", "expert_by_experience", "other"};
        size_t kind = r.weighted({39, 25, 20, 8, 5, 3});
        c->query("UPDATE jobseekers SET registered_on = ? WHERE id = ?", {plus(referred, -r.between(60, 900)), id});
        c->query(
            "INSERT INTO referrals (jobseeker_id, team_id, version, referrer_kind, referrer_organisation, "
            "referrer_person, referred_on, reason, warm_handover, warm_handover_on, status, created_at) "
            "VALUES (?, ?, 1, ?, ?, '', ?, ?, ?, ?, ?, ?)",
            {id, team, std::string(kinds[kind]), r.pick(kOrganisations), referred, r.pick(kReasons), int64_t(warm),
             warm ? Param(plus(referred, r.between(3, 14))) : Param(nullptr), std::string(waiting ? "waiting" : "screened"),
             now});
        ++sum.referrals;
        if (waiting) {
          ++sum.waiting;
          continue;
        }
        // Screening: mostly three or more rubrics, always with motivations.
        std::set<std::string> ticked;
        int wanted = int(r.weighted({0, 2, 10, 30, 30, 28}));
        while (int(ticked.size()) < wanted + 1) ticked.insert(r.pick(indicators));
        auto eval = evaluate_knipperlichten(ticked).value();
        bool mmpp = r.chance(0.08);
        size_t outcome = mmpp ? (r.chance(0.7) ? 1 : 0) : r.weighted({85, 3, 8});
        const char* outcomes[] = {"included", "referred_elsewhere", "not_now"};
        json conditions = {{"poverty", {{"met", true}, {"motivation", "Leeft van een uitkering, schulden."}}},
                           {"work_focus", {{"met", true}, {"motivation", "Ziet werk als een springplank."}}},
                           {"commitment", {{"met", true}, {"motivation", "Wil zich engageren en komt naar de gesprekken."}}}};
        json mmpp_json = {{"present", mmpp}, {"service", mmpp ? "CGG Antwerpen" : ""}, {"consent", mmpp},
                          {"consent_on", mmpp ? referred : ""}, {"warm_handover", mmpp && r.chance(0.8)}};
        std::string decided = plus(referred, r.between(10, 30));
        if (decided > today) decided = today;
        c->query(
            "INSERT INTO screenings (jobseeker_id, version, screened_on, indicators, counted_rubrics, "
            "probably_in_poverty, conditions, mmpp, outcome, outcome_reason, outcome_on, updated_at) "
            "VALUES (?, 2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {id, decided, json(ticked).dump(), json(eval.counted_rubrics).dump(), int64_t(eval.probably_in_poverty),
             conditions.dump(), mmpp_json.dump(), std::string(outcomes[outcome]), std::string("Samen beslist."),
             decided, now});
        ++sum.screenings;
        if (outcome != 0) continue;
        Path path = walk(r, decided, today);
        for (const auto& [from, to, kind_code, on, out] : path.moves)
          c->query(
              "INSERT INTO spiral_moves (jobseeker_id, from_state, to_state, kind, moved_on, reason, outcome, "
              "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {id, from, to, kind_code, on, r.pick(kMoveReasons), out.empty() ? Param(nullptr) : Param(out), coach, now});
        for (const auto& [cause, start, end] : path.crises)
          c->query(
              "INSERT INTO crises (jobseeker_id, version, cause, started_on, ended_on, recorded_by, created_at) "
              "VALUES (?, 1, ?, ?, ?, ?, ?)",
              {id, cause, start, end.empty() ? Param(nullptr) : Param(end), coach, now});
        c->query(
            "INSERT INTO trajectories (jobseeker_id, state, version, last_moved_on, started_on, outcome, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            {id, path.state.code(), int64_t(path.moves.size()), std::get<3>(path.moves.back()), path.started_on,
             path.outcome.empty() ? Param(nullptr) : Param(path.outcome), now});
        sum.moves += int64_t(path.moves.size());
        sum.crises += int64_t(path.crises.size());
        sum.closed += path.state.stage == Stage::kClosed;
      }
    });
    if (progress) progress("demo trajectories: up to jobseeker " + std::to_string(after));
  }
  return sum;
}

}  // namespace spiraal
