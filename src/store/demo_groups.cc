#include "store/demo_groups.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "store/group_service.h"

namespace spiraal {

using nlohmann::json;

namespace {

struct DemoGroup {
  const char* name;
  const char* kind;
  const char* aim;
  const char* expert;        // an external ervaringsdeskundige, or nullptr
  const char* expert_organisation;
  const char* session_themes[3];
};

const DemoGroup kGroups[] = {
    {"Gekwetst binnenste", "inner_wound",
     "Wekelijks samen stilstaan bij wat armoede met je deed, en ontdekken wat je sterk maakt.", "Marleen",
     "Vereniging waar armen het woord nemen",
     {"Wat geeft mij kracht?", "Schaamte en durven vragen", "Mijn netwerk in beeld"}},
    {"Sollicitatieclub", "job_club", "Samen sollicitaties voorbereiden en oefenen, en elkaar moed inspreken.", nullptr,
     nullptr, {"Een cv met wat je als vrijwilliger deed", "Een sollicitatiegesprek oefenen", "Omgaan met een afwijzing"}},
};

const char* const kPassedThemes[] = {"Omgaan met schulden", "Zelfvertrouwen bij sollicitaties",
                                     "Kinderopvang combineren met werk"};
const char* const kFirstNames[] = {"Samira", "Dirk", "Fatou", "Luc"};
const char* const kAttendance[] = {"present", "present", "present", "absent", "present", "excused"};

}  // namespace

Result<DemoGroupSummary> generate_demo_groups(Store& store, int per_team) {
  DossierService dossiers(store);
  GroupService groups(store, dossiers);
  DemoGroupSummary s;
  // The first coach with dossiers of each team leads its groups.
  auto leads = store.pool().acquire()->query(
      "SELECT u.team_id, MIN(u.id) FROM users u WHERE u.role = 'coach' AND u.active = 1 AND u.team_id IS NOT NULL "
      "AND EXISTS (SELECT 1 FROM assignments a WHERE a.user_id = u.id) GROUP BY u.team_id ORDER BY u.team_id");
  const std::string today = today_utc();
  const std::string starts_on = add_months(today, -2);
  for (size_t t = 0; t < leads.size(); ++t) {
    auto lead = store.user_by_id(leads.integer(t, 1));
    if (!lead) continue;
    const Principal p = lead->principal();
    std::vector<int64_t> caseload;
    {
      auto r = store.pool().acquire()->query(
          "SELECT jobseeker_id FROM assignments WHERE user_id = ? ORDER BY jobseeker_id LIMIT 8", {lead->id});
      for (size_t i = 0; i < r.size(); ++i) caseload.push_back(r.integer(i, 0));
    }
    for (int n = 0; n < per_team && n < static_cast<int>(std::size(kGroups)); ++n) {
      const DemoGroup& d = kGroups[n];
      auto g = groups.create(p, {{"name", d.name}, {"group_kind", d.kind}, {"group_aim", d.aim},
                                 {"lead_user_id", lead->id}, {"rhythm", "weekly"}, {"starts_on", starts_on},
                                 {"group_status", "running"}});
      if (!g.is_ok()) return g.status();
      ++s.groups;
      std::vector<int64_t> members;
      auto add = [&](const json& body) -> Status {
        auto m = groups.add_member(p, g->id, body);
        if (!m.is_ok()) return m.status();
        members.push_back(m->id);
        ++s.members;
        return Status::ok();
      };
      if (d.expert)
        if (auto st = add({{"member_role", "expert_by_experience"}, {"name", d.expert},
                           {"organisation", d.expert_organisation}});
            !st.is_ok())
          return st;
      // Each group takes its own half of the lead's first dossiers.
      for (size_t i = n; i < caseload.size(); i += 2)
        if (auto st = add({{"member_role", "participant"}, {"jobseeker_id", caseload[i]}}); !st.is_ok()) return st;
      if (auto st = add({{"member_role", "participant"}, {"name", kFirstNames[(t + n) % std::size(kFirstNames)]}});
          !st.is_ok())
        return st;
      // Themes passed from the lead's dossiers before the last session.
      std::vector<int64_t> passed;
      for (size_t k = 0; k < 2 && k < caseload.size(); ++k) {
        auto theme = groups.pass_theme(p, caseload[k], {{"group_id", g->id},
                                                        {"theme", kPassedThemes[(t + n + k) % std::size(kPassedThemes)]},
                                                        {"theme_code", k == 0 ? "finances" : ""}});
        if (!theme.is_ok()) return theme.status();
        passed.push_back(theme->id);
        ++s.themes;
      }
      // Weekly sessions since the start; the last one takes up a passed theme.
      std::vector<std::string> dates;
      for (long day = *days_from_iso(starts_on); day <= *days_from_iso(today); day += 7) dates.push_back(iso_from_days(day));
      for (size_t k = 0; k < dates.size(); ++k) {
        json attendance = json::array();
        for (size_t i = 0; i < members.size(); ++i)
          attendance.push_back({{"member_id", members[i]},
                                {"attendance", kAttendance[(i + k + t) % std::size(kAttendance)]}});
        json themes = {{{"text", d.session_themes[k % 3]}}};
        if (k + 1 == dates.size() && !passed.empty()) themes.push_back({{"theme_id", passed.front()}});
        auto session = groups.add_session(p, g->id, {{"session_on", dates[k]}, {"themes", themes},
                                                     {"report", "Open gesprek; iedereen kwam aan het woord."},
                                                     {"attendance", attendance}});
        if (!session.is_ok()) return session.status();
        ++s.sessions;
      }
    }
  }
  return s;
}

}  // namespace spiraal
