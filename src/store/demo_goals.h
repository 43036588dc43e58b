#pragma once
// Demo data at scale for what the jobseeker and coach agree on (issue 10):
// for every trajectory past the screening, goals in the jobseeker's words
// with actions, a signed trajectory agreement for most, and for some a
// W²-overleg with the services around them. Written in bulk as plain text,
// like the other bulk loaders; reseal_all() seals it afterwards.
#include <cstdint>
#include <functional>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct DemoGoalSummary {
  int64_t goals = 0, actions = 0, agreements = 0, overlegs = 0;
};

// Needs generate_demo_trajectories() first (the trajectories).
Result<DemoGoalSummary> generate_demo_goals(Store& store, uint64_t seed,
                                            const std::function<void(const std::string&)>& progress);

}  // namespace spiraal
