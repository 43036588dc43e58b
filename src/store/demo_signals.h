#pragma once
// Signaalfunctie for the demo, written through StructuralSignalService as
// the coaches and a coordinator would (sealed and audited): per team, the
// first coach with dossiers flags structural barriers across the
// categories of data/structural_barriers.json over the last nine months,
// and the coordinator bundles the childcare signals into one final
// beleidsnota and leaves a draft on mobility.
#include <cstdint>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct DemoSignalSummary {
  int64_t signals = 0, notes = 0;
};

// Needs generate_demo_data() (teams, coaches, caseloads, the coordinator
// login) first. The same `seed` gives the same signals.
Result<DemoSignalSummary> generate_demo_signals(Store& store, uint64_t seed);

}  // namespace spiraal
