#include "core/mdo.h"

#include <algorithm>

#include "core/clock.h"
#include "core/field_reader.h"
#include "core/overleg.h"

namespace spiraal {

using nlohmann::json;

json to_json(const MdoPlan& p) {
  return {{"version", p.version},
          {"interval_days", p.interval_days},
          {"consent_on", p.consent_on},
          {"consent_withdrawn_on", p.consent_withdrawn_on},
          {"consent", consent_in_force(p.consent_on, p.consent_withdrawn_on)}};
}

json to_json(const Mdo& m) {
  json people = json::array();
  for (const auto& p : m.participants)
    people.push_back({{"name", p.name}, {"role", p.role}, {"track_id", p.track_id ? json(*p.track_id) : json(nullptr)}});
  json decisions = json::array();
  for (const auto& d : m.decisions)
    decisions.push_back({{"track_id", d.track_id}, {"text", d.text}, {"owner", d.owner}, {"due_on", d.due_on}});
  return {{"id", m.id},           {"jobseeker_id", m.jobseeker_id}, {"version", m.version},
          {"status", m.status},   {"planned_on", m.planned_on},     {"held_on", m.held_on},
          {"participants", people}, {"decisions", decisions},       {"note", m.note}};
}

Mdo mdo_from_json(const json& d) {
  Mdo m;
  m.id = d.value("id", int64_t(0));
  m.jobseeker_id = d.value("jobseeker_id", int64_t(0));
  m.version = d.value("version", int64_t(0));
  m.status = d.value("status", "planned");
  m.planned_on = d.value("planned_on", "");
  m.held_on = d.value("held_on", "");
  m.note = d.value("note", "");
  for (const auto& p : d.value("participants", json::array()))
    m.participants.push_back({p.value("name", ""), p.value("role", ""),
                              p.value("track_id", json()).is_number_integer()
                                  ? std::optional<int64_t>(p["track_id"].get<int64_t>())
                                  : std::nullopt});
  for (const auto& x : d.value("decisions", json::array()))
    m.decisions.push_back({x.value("track_id", int64_t(0)), x.value("text", ""), x.value("owner", ""), x.value("due_on", "")});
  return m;
}

Status apply_mdo_interval(MdoPlan& plan, const json& body) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"interval_days"});
  auto days = r.integer("interval_days", kMinMdoIntervalDays, kMaxMdoIntervalDays, true);
  if (!errors.empty()) return Status::invalid(std::move(errors));
  plan.interval_days = int(*days);
  return Status::ok();
}

Result<Mdo> plan_mdo(const MdoPlan& plan, const json& body, const std::string& jobseeker_name,
                     const std::vector<Track>& tracks, const std::vector<std::string>& worker_names,
                     const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"planned_on"});
  if (!consent_in_force(plan.consent_on, plan.consent_withdrawn_on)) r.fail("consent_on", "consent_required");
  Mdo m;
  m.planned_on = r.date("planned_on", true);
  if (!m.planned_on.empty() && m.planned_on < today) r.fail("planned_on", "future_date");
  m.participants.push_back(MdoParticipant{jobseeker_name, "jobseeker", std::nullopt});
  for (size_t i = 0; i < tracks.size(); ++i)
    if (tracks[i].status == "active")
      m.participants.push_back(MdoParticipant{i < worker_names.size() ? worker_names[i] : tracks[i].worker_name, "worker", tracks[i].id});
  if (m.participants.size() < 2) r.fail("participants", "mdo_needs_tracks");
  if (!errors.empty()) return Status::invalid(std::move(errors));
  return m;
}

Status apply_mdo_report(Mdo& m, const MdoPlan& plan, const json& body, const std::vector<Track>& tracks,
                        const std::string& today) {
  FieldErrors errors;
  ObjectReader r(body, "", errors);
  r.refuse_unknown({"held_on", "note", "decisions"});
  if (m.status != "planned") r.fail("status", "mdo_not_planned");
  if (!consent_in_force(plan.consent_on, plan.consent_withdrawn_on)) r.fail("consent_on", "consent_required");
  std::string held_on = r.date("held_on", false, today);
  std::string note = r.text("note", 4000);
  std::vector<MdoDecision> decisions;
  const json& list = r.member("decisions");
  if (!list.is_null() && (!list.is_array() || list.size() > 30)) {
    r.fail("decisions", "type_list");
  } else if (list.is_array()) {
    for (size_t i = 0; i < list.size(); ++i) {
      ObjectReader d(list[i], "decisions." + std::to_string(i), errors);
      d.refuse_unknown({"track_id", "text", "owner", "due_on"});
      MdoDecision decision;
      auto id = d.integer("track_id", 1, INT64_MAX, true);
      if (id) {
        const Track* t = find_track(tracks, *id);
        if (!t) d.fail("track_id", "track_unknown");
        else if (t->status == "ended") d.fail("track_id", "track_ended");
        decision.track_id = *id;
      }
      decision.text = d.text("text", 1000, true);
      decision.owner = d.text("owner", 200, true);
      decision.due_on = d.date("due_on", true);
      decisions.push_back(std::move(decision));
    }
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  m.held_on = held_on.empty() ? today : held_on;
  m.note = note;
  m.decisions = std::move(decisions);
  m.status = "held";
  return Status::ok();
}

std::string mdo_overdue_since(const std::string& base_on, int interval_days, const std::string& planned_on,
                              const std::string& today) {
  auto days = days_from_iso(base_on);
  if (!days) return {};
  std::string due = iso_from_days(*days + interval_days);
  return due <= today && planned_on < today ? due : std::string();
}

std::string mdo_base_on(const std::vector<Mdo>& mdos, const std::vector<Track>& tracks) {
  std::string first_start, last_held;
  for (const auto& t : tracks)
    if (t.status == "active" && (first_start.empty() || t.starts_on < first_start)) first_start = t.starts_on;
  if (first_start.empty()) return {};
  for (const auto& m : mdos)
    if (m.status == "held" && m.held_on > last_held) last_held = m.held_on;
  return last_held.empty() ? first_start : last_held;
}

std::string next_mdo_due(const MdoPlan& plan, const std::vector<Mdo>& mdos, const std::vector<Track>& tracks) {
  auto days = days_from_iso(mdo_base_on(mdos, tracks));
  return days ? iso_from_days(*days + plan.interval_days) : std::string();
}

}  // namespace spiraal
