#include "core/integrated_report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "core/field_reader.h"
#include "core/score_table.h"

namespace spiraal {

using nlohmann::json;

const std::vector<std::string>& integrated_report_sections() {
  static const std::vector<std::string> sections = {"details",      "insights",      "competences",
                                                    "network",      "key_figures",   "road_to_work",
                                                    "future_themes", "applying",     "looking_back"};
  return sections;
}

namespace {

std::string text_of(const json& row, const char* key) {
  if (!row.is_object() || !row.contains(key) || !row[key].is_string()) return {};
  return row[key].get<std::string>();
}

const json& rows(const json& dossier, const char* table) {
  static const json empty = json::array();
  const json& tables = dossier.contains("tables") ? dossier["tables"] : empty;
  return tables.contains(table) && tables[table].is_array() ? tables[table] : empty;
}

// Appends `line` on a line of its own when it is not empty.
void add(std::string& out, const std::string& line) {
  if (line.empty()) return;
  if (!out.empty()) out += "\n";
  out += line;
}

std::string join(const std::vector<std::string>& parts, const char* sep = ", ") {
  std::string out;
  for (const auto& p : parts)
    if (!p.empty()) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::vector<json> work(const json& dossier, const char* kind) {
  std::vector<json> out;
  for (const auto& w : rows(dossier, "work_records"))
    if (text_of(w, "kind") == kind) out.push_back(w);
  return out;
}

std::string details(const json& d, const ReportLabel& label, const std::string& today) {
  const json& j = d.value("jobseeker", json::object());
  std::string out;
  add(out, label("report.name") + ": " + text_of(j, "first_name") + " " + text_of(j, "last_name"));
  add(out, label("report.birth_date") + ": " + text_of(j, "birth_date"));
  std::vector<std::string> coaches;
  for (const auto& c : d.value("coaches", json::array())) coaches.push_back(c.get<std::string>());
  if (!coaches.empty()) add(out, label("report.coach") + ": " + join(coaches));
  for (const auto& t : rows(d, "trajectories")) {
    add(out, label("report.started_on") + ": " + text_of(t, "started_on"));
    add(out, label("report.phase") + ": " + label("spiral." + text_of(t, "state")));
  }
  add(out, label("report.written_on") + ": " + today);
  return out;
}

std::string insights(const json& d, const ReportLabel& label) {
  const json& j = d.value("jobseeker", json::object());
  const json narrative = j.value("narrative", json::object());
  std::string out;
  add(out, text_of(narrative, "life_history"));
  add(out, text_of(narrative, "trajectory_so_far"));
  for (const char* side : {"welfare", "work"}) {
    if (!narrative.contains(side) || !narrative[side].is_object()) continue;
    for (const auto& [domain, notes] : narrative[side].items()) {
      std::vector<std::string> now;
      for (const auto& b : notes.value("barriers", json::array()))
        if (text_of(b, "priority") == "now") now.push_back(text_of(b, "text"));
      std::string strengths = text_of(notes, "strengths");
      if (strengths.empty() && now.empty()) continue;
      std::string list = std::string(side) == "welfare" ? "welfare_domain" : "work_domain";
      std::string line = label("vocab." + list + "." + domain) + ": ";
      if (!strengths.empty()) line += label("report.strength") + " " + strengths;
      if (!now.empty()) line += (strengths.empty() ? "" : "; ") + label("report.barrier_now") + " " + join(now, "; ");
      add(out, line);
    }
  }
  std::string strength = text_of(narrative, "what_gives_strength");
  if (!strength.empty()) add(out, label("report.what_gives_strength") + ": " + strength);
  return out;
}

std::string competences(const json& d, const ReportLabel& label) {
  std::vector<std::string> acquired;
  for (const auto& w : work(d, "competence_decision"))
    if (text_of(w, "status") == "acquired") acquired.push_back(label("competence." + text_of(w["content"], "competence")));
  std::string out;
  if (!acquired.empty()) add(out, label("report.acquired") + ": " + join(acquired));
  for (const auto& card : work(d, "business_card")) {
    std::vector<std::string> key;
    for (const auto& k : card["content"].value("key", json::array())) key.push_back(label("competence." + k.get<std::string>()));
    if (!key.empty()) add(out, label("report.business_card") + ": " + join(key));
  }
  return out;
}

std::string network(const json& d, const ReportLabel& label) {
  const json& orgs = d.value("organisations", json::object());
  std::string out;
  for (const auto& l : rows(d, "social_links")) {
    std::string id = l.contains("organisation_id") && !l["organisation_id"].is_null()
                         ? (l["organisation_id"].is_string() ? l["organisation_id"].get<std::string>()
                                                            : l["organisation_id"].dump())
                         : "";
    std::string org = orgs.contains(id) ? orgs[id].get<std::string>() : "";
    add(out, label("vocab.welfare_domain." + text_of(l, "domain")) + ": " + org +
                 (text_of(l, "smart").empty() ? "" : " (" + text_of(l, "smart") + ")"));
  }
  return out;
}

// The latest ecogram's people and services, with the jobseeker's own words.
std::string key_figures(const json& d, const ReportLabel& label) {
  json latest;
  for (const auto& v : rows(d, "instrument_versions"))
    if (text_of(v, "instrument") == "ecogram") latest = v.value("document", json::object());
  std::string out;
  if (latest.is_null()) return out;
  std::map<std::string, std::string> names;
  for (const auto& n : latest.value("nodes", json::array())) names[text_of(n, "id")] = text_of(n, "label");
  for (const auto& t : latest.value("ties", json::array())) {
    std::string who = names.count(text_of(t, "to")) ? names[text_of(t, "to")] : "";
    if (who.empty()) continue;
    std::string line = who + " — " + label("instrument.tie." + text_of(t, "type"));
    if (!text_of(t, "note").empty()) line += ": " + text_of(t, "note");
    add(out, line);
  }
  return out;
}

std::string road_to_work(const json& d, const ReportLabel& label) {
  std::string out;
  for (const auto& t : work(d, "job_target"))
    add(out, label("report.job_target") + ": " + text_of(t["content"], "occupation") + " (" +
                 label("report.status." + text_of(t, "status")) + ")");
  for (const auto& p : work(d, "placement")) {
    const json& c = p["content"];
    std::string line = label("report.placement") + ": " + text_of(c, "employer");
    if (c.contains("evaluation") && c["evaluation"].is_object())
      line += " — " + text_of(c["evaluation"], "went_well");
    add(out, line);
  }
  for (const auto& s : work(d, "work_start")) {
    const json& c = s["content"];
    add(out, label("report.work_start") + ": " + join({text_of(c, "job_title"), text_of(c, "organisation")}, ", ") +
                 " (" + text_of(c, "starts_on") + ")");
  }
  return out;
}

std::string future_themes(const json& d, const ReportLabel& label) {
  const json narrative = d.value("jobseeker", json::object()).value("narrative", json::object());
  std::string out;
  for (const char* side : {"welfare", "work"}) {
    if (!narrative.contains(side) || !narrative[side].is_object()) continue;
    for (const auto& [domain, notes] : narrative[side].items())
      for (const auto& b : notes.value("barriers", json::array()))
        if (text_of(b, "priority") == "later")
          add(out, label(std::string("vocab.") + (std::string(side) == "welfare" ? "welfare_domain." : "work_domain.") +
                         domain) +
                       ": " + text_of(b, "text"));
  }
  for (const auto& g : rows(d, "goals"))
    if (text_of(g, "status") != "done" && text_of(g, "status") != "dropped")
      add(out, label("report.goal") + ": " + text_of(g, "text"));
  return out;
}

std::string applying(const json& d, const ReportLabel& label) {
  std::string out;
  for (const auto& a : work(d, "application")) {
    const json& c = a["content"];
    add(out, join({text_of(c, "job_title"), text_of(c, "employer")}, ", ") + " — " +
                 label("report.status." + text_of(a, "status")));
  }
  return out;
}

std::string one_decimal(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string looking_back(const json& d, const ReportLabel& label) {
  int moves = 0, back = 0;
  for (const auto& m : rows(d, "spiral_moves")) {
    ++moves;
    if (text_of(m, "kind") == "slide_back") ++back;
  }
  std::string out;
  if (moves > 0)
    add(out, label("report.moves") + ": " + std::to_string(moves) + " · " + label("report.slides_back") + ": " +
                 std::to_string(back) + " · " + label("report.crises") + ": " +
                 std::to_string(rows(d, "crises").size()));
  const json& tables = rows(d, "score_tables");
  if (tables.size() >= 2) {
    const json& first = tables.front();
    const json& last = tables.back();
    for (const char* side : {"outside", "inside"}) {
      auto a = side_average_now(first.value("items", json()), first.value("scores", json()), side);
      auto b = side_average_now(last.value("items", json()), last.value("scores", json()), side);
      if (a && b)
        add(out, label(std::string("report.scores_") + side) + ": " + one_decimal(*a) + " → " + one_decimal(*b) + " (" +
                     text_of(first, "taken_on") + " – " + text_of(last, "taken_on") + ")");
    }
  }
  return out;
}

}  // namespace

json draft_integrated_report(const json& dossier, const ReportLabel& label, const std::string& today) {
  return {{"details", details(dossier, label, today)},
          {"insights", insights(dossier, label)},
          {"competences", competences(dossier, label)},
          {"network", network(dossier, label)},
          {"key_figures", key_figures(dossier, label)},
          {"road_to_work", road_to_work(dossier, label)},
          {"future_themes", future_themes(dossier, label)},
          {"applying", applying(dossier, label)},
          {"looking_back", looking_back(dossier, label)}};
}

Result<json> parse_report_sections(const json& body) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"sections"});
  ObjectReader s(r.member("sections"), "sections", errors);
  json out = json::object();
  const json given = r.member("sections").is_object() ? r.member("sections") : json::object();
  const auto& names = integrated_report_sections();
  for (const auto& [key, _] : given.items())
    if (std::find(names.begin(), names.end(), key) == names.end()) s.fail(key.c_str(), "unknown_field");
  for (const auto& name : integrated_report_sections()) out[name] = s.text(name.c_str(), kMaxReportSection);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return out;
}

Status check_report_final(const json& sections) {
  FieldErrors errors;
  for (const auto& name : integrated_report_sections())
    if (!sections.contains(name) || !sections[name].is_string() || sections[name].get<std::string>().empty())
      errors.push_back({"sections." + name, "required"});
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return Status::ok();
}

}  // namespace spiraal
