#include "core/checklists.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/embedded.h"
#include "core/field_reader.h"

namespace spiraal {

using nlohmann::json;

namespace {

const json& reference() {
  static const json doc = [] {
    auto text = embedded_file("data/checklists.json");
    if (!text) throw std::logic_error("data/checklists.json was not embedded");
    return json::parse(*text);
  }();
  return doc;
}

// The reference item with `code` in checklist `name`, or nullptr.
const json* find_item(const std::string& name, const std::string& code) {
  for (const auto& group : reference()[name])
    for (const auto& item : group["items"])
      if (item["code"] == code) return &item;
  return nullptr;
}

}  // namespace

const std::vector<std::string>& checklist_names() {
  static const std::vector<std::string> names = {"outside_inside", "problem_strength"};
  return names;
}

json checklist_groups(const std::string& name, const std::string& lang) {
  json out = json::array();
  if (!reference().contains(name)) return out;
  const char* key = lang == "en" ? "en" : "nl";
  for (const auto& group : reference()[name]) {
    json items = json::array();
    for (const auto& item : group["items"]) items.push_back({{"code", item["code"]}, {"label", item[key]}});
    out.push_back({{"code", group["code"]}, {"title", group[key]}, {"items", items}});
  }
  return out;
}

json validate_checklist(const std::string& name, const json& doc, FieldErrors& errors) {
  json out = {{"items", json::object()}, {"note", ""}};
  for (const auto& [k, _] : doc.items())
    if (k != "items" && k != "note") errors.push_back({k, "unknown_field"});
  std::string note;
  if (doc.contains("note") && read_text(doc["note"], "note", 2000, note, errors)) out["note"] = note;
  if (!doc.contains("items")) return out;
  if (!doc["items"].is_object()) {
    errors.push_back({"items", "type_object"});
    return out;
  }
  for (const auto& [code, v] : doc["items"].items()) {
    const std::string at = "items." + code;
    if (!find_item(name, code)) {
      errors.push_back({at, "unknown_field"});
      continue;
    }
    if (!v.is_object()) {
      errors.push_back({at, "type_object"});
      continue;
    }
    bool marked = false;
    std::string text;
    for (const auto& [k, _] : v.items())
      if (k != "marked" && k != "note") errors.push_back({at + "." + k, "unknown_field"});
    if (v.contains("marked")) read_bool(v["marked"], at + ".marked", marked, errors);
    if (v.contains("note")) read_text(v["note"], at + ".note", 1000, text, errors);
    if (marked || !text.empty()) out["items"][code] = {{"marked", marked}, {"note", text}};
  }
  return out;
}

}  // namespace spiraal
