#include "store/mdo_service.h"

#include <algorithm>

#include "core/clock.h"
#include "core/overleg.h"
#include "store/store_internal.h"

namespace spiraal {

using nlohmann::json;

json to_json(const MdoOverview& o) {
  json items = json::array();
  for (const auto& m : o.mdos) items.push_back(to_json(m));
  return {{"plan", to_json(o.plan)}, {"items", items}, {"next_due_on", o.next_due_on}, {"due", o.due}};
}

MdoPlan MdoService::load_plan(int64_t id) {
  auto c = store_.pool().acquire();
  auto r = c->query("SELECT version, interval_days, consent_on, consent_withdrawn_on FROM mdo_plans WHERE jobseeker_id = ?",
                    {id});
  MdoPlan p;
  if (r.empty()) return p;
  p.version = r.integer(0, 0);
  p.interval_days = int(r.integer(0, 1));
  p.consent_on = r.text(0, 2);
  p.consent_withdrawn_on = r.text(0, 3);
  return p;
}

std::vector<Mdo> MdoService::load(int64_t id) {
  return store_internal::load_sealed_documents(store_, "mdos", id, &mdo_from_json);
}

Result<MdoOverview> MdoService::overview(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "mdo.read"); !s.is_ok()) return s;
  store_.audit(dossiers_.entry(p, "mdo.read", id));
  MdoOverview o{load_plan(id), load(id), "", false};
  const auto tracks = tracks_.load(id);
  o.next_due_on = next_mdo_due(o.plan, o.mdos, tracks);
  std::string planned_on;
  for (const auto& m : o.mdos)
    if (m.status == "planned") planned_on = std::max(planned_on, m.planned_on);
  o.due = !mdo_overdue_since(mdo_base_on(o.mdos, tracks), o.plan.interval_days, planned_on, today_utc()).empty();
  return o;
}

Result<Mdo> MdoService::get(const Principal& p, int64_t id, int64_t mdo_id) {
  auto o = overview(p, id);
  if (!o.is_ok()) return o.status();
  for (const auto& m : o->mdos)
    if (m.id == mdo_id) return m;
  return Status::not_found();
}

Result<MdoPlan> MdoService::plan_step(const Principal& p, int64_t id, const std::string& step, const json& body) {
  if (step != "consent" && step != "withdraw" && step != "interval") return Status::not_found();
  const std::string action = "mdo." + step;
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, action.c_str()); !s.is_ok()) return s;
  // 0 when the caller saw no plan yet (the defaults).
  if (!body.contains("version") || !body["version"].is_number_integer() || body["version"].get<int64_t>() < 0)
    return Status::invalid_field("version", body.contains("version") ? "type_integer" : "required");
  const int64_t version = body["version"].get<int64_t>();
  MdoPlan plan = load_plan(id);
  if (plan.version != version) return Status::conflict();
  json rest = body;
  rest.erase("version");
  const std::string today = today_utc();
  Status applied = step == "consent"    ? record_consent(plan.consent_on, plan.consent_withdrawn_on, false, rest, today)
                   : step == "interval" ? apply_mdo_interval(plan, rest)
                                        : withdraw_consent(plan.consent_on, plan.consent_withdrawn_on, today);
  if (!applied.is_ok()) return applied;
  // A withdrawal calls off the meetings not yet held.
  std::vector<Mdo> called_off;
  if (step == "withdraw")
    for (auto& m : load(id))
      if (m.status == "planned") called_off.push_back(m), called_off.back().status = "cancelled";
  bool stale = false;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    const std::string now = now_utc();
    if (version == 0) {
      // The key makes a second first save fail; it is a conflict like a stale version.
      stale = !c->query("SELECT 1 FROM mdo_plans WHERE jobseeker_id = ?", {id}).empty();
      if (!stale)
        c->query("INSERT INTO mdo_plans (jobseeker_id, version, interval_days, consent_on, consent_withdrawn_on, "
                 "updated_by, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?)",
                 {id, int64_t(plan.interval_days), plan.consent_on, plan.consent_withdrawn_on, p.user_id, now});
    } else {
      stale = c->query("UPDATE mdo_plans SET version = version + 1, interval_days = ?, consent_on = ?, "
                       "consent_withdrawn_on = ?, updated_by = ?, updated_at = ? WHERE jobseeker_id = ? AND version = ? "
                       "RETURNING version",
                       {int64_t(plan.interval_days), plan.consent_on, plan.consent_withdrawn_on, p.user_id, now, id,
                        version})
                  .empty();
    }
    if (stale) return;
    for (const auto& m : called_off)
      c->query("UPDATE mdos SET version = version + 1, status = 'cancelled', document = ? WHERE id = ? AND status = 'planned'",
               {store_.cipher().seal(to_json(m).dump()), m.id});
    Store::append_audit(*c, dossiers_.entry(p, action.c_str(), id));
  });
  if (stale) return Status::conflict();
  plan.version = version + 1;
  return plan;
}

Result<Mdo> MdoService::plan(const Principal& p, int64_t id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "mdo.plan"); !s.is_ok()) return s;
  auto j = store_.jobseeker(id);
  if (!j.is_ok()) return j.status();
  auto tracks = tracks_.load(id);
  auto parsed = plan_mdo(load_plan(id), body, j->first_name + " " + j->last_name, tracks, tracks_.worker_names(tracks),
                         today_utc());
  if (!parsed.is_ok()) return parsed.status();
  Mdo m = parsed.value();
  m.jobseeker_id = id;
  m.version = 1;
  const std::string now = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    m.id = c->query("INSERT INTO mdos (jobseeker_id, version, status, planned_on, held_on, document, created_by, "
                    "created_at, updated_at) VALUES (?, 1, ?, ?, '', ?, ?, ?, ?) RETURNING id",
                    {id, m.status, m.planned_on, store_.cipher().seal(to_json(m).dump()), p.user_id, now, now})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "mdo.plan", id, std::to_string(m.id)));
  });
  return m;
}

Result<Mdo> MdoService::report(const Principal& p, int64_t id, int64_t mdo_id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "mdo.report"); !s.is_ok()) return s;
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  auto all = load(id);
  auto it = std::find_if(all.begin(), all.end(), [&](const Mdo& m) { return m.id == mdo_id; });
  if (it == all.end()) return Status::not_found();
  // A stale version is a conflict before anything else: the caller saw another state.
  if (it->version != version.value()) return Status::conflict();
  Mdo m = *it;
  json rest = body;
  rest.erase("version");
  if (auto s = apply_mdo_report(m, load_plan(id), rest, tracks_.load(id), today_utc()); !s.is_ok()) return s;
  bool stale = false;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    stale = c->query("UPDATE mdos SET version = version + 1, status = ?, held_on = ?, document = ?, updated_at = ? "
                     "WHERE id = ? AND jobseeker_id = ? AND version = ? RETURNING id",
                     {m.status, m.held_on, store_.cipher().seal(to_json(m).dump()), now_utc(), mdo_id, id,
                      version.value()})
                .empty();
    if (!stale) Store::append_audit(*c, dossiers_.entry(p, "mdo.report", id, std::to_string(mdo_id)));
  });
  if (stale) return Status::conflict();
  m.version = version.value() + 1;
  return m;
}

}  // namespace spiraal
