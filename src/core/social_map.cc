#include "core/social_map.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "core/embedded.h"
#include "core/field_reader.h"
#include "core/text.h"
#include "core/vocabulary.h"

namespace spiraal {

using nlohmann::json;

namespace {

constexpr size_t kTextMax = 500;      // address, opening hours, target group
constexpr size_t kShortMax = 100;     // phone, contact role
constexpr size_t kEmailMax = 254;     // RFC 5321
constexpr size_t kWebsiteMax = 500;

// Lower-cases ASCII letters and the accented capitals of Latin-1 (U+00C0 to
// U+00DE but U+00D7), which are all of Dutch and French names in practice.
std::string lower(std::string_view s) {
  std::string out = ascii_lower(s);
  for (size_t i = 0; i + 1 < out.size(); ++i)
    if (static_cast<unsigned char>(out[i]) == 0xC3) {
      auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  return out;
}

// A plausible address: one '@', something before it, a dot in the domain,
// no spaces. Deliverability is not ours to check.
bool email_shape(const std::string& s) {
  auto at = s.find('@');
  if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
  if (s.find_first_of(" \t\r\n,;<>") != std::string::npos) return false;
  auto dot = s.find('.', at + 2);
  return dot != std::string::npos && dot + 1 < s.size();
}

// A web address without scheme gets https://; only http(s) is accepted.
bool website_shape(std::string& s) {
  if (s.find_first_of(" \t\r\n<>\"") != std::string::npos) return false;
  std::string l = ascii_lower(s);
  if (!l.starts_with("http://") && !l.starts_with("https://")) {
    if (l.find("://") != std::string::npos) return false;
    s = "https://" + s;
    l = "https://" + l;
  }
  auto host_start = l.find("://") + 3;
  auto host = l.substr(host_start, l.find('/', host_start) - host_start);
  return host.find('.') != std::string::npos && host.front() != '.' && host.back() != '.';
}

// Phone numbers are typed in many ways; only the characters are checked.
bool phone_shape(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || ch == '+' || ch == ' ' || ch == '/' || ch == '.' || ch == '-' || ch == '(' ||
           ch == ')';
  });
}

void read_field(const json& body, const char* key, const std::string& field, size_t max, std::string& out,
                FieldErrors& errors) {
  read_text(body.value(key, json()), field, max, out, errors);
}

void check_shapes(const std::string& phone, const std::string& email, const std::string& phone_field,
                  const std::string& email_field, FieldErrors& errors) {
  if (!phone.empty() && !phone_shape(phone)) errors.push_back({phone_field, "phone"});
  if (!email.empty() && !email_shape(email)) errors.push_back({email_field, "email"});
}

const std::map<std::string, std::string>& theme_aliases() {
  static const std::map<std::string, std::string> aliases = [] {
    auto text = embedded_file("data/social_map.json");
    if (!text) throw std::logic_error("data/social_map.json was not embedded");
    return json::parse(*text).at("theme_aliases").get<std::map<std::string, std::string>>();
  }();
  return aliases;
}

}  // namespace

json to_json(const OrganisationContact& c) {
  return {{"id", c.id}, {"name", c.name}, {"role", c.role}, {"phone", c.phone}, {"email", c.email}};
}

json to_json(const Organisation& o) {
  json contacts = json::array();
  for (const auto& c : o.contacts) contacts.push_back(to_json(c));
  return {{"id", o.id},
          {"name", o.name},
          {"address", o.address},
          {"phone", o.phone},
          {"email", o.email},
          {"website", o.website},
          {"opening_hours", o.opening_hours},
          {"target_group", o.target_group},
          {"themes", o.themes},
          {"version", o.version},
          {"created_at", o.created_at},
          {"updated_at", o.updated_at},
          {"contacts", contacts}};
}

