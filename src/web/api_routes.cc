// The JSON API under /api/v1 (described in docs/openapi.yaml; a test checks
// that this table and the spec agree).
#include "core/account.h"
#include "core/secrets.h"
#include "web/app.h"
#include "web/i18n.h"
#include "web/paging.h"

namespace spiraal {
namespace {

nlohmann::json user_json(const User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", to_string(u.role)},
          {"team", u.team_name},
          {"active", u.active}};
}

nlohmann::json dossier_json(const Jobseeker& j, const std::vector<User>& coaches, const ContactSummary& s) {
  nlohmann::json out = to_json(j);
  out["coaches"] = nlohmann::json::array();
  for (const auto& c : coaches) out["coaches"].push_back({{"id", c.id}, {"display_name", c.display_name}});
  out["contact_summary"] = {{"held", s.held},
                            {"missed", s.missed},
                            {"rescheduled", s.rescheduled},
                            {"current_missed_streak", s.current_missed_streak},
                            {"longest_missed_streak", s.longest_missed_streak},
                            {"last_held_date", s.last_held_date}};
  return out;
}

// The keys a section's PUT body may hold (besides "version").
std::vector<std::string> section_keys(const std::string& section) {
  if (section != "objective") return {section};
  std::vector<std::string> keys;
  for (const auto& f : objective_fields()) keys.push_back(f.name);
  keys.push_back("kansengroep");
  return keys;
}

bool is_section(const std::string& s) {
  const auto& all = dossier_sections();
  return std::find(all.begin(), all.end(), s) != all.end();
}

}  // namespace

