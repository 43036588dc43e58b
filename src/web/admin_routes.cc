// User management for the admin role: list accounts and add one; place each
// team in its region and organisation (the monitoring's breakdowns and
// filters). Admins manage accounts but never see dossier content.
#include "core/account.h"
#include "core/secrets.h"
#include "core/text.h"
#include "core/vocabulary.h"
#include "web/app.h"
#include "web/i18n.h"

namespace spiraal {
namespace {

nlohmann::json users_model(const Ctx& c, const App& app, Store& store) {
  nlohmann::json m = app.base_model(c);
  m["title"] = c.t("admin.title");
  m["users"] = nlohmann::json::array();
  for (const auto& u : store.list_users())
    m["users"].push_back({{"username", u.username},
                          {"display_name", u.display_name},
                          {"role", c.t("vocab.role." + std::string(to_string(u.role)))},
                          {"team", u.team_name},
                          {"active", u.active}});
  m["roles"] = nlohmann::json::array();
  for (const auto& r : Vocabulary::get().codes("role"))
    m["roles"].push_back({{"code", r}, {"label", c.t("vocab.role." + r)}});
  return m;
}

// The teams page; after a refused form, the typed values stay in their row.
nlohmann::json teams_model(const Ctx& c, const App& app, Store& store, const nlohmann::json& draft = {}) {
  nlohmann::json m = app.base_model(c);
  m["title"] = c.t("admin.teams_title");
  m["teams"] = nlohmann::json::array();
  for (const auto& t : store.list_teams()) {
    const bool typed = draft.is_object() && draft.value("team", "") == t.name;
    m["teams"].push_back({{"id", t.id},
                          {"name", t.name},
                          {"region", typed ? draft.value("region", "") : t.region},
                          {"organisation", typed ? draft.value("organisation", "") : t.organisation},
                          {"members", t.members}});
  }
  return m;
}

}  // namespace

void App::add_admin_routes() {
  add("GET", "/admin/users", "admin.users", Access::kManageUsers,
      [this](Ctx& c) { html(c, 200, "users", users_model(c, *this, store_)); });

  add("POST", "/admin/users", "admin.users.create", Access::kManageUsers, [this](Ctx& c) {
    std::string username = c.form.get("username"), display = c.form.get("display_name"), role = c.form.get("role"),
                team = c.form.get("team"), password = c.form.get("password");
    FieldErrors errors = validate_account(username, display, role, password);
    if (errors.empty()) {
      auto hash = hash_password(password);
      if (!hash) return fail(c, Status::internal("password hashing failed"));
      auto u =
          store_.create_user({username, display.empty() ? username : display, *role_from_string(role), team, *hash});
      if (u.is_ok()) return redirect(c, "/admin/users");
      if (u.status().code() != Code::kInvalid) return fail(c, u.status());
      errors = u.status().fields();
    }
    auto m = users_model(c, *this, store_);
    m["errors"] = field_messages(c, errors);
    m["form"] = {{"username", username}, {"display_name", display}, {"team", team}};
    html(c, 422, "users", m);
  });

  add("GET", "/admin/teams", "admin.teams", Access::kManageUsers, [this](Ctx& c) {
    auto m = teams_model(c, *this, store_);
    if (c.req.get_param_value("saved") == "1") m["flash"] = c.t("admin.team_saved");
    html(c, 200, "teams", m);
  });

  add("POST", "/admin/teams", "admin.teams.place", Access::kManageUsers, [this](Ctx& c) {
    const std::string team = c.form.get("team"), region = trim(c.form.get("region")),
                      organisation = trim(c.form.get("organisation"));
    Status s = store_.set_team_place(team, region, organisation);
    if (s.is_ok()) return redirect(c, "/admin/teams?saved=1");
    if (s.code() != Code::kInvalid) return fail(c, s);
    auto m = teams_model(c, *this, store_, {{"team", team}, {"region", region}, {"organisation", organisation}});
    m["errors"] = field_messages(c, s.fields());
    html(c, 422, "teams", m);
  });
}

}  // namespace spiraal
