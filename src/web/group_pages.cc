// The groepswerking pages: the groups of one's team, one group with its
// members, sessions with attendance and its theme queue, and the form on a
// dossier that passes a theme (only the theme) to a group. Forms post the
// same JSON the API takes to the same GroupService.
#include <map>

#include "core/clock.h"
#include "core/vocabulary.h"
#include "web/app.h"
#include "web/dossier_view.h"
#include "web/i18n.h"

namespace spiraal {
namespace {

using nlohmann::json;

json options(const Ctx& c, const char* list, const std::string& selected) {
  json out = json::array();
  for (const auto& code : Vocabulary::get().codes(list))
    out.push_back({{"code", code}, {"label", c.t(std::string("vocab.") + list + "." + code)}, {"selected", code == selected}});
  return out;
}

// The session form's body: themes one per line plus the passed themes ticked,
// attendance from one choice per member ("attendance_<member id>").
json session_from_form(const Form& f, const std::vector<GroupMember>& members) {
  json themes = json::array();
  std::string lines = f.get("themes_text");
  for (size_t start = 0; start <= lines.size();) {
    size_t end = lines.find('\n', start);
    std::string line = lines.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) themes.push_back({{"text", line}});
    if (end == std::string::npos) break;
    start = end + 1;
  }
  for (const auto& id : f.all("theme_ids")) {
    json n = number_from_form(id);
    themes.push_back({{"theme_id", n}});
  }
  json attendance = json::array();
  for (const auto& m : members) {
    std::string status = f.get("attendance_" + std::to_string(m.id));
    if (!status.empty()) attendance.push_back({{"member_id", m.id}, {"attendance", status}});
  }
  return {{"session_on", f.get("session_on")}, {"themes", themes}, {"report", f.get("report")},
          {"attendance", attendance}};
}

// The coaches and coordinators of `team` who can lead a group, `selected` marked.
json lead_options(Store& store, const std::optional<int64_t>& team, int64_t selected) {
  json out = json::array();
  for (const auto& u : store.list_users())
    if (u.active && u.team_id == team && (u.role == Role::kCoach || u.role == Role::kCoordinator))
      out.push_back({{"id", u.id}, {"name", u.display_name}, {"selected", u.id == selected}});
  return out;
}

}  // namespace

