// The instruments filled in with the jobseeker (balance, ecogram, life-event
// line, strengths, the two checklists): API and pages. A page edits a
// document as rows of fields and draws it (an SVG beam, cytoscape, a time
// axis); two versions can be put side by side; each version prints as a
// "mijn instrumenten" sheet. The API takes the document as JSON.
#include <algorithm>

#include "core/checklists.h"
#include "core/clock.h"
#include "core/instruments.h"
#include "core/vocabulary.h"
#include "web/app.h"
#include "web/i18n.h"
#include "web/instrument_forms.h"
#include "web/view.h"

namespace spiraal {
namespace {

using nlohmann::json;

json versions_json(const std::vector<InstrumentVersion>& all, const std::string& name) {
  json items = json::array();
  for (const auto& v : all) items.push_back(to_json(v));
  json out = {{"items", items}};
  if (name == "ecogram" && all.size() > 1)
    out["changes"] = ecogram_changes(all[all.size() - 2].document, all.back().document);
  return out;
}

bool is_checklist(const std::string& name) {
  const auto& names = checklist_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The version with `id`, or the newest when there is none; nullptr if empty.
const InstrumentVersion* pick(const std::vector<InstrumentVersion>& all, int64_t id) {
  for (const auto& v : all)
    if (v.id == id) return &v;
  return all.empty() ? nullptr : &all.back();
}

int64_t query_id(const Ctx& c, const char* key) { return std::atoll(c.req.get_param_value(key).c_str()); }

std::string str(const json& doc, const char* key) { return doc.value(key, std::string()); }

std::string strength_group_title(const Ctx& c, const std::string& group) {
  if (group == "domains.work") return c.t("section.work");
  if (group.starts_with("domains.")) return c.t("vocab.welfare_domain." + group.substr(8));
  return c.t("instrument.strengths." + group);
}

json strength_group_values(const json& doc, const std::string& group) {
  return group.starts_with("domains.") ? doc.value("domains", json::object()).value(group.substr(8), json::object())
                                       : doc.value(group, json::object());
}

// One version in words, for paper and for side-by-side reading:
// [{title, lines: [text]}], empty sections left out.
json readable(const Ctx& c, const std::string& name, const json& doc) {
  json out = json::array();
  auto section = [&](const std::string& title, const json& lines) {
    if (!lines.empty()) out.push_back({{"title", title}, {"lines", lines}});
  };
  if (name == "balance") {
    for (const char* kind : {"load", "support"}) {
      json lines = json::array();
      for (const auto& b : doc.value("blocks", json::array()))
        if (b["kind"] == kind) lines.push_back(str(b, "label") + " (" + std::to_string(b.value("size", 0)) + ")");
      section(c.t(std::string("instrument.balance.") + kind), lines);
    }
    section(c.t("instrument.balance.unnamed"), json::array({std::to_string(doc.value("unnamed_size", 1))}));
  } else if (name == "ecogram") {
    std::map<std::string, std::string> label = {{"self", c.t("instrument.ecogram.self")}};
    json people = json::array();
    for (const auto& n : doc.value("nodes", json::array())) {
      label[str(n, "id")] = str(n, "label");
      people.push_back(str(n, "label") + " (" + c.t("instrument.ecogram." + str(n, "kind")) + ")");
    }
    json ties = json::array();
    for (const auto& t : doc.value("ties", json::array())) {
      std::string line = label[str(t, "from")] + " – " + label[str(t, "to")] + ": " + c.t("instrument.tie." + str(t, "type"));
      if (!str(t, "note").empty()) line += ". " + str(t, "note");
      ties.push_back(line);
    }
    section(c.t("instrument.ecogram.nodes"), people);
    section(c.t("instrument.ecogram.ties_title"), ties);
  } else if (name == "life_events") {
    json lines = json::array();
    for (const auto& e : doc.value("events", json::array()))
      lines.push_back(str(e, "date") + ": " + str(e, "text") + " (" + c.t("instrument.life_events." + str(e, "tone")) + ")");
    section(c.t("instrument.life_events.title"), lines);
  } else if (name == "strengths") {
    for (const auto& [group, keys] : strength_fields()) {
      const json values = strength_group_values(doc, group);
      json lines = json::array();
      for (const auto& key : keys)
        if (!str(values, key.c_str()).empty()) lines.push_back(c.t("instrument.strengths." + key) + " " + str(values, key.c_str()));
      section(strength_group_title(c, group), lines);
    }
  } else if (is_checklist(name)) {
    const json items = doc.value("items", json::object());
    for (const auto& group : checklist_groups(name, c.lang)) {
      json lines = json::array();
      for (const auto& item : group["items"]) {
        if (!items.contains(item["code"])) continue;
        const json& v = items[item["code"].get<std::string>()];
        std::string line = (v.value("marked", false) ? "✔ " : "") + item["label"].get<std::string>();
        if (!str(v, "note").empty()) line += ": " + str(v, "note");
        lines.push_back(line);
      }
      section(group["title"], lines);
    }
    if (!str(doc, "note").empty()) section(c.t("instrument.note"), json::array({str(doc, "note")}));
  }
  return out;
}

// One version as the templates show it: a label, the document for drawing,
// and the text.
json version_view(const Ctx& c, const std::string& name, const InstrumentVersion& v) {
  return {{"id", v.id}, {"taken_on", v.taken_on}, {"by", v.created_by},
          {"label", v.taken_on + " · " + v.created_by}, {"document", script_json(v.document)},
          {"sections", readable(c, name, v.document)}};
}

json header_model(const Ctx& c, const App& app, const Jobseeker& j, const std::string& name) {
  json m = app.base_model(c);
  m["title"] = c.t("instrument." + name + ".title");
  m["intro"] = c.t("instrument." + name + ".intro");
  m["jobseeker"] = {{"id", j.id}, {"full_name", j.first_name + " " + j.last_name}};
  m["name"] = name;
  m["is_" + name] = true;
  m["drawn"] = name == "balance" || name == "ecogram" || name == "life_events";
  m["today"] = today_utc();
  m["labels"] = script_json({{"self", c.t("instrument.ecogram.self")}});
  json menu = json::array();
  for (const auto& n : instrument_names())
    menu.push_back({{"name", n}, {"title", c.t("instrument." + n + ".title")}, {"here", n == name}});
  m["menu"] = menu;
  return m;
}

json page_model(const Ctx& c, const App& app, const Jobseeker& j, const std::string& name,
                const std::vector<InstrumentVersion>& all, const json& draft, int64_t compare_a, int64_t compare_b) {
  json m = header_model(c, app, j, name);
  json versions = json::array();
  for (auto it = all.rbegin(); it != all.rend(); ++it) versions.push_back(version_view(c, name, *it));
  m["versions"] = versions;
  if (!all.empty()) m["latest"] = version_view(c, name, all.back());
  // Side by side: version A (by default the one before the newest) and B.
  if (all.size() > 1) {
    const InstrumentVersion* b = pick(all, compare_b);
    const InstrumentVersion* a = compare_a ? pick(all, compare_a) : &all[all.size() - 2];
    json choices = json::array();
    for (const auto& v : all) choices.push_back({{"id", v.id}, {"label", v.taken_on + " · " + v.created_by}, {"a", &v == a}, {"b", &v == b}});
    m["choices"] = choices;
    m["compare"] = {{"a", version_view(c, name, *a)}, {"b", version_view(c, name, *b)}};
  }
  json current = !draft.is_null() ? draft : all.empty() ? json::object() : all.back().document;
  // The form: the current rows plus a few empty ones.
  auto with_blanks = [](json list, json blank) {
    if (!list.is_array()) list = json::array();
    for (int i = 0; i < 3; ++i) list.push_back(blank);
    return list;
  };
  if (name == "balance") {
    json blocks = with_blanks(current.value("blocks", json::array()), {{"kind", "load"}, {"label", ""}, {"size", ""}});
    for (auto& b : blocks) b["load"] = b["kind"] == "load", b["support"] = b["kind"] == "support";
    m["blocks"] = blocks;
    m["unnamed_size"] = current.value("unnamed_size", json(1));
  } else if (name == "ecogram") {
    json nodes = with_blanks(current.value("nodes", json::array()), {{"id", ""}, {"label", ""}, {"kind", "person"}});
    for (auto& n : nodes) n["person"] = n["kind"] == "person", n["organisation"] = n["kind"] == "organisation";
    m["nodes"] = nodes;
    json ties = with_blanks(current.value("ties", json::array()), {{"from", "self"}, {"to", ""}, {"type", "close"}, {"note", ""}});
    for (auto& t : ties)
      for (const char* type : {"close", "reciprocal", "conflict", "broken"}) t[type] = t["type"] == type;
    m["ties"] = ties;
    if (all.size() > 1) {
      json changes = ecogram_changes(all[all.size() - 2].document, all.back().document);
      json lines = json::array();
      for (const auto& n : changes["nodes_added"]) lines.push_back(c.t("instrument.ecogram.added") + ": " + n.get<std::string>());
      for (const auto& n : changes["nodes_removed"]) lines.push_back(c.t("instrument.ecogram.removed") + ": " + n.get<std::string>());
      for (const auto& t : changes["ties_retyped"])
        lines.push_back(t["tie"].get<std::string>() + ": " + c.t("instrument.tie." + t["from"].get<std::string>()) + " → " +
                        c.t("instrument.tie." + t["to"].get<std::string>()));
      m["changes"] = lines;
    }
  } else if (name == "strengths") {
    json groups = json::array();
    for (const auto& [group, keys] : strength_fields()) {
      const json values = strength_group_values(current, group);
      json fields = json::array();
      for (const auto& key : keys)
        fields.push_back({{"name", group + "." + key}, {"label", c.t("instrument.strengths." + key)},
                          {"value", values.value(key, "")}});
      groups.push_back({{"title", strength_group_title(c, group)}, {"fields", fields}});
    }
    m["groups"] = groups;
    m["banks"] = strength_question_banks(c.lang);
  } else if (name == "life_events") {
    json events = with_blanks(current.value("events", json::array()), {{"date", ""}, {"text", ""}, {"tone", "turn"}});
    for (auto& e : events)
      for (const char* tone : {"up", "down", "turn"}) e[tone] = e["tone"] == tone;
    m["events"] = events;
  } else if (is_checklist(name)) {
    const json items = current.value("items", json::object());
    json groups = checklist_groups(name, c.lang);
    for (auto& group : groups)
      for (auto& item : group["items"]) {
        json v = items.value(item["code"].get<std::string>(), json::object());
        item["marked"] = v.value("marked", false);
        item["note"] = v.value("note", "");
      }
    m["checklist"] = groups;
    m["is_checklist"] = true;
    m["note"] = current.value("note", "");
  }
  m["document"] = script_json(current);
  return m;
}

}  // namespace

void App::add_instrument_routes() {
  add("GET", R"(/api/v1/jobseekers/(\d+)/instruments/([a-z_]+))", "api.instruments.list", Access::kDossier,
      [this](Ctx& c) {
        std::string name = c.req.matches[2];
        auto all = instruments_.versions(*c.who, c.path_id(), name);
        if (!all.is_ok()) return fail(c, all.status());
        send_json(c, 200, versions_json(all.value(), name));
      });

  add("POST", R"(/api/v1/jobseekers/(\d+)/instruments/([a-z_]+))", "api.instruments.add", Access::kDossier,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto v = instruments_.add(*c.who, c.path_id(), c.req.matches[2], *body);
        if (!v.is_ok()) return fail(c, v.status());
        send_json(c, 201, to_json(v.value()));
      });

