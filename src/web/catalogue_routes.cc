// The catalogues (occupations, vacancies, training offers) and the employment
// measures: API and pages over CatalogueService. Coordinators and admins
// import them from CSV or JSON, answered with a report per refused line, and
// replace the measures' rules by uploading a new catalogue document.
#include "core/text.h"
#include "web/app.h"
#include "web/i18n.h"

namespace spiraal {
namespace {

using nlohmann::json;

json report_json(const Ctx& c, const CatalogueImportReport& r) {
  json rejected = json::array();
  for (const auto& p : r.rejected)
    rejected.push_back({{"line", p.line}, {"field", p.field}, {"rule", p.rule}, {"message", csv_problem_text(c, p)}});
  return {{"imported", r.imported}, {"rejected", rejected}, {"unreadable", r.unreadable}};
}

template <typename T>
json items_json(const std::vector<T>& all) {
  json items = json::array();
  for (const auto& x : all) items.push_back(to_json(x));
  return {{"items", items}};
}

// The format of an uploaded file: from the query (?format=), else its type.
std::string format_of(const Ctx& c, const std::string& content_type, const std::string& file_name = {}) {
  std::string f = c.req.get_param_value("format");
  if (!f.empty()) return f;
  if (content_type.starts_with("application/json") || ascii_lower(file_name).ends_with(".json")) return "json";
  return "csv";
}

json measure_view(const Ctx& c, const Measure& m) {
  json v = to_json(m);
  v["module_label"] = c.t("catalogue.module." + m.module);
  v["place_label"] = c.t("catalogue.place." + m.place);
  v["beneficiary_label"] = c.t("catalogue.beneficiary." + m.beneficiary);
  json circuits = json::array();
  for (const auto& k : m.circuit) circuits.push_back(c.t("catalogue.circuit." + k));
  v["circuit_labels"] = circuits;
  v["display_name"] = c.lang == "en" && !m.name_en.empty() ? m.name_en : m.name;
  return v;
}

}  // namespace

void App::add_catalogue_routes() {
  // --- API ---
  for (const auto& name : catalogue_names()) {
    add("GET", "/api/v1/" + name, "api." + name + ".list", Access::kAuthenticated, [this, name](Ctx& c) {
      json out;
      Status s = Status::ok();
      if (name == "occupations") {
        auto r = catalogues_.occupations(*c.who);
        if (r.is_ok()) out = items_json(r.value()); else s = r.status();
      } else if (name == "vacancies") {
        auto r = catalogues_.vacancies(*c.who);
        if (r.is_ok()) out = items_json(r.value()); else s = r.status();
      } else {
        auto r = catalogues_.trainings(*c.who);
        if (r.is_ok()) out = items_json(r.value()); else s = r.status();
      }
      if (!s.is_ok()) return fail(c, s);
      send_json(c, 200, out);
    });
    add("POST", "/api/v1/" + name, "api." + name + ".put", Access::kAuthenticated, [this, name](Ctx& c) {
      auto body = json_body(c);
      if (!body) return;
      auto r = catalogues_.put(*c.who, name, *body);
      if (!r.is_ok()) return fail(c, r.status());
      send_json(c, 200, r.value());
    });
    add("POST", "/api/v1/" + name + "/import", "api." + name + ".import", Access::kAuthenticated,
        [this, name](Ctx& c) {
          auto r = catalogues_.import(*c.who, name, c.req.body, format_of(c, c.req.get_header_value("Content-Type")));
          if (!r.is_ok()) return fail(c, r.status());
          send_json(c, r->unreadable ? 422 : 200, report_json(c, r.value()));
        });
  }
  add("GET", "/api/v1/measures", "api.measures.get", Access::kAuthenticated, [this](Ctx& c) {
    auto r = catalogues_.measures(*c.who);
    if (!r.is_ok()) return fail(c, r.status());
    send_json(c, 200, to_json(r.value()));
  });
  add("PUT", "/api/v1/measures", "api.measures.replace", Access::kAuthenticated, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto r = catalogues_.replace_measures(*c.who, *body);
    if (!r.is_ok()) return fail(c, r.status());
    send_json(c, 200, to_json(r.value()));
  });

