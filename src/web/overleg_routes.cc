// The W²-overleg: API and pages over OverlegService. The detail page walks
// the steps (consent, plan, report); the report prints as a PDF marked as
// falling under professional secrecy.
#include "core/clock.h"
#include "core/vocabulary.h"
#include "web/app.h"
#include "web/dossier_view.h"
#include "web/i18n.h"
#include "web/overleg_view.h"

namespace spiraal {
namespace {

using nlohmann::json;

const char* const kSteps[] = {"consent", "withdraw", "plan", "report"};

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// The body of one step as typed in its form.
json step_from_form(const Form& f, const std::string& step, const Overleg& o) {
  json body = {{"version", number_from_form(f.get("version"))}};
  if (step == "consent") {
    body["consent_on"] = f.get("consent_on");
  } else if (step == "plan") {
    body["planned_on"] = f.get("planned_on");
    auto names = f.all("p.name"), roles = f.all("p.role"), orgs = f.all("p.organisation_id");
    json people = json::array();
    for (size_t i = 0; i < names.size(); ++i) {
      if (blank(names[i])) continue;
      json person = {{"name", names[i]}, {"role", i < roles.size() ? roles[i] : ""}};
      if (i < orgs.size() && !orgs[i].empty()) person["organisation_id"] = number_from_form(orgs[i]);
      people.push_back(person);
    }
    body["participants"] = people;
  } else if (step == "report") {
    json attendance = json::array();
    for (size_t i = 0; i < o.participants.size(); ++i) attendance.push_back(f.get("attendance." + std::to_string(i)));
    body["attendance"] = attendance;
    body["participation"] = f.get("participation");
    body["participation_reason"] = f.get("participation_reason");
    body["followup_on"] = f.get("followup_on");
    json themes = json::array();
    for (const auto& code : Vocabulary::get().codes("social_theme")) {
      const std::string base = "theme." + code;
      std::string information = f.get(base + ".information"), agreement = f.get(base + ".agreement");
      if (blank(information) && blank(agreement)) continue;
      json theme = {{"theme", code}, {"information", information}, {"agreements", json::array()}};
      if (!blank(agreement))
        theme["agreements"].push_back({{"text", agreement}, {"owner", f.get(base + ".owner")}, {"due_on", f.get(base + ".due_on")}});
      themes.push_back(theme);
    }
    body["themes"] = themes;
  }
  return body;
}

json list_json(const std::vector<Overleg>& all) {
  json items = json::array();
  for (const auto& o : all) items.push_back(to_json(o));
  return {{"items", items}};
}

}  // namespace

void App::add_overleg_routes() {
  add("GET", R"(/api/v1/jobseekers/(\d+)/overlegs)", "api.overlegs.list", Access::kDossier, [this](Ctx& c) {
    auto all = overlegs_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, list_json(all.value()));
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/overlegs)", "api.overlegs.request", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto o = overlegs_.request(*c.who, c.path_id(), *body);
    if (!o.is_ok()) return fail(c, o.status());
    send_json(c, 201, to_json(o.value()));
  });
  for (const char* step : kSteps) {
    add("POST", std::string(R"(/api/v1/jobseekers/(\d+)/overlegs/(\d+)/)") + step, std::string("api.overlegs.") + step,
        Access::kDossier, [this, step](Ctx& c) {
          auto body = json_body(c);
          if (!body) return;
          auto o = overlegs_.step(*c.who, c.path_id(), c.path_id(2), step, *body);
          if (!o.is_ok()) return fail(c, o.status());
          send_json(c, 200, to_json(o.value()));
        });
  }

  auto list_page = [this](Ctx& c, const json& errors, int status) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto all = overlegs_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json m = base_model(c);
    m["title"] = c.t("overleg.title");
    m["jobseeker"] = header_model(c, j.value());
    json items = json::array();
    for (const auto& o : all.value()) items.push_back(overleg_view(c, o));
    m["overlegs"] = items;
    m["errors"] = errors;
    html(c, status, "overlegs", m);
  };
  add("GET", R"(/jobseekers/(\d+)/overlegs)", "overlegs.show", Access::kDossier,
      [list_page](Ctx& c) { list_page(c, json::array(), 200); });
  add("POST", R"(/jobseekers/(\d+)/overlegs)", "overlegs.request", Access::kDossier, [this, list_page](Ctx& c) {
    auto o = overlegs_.request(*c.who, c.path_id(),
                               {{"requested_by", c.form.get("requested_by")}, {"reason", c.form.get("reason")},
                                {"aim", c.form.get("aim")}});
    if (o.is_ok())
      return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/overlegs/" + std::to_string(o->id));
    if (o.status().code() != Code::kInvalid) return fail(c, o.status());
    json errors = field_messages(c, o.status().fields());
    list_page(c, errors, 422);
  });

  auto detail = [this](Ctx& c, const json& errors, int status, const char* view) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto o = overlegs_.get(*c.who, c.path_id(), c.path_id(2));
    if (!o.is_ok()) return fail(c, o.status());
    json m = base_model(c);
    m["title"] = c.t("overleg.title");
    m["jobseeker"] = header_model(c, j.value());
    m["overleg"] = overleg_view(c, o.value());
    m["today"] = today_utc();
    json themes = json::array();
    for (const auto& code : Vocabulary::get().codes("social_theme"))
      themes.push_back({{"code", code}, {"label", c.t("vocab.social_theme." + code)}});
    m["theme_rows"] = themes;
    json orgs = json::array();
    for (const auto& org : goals_.organisations()) orgs.push_back(org);
    m["organisations"] = orgs;
    m["blank_people"] = json::array({0, 1, 2, 3, 4, 5});
    m["errors"] = errors;
    html(c, status, view, m);
  };
  add("GET", R"(/jobseekers/(\d+)/overlegs/(\d+))", "overlegs.detail", Access::kDossier,
      [detail](Ctx& c) { detail(c, json::array(), 200, "overleg"); });
  add("GET", R"(/jobseekers/(\d+)/overlegs/(\d+)/print)", "overlegs.print", Access::kDossier,
      [detail](Ctx& c) { detail(c, json::array(), 200, "overleg_print"); });
  for (const char* step : kSteps) {
    add("POST", std::string(R"(/jobseekers/(\d+)/overlegs/(\d+)/)") + step, std::string("overlegs.") + step,
        Access::kDossier, [this, step, detail](Ctx& c) {
          auto current = overlegs_.get(*c.who, c.path_id(), c.path_id(2));
          if (!current.is_ok()) return fail(c, current.status());
          auto o = overlegs_.step(*c.who, c.path_id(), c.path_id(2), step, step_from_form(c.form, step, current.value()));
          if (o.is_ok())
            return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/overlegs/" + std::to_string(c.path_id(2)));
          if (o.status().code() != Code::kInvalid) return fail(c, o.status());
          json errors = field_messages(c, o.status().fields());
          detail(c, errors, 422, "overleg");
        });
  }
}

}  // namespace spiraal
