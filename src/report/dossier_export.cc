#include "report/dossier_export.h"

#include "core/clock.h"

namespace spiraal {

Result<nlohmann::json> export_dossier(Store& store, int64_t id, const std::string& requested_by) {
  auto j = store.jobseeker(id);
  if (!j.is_ok()) return j.status();
  store.audit({0, requested_by, "dossier.export", id, "cli"});
  nlohmann::json out;
  out["exported_at"] = now_utc();
  out["dossier"] = to_json(j.value());
  out["versions"] = nlohmann::json::array();
  for (const auto& v : store.jobseeker_versions(id))
    out["versions"].push_back({{"version", v.version}, {"changed_at", v.changed_at}, {"changed_by", v.changed_by},
                               {"data", v.data}});
  out["coaches"] = nlohmann::json::array();
  for (const auto& u : store.coaches_of(id)) out["coaches"].push_back(u.display_name);
  out["contacts"] = nlohmann::json::array();
  for (int offset = 0;; offset += 1000) {
    auto page = store.contacts(id, 1000, offset);
    for (const auto& c : page.items) out["contacts"].push_back(to_json(c));
    if (offset + 1000 >= page.total) break;
  }
  out["audit"] = nlohmann::json::array();
  for (const auto& r : store.audit_for(id, 100000))
    out["audit"].push_back({{"at", r.at}, {"username", r.entry.username}, {"action", r.entry.action},
                            {"detail", r.entry.detail}});
  return out;
}

}  // namespace spiraal
