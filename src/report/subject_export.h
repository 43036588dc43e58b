#pragma once
// The subject-access export (GDPR art. 15): everything Spiraal holds on one
// person, every table of store/subject_data.h plus the audit records of
// their dossier, as one JSON document. Used by `spiraal subject export` and
// the dossier's "Inzage" page; the readable form is web/subject_report.h.
#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

// {subject: id, exported_at, tables: {<table>: [{column: value}]},
//  audit: [{at, username, action, detail}]}. The export itself is audited
// with `audit` (after the records it lists).
Result<nlohmann::json> subject_export(Store& store, int64_t jobseeker_id, const AuditEntry& audit);

}  // namespace spiraal
