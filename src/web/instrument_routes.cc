// The balance, the ecogram and the life-event line: API and pages. Pages
// edit a document as rows of fields and draw it (an SVG beam, cytoscape, a
// time axis); the API takes the document as JSON.
#include <algorithm>

#include "core/clock.h"
#include "core/instruments.h"
#include "core/vocabulary.h"
#include "web/app.h"
#include "web/i18n.h"
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

// Rows typed in the form: field `prefix.<key>` repeated per row; rows whose
// `required` field is blank are dropped.
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
      bool is_number = std::find_if(numeric.begin(), numeric.end(), [&](const char* x) { return std::string(x) == k; }) != numeric.end();
      if (is_number && !v.empty() && v.size() < 4 && v.find_first_not_of("0123456789") == std::string::npos)
        row[k] = std::stoi(v);
      else
        row[k] = v;
      ++col;
    }
    if (row[required].is_string() && row[required].get<std::string>().find_first_not_of(" \t") == std::string::npos) continue;
    out.push_back(row);
  }
  return out;
}

// The strengths form's groups and their fields, in page order.
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
  if (name == "balance") {
    json d = {{"blocks", rows(f, "block", {"kind", "label", "size"}, "label", {"size"})}};
    std::string unnamed = f.get("unnamed_size");
    d["unnamed_size"] = unnamed.empty() || unnamed.find_first_not_of("0123456789") != std::string::npos || unnamed.size() > 3
                            ? json(unnamed)
                            : json(std::stoi(unnamed));
    return d;
  }
  if (name == "ecogram")
    return {{"nodes", rows(f, "node", {"id", "label", "kind"}, "id")},
            {"ties", rows(f, "tie", {"from", "to", "type", "note"}, "to")}};
  if (name == "strengths") {
    // Fields named "<group>.<key>" or "domains.<domain>.<key>"; blanks are left out.
    json d = {{"domains", json::object()}, {"individual", json::object()}, {"environmental", json::object()}};
    for (const auto& [group, keys] : strength_fields()) {
      for (const auto& key : keys) {
        std::string v = f.get(group + "." + key);
        if (v.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        if (group.starts_with("domains.")) d["domains"][group.substr(8)][key] = v;
        else d[group][key] = v;
      }
    }
    return d;
  }
  return {{"events", rows(f, "event", {"date", "text", "tone"}, "text")}};
}

json page_model(const Ctx& c, const App& app, const Jobseeker& j, const std::string& name,
                const std::vector<InstrumentVersion>& all, const json& draft) {
  json m = app.base_model(c);
  m["title"] = c.t("instrument." + name + ".title");
  m["intro"] = c.t("instrument." + name + ".intro");
  m["jobseeker"] = {{"id", j.id}, {"full_name", j.first_name + " " + j.last_name}};
  m["name"] = name;
  m["is_" + name] = true;
  m["today"] = today_utc();
  json versions = json::array();
  for (auto it = all.rbegin(); it != all.rend(); ++it)
    versions.push_back({{"taken_on", it->taken_on}, {"by", it->created_by}});
  m["versions"] = versions;
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
      bool domain = group.starts_with("domains.");
      const json& values = domain ? current.value("domains", json::object()).value(group.substr(8), json::object())
                                  : current.value(group, json::object());
      json fields = json::array();
      for (const auto& key : keys)
        fields.push_back({{"name", group + "." + key}, {"label", c.t("instrument.strengths." + key)},
                          {"value", values.value(key, "")}});
      std::string title = domain ? (group == "domains.work" ? c.t("section.work")
                                                            : c.t("vocab.welfare_domain." + group.substr(8)))
                                 : c.t("instrument.strengths." + group);
      groups.push_back({{"title", title}, {"fields", fields}});
    }
    m["groups"] = groups;
    m["banks"] = strength_question_banks(c.lang);
  } else {
    json events = with_blanks(current.value("events", json::array()), {{"date", ""}, {"text", ""}, {"tone", "turn"}});
    for (auto& e : events)
      for (const char* tone : {"up", "down", "turn"}) e[tone] = e["tone"] == tone;
    m["events"] = events;
  }
  m["document"] = script_json(current);
  m["labels"] = script_json({{"self", c.t("instrument.ecogram.self")}});
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
    json m = page_model(c, *this, j.value(), name, all.value(), draft);
    m["errors"] = errors;
    html(c, status, "instrument", m);
  };

  add("GET", R"(/jobseekers/(\d+)/instruments/([a-z_]+))", "instruments.show", Access::kDossier,
      [page](Ctx& c) { page(c, nullptr, json::array(), 200); });

  add("POST", R"(/jobseekers/(\d+)/instruments/([a-z_]+))", "instruments.add", Access::kDossier, [this, page](Ctx& c) {
    std::string name = c.req.matches[2];
    json document = document_from_form(c.form, name);
    auto v = instruments_.add(*c.who, c.path_id(), name, {{"taken_on", c.form.get("taken_on")}, {"document", document}});
    if (v.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/instruments/" + name);
    if (v.status().code() != Code::kInvalid) return fail(c, v.status());
    json errors = json::array();
    for (const auto& e : v.status().fields()) errors.push_back(Catalogs::get().describe(c.lang, e));
    page(c, document, errors, 422);
  });
}

}  // namespace spiraal