  // --- Pages ---
  auto catalogue_page = [this](Ctx& c, const json& report, int status) {
    auto occupations = catalogues_.occupations(*c.who);
    auto vacancies = catalogues_.vacancies(*c.who);
    auto trainings = catalogues_.trainings(*c.who);
    if (!occupations.is_ok()) return fail(c, occupations.status());
    json m = base_model(c);
    m["title"] = c.t("catalogue.title");
    m["occupations"] = items_json(occupations.value())["items"];
    json vs = items_json(vacancies.value())["items"];
    for (auto& v : vs) {
      v["task_count"] = v["core_tasks"].size();
      v["schedule_label"] = c.t("catalogue.schedule." + v.value("schedule", "day"));
    }
    m["vacancies"] = vs;
    m["trainings"] = items_json(trainings.value())["items"];
    m["can_manage"] = allowed(*c.who, Action::kManageCatalogues);
    m["report"] = report;
    m["has_report"] = !report.is_null();
    html(c, status, "catalogues", m);
  };
  add("GET", "/catalogues", "catalogues.show", Access::kAuthenticated,
      [catalogue_page](Ctx& c) { catalogue_page(c, json(), 200); });
  add("POST", "/catalogues/import", "catalogues.import", Access::kAuthenticated, [this, catalogue_page](Ctx& c) {
    if (!allowed(*c.who, Action::kManageCatalogues)) return fail(c, Status::forbidden());
    if (!c.req.has_file("file") || c.req.get_file_value("file").content.empty())
      return catalogue_page(c, {{"message", c.t("error.csv_no_file")}, {"rejected", json::array()}}, 422);
    const auto file = c.req.get_file_value("file");
    std::string name = c.req.has_file("catalogue") ? c.req.get_file_value("catalogue").content : "";
    auto r = catalogues_.import(*c.who, name, file.content, format_of(c, file.content_type, file.filename));
    if (!r.is_ok()) return fail(c, r.status());
    json report = report_json(c, r.value());
    for (auto& p : report["rejected"])
      if (p["line"] == 0) p["line"] = c.t("social_map.whole_file");
    report["file_name"] = file.filename;
    catalogue_page(c, report, r->unreadable ? 422 : 200);
  });

  auto measures_page = [this](Ctx& c, const json& errors, int status) {
    auto r = catalogues_.measures(*c.who);
    if (!r.is_ok()) return fail(c, r.status());
    json m = base_model(c);
    m["title"] = c.t("catalogue.measures_title");
    m["version"] = r->version;
    json list = json::array();
    for (const auto& x : r->measures) list.push_back(measure_view(c, x));
    m["measures"] = list;
    m["can_manage"] = allowed(*c.who, Action::kManageCatalogues);
    m["errors"] = errors;
    html(c, status, "measures", m);
  };
  add("GET", "/measures", "measures.show", Access::kAuthenticated,
      [measures_page](Ctx& c) { measures_page(c, json::array(), 200); });
  add("POST", "/measures/import", "measures.import", Access::kAuthenticated, [this, measures_page](Ctx& c) {
    if (!allowed(*c.who, Action::kManageCatalogues)) return fail(c, Status::forbidden());
    if (!c.req.has_file("file") || c.req.get_file_value("file").content.empty())
      return measures_page(c, json::array({c.t("error.csv_no_file")}), 422);
    json doc = json::parse(c.req.get_file_value("file").content, nullptr, false);
    if (doc.is_discarded()) return measures_page(c, json::array({c.t("error.json_invalid")}), 422);
    auto r = catalogues_.replace_measures(*c.who, doc);
    if (r.is_ok()) return redirect(c, "/measures");
    if (r.status().code() != Code::kInvalid) return fail(c, r.status());
    measures_page(c, field_messages(c, r.status().fields()), 422);
  });
}

}  // namespace spiraal
