#include "store/team_dashboard_service.h"

#include <map>

#include "core/clock.h"
#include "store/sql.h"

namespace spiraal {

using nlohmann::json;

namespace {

// Every dossier of a team on one page: the caseload query counts and lists
// the team in two statements, whatever its size.
constexpr int kWholeTeam = 1'000'000;

}  // namespace

Result<json> TeamDashboardService::overview(const Principal& p) {
  if (!allowed(p, Action::kReadTeamDashboard) || !p.team_id) return Status::forbidden();
  const int64_t team = *p.team_id;
  CaseloadQuery q;
  q.team_id = team;
  q.limit = kWholeTeam;
  auto page = dossiers_.caseload(p, q);
  if (!page.is_ok()) return page.status();

  std::map<int64_t, int64_t> anchor_of;  // jobseeker → anchor coach (the first by id)
  std::vector<DashboardCoach> coaches;
  std::vector<std::string> referred_on;
  std::string team_name;
  {
    auto c = store_.pool().acquire();
    auto t = c->query("SELECT name FROM teams WHERE id = ?", {team});
    if (t.size() > 0) team_name = t.text(0, 0);
    auto users = c->query(
        "SELECT u.id, u.display_name FROM users u WHERE u.team_id = ? AND u.role = 'coach' AND u.active = 1 "
        "UNION SELECT u.id, u.display_name FROM assignments a JOIN jobseekers j ON j.id = a.jobseeker_id "
        "JOIN users u ON u.id = a.user_id WHERE j.team_id = ? AND a.is_anchor = 1",
        {team, team});
    for (size_t i = 0; i < users.size(); ++i) coaches.push_back({users.integer(i, 0), users.text(i, 1)});
    auto anchors = c->query(
        "SELECT a.jobseeker_id, MIN(a.user_id) FROM assignments a JOIN jobseekers j ON j.id = a.jobseeker_id "
        "WHERE j.team_id = ? AND a.is_anchor = 1 GROUP BY a.jobseeker_id",
        {team});
    for (size_t i = 0; i < anchors.size(); ++i) anchor_of[anchors.integer(i, 0)] = anchors.integer(i, 1);
    auto referrals = c->query("SELECT referred_on FROM referrals WHERE team_id = ? AND status = 'waiting'", {team});
    for (size_t i = 0; i < referrals.size(); ++i) referred_on.push_back(referrals.text(i, 0));
  }  // the connection goes back before the audit takes one

  std::vector<DashboardDossier> dossiers;
  dossiers.reserve(page.value().items.size());
  for (auto& row : page.value().items) {
    auto anchor = anchor_of.find(row.id);
    dossiers.push_back({row.id, row.first_name + " " + row.last_name, row.state,
                        anchor == anchor_of.end() ? 0 : anchor->second, row.open_crisis_since,
                        std::move(row.signals)});
  }
  store_.audit({p.user_id, p.username, "dashboard.read", std::nullopt, "team " + std::to_string(team)});
  json v = team_dashboard(dossiers, coaches, referred_on, today_utc());
  v["team"] = team_name;
  return v;
}

}  // namespace spiraal
