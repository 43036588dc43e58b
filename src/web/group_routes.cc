// Groepswerking over the JSON API: /api/v1/groups with its members,
// sessions (with attendance) and the queue of themes passed from cases, and
// /api/v1/jobseekers/{id}/group-themes, where a coach passes a theme from a
// dossier. GroupService checks who may do what.
#include "web/app.h"

namespace spiraal {
namespace {

using nlohmann::json;

template <typename T>
json items_json(const std::vector<T>& all) {
  json items = json::array();
  for (const auto& x : all) items.push_back(to_json(x));
  return {{"items", items}};
}

}  // namespace

void App::add_group_routes() {
  add("GET", R"(/api/v1/groups)", "api.groups.list", Access::kAuthenticated, [this](Ctx& c) {
    auto all = groups_.list(*c.who);
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, items_json(all.value()));
  });

  add("POST", R"(/api/v1/groups)", "api.groups.create", Access::kAuthenticated, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto g = groups_.create(*c.who, *body);
    if (!g.is_ok()) return fail(c, g.status());
    send_json(c, 201, to_json(g.value()));
  });

  // The group with its members.
  add("GET", R"(/api/v1/groups/(\d+))", "api.groups.read", Access::kAuthenticated, [this](Ctx& c) {
    auto g = groups_.get(*c.who, c.path_id());
    if (!g.is_ok()) return fail(c, g.status());
    auto members = groups_.members(*c.who, c.path_id());
    if (!members.is_ok()) return fail(c, members.status());
    json out = to_json(g.value());
    out["members"] = items_json(members.value())["items"];
    send_json(c, 200, out);
  });

  add("PUT", R"(/api/v1/groups/(\d+))", "api.groups.update", Access::kAuthenticated, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto g = groups_.update(*c.who, c.path_id(), *body);
    if (!g.is_ok()) return fail(c, g.status());
    send_json(c, 200, to_json(g.value()));
  });

  add("GET", R"(/api/v1/groups/(\d+)/members)", "api.groups.members.list", Access::kAuthenticated, [this](Ctx& c) {
    auto all = groups_.members(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, items_json(all.value()));
  });

  add("POST", R"(/api/v1/groups/(\d+)/members)", "api.groups.members.create", Access::kAuthenticated,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto m = groups_.add_member(*c.who, c.path_id(), *body);
        if (!m.is_ok()) return fail(c, m.status());
        send_json(c, 201, to_json(m.value()));
      });

  add("GET", R"(/api/v1/groups/(\d+)/sessions)", "api.groups.sessions.list", Access::kAuthenticated, [this](Ctx& c) {
    auto all = groups_.sessions(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, items_json(all.value()));
  });

  add("POST", R"(/api/v1/groups/(\d+)/sessions)", "api.groups.sessions.create", Access::kAuthenticated,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto s = groups_.add_session(*c.who, c.path_id(), *body);
        if (!s.is_ok()) return fail(c, s.status());
        send_json(c, 201, to_json(s.value()));
      });

  add("PUT", R"(/api/v1/groups/(\d+)/sessions/(\d+))", "api.groups.sessions.update", Access::kAuthenticated,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto s = groups_.update_session(*c.who, c.path_id(1), c.path_id(2), *body);
        if (!s.is_ok()) return fail(c, s.status());
        send_json(c, 200, to_json(s.value()));
      });

  // The theme queue: themes only, with nothing that leads to a case.
  add("GET", R"(/api/v1/groups/(\d+)/themes)", "api.groups.themes.list", Access::kAuthenticated, [this](Ctx& c) {
    auto all = groups_.themes(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, items_json(all.value()));
  });

  add("PUT", R"(/api/v1/groups/(\d+)/themes/(\d+))", "api.groups.themes.update", Access::kAuthenticated,
      [this](Ctx& c) {
        auto body = json_body(c);
        if (!body) return;
        auto t = groups_.update_theme(*c.who, c.path_id(1), c.path_id(2), *body);
        if (!t.is_ok()) return fail(c, t.status());
        send_json(c, 200, to_json(t.value()));
      });

  add("POST", R"(/api/v1/jobseekers/(\d+)/group-themes)", "api.group_themes.pass", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto t = groups_.pass_theme(*c.who, c.path_id(), *body);
    if (!t.is_ok()) return fail(c, t.status());
    send_json(c, 201, to_json(t.value()));
  });
}

}  // namespace spiraal
