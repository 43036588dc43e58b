#pragma once
// The W²-overleg (case conference across work and welfare services,
// handbook ch. 4 §5.2.3) as a workflow: a request (who asks, the reason,
// the aim); a consent gate (it cannot be planned until the jobseeker's
// informed consent is recorded, and consent can be withdrawn); the people
// invited in their roles; and the report: attendance, how the jobseeker
// took part, information and agreements per theme, a follow-up date. The
// report falls under professional secrecy.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

struct OverlegParticipant {
  std::string name;
  std::string role;  // jobseeker | pivot | coordinator | support | trusted
  std::optional<int64_t> organisation_id;  // a service of the social map
  std::string attendance = "unknown";      // unknown | present | absent | excused
};

struct OverlegAgreement {
  std::string text, owner, due_on;
};

struct OverlegTheme {
  std::string theme;  // a social_theme code
  std::string information;
  std::vector<OverlegAgreement> agreements;
};

struct Overleg {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  int64_t version = 0;
  std::string status = "requested";  // requested | planned | held | cancelled
  std::string requested_by;          // who asks (name, service)
  std::string reason, aim;
  std::string requested_on;
  std::string consent_on, consent_withdrawn_on;  // the jobseeker's informed consent
  std::string planned_on;
  std::vector<OverlegParticipant> participants;
  std::string participation;  // whole | part | none (in the report)
  std::string participation_reason;
  std::vector<OverlegTheme> themes;
  std::string followup_on;
};

nlohmann::json to_json(const Overleg& o);
Overleg overleg_from_json(const nlohmann::json& doc);

// The consent gate, shared by the W²-overleg and the MDO (core/mdo.h): a
// meeting is planned and recorded only while the jobseeker's informed
// consent is in force, that is given and not withdrawn.
bool consent_in_force(const std::string& consent_on, const std::string& withdrawn_on);
// {consent_on}: records the day the jobseeker consented, informed (today
// when absent; not in the future), which also undoes an earlier withdrawal.
// `closed` refuses it (a meeting already held or cancelled).
Status record_consent(std::string& consent_on, std::string& withdrawn_on, bool closed, const nlohmann::json& body,
                      const std::string& today);
// Withdraws a consent in force as of `today`; kConflict when none is in force.
Status withdraw_consent(const std::string& consent_on, std::string& withdrawn_on, const std::string& today);

bool consent_in_force(const Overleg& o);

// {requested_by, reason, aim, requested_on}: all but the date required.
Result<Overleg> parse_overleg_request(const nlohmann::json& body, const std::string& today);
// {consent_on}: the day the jobseeker consented, informed.
Status apply_overleg_consent(Overleg& o, const nlohmann::json& body, const std::string& today);
// {planned_on, participants: [{name, role, organisation_id}]}: needs consent
// in force, a date, and the jobseeker and at least two services or workers.
Status apply_overleg_plan(Overleg& o, const nlohmann::json& body, const std::string& today);
// {attendance: [..per participant..], participation, participation_reason,
//  themes: [{theme, information, agreements: [{text, owner, due_on}]}],
//  followup_on}: needs a planned overleg with consent in force.
Status apply_overleg_report(Overleg& o, const nlohmann::json& body, const std::string& today);

}  // namespace spiraal
