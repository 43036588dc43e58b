#include "store/overleg_service.h"

#include <algorithm>

#include "core/clock.h"
#include "store/store_internal.h"

namespace spiraal {

using nlohmann::json;

std::vector<Overleg> OverlegService::load(int64_t jobseeker_id) {
  return store_internal::load_sealed_documents(store_, "overlegs", jobseeker_id, &overleg_from_json);
}

Result<std::vector<Overleg>> OverlegService::list(const Principal& p, int64_t id) {
  if (auto s = dossiers_.authorize(p, Action::kReadDossier, id, "overleg.read"); !s.is_ok()) return s;
  store_.audit(dossiers_.entry(p, "overleg.read", id));
  return load(id);
}

Result<Overleg> OverlegService::get(const Principal& p, int64_t id, int64_t overleg_id) {
  auto all = list(p, id);
  if (!all.is_ok()) return all.status();
  for (auto& o : all.value())
    if (o.id == overleg_id) return o;
  return Status::not_found();
}

Result<Overleg> OverlegService::request(const Principal& p, int64_t id, const json& body) {
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, "overleg.request"); !s.is_ok()) return s;
  auto o = parse_overleg_request(body, today_utc());
  if (!o.is_ok()) return o.status();
  Overleg out = o.value();
  out.jobseeker_id = id;
  out.version = 1;
  const std::string now = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    out.id = c->query("INSERT INTO overlegs (jobseeker_id, version, status, document, created_by, created_at, updated_at) "
                      "VALUES (?, 1, ?, ?, ?, ?, ?) RETURNING id",
                      {id, out.status, store_.cipher().seal(to_json(out).dump()), p.user_id, now, now})
                 .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "overleg.request", id, std::to_string(out.id)));
  });
  return out;
}

Result<Overleg> OverlegService::step(const Principal& p, int64_t id, int64_t overleg_id, const std::string& step,
                                     const json& body) {
  if (step != "consent" && step != "withdraw" && step != "plan" && step != "report") return Status::not_found();
  const std::string action = "overleg." + step;
  if (auto s = dossiers_.authorize(p, Action::kWriteDossier, id, action.c_str()); !s.is_ok()) return s;
  auto version = expected_version(body);
  if (!version.is_ok()) return version.status();
  auto all = load(id);
  auto it = std::find_if(all.begin(), all.end(), [&](const Overleg& o) { return o.id == overleg_id; });
  if (it == all.end()) return Status::not_found();
  Overleg o = *it;
  json rest = body;
  rest.erase("version");
  const std::string today = today_utc();
  Status applied = Status::ok();
  if (step == "consent") {
    applied = apply_overleg_consent(o, rest, today);
  } else if (step == "withdraw") {
    // From now on nothing is shared, and a meeting not yet held is off.
    if (auto s = withdraw_consent(o.consent_on, o.consent_withdrawn_on, today); !s.is_ok()) return s;
    if (o.status != "held") o.status = "cancelled";
  } else if (step == "plan") {
    applied = apply_overleg_plan(o, rest, today);
    if (applied.is_ok()) {
      FieldErrors errors;
      auto c = store_.pool().acquire();
      for (size_t i = 0; i < o.participants.size(); ++i)
        if (o.participants[i].organisation_id &&
            c->query("SELECT 1 FROM organisations WHERE id = ?", {*o.participants[i].organisation_id}).empty())
          errors.push_back({"participants." + std::to_string(i) + ".organisation_id", "not_on_social_map"});
      if (!errors.empty()) applied = Status::invalid(std::move(errors));
    }
  } else {
    applied = apply_overleg_report(o, rest, today);
  }
  if (!applied.is_ok()) return applied;
  bool stale = false;
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    stale = c->query("UPDATE overlegs SET version = version + 1, status = ?, planned_on = ?, document = ?, updated_at = ? "
                     "WHERE id = ? AND jobseeker_id = ? AND version = ? RETURNING id",
                     {o.status, o.planned_on.empty() ? sql::Param(nullptr) : sql::Param(o.planned_on),
                      store_.cipher().seal(to_json(o).dump()), now_utc(), overleg_id, id, version.value()})
                .empty();
    if (!stale) Store::append_audit(*c, dossiers_.entry(p, action.c_str(), id, std::to_string(overleg_id)));
  });
  if (stale) return Status::conflict();
  o.version = version.value() + 1;
  return o;
}

std::vector<Overleg> OverlegService::shareable_reports(int64_t id) {
  std::vector<Overleg> out;
  for (auto& o : load(id))
    if (o.status == "held" && consent_in_force(o)) out.push_back(std::move(o));
  return out;
}

}  // namespace spiraal
