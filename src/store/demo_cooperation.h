#pragma once
// Demo data for cooperation around the fixed demo logins, written through
// the services as a coach would (sealed and audited): for the first
// dossiers of the login `coach`, goals in the jobseeker's words with
// actions, a follow-up meeting, a signed trajectory agreement, and a
// consent that shares two sections with the login `partner`.
#include <cstdint>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct DemoCooperationSummary {
  int64_t goals = 0, actions = 0, agreements = 0, consents = 0;
};

constexpr int kCuratedDossiers = 5;

// Needs generate_demo_data() (the logins) first; does nothing without them.
Result<DemoCooperationSummary> generate_demo_cooperation(Store& store, int dossiers = kCuratedDossiers);

}  // namespace spiraal
