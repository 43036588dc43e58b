#pragma once
// Demo data for parallel tracks, the MDO and the person's voice around the
// fixed demo logins, written through the services as a coach would (sealed
// and audited): for the first dossiers of the login `coach`, a work, a
// welfare and a group track; a held MDO with decisions per track (and one
// dossier whose MDO is overdue); feedback on recent contacts; and requests
// for another counsellor, one open and one refused by `coordinator`.
#include <cstdint>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct DemoTracksSummary {
  int64_t tracks = 0, mdos = 0, feedback = 0, requests = 0;
};

// Needs generate_demo_data() (the logins) first; does nothing without them.
Result<DemoTracksSummary> generate_demo_tracks(Store& store, int dossiers = 5);

}  // namespace spiraal