void App::add_api_routes() {
  add("GET", "/api/v1/me", "api.me", Access::kAuthenticated, [this](Ctx& c) {
    auto u = store_.user_by_id(c.who->user_id);
    send_json(c, 200, user_json(*u));
  });

  add("GET", "/api/v1/jobseekers", "api.jobseekers.list", Access::kCaseload, [this](Ctx& c) {
    auto q = caseload_query(c.req.params);
    if (!q.is_ok()) return fail(c, q.status());
    auto page = dossiers_.caseload(*c.who, q.value());
    if (!page.is_ok()) return fail(c, page.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : page->items)
      items.push_back({{"id", r.id},
                       {"first_name", r.first_name},
                       {"last_name", r.last_name},
                       {"birth_date", r.birth_date},
                       {"last_contact_date", r.last_contact_date},
                       {"updated_at", r.updated_at},
                       {"state", r.state},
                       {"signals", signals_json(r.signals)}});
    send_json(c, 200, {{"items", items}, {"total", page->total}, {"limit", page->limit}, {"offset", page->offset}});
  });

  add("POST", "/api/v1/jobseekers", "api.jobseekers.create", Access::kCreate, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto j = dossiers_.create(*c.who, *body);
    if (!j.is_ok()) return fail(c, j.status());
    c.res.set_header("Location", "/api/v1/jobseekers/" + std::to_string(j->id));
    send_json(c, 201, to_json(j.value()));
  });

  add("GET", R"(/api/v1/jobseekers/(\d+))", "api.jobseekers.read", Access::kDossier, [this](Ctx& c) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    send_json(c, 200, dossier_json(j.value(), store_.coaches_of(j->id), store_.contact_summary(j->id)));
  });

  add("PATCH", R"(/api/v1/jobseekers/(\d+))", "api.jobseekers.update", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto j = dossiers_.update(*c.who, c.path_id(), *body);
    if (!j.is_ok()) return fail(c, j.status());
    send_json(c, 200, to_json(j.value()));
  });

  add("GET", R"(/api/v1/jobseekers/(\d+)/versions)", "api.jobseekers.versions", Access::kDossier, [this](Ctx& c) {
    auto versions = dossiers_.history(*c.who, c.path_id());
    if (!versions.is_ok()) return fail(c, versions.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : versions.value())
      items.push_back({{"version", v.version}, {"changed_at", v.changed_at}, {"changed_by", v.changed_by},
                       {"data", v.data}});
    send_json(c, 200, {{"items", items}});
  });

  add("GET", R"(/api/v1/jobseekers/(\d+)/sections)", "api.sections.list", Access::kDossier, [this](Ctx& c) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : dossier_sections())
      items.push_back({{"section", s}, {"title", c.t("section." + s)}, {"content", section_to_json(j.value(), s)}});
    send_json(c, 200, {{"version", j->version}, {"items", items}});
  });

  add("GET", R"(/api/v1/jobseekers/(\d+)/sections/([a-z_]+))", "api.sections.read", Access::kDossier,
      [this](Ctx& c) {
        std::string section = c.req.matches[2];
        if (!is_section(section)) return fail(c, Status::not_found());
        auto j = dossiers_.read(*c.who, c.path_id());
        if (!j.is_ok()) return fail(c, j.status());
        send_json(c, 200, {{"section", section}, {"version", j->version}, {"content", section_to_json(j.value(), section)}});
      });

  add("PUT", R"(/api/v1/jobseekers/(\d+)/sections/([a-z_]+))", "api.sections.update", Access::kDossier,
      [this](Ctx& c) {
        std::string section = c.req.matches[2];
        if (!is_section(section)) return fail(c, Status::not_found());
        auto body = json_body(c);
        if (!body) return;
        auto keys = section_keys(section);
        FieldErrors outside;
        for (const auto& [key, value] : body->items())
          if (key != "version" && std::find(keys.begin(), keys.end(), key) == keys.end())
            outside.push_back({key, "unknown_field"});
        if (!outside.empty()) return fail(c, Status::invalid(outside));
        auto j = dossiers_.update(*c.who, c.path_id(), *body);
        if (!j.is_ok()) return fail(c, j.status());
        send_json(c, 200, {{"section", section}, {"version", j->version}, {"content", section_to_json(j.value(), section)}});
      });

  add("GET", R"(/api/v1/jobseekers/(\d+)/contacts)", "api.contacts.list", Access::kDossier, [this](Ctx& c) {
    auto paging = parse_paging(c.req.params);
    if (!paging.is_ok()) return fail(c, paging.status());
    auto page = dossiers_.contacts(*c.who, c.path_id(), paging->limit, paging->offset);
    if (!page.is_ok()) return fail(c, page.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& ct : page->items) items.push_back(to_json(ct));
    send_json(c, 200, {{"items", items}, {"total", page->total}, {"limit", page->limit}, {"offset", page->offset}});
  });

  add("POST", R"(/api/v1/jobseekers/(\d+)/contacts)", "api.contacts.create", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto ct = dossiers_.add_contact(*c.who, c.path_id(), *body);
    if (!ct.is_ok()) return fail(c, ct.status());
    send_json(c, 201, to_json(ct.value()));
  });

  add("GET", R"(/api/v1/jobseekers/(\d+)/contacts/(\d+))", "api.contacts.read", Access::kDossier, [this](Ctx& c) {
    auto ct = dossiers_.contact(*c.who, c.path_id(), c.path_id(2));
    if (!ct.is_ok()) return fail(c, ct.status());
    send_json(c, 200, to_json(ct.value()));
  });

  add("PATCH", R"(/api/v1/jobseekers/(\d+)/contacts/(\d+))", "api.contacts.update", Access::kDossier,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto ct = dossiers_.update_contact(*c.who, c.path_id(), c.path_id(2), *body);
        if (!ct.is_ok()) return fail(c, ct.status());
        send_json(c, 200, to_json(ct.value()));
      });

  add("GET", R"(/api/v1/jobseekers/(\d+)/audit)", "api.jobseekers.audit", Access::kDossier, [this](Ctx& c) {
    auto log = dossiers_.access_log(*c.who, c.path_id());
    if (!log.is_ok()) return fail(c, log.status());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : log.value())
      items.push_back({{"at", r.at}, {"username", r.entry.username}, {"action", r.entry.action},
                       {"detail", r.entry.detail}});
    send_json(c, 200, {{"items", items}});
  });

  add("GET", "/api/v1/users", "api.users.list", Access::kManageUsers, [this](Ctx& c) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& u : store_.list_users()) items.push_back(user_json(u));
    send_json(c, 200, {{"items", items}});
  });

  add("POST", "/api/v1/users", "api.users.create", Access::kManageUsers, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    FieldErrors errors;
    auto text = [&](const char* key) -> std::string {
      if (!body->contains(key)) return {};
      if (!(*body)[key].is_string()) {
        errors.push_back({key, "type_text"});
        return {};
      }
      return (*body)[key].get<std::string>();
    };
    for (const auto& [key, value] : body->items())
      if (key != "username" && key != "display_name" && key != "role" && key != "team" && key != "password")
        errors.push_back({key, "unknown_field"});
    std::string username = text("username"), display = text("display_name"), role = text("role"),
                team = text("team"), password = text("password");
    auto more = validate_account(username, display, role, password);
    errors.insert(errors.end(), more.begin(), more.end());
    if (!errors.empty()) return fail(c, Status::invalid(errors));
    auto hash = hash_password(password);
    if (!hash) return fail(c, Status::internal("password hashing failed"));
    auto u = store_.create_user({username, display.empty() ? username : display, *role_from_string(role), team, *hash});
    if (!u.is_ok()) return fail(c, u.status());
    send_json(c, 201, user_json(u.value()));
  });
}

}  // namespace spiraal
