#include "store/instrument_service.h"

#include <algorithm>

#include "core/clock.h"
#include "core/field_reader.h"
#include "core/instruments.h"

namespace spiraal {

using nlohmann::json;

namespace {
bool known(const std::string& name) {
  const auto& names = instrument_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}
}  // namespace

json to_json(const InstrumentVersion& v) {
  return {{"id", v.id},           {"instrument", v.instrument}, {"taken_on", v.taken_on},
          {"document", v.document}, {"created_by", v.created_by}, {"created_at", v.created_at}};
}

Result<std::vector<InstrumentVersion>> InstrumentService::versions(const Principal& p, int64_t jobseeker_id,
                                                                   const std::string& name) {
  if (!known(name)) return Status::not_found();
  if (auto s = dossiers_.authorize(p, DossierService::read_action(p), jobseeker_id, "instrument.read"); !s.is_ok()) return s;
  std::vector<InstrumentVersion> out;
  {
    auto c = store_.pool().acquire();
    auto r = c->query(
        "SELECT v.id, v.taken_on, v.document, COALESCE(u.display_name, ''), v.created_at FROM instrument_versions v "
        "LEFT JOIN users u ON u.id = v.created_by WHERE v.jobseeker_id = ? AND v.instrument = ? "
        "ORDER BY v.taken_on, v.id",
        {jobseeker_id, name});
    for (size_t i = 0; i < r.size(); ++i)
      out.push_back({r.integer(i, 0), name, r.text(i, 1), json::parse(store_.cipher().open(r.text(i, 2))),
                     r.text(i, 3), r.text(i, 4)});
  }
  store_.audit(dossiers_.entry(p, "instrument.read", jobseeker_id, name));
  return out;
}

Result<InstrumentVersion> InstrumentService::add(const Principal& p, int64_t jobseeker_id, const std::string& name,
                                                 const json& body) {
  if (!known(name)) return Status::not_found();
  if (auto s = dossiers_.authorize(p, DossierService::write_action(p), jobseeker_id, "instrument.add"); !s.is_ok())
    return s;
  // The jobseeker adds to a part of their story only where the coach opened it.
  if (p.role == Role::kJobseeker &&
      store_.pool()
          .acquire()
          ->query("SELECT 1 FROM portal_openings WHERE jobseeker_id = ? AND instrument = ?", {jobseeker_id, name})
          .empty())
    return Status::forbidden();
  if (!body.is_object()) return Status::invalid_field("", "type_object");
  FieldErrors errors;
  std::string today = today_utc();
  InstrumentVersion v;
  v.instrument = name;
  for (const auto& [key, _] : body.items())
    if (key != "taken_on" && key != "document") errors.push_back({key, "unknown_field"});
  if (body.contains("taken_on")) read_past_date(body["taken_on"], "taken_on", today, v.taken_on, errors);
  if (v.taken_on.empty()) v.taken_on = today;
  auto doc = validate_instrument(name, body.value("document", json()), today);
  if (!doc.is_ok()) {
    // Field paths are reported inside the document.
    for (const auto& e : doc.status().fields()) errors.push_back({"document." + e.field, e.rule, e.param});
  }
  if (!errors.empty()) return Status::invalid(std::move(errors));
  v.document = doc.value();
  v.created_at = now_utc();
  auto c = store_.pool().acquire();
  sql::in_transaction(*c, [&] {
    v.id = c->query(
                "INSERT INTO instrument_versions (jobseeker_id, instrument, taken_on, document, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                {jobseeker_id, name, v.taken_on, store_.cipher().seal(v.document.dump()), p.user_id, v.created_at})
               .integer(0, 0);
    Store::append_audit(*c, dossiers_.entry(p, "instrument.add", jobseeker_id, name));
  });
  v.created_by = p.display_name;
  return v;
}

}  // namespace spiraal
