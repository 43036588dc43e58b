// Groups and their members. Sessions and themes: group_sessions.cc.
#include "store/group_service.h"

#include "core/clock.h"
#include "store/store_internal.h"

namespace spiraal {

using nlohmann::json;
using store_internal::opt_param;

namespace {

constexpr const char* kGroupColumns =
    "id, team_id, name, kind, aim, lead_user_id, organisation_id, rhythm, starts_on, ends_on, status, version, "
    "created_at, updated_at";

Group group_from_row(const sql::Rows& r, size_t i) {
  Group g;
  g.id = r.integer(i, 0);
  g.team_id = r.integer(i, 1);
  g.name = r.text(i, 2);
  g.kind = r.text(i, 3);
  g.aim = r.text(i, 4);
  g.lead_user_id = r.integer(i, 5);
  g.organisation_id = r.opt_integer(i, 6);
  g.rhythm = r.text(i, 7);
  g.starts_on = r.text(i, 8);
  g.ends_on = r.text(i, 9);
  g.status = r.text(i, 10);
  g.version = r.integer(i, 11);
  g.created_at = r.text(i, 12);
  g.updated_at = r.text(i, 13);
  return g;
}

}  // namespace

AuditEntry GroupService::entry(const Principal& p, const char* action, int64_t group_id, std::string detail) const {
  std::string d = "group " + std::to_string(group_id) + (detail.empty() ? "" : ": " + detail);
  return {p.user_id, p.username, action, std::nullopt, std::move(d)};
}

Result<Group> GroupService::reach(const Principal& p, Action a, int64_t group_id) {
  if (!allowed(p, a)) return Status::forbidden();
  auto c = store_.pool().acquire();
  auto r = c->query(std::string("SELECT ") + kGroupColumns + " FROM groups WHERE id = ?", {group_id});
  // A group of another team is as unknown as one that does not exist.
  if (r.empty() || !p.team_id || r.integer(0, 1) != *p.team_id) return Status::not_found();
  return group_from_row(r, 0);
}

Result<std::vector<Group>> GroupService::list(const Principal& p) {
  if (!allowed(p, Action::kReadGroups)) return Status::forbidden();
  std::vector<Group> out;
  if (!p.team_id) return out;
  auto c = store_.pool().acquire();
  auto r = c->query(std::string("SELECT ") + kGroupColumns +
                        " FROM groups WHERE team_id = ? ORDER BY starts_on DESC, id DESC",
                    {*p.team_id});
  for (size_t i = 0; i < r.size(); ++i) out.push_back(group_from_row(r, i));
  return out;
}

Result<Group> GroupService::get(const Principal& p, int64_t id) { return reach(p, Action::kReadGroups, id); }

FieldErrors GroupService::check_links(const Principal& p, const Group& g) {
  FieldErrors errors;
  auto lead = store_.user_by_id(g.lead_user_id);
  if (!lead || !lead->active || lead->team_id != p.team_id ||
      (lead->role != Role::kCoach && lead->role != Role::kCoordinator))
    errors.push_back({"lead_user_id", "not_in_team"});
  if (g.organisation_id) {
    auto c = store_.pool().acquire();
    if (c->query("SELECT 1 FROM organisations WHERE id = ?", {*g.organisation_id}).empty())
      errors.push_back({"organisation_id", "unknown_organisation"});
  }
  return errors;
}

Result<Group> GroupService::create(const Principal& p, const json& body) {
  if (!allowed(p, Action::kManageGroups)) return Status::forbidden();
  if (!p.team_id) return Status::forbidden();
  auto parsed = parse_group(body);
  if (!parsed.is_ok()) return parsed.status();
  Group g = parsed.value();
  if (auto errors = check_links(p, g); !errors.empty()) return Status::invalid(std::move(errors));
  g.team_id = *p.team_id;
  g.version = 1;
  g.created_at = g.updated_at = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    g.id = c->query("INSERT INTO groups (team_id, name, kind, aim, lead_user_id, organisation_id, rhythm, starts_on, "
                    "ends_on, status, version, created_by, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
                    {g.team_id, g.name, g.kind, g.aim, g.lead_user_id, opt_param(g.organisation_id), g.rhythm,
                     g.starts_on, g.ends_on, g.status, p.user_id, g.created_at, g.updated_at})
               .integer(0, 0);
    Store::append_audit(*c, entry(p, "group.create", g.id, g.name));
  });
  return g;
}

