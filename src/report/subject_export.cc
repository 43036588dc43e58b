#include "report/subject_export.h"

#include "core/clock.h"
#include "store/subject_data.h"

namespace spiraal {

using nlohmann::json;

Result<json> subject_export(Store& store, int64_t id, const AuditEntry& audit) {
  if (!store.jobseeker(id).is_ok()) return Status::not_found();
  json out = {{"subject", id}, {"exported_at", now_utc()}, {"tables", json::object()}, {"audit", json::array()}};
  // Parents first: the dossier, then what hangs under it.
  for (auto it = subject_tables().rbegin(); it != subject_tables().rend(); ++it)
    out["tables"][it->table] = subject_rows(store, *it, id);
  for (const auto& r : store.audit_for(id, 1'000'000))
    out["audit"].push_back({{"at", r.at}, {"username", r.entry.username}, {"action", r.entry.action},
                            {"detail", r.entry.detail}});
  store.audit(audit);
  return out;
}

}  // namespace spiraal
