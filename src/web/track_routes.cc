// Parallel tracks and the MDO: API and pages over TrackService and
// MdoService. The tracks page lists the tracks of a trajectory with their
// responsible worker and rhythm, and the MDO: its consent, its interval,
// the next date (flagged when overdue) and the meetings; the MDO page takes
// the report with an alignment decision per track.
#include "core/clock.h"
#include "web/app.h"
#include "web/dossier_view.h"

namespace spiraal {
namespace {

using nlohmann::json;

const char* const kPlanSteps[] = {"consent", "withdraw", "interval"};

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// A track as the page shows it, with labels in the caller's language.
json track_view(const Ctx& c, const Track& t, const std::string& worker) {
  json v = to_json(t);
  v["kind_label"] = c.t("tracks.kind." + t.kind);
  v["status_label"] = c.t("tracks.status." + t.status);
  v["worker"] = worker;
  v["active"] = t.status == "active";
  return v;
}

// The report form: one row per active track (track_id, text, owner, due_on);
// rows without a decision are left out.
json report_from_form(const Form& f) {
  json body = {{"version", number_from_form(f.get("version"))}, {"held_on", f.get("held_on")}, {"note", f.get("note")}};
  auto ids = f.all("d.track_id"), texts = f.all("d.text"), owners = f.all("d.owner"), dues = f.all("d.due_on");
  json decisions = json::array();
  for (size_t i = 0; i < texts.size(); ++i) {
    if (blank(texts[i])) continue;
    decisions.push_back({{"track_id", number_from_form(i < ids.size() ? ids[i] : "")},
                         {"text", texts[i]},
                         {"owner", i < owners.size() ? owners[i] : ""},
                         {"due_on", i < dues.size() ? dues[i] : ""}});
  }
  body["decisions"] = decisions;
  return body;
}

}  // namespace

void App::add_track_routes() {
  // --- API: tracks
  auto tracks_json = [this](const std::vector<Track>& all) {
    json items = json::array();
    auto names = tracks_.worker_names(all);
    for (size_t i = 0; i < all.size(); ++i) {
      json t = to_json(all[i]);
      t["worker"] = names[i];
      items.push_back(t);
    }
    return json{{"items", items}};
  };
  add("GET", R"(/api/v1/jobseekers/(\d+)/tracks)", "api.tracks.list", Access::kDossier, [this, tracks_json](Ctx& c) {
    auto all = tracks_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    send_json(c, 200, tracks_json(all.value()));
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/tracks)", "api.tracks.create", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto t = tracks_.add(*c.who, c.path_id(), *body);
    if (!t.is_ok()) return fail(c, t.status());
    send_json(c, 201, to_json(t.value()));
  });
  add("PUT", R"(/api/v1/jobseekers/(\d+)/tracks/(\d+))", "api.tracks.update", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto t = tracks_.update(*c.who, c.path_id(), c.path_id(2), *body);
    if (!t.is_ok()) return fail(c, t.status());
    send_json(c, 200, to_json(t.value()));
  });

  // --- API: the MDO
  add("GET", R"(/api/v1/jobseekers/(\d+)/mdos)", "api.mdos.list", Access::kDossier, [this](Ctx& c) {
    auto o = mdos_.overview(*c.who, c.path_id());
    if (!o.is_ok()) return fail(c, o.status());
    send_json(c, 200, to_json(o.value()));
  });
  add("POST", R"(/api/v1/jobseekers/(\d+)/mdos)", "api.mdos.plan", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto m = mdos_.plan(*c.who, c.path_id(), *body);
    if (!m.is_ok()) return fail(c, m.status());
    send_json(c, 201, to_json(m.value()));
  });
  for (const char* step : kPlanSteps)
    add("POST", std::string(R"(/api/v1/jobseekers/(\d+)/mdos/)") + step, std::string("api.mdos.") + step,
        Access::kDossier, [this, step](Ctx& c) {
          auto body = json_body(c);
          if (!body) return;
          auto plan = mdos_.plan_step(*c.who, c.path_id(), step, *body);
          if (!plan.is_ok()) return fail(c, plan.status());
          send_json(c, 200, to_json(plan.value()));
        });
  add("POST", R"(/api/v1/jobseekers/(\d+)/mdos/(\d+)/report)", "api.mdos.report", Access::kDossier, [this](Ctx& c) {
    auto body = json_body(c);
    if (!body) return;
    auto m = mdos_.report(*c.who, c.path_id(), c.path_id(2), *body);
    if (!m.is_ok()) return fail(c, m.status());
    send_json(c, 200, to_json(m.value()));
  });

  // --- Pages
  // The tracks page, with `errors` from a refused form.
  auto page = [this](Ctx& c, const json& errors, int status) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto all = tracks_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    auto overview = mdos_.overview(*c.who, c.path_id());
    if (!overview.is_ok()) return fail(c, overview.status());
    json m = base_model(c);
    m["title"] = c.t("tracks.title");
    m["jobseeker"] = header_model(c, j.value());
    m["today"] = today_utc();
    m["errors"] = errors;
    auto names = tracks_.worker_names(all.value());
    json items = json::array();
    for (size_t i = 0; i < all->size(); ++i) items.push_back(track_view(c, all.value()[i], names[i]));
    m["tracks"] = items;
    json kinds = json::array();
    for (const auto& k : track_kinds())
      kinds.push_back({{"code", k}, {"label", c.t("tracks.kind." + k)}, {"rhythm", default_rhythm_days(k)}});
    m["kinds"] = kinds;
    json users = json::array();
    for (const auto& u : store_.list_users())
      if (u.active && (u.role == Role::kCoach || u.role == Role::kCoordinator || u.role == Role::kPartner))
        users.push_back({{"id", u.id}, {"name", u.display_name}});
    m["users"] = users;
    json orgs = json::array();
    for (const auto& org : goals_.organisations()) orgs.push_back(org);
    m["organisations"] = orgs;
    const MdoOverview& o = overview.value();
    json mdo = to_json(o);
    for (auto& item : mdo["items"]) item["status_label"] = c.t("tracks.mdo_status." + item["status"].get<std::string>());
    m["mdo"] = mdo;
    html(c, status, "tracks", m);
  };
  add("GET", R"(/jobseekers/(\d+)/tracks)", "tracks.show", Access::kDossier,
      [page](Ctx& c) { page(c, json::array(), 200); });
  auto answer = [this, page](Ctx& c, const Status& s, const std::string& anchor) {
    if (s.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/tracks" + anchor);
    if (s.code() != Code::kInvalid) return fail(c, s);
    page(c, field_messages(c, s.fields()), 422);
  };
  add("POST", R"(/jobseekers/(\d+)/tracks)", "tracks.create", Access::kDossier, [this, answer](Ctx& c) {
    auto t = tracks_.add(*c.who, c.path_id(), form_to_json(c.form));
    answer(c, t.status(), t.is_ok() ? "#track-" + std::to_string(t->id) : "");
  });
  add("POST", R"(/jobseekers/(\d+)/tracks/(\d+))", "tracks.update", Access::kDossier, [this, answer](Ctx& c) {
    auto t = tracks_.update(*c.who, c.path_id(), c.path_id(2), form_to_json(c.form));
    answer(c, t.status(), "#track-" + std::to_string(c.path_id(2)));
  });
  add("POST", R"(/jobseekers/(\d+)/mdos)", "mdos.plan", Access::kDossier, [this, answer](Ctx& c) {
    auto m = mdos_.plan(*c.who, c.path_id(), {{"planned_on", c.form.get("planned_on")}});
    answer(c, m.status(), "#mdo");
  });
  for (const char* step : kPlanSteps)
    add("POST", std::string(R"(/jobseekers/(\d+)/mdos/)") + step, std::string("mdos.") + step, Access::kDossier,
        [this, step, answer](Ctx& c) {
          json body = form_to_json(c.form);
          if (std::string(step) == "interval") body["interval_days"] = number_from_form(c.form.get("interval_days"));
          body["version"] = number_from_form(c.form.get("version"));
          auto plan = mdos_.plan_step(*c.who, c.path_id(), step, body);
          answer(c, plan.status(), "#mdo");
        });

  auto detail = [this](Ctx& c, const json& errors, int status) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    auto m = mdos_.get(*c.who, c.path_id(), c.path_id(2));
    if (!m.is_ok()) return fail(c, m.status());
    auto all = tracks_.list(*c.who, c.path_id());
    if (!all.is_ok()) return fail(c, all.status());
    json model = base_model(c);
    model["title"] = c.t("tracks.mdo_title");
    model["jobseeker"] = header_model(c, j.value());
    model["today"] = today_utc();
    model["errors"] = errors;
    json v = to_json(m.value());
    v["status_label"] = c.t("tracks.mdo_status." + m->status);
    v["is_planned"] = m->status == "planned";
    auto names = tracks_.worker_names(all.value());
    for (auto& p : v["participants"]) p["role_label"] = c.t("tracks.role." + p["role"].get<std::string>());
    for (auto& d : v["decisions"]) {
      const Track* t = find_track(all.value(), d["track_id"].get<int64_t>());
      d["track_label"] = t ? c.t("tracks.kind." + t->kind) : "";
    }
    model["mdo"] = v;
    json rows = json::array();
    for (size_t i = 0; i < all->size(); ++i)
      if (all.value()[i].status == "active") rows.push_back(track_view(c, all.value()[i], names[i]));
    model["track_rows"] = rows;
    html(c, status, "mdo", model);
  };
  add("GET", R"(/jobseekers/(\d+)/mdos/(\d+))", "mdos.detail", Access::kDossier,
      [detail](Ctx& c) { detail(c, json::array(), 200); });
  add("POST", R"(/jobseekers/(\d+)/mdos/(\d+)/report)", "mdos.report", Access::kDossier, [this, detail](Ctx& c) {
    auto m = mdos_.report(*c.who, c.path_id(), c.path_id(2), report_from_form(c.form));
    if (m.is_ok())
      return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/mdos/" + std::to_string(c.path_id(2)));
    if (m.status().code() != Code::kInvalid) return fail(c, m.status());
    detail(c, field_messages(c, m.status().fields()), 422);
  });
}

}  // namespace spiraal