Result<Group> GroupService::update(const Principal& p, int64_t id, const json& body) {
  auto current = reach(p, Action::kManageGroups, id);
  if (!current.is_ok()) return current.status();
  auto version = expected_version(body);
  auto parsed = parse_group(body);
  FieldErrors errors = parsed.status().fields();
  if (!version.is_ok()) errors.insert(errors.end(), version.status().fields().begin(), version.status().fields().end());
  if (!errors.empty()) return Status::invalid(std::move(errors));
  Group g = parsed.value();
  if (auto link_errors = check_links(p, g); !link_errors.empty()) return Status::invalid(std::move(link_errors));
  g.id = id;
  g.team_id = current->team_id;
  g.created_at = current->created_at;
  g.updated_at = now_utc();
  g.version = version.value() + 1;
  bool stale = false;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    stale = c->query("UPDATE groups SET name = ?, kind = ?, aim = ?, lead_user_id = ?, organisation_id = ?, "
                     "rhythm = ?, starts_on = ?, ends_on = ?, status = ?, version = version + 1, updated_at = ? "
                     "WHERE id = ? AND version = ? RETURNING id",
                     {g.name, g.kind, g.aim, g.lead_user_id, opt_param(g.organisation_id), g.rhythm, g.starts_on,
                      g.ends_on, g.status, g.updated_at, id, version.value()})
                .empty();
    if (!stale) Store::append_audit(*c, entry(p, "group.update", id, g.name));
  });
  if (stale) return Status::conflict();
  return g;
}

std::vector<GroupMember> GroupService::load_members(sql::Connection& c, int64_t group_id) {
  auto r = c.query("SELECT id, group_id, role, jobseeker_id, user_id, name, organisation, joined_on "
                   "FROM group_members WHERE group_id = ? ORDER BY id",
                   {group_id});
  std::vector<GroupMember> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.integer(i, 0), r.integer(i, 1), r.text(i, 2), r.opt_integer(i, 3), r.opt_integer(i, 4),
                   store_.cipher().open(r.text(i, 5)), r.text(i, 6), r.text(i, 7)});
  return out;
}

Result<std::vector<GroupMember>> GroupService::members(const Principal& p, int64_t group_id) {
  auto g = reach(p, Action::kReadGroups, group_id);
  if (!g.is_ok()) return g.status();
  auto c = store_.pool().acquire();
  return load_members(*c, group_id);
}

Result<GroupMember> GroupService::add_member(const Principal& p, int64_t group_id, const json& body) {
  auto g = reach(p, Action::kManageGroups, group_id);
  if (!g.is_ok()) return g.status();
  auto parsed = parse_group_member(body, today_utc());
  if (!parsed.is_ok()) return parsed.status();
  GroupMember m = parsed.value();
  m.group_id = group_id;
  if (m.jobseeker_id) {
    // Only who may read the dossier may say that its person joins a group.
    if (auto s = dossiers_.authorize(p, Action::kReadDossier, *m.jobseeker_id, "group.member.add"); !s.is_ok())
      return s;
    auto j = store_.jobseeker(*m.jobseeker_id);
    if (!j.is_ok()) return Status::not_found();
    m.name = j->first_name;  // the group knows participants by first name
  }
  if (m.user_id) {
    auto u = store_.user_by_id(*m.user_id);
    if (!u || !u->active) return Status::invalid_field("user_id", "unknown_user");
    m.name = u->display_name;
  }
  auto c = store_.pool().acquire();
  bool duplicate = false;
  sql::in_transaction(*c, [&] {
    for (const auto& other : load_members(*c, group_id))
      if ((m.jobseeker_id && other.jobseeker_id == m.jobseeker_id) || (m.user_id && other.user_id == m.user_id))
        duplicate = true;
    if (duplicate) return;
    m.id = c->query("INSERT INTO group_members (group_id, role, jobseeker_id, user_id, name, organisation, joined_on, "
                    "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    {group_id, m.role, opt_param(m.jobseeker_id), opt_param(m.user_id),
                     store_.cipher().seal(m.name), m.organisation, m.joined_on, p.user_id, now_utc()})
               .integer(0, 0);
    Store::append_audit(*c, entry(p, "group.member.add", group_id, "member " + std::to_string(m.id) + " " + m.role));
    if (m.jobseeker_id)
      Store::append_audit(*c, dossiers_.entry(p, "group.member.add", *m.jobseeker_id, "group " + std::to_string(group_id)));
  });
  if (duplicate) return Status::invalid_field(m.jobseeker_id ? "jobseeker_id" : "user_id", "already_member");
  return m;
}

}  // namespace spiraal
