#include "core/catalogue.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
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

// --- Import ---------------------------------------------------------------

namespace {

// How one catalogue is read from a file.
template <typename T>
struct ImportRules {
  std::vector<std::string> columns;           // every CSV column
  std::vector<std::string> required_columns;  // those that may not be left out
  // One CSV record (by column name) as the JSON body of `parse`.
  std::function<json(const std::map<std::string, std::string>&)> from_csv;
  std::function<Result<T>(const json&)> parse;
  // The key that may appear once per file ("" for none), and its field.
  std::function<std::string(const T&)> unique_key;
  const char* unique_field;
};

// A CSV number as JSON: a number when it is one (a decimal comma is
// accepted), null when blank (so "required" is reported), else the text (so
// the type is reported).
json csv_number(const std::string& raw) {
  std::string s = trim(raw);
  if (s.empty()) return nullptr;
  long long whole = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), whole);
  if (ec == std::errc() && end == s.data() + s.size()) return whole;
  for (char& ch : s)
    if (ch == ',') ch = '.';
  if (s.find_first_not_of("0123456789.+-") != std::string::npos) return raw;
  char* stop = nullptr;
  double d = std::strtod(s.c_str(), &stop);
  if (stop != s.c_str() + s.size() || !std::isfinite(d)) return raw;
  return d;
}

json csv_flag(const std::string& raw) {
  std::string s = ascii_lower(trim(raw));
  if (s.empty() || s == "nee" || s == "no" || s == "false" || s == "0" || s == "n") return false;
  if (s == "ja" || s == "yes" || s == "true" || s == "1" || s == "j" || s == "y") return true;
  return raw;
}

json csv_list(const std::string& raw) { return split_list(raw, ';'); }

// "task: code;code | task: code" as [{text, competences}].
json csv_tasks(const std::string& raw) {
  json out = json::array();
  for (const auto& task : split_list(raw, '|')) {
    auto colon = task.rfind(':');
    if (colon == std::string::npos) {
      out.push_back({{"text", task}, {"competences", json::array()}});
      continue;
    }
    out.push_back({{"text", trim(task.substr(0, colon))}, {"competences", csv_list(task.substr(colon + 1))}});
  }
  return out;
}

// The CSV column a JSON field path came from.
std::string column_of(const std::string& path) {
  auto first = path.substr(0, path.find('.'));
  if (first == "competences" && first.size() < path.size()) {
    auto rest = path.substr(first.size() + 1);
    return rest.substr(0, rest.find('.'));
  }
  return first;
}

template <typename T>
void accept(CatalogueImport<T>& out, size_t line, const json& body, const ImportRules<T>& rules, bool csv,
            std::set<std::string>& keys) {
  Result<T> parsed = rules.parse(body);
  if (!parsed.is_ok()) {
    for (const auto& e : parsed.status().fields())
      out.errors.push_back({line, csv ? column_of(e.field) : e.field, e.rule, e.param});
    return;
  }
  std::string key = rules.unique_key(parsed.value());
  if (!key.empty() && !keys.insert(ascii_lower(key)).second) {
    out.errors.push_back({line, rules.unique_field, "duplicate_in_file", key});
    return;
  }
  out.rows.emplace_back(line, std::move(parsed).value());
}

template <typename T>
CatalogueImport<T> import_csv(std::string_view bytes, const ImportRules<T>& rules) {
  CatalogueImport<T> out;
  CsvFile file = read_csv(bytes, kCatalogueMaxBytes, kCatalogueMaxLines);
  if (file.unreadable) {
    out.unreadable = true;
    out.errors = std::move(file.errors);
    return out;
  }
  std::vector<std::string> header;
  for (const auto& h : file.header) header.push_back(ascii_lower(trim(h)));
  check_header(header, rules.columns, out.errors);
  for (const auto& c : rules.required_columns)
    if (std::find(header.begin(), header.end(), c) == header.end())
      out.errors.push_back({0, "", "csv_missing_column", c});
  if (!out.errors.empty()) {
    out.unreadable = true;
    return out;
  }
  std::set<std::string> keys;
  for (const CsvRecord& rec : file.records) {
    if (rec.fields.size() != header.size()) {
      out.errors.push_back({rec.line, "", "csv_field_count",
                            std::to_string(header.size()) + " / " + std::to_string(rec.fields.size())});
      continue;
    }
    std::map<std::string, std::string> row;
    for (size_t k = 0; k < header.size(); ++k) row[header[k]] = rec.fields[k];
    accept(out, rec.line, rules.from_csv(row), rules, true, keys);
  }
  return out;
}

