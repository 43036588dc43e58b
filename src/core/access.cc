#include "core/access.h"

namespace spiraal {

std::string_view to_string(Role r) {
  switch (r) {
    case Role::kCoach: return "coach";
    case Role::kCoordinator: return "coordinator";
    case Role::kPartner: return "partner";
    case Role::kAnalyst: return "analyst";
    case Role::kAdmin: return "admin";
    case Role::kToeleider: return "toeleider";
    case Role::kJobseeker: return "jobseeker";
  }
  return "coach";
}

std::optional<Role> role_from_string(std::string_view s) {
  for (Role r : {Role::kCoach, Role::kCoordinator, Role::kPartner, Role::kAnalyst, Role::kAdmin, Role::kToeleider,
                 Role::kJobseeker})
    if (to_string(r) == s) return r;
  return std::nullopt;
}

bool allowed(const Principal& p, Action a, Relation r) {
  switch (a) {
    case Action::kManageUsers:
      return p.role == Role::kAdmin;
    case Action::kListCaseload:
    case Action::kCreateJobseeker:
      return p.role == Role::kCoach || p.role == Role::kCoordinator;
    case Action::kReadDossier:
      if (p.role == Role::kCoach) return r == Relation::kAssigned;
      if (p.role == Role::kCoordinator)
        return r == Relation::kAssigned || r == Relation::kSameTeam || r == Relation::kBreakGlass;
      // Partners read only what was consented (kReadShared); analysts see
      // anonymised aggregates only; admins no dossier content.
      return false;
    case Action::kReadShared:
      return p.role == Role::kPartner && r == Relation::kConsented;
    case Action::kBreakGlass:
      return p.role == Role::kCoordinator;
    case Action::kPickUpReferral:
      return (p.role == Role::kCoach || p.role == Role::kCoordinator) &&
             (r == Relation::kSameTeam || r == Relation::kAssigned);
    case Action::kReadSocialMap:
      // The directory holds no dossier data: whoever refers or is referred to
      // may consult it, and those who maintain it.
      return p.role == Role::kCoach || p.role == Role::kCoordinator || p.role == Role::kPartner ||
             p.role == Role::kAdmin;
    case Action::kManageSocialMap:
      return p.role == Role::kCoordinator || p.role == Role::kAdmin;
    case Action::kReadCatalogues:
      // Reference data without personal data, consulted by those who guide.
      return p.role == Role::kCoach || p.role == Role::kCoordinator || p.role == Role::kAdmin;
    case Action::kManageCatalogues:
      return p.role == Role::kCoordinator || p.role == Role::kAdmin;
    case Action::kOutreach:
      // The register holds people who chose no service yet: only those who
      // meet them keep it. A coach sees it through a consented handover.
      return p.role == Role::kToeleider;
    case Action::kReadMonitoring:
      // Suppressed aggregates only; the analyst reaches no dossier.
      return p.role == Role::kAnalyst;
    case Action::kReadNetwork:
      // Counts across services and regions, no person in them.
      return p.role == Role::kCoordinator;
    case Action::kAnswerCounsellorRequest:
      // The team decides who guides whom; the service also checks that the
      // dossier belongs to the coordinator's own team.
      return p.role == Role::kCoordinator && (r == Relation::kSameTeam || r == Relation::kAssigned);
    case Action::kReadGroups:
    case Action::kManageGroups:
      // Group work is guidance: the coaches and coordinators of a team run
      // its groups (the service checks the team). A group's members and
      // attendance are personal data, so partners, analysts and admins see
      // none of it; admins manage accounts, not guidance.
      return p.role == Role::kCoach || p.role == Role::kCoordinator;
    case Action::kBundleSignals:
      // Signals pass upward to policy through the coordinator; the counts
      // and notes hold no person, but they are the network's work.
    case Action::kReadTeamDashboard:
      // Caseload, signals and crises of the whole team: the coordinator's
      // view (the service keeps it to the own team). A coach sees the own
      // caseload; analysts get anonymised monitoring elsewhere.
      return p.role == Role::kCoordinator;
    case Action::kWriteDossier:
    case Action::kInvite:
    case Action::kMessage:
      return (p.role == Role::kCoach || p.role == Role::kCoordinator) && r == Relation::kAssigned;
    case Action::kReadOwn:
    case Action::kWriteOwn:
      // The person's own trajectory, and no other: every professional route
      // stays closed to a jobseeker account (tests/route_matrix_test.cc).
      return p.role == Role::kJobseeker && r == Relation::kSelf;
  }
  return false;
}

}  // namespace spiraal
