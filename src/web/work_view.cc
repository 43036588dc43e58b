#include "web/work_view.h"

#include <set>

#include "core/competences.h"
#include "core/work_start.h"

namespace spiraal {

using nlohmann::json;

std::vector<const WorkRecord*> records_of(const std::vector<WorkRecord>& all, const std::string& kind) {
  std::vector<const WorkRecord*> out;
  for (const auto& r : all)
    if (r.kind == kind) out.push_back(&r);
  return out;
}

json competence_summary(const std::vector<WorkRecord>& all) {
  json evidence = json::object(), decisions = json::object(), suggestions = json::array();
  std::vector<CompetenceEvidence> seen;
  for (const auto* s : records_of(all, "situation")) {
    CompetenceEvidence e{s->id, s->content.value("competences", std::vector<std::string>{})};
    for (const auto& code : e.competences) evidence[code].push_back(s->id);
    seen.push_back(std::move(e));
  }
  std::set<std::string> decided;
  for (const auto* d : records_of(all, "competence_decision")) {  // the latest decision on a competence holds
    const std::string code = d->content.value("competence", "");
    decisions[code] = {{"decision", d->status}, {"id", d->id}, {"version", d->version},
                       {"decided_on", d->content.value("decided_on", "")}};
    decided.insert(code);
  }
  for (const auto& s : suggest_acquired(seen, decided))
    suggestions.push_back({{"code", s.code}, {"situation_ids", s.situation_ids}});
  return {{"evidence", evidence}, {"decisions", decisions}, {"suggestions", suggestions}};
}

json aftercare_summary(const std::vector<WorkRecord>& all, const std::string& today) {
  json out = json::array();
  for (const auto* start : records_of(all, "work_start")) {
    if (start->status != "active") continue;
    std::vector<std::string> held;
    int open_absences = 0;
    for (const auto& r : all) {
      if (r.parent_id != start->id) continue;
      if (r.kind == "aftercare_contact" && r.status == "held") held.push_back(r.content.value("held_on", ""));
      if (r.kind == "absence_signal" && r.status == "open") ++open_absences;
    }
    AftercareState s = aftercare_state(start->content, held, today);
    out.push_back({{"work_start_id", start->id}, {"next_due", s.next_due}, {"every_days", s.every_days},
                   {"lapsed", s.lapsed}, {"open_checklist", open_checklist_items(start->content)},
                   {"open_absences", open_absences}});
  }
  return out;
}

}  // namespace spiraal
