#include "core/catalogue.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "core/competences.h"
#include "core/field_reader.h"
#include "core/text.h"

namespace spiraal {

using nlohmann::json;

namespace {

constexpr size_t kTitleMax = 200;      // titles, employer, provider
constexpr size_t kCodeMax = 300;       // occupation codes: ESCO URIs are long
constexpr size_t kReferenceMax = 100;
constexpr size_t kPlaceMax = 100;
constexpr size_t kTaskTextMax = 500;
constexpr size_t kListItemMax = 200;   // one basic competence or trait
constexpr size_t kListMax = 50;        // items in one list
constexpr size_t kTasksMax = 30;

const json& member(const json& body, const char* key) {
  static const json null;
  auto it = body.find(key);
  return it == body.end() ? null : *it;
}

// A text that must be there.
void read_required(const json& body, const char* key, size_t max, std::string& out, FieldErrors& errors) {
  if (read_text(member(body, key), key, max, out, errors) && out.empty()) errors.push_back({key, "required"});
}

void read_optional(const json& body, const char* key, size_t max, std::string& out, FieldErrors& errors) {
  read_text(member(body, key), key, max, out, errors);
}

// One of `choices`, required.
void read_required_choice(const json& body, const char* key, std::initializer_list<const char*> choices,
                          std::string& out, FieldErrors& errors) {
  const json& v = member(body, key);
  if (v.is_null() || (v.is_string() && trim(v.get_ref<const std::string&>()).empty()))
    errors.push_back({key, "required"});
  else
    read_choice(v.is_string() ? json(ascii_lower(trim(v.get_ref<const std::string&>()))) : v, key, choices, out,
                errors);
}

std::string range_text(double lo, double hi) {
  auto n = [](double d) { return d == std::floor(d) ? std::to_string(static_cast<long long>(d)) : std::to_string(d); };
  return n(lo) + "-" + n(hi);
}

void read_hours(const json& body, const char* key, double& out, FieldErrors& errors) {
  const json& v = member(body, key);
  if (v.is_null()) return errors.push_back({key, "required"});
  if (!v.is_number()) return errors.push_back({key, "type_number"});
  double d = v.get<double>();
  if (!std::isfinite(d) || d < kHoursPerWeekMin || d > kHoursPerWeekMax)
    return errors.push_back({key, "range", range_text(kHoursPerWeekMin, kHoursPerWeekMax)});
  out = d;
}

void read_weeks(const json& body, const char* key, int& out, FieldErrors& errors) {
  const json& v = member(body, key);
  if (v.is_null()) return errors.push_back({key, "required"});
  if (!v.is_number_integer()) return errors.push_back({key, "type_integer"});
  // Compared in the JSON's own integer type: a huge value must not wrap into range.
  bool in_range = v.is_number_unsigned()
                      ? v.get<uint64_t>() >= static_cast<uint64_t>(kDurationWeeksMin) &&
                            v.get<uint64_t>() <= static_cast<uint64_t>(kDurationWeeksMax)
                      : v.get<int64_t>() >= kDurationWeeksMin && v.get<int64_t>() <= kDurationWeeksMax;
  if (!in_range) return errors.push_back({key, "range", range_text(kDurationWeeksMin, kDurationWeeksMax)});
  out = static_cast<int>(v.get<int64_t>());
}

// A list of free texts; blanks dropped, duplicates kept once.
void read_text_list(const json& v, const std::string& field, std::vector<std::string>& out, FieldErrors& errors) {
  if (v.is_null()) return;
  if (!v.is_array()) return errors.push_back({field, "type_list"});
  if (v.size() > kListMax) return errors.push_back({field, "too_many", std::to_string(kListMax)});
  std::set<std::string> seen;
  for (size_t i = 0; i < v.size(); ++i) {
    std::string s;
    if (read_text(v[i], field + "." + std::to_string(i), kListItemMax, s, errors) && !s.empty() &&
        seen.insert(s).second)
      out.push_back(std::move(s));
  }
}

// A list of key competences by code or name, returned as codes, each once.
void read_key_list(const json& v, const std::string& field, std::vector<std::string>& out, FieldErrors& errors) {
  if (v.is_null()) return;
  if (!v.is_array()) return errors.push_back({field, "type_list"});
  if (v.size() > kListMax) return errors.push_back({field, "too_many", std::to_string(kListMax)});
  std::set<std::string> seen;
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string at = field + "." + std::to_string(i);
    std::string s;
    if (!read_text(v[i], at, kListItemMax, s, errors)) continue;
    const KeyCompetence* k = find_key_competence(s);
    if (!k)
      errors.push_back({at, "unknown_competence", s});
    else if (seen.insert(k->code).second)
      out.push_back(k->code);
  }
}

void read_core_tasks(const json& v, const std::string& field, std::vector<CoreTask>& out, FieldErrors& errors) {
  if (v.is_null()) return;
  if (!v.is_array()) return errors.push_back({field, "type_list"});
  if (v.size() > kTasksMax) return errors.push_back({field, "too_many", std::to_string(kTasksMax)});
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string at = field + "." + std::to_string(i);
    if (!v[i].is_object()) {
      errors.push_back({at, "type_object"});
      continue;
    }
    refuse_unknown(v[i], at, {"text", "competences"}, errors);
    CoreTask t;
    if (read_text(member(v[i], "text"), at + ".text", kTaskTextMax, t.text, errors) && t.text.empty())
      errors.push_back({at + ".text", "required"});
    read_key_list(member(v[i], "competences"), at + ".competences", t.competences, errors);
    out.push_back(std::move(t));
  }
}

