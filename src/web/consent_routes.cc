// The consent register (recorded with the jobseeker, withdrawn at any time),
// the partner's view of what a consent shares, and a coordinator's "break
// the glass" access: API and pages over ConsentService.
#include <algorithm>

#include "core/clock.h"
#include "core/jobseeker.h"
#include "web/app.h"
#include "web/dossier_view.h"
#include "web/i18n.h"
#include "web/overleg_view.h"
#include "web/work_models.h"

namespace spiraal {
namespace {

using nlohmann::json;

bool shares(const ConsentService::Shared& s, const char* scope) {
  return std::find(s.sections.begin(), s.sections.end(), scope) != s.sections.end();
}

json shared_json(const ConsentService::Shared& s, const std::vector<Overleg>& reports,
                 const std::vector<GoalAction>& actions) {
  json sections = json::object();
  for (const auto& name : s.sections)
    if (name != "overleg_reports") sections[name] = section_to_json(s.jobseeker, name);
  json overlegs = json::array();
  for (const auto& o : reports) overlegs.push_back(to_json(o));
  json own = json::array();
  for (const auto& a : actions) own.push_back(to_json(a));
  return {{"jobseeker", {{"id", s.jobseeker.id}, {"first_name", s.jobseeker.first_name}, {"last_name", s.jobseeker.last_name}}},
          {"sections", sections},
          {"overleg_reports", overlegs},
          {"own_actions", own},
          {"purposes", s.purposes}};
}

json list_json(const std::vector<Consent>& all) {
  json items = json::array();
  for (const auto& k : all) items.push_back(to_json(k));
  return {{"items", items}};
}

// The consent form's body: scope from the ticked sections.
json consent_from_form(const Form& f) {
  json body = {{"recipient_id", number_from_form(f.get("recipient_id"))},
               {"purpose", f.get("purpose")},
               {"scope", f.all("scope")}};
  if (!f.get("given_on").empty()) body["given_on"] = f.get("given_on");
  return body;
}

}  // namespace

void App::add_consent_routes() {
  // The actions the caller's service owns in this dossier, when a consent in
  // force shares them; empty otherwise.
  auto own_actions = [this](const Ctx& c, const ConsentService::Shared& s) {
    std::vector<GoalAction> none;
    if (!shares(s, "own_actions")) return none;
    auto organisation = goals_.organisation_of(c.who->user_id);
    return organisation ? goals_.actions_of(s.jobseeker.id, *organisation) : none;
  };
  // A partner updates one of those actions: {version, status}.
  auto update_own_action = [this](Ctx& c, const nlohmann::json& body) -> Result<GoalAction> {
    auto s = consents_.shared(*c.who, c.path_id());
    if (!s.is_ok()) return s.status();
    auto organisation = goals_.organisation_of(c.who->user_id);
    if (!shares(s.value(), "own_actions") || !organisation) return Status::not_found();
    return goals_.update_action_of(*c.who, c.path_id(), c.path_id(2), *organisation, body);
  };
  add("PUT", R"(/api/v1/jobseekers/(\d+)/shared/actions/(\d+))", "api.shared.actions.update", Access::kDossier,
      [this, update_own_action](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto a = update_own_action(c, *body);
        if (!a.is_ok()) return fail(c, a.status());
        send_json(c, 200, to_json(a.value()));
      });
  add("POST", R"(/jobseekers/(\d+)/shared/actions/(\d+))", "shared.actions.update", Access::kDossier,
      [this, update_own_action](Ctx& c) {
        auto a = update_own_action(c, {{"version", number_from_form(c.form.get("version"))}, {"status", c.form.get("status")}});
        if (!a.is_ok()) return fail(c, a.status());
        redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/shared");
      });

  add("GET", R"(/api/v1/jobseekers/(\d+)/consents)", "api.consents.list", Access::kDossier, [this](Ctx& c) {
    auto all = consents_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, list_json(all.value()));
  });

