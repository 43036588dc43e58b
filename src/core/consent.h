#pragma once
// The consent register: the jobseeker consents to every sharing of their
// dossier. A consent names the purpose, the recipient (a partner account),
// the scope (which dossier sections) and the date it was given; it can be
// withdrawn, and from that day on nothing more is shared under it.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"

namespace spiraal {

struct Consent {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  int64_t recipient_id = 0;    // the partner's user id
  std::string recipient_name;  // display name, filled in by the store
  std::string purpose;         // in plain words, as explained to the jobseeker
  std::vector<std::string> scope;  // from consent_scopes()
  std::string given_on;        // YYYY-MM-DD
  std::string withdrawn_on;    // empty while in force
  std::string recorded_by;     // display name
};

// What a consent can share: the dossier sections (core/jobseeker.h),
// "overleg_reports" (the reports of W²-overleg meetings held) and
// "own_actions" (the actions the recipient's service owns, which the
// partner may then update).
const std::vector<std::string>& consent_scopes();

nlohmann::json to_json(const Consent& c);

// Reads {recipient_id, purpose, scope: [section...], given_on}. The purpose
// and at least one known section are required; given_on defaults to today
// and may not lie in the future.
Result<Consent> parse_consent(const nlohmann::json& body, const std::string& today);

// Whether `c` allows sharing on `today`.
bool in_force(const Consent& c, const std::string& today);

// The sections shared with one recipient: the union of the scopes of the
// consents in force, in dossier order.
std::vector<std::string> shared_sections(const std::vector<Consent>& consents, int64_t recipient_id,
                                         const std::string& today);

}  // namespace spiraal
