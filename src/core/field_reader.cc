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

namespace spiraal {

namespace {
const nlohmann::json& empty_object() {
  static const nlohmann::json e = nlohmann::json::object();
  return e;
}
const nlohmann::json& null_json() {
  static const nlohmann::json n;
  return n;
}
}  // namespace

ObjectReader::ObjectReader(const nlohmann::json& obj, std::string at, FieldErrors& errors)
    : obj_(obj.is_object() ? obj : empty_object()), at_(std::move(at)), errors_(errors) {
  if (!obj.is_object() && !obj.is_null()) errors_.push_back({at_.empty() ? std::string("body") : at_, "type_object"});
}

std::string ObjectReader::path(const char* key) const { return at_.empty() ? key : at_ + "." + key; }
bool ObjectReader::has(const char* key) const { return obj_.contains(key) && !obj_.at(key).is_null(); }
const nlohmann::json& ObjectReader::member(const char* key) const { return obj_.contains(key) ? obj_.at(key) : null_json(); }
void ObjectReader::fail(const char* key, std::string rule, std::string param) {
  errors_.push_back({path(key), std::move(rule), std::move(param)});
}

std::string ObjectReader::text(const char* key, size_t max, bool required) {
  std::string out;
  if (!read_text(member(key), path(key), max, out, errors_)) return {};
  if (required && out.empty()) fail(key, "required");
  return out;
}

std::string ObjectReader::choice(const char* key, std::initializer_list<const char*> choices, bool required) {
  if (!has(key) || member(key) == "") {
    if (required) fail(key, "required");
    return {};
  }
  std::string out;
  read_choice(member(key), path(key), choices, out, errors_);
  return out;
}

std::string ObjectReader::date(const char* key, bool required, const std::string& today) {
  const size_t before = errors_.size();
  std::string s = text(key, 10, false);
  if (s.empty()) {
    if (required && errors_.size() == before) fail(key, "required");
    return {};
  }
  if (!is_iso_date(s)) return fail(key, "date"), std::string();
  if (s < "1990-01-01") return fail(key, "date_too_early"), std::string();
  if (s > "2100-12-31") return fail(key, "date_too_far_ahead"), std::string();
  if (!today.empty() && s > today) return fail(key, "date_in_future"), std::string();
  return s;
}

std::optional<int64_t> ObjectReader::integer(const char* key, int64_t min, int64_t max, bool required) {
  const auto& v = member(key);
  if (v.is_null()) {
    if (required) fail(key, "required");
    return std::nullopt;
  }
  if (!v.is_number_integer()) return fail(key, "type_integer"), std::nullopt;
  int64_t n = v.get<int64_t>();
  if (n < min || n > max) return fail(key, "range", std::to_string(min) + "–" + std::to_string(max)), std::nullopt;
  return n;
}

std::optional<double> ObjectReader::number(const char* key, double min, double max, bool required) {
  const auto& v = member(key);
  if (v.is_null()) {
    if (required) fail(key, "required");
    return std::nullopt;
  }
  if (!v.is_number()) return fail(key, "type_number"), std::nullopt;
  double n = v.get<double>();
  auto show = [](double d) {
    std::string s = std::to_string(d);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  if (!(n >= min && n <= max)) return fail(key, "range", show(min) + "–" + show(max)), std::nullopt;
  return n;
}

bool ObjectReader::flag(const char* key) {
  if (!has(key)) return false;
  bool out = false;
  read_bool(member(key), path(key), out, errors_);
  return out;
}

std::vector<std::string> ObjectReader::texts(const char* key, size_t max_items, size_t max_len) {
  std::vector<std::string> out;
  const auto& v = member(key);
  if (v.is_null()) return out;
  if (!v.is_array()) return fail(key, "type_list"), out;
  if (v.size() > max_items) return fail(key, "too_many", std::to_string(max_items)), out;
  for (size_t i = 0; i < v.size(); ++i) {
    std::string s;
    if (read_text(v[i], path(key) + "." + std::to_string(i), max_len, s, errors_) && !s.empty()) out.push_back(s);
  }
  return out;
}

void ObjectReader::refuse_unknown(std::initializer_list<const char*> known) {
  spiraal::refuse_unknown(obj_, at_, known, errors_);
}

}  // namespace spiraal
