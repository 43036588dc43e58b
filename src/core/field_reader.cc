#include "core/field_reader.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/text.h"

namespace spiraal {

bool read_text(const nlohmann::json& v, const std::string& field, size_t max, std::string& out, FieldErrors& errors) {
  if (v.is_null()) {
    out.clear();
    return true;
  }
  if (!v.is_string()) {
    errors.push_back({field, "type_text"});
    return false;
  }
  const auto& s = v.get_ref<const std::string&>();
  if (!is_clean_text(s)) {
    errors.push_back({field, "text_invalid"});
    return false;
  }
  if (utf8_length(s) > max) {
    errors.push_back({field, "too_long", std::to_string(max)});
    return false;
  }
  out = trim(s);
  return true;
}

bool read_bool(const nlohmann::json& v, const std::string& field, bool& out, FieldErrors& errors) {
  if (!v.is_boolean()) {
    errors.push_back({field, "type_boolean"});
    return false;
  }
  out = v.get<bool>();
  return true;
}

bool read_choice(const nlohmann::json& v, const std::string& field, std::initializer_list<const char*> choices,
                 std::string& out, FieldErrors& errors) {
  if (v.is_string())
    for (const char* c : choices)
      if (v == c) {
        out = c;
        return true;
      }
  errors.push_back({field, "choice"});
  return false;
}

void refuse_unknown(const nlohmann::json& obj, const std::string& at, std::initializer_list<const char*> known,
                    FieldErrors& errors) {
  for (const auto& [k, _] : obj.items()) {
    bool ok = false;
    for (const char* n : known) ok |= k == n;
    if (!ok) errors.push_back({at.empty() ? k : at + "." + k, "unknown_field"});
  }
}

bool read_past_date(const nlohmann::json& v, const std::string& field, const std::string& today, std::string& out,
                    FieldErrors& errors) {
  std::string s;
  if (!read_text(v, field, 10, s, errors)) return false;
  if (!s.empty()) {
    if (!is_iso_date(s)) return errors.push_back({field, "date"}), false;
    if (s > today) return errors.push_back({field, "date_in_future"}), false;
    if (s < "1990-01-01") return errors.push_back({field, "date_too_early"}), false;
  }
  out = s;
  return true;
}

}  // namespace spiraal
