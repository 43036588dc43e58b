#pragma once
// The dossier operations that pages, the JSON API and the CLI share. Each
// call checks access (core/access.h) for the caller's role and relationship
// to the dossier, validates with the core rules, and leaves an audit record
// of every read and write, including refused attempts.
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "store/store.h"

namespace spiraal {

class DossierService {
 public:
  // `store` must outlive the service.
  explicit DossierService(Store& store, SignalSettings signals = {}) : store_(store), signals_(signals) {}

  // Opens a dossier from an API or form body. A coach who creates it becomes
  // its anchor person; it belongs to the creator's team.
  Result<Jobseeker> create(const Principal& p, const nlohmann::json& body);
  Result<Jobseeker> read(const Principal& p, int64_t id);
  // `patch` must hold the `version` the caller last read; a stale version
  // gives kConflict and changes nothing.
  Result<Jobseeker> update(const Principal& p, int64_t id, const nlohmann::json& patch);
  Result<std::vector<DossierVersion>> history(const Principal& p, int64_t id);
  Result<std::vector<User>> coaches(const Principal& p, int64_t id);
  // Who looked at or changed the dossier.
  Result<std::vector<AuditRecord>> access_log(const Principal& p, int64_t id);

  // A coach's own caseload, or a coordinator's whole team, each row with its
  // signals.
  Result<Page<CaseloadRow>> caseload(const Principal& p, CaseloadQuery q);

  Result<Page<Contact>> contacts(const Principal& p, int64_t id, int limit, int offset);
  Result<ContactSummary> contact_summary(const Principal& p, int64_t id);
  Result<Contact> contact(const Principal& p, int64_t id, int64_t contact_id);
  Result<Contact> add_contact(const Principal& p, int64_t id, const nlohmann::json& body);
  Result<Contact> update_contact(const Principal& p, int64_t id, int64_t contact_id, const nlohmann::json& patch);

  // kOk when `p` may do `a` on dossier `id`; otherwise kNotFound (the dossier
  // is outside the caller's reach) or kForbidden, and the refusal is audited
  // with `what`. Other services of a dossier ask here too.
  Status authorize(const Principal& p, Action a, int64_t id, const char* what);
  // An audit record of `p` doing `action` on dossier `id`.
  AuditEntry entry(const Principal& p, const char* action, int64_t id, std::string detail = {}) const;

  // What a read or a write of a dossier part asks of `p`: the jobseeker's
  // own account reads and adds to their own trajectory (kReadOwn,
  // kWriteOwn) through the parts "mijn traject" shows; everyone else needs
  // kReadDossier or kWriteDossier.
  static Action read_action(const Principal& p);
  static Action write_action(const Principal& p);

 private:

  Store& store_;
  SignalSettings signals_;
};

// Reads the mandatory `version` member of an update body.
Result<int64_t> expected_version(const nlohmann::json& patch);

}  // namespace spiraal