void App::add_group_pages() {
  // The list and the form for a new group (kept as typed after a refusal).
  auto list_page = [this](Ctx& c, const json& errors, int status, const json& draft) {
    auto all = groups_.list(*c.who);
    if (!all.is_ok()) return fail(c, all.status());
    json m = base_model(c);
    m["title"] = c.t("groups.title");
    json rows = json::array();
    for (const auto& g : all.value())
      rows.push_back({{"id", g.id}, {"name", g.name}, {"kind", c.t("vocab.group_kind." + g.kind)},
                      {"rhythm", c.t("vocab.group_rhythm." + g.rhythm)}, {"starts_on", g.starts_on},
                      {"ends_on", g.ends_on}, {"status", c.t("vocab.group_status." + g.status)}});
    m["groups"] = rows;
    const json lead = draft.value("lead_user_id", json(c.who->user_id));
    m["leads"] = lead_options(store_, c.who->team_id, lead.is_number_integer() ? lead.get<int64_t>() : 0);
    json orgs = json::array();
    if (auto list = social_map_.list(*c.who, {}); list.is_ok())
      for (const auto& o : list.value())
        orgs.push_back({{"id", o.id}, {"name", o.name}, {"selected", draft.value("organisation_id", json()) == json(o.id)}});
    m["organisations"] = orgs;
    m["kinds"] = options(c, "group_kind", draft.value("group_kind", ""));
    m["rhythms"] = options(c, "group_rhythm", draft.value("rhythm", "weekly"));
    json typed = json::object();  // what was typed, for the form shown again
    for (const char* key : {"name", "starts_on", "ends_on", "group_aim"})
      typed[key] = draft.contains(key) && draft[key].is_string() ? draft[key] : json("");
    m["draft"] = typed;
    m["can_manage"] = allowed(*c.who, Action::kManageGroups) && c.who->team_id.has_value();
    m["errors"] = errors;
    html(c, status, "groups", m);
  };

  add("GET", R"(/groups)", "groups.list", Access::kAuthenticated,
      [list_page](Ctx& c) { list_page(c, json::array(), 200, json::object()); });

  add("POST", R"(/groups)", "groups.create", Access::kAuthenticated, [this, list_page](Ctx& c) {
    json body = form_to_json(c.form);
    auto g = groups_.create(*c.who, body);
    if (g.is_ok()) return redirect(c, "/groups/" + std::to_string(g->id));
    if (g.status().code() != Code::kInvalid) return fail(c, g.status());
    list_page(c, field_messages(c, g.status().fields()), 422, body);
  });

  // One group: members, sessions with attendance, the theme queue, and the
  // forms to add a member and a session.
  auto show_page = [this](Ctx& c, const json& errors, int status) {
    const int64_t id = c.path_id();
    auto g = groups_.get(*c.who, id);
    if (!g.is_ok()) return fail(c, g.status());
    auto members = groups_.members(*c.who, id);
    auto sessions = groups_.sessions(*c.who, id);
    auto themes = groups_.themes(*c.who, id);
    if (!members.is_ok() || !sessions.is_ok() || !themes.is_ok()) return fail(c, Status::not_found());
    json m = base_model(c);
    m["title"] = g->name;
    json group = to_json(g.value());
    group["kind_label"] = c.t("vocab.group_kind." + g->kind);
    group["rhythm_label"] = c.t("vocab.group_rhythm." + g->rhythm);
    group["status_label"] = c.t("vocab.group_status." + g->status);
    if (auto lead = store_.user_by_id(g->lead_user_id)) group["lead_name"] = lead->display_name;
    m["group"] = group;
    // The edit form, filled with the stored group.
    m["kinds"] = options(c, "group_kind", g->kind);
    m["rhythms"] = options(c, "group_rhythm", g->rhythm);
    m["statuses"] = options(c, "group_status", g->status);
    m["leads"] = lead_options(store_, c.who->team_id, g->lead_user_id);
    json member_rows = json::array();
    std::map<int64_t, std::string> names;
    for (const auto& x : members.value()) {
      names[x.id] = x.name;
      member_rows.push_back({{"id", x.id}, {"name", x.name}, {"organisation", x.organisation},
                             {"role", c.t("vocab.group_role." + x.role)}, {"has_dossier", x.jobseeker_id.has_value()},
                             {"jobseeker_id", x.jobseeker_id ? json(*x.jobseeker_id) : json()},
                             {"joined_on", x.joined_on}, {"choices", options(c, "attendance", "present")}});
    }
    m["members"] = member_rows;
    json session_rows = json::array();
    for (const auto& s : sessions.value()) {
      json present = json::array(), theme_texts = json::array();
      for (const auto& a : s.attendance)
        present.push_back({{"name", names[a.member_id]}, {"status", c.t("vocab.attendance." + a.status)}});
      for (const auto& t : s.themes)
        theme_texts.push_back(t.text.empty() ? c.t("vocab.social_theme." + t.code) : t.text);
      // The correction form: typed themes as lines, passed ones carried by id.
      std::string lines;
      json carried = json::array(), marks = json::array();
      for (const auto& t : s.themes) {
        if (t.theme_id) carried.push_back(*t.theme_id);
        else if (!t.text.empty()) lines += (lines.empty() ? "" : "\n") + t.text;
      }
      for (const auto& x : members.value()) {
        std::string status;
        for (const auto& a : s.attendance)
          if (a.member_id == x.id) status = a.status;
        marks.push_back({{"id", x.id}, {"session_id", s.id}, {"name", x.name}, {"choices", options(c, "attendance", status)}});
      }
      session_rows.push_back({{"id", s.id}, {"session_on", s.held_on}, {"report", s.report}, {"themes", theme_texts},
                              {"attendance", present}, {"version", s.version}, {"themes_text", lines},
                              {"theme_ids", carried}, {"marks", marks}});
    }
    m["sessions"] = session_rows;
    json queue = json::array(), open = json::array();
    for (const auto& t : themes.value()) {
      json row = to_json(t);
      row["status_label"] = c.t("vocab.group_theme_status." + t.status);
      row["code_label"] = t.code.empty() ? "" : c.t("vocab.social_theme." + t.code);
      row["is_new"] = t.status == "new";
      queue.push_back(row);
      if (t.status == "new") open.push_back(row);
    }
    m["themes"] = queue;
    m["open_themes"] = open;
    m["roles"] = options(c, "group_role", "participant");
    json people = json::array();
    CaseloadQuery q;
    q.limit = 200;
    if (auto page = dossiers_.caseload(*c.who, q); page.is_ok())
      for (const auto& row : page->items)
        people.push_back({{"id", row.id}, {"name", row.first_name + " " + row.last_name}});
    m["jobseekers"] = people;
    json colleagues = json::array();
    for (const auto& u : store_.list_users())
      if (u.active && u.team_id == c.who->team_id && u.role != Role::kAdmin)
        colleagues.push_back({{"id", u.id}, {"name", u.display_name}});
    m["colleagues"] = colleagues;
    m["today"] = today_utc();
    m["errors"] = errors;
    html(c, status, "group", m);
  };

  add("GET", R"(/groups/(\d+))", "groups.show", Access::kAuthenticated,
      [show_page](Ctx& c) { show_page(c, json::array(), 200); });

  auto answer = [this, show_page](Ctx& c, const Status& s) {
    if (s.is_ok()) return redirect(c, "/groups/" + std::to_string(c.path_id()));
    if (s.code() == Code::kConflict) return show_page(c, json::array({c.t("error.group_changed")}), 409);
    if (s.code() != Code::kInvalid) return fail(c, s);
    show_page(c, field_messages(c, s.fields()), 422);
  };

  add("POST", R"(/groups/(\d+))", "groups.save", Access::kAuthenticated, [this, answer](Ctx& c) {
    json body = form_to_json(c.form);
    if (auto g = groups_.get(*c.who, c.path_id()); g.is_ok() && g->organisation_id && !body.contains("organisation_id"))
      body["organisation_id"] = *g->organisation_id;  // the page does not change it
    answer(c, groups_.update(*c.who, c.path_id(), body).status());
  });

  add("POST", R"(/groups/(\d+)/members)", "groups.members.create", Access::kAuthenticated, [this, answer](Ctx& c) {
    answer(c, groups_.add_member(*c.who, c.path_id(), form_to_json(c.form)).status());
  });

  add("POST", R"(/groups/(\d+)/sessions)", "groups.sessions.create", Access::kAuthenticated, [this, answer](Ctx& c) {
    auto members = groups_.members(*c.who, c.path_id());
    if (!members.is_ok()) return fail(c, members.status());
    answer(c, groups_.add_session(*c.who, c.path_id(), session_from_form(c.form, members.value())).status());
  });

  add("POST", R"(/groups/(\d+)/sessions/(\d+))", "groups.sessions.save", Access::kAuthenticated,
      [this, answer](Ctx& c) {
        auto members = groups_.members(*c.who, c.path_id());
        if (!members.is_ok()) return fail(c, members.status());
        json body = session_from_form(c.form, members.value());
        body["version"] = number_from_form(c.form.get("version"));
        answer(c, groups_.update_session(*c.who, c.path_id(1), c.path_id(2), body).status());
      });

  add("POST", R"(/groups/(\d+)/themes/(\d+))", "groups.themes.update", Access::kAuthenticated,
      [this, answer](Ctx& c) {
        answer(c, groups_.update_theme(*c.who, c.path_id(1), c.path_id(2), form_to_json(c.form)).status());
      });

  // Passing a theme from a dossier: the form says what travels (the theme)
  // and what does not (the person).
  auto pass_page = [this](Ctx& c, const json& errors, int status, const json& draft, bool passed) {
    auto j = dossiers_.read(*c.who, c.path_id());
    if (!j.is_ok()) return fail(c, j.status());
    if (!allowed(*c.who, Action::kWriteDossier, store_.relation(*c.who, c.path_id()))) return fail(c, Status::forbidden());
    json m = base_model(c);
    m["jobseeker"] = header_model(c, j.value());
    m["title"] = c.t("groups.pass_title");
    json groups = json::array();
    if (auto all = groups_.list(*c.who); all.is_ok())
      for (const auto& g : all.value())
        if (g.status != "ended")
          groups.push_back({{"id", g.id}, {"name", g.name}, {"selected", draft.value("group_id", json()) == json(g.id)}});
    m["groups"] = groups;
    m["codes"] = vocabulary_options(c, "social_theme", draft.value("theme_code", ""));
    m["draft"] = draft;
    m["passed"] = passed;
    m["errors"] = errors;
    html(c, status, "group_theme_pass", m);
  };

  add("GET", R"(/jobseekers/(\d+)/group-themes)", "group_themes.new", Access::kDossier, [pass_page](Ctx& c) {
    pass_page(c, json::array(), 200, json::object(), c.req.get_param_value("passed") == "1");
  });

  add("POST", R"(/jobseekers/(\d+)/group-themes)", "group_themes.pass", Access::kDossier,
      [this, pass_page](Ctx& c) {
        json body = form_to_json(c.form);
        auto t = groups_.pass_theme(*c.who, c.path_id(), body);
        if (t.is_ok()) return redirect(c, "/jobseekers/" + std::to_string(c.path_id()) + "/group-themes?passed=1");
        if (t.status().code() != Code::kInvalid) return fail(c, t.status());
        pass_page(c, field_messages(c, t.status().fields()), 422, body, false);
      });
}

}  // namespace spiraal
