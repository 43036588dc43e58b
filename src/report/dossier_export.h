#pragma once
// Everything Spiraal holds on one jobseeker, as one JSON document: the
// dossier, its version history, assigned coaches, the contact journal and
// the audit trail. Used by `spiraal export --jobseeker ID` (an operator
// command for subject-access requests; it bypasses role checks and is
// itself audited).
#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

Result<nlohmann::json> export_dossier(Store& store, int64_t jobseeker_id, const std::string& requested_by);

}  // namespace spiraal
