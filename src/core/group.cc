#include "core/group.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "core/field_reader.h"
#include "core/text.h"
#include "core/vocabulary.h"

namespace spiraal {

using nlohmann::json;

namespace {

constexpr int64_t kIdMax = INT64_MAX;

json opt(const std::optional<int64_t>& v) { return v ? json(*v) : json(); }

// A code of a data/groups.json (or social map) list: "" when absent or
// blank, else the code, or a "choice" error.
std::string vocabulary_code(ObjectReader& r, const char* key, const char* list, bool required) {
  std::string code = r.text(key, 40, required);
  if (!code.empty() && !Vocabulary::get().allows(list, code)) {
    r.fail(key, "choice");
    return {};
  }
  return code;
}

}  // namespace

json to_json(const Group& g) {
  return {{"id", g.id},           {"team_id", g.team_id},     {"name", g.name},
          {"group_kind", g.kind}, {"group_aim", g.aim},       {"lead_user_id", g.lead_user_id},
          {"organisation_id", opt(g.organisation_id)},        {"rhythm", g.rhythm},
          {"starts_on", g.starts_on}, {"ends_on", g.ends_on}, {"group_status", g.status},
          {"version", g.version}, {"created_at", g.created_at}, {"updated_at", g.updated_at}};
}

json to_json(const GroupMember& m) {
  return {{"id", m.id},
          {"group_id", m.group_id},
          {"member_role", m.role},
          {"jobseeker_id", opt(m.jobseeker_id)},
          {"user_id", opt(m.user_id)},
          {"name", m.name},
          {"organisation", m.organisation},
          {"joined_on", m.joined_on}};
}

json to_json(const GroupSession& s) {
  json themes = json::array(), attendance = json::array();
  for (const auto& t : s.themes) themes.push_back({{"text", t.text}, {"code", t.code}, {"theme_id", opt(t.theme_id)}});
  for (const auto& a : s.attendance) attendance.push_back({{"member_id", a.member_id}, {"attendance", a.status}});
  return {{"id", s.id},         {"group_id", s.group_id},     {"version", s.version},
          {"session_on", s.held_on}, {"themes", themes},     {"report", s.report},
          {"attendance", attendance}, {"created_at", s.created_at}, {"updated_at", s.updated_at}};
}

json to_json(const GroupTheme& t) {
  return {{"id", t.id},
          {"group_id", t.group_id},
          {"theme", t.text},
          {"theme_code", t.code},
          {"theme_status", t.status},
          {"session_id", opt(t.session_id)},
          {"passed_on", t.passed_on},
          {"version", t.version}};
}

Result<Group> parse_group(const json& body) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"id", "version", "name", "group_kind", "group_aim", "lead_user_id", "organisation_id", "rhythm",
                    "starts_on", "ends_on", "group_status"});
  Group g;
  g.name = r.text("name", kGroupNameMax, true);
  g.kind = vocabulary_code(r, "group_kind", "group_kind", true);
  g.aim = r.text("group_aim", kGroupAimMax);
  g.lead_user_id = r.integer("lead_user_id", 1, kIdMax, true).value_or(0);
  g.organisation_id = r.integer("organisation_id", 1, kIdMax);
  g.rhythm = vocabulary_code(r, "rhythm", "group_rhythm", false);
  if (g.rhythm.empty()) g.rhythm = "weekly";
  g.starts_on = r.date("starts_on", true);
  g.ends_on = r.date("ends_on");
  if (!g.starts_on.empty() && !g.ends_on.empty() && g.ends_on < g.starts_on) r.fail("ends_on", "before_start");
  g.status = vocabulary_code(r, "group_status", "group_status", false);
  if (g.status.empty()) g.status = "planned";
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return g;
}