json tasks_json(const std::vector<CoreTask>& tasks) {
  json out = json::array();
  for (const auto& t : tasks) out.push_back(to_json(t));
  return out;
}

}  // namespace

json to_json(const CompetenceSet& c) { return {{"basic", c.basic}, {"key", c.key}, {"traits", c.traits}}; }

json to_json(const Occupation& o) {
  return {{"id", o.id}, {"code", o.code}, {"title", o.title}, {"competences", to_json(o.competences)}};
}

json to_json(const CoreTask& t) { return {{"text", t.text}, {"competences", t.competences}}; }

json to_json(const Vacancy& v) {
  return {{"id", v.id},
          {"reference", v.reference},
          {"employer", v.employer},
          {"title", v.title},
          {"occupation_code", v.occupation_code},
          {"core_tasks", tasks_json(v.core_tasks)},
          {"hours_per_week", v.hours_per_week},
          {"schedule", v.schedule},
          {"place", v.place},
          {"contract", v.contract}};
}

json to_json(const Training& t) {
  return {{"id", t.id},
          {"reference", t.reference},
          {"provider", t.provider},
          {"title", t.title},
          {"duration_weeks", t.duration_weeks},
          {"hours_per_week", t.hours_per_week},
          {"place", t.place},
          {"childcare_friendly_hours", t.childcare_friendly_hours},
          {"core_tasks", tasks_json(t.core_tasks)}};
}

Result<Occupation> parse_occupation(const json& body) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  Occupation o;
  refuse_unknown(body, "", {"id", "code", "title", "competences"}, errors);
  read_required(body, "code", kCodeMax, o.code, errors);
  read_required(body, "title", kTitleMax, o.title, errors);
  const json& c = member(body, "competences");
  if (c.is_object()) {
    refuse_unknown(c, "competences", {"basic", "key", "traits"}, errors);
    read_text_list(member(c, "basic"), "competences.basic", o.competences.basic, errors);
    read_key_list(member(c, "key"), "competences.key", o.competences.key, errors);
    read_text_list(member(c, "traits"), "competences.traits", o.competences.traits, errors);
  } else if (!c.is_null()) {
    errors.push_back({"competences", "type_object"});
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return o;
}

Result<Vacancy> parse_vacancy(const json& body) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  Vacancy v;
  refuse_unknown(body, "",
                 {"id", "reference", "employer", "title", "occupation_code", "core_tasks", "hours_per_week",
                  "schedule", "place", "contract"},
                 errors);
  read_optional(body, "reference", kReferenceMax, v.reference, errors);
  read_required(body, "employer", kTitleMax, v.employer, errors);
  read_required(body, "title", kTitleMax, v.title, errors);
  read_optional(body, "occupation_code", kCodeMax, v.occupation_code, errors);
  size_t before = errors.size();
  read_core_tasks(member(body, "core_tasks"), "core_tasks", v.core_tasks, errors);
  if (errors.size() == before && v.core_tasks.empty()) errors.push_back({"core_tasks", "required"});
  read_hours(body, "hours_per_week", v.hours_per_week, errors);
  read_required_choice(body, "schedule", {"day", "evening", "night", "weekend", "shifts"}, v.schedule, errors);
  read_required(body, "place", kPlaceMax, v.place, errors);
  read_required_choice(body, "contract", {"permanent", "fixed_term", "interim", "student", "other"}, v.contract,
                       errors);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return v;
}

Result<Training> parse_training(const json& body) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  Training t;
  refuse_unknown(body, "",
                 {"id", "reference", "provider", "title", "duration_weeks", "hours_per_week", "place",
                  "childcare_friendly_hours", "core_tasks"},
                 errors);
  read_optional(body, "reference", kReferenceMax, t.reference, errors);
  read_required(body, "provider", kTitleMax, t.provider, errors);
  read_required(body, "title", kTitleMax, t.title, errors);
  read_weeks(body, "duration_weeks", t.duration_weeks, errors);
  read_hours(body, "hours_per_week", t.hours_per_week, errors);
  read_required(body, "place", kPlaceMax, t.place, errors);
  const json& flag = member(body, "childcare_friendly_hours");
  if (!flag.is_null()) read_bool(flag, "childcare_friendly_hours", t.childcare_friendly_hours, errors);
  read_core_tasks(member(body, "core_tasks"), "core_tasks", t.core_tasks, errors);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return t;
}

}  // namespace spiraal
