#pragma once
// The team coordinator's dashboard (teamoverzicht) over the team's caseload,
// anchor assignments and waiting referrals. The caseload rows and their
// signals come from DossierService (one query for the team), the counting
// from core/team_dashboard.h.
#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/team_dashboard.h"
#include "store/dossier_service.h"
#include "store/store.h"

namespace spiraal {

class TeamDashboardService {
 public:
  // `store` and `dossiers` must outlive the service.
  TeamDashboardService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}
  TeamDashboardService(const TeamDashboardService&) = delete;
  TeamDashboardService& operator=(const TeamDashboardService&) = delete;

  // The dashboard of the caller's own team (core/team_dashboard.h for its
  // shape, plus {team}); forbidden without kReadTeamDashboard or without a
  // team. Audited as a read of the team's aggregates (no dossier).
  Result<nlohmann::json> overview(const Principal& p);

 private:
  Store& store_;              // anchors, coaches and referrals of the team
  DossierService& dossiers_;  // the team's caseload with its signals
};

}  // namespace spiraal
