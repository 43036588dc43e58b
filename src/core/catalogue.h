#pragma once
// The catalogues a coordinator keeps for the search phase of cycles 2 and 3
// ("search together for a training course or an employer"): occupations
// (beroepen) with their competences, vacancies (vacatures) and training
// courses (opleidingen), each described by its core tasks (kerntaken) and the
// key competences (sleutelcompetenties, core/competences.h) those ask. They
// are entered through the API or imported from CSV or JSON; this file holds
// the rules for both, without IO. Matching them to a person is
// core/matching.h.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/csv.h"
#include "core/status.h"

namespace spiraal {

struct CompetenceSet {
  std::vector<std::string> basic;   // vakcompetenties (technical competences), free text
  std::vector<std::string> key;     // key competence codes
  std::vector<std::string> traits;  // personal traits, free text
};

struct Occupation {
  int64_t id = 0;
  std::string code;  // VDAB/ESCO-style code, free shape but required, e.g. "K1303" or an ESCO URI
  std::string title;
  CompetenceSet competences;
};

// One core task of a vacancy or a course, with the key competences it asks.
struct CoreTask {
  std::string text;
  std::vector<std::string> competences;  // key competence codes, each once
};

struct Vacancy {
  int64_t id = 0;
  std::string reference;  // the employer's or VDAB's vacancy number; optional
  std::string employer;
  std::string title;
  std::string occupation_code;      // optional: an Occupation code, to compare with job targets
  std::vector<CoreTask> core_tasks;  // at least one: a vacancy needs core tasks
  double hours_per_week = 0;         // 1-60
  std::string schedule;              // day|evening|night|weekend|shifts
  std::string place;                 // municipality, as travel times are recorded
  std::string contract;              // permanent|fixed_term|interim|student|other
};

struct Training {
  int64_t id = 0;
  std::string reference;  // optional
  std::string provider;
  std::string title;
  int duration_weeks = 0;   // 1-520
  double hours_per_week = 0;  // 1-60
  std::string place;
  bool childcare_friendly_hours = false;  // classes fit school hours
  std::vector<CoreTask> core_tasks;       // what the course asks and teaches; may be empty
};

// Limits, shared by the API and the imports.
constexpr size_t kCatalogueMaxBytes = 5 * 1024 * 1024;
constexpr size_t kCatalogueMaxLines = 20000;  // CSV lines after the header, or JSON items
constexpr double kHoursPerWeekMin = 1, kHoursPerWeekMax = 60;
constexpr int kDurationWeeksMin = 1, kDurationWeeksMax = 520;

nlohmann::json to_json(const CompetenceSet& c);
nlohmann::json to_json(const Occupation& o);
nlohmann::json to_json(const CoreTask& t);
nlohmann::json to_json(const Vacancy& v);
nlohmann::json to_json(const Training& t);

// Each parser reads an object in its to_json shape and reports every field
// error at once: unknown fields (rule unknown_field), missing required ones
// (required), text too long, numbers out of range (range, param "1-60"),
// choices (choice), and key competences that are neither a code nor a name
// (unknown_competence, with the field path, e.g.
// "core_tasks.1.competences.0", and the given text as param). Key
// competences may be given by code or by Dutch or English name; they come
// back as codes, each once per list. `id` is accepted and ignored (the caller
// owns ids).
//
// {code, title, competences: {basic: [text], key: [code], traits: [text]}};
// code and title are required.
Result<Occupation> parse_occupation(const nlohmann::json& body);
// {reference, employer, title, occupation_code, core_tasks: [{text,
// competences}], hours_per_week, schedule, place, contract}; employer,
// title, at least one core task (each with a text), hours, schedule, place
// and contract are required.
Result<Vacancy> parse_vacancy(const nlohmann::json& body);
// {reference, provider, title, duration_weeks, hours_per_week, place,
// childcare_friendly_hours, core_tasks}; provider, title, duration, hours and
// place are required; childcare_friendly_hours defaults to false.
Result<Training> parse_training(const nlohmann::json& body);

// The outcome of importing one catalogue file.
template <typename T>
struct CatalogueImport {
  // The items that can be imported, each with its CSV line (where its record
  // starts) or, for JSON, its 1-based index in the array.
  std::vector<std::pair<size_t, T>> rows;
  // The items that cannot (every problem of each, with its line or index and
  // the CSV column or JSON field path), and file-level problems (line 0).
  std::vector<CsvProblem> errors;
  // True when the file itself was refused: then `rows` is empty. Besides the
  // problems of read_csv (core/csv.h): import_format (a format other than
  // csv or json), csv_unknown_column, csv_duplicate_column,
  // csv_missing_column, json_invalid, json_not_array, json_too_many_items.
  bool unreadable = false;
};

// Imports a catalogue file. `format` is "csv" or "json". Each line (item) is
// accepted whole or rejected whole: a wrong number of fields
// (csv_field_count), any field error of the parse_* rules, or a code or
// reference already used higher up in the file (duplicate_in_file) rejects
// it. Limits: kCatalogueMaxBytes and kCatalogueMaxLines.
//
// JSON: an array of objects in the to_json shape.
// CSV (RFC 4180, see read_csv; a header row names the columns, in any order,
// any case):
//  - occupations: code,title,basic,key,traits; lists separated by ';'.
//  - vacancies: reference,employer,title,occupation_code,core_tasks,
//    hours_per_week,schedule,place,contract; core_tasks is
//    "task text: code;code | task text: code": tasks separated by '|', each
//    task's key competences after its last ':', separated by ';'.
//  - trainings: reference,provider,title,duration_weeks,hours_per_week,place,
//    childcare_friendly_hours,core_tasks; the flag is ja/nee, yes/no,
//    true/false or 1/0 (empty is no).
// Numbers may use a decimal comma. Optional columns may be left out; a
// column for a required field may not (csv_missing_column). Problems are
// reported with the column name as field.
CatalogueImport<Occupation> import_occupations(std::string_view bytes, std::string_view format);
CatalogueImport<Vacancy> import_vacancies(std::string_view bytes, std::string_view format);
CatalogueImport<Training> import_trainings(std::string_view bytes, std::string_view format);

}  // namespace spiraal