  add("POST", R"(/api/v1/jobseekers/(\d+)/consents)", "api.consents.create", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto k = consents_.record(*c.who, c.path_id(), *body);
    if (!k.is_ok()) return fail(c, k.status());
    send_json(c, 201, to_json(k.value()));
  });

  add("POST", R"(/api/v1/jobseekers/(\d+)/consents/(\d+)/withdraw)", "api.consents.withdraw", Access::kDossier,
      [this](Ctx& c) {
        auto k = consents_.withdraw(*c.who, c.path_id(), c.path_id(2));
        if (!k.is_ok()) return fail(c, k.status());
        send_json(c, 200, to_json(k.value()));
      });

  add("GET", R"(/api/v1/shared)", "api.shared.list", Access::kAuthenticated, [this](Ctx& c) {
    auto all = consents_.shared_with(*c.who);
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, {{"items", all.value()}});
  });

  add("GET", R"(/api/v1/jobseekers/(\d+)/shared)", "api.shared.read", Access::kDossier, [this, own_actions](Ctx& c) {
    auto s = consents_.shared(*c.who, c.path_id());
    if (!s.is_ok()) return fail(c, s.status());
    std::vector<Overleg> reports;
    if (shares(s.value(), "overleg_reports")) reports = overlegs_.shareable_reports(c.path_id());
    send_json(c, 200, shared_json(s.value(), reports, own_actions(c, s.value())));
  });

  add("POST", R"(/api/v1/jobseekers/(\d+)/break-glass)", "api.break_glass", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto until = consents_.break_glass(*c.who, c.path_id(), *body);
    if (!until.is_ok()) return fail(c, until.status());
    send_json(c, 201, {{"expires_at", until.value()}});
  });

  // The register and the form; after a refused form, what was typed (`draft`).
  auto page = [this](Ctx& c, const json& errors, int status, const json& draft) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto all = consents_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json m = base_model(c);
    m["title"] = c.t("consent.title");
    m["jobseeker"] = header_model(c, j.value());
    m["today"] = today_utc();
    json rows = json::array();
    const std::string today = today_utc();
    for (const auto& k : all.value()) {
      std::string scope;
      for (const auto& s : k.scope) scope += (scope.empty() ? "" : ", ") + c.t("section." + s);
      rows.push_back({{"id", k.id}, {"recipient", k.recipient_name}, {"purpose", k.purpose}, {"scope", scope},
                      {"given_on", k.given_on}, {"withdrawn_on", k.withdrawn_on}, {"in_force", in_force(k, today)}});
    }
    m["consents"] = rows;
    // The backpack: what the worker lets an employer see is a sharing too;
    // it is kept and withdrawn on the work starts page.
    auto backpack = work_.list(*c.who, c.path_id(), find_work_record_kind("disclosure"));
    if (!backpack.is_ok()) return fail(c, backpack.status());
    json disclosures = json::array();
    for (const auto& r : backpack.value()) disclosures.push_back(disclosure_model(c, r));
    m["disclosures"] = disclosures;
    json partners = json::array();
    for (auto p : consents_.partners()) {
      p["selected"] = draft.value("recipient_id", json()) == p["id"];
      partners.push_back(p);
    }
    m["partners"] = partners;
    json sections = json::array();
    const json chosen = draft.value("scope", json::array());
    for (const auto& s : consent_scopes())
      sections.push_back({{"code", s}, {"label", c.t("section." + s)},
                          {"checked", std::find(chosen.begin(), chosen.end(), json(s)) != chosen.end()}});
    m["sections"] = sections;
    m["purpose"] = draft.value("purpose", "");
    if (draft.contains("given_on")) m["today"] = draft["given_on"];
    m["errors"] = errors;
    html(c, status, "consents", m);
  };

  add("GET", R"(/jobseekers/(\d+)/consents)", "consents.show", Access::kDossier,
      [page](Ctx& c) { page(c, json::array(), 200, json::object()); });

  add("POST", R"(/jobseekers/(\d+)/consents)", "consents.create", Access::kDossier, [this, page](Ctx& c) {
    json body = consent_from_form(c.form);
    auto k = consents_.record(*c.who, c.path_id(), body);
    if (k.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/consents");
    if (k.status().code() != Code::kInvalid) return fail(c, k.status());
    json errors = field_messages(c, k.status().fields());
    page(c, errors, 422, body);
  });

  add("POST", R"(/jobseekers/(\d+)/consents/(\d+)/withdraw)", "consents.withdraw", Access::kDossier, [this](Ctx& c) {
    auto k = consents_.withdraw(*c.who, c.path_id(), c.path_id(2));
    if (!k.is_ok()) return fail(c, k.status());
    redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/consents");
  });

  add("GET", R"(/shared)", "shared.list", Access::kAuthenticated, [this](Ctx& c) {
    auto all = consents_.shared_with(*c.who);
    if (!all.is_ok()) return fail(c, all.status());
    json m = base_model(c);
    m["title"] = c.t("shared.title");
    json items = json::array();
    for (const auto& i : all.value()) items.push_back(i);
    m["items"] = items;
    html(c, 200, "shared_list", m);
  });

  add("GET", R"(/jobseekers/(\d+)/shared)", "shared.show", Access::kDossier, [this, own_actions](Ctx& c) {
    auto s = consents_.shared(*c.who, c.path_id());
    if (!s.is_ok()) return fail(c, s.status());
    json m = base_model(c);
    m["title"] = s->jobseeker.first_name + " " + s->jobseeker.last_name;
    m["jobseeker"] = {{"id", s->jobseeker.id}, {"full_name", m["title"]}};
    json purposes = json::array();
    for (const auto& p : s->purposes) purposes.push_back(p);
    m["purposes"] = purposes;
    add_sections(m, c, s->jobseeker, s->sections);
    m["can_edit"] = false;
    json reports = json::array();
    if (shares(s.value(), "overleg_reports"))
      for (const auto& o : overlegs_.shareable_reports(c.path_id())) reports.push_back(overleg_view(c, o));
    m["overleg_reports"] = reports;
    json actions = json::array();
    for (const auto& a : own_actions(c, s.value())) {
      json v = to_json(a);
      for (const char* st : {"todo", "doing", "done", "dropped"}) v[std::string("is_") + st] = a.status == st;
      actions.push_back(v);
    }
    m["own_actions"] = actions;
    html(c, 200, "shared", m);
  });

  add("GET", R"(/jobseekers/(\d+)/break-glass)", "break_glass.form", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kBreakGlass)) return fail(c, Status::forbidden());
    json m = base_model(c);
    m["title"] = c.t("break_glass.title");
    m["id"] = c.path_id();
    m["hours"] = kBreakGlassHours;
    m["errors"] = json::array();
    html(c, 200, "break_glass", m);
  });

  add("POST", R"(/jobseekers/(\d+)/break-glass)", "break_glass.open", Access::kAuthenticated, [this](Ctx& c) {
    auto until = consents_.break_glass(*c.who, c.path_id(), {{"reason", c.form.get("reason")}});
    if (until.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()));
    if (until.status().code() != Code::kInvalid) return fail(c, until.status());
    json m = base_model(c);
    m["title"] = c.t("break_glass.title");
    m["id"] = c.path_id();
    m["hours"] = kBreakGlassHours;
    m["reason"] = c.form.get("reason");
    m["errors"] = field_messages(c, until.status().fields());
    html(c, 422, "break_glass", m);
  });
}

}  // namespace spiraal
