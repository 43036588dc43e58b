#pragma once
// Groepswerking for the demo, written through GroupService as the team's
// coaches would (sealed and audited): per team a "gekwetst binnenste" group
// with an external ervaringsdeskundige and a sollicitatieclub, each with
// participants from the lead coach's caseload and one known by first name,
// weekly sessions with attendance since the group started, and themes
// passed from the lead coach's dossiers, one taken up in the last session.
#include <cstdint>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct DemoGroupSummary {
  int64_t groups = 0, members = 0, sessions = 0, themes = 0;
};

// Needs generate_demo_data() (teams, coaches, caseloads) first; a team
// without a coach with dossiers gets no groups. `per_team` is at most 2.
Result<DemoGroupSummary> generate_demo_groups(Store& store, int per_team = 2);

}  // namespace spiraal
