#pragma once
// Groepswerking in the database (core/group.h): the groups of a team, their
// members, sessions with attendance, and the queue of themes passed from
// individual cases. The coaches and coordinators of the group's team read
// (kReadGroups) and run (kManageGroups) it; to others a group does not
// exist (kNotFound). Writes are versioned where people edit (a stale
// version is kConflict), run in one transaction with their audit record,
// and seal member names, session themes and reports and passed themes.
//
// A participant with a dossier can only be added by someone who may read
// that dossier; their attendance is also audited on the dossier. A theme
// passed from a case is stored without anything that leads back to it.
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/group.h"
#include "store/dossier_service.h"

namespace spiraal {

class GroupService {
 public:
  // Both must outlive the service.
  GroupService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}
  GroupService(const GroupService&) = delete;
  GroupService& operator=(const GroupService&) = delete;

  // The groups of the caller's team, newest start first.
  Result<std::vector<Group>> list(const Principal& p);
  Result<Group> get(const Principal& p, int64_t id);
  // A new group of the caller's team (version 1). The lead must be an active
  // coach or coordinator of that team; the organisation must exist.
  Result<Group> create(const Principal& p, const nlohmann::json& body);
  // body carries the version read; a session outside a new period is not
  // checked again (they were held).
  Result<Group> update(const Principal& p, int64_t id, const nlohmann::json& body);

  Result<std::vector<GroupMember>> members(const Principal& p, int64_t group_id);
  // Adds a member (core/group.h parse_group_member). A jobseeker needs the
  // caller's kReadDossier on that dossier (else kNotFound/kForbidden, as for
  // the dossier itself); a person is a member of a group at most once.
  Result<GroupMember> add_member(const Principal& p, int64_t group_id, const nlohmann::json& body);

  // The sessions of a group with their attendance, newest first.
  Result<std::vector<GroupSession>> sessions(const Principal& p, int64_t group_id);
  // A session; themes with a theme_id take up that passed theme of the group.
  Result<GroupSession> add_session(const Principal& p, int64_t group_id, const nlohmann::json& body);
  // body carries the version read; the attendance is replaced as a whole.
  Result<GroupSession> update_session(const Principal& p, int64_t group_id, int64_t session_id,
                                      const nlohmann::json& body);

  // The themes passed to a group, new ones first.
  Result<std::vector<GroupTheme>> themes(const Principal& p, int64_t group_id);
  // Passes a theme {group_id, theme, theme_code} from dossier `jobseeker_id`
  // (kWriteDossier) to a group of the caller's team. Only the dossier's own
  // audit trail records that it was passed.
  Result<GroupTheme> pass_theme(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // Sets a theme's status {theme_status, version} (set aside, back to new,
  // or taken up without a session).
  Result<GroupTheme> update_theme(const Principal& p, int64_t group_id, int64_t theme_id, const nlohmann::json& body);

 private:
  // The group when `p` may do `a` with it; kNotFound when it is outside the
  // caller's team or missing, kForbidden when the role may not.
  Result<Group> reach(const Principal& p, Action a, int64_t group_id);
  std::vector<GroupMember> load_members(sql::Connection& c, int64_t group_id);
  std::vector<GroupSession> load_sessions(sql::Connection& c, int64_t group_id, std::optional<int64_t> session_id);
  std::vector<GroupTheme> load_themes(sql::Connection& c, int64_t group_id);
  // Checks the lead and the organisation a group names.
  FieldErrors check_links(const Principal& p, const Group& g);
  // Checks that every theme_id of `s` names a theme passed to its group and
  // fills in that theme's text and code where the session gave none.
  Status resolve_themes(sql::Connection& c, GroupSession& s);
  // Writes the attendance and takes up the themes of `s`, inside the
  // caller's transaction; kInvalid when a theme_id is not the group's.
  Status write_session_parts(sql::Connection& c, const Principal& p, const GroupSession& s,
                             const std::vector<GroupMember>& members);
  AuditEntry entry(const Principal& p, const char* action, int64_t group_id, std::string detail = {}) const;

  Store& store_;              // where groups live
  DossierService& dossiers_;  // authorisation and audit entries of dossiers
};

}  // namespace spiraal
