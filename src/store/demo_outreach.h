#pragma once
// Demo data for outreach (issue 7), written through OutreachService as
// toeleiders would (sealed and audited): one toeleider per neighbourhood
// service of the social map (the login `toeleider` works for the first),
// people met at find places, through partners and by word of mouth, with
// contacts, phase moves and segments in plausible shares, and warm
// handovers into the teams' referral lists, some already picked up and met.
#include <cstdint>
#include <functional>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct DemoOutreachSummary {
  int64_t toeleiders = 0, people = 0, contacts = 0, moves = 0, segments = 0, handovers = 0;
};

// Needs the demo logins and the social map first. `people` persons in all.
Result<DemoOutreachSummary> generate_demo_outreach(Store& store, int people, uint64_t seed,
                                                   const std::string& password_hash);

}  // namespace spiraal
