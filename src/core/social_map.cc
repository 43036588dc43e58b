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

// Whether `s` is well-formed UTF-8 (control characters are left to the
// field checks, which name the line).
bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 99;
    if (n == 99 || (n == 1 && c < 0xC2) || (n > 0 && i + n >= s.size())) return false;
    uint32_t cp = n == 0 ? c : n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k <= n; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += n + 1;
  }
  return true;
}

struct Record {
  size_t line = 0;  // physical line where the record starts
  std::vector<std::string> fields;
};

// Splits RFC 4180 text into records. A record that is only an empty line is
// skipped. Returns false (with the line) for a quote that never closes.
bool split_records(std::string_view s, std::vector<Record>& out, size_t& bad_line) {
  size_t line = 1, i = 0;
  while (i < s.size()) {
    Record r;
    r.line = line;
    std::string field;
    bool done = false;
    while (!done) {
      if (i < s.size() && s[i] == '"') {
        size_t open_line = line;
        ++i;
        for (;;) {
          if (i >= s.size()) {
            bad_line = open_line;
            return false;
          }
          if (s[i] == '"') {
            if (i + 1 < s.size() && s[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (s[i] == '\n') ++line;
          field += s[i++];
        }
        // Text after the closing quote is kept, as spreadsheet programs do.
        while (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') field += s[i++];
      } else {
        while (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') field += s[i++];
      }
      r.fields.push_back(std::move(field));
      field.clear();
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == '\r') ++i;
      if (i < s.size() && s[i] == '\n') ++i;
      ++line;
      done = true;
    }
    bool blank = r.fields.size() == 1 && trim(r.fields[0]).empty();
    if (!blank) out.push_back(std::move(r));
  }
  return true;
}

size_t count_lines(std::string_view s) {
  size_t n = static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
  return s.empty() || s.back() == '\n' ? n : n + 1;
}

}  // namespace

SocialMapCsv parse_social_map_csv(std::string_view bytes, const std::vector<std::string>& existing_name_keys) {
  SocialMapCsv out;
  auto refuse = [&out](std::string rule, std::string param = {}, size_t line = 0) {
    out.unreadable = true;
    out.rows.clear();
    out.errors.push_back({line, "", std::move(rule), std::move(param)});
    return out;
  };
  if (bytes.size() > kSocialMapCsvMaxBytes) return refuse("csv_too_large", "5 MB");
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!valid_utf8(bytes)) return refuse("csv_not_utf8");
  if (count_lines(bytes) > kSocialMapCsvMaxLines + 1) return refuse("csv_too_many_lines", std::to_string(kSocialMapCsvMaxLines));

  std::vector<Record> records;
  size_t bad_line = 0;
  if (!split_records(bytes, records, bad_line)) return refuse("csv_open_quote", "", bad_line);
  if (records.empty()) return refuse("csv_empty");

  // The header: known columns, each once, `name` among them.
  std::vector<std::string> header;
  for (const auto& h : records[0].fields) header.push_back(lower(trim(h)));
  std::set<std::string> reported;
  for (const auto& h : header) {
    if (!reported.insert(h).second) continue;
    if (std::find(csv_columns().begin(), csv_columns().end(), h) == csv_columns().end())
      out.errors.push_back({records[0].line, "", "csv_unknown_column", h});
    else if (std::count(header.begin(), header.end(), h) > 1)
      out.errors.push_back({records[0].line, "", "csv_duplicate_column", h});
  }
  if (std::find(header.begin(), header.end(), "name") == header.end())
    out.errors.push_back({records[0].line, "", "csv_no_name_column", ""});
  if (!out.errors.empty()) {
    out.unreadable = true;
    for (auto& e : out.errors) e.line = 0;  // the header is the whole file's problem
    return out;
  }

  std::set<std::string> seen(existing_name_keys.begin(), existing_name_keys.end());
  std::set<std::string> in_file;
  for (size_t r = 1; r < records.size(); ++r) {
    const Record& rec = records[r];
    if (rec.fields.size() != header.size()) {
      out.errors.push_back({rec.line, "", "csv_field_count",
                            std::to_string(header.size()) + " / " + std::to_string(rec.fields.size())});
      continue;
    }
    json org = json::object(), contact = json::object();
    for (size_t k = 0; k < header.size(); ++k) {
      const std::string& col = header[k];
      if (col == "themes") {
        json themes = json::array();
        size_t start = 0;
        const std::string& v = rec.fields[k];
        while (start <= v.size()) {
          size_t end = v.find(';', start);
          std::string t = trim(v.substr(start, end == std::string::npos ? std::string::npos : end - start));
          if (!t.empty()) themes.push_back(t);
          if (end == std::string::npos) break;
          start = end + 1;
        }
        org["themes"] = themes;
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
