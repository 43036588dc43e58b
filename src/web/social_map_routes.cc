// The sociale kaart: API and pages over SocialMapService. Everyone who refers
// or is referred to consults it; coordinators and admins keep it up to date,
// one organisation at a time or by importing a CSV file, which answers with
// a report per refused line.
#include <algorithm>

#include "core/text.h"
#include "core/vocabulary.h"
#include "web/app.h"
#include "web/i18n.h"

namespace spiraal {
namespace {

using nlohmann::json;

json import_json(const Ctx& c, const SocialMapImport& r) {
  json rejected = json::array();
  for (const auto& p : r.rejected)
    rejected.push_back({{"line", p.line}, {"field", p.field}, {"rule", p.rule}, {"message", csv_problem_text(c, p)}});
  return {{"imported", r.imported}, {"rejected", rejected}};
}

// The form's body: the same JSON the API takes; themes from the ticked boxes.
json organisation_from_form(const Form& f) {
  json body = json::object();
  for (const char* key : {"name", "address", "phone", "email", "website", "opening_hours", "target_group"})
    body[key] = f.get(key);
  body["themes"] = f.all("themes");
  if (f.has("version")) body["version"] = number_from_form(f.get("version"));
  return body;
}

json theme_labels(const Ctx& c, const std::vector<std::string>& codes) {
  json out = json::array();
  for (const auto& code : codes) out.push_back(c.t("vocab.social_theme." + code));
  return out;
}

// The theme check boxes, ticked as in `chosen` (codes).
json theme_boxes(const Ctx& c, const json& chosen) {
  json out = json::array();
  for (const auto& code : Vocabulary::get().codes("social_theme"))
    out.push_back({{"code", code},
                   {"label", c.t("vocab.social_theme." + code)},
                   {"checked", chosen.is_array() && std::find(chosen.begin(), chosen.end(), json(code)) != chosen.end()}});
  return out;
}

// The text fields of an organisation form, from a draft (what was typed) or
// the stored organisation.
json form_model(const Ctx& c, const json& values) {
  json m = json::object();
  for (const char* key : {"name", "address", "phone", "email", "website", "opening_hours", "target_group"})
    m[key] = values.value(key, "");
  m["themes"] = theme_boxes(c, values.value("themes", json::array()));
  return m;
}

}  // namespace

void App::add_social_map_routes() {
  // --- API
  add("GET", R"(/api/v1/organisations)", "api.organisations.list", Access::kAuthenticated, [this](Ctx& c) {
    OrganisationQuery q{c.req.get_param_value("q"), c.req.get_param_value("theme")};
    auto all = social_map_.list(*c.who, q);
    if (!all.is_ok()) return fail(c, all.status());
    json items = json::array();
    for (const auto& o : all.value()) items.push_back(to_json(o));
    send_json(c, 200, {{"items", items}});
  });

  add("POST", R"(/api/v1/organisations)", "api.organisations.create", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kManageSocialMap)) return fail(c, Status::forbidden());
    auto body = json_body(c);
    if (!body) return;
    auto o = social_map_.create(*c.who, *body);
    if (!o.is_ok()) return fail(c, o.status());
    send_json(c, 201, to_json(o.value()));
  });

  // Before the (\d+) routes only for readability: the patterns do not overlap.
  add("POST", R"(/api/v1/organisations/import)", "api.organisations.import", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kManageSocialMap)) return fail(c, Status::forbidden());
    std::string type = c.req.get_header_value("Content-Type");
    if (!type.starts_with("text/csv") && !type.starts_with("text/plain"))
      return send_json(c, 415, {{"error", "content_type"}, {"message", c.t("error.csv_content_type")}});
    auto r = social_map_.import_csv(*c.who, c.req.body);
    if (!r.is_ok()) return fail(c, r.status());
    json body = import_json(c, r.value());
    if (r->unreadable) {
      body["error"] = "csv_unreadable";
      body["message"] = c.t("error.csv_unreadable");
      return send_json(c, 422, body);
    }
    send_json(c, 200, body);
  });

  add("GET", R"(/api/v1/organisations/(\d+))", "api.organisations.read", Access::kAuthenticated, [this](Ctx& c) {
    auto o = social_map_.get(*c.who, c.path_id());
    if (!o.is_ok()) return fail(c, o.status());
    send_json(c, 200, to_json(o.value()));
  });

  add("PUT", R"(/api/v1/organisations/(\d+))", "api.organisations.update", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kManageSocialMap)) return fail(c, Status::forbidden());
    auto body = json_body(c);
    if (!body) return;
    auto o = social_map_.update(*c.who, c.path_id(), *body);
    if (!o.is_ok()) return fail(c, o.status());
    send_json(c, 200, to_json(o.value()));
  });

  add("POST", R"(/api/v1/organisations/(\d+)/contacts)", "api.organisations.contacts.create", Access::kAuthenticated,
      [this](Ctx& c) {
        if (!allowed(*c.who, Action::kManageSocialMap)) return fail(c, Status::forbidden());
        auto body = json_body(c);
        if (!body) return;
        auto k = social_map_.add_contact(*c.who, c.path_id(), *body);
        if (!k.is_ok()) return fail(c, k.status());
        send_json(c, 201, to_json(k.value()));
      });

  // --- Pages
  // The list, the search and, for those who maintain the map, the forms to
  // add an organisation and to import a file.
  auto list_page = [this](Ctx& c, const json& errors, int status, const json& draft) {
    OrganisationQuery q{trim(c.req.get_param_value("q")), c.req.get_param_value("theme")};
    if (!Vocabulary::get().allows("social_theme", q.theme)) q.theme.clear();
    auto all = social_map_.list(*c.who, q);
    if (!all.is_ok()) return fail(c, all.status());
    json m = base_model(c);
    m["title"] = c.t("social_map.title");
    m["q"] = q.search;
    json themes = json::array();
    for (const auto& code : Vocabulary::get().codes("social_theme"))
      themes.push_back({{"code", code}, {"label", c.t("vocab.social_theme." + code)}, {"selected", code == q.theme}});
    m["theme_options"] = themes;
    json rows = json::array();
    for (const auto& o : all.value())
      rows.push_back({{"id", o.id}, {"name", o.name}, {"address", o.address}, {"phone", o.phone},
                      {"themes", theme_labels(c, o.themes)}});
    m["organisations"] = rows;
    m["searched"] = !q.search.empty() || !q.theme.empty();
    m["can_manage"] = allowed(*c.who, Action::kManageSocialMap);
    m["draft"] = form_model(c, draft);
    m["errors"] = errors;
    html(c, status, "social_map", m);
  };

  add("GET", R"(/social-map)", "social_map.list", Access::kAuthenticated,
      [list_page](Ctx& c) { list_page(c, json::array(), 200, json::object()); });

  add("POST", R"(/social-map)", "social_map.create", Access::kAuthenticated, [this, list_page](Ctx& c) {
    json body = organisation_from_form(c.form);
    auto o = social_map_.create(*c.who, body);
    if (o.is_ok()) return redirect(c, "/social-map/" + std::to_string(o->id));
    if (o.status().code() != Code::kInvalid) return fail(c, o.status());
    list_page(c, field_messages(c, o.status().fields()), 422, body);
  });

  add("POST", R"(/social-map/import)", "social_map.import", Access::kAuthenticated, [this](Ctx& c) {
    if (!allowed(*c.who, Action::kManageSocialMap)) return fail(c, Status::forbidden());
    json m = base_model(c);
    m["title"] = c.t("social_map.import_title");
    if (!c.req.has_file("file") || c.req.get_file_value("file").content.empty()) {
      m["errors"] = json::array({c.t("error.csv_no_file")});
      return html(c, 422, "social_map_import", m);
    }
    const auto file = c.req.get_file_value("file");
    auto r = social_map_.import_csv(*c.who, file.content);
    if (!r.is_ok()) return fail(c, r.status());
    m["file_name"] = file.filename;
    m["imported"] = r->imported;
    m["unreadable"] = r->unreadable;
    json rows = json::array();
    for (const auto& p : r->rejected)
      rows.push_back({{"line", p.line == 0 ? c.t("social_map.whole_file") : std::to_string(p.line)},
                      {"message", csv_problem_text(c, p)}});
    m["rejected"] = rows;
    m["errors"] = json::array();
    html(c, r->unreadable ? 422 : 200, "social_map_import", m);
  });

  // One organisation, its contacts and, for those who maintain the map, the
  // edit form (kept as typed after a refusal) and the form for a contact.
  auto show_page = [this](Ctx& c, const json& errors, int status, const json& draft, const json& contact_draft) {
    auto o = social_map_.get(*c.who, c.path_id());
    if (!o.is_ok()) return fail(c, o.status());
    json m = base_model(c);
    m["title"] = o->name;
    json org = to_json(o.value());
    org["theme_labels"] = theme_labels(c, o->themes);
    m["organisation"] = org;
    m["can_manage"] = allowed(*c.who, Action::kManageSocialMap);
    m["draft"] = form_model(c, draft.empty() ? org : draft);
    m["draft"]["version"] = draft.empty() ? json(o->version) : draft.value("version", json(o->version));
    m["contact"] = contact_draft;
    m["errors"] = errors;
    html(c, status, "organisation", m);
  };

  add("GET", R"(/social-map/(\d+))", "social_map.show", Access::kAuthenticated,
      [show_page](Ctx& c) { show_page(c, json::array(), 200, json::object(), json::object()); });

  add("POST", R"(/social-map/(\d+))", "social_map.save", Access::kAuthenticated, [this, show_page](Ctx& c) {
    json body = organisation_from_form(c.form);
    auto o = social_map_.update(*c.who, c.path_id(), body);
    if (o.is_ok()) return redirect(c, "/social-map/" + std::to_string(c.path_id()));
    if (o.status().code() == Code::kConflict) {
      json errors = json::array({c.t("error.organisation_changed")});
      return show_page(c, errors, 409, json::object(), json::object());
    }
    if (o.status().code() != Code::kInvalid) return fail(c, o.status());
    show_page(c, field_messages(c, o.status().fields()), 422, body, json::object());
  });

  add("POST", R"(/social-map/(\d+)/contacts)", "social_map.contacts.create", Access::kAuthenticated,
      [this, show_page](Ctx& c) {
        json body = {{"name", c.form.get("name")}, {"role", c.form.get("role")}, {"phone", c.form.get("phone")},
                     {"email", c.form.get("email")}};
        auto k = social_map_.add_contact(*c.who, c.path_id(), body);
        if (k.is_ok()) return redirect(c, "/social-map/" + std::to_string(c.path_id()));
        if (k.status().code() != Code::kInvalid) return fail(c, k.status());
        show_page(c, field_messages(c, k.status().fields()), 422, json::object(), body);
      });
}

}  // namespace spiraal
