// The models of the road-to-work pages (work_pages.cc): what each page
// shows of a dossier's work records, in the caller's language.
#include "web/work_models.h"

#include <algorithm>
#include <set>

#include "core/application.h"
#include "core/clock.h"
#include "core/competences.h"
#include "core/job_target.h"
#include "core/mindmap.h"
#include "core/work_start.h"
#include "web/form.h"
#include "web/view.h"
#include "web/work_view.h"

namespace spiraal {

using nlohmann::json;

std::string competence_label(const Ctx& c, const std::string& code) {
  const KeyCompetence* k = find_key_competence(code);
  if (!k) return code;
  return c.lang == "en" ? k->en : k->nl;
}

json competence_labels(const Ctx& c, const json& codes) {
  json out = json::array();
  for (const auto& code : codes) out.push_back(competence_label(c, code.get<std::string>()));
  return out;
}

// Check boxes for the key competences, `on` ticked.
json competence_options(const Ctx& c, const json& on) {
  json out = json::array();
  for (const auto& k : key_competences())
    out.push_back({{"code", k.code}, {"label", c.lang == "en" ? k.en : k.nl},
                   {"definition", c.lang == "en" ? k.definition_en : k.definition_nl},
                   {"on", std::find(on.begin(), on.end(), json(k.code)) != on.end()}});
  return out;
}

json choice_options(const Ctx& c, const std::string& prefix, const std::vector<std::string>& codes,
                    const std::string& selected) {
  json out = json::array();
  for (const auto& code : codes) out.push_back({{"code", code}, {"label", c.t(prefix + code)}, {"selected", code == selected}});
  return out;
}

void competences_model(const Ctx& c, const std::vector<WorkRecord>& all, json& m) {
  const json summary = competence_summary(all);
  json situations = json::array(), nodes = json::array(), edges = json::array();
  std::set<std::string> shown;
  for (const auto* s : records_of(all, "situation")) {
    situations.push_back({{"id", s->id}, {"text", s->content["text"]}, {"noted_on", s->content["noted_on"]},
                          {"kind_label", c.t("work.situation_kind." + s->content.value("kind", "other"))},
                          {"note", s->content["note"]}, {"competences", competence_labels(c, s->content["competences"])}});
    nodes.push_back({{"id", "s" + std::to_string(s->id)}, {"label", s->content["text"]}, {"kind", "situation"}});
    for (const auto& code : s->content["competences"]) {
      const std::string k = code.get<std::string>();
      if (shown.insert(k).second) {
        std::string d = summary["decisions"].contains(k) ? summary["decisions"][k].value("decision", "") : "";
        nodes.push_back({{"id", "c-" + k}, {"label", competence_label(c, k)}, {"kind", "competence"}, {"decision", d}});
      }
      edges.push_back({{"from", "s" + std::to_string(s->id)}, {"to", "c-" + k}});
    }
  }
  m["situations"] = situations;
  m["mindmap"] = script_json({{"nodes", nodes}, {"edges", edges}});
  m["situation_kinds"] = choice_options(c, "work.situation_kind.", situation_kinds(), "");
  m["competence_options"] = competence_options(c);
  json suggestions = json::array();
  for (const auto& s : summary["suggestions"])
    suggestions.push_back({{"code", s["code"]}, {"label", competence_label(c, s["code"])},
                           {"count", s["situation_ids"].size()}, {"situation_ids", s["situation_ids"]}});
  m["suggestions"] = suggestions;
  json decisions = json::array(), acquired = json::array();
  for (const auto& [code, d] : summary["decisions"].items()) {
    decisions.push_back({{"label", competence_label(c, code)}, {"decision_label", c.t("work.decision." + d.value("decision", ""))},
                         {"decided_on", d["decided_on"]}});
    if (d["decision"] == "acquired") acquired.push_back(code);
  }
  m["decisions"] = decisions;
  json experiences = json::array();
  for (const auto* e : records_of(all, "work_experience")) {
    json tasks = json::array();
    for (const auto& t : e->content["tasks"]) tasks.push_back({{"text", t["text"]}, {"competences", competence_labels(c, t["competences"])}});
    experiences.push_back({{"job", e->content["job"]}, {"employer", e->content["employer"]}, {"period", e->content["period"]},
                           {"tasks", tasks}});
  }
  m["experiences"] = experiences;
  m["task_rows"] = json::array({{{"i", 0}}, {{"i", 1}}, {{"i", 2}}});
  // The business card: what was saved, or a proposal from the decisions and job targets.
  auto cards = records_of(all, "business_card");
  json card = cards.empty() ? json{{"technical", json::array()}, {"key", acquired}, {"target_1", ""}, {"target_2", ""}}
                            : cards.front()->content;
  if (cards.empty())
    for (const auto* t : records_of(all, "job_target"))
      if (t->content["rank"].is_number_integer())
        card[t->content["rank"] == 1 ? "target_1" : "target_2"] = t->content["occupation"];
  json technical = card["technical"];
  while (technical.size() < 6) technical.push_back("");
  json rows = json::array();
  for (size_t i = 0; i < technical.size(); ++i) rows.push_back({{"i", i}, {"value", technical[i]}});
  m["card"] = {{"version", cards.empty() ? 0 : cards.front()->version}, {"technical", rows},
               {"target_1", card["target_1"]}, {"target_2", card["target_2"]}, {"saved", !cards.empty()}};
  m["card_competences"] = competence_options(c, card["key"]);
}

void job_targets_model(const Ctx& c, const std::vector<WorkRecord>& all, json& m) {
  auto profiles = records_of(all, "work_profile");
  json p = profiles.empty() ? json::object() : profiles.front()->content;
  json travel = p.value("travel", json::array());
  json rows = json::array();
  for (size_t i = 0; i < travel.size() + 3; ++i)
    rows.push_back({{"i", i}, {"place", i < travel.size() ? travel[i]["place"] : json("")},
                    {"minutes", i < travel.size() ? travel[i]["minutes"] : json("")}});
  json transport = json::array();
  for (const char* t : {"foot", "bike", "public_transport", "car", "moped", "lift"}) {
    json on = p.value("transport", json::array());
    transport.push_back({{"code", t}, {"label", c.t(std::string("work.transport.") + t)},
                         {"on", std::find(on.begin(), on.end(), json(t)) != on.end()}});
  }
  m["profile"] = {{"version", profiles.empty() ? 0 : profiles.front()->version},
                  {"min_hours", p.value("min_hours_per_week", json())}, {"max_hours", p.value("max_hours_per_week", json())},
                  {"max_travel", p.value("max_travel_minutes", json())}, {"travel", rows}, {"transport", transport},
                  {"childcare", p.value("needs_childcare_friendly_hours", false)}, {"note", p.value("note", "")}};
  json targets = json::array();
  for (const auto* t : records_of(all, "job_target")) {
    json checks = json::array();
    for (const auto& name : job_target_checks()) {
      json v = t->content["checks"].value(name, json::object());
      checks.push_back({{"code", name}, {"label", c.t("work.check." + name)}, {"evidence", v.value("evidence", "")},
                        {"answers", choice_options(c, "work.answer.", {"yes", "no", "unsure"}, v.value("answer", ""))}});
    }
    json placements = json::array();
    for (const auto* pl : records_of(all, "placement"))
      if (pl->parent_id == t->id)
        placements.push_back({{"id", pl->id}, {"version", pl->version}, {"job_target_id", t->id}, {"employer", pl->content["employer"]},
                              {"days", pl->content["days"]}, {"unit_label", c.t("work.unit." + pl->content.value("unit", ""))},
                              {"unit", pl->content["unit"]}, {"starts_on", pl->content["starts_on"]},
                              {"evaluation", pl->content["evaluation"]}, {"evaluated", pl->status == "evaluated"}});
    targets.push_back({{"id", t->id}, {"version", t->version}, {"occupation", t->content["occupation"]},
                       {"occupation_code", t->content["occupation_code"]}, {"rank", t->content["rank"]},
                       {"rank1", t->content["rank"] == 1}, {"rank2", t->content["rank"] == 2},
                       {"status_label", c.t("work.target_status." + t->status)},
                       {"statuses", choice_options(c, "work.target_status.", {"exploring", "realistic", "dropped"}, t->status)},
                       {"checks", checks}, {"placements", placements}});
  }
  m["targets"] = targets;
}

void applications_model(const Ctx& c, const std::vector<WorkRecord>& all, const MeasureCatalogue& measures, json& m) {
  json apps = json::array();
  for (const auto* a : records_of(all, "application")) {
    json steps = json::array();
    int i = 0;
    for (const auto& name : application_steps()) {
      json v = a->content["steps"].value(name, json::object());
      steps.push_back({{"n", ++i}, {"code", name}, {"label", c.t("work.step." + name)},
                       {"done_on", v.value("done_on", "")}, {"note", v.value("note", "")},
                       {"done", v.value("done_on", "") != ""}});
    }
    json fb = a->content.value("feedback", json());
    apps.push_back({{"id", a->id}, {"version", a->version}, {"employer", a->content["employer"]},
                    {"job_title", a->content["job_title"]}, {"vacancy_id", a->content["vacancy_id"]},
                    {"objections", a->content["objections"]}, {"measures", measure_options(c, measures, a->content["measures_offered"])},
                    {"interview_on", a->content["interview_on"]}, {"decision_on", a->content["decision_on"]},
                    {"status_label", c.t("work.outcome." + a->status)},
                    {"outcomes", choice_options(c, "work.outcome.", {"open", "hired", "rejected", "withdrawn"}, a->status)},
                    {"steps", steps}, {"feedback_note", fb.is_object() ? fb.value("note", "") : ""},
                    {"feedback_strengths", competence_options(c, fb.is_object() ? fb["strengths"] : json::array())},
                    {"feedback_develop", competence_options(c, fb.is_object() ? fb["to_develop"] : json::array())}});
  }
  m["applications"] = apps;
}

// The employment measures for employers as options, `on` selected.
json measure_options(const Ctx& c, const MeasureCatalogue& measures, const json& on) {
  json out = json::array();
  for (const auto& x : measures.measures)
    out.push_back({{"code", x.code}, {"label", c.lang == "en" && !x.name_en.empty() ? x.name_en : x.name},
                   {"on", std::find(on.begin(), on.end(), json(x.code)) != on.end()}});
  return out;
}

json disclosure_model(const Ctx& c, const WorkRecord& r) {
  json v = r.content;
  v["id"] = r.id;
  v["version"] = r.version;
  json labels = json::array();
  for (const auto& i : r.content["items"]) labels.push_back(c.t("work.backpack." + i.get<std::string>()));
  v["item_labels"] = labels;
  v["in_force"] = r.status == "in_force";
  return v;
}

void work_starts_model(const Ctx& c, const std::vector<WorkRecord>& all, json& m) {
  const json aftercare = aftercare_summary(all, today_utc());
  json starts = json::array();
  for (const auto* s : records_of(all, "work_start")) {
    json st = s->content;
    st["id"] = s->id;
    st["version"] = s->version;
    st["active"] = s->status == "active";
    st["kind_label"] = c.t("work.start_kind." + s->content.value("kind", "work"));
    st["contract_label"] = c.t("work.contract." + s->content.value("contract", "other"));
    json open = json::array();
    for (const auto& item : open_checklist_items(s->content)) open.push_back(c.t("work.checklist." + item));
    st["open_checklist"] = open;
    // The aftercare form changes these; the rest of the start travels along.
    st["carried"] = hidden_fields(s->content, {"aftercare_every_days", "trusted_person", "ended_on", "end_reason"});
    st["trusted_name"] = s->content["trusted_person"].value("name", "");
    st["trusted_since"] = s->content["trusted_person"].value("since", "");
    for (const auto& a : aftercare)
      if (a["work_start_id"] == s->id) st["aftercare"] = a;
    json contacts = json::array(), absences = json::array(), disclosures = json::array(), checks = json::array();
    for (const auto& r : all) {
      if (r.parent_id != s->id) continue;
      json v = r.content;
      v["id"] = r.id;
      v["version"] = r.version;
      if (r.kind == "aftercare_contact") {
        v["with_label"] = c.t("work.with." + r.content.value("with", ""));
        v["kind_label"] = c.t("work.contact_kind." + r.content.value("kind", ""));
        contacts.push_back(v);
      } else if (r.kind == "absence_signal") {
        v["open"] = r.status == "open";
        absences.push_back(v);
      } else if (r.kind == "disclosure") {
        disclosures.push_back(disclosure_model(c, r));
      } else if (r.kind == "sustainability_check") {
        v["due_on"] = r.due_on;
        v["recorded"] = r.status == "recorded";
        v["due_now"] = r.status == "due" && r.due_on <= today_utc();
        v["still_label"] = c.t(r.content.value("still_working", false) ? "work.still_working.yes" : "work.still_working.no");
        json as = json::array();
        for (const auto& a : four_as())
          as.push_back({{"code", a}, {"label", c.t("work.four_as." + a)},
                        {"value", r.content.value("four_as", json::object()).value(a, json())}});
        v["four_as_list"] = as;
        v["income_label"] = c.t("work.income." + r.content.value("income_sufficient", "unknown"));
        checks.push_back(v);
      }
    }
    st["contacts"] = contacts;
    st["absences"] = absences;
    st["disclosures"] = disclosures;
    st["checks"] = checks;
    json items = json::array();
    for (const auto& i : backpack_items()) items.push_back({{"code", i}, {"label", c.t("work.backpack." + i)}});
    st["backpack"] = items;
    starts.push_back(st);
  }
  m["starts"] = starts;
  json checklist = json::array();
  for (const auto& item : welfare_checklist_items()) checklist.push_back({{"code", item}, {"label", c.t("work.checklist." + item)}});
  m["checklist"] = checklist;
  json hired = json::array();
  for (const auto* a : records_of(all, "application"))
    hired.push_back({{"id", a->id}, {"label", a->content.value("job_title", "") + " — " + a->content.value("employer", "")}});
  m["application_options"] = hired;
  m["four_as"] = choice_options(c, "work.four_as.", four_as(), "");
}

// What the employer may see of one start: only the backpack items of the
// latest disclosure in force (the worker decides, seed 000 table 6.1).
json employer_sections(const Ctx& c, const std::vector<WorkRecord>& all, const WorkRecord& start) {
  json items = json::array();
  for (const auto* d : records_of(all, "disclosure"))
    if (d->parent_id == start.id) items = d->status == "in_force" ? d->content["items"] : json::array();
  auto on = [&](const char* item) { return std::find(items.begin(), items.end(), json(item)) != items.end(); };
  json sections = json::array();
  auto add = [&](const char* item, json lines) {
    if (on(item) && !lines.empty()) sections.push_back({{"title", c.t(std::string("work.backpack.") + item)}, {"lines", lines}});
  };
  json competences = json::array();
  for (const auto* card : records_of(all, "business_card")) {
    for (const auto& t : card->content["technical"]) competences.push_back(t);
    for (const auto& l : competence_labels(c, card->content["key"])) competences.push_back(l);
  }
  add("competences", competences);
  json support = json::array();
  const json trusted = start.content.value("trusted_person", json::object());
  if (trusted.value("name", "") != "") support.push_back(c.t("work.trusted_person") + ": " + trusted.value("name", ""));
  support.push_back(c.t("work.support_line"));
  add("support_on_job", support);
  json measures = json::array();
  for (const auto* a : records_of(all, "application"))
    if (start.parent_id == a->id)
      for (const auto& code : a->content["measures_offered"]) measures.push_back(code);
  add("measures", measures);
  json preconditions = json::array();
  for (const auto& item : welfare_checklist_items()) {
    std::string status = start.content["welfare_checklist"].value(item, json::object()).value("status", "open");
    if (status == "arranged") preconditions.push_back(c.t("work.checklist." + item) + ": " + c.t("work.check_status.arranged"));
  }
  add("preconditions", preconditions);
  add("welfare_guidance", json::array({c.t("work.welfare_line")}));
  add("anchor_contact", json::array({c.who ? c.who->display_name : std::string()}));
  return sections;
}

}  // namespace spiraal
