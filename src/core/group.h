#pragma once
// Groepswerking: strengths-based group work beside individual guidance
// (handbook ch. 4; the weekly "gekwetst binnenste" group of the WAW
// trajectory). A group belongs to a team and is led by a groepswerker; its
// members have a role in the group: participant, co-leading group worker,
// or ervaringsdeskundige (expert by experience, who may be someone without
// a Spiraal account). Sessions record the themes discussed, a short report
// and the attendance of each member. Coaches pass themes from individual
// cases to a group: the theme only, never the case.
//
// This file holds the value types and their validation rules, without IO.
// The codes are listed in data/groups.json.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/status.h"

namespace spiraal {

// Limits, shared by the forms and the API.
constexpr size_t kGroupNameMax = 120;
constexpr size_t kGroupAimMax = 1000;
constexpr size_t kMemberNameMax = 100;
constexpr size_t kMemberOrganisationMax = 200;
constexpr size_t kThemeTextMax = 200;
constexpr size_t kSessionThemesMax = 20;
constexpr size_t kSessionReportMax = 4000;
constexpr size_t kAttendanceMax = 100;

struct Group {
  int64_t id = 0;
  int64_t team_id = 0;
  std::string name;
  std::string kind;    // group_kind code: inner_wound, strengths, job_club, other
  std::string aim;
  int64_t lead_user_id = 0;  // the groepswerker who leads it
  std::optional<int64_t> organisation_id;  // the sociale-kaart organisation it runs with
  std::string rhythm;  // weekly (default), biweekly, monthly
  std::string starts_on, ends_on;  // ends_on "" while open-ended
  std::string status;  // planned (default), running, ended
  int64_t version = 0;
  std::string created_at, updated_at;
};

struct GroupMember {
  int64_t id = 0;
  int64_t group_id = 0;
  std::string role;  // participant, group_worker, expert_by_experience
  std::optional<int64_t> jobseeker_id;  // a participant with a dossier
  std::optional<int64_t> user_id;       // a colleague with a Spiraal account
  std::string name;                     // first name or full name as known to the group
  std::string organisation;             // an external expert's organisation
  std::string joined_on;
};

struct SessionTheme {
  std::string text;
  std::string code;  // a social_theme code, or ""
  std::optional<int64_t> theme_id;  // the passed theme taken up, if any
};

struct AttendanceMark {
  int64_t member_id = 0;
  std::string status;  // present, absent, excused
};

struct GroupSession {
  int64_t id = 0;
  int64_t group_id = 0;
  int64_t version = 0;
  std::string held_on;
  std::vector<SessionTheme> themes;
  std::string report;
  std::vector<AttendanceMark> attendance;
  std::string created_at, updated_at;
};

// A theme passed from a case: no person, no dossier, no author, by design.
struct GroupTheme {
  int64_t id = 0;
  int64_t group_id = 0;
  std::string text;
  std::string code;    // a social_theme code, or ""
  std::string status;  // new, taken_up, set_aside
  std::optional<int64_t> session_id;  // the session that took it up
  std::string passed_on;  // the day only
  int64_t version = 0;
};

nlohmann::json to_json(const Group& g);
nlohmann::json to_json(const GroupMember& m);
nlohmann::json to_json(const GroupSession& s);
nlohmann::json to_json(const GroupTheme& t);

// Reads {name, group_kind, group_aim, lead_user_id, organisation_id, rhythm,
// starts_on, ends_on, group_status}. Name, kind, lead and start are
// required; the end may not precede the start. `version` and `id` are
// ignored (the caller handles them); every field error comes back at once.
// Whether the lead and the organisation exist is the store's to check.
Result<Group> parse_group(const nlohmann::json& body);

// Reads {member_role, jobseeker_id, user_id, name, organisation, joined_on}.
// A member is exactly one of: a jobseeker with a dossier (participants
// only), a user, or a person named by `name`; an organisation is for
// someone named only (an external ervaringsdeskundige); a user is no
// participant. joined_on defaults
// to `today`.
Result<GroupMember> parse_group_member(const nlohmann::json& body, const std::string& today);

// Reads {session_on, themes: [{text, code, theme_id} or text], report,
// attendance: [{member_id, attendance}]} for a session of `group`. The date
// must lie within the group's period; every attendance must name one of
// `member_ids`, each at most once.
Result<GroupSession> parse_group_session(const nlohmann::json& body, const Group& group,
                                         const std::vector<int64_t>& member_ids);

// Reads {theme, theme_code} of a theme passed from a case. `names` are the
// person's names (first and last): a theme that contains one is refused
// ("names_person"), so that the case does not travel with it by mistake.
Result<GroupTheme> parse_group_theme(const nlohmann::json& body, const std::vector<std::string>& names);

// Reads {theme_status} of a theme the groepswerker handles.
Result<std::string> parse_theme_status(const nlohmann::json& body);

}  // namespace spiraal