Result<GroupMember> parse_group_member(const json& body, const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"member_role", "jobseeker_id", "user_id", "name", "organisation", "joined_on"});
  GroupMember m;
  m.role = vocabulary_code(r, "member_role", "group_role", true);
  m.jobseeker_id = r.integer("jobseeker_id", 1, kIdMax);
  m.user_id = r.integer("user_id", 1, kIdMax);
  m.name = r.text("name", kMemberNameMax);
  m.organisation = r.text("organisation", kMemberOrganisationMax);
  m.joined_on = r.date("joined_on");
  if (m.joined_on.empty()) m.joined_on = today;
  const int who = (m.jobseeker_id ? 1 : 0) + (m.user_id ? 1 : 0) + (m.name.empty() ? 0 : 1);
  // A jobseeker_id or user_id sent but refused was reported already.
  const bool refused_id = !r.member("jobseeker_id").is_null() || !r.member("user_id").is_null();
  if (who == 0 && !refused_id) r.fail("name", "required");
  if (who > 1) r.fail("name", "one_member");
  if (m.jobseeker_id && !m.role.empty() && m.role != "participant") r.fail("jobseeker_id", "participant_only");
  // A colleague's account leads or supports the group; participants are
  // jobseekers or people known by name.
  if (m.user_id && m.role == "participant") r.fail("user_id", "not_for_participant");
  if (!m.organisation.empty() && (m.jobseeker_id || m.user_id)) r.fail("organisation", "named_only");
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return m;
}

Result<GroupSession> parse_group_session(const json& body, const Group& group, const std::vector<int64_t>& member_ids) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"id", "version", "session_on", "themes", "report", "attendance"});
  GroupSession s;
  s.group_id = group.id;
  s.held_on = r.date("session_on", true);
  if (!s.held_on.empty() && (s.held_on < group.starts_on || (!group.ends_on.empty() && s.held_on > group.ends_on)))
    r.fail("session_on", "outside_group_period", group.starts_on + " – " + group.ends_on);
  const json& themes = r.member("themes");
  if (!themes.is_null() && !themes.is_array()) r.fail("themes", "type_list");
  else if (themes.size() > kSessionThemesMax) r.fail("themes", "too_many", std::to_string(kSessionThemesMax));
  else
    for (size_t i = 0; i < themes.size(); ++i) {
      const std::string at = "themes." + std::to_string(i);
      SessionTheme t;
      if (themes[i].is_string()) {
        read_text(themes[i], at, kThemeTextMax, t.text, errors);
      } else {
        ObjectReader tr(themes[i], at, errors);
        tr.refuse_unknown({"text", "code", "theme_id"});
        t.text = tr.text("text", kThemeTextMax);
        t.code = vocabulary_code(tr, "code", "social_theme", false);
        t.theme_id = tr.integer("theme_id", 1, kIdMax);
      }
      if (!t.text.empty() || !t.code.empty() || t.theme_id) s.themes.push_back(std::move(t));
    }
  s.report = r.text("report", kSessionReportMax);
  const json& marks = r.member("attendance");
  std::set<int64_t> seen;
  if (!marks.is_null() && !marks.is_array()) r.fail("attendance", "type_list");
  else if (marks.size() > kAttendanceMax) r.fail("attendance", "too_many", std::to_string(kAttendanceMax));
  else
    for (size_t i = 0; i < marks.size(); ++i) {
      ObjectReader ar(marks[i], "attendance." + std::to_string(i), errors);
      ar.refuse_unknown({"member_id", "attendance"});
      AttendanceMark a;
      auto member = ar.integer("member_id", 1, kIdMax, true);
      a.status = vocabulary_code(ar, "attendance", "attendance", true);
      if (member) {
        if (std::find(member_ids.begin(), member_ids.end(), *member) == member_ids.end())
          ar.fail("member_id", "not_a_member");
        else if (!seen.insert(*member).second)
          ar.fail("member_id", "duplicate_member");
        a.member_id = *member;
      }
      s.attendance.push_back(a);
    }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return s;
}

Result<GroupTheme> parse_group_theme(const json& body, const std::vector<std::string>& names) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"group_id", "theme", "theme_code"});
  GroupTheme t;
  t.group_id = r.integer("group_id", 1, kIdMax, true).value_or(0);
  t.text = r.text("theme", kThemeTextMax, true);
  t.code = vocabulary_code(r, "theme_code", "social_theme", false);
  for (const auto& name : names)
    if (mentions_name(t.text, name)) {
      r.fail("theme", "names_person");
      break;
    }
  t.status = "new";
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return t;
}

Result<std::string> parse_theme_status(const json& body) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"version", "theme_status"});
  std::string status = vocabulary_code(r, "theme_status", "group_theme_status", true);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return status;
}

}  // namespace spiraal
