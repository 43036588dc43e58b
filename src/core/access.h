#pragma once
// Who may do what with a dossier: the one place where role and relationship
// are weighed. Every web route asks here (see tests/route_matrix_test.cc).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spiraal {

// kToeleider: an outreach worker of a partner organisation (seed 002), who
// registers the people met before they reach any service. kJobseeker: the
// person themselves, in "mijn traject" (their own dossier only).
enum class Role { kCoach, kCoordinator, kPartner, kAnalyst, kAdmin, kToeleider, kJobseeker };

std::string_view to_string(Role r);
std::optional<Role> role_from_string(std::string_view s);

// The authenticated caller.
struct Principal {
  int64_t user_id = 0;
  Role role = Role::kCoach;
  std::optional<int64_t> team_id;
  std::string username;
  std::string display_name;
  std::optional<int64_t> jobseeker_id;  // kJobseeker: the own dossier
};

// How the caller stands to one dossier.
enum class Relation {
  kNone,      // no tie
  kSameTeam,  // the dossier belongs to the caller's team
  kAssigned,  // the caller is an assigned coach (anchor person)
  kBreakGlass,  // a coordinator's temporary access, with a reason, audited
  kConsented,   // a partner to whom the jobseeker consented a sharing
  kSelf,        // the jobseeker's own dossier
};

enum class Action {
  kListCaseload,     // see one's own (or team's) caseload
  kCreateJobseeker,  // open a new dossier
  kReadDossier,      // read a dossier and its journal
  kWriteDossier,     // change a dossier or add to its journal
  kManageUsers,      // create users, reset passwords
  kPickUpReferral,   // take a waiting referral of one's team
  kReadShared,       // read the sections a consent shares (partners)
  kBreakGlass,       // open temporary access to a dossier outside the team
  kReadSocialMap,    // consult the sociale kaart (organisations and contacts)
  kManageSocialMap,  // add, change and import organisations of the sociale kaart
  kReadCatalogues,   // consult occupations, vacancies, trainings and employment measures
  kManageCatalogues, // import them and replace the measures' rules
  kOutreach,         // keep a register of people met in outreach (own organisation)
  kReadNetwork,      // the network coordinator's regional view (aggregates only)
  kReadMonitoring,   // anonymised monitoring indicators and their exports (analysts)
  kAnswerCounsellorRequest,  // grant or refuse a request for another counsellor (the team's coordinator)
  kReadGroups,       // see the groups (groepswerking) of one's team, their sessions and theme queue
  kManageGroups,     // run a group of one's team: members, sessions, attendance, themes
  kBundleSignals,    // count structural signals and bundle them into a beleidsnota (coordinators)
  kReadTeamDashboard,  // the team coordinator's teamoverzicht (own team: counts and links to its dossiers)
  kReadOwn,    // the jobseeker reads their own trajectory in "mijn traject"
  kWriteOwn,   // ... and adds to it: self-scores, own actions done, messages, withdrawing a consent
  kInvite,     // invite the jobseeker to "mijn traject", revoke their devices (the assigned coach)
  kMessage,    // read and write the messages with the jobseeker (the assigned coach)
};

// True when `p` may perform `a` on a dossier to which it stands in `r`
// (`r` is ignored for actions that concern no single dossier).
bool allowed(const Principal& p, Action a, Relation r = Relation::kNone);

}  // namespace spiraal
