#include "core/mindmap.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/competences.h"

namespace spiraal {

using nlohmann::json;

const std::vector<std::string>& situation_kinds() {
  static const std::vector<std::string> kinds = {"work", "training", "volunteer", "care", "gap", "leisure", "life",
                                                 "other"};
  return kinds;
}

namespace {

// An unknown competence as the message shows it: the text itself (or the
// JSON of a non-text), at most 60 bytes, never cut inside a UTF-8 character.
std::string shown(const json& v) {
  std::string s = v.is_string() ? v.get<std::string>() : v.dump();
  if (s.size() <= 60) return s;
  size_t end = 60;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

std::vector<std::string> read_competence_codes(ObjectReader& r, const char* key, size_t max_items) {
  std::vector<std::string> out;
  const json& v = r.member(key);
  if (v.is_null()) return out;
  if (!v.is_array()) return r.fail(key, "type_list"), out;
  if (v.size() > max_items) return r.fail(key, "too_many", std::to_string(max_items)), out;
  for (size_t i = 0; i < v.size(); ++i) {
    const KeyCompetence* k = v[i].is_string() ? find_key_competence(v[i].get<std::string>()) : nullptr;
    if (!k) {
      r.fail((std::string(key) + "." + std::to_string(i)).c_str(), "unknown_competence", shown(v[i]));
      continue;
    }
    if (std::find(out.begin(), out.end(), k->code) == out.end()) out.push_back(k->code);
  }
  return out;
}

Result<WorkRecordContent> parse_situation(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"text", "kind", "noted_on", "competences", "note"});
  WorkRecordContent out;
  std::string kind;
  if (r.has("kind")) {
    kind = r.text("kind", 20);
    if (!kind.empty() && std::find(situation_kinds().begin(), situation_kinds().end(), kind) == situation_kinds().end())
      r.fail("kind", "choice");
  } else {
    r.fail("kind", "required");
  }
  out.content = {{"text", r.text("text", 1000, true)},
                 {"kind", kind},
                 {"noted_on", r.date("noted_on", true, today)},
                 {"competences", read_competence_codes(r, "competences", 35)},
                 {"note", r.text("note", 2000)}};
  out.status = "noted";
  return content_or_errors(std::move(errors), std::move(out));
}

Result<WorkRecordContent> parse_competence_decision(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"competence", "decision", "decided_with_jobseeker", "situation_ids", "note", "decided_on"});
  WorkRecordContent out;
  std::string code;
  if (!r.has("competence")) {
    r.fail("competence", "required");
  } else if (const KeyCompetence* k = r.member("competence").is_string()
                                          ? find_key_competence(r.member("competence").get<std::string>())
                                          : nullptr) {
    code = k->code;
  } else {
    r.fail("competence", "unknown_competence", shown(r.member("competence")));
  }
  std::string decision = r.choice("decision", {"acquired", "to_develop"}, true);
  if (!r.flag("decided_with_jobseeker")) r.fail("decided_with_jobseeker", "together");
  json ids = json::array();
  const json& v = r.member("situation_ids");
  if (!v.is_null() && !v.is_array()) r.fail("situation_ids", "type_list");
  if (v.is_array())
    for (const auto& x : v) {
      if (x.is_number_integer() && x.get<int64_t>() > 0) ids.push_back(x);
      else r.fail("situation_ids", "type_integer");
    }
  std::string decided_on = r.date("decided_on", false, today);
  out.content = {{"competence", code},
                 {"decision", decision},
                 {"decided_with_jobseeker", true},
                 {"situation_ids", ids},
                 {"decided_on", decided_on.empty() ? today : decided_on},
                 {"note", r.text("note", 2000)}};
  out.status = decision;
  return content_or_errors(std::move(errors), std::move(out));
}

Result<WorkRecordContent> parse_work_experience(const json& body, const std::string&) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"job", "employer", "period", "tasks"});
  WorkRecordContent out;
  json tasks = json::array();
  const json& v = r.member("tasks");
  if (!v.is_array() || v.empty()) {
    r.fail("tasks", v.is_null() || v.is_array() ? "required" : "type_list");
  } else if (v.size() > 30) {
    r.fail("tasks", "too_many", "30");
  } else {
    for (size_t i = 0; i < v.size(); ++i) {
      ObjectReader t(v[i], r.path("tasks") + "." + std::to_string(i), errors);
      t.refuse_unknown({"text", "competences"});
      tasks.push_back({{"text", t.text("text", 300, true)}, {"competences", read_competence_codes(t, "competences", 35)}});
    }
  }
  out.content = {{"job", r.text("job", 200, true)},
                 {"employer", r.text("employer", 200)},
                 {"period", r.text("period", 100)},
                 {"tasks", tasks}};
  out.status = "recorded";
  return content_or_errors(std::move(errors), std::move(out));
}

Result<WorkRecordContent> parse_business_card(const json& body, const std::string&) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"technical", "key", "target_1", "target_2"});
  WorkRecordContent out;
  out.content = {{"technical", r.texts("technical", 20, 200)},
                 {"key", read_competence_codes(r, "key", 12)},
                 {"target_1", r.text("target_1", 200)},
                 {"target_2", r.text("target_2", 200)}};
  out.status = "card";
  return content_or_errors(std::move(errors), std::move(out));
}

}  // namespace spiraal
