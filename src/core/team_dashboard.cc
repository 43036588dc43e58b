#include "core/team_dashboard.h"

#include <algorithm>
#include <map>

#include "core/clock.h"
#include "core/spiral.h"

namespace spiraal {

using nlohmann::json;

const std::vector<std::string>& dashboard_signal_codes() {
  static const std::vector<std::string> codes = {"nine_months",      "score_table_due", "no_contact",
                                                 "long_crisis",      "aftercare_lapsed", "absence_signal",
                                                 "follow_up_due",    "mdo_due"};
  return codes;
}

namespace {

struct CoachLoad {
  std::string name;
  int64_t active = 0, with_signals = 0;
};

}  // namespace

json team_dashboard(const std::vector<DashboardDossier>& dossiers, const std::vector<DashboardCoach>& coaches,
                    const std::vector<std::string>& referred_on, const std::string& today) {
  std::map<int64_t, CoachLoad> load;
  for (const auto& c : coaches) load[c.id].name = c.name;
  std::map<std::string, int64_t> phase, signal;
  int64_t active = 0, with_signals = 0;
  std::vector<const DashboardDossier*> crises;
  for (const auto& d : dossiers) {
    ++phase[d.state];
    if (d.state == "closed") continue;
    ++active;
    CoachLoad& l = load[d.anchor_coach_id];
    ++l.active;
    if (!d.signals.empty()) {
      ++l.with_signals;
      ++with_signals;
    }
    for (const auto& code : dashboard_signal_codes())
      if (std::any_of(d.signals.begin(), d.signals.end(), [&](const Signal& s) { return s.code == code; }))
        ++signal[code];
    if (!d.open_crisis_since.empty()) crises.push_back(&d);
  }

  std::vector<std::pair<int64_t, CoachLoad>> rows(load.begin(), load.end());
  // By name, the dossiers without an anchor last.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if ((a.first == 0) != (b.first == 0)) return b.first == 0;
    return a.second.name < b.second.name;
  });
  json caseload = json::array();
  for (const auto& [id, l] : rows) {
    if (id == 0 && l.active == 0) continue;
    caseload.push_back({{"coach_id", id}, {"coach", l.name}, {"active", l.active}, {"with_signals", l.with_signals}});
  }

  json phases = json::array();
  for (const auto& s : all_spiral_states()) phases.push_back({{"state", s.code()}, {"dossiers", phase[s.code()]}});

  std::stable_sort(crises.begin(), crises.end(), [](const DashboardDossier* a, const DashboardDossier* b) {
    return a->open_crisis_since < b->open_crisis_since;
  });
  json crisis_list = json::array();
  for (const auto* d : crises) crisis_list.push_back({{"id", d->id}, {"name", d->name}, {"since", d->open_crisis_since}});

  json signals = json::array();
  for (const auto& code : dashboard_signal_codes()) signals.push_back({{"code", code}, {"dossiers", signal[code]}});

  json oldest = nullptr;
  auto now = days_from_iso(today);
  for (const auto& on : referred_on) {
    auto d = days_from_iso(on);
    if (!d || !now) continue;
    long waited = std::max(0L, *now - *d);
    if (oldest.is_null() || waited > oldest.get<long>()) oldest = waited;
  }

  return {{"caseload", caseload},
          {"phases", phases},
          {"active", active},
          {"with_signals", with_signals},
          {"crises", {{"open", int64_t(crises.size())}, {"dossiers", crisis_list}}},
          {"signals", signals},
          {"referrals", {{"waiting", int64_t(referred_on.size())}, {"oldest_waiting_days", oldest}}}};
}

}  // namespace spiraal
