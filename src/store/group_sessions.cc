// The sessions of a group with their attendance, and the queue of themes
// passed from individual cases (GroupService, store/group_service.h).
#include <algorithm>

#include "core/clock.h"
#include "store/group_service.h"
#include "store/store_internal.h"

namespace spiraal {

using nlohmann::json;
using store_internal::opt_param;

namespace {

json themes_json(const std::vector<SessionTheme>& themes) {
  json out = json::array();
  for (const auto& t : themes)
    out.push_back({{"text", t.text}, {"code", t.code}, {"theme_id", t.theme_id ? json(*t.theme_id) : json()}});
  return out;
}

std::vector<SessionTheme> themes_from(const std::string& text) {
  std::vector<SessionTheme> out;
  for (const auto& t : json::parse(text)) {
    SessionTheme s{t.value("text", ""), t.value("code", ""), std::nullopt};
    if (t.contains("theme_id") && t["theme_id"].is_number_integer()) s.theme_id = t["theme_id"].get<int64_t>();
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<int64_t> member_ids(const std::vector<GroupMember>& members) {
  std::vector<int64_t> out;
  for (const auto& m : members) out.push_back(m.id);
  return out;
}

}  // namespace

std::vector<GroupSession> GroupService::load_sessions(sql::Connection& c, int64_t group_id,
                                                      std::optional<int64_t> session_id) {
  auto r = c.query("SELECT id, group_id, version, held_on, themes, report, created_at, updated_at FROM group_sessions "
                   "WHERE group_id = ? AND (? = 0 OR id = ?) ORDER BY held_on DESC, id DESC",
                   {group_id, session_id.value_or(0), session_id.value_or(0)});
  std::vector<GroupSession> out;
  for (size_t i = 0; i < r.size(); ++i) {
    GroupSession s;
    s.id = r.integer(i, 0);
    s.group_id = r.integer(i, 1);
    s.version = r.integer(i, 2);
    s.held_on = r.text(i, 3);
    s.themes = themes_from(store_.cipher().open(r.text(i, 4)));
    s.report = store_.cipher().open(r.text(i, 5));
    s.created_at = r.text(i, 6);
    s.updated_at = r.text(i, 7);
    auto a = c.query("SELECT member_id, status FROM group_attendance WHERE session_id = ? ORDER BY member_id", {s.id});
    for (size_t k = 0; k < a.size(); ++k) s.attendance.push_back({a.integer(k, 0), a.text(k, 1)});
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<GroupSession>> GroupService::sessions(const Principal& p, int64_t group_id) {
  auto g = reach(p, Action::kReadGroups, group_id);
  if (!g.is_ok()) return g.status();
  std::vector<GroupSession> out;
  {
    auto c = store_.pool().acquire();
    out = load_sessions(*c, group_id, std::nullopt);
  }
  // Attendance is personal data: who looked at it is recorded.
  store_.audit(entry(p, "group.sessions.read", group_id));
  return out;
}

Status GroupService::write_session_parts(sql::Connection& c, const Principal& p, const GroupSession& s,
                                         const std::vector<GroupMember>& members) {
  c.query("DELETE FROM group_attendance WHERE session_id = ?", {s.id});
  for (const auto& a : s.attendance) {
    auto m = std::find_if(members.begin(), members.end(), [&](const GroupMember& x) { return x.id == a.member_id; });
    c.query("INSERT INTO group_attendance (session_id, group_id, member_id, jobseeker_id, held_on, status) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            {s.id, s.group_id, a.member_id, opt_param(m->jobseeker_id), s.held_on, a.status});
    // The attendance of a person with a dossier belongs to that dossier too.
    if (m->jobseeker_id)
      Store::append_audit(c, dossiers_.entry(p, "group.attendance.write", *m->jobseeker_id,
                                             "group " + std::to_string(s.group_id) + " session " +
                                                 std::to_string(s.id) + ": " + a.status));
  }
  for (size_t i = 0; i < s.themes.size(); ++i) {
    if (!s.themes[i].theme_id) continue;
    bool found = !c.query("UPDATE group_themes SET status = 'taken_up', session_id = ?, version = version + 1 "
                          "WHERE id = ? AND group_id = ? RETURNING id",
                          {s.id, *s.themes[i].theme_id, s.group_id})
                      .empty();
    if (!found) return Status::invalid_field("themes." + std::to_string(i) + ".theme_id", "unknown_theme");
  }
  return Status::ok();
}

Status GroupService::resolve_themes(sql::Connection& c, GroupSession& s) {
  const auto passed = load_themes(c, s.group_id);
  for (size_t i = 0; i < s.themes.size(); ++i) {
    auto& t = s.themes[i];
    if (!t.theme_id) continue;
    auto it = std::find_if(passed.begin(), passed.end(), [&](const GroupTheme& x) { return x.id == *t.theme_id; });
    if (it == passed.end()) return Status::invalid_field("themes." + std::to_string(i) + ".theme_id", "unknown_theme");
    if (t.text.empty()) t.text = it->text;
    if (t.code.empty()) t.code = it->code;
  }
  return Status::ok();
}

Result<GroupSession> GroupService::add_session(const Principal& p, int64_t group_id, const json& body) {
  auto g = reach(p, Action::kManageGroups, group_id);
  if (!g.is_ok()) return g.status();
  auto c = store_.pool().acquire();
  const auto members = load_members(*c, group_id);
  auto parsed = parse_group_session(body, g.value(), member_ids(members));
  if (!parsed.is_ok()) return parsed.status();
  GroupSession s = parsed.value();
  if (auto st = resolve_themes(*c, s); !st.is_ok()) return st;
  s.version = 1;
  s.created_at = s.updated_at = now_utc();
  Status written;
  try {
    sql::in_transaction(*c, [&] {
      s.id = c->query("INSERT INTO group_sessions (group_id, version, held_on, themes, report, created_by, created_at, "
                      "updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?) RETURNING id",
                      {group_id, s.held_on, store_.cipher().seal(themes_json(s.themes).dump()),
                       store_.cipher().seal(s.report), p.user_id, s.created_at, s.updated_at})
                 .integer(0, 0);
      written = write_session_parts(*c, p, s, members);
      // An unknown theme undoes the whole session: nothing half-written.
      if (!written.is_ok()) throw sql::Error("rollback: " + written.message());
      Store::append_audit(*c, entry(p, "group.session.create", group_id, "session " + std::to_string(s.id)));
    });
  } catch (const sql::Error&) {
    if (!written.is_ok()) return written;
    throw;
  }
  return s;
}

Result<GroupSession> GroupService::update_session(const Principal& p, int64_t group_id, int64_t session_id,
                                                  const json& body) {
  auto g = reach(p, Action::kManageGroups, group_id);
  if (!g.is_ok()) return g.status();
  auto c = store_.pool().acquire();
  auto current = load_sessions(*c, group_id, session_id);
  if (current.empty()) return Status::not_found();
  const auto members = load_members(*c, group_id);
  auto version = expected_version(body);
  auto parsed = parse_group_session(body, g.value(), member_ids(members));
  FieldErrors errors = parsed.status().fields();
  if (!version.is_ok()) errors.insert(errors.end(), version.status().fields().begin(), version.status().fields().end());
  if (!errors.empty()) return Status::invalid(std::move(errors));
  GroupSession s = parsed.value();
  if (auto st = resolve_themes(*c, s); !st.is_ok()) return st;
  s.id = session_id;
  s.created_at = current.front().created_at;
  s.updated_at = now_utc();
  s.version = version.value() + 1;
  bool stale = false;
  Status written;
  try {
    sql::in_transaction(*c, [&] {
      stale = c->query("UPDATE group_sessions SET version = version + 1, held_on = ?, themes = ?, report = ?, "
                       "updated_at = ? WHERE id = ? AND group_id = ? AND version = ? RETURNING id",
                       {s.held_on, store_.cipher().seal(themes_json(s.themes).dump()), store_.cipher().seal(s.report),
                        s.updated_at, session_id, group_id, version.value()})
                  .empty();
      if (stale) return;
      written = write_session_parts(*c, p, s, members);
      if (!written.is_ok()) throw sql::Error("rollback: " + written.message());
      Store::append_audit(*c, entry(p, "group.session.update", group_id, "session " + std::to_string(session_id)));
    });
  } catch (const sql::Error&) {
    if (!written.is_ok()) return written;
    throw;
  }
  if (stale) return Status::conflict();
  return s;
}

std::vector<GroupTheme> GroupService::load_themes(sql::Connection& c, int64_t group_id) {
  auto r = c.query("SELECT id, group_id, text, code, status, session_id, passed_on, version FROM group_themes "
                   "WHERE group_id = ? ORDER BY CASE status WHEN 'new' THEN 0 ELSE 1 END, id DESC",
                   {group_id});
  std::vector<GroupTheme> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.integer(i, 0), r.integer(i, 1), store_.cipher().open(r.text(i, 2)), r.text(i, 3), r.text(i, 4),
                   r.opt_integer(i, 5), r.text(i, 6), r.integer(i, 7)});
  return out;
}

Result<std::vector<GroupTheme>> GroupService::themes(const Principal& p, int64_t group_id) {
  auto g = reach(p, Action::kReadGroups, group_id);
  if (!g.is_ok()) return g.status();
  auto c = store_.pool().acquire();
  return load_themes(*c, group_id);
}

Result<GroupTheme> GroupService::pass_theme(const Principal& p, int64_t jobseeker_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, jobseeker_id, "group.theme.pass"); !s.is_ok()) return s;
  auto j = store_.jobseeker(jobseeker_id);
  if (!j.is_ok()) return j.status();
  auto parsed = parse_group_theme(body, {j->first_name, j->last_name});
  if (!parsed.is_ok()) return parsed.status();
  GroupTheme t = parsed.value();
  if (!reach(p, Action::kReadGroups, t.group_id).is_ok()) return Status::invalid_field("group_id", "unknown_group");
  t.passed_on = today_utc();
  t.version = 1;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    t.id = c->query("INSERT INTO group_themes (group_id, text, code, status, session_id, passed_on, version) "
                    "VALUES (?, ?, ?, 'new', NULL, ?, 1) RETURNING id",
                    {t.group_id, store_.cipher().seal(t.text), t.code, t.passed_on})
               .integer(0, 0);
    // Recorded in the dossier only, and without the theme's id, so the
    // group's side holds nothing that leads back here.
    Store::append_audit(*c, dossiers_.entry(p, "group.theme.pass", jobseeker_id, "group " + std::to_string(t.group_id)));
  });
  return t;
}

