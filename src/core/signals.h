#pragma once
// Signals on the caseload, computed from data and never entered by hand:
// the VDAB 9-month rule, a W² score table due again, no contact for a while,
// a crisis that stays open long, and on the road to work: aftercare contact
// that lapsed, an employer's absence signal still open, and a sustainability
// follow-up that is due.
#include <string>
#include <vector>

namespace spiraal {

struct SignalSettings {
  int nine_month_rule = 9;      // months after VDAB registration without an intensive trajectory
  int score_table_months = 3;   // rescore every 3 months, and at every crisis
  int no_contact_weeks = 6;
  int crisis_weeks = 4;
};

// What the rules look at, for one jobseeker. Dates are YYYY-MM-DD; empty
// means "none".
struct SignalInput {
  std::string state;                // spiral state code
  std::string opened_on;            // when the dossier was opened
  std::string registered_on;        // VDAB registration
  std::string trajectory_started_on;  // first move into cycle 1
  std::string last_contact_on;      // latest contact held
  std::string open_crisis_since;    // start of the open crisis
  std::string last_score_table_on;  // latest W² score table
  std::string aftercare_due_on;     // the earliest next aftercare contact of a running start
  std::string open_absence_since;   // the earliest absence signal still open
  std::string follow_up_due_on;     // the earliest sustainability follow-up not yet recorded
};

struct Signal {
  std::string code;  // nine_months | score_table_due | no_contact | long_crisis |
                     // aftercare_lapsed | absence_signal | follow_up_due
  std::string since;  // the date the rule was crossed
  bool operator==(const Signal&) const = default;
};

std::vector<Signal> compute_signals(const SignalInput& in, const SignalSettings& s, const std::string& today);

}  // namespace spiraal
