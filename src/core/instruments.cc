#include "core/instruments.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "core/checklists.h"
#include "core/clock.h"
#include "core/embedded.h"
#include "core/field_reader.h"
#include "core/vocabulary.h"

namespace spiraal {

using nlohmann::json;

namespace {

constexpr size_t kMaxEntries = 60;

// A whole number in [lo, hi]; records an error otherwise.
bool read_int(const json& v, const std::string& field, int lo, int hi, int& out, FieldErrors& errors) {
  if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi) {
    errors.push_back({field, "range", std::to_string(lo) + "-" + std::to_string(hi)});
    return false;
  }
  out = v.get<int>();
  return true;
}

// The array member `key` of `doc`, or an error.
const json* list_of(const json& doc, const char* key, FieldErrors& errors) {
  if (!doc.contains(key) || !doc[key].is_array()) {
    errors.push_back({key, "type_list"});
    return nullptr;
  }
  if (doc[key].size() > kMaxEntries) {
    errors.push_back({key, "too_many", std::to_string(kMaxEntries)});
    return nullptr;
  }
  return &doc[key];
}

json balance(const json& doc, FieldErrors& errors) {
  json out = {{"blocks", json::array()}};
  refuse_unknown(doc, "", {"blocks", "unnamed_size"}, errors);
  int unnamed = 1;
  if (doc.contains("unnamed_size")) read_int(doc["unnamed_size"], "unnamed_size", 1, 10, unnamed, errors);
  out["unnamed_size"] = unnamed;
  const json* blocks = list_of(doc, "blocks", errors);
  if (!blocks) return out;
  for (size_t i = 0; i < blocks->size(); ++i) {
    const std::string at = "blocks." + std::to_string(i);
    const json& b = (*blocks)[i];
    if (!b.is_object()) {
      errors.push_back({at, "type_object"});
      continue;
    }
    refuse_unknown(b, at, {"kind", "label", "size"}, errors);
    std::string kind, label;
    int size = 0;
    read_choice(b.value("kind", json()), at + ".kind", {"load", "support"}, kind, errors);
    read_text(b.value("label", json()), at + ".label", 200, label, errors);
    if (label.empty()) errors.push_back({at + ".label", "required"});
    read_int(b.value("size", json()), at + ".size", 1, 10, size, errors);
    out["blocks"].push_back({{"kind", kind}, {"label", label}, {"size", size}});
  }
  return out;
}

json ecogram(const json& doc, FieldErrors& errors) {
  json out = {{"nodes", json::array()}, {"ties", json::array()}};
  refuse_unknown(doc, "", {"nodes", "ties"}, errors);
  std::set<std::string> ids = {"self"};
  if (const json* nodes = list_of(doc, "nodes", errors)) {
    for (size_t i = 0; i < nodes->size(); ++i) {
      const std::string at = "nodes." + std::to_string(i);
      const json& n = (*nodes)[i];
      if (!n.is_object()) {
        errors.push_back({at, "type_object"});
        continue;
      }
      refuse_unknown(n, at, {"id", "label", "kind"}, errors);
      std::string id, label, kind;
      read_text(n.value("id", json()), at + ".id", 40, id, errors);
      read_text(n.value("label", json()), at + ".label", 120, label, errors);
      read_choice(n.value("kind", json()), at + ".kind", {"person", "organisation"}, kind, errors);
      if (id.empty() || id == "self") errors.push_back({at + ".id", "required"});
      else if (!ids.insert(id).second) errors.push_back({at + ".id", "taken"});
      if (label.empty()) errors.push_back({at + ".label", "required"});
      out["nodes"].push_back({{"id", id}, {"label", label}, {"kind", kind}});
    }
  }
  if (const json* ties = list_of(doc, "ties", errors)) {
    for (size_t i = 0; i < ties->size(); ++i) {
      const std::string at = "ties." + std::to_string(i);
      const json& t = (*ties)[i];
      if (!t.is_object()) {
        errors.push_back({at, "type_object"});
        continue;
      }
      refuse_unknown(t, at, {"from", "to", "type", "note"}, errors);
      std::string from, to, type, note;
      read_text(t.value("from", json()), at + ".from", 40, from, errors);
      read_text(t.value("to", json()), at + ".to", 40, to, errors);
      read_choice(t.value("type", json()), at + ".type", {"close", "reciprocal", "conflict", "broken"}, type, errors);
      read_text(t.value("note", json("")), at + ".note", 500, note, errors);
      if (!ids.count(from)) errors.push_back({at + ".from", "no_such_node"});
      if (!ids.count(to)) errors.push_back({at + ".to", "no_such_node"});
      if (from == to && !from.empty()) errors.push_back({at + ".to", "same_node"});
      out["ties"].push_back({{"from", from}, {"to", to}, {"type", type}, {"note", note}});
    }
  }
  return out;
}

json life_events(const json& doc, const std::string& today, FieldErrors& errors) {
  json out = {{"events", json::array()}};
  refuse_unknown(doc, "", {"events"}, errors);
  const json* events = list_of(doc, "events", errors);
  if (!events) return out;
  for (size_t i = 0; i < events->size(); ++i) {
    const std::string at = "events." + std::to_string(i);
    const json& e = (*events)[i];
    if (!e.is_object()) {
      errors.push_back({at, "type_object"});
      continue;
    }
    refuse_unknown(e, at, {"date", "text", "tone"}, errors);
    std::string date, text, tone;
    read_text(e.value("date", json()), at + ".date", 10, date, errors);
    // A turning point is often remembered by year only.
    bool year_only = date.size() == 4 && date.find_first_not_of("0123456789") == std::string::npos;
    if (!(year_only ? date >= "1900" && date <= today.substr(0, 4) : is_iso_date(date) && date <= today))
      errors.push_back({at + ".date", "date"});
    read_text(e.value("text", json()), at + ".text", 1000, text, errors);
    if (text.empty()) errors.push_back({at + ".text", "required"});
    read_choice(e.value("tone", json("turn")), at + ".tone", {"up", "down", "turn"}, tone, errors);
    out["events"].push_back({{"date", date}, {"text", text}, {"tone", tone}});
  }
  std::stable_sort(out["events"].begin(), out["events"].end(),
                   [](const json& a, const json& b) { return a["date"].get<std::string>() < b["date"].get<std::string>(); });
  return out;
}

// A group of free-text answers: only `keys`, each at most 1000 characters.
json text_group(const json& v, const std::string& at, const std::vector<std::string>& keys, FieldErrors& errors) {
  json out = json::object();
  if (!v.is_object()) {
    errors.push_back({at, "type_object"});
    return out;
  }
  for (const auto& [k, value] : v.items()) {
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
      errors.push_back({at + "." + k, "unknown_field"});
      continue;
    }
    std::string text;
    if (read_text(value, at + "." + k, 1000, text, errors) && !text.empty()) out[k] = text;
  }
  return out;
}

