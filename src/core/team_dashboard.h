#pragma once
// The team coordinator's dashboard (teamoverzicht): caseload per anchor
// coach, the spiral phases, open crises, the caseload signals and the
// referrals waiting. Pure counting over rows the store already holds; the
// signals themselves come from core/signals.h (and the MDO rule), computed
// before they reach here, so no rule is repeated.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/signals.h"

namespace spiraal {

// One dossier of the team, as the caseload query gives it.
struct DashboardDossier {
  int64_t id = 0;
  std::string name;                // "First Last", for the crisis links
  std::string state;               // spiral state code
  int64_t anchor_coach_id = 0;     // 0 when no anchor coach is assigned
  std::string open_crisis_since;   // "" when no crisis is open
  std::vector<Signal> signals;     // as computed for the caseload
};

// A coach of the team (listed even with no dossier).
struct DashboardCoach {
  int64_t id = 0;
  std::string name;
};

// The signal codes in the order the dashboard lists them.
const std::vector<std::string>& dashboard_signal_codes();

// {caseload: [{coach_id, coach, active, with_signals}]   (coaches by name; an
//                                                          anchor outside `coaches` is
//                                                          added; coach_id 0 = no anchor),
//  phases: [{state, dossiers}]                            (every spiral state, in order),
//  active, with_signals,                                  (totals over non-closed dossiers)
//  crises: {open, dossiers: [{id, name, since}]}          (oldest crisis first),
//  signals: [{code, dossiers}]                            (dashboard_signal_codes order),
//  referrals: {waiting, oldest_waiting_days}}             (null days when none waits)
// "Active" is every state but closed. Closed dossiers count only in phases.
// `referred_on` holds the dates of the waiting referrals; `today` is
// YYYY-MM-DD.
nlohmann::json team_dashboard(const std::vector<DashboardDossier>& dossiers,
                              const std::vector<DashboardCoach>& coaches,
                              const std::vector<std::string>& referred_on, const std::string& today);

}  // namespace spiraal