template <typename T>
CatalogueImport<T> import_json(std::string_view bytes, const ImportRules<T>& rules) {
  CatalogueImport<T> out;
  auto refuse = [&out](std::string rule, std::string param = {}) {
    out.unreadable = true;
    out.errors.push_back({0, "", std::move(rule), std::move(param)});
    return out;
  };
  if (bytes.size() > kCatalogueMaxBytes) return refuse("csv_too_large", "5 MB");
  json doc = json::parse(bytes, nullptr, false);
  if (doc.is_discarded()) return refuse("json_invalid");
  if (!doc.is_array()) return refuse("json_not_array");
  if (doc.size() > kCatalogueMaxLines) return refuse("json_too_many_items", std::to_string(kCatalogueMaxLines));
  std::set<std::string> keys;
  for (size_t i = 0; i < doc.size(); ++i) accept(out, i + 1, doc[i], rules, false, keys);
  return out;
}

template <typename T>
CatalogueImport<T> import_any(std::string_view bytes, std::string_view format, const ImportRules<T>& rules) {
  if (format == "csv") return import_csv(bytes, rules);
  if (format == "json") return import_json(bytes, rules);
  CatalogueImport<T> out;
  out.unreadable = true;
  out.errors.push_back({0, "", "import_format", std::string(format)});
  return out;
}

// Copies the columns present in `row` into `body`, converted by `as`.
void put(json& body, const std::map<std::string, std::string>& row, const char* column,
         json (*as)(const std::string&) = nullptr) {
  auto it = row.find(column);
  if (it != row.end()) body[column] = as ? as(it->second) : json(it->second);
}

}  // namespace

CatalogueImport<Occupation> import_occupations(std::string_view bytes, std::string_view format) {
  static const ImportRules<Occupation> rules{
      {"code", "title", "basic", "key", "traits"},
      {"code", "title"},
      [](const std::map<std::string, std::string>& row) {
        json body = json::object(), competences = json::object();
        put(body, row, "code");
        put(body, row, "title");
        put(competences, row, "basic", csv_list);
        put(competences, row, "key", csv_list);
        put(competences, row, "traits", csv_list);
        body["competences"] = competences;
        return body;
      },
      parse_occupation,
      [](const Occupation& o) { return o.code; },
      "code"};
  return import_any(bytes, format, rules);
}

CatalogueImport<Vacancy> import_vacancies(std::string_view bytes, std::string_view format) {
  static const ImportRules<Vacancy> rules{
      {"reference", "employer", "title", "occupation_code", "core_tasks", "hours_per_week", "schedule", "place",
       "contract"},
      {"employer", "title", "core_tasks", "hours_per_week", "schedule", "place", "contract"},
      [](const std::map<std::string, std::string>& row) {
        json body = json::object();
        for (const char* c : {"reference", "employer", "title", "occupation_code", "schedule", "place", "contract"})
          put(body, row, c);
        put(body, row, "core_tasks", csv_tasks);
        put(body, row, "hours_per_week", csv_number);
        return body;
      },
      parse_vacancy,
      [](const Vacancy& v) { return v.reference; },
      "reference"};
  return import_any(bytes, format, rules);
}

CatalogueImport<Training> import_trainings(std::string_view bytes, std::string_view format) {
  static const ImportRules<Training> rules{
      {"reference", "provider", "title", "duration_weeks", "hours_per_week", "place", "childcare_friendly_hours",
       "core_tasks"},
      {"provider", "title", "duration_weeks", "hours_per_week", "place"},
      [](const std::map<std::string, std::string>& row) {
        json body = json::object();
        for (const char* c : {"reference", "provider", "title", "place"}) put(body, row, c);
        put(body, row, "duration_weeks", csv_number);
        put(body, row, "hours_per_week", csv_number);
        put(body, row, "childcare_friendly_hours", csv_flag);
        put(body, row, "core_tasks", csv_tasks);
        return body;
      },
      parse_training,
      [](const Training& t) { return t.reference; },
      "reference"};
  return import_any(bytes, format, rules);
}

}  // namespace spiraal