std::string organisation_name_key(std::string_view name) {
  std::string out;
  bool space = false;
  for (char ch : trim(name)) {
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return lower(out);
}

std::string social_theme_code(std::string_view text) {
  std::string t = lower(trim(text));
  if (Vocabulary::get().allows("social_theme", t)) return t;
  auto it = theme_aliases().find(t);
  return it == theme_aliases().end() ? std::string() : it->second;
}

Result<Organisation> parse_organisation(const json& body) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  static const std::set<std::string> known = {"name",          "address",      "phone",  "email",  "website",
                                              "opening_hours", "target_group", "themes", "version", "id"};
  FieldErrors errors;
  Organisation o;
  for (const auto& [key, _] : body.items())
    if (!known.count(key)) errors.push_back({key, "unknown_field"});
  if (read_text(body.value("name", json()), "name", kOrganisationNameMax, o.name, errors) && o.name.empty())
    errors.push_back({"name", "required"});
  read_field(body, "address", "address", kTextMax, o.address, errors);
  read_field(body, "phone", "phone", kShortMax, o.phone, errors);
  read_field(body, "email", "email", kEmailMax, o.email, errors);
  check_shapes(o.phone, o.email, "phone", "email", errors);
  if (read_text(body.value("website", json()), "website", kWebsiteMax, o.website, errors) && !o.website.empty() &&
      !website_shape(o.website))
    errors.push_back({"website", "website"});
  read_field(body, "opening_hours", "opening_hours", kTextMax, o.opening_hours, errors);
  read_field(body, "target_group", "target_group", kTextMax, o.target_group, errors);
  const json& themes = body.value("themes", json());
  if (!themes.is_null()) {
    if (!themes.is_array()) {
      errors.push_back({"themes", "type_list"});
    } else {
      std::set<std::string> chosen;
      for (const auto& t : themes) {
        std::string code = t.is_string() ? social_theme_code(t.get<std::string>()) : "";
        if (code.empty()) {
          errors.push_back({"themes", "choice"});
          break;
        }
        chosen.insert(code);
      }
      for (const auto& code : Vocabulary::get().codes("social_theme"))
        if (chosen.count(code)) o.themes.push_back(code);
    }
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return o;
}

Result<OrganisationContact> parse_organisation_contact(const json& body) {
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  OrganisationContact c;
  for (const auto& [key, _] : body.items())
    if (key != "name" && key != "role" && key != "phone" && key != "email") errors.push_back({key, "unknown_field"});
  if (read_text(body.value("name", json()), "contact_name", kOrganisationNameMax, c.name, errors) && c.name.empty())
    errors.push_back({"contact_name", "required"});
  read_field(body, "role", "contact_role", kShortMax, c.role, errors);
  read_field(body, "phone", "contact_phone", kShortMax, c.phone, errors);
  read_field(body, "email", "contact_email", kEmailMax, c.email, errors);
  check_shapes(c.phone, c.email, "contact_phone", "contact_email", errors);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return c;
}

// --- CSV ------------------------------------------------------------------

namespace {

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> columns = {
      "name",          "address",      "phone",        "email",        "website",       "opening_hours",
      "target_group",  "themes",       "contact_name", "contact_role", "contact_phone", "contact_email"};
  return columns;
}

}  // namespace

SocialMapCsv parse_social_map_csv(std::string_view bytes, const std::vector<std::string>& existing_name_keys) {
  SocialMapCsv out;
  CsvFile file = read_csv(bytes, kSocialMapCsvMaxBytes, kSocialMapCsvMaxLines);
  if (file.unreadable) {
    out.unreadable = true;
    out.errors = std::move(file.errors);
    return out;
  }

  // The header: known columns, each once, `name` among them.
  std::vector<std::string> header;
  for (const auto& h : file.header) header.push_back(lower(trim(h)));
  check_header(header, csv_columns(), out.errors);
  if (std::find(header.begin(), header.end(), "name") == header.end())
    out.errors.push_back({0, "", "csv_no_name_column", ""});
  if (!out.errors.empty()) {
    out.unreadable = true;  // the header is the whole file's problem
    return out;
  }

  std::set<std::string> seen(existing_name_keys.begin(), existing_name_keys.end());
  std::set<std::string> in_file;
  for (const CsvRecord& rec : file.records) {
    if (rec.fields.size() != header.size()) {
      out.errors.push_back({rec.line, "", "csv_field_count",
                            std::to_string(header.size()) + " / " + std::to_string(rec.fields.size())});
      continue;
    }
    json org = json::object(), contact = json::object();
    for (size_t k = 0; k < header.size(); ++k) {
      const std::string& col = header[k];
      if (col == "themes") {
        org["themes"] = split_list(rec.fields[k], ';');
      } else if (col.starts_with("contact_")) {
        contact[col.substr(8)] = rec.fields[k];
      } else {
        org[col] = rec.fields[k];
      }
    }
    bool has_contact = false;
    for (const auto& [_, v] : contact.items()) has_contact |= !trim(v.get<std::string>()).empty();

    std::vector<CsvProblem> problems;
    auto parsed = parse_organisation(org);
    for (const auto& e : parsed.status().fields()) problems.push_back({rec.line, e.field, e.rule, e.param});
    Result<OrganisationContact> person = OrganisationContact{};
    if (has_contact) {
      person = parse_organisation_contact(contact);
      for (const auto& e : person.status().fields()) problems.push_back({rec.line, e.field, e.rule, e.param});
    }
    if (parsed.is_ok()) {
      std::string key = organisation_name_key(parsed->name);
      if (in_file.count(key)) problems.push_back({rec.line, "name", "csv_duplicate_name", parsed->name});
      else if (seen.count(key)) problems.push_back({rec.line, "name", "name_exists", parsed->name});
      in_file.insert(key);
    }
    if (!problems.empty()) {
      out.errors.insert(out.errors.end(), problems.begin(), problems.end());
      continue;
    }
    Organisation o = parsed.value();
    if (has_contact) o.contacts.push_back(person.value());
    out.rows.push_back({rec.line, std::move(o)});
  }
  return out;
}

}  // namespace spiraal