  auto page = [this](Ctx& c, const json& draft, const json& errors, int status) {
    std::string name = c.req.matches[2];
    auto all = instruments_.versions(*c.who, c.path_id(), name);
    if (!all.is_ok()) return fail(c, all.status());
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    json m = page_model(c, *this, j.value(), name, all.value(), draft, query_id(c, "a"), query_id(c, "b"));
    m["errors"] = errors;
    html(c, status, "instrument", m);
  };

  // The "mijn instrumenten" sheet of one version (?version=<id>, else the
  // newest): for the jobseeker to take home, printed through print CSS.
  add("GET", R"(/jobseekers/(\d+)/instruments/([a-z_]+)/sheet)", "instruments.sheet", Access::kDossier, [this](Ctx& c) {
    std::string name = c.req.matches[2];
    auto all = instruments_.versions(*c.who, c.path_id(), name);
    if (!all.is_ok()) return fail(c, all.status());
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    json m = header_model(c, *this, j.value(), name);
    if (const InstrumentVersion* v = pick(all.value(), query_id(c, "version"))) m["version"] = version_view(c, name, *v);
    m["sheet_title"] = c.t("instrument.sheet.title", c.t("instrument." + name + ".title"));
    html(c, 200, "instrument_sheet", m);
  });

  add("GET", R"(/jobseekers/(\d+)/instruments/([a-z_]+))", "instruments.show", Access::kDossier,
      [page](Ctx& c) { page(c, nullptr, json::array(), 200); });

  add("POST", R"(/jobseekers/(\d+)/instruments/([a-z_]+))", "instruments.add", Access::kDossier, [this, page](Ctx& c) {
    std::string name = c.req.matches[2];
    json document = document_from_form(c.form, name);
    auto v = instruments_.add(*c.who, c.path_id(), name, {{"taken_on", c.form.get("taken_on")}, {"document", document}});
    if (v.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/instruments/" + name);
    if (v.status().code() != Code::kInvalid) return fail(c, v.status());
    json errors = field_messages(c, v.status().fields());
    page(c, document, errors, 422);
  });
}

}  // namespace spiraal
