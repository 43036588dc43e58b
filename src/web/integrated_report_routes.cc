// The geïntegreerd werk-welzijnsverslag: API, the editing page and the
// printed final versions, over IntegratedReportService. Before the first
// save the page and the API offer a draft drafted from the dossier.
#include "core/clock.h"
#include "core/competences.h"
#include "web/app.h"
#include "web/dossier_view.h"

namespace spiraal {

using nlohmann::json;

namespace {

ReportLabel labels_for(const Ctx& c) {
  return [&c](const std::string& key) -> std::string {
    if (key.starts_with("competence.")) {
      const KeyCompetence* k = find_key_competence(key.substr(11));
      if (!k) return key.substr(11);
      return c.lang == "en" ? k->en : k->nl;
    }
    return c.t(key);
  };
}

// The saved draft, or a fresh one drafted from the dossier (version 0).
Result<json> current_draft(IntegratedReportService& reports, const Ctx& c, int64_t id) {
  auto saved = reports.draft(*c.who, id);
  if (!saved.is_ok()) return saved.status();
  if (saved.value()) {
    json out = to_json(**saved);
    out["generated"] = false;
    return out;
  }
  auto material = reports.material(*c.who, id);
  if (!material.is_ok()) return material.status();
  return json{{"version", 0},
              {"status", "draft"},
              {"generated", true},
              {"sections", draft_integrated_report(material.value(), labels_for(c), today_utc())}};
}

json finals_json(const std::vector<IntegratedReport>& finals) {
  json out = json::array();
  for (const auto& r : finals) out.push_back({{"id", r.id}, {"finalised_on", r.finalised_on}});
  return out;
}

}  // namespace

void App::add_integrated_report_routes() {
  const std::string api = R"(/api/v1/jobseekers/(\d+)/integrated-report)";
  add("GET", api, "api.integrated_report.read", Access::kDossier, [this](Ctx& c) {
    auto draft = current_draft(reports_, c, c.path_id());
    if (!draft.is_ok()) return fail(c, draft.status());
    auto finals = reports_.finals(*c.who, c.path_id());
    if (!finals.is_ok()) return fail(c, finals.status());
    json out = draft.value();
    out["finals"] = finals_json(finals.value());
    send_json(c, 200, out);
  });
  add("PUT", api, "api.integrated_report.save", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto r = reports_.save(*c.who, c.path_id(), *body);
    if (!r.is_ok()) return fail(c, r.status());
    send_json(c, 200, to_json(r.value()));
  });
  add("POST", api + "/finalise", "api.integrated_report.finalise", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto r = reports_.finalise(*c.who, c.path_id(), *body);
    if (!r.is_ok()) return fail(c, r.status());
    send_json(c, 201, to_json(r.value()));
  });
  add("GET", R"(/api/v1/jobseekers/(\d+)/integrated-reports/(\d+))", "api.integrated_report.final", Access::kDossier,
      [this](Ctx& c) {
        auto r = reports_.final_version(*c.who, c.path_id(), c.path_id(2));
        if (!r.is_ok()) return fail(c, r.status());
        send_json(c, 200, to_json(r.value()));
      });

  auto page = [this](Ctx& c, const json& sections, int64_t version, const json& errors, int status) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto finals = reports_.finals(*c.who, c.path_id());
    if (!finals.is_ok()) return fail(c, finals.status());
    json m = base_model(c);
    m["title"] = c.t("report.title");
    m["jobseeker"] = header_model(c, j.value());
    json rows = json::array();
    for (const auto& name : integrated_report_sections())
      rows.push_back({{"name", name}, {"label", c.t("report.section." + name)}, {"text", sections.value(name, "")}});
    m["sections"] = rows;
    m["version"] = version;
    m["saved"] = version > 0;
    m["finals"] = finals_json(finals.value());
    m["has_finals"] = !finals->empty();
    m["errors"] = errors;
    m["has_errors"] = !errors.empty();
    html(c, status, "integrated_report", m);
  };
  const std::string path = R"(/jobseekers/(\d+)/integrated-report)";
  add("GET", path, "integrated_report.show", Access::kDossier, [this, page](Ctx& c) {
    auto draft = current_draft(reports_, c, c.path_id());
    if (!draft.is_ok()) return fail(c, draft.status());
    page(c, draft->at("sections"), draft->at("version").get<int64_t>(), json::array(), 200);
  });
  add("POST", path, "integrated_report.save", Access::kDossier, [this, page](Ctx& c) {
    json body = form_to_json(c.form);
    auto r = reports_.save(*c.who, c.path_id(), body);
    if (r.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/integrated-report");
    if (r.status().code() != Code::kInvalid) return fail(c, r.status());
    page(c, body.value("sections", json::object()), body.value("version", int64_t(0)),
         field_messages(c, r.status().fields()), 422);
  });
  add("POST", path + "/finalise", "integrated_report.finalise", Access::kDossier, [this, page](Ctx& c) {
    auto r = reports_.finalise(*c.who, c.path_id(), form_to_json(c.form));
    if (r.is_ok())
      return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/integrated-report/" + std::to_string(r->id));
    if (r.status().code() != Code::kInvalid) return fail(c, r.status());
    auto draft = current_draft(reports_, c, c.path_id());
    if (!draft.is_ok()) return fail(c, draft.status());
    page(c, draft->at("sections"), draft->at("version").get<int64_t>(), field_messages(c, r.status().fields()), 422);
  });
  add("GET", R"(/jobseekers/(\d+)/integrated-report/(\d+))", "integrated_report.print", Access::kDossier,
      [this](Ctx& c) {
        auto j = dossiers_.read(*c.who, c.path_id());
        if (!j.is_ok()) return fail(c, j.status());
        auto r = reports_.final_version(*c.who, c.path_id(), c.path_id(2));
        if (!r.is_ok()) return fail(c, r.status());
        json m = base_model(c);
        m["title"] = c.t("report.title");
        m["jobseeker"] = header_model(c, j.value());
        m["finalised_on"] = r->finalised_on;
        json rows = json::array();
        for (const auto& name : integrated_report_sections())
          rows.push_back({{"label", c.t("report.section." + name)}, {"text", r->sections.value(name, "")}});
        m["sections"] = rows;
        html(c, 200, "integrated_report_print", m);
      });
}

}  // namespace spiraal
