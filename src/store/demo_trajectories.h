#pragma once
// Referral, selection and spiral paths for the demo jobseekers, written after
// generate_demo_data(): every person gets a referral (from VDAB services,
// OCMW, CAW, associations, experts by experience), most a screening and an
// inclusion, and the included ones a path through the spiral with phases
// skipped, slides back (afglijden), crises and, for some, a closing with an
// outcome class. Every move is legal by core/spiral.h.
#include <cstdint>
#include <functional>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct DemoTrajectorySummary {
  int64_t referrals = 0, screenings = 0, moves = 0, crises = 0, closed = 0, waiting = 0;
};

Result<DemoTrajectorySummary> generate_demo_trajectories(Store& store, uint64_t seed,
                                                         const std::function<void(const std::string&)>& progress = nullptr);

}  // namespace spiraal
