#pragma once
// The sociale kaart (social map): the directory of organisations a coach can
// refer a jobseeker to, with their contact persons, tagged with the themes of
// the W²-overleg (data/social_map.json, vocabulary list "social_theme").
// Coordinators maintain it by hand or import it from a CSV file; this file
// holds the rules for both, without IO.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/csv.h"
#include "core/status.h"

namespace spiraal {

struct OrganisationContact {
  int64_t id = 0;
  std::string name;
  std::string role;  // e.g. "maatschappelijk werker", "trajectbegeleider"
  std::string phone;
  std::string email;
};

struct Organisation {
  int64_t id = 0;
  std::string name;
  std::string address;
  std::string phone;
  std::string email;
  std::string website;
  std::string opening_hours;
  std::string target_group;
  std::vector<std::string> themes;  // social_theme codes, in vocabulary order
  int64_t version = 0;
  std::string created_at, updated_at;
  std::vector<OrganisationContact> contacts;
};

// Limits, shared by the form, the API and the CSV import.
constexpr size_t kOrganisationNameMax = 200;
constexpr size_t kSocialMapCsvMaxBytes = 5 * 1024 * 1024;
constexpr size_t kSocialMapCsvMaxLines = 20000;

nlohmann::json to_json(const Organisation& o);
nlohmann::json to_json(const OrganisationContact& c);

// The key that makes names unique: trimmed, inner white space collapsed,
// lower-cased (ASCII and the accented Latin-1 letters).
std::string organisation_name_key(std::string_view name);

// Reads {name, address, phone, email, website, opening_hours, target_group,
// themes: [code...]}. The name is required; every field error is reported
// at once. `version` and `id` are ignored (the caller handles them).
Result<Organisation> parse_organisation(const nlohmann::json& body);
// Reads {name, role, phone, email}; the name is required.
Result<OrganisationContact> parse_organisation_contact(const nlohmann::json& body);

struct SocialMapCsv {
  struct Row {
    size_t line = 0;
    Organisation organisation;  // with at most one contact
  };
  std::vector<Row> rows;             // the lines that can be imported
  std::vector<CsvProblem> errors;    // the lines that cannot, and file-level problems
  // True when the file itself was refused (not UTF-8, too large, no or a bad
  // header): then `rows` is empty.
  bool unreadable = false;
};

// Parses a social-map CSV export (RFC 4180: comma-separated, fields quoted
// with '"' may hold commas, doubled quotes and line breaks; CRLF or LF). The
// first record is a header naming the columns: `name` is required; the
// others are address, phone, email, website, opening_hours, target_group,
// themes (codes or labels separated by ';'), contact_name, contact_role,
// contact_phone, contact_email. A UTF-8 byte order mark is skipped. Each
// line is accepted whole or rejected whole, so a line with any field error,
// the wrong number of fields, or a name already in the file or in
// `existing_name_keys` (organisation_name_key values) is reported and left
// out. Themes may be given as codes or as their Dutch or English labels
// (the aliases in data/social_map.json), so files made by people work too.
SocialMapCsv parse_social_map_csv(std::string_view bytes, const std::vector<std::string>& existing_name_keys = {});

// The social_theme code for a code or a label (any case), or "" when unknown.
std::string social_theme_code(std::string_view text);

}  // namespace spiraal
