#pragma once
// The records of the road to work (core/work_record.h) in one dossier: read,
// added and updated with access checked and every read and write audited
// like all dossier operations. Updates are optimistic: a stale version is a
// conflict. A start in work or training creates its sustainability
// follow-ups at 3, 6 and 12 months.
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/work_record.h"
#include "store/dossier_service.h"

namespace spiraal {

class WorkService {
 public:
  // Both must outlive the service.
  WorkService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}
  WorkService(const WorkService&) = delete;
  WorkService& operator=(const WorkService&) = delete;

  // Every record of the dossier, oldest first; of one kind when `kind` is set.
  Result<std::vector<WorkRecord>> list(const Principal& p, int64_t jobseeker_id, const WorkRecordKind* kind = nullptr);
  // A new record. Kinds the system creates cannot be added; a kind that is
  // single per dossier is saved with save_single instead.
  Result<WorkRecord> add(const Principal& p, int64_t jobseeker_id, const WorkRecordKind& kind,
                         const nlohmann::json& body);
  // body carries the version read.
  Result<WorkRecord> update(const Principal& p, int64_t jobseeker_id, const WorkRecordKind& kind, int64_t record_id,
                            const nlohmann::json& body);
  // Creates or replaces the one record of a single kind (work profile,
  // business card); body carries the version read, 0 when there was none.
  Result<WorkRecord> save_single(const Principal& p, int64_t jobseeker_id, const WorkRecordKind& kind,
                                 const nlohmann::json& body);

 private:
  std::vector<WorkRecord> load(int64_t jobseeker_id);
  // The cross-record rules: the parent exists in this dossier and has the
  // right kind; the situations a decision cites are on the mindmap.
  Status check_links(const std::vector<WorkRecord>& all, const WorkRecordKind& kind, const WorkRecordContent& r);
  // Updates a system-created follow-up: what was recorded joins what the
  // system set (the start and the moment).
  Result<WorkRecordContent> merge_followup(const WorkRecord& current, const nlohmann::json& body);
  // Sets a start's due_on to its next aftercare contact (core/work_start.h),
  // so the caseload can flag a lapse without opening sealed records. Runs
  // on `c` inside the caller's transaction.
  void refresh_aftercare(sql::Connection& c, int64_t start_id);

  Store& store_;               // where records live
  DossierService& dossiers_;   // authorisation and audit entries
};

}  // namespace spiraal
