#include "core/contact.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/field_reader.h"
#include "core/text.h"
#include "core/vocabulary.h"

namespace spiraal {

using nlohmann::json;

json to_json(const Contact& c) {
  return {{"id", c.id},
          {"jobseeker_id", c.jobseeker_id},
          {"version", c.version},
          {"date", c.date},
          {"kind", c.kind},
          {"status", c.status},
          {"initiative", c.initiative},
          {"note", c.note},
          {"author_id", c.author_id},
          {"author_name", c.author_name},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

FieldErrors apply_patch(Contact& c, const json& patch, const std::string& today) {
  FieldErrors errors;
  if (!patch.is_object()) return {{"", "type_object"}};
  struct Choice {
    const char* key;
    const char* vocabulary;
    std::string Contact::*field;
  };
  static const Choice kChoices[] = {{"kind", "contact_kind", &Contact::kind},
                                    {"status", "contact_status", &Contact::status},
                                    {"initiative", "contact_initiative", &Contact::initiative}};
  for (const auto& [key, value] : patch.items()) {
    if (key == "version") continue;
    if (key == "date") {
      if (!value.is_string()) {
        errors.push_back({key, "type_text"});
      } else if (!is_iso_date(value.get<std::string>())) {
        errors.push_back({key, "date"});
      } else if (*days_from_iso(value.get<std::string>()) > *days_from_iso(today) + kMaxContactDaysAhead) {
        errors.push_back({key, "date_too_far_ahead"});
      } else if (value.get<std::string>() < "1990-01-01") {
        errors.push_back({key, "date_too_early"});
      } else {
        c.date = value.get<std::string>();
      }
      continue;
    }
    if (key == "note") {
      read_text(value, key, kMaxContactNote, c.note, errors);
      continue;
    }
    bool known = false;
    for (const auto& choice : kChoices) {
      if (key != choice.key) continue;
      known = true;
      if (!value.is_string() || !Vocabulary::get().allows(choice.vocabulary, value.get<std::string>()))
        errors.push_back({key, "choice"});
      else
        c.*choice.field = value.get<std::string>();
    }
    if (!known) errors.push_back({key, "unknown_field"});
  }
  return errors;
}

FieldErrors validate(const Contact& c) {
  FieldErrors errors;
  if (c.date.empty()) errors.push_back({"date", "required"});
  if (c.kind.empty()) errors.push_back({"kind", "required"});
  if (c.status.empty()) errors.push_back({"status", "required"});
  if (c.initiative.empty()) errors.push_back({"initiative", "required"});
  return errors;
}

ContactSummary summarize(std::vector<Contact> contacts) {
  std::sort(contacts.begin(), contacts.end(), [](const Contact& a, const Contact& b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });
  ContactSummary s;
  for (const auto& c : contacts) {
    if (c.status == "held") {
      ++s.held;
      s.current_missed_streak = 0;
      s.last_held_date = c.date;
    } else if (c.status == "missed") {
      ++s.missed;
      ++s.current_missed_streak;
      s.longest_missed_streak = std::max(s.longest_missed_streak, s.current_missed_streak);
    } else {
      ++s.rescheduled;
    }
  }
  return s;
}

}  // namespace spiraal
