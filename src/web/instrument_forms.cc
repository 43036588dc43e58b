#include "web/instrument_forms.h"

#include <algorithm>

#include "core/checklists.h"
#include "core/vocabulary.h"

namespace spiraal {
namespace {

using nlohmann::json;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Rows typed in the form: field `prefix.<key>` repeated per row; rows whose
// `required` field is blank are dropped; `numeric` keys are read as numbers.
json rows(const Form& f, const std::string& prefix, std::initializer_list<const char*> keys, const char* required,
          std::initializer_list<const char*> numeric = {}) {
  std::vector<std::vector<std::string>> columns;
  size_t n = 0;
  for (const char* k : keys) {
    columns.push_back(f.all(prefix + "." + k));
    n = std::max(n, columns.back().size());
  }
  json out = json::array();
  for (size_t i = 0; i < n; ++i) {
    json row = json::object();
    size_t col = 0;
    for (const char* k : keys) {
      std::string v = i < columns[col].size() ? columns[col][i] : "";
      bool is_number = std::any_of(numeric.begin(), numeric.end(), [&](const char* x) { return std::string(x) == k; });
      row[k] = is_number ? number_from_form(v) : json(v);
      ++col;
    }
    if (row[required].is_string() && blank(row[required].get<std::string>())) continue;
    out.push_back(row);
  }
  return out;
}

json strengths_from_form(const Form& f) {
  // Fields named "<group>.<key>" or "domains.<domain>.<key>"; blanks are left out.
  json d = {{"domains", json::object()}, {"individual", json::object()}, {"environmental", json::object()}};
  for (const auto& [group, keys] : strength_fields()) {
    for (const auto& key : keys) {
      std::string v = f.get(group + "." + key);
      if (blank(v)) continue;
      if (group.starts_with("domains.")) d["domains"][group.substr(8)][key] = v;
      else d[group][key] = v;
    }
  }
  return d;
}

// Checkboxes "mark.<code>" and notes "note.<code>", and the general "note".
json checklist_from_form(const Form& f, const std::string& name) {
  json d = {{"items", json::object()}, {"note", f.get("note")}};
  for (const auto& group : checklist_groups(name, "nl")) {
    for (const auto& item : group["items"]) {
      const std::string code = item["code"];
      std::string note = f.get("note." + code);
      bool marked = f.has("mark." + code);
      if (marked || !blank(note)) d["items"][code] = {{"marked", marked}, {"note", note}};
    }
  }
  return d;
}

}  // namespace

std::vector<std::pair<std::string, std::vector<std::string>>> strength_fields() {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  std::vector<std::string> domains = Vocabulary::get().codes("welfare_domain");
  domains.push_back("work");
  for (const auto& d : domains) out.push_back({"domains." + d, {"i_am", "i_can", "i_have", "i_want"}});
  out.push_back({"individual", {"wants", "can", "dares"}});
  out.push_back({"environmental", {"resources", "relations", "opportunities"}});
  return out;
}

json document_from_form(const Form& f, const std::string& name) {
  if (name == "balance")
    return {{"blocks", rows(f, "block", {"kind", "label", "size"}, "label", {"size"})},
            {"unnamed_size", number_from_form(f.get("unnamed_size"))}};
  if (name == "ecogram")
    return {{"nodes", rows(f, "node", {"id", "label", "kind"}, "id")},
            {"ties", rows(f, "tie", {"from", "to", "type", "note"}, "to")}};
  if (name == "strengths") return strengths_from_form(f);
  if (name == "life_events") return {{"events", rows(f, "event", {"date", "text", "tone"}, "text")}};
  return checklist_from_form(f, name);
}

}  // namespace spiraal
