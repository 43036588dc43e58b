// The imports of core/catalogue.h: CSV records or JSON items turned into the
// bodies parse_occupation, parse_vacancy and parse_training read, so that a
// file and the API follow the same rules.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/catalogue.h"
#include "core/text.h"

namespace spiraal {

using nlohmann::json;

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
