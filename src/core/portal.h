#pragma once
// Rules of "mijn traject", the jobseeker's own view (issue 11): the one-time
// invitation code, the PIN or password that unlocks a device, the invitation
// itself and the messages between the jobseeker and their coach.
#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"

namespace spiraal {

// An invitation code: 8 characters from an alphabet without look-alikes
// (no 0/O, 1/I/L), shown as "ABCD-EFGH". Valid for kInvitationHours, once.
inline constexpr int kInvitationHours = 72;
std::string new_invitation_code();
// The code as typed ("abcd efgh", "ABCD-EFGH") in its stored form
// ("ABCDEFGH"), or "" when it cannot be a code.
std::string normalise_code(const std::string& typed);
std::string format_code(const std::string& code);

// A PIN of 6 to 12 digits that is not one digit repeated nor a run
// (123456, 987654), or a password of kMinPasswordLength characters or more.
// `repeat` must be the same. Errors name "secret" or "secret_repeat".
FieldErrors validate_portal_secret(const std::string& secret, const std::string& repeat);

struct Invitation {
  std::string channel;  // in_person | sms
  std::string phone;    // +32..., only for sms
};
// body: {channel, phone, consent: true}. The jobseeker's consent to an
// account is required; an SMS invitation needs a mobile number (digits, may
// start with + or 00; stored as +<digits>).
Result<Invitation> parse_invitation(const nlohmann::json& body);

// A message: 1 to kMessageLength characters of clean text.
inline constexpr size_t kMessageLength = 2000;
Result<std::string> parse_message(const nlohmann::json& body);

// The parts of the story ("mijn verhaal") a coach can open for the
// jobseeker to add to: instruments of core/instruments.h.
inline constexpr const char* kStoryParts[] = {"life_events", "balance", "strengths"};
bool is_story_part(const std::string& instrument);

// What the jobseeker adds to an opened part, from a form's fields, applied
// to the part's latest document (`latest`, null for none):
//  - life_events: {date, text, tone} appends an event;
//  - balance: {kind, label, size} appends a block;
//  - strengths: {domain, i_am, i_can, i_have, i_want} sets one domain.
// The result is validated by validate_instrument() when it is stored.
Result<nlohmann::json> add_to_story(const std::string& instrument, const nlohmann::json& latest,
                                    const nlohmann::json& fields);

// Long-lived device cookie.
inline constexpr int kDeviceDays = 180;

}  // namespace spiraal
