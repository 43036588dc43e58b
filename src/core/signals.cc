#include "core/signals.h"

#include "core/work_start.h"

#include <algorithm>

#include "core/clock.h"

namespace spiraal {
namespace {

bool in_trajectory(const std::string& state) { return state != "selection" && state != "closed" && !state.empty(); }

std::string plus_days(const std::string& date, long days) { return iso_from_days(*days_from_iso(date) + days); }

}  // namespace

std::vector<Signal> compute_signals(const SignalInput& in, const SignalSettings& s, const std::string& today) {
  std::vector<Signal> out;
  if (in.state == "closed") return out;
  if (!in.registered_on.empty() && !in_trajectory(in.state)) {
    std::string due = add_months(in.registered_on, s.nine_month_rule);
    if (due <= today) out.push_back({"nine_months", due});
  }
  if (in_trajectory(in.state)) {
    std::string base = in.last_score_table_on.empty() ? in.trajectory_started_on : in.last_score_table_on;
    if (!in.open_crisis_since.empty() && in.open_crisis_since >= in.last_score_table_on) {
      out.push_back({"score_table_due", in.open_crisis_since});  // rescore at every crisis
    } else if (in.last_score_table_on.empty() && !base.empty()) {
      out.push_back({"score_table_due", base});  // rescore at the start
    } else if (!base.empty()) {
      std::string due = add_months(base, s.score_table_months);
      if (due <= today) out.push_back({"score_table_due", due});
    }
  }
  std::string last = std::max(in.last_contact_on, in.opened_on);
  if (!last.empty()) {
    std::string due = plus_days(last, 7L * s.no_contact_weeks);
    if (due <= today) out.push_back({"no_contact", due});
  }
  if (!in.open_crisis_since.empty()) {
    std::string due = plus_days(in.open_crisis_since, 7L * s.crisis_weeks);
    if (due <= today) out.push_back({"long_crisis", due});
  }
  if (!in.aftercare_due_on.empty()) {
    std::string lapsed = plus_days(in.aftercare_due_on, kAftercareGraceDays + 1);
    if (lapsed <= today) out.push_back({"aftercare_lapsed", lapsed});
  }
  if (!in.open_absence_since.empty()) out.push_back({"absence_signal", in.open_absence_since});
  if (!in.follow_up_due_on.empty() && in.follow_up_due_on <= today) out.push_back({"follow_up_due", in.follow_up_due_on});
  return out;
}

}  // namespace spiraal
