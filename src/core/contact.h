#pragma once
// The contact journal: every meeting, call, letter or home visit with a
// jobseeker, including the missed ones, because the handbook asks to make
// the process visible and not only the result.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"

namespace spiraal {

struct Contact {
  int64_t id = 0;
  int64_t jobseeker_id = 0;
  int64_t version = 0;
  std::string date;        // YYYY-MM-DD
  std::string kind;        // vocabulary "contact_kind"
  std::string status;      // vocabulary "contact_status": held | missed | rescheduled
  std::string initiative;  // vocabulary "contact_initiative"
  std::string note;        // free text, sensitive
  int64_t author_id = 0;
  std::string author_name;  // filled by the store on reads
  std::string created_at, updated_at;
};

inline constexpr size_t kMaxContactNote = 10000;
// Contacts may be planned ahead, but not further than this.
inline constexpr long kMaxContactDaysAhead = 366;

nlohmann::json to_json(const Contact& c);

// Applies a create or update body to `c`. Unknown keys, wrong types and
// values outside the vocabularies are reported together.
FieldErrors apply_patch(Contact& c, const nlohmann::json& patch, const std::string& today);
// Checks that a contact is complete (date, kind, status, initiative).
FieldErrors validate(const Contact& c);

// Missed-appointment streaks beside the contacts held. Rescheduled contacts
// neither break nor extend a streak.
struct ContactSummary {
  int held = 0;
  int missed = 0;
  int rescheduled = 0;
  int current_missed_streak = 0;  // missed in a row up to the latest contact
  int longest_missed_streak = 0;
  std::string last_held_date;     // empty when none was held
  bool operator==(const ContactSummary&) const = default;
};

// `contacts` in any order; the summary follows them by date (then id).
ContactSummary summarize(std::vector<Contact> contacts);

}  // namespace spiraal
