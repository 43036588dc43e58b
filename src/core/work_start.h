#pragma once
// Cycles 2 and 3 (handbook ch. 5): a start in work or training, prepared
// with the welfare checklist and an emergency plan the jobseeker carries;
// aftercare on the job in the rhythm of supported employment; the
// employer's absence signal; the "backpack" — what the worker lets the
// employer see; and the sustainability follow-ups at 3, 6 and 12 months
// (seed 000 §1.6: lasting in time and a better life).
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/work_record.h"

namespace spiraal {

// The welfare checklist before a start, in order.
const std::vector<std::string>& welfare_checklist_items();
// What the worker can let the employer see (seed 000 table 6.1).
const std::vector<std::string>& backpack_items();
// The quality of work on the four A's (arbeidsvoorwaarden, -omstandigheden,
// -inhoud, -verhoudingen).
const std::vector<std::string>& four_as();

// {kind: work|training, organisation, job_title, application_id, contract,
//  starts_on, ends_on, hours_per_week,
//  welfare_checklist: {<item>: {status: arranged|not_needed|open, note}},
//  emergency_plan: {contacts: [{name, phone, relation}], sick_child, other},
//  trusted_person: {name, since}, aftercare_every_days, aftercare_until,
//  ended_on, end_reason}
Result<WorkRecordContent> parse_work_start(const nlohmann::json& body, const std::string& today);
// The checklist items still open.
std::vector<std::string> open_checklist_items(const nlohmann::json& start);

// {work_start_id, kind: aftercare|feedback_moment, with: jobseeker|employer|
//  trusted_person|provider, held_on | planned_on, note}
Result<WorkRecordContent> parse_aftercare_contact(const nlohmann::json& body, const std::string& today);
// {work_start_id, reported_on, reported_by, cause, solution, resolved_on}:
// open until resolved; resolving needs the cause and how it was solved.
Result<WorkRecordContent> parse_absence_signal(const nlohmann::json& body, const std::string& today);
// {work_start_id, recipient, items: [backpack item...], given_on, withdrawn_on}:
// the worker's consent to what one employer or provider sees.
Result<WorkRecordContent> parse_disclosure(const nlohmann::json& body, const std::string& today);

// The follow-up moments after a start: {months, due_on} at 3, 6 and 12 months.
struct SustainabilityMoment {
  int months = 0;
  std::string due_on;
};
std::vector<SustainabilityMoment> sustainability_moments(const std::string& starts_on);
// What is recorded at a moment: {recorded_on, still_working, end_reason,
// four_as: {<a>: 1..5}, income_sufficient: yes|partly|no, own_words}.
Result<WorkRecordContent> parse_sustainability_check(const nlohmann::json& body, const std::string& today);

// The aftercare rhythm (supported employment): weekly in the first month,
// every two weeks in the second, then monthly, for at least a year from the
// start; monthly contact tapers to every two months once a trusted person on
// the job has taken over; the coach's own interval overrides all of it.
int aftercare_interval_days(const nlohmann::json& start, const std::string& on);
struct AftercareState {
  std::string next_due;  // empty when aftercare has ended
  int every_days = 0;
  bool lapsed = false;   // the due date passed by more than the grace days
};
constexpr int kAftercareGraceDays = 3;
// `held_on` are the dates of aftercare contacts and feedback moments held.
AftercareState aftercare_state(const nlohmann::json& start, const std::vector<std::string>& held_on,
                               const std::string& today);

}  // namespace spiraal