Result<GroupTheme> GroupService::update_theme(const Principal& p, int64_t group_id, int64_t theme_id,
                                              const json& body) {
  auto g = reach(p, Action::kManageGroups, group_id);
  if (!g.is_ok()) return g.status();
  auto version = expected_version(body);
  auto status = parse_theme_status(body);
  FieldErrors errors = status.status().fields();
  if (!version.is_ok()) errors.insert(errors.end(), version.status().fields().begin(), version.status().fields().end());
  if (!errors.empty()) return Status::invalid(std::move(errors));
  auto c = store_.pool().acquire();
  bool stale = false;
  sql::in_transaction(*c, [&] {
    stale = c->query("UPDATE group_themes SET status = ?, version = version + 1, "
                     "session_id = CASE WHEN ? = 'taken_up' THEN session_id ELSE NULL END "
                     "WHERE id = ? AND group_id = ? AND version = ? RETURNING id",
                     {status.value(), status.value(), theme_id, group_id, version.value()})
                .empty();
    if (!stale) Store::append_audit(*c, entry(p, "group.theme.update", group_id, "theme " + std::to_string(theme_id)));
  });
  if (stale) {
    auto all = load_themes(*c, group_id);
    bool exists = std::any_of(all.begin(), all.end(), [&](const GroupTheme& t) { return t.id == theme_id; });
    return exists ? Status::conflict() : Status::not_found();
  }
  for (const auto& t : load_themes(*c, group_id))
    if (t.id == theme_id) return t;
  return Status::not_found();
}

}  // namespace spiraal