json strengths(const json& doc, FieldErrors& errors) {
  json out = {{"domains", json::object()}, {"individual", json::object()}, {"environmental", json::object()}};
  refuse_unknown(doc, "", {"domains", "individual", "environmental"}, errors);
  if (doc.contains("domains")) {
    if (!doc["domains"].is_object()) {
      errors.push_back({"domains", "type_object"});
    } else {
      std::vector<std::string> domains = Vocabulary::get().codes("welfare_domain");
      domains.push_back("work");
      for (const auto& [d, v] : doc["domains"].items()) {
        if (std::find(domains.begin(), domains.end(), d) == domains.end()) {
          errors.push_back({"domains." + d, "unknown_field"});
          continue;
        }
        json g = text_group(v, "domains." + d, {"i_am", "i_can", "i_have", "i_want"}, errors);
        if (!g.empty()) out["domains"][d] = g;
      }
    }
  }
  if (doc.contains("individual")) out["individual"] = text_group(doc["individual"], "individual", {"wants", "can", "dares"}, errors);
  if (doc.contains("environmental"))
    out["environmental"] = text_group(doc["environmental"], "environmental", {"resources", "relations", "opportunities"}, errors);
  return out;
}

}  // namespace

const std::vector<std::string>& instrument_names() {
  static const std::vector<std::string> names = {"balance",   "ecogram",        "life_events",
                                                  "strengths", "outside_inside", "problem_strength"};
  return names;
}

json strength_question_banks(const std::string& lang) {
  static const json doc = [] {
    auto text = embedded_file("data/strength_questions.json");
    if (!text) throw std::logic_error("data/strength_questions.json was not embedded");
    return json::parse(*text);
  }();
  json out = json::array();
  for (const auto& b : doc["banks"])
    out.push_back({{"code", b["code"]}, {"title", b[lang == "en" ? "en" : "nl"]}, {"questions", b["questions"]}});
  return out;
}

Result<json> validate_instrument(const std::string& name, const json& doc, const std::string& today) {
  if (std::find(instrument_names().begin(), instrument_names().end(), name) == instrument_names().end())
    return Status::not_found();
  if (!doc.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  json out = name == "balance"       ? balance(doc, errors)
             : name == "ecogram"     ? ecogram(doc, errors)
             : name == "strengths"   ? strengths(doc, errors)
             : name == "life_events" ? life_events(doc, today, errors)
                                     : validate_checklist(name, doc, errors);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return out;
}

json ecogram_changes(const json& before, const json& after) {
  auto nodes = [](const json& d) {
    std::map<std::string, std::string> m;
    for (const auto& n : d.value("nodes", json::array())) m[n["id"]] = n["label"];
    return m;
  };
  auto ties = [](const json& d) {
    std::map<std::string, std::string> m;
    for (const auto& t : d.value("ties", json::array()))
      m[t["from"].get<std::string>() + "→" + t["to"].get<std::string>()] = t["type"];
    return m;
  };
  json out = {{"nodes_added", json::array()}, {"nodes_removed", json::array()}, {"ties_added", json::array()},
              {"ties_removed", json::array()}, {"ties_retyped", json::array()}};
  auto nb = nodes(before), na = nodes(after);
  for (const auto& [id, label] : na)
    if (!nb.count(id)) out["nodes_added"].push_back(label);
  for (const auto& [id, label] : nb)
    if (!na.count(id)) out["nodes_removed"].push_back(label);
  auto tb = ties(before), ta = ties(after);
  for (const auto& [k, type] : ta) {
    if (!tb.count(k)) out["ties_added"].push_back({{"tie", k}, {"type", type}});
    else if (tb[k] != type) out["ties_retyped"].push_back({{"tie", k}, {"from", tb[k]}, {"to", type}});
  }
  for (const auto& [k, type] : tb)
    if (!ta.count(k)) out["ties_removed"].push_back({{"tie", k}, {"type", type}});
  return out;
}

}  // namespace spiraal
