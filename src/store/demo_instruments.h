#pragma once
// Score tables and instrument versions for the demo jobseekers, written after
// generate_demo_trajectories(): every included person gets a score table at
// the start of the trajectory, about every three months after it and shortly
// after each crisis, scored by the jobseeker and now and then by the coach.
// The "now" scores climb slowly with noise, drop on the items a crisis hits
// and recover. Each person also gets one to three dated versions of the
// draaglast-draagkracht balance, the ecogram and the life-event line, in
// which load gives way to support, with setbacks after crises. The sealed
// columns (score_tables.items, instrument_versions.document) are written
// sealed already: with about 1.4 million rows for 100,000 jobseekers, a
// second pass through reseal_all() would double the time (reseal_all skips
// them, as they are sealed with the current key).
#include <cstdint>
#include <functional>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct DemoInstrumentSummary {
  int64_t jobseekers = 0;                                // with a trajectory
  int64_t score_tables = 0, by_coach = 0;                // snapshots; of which by the coach
  int64_t balances = 0, ecograms = 0, life_events = 0;   // instrument versions
  int64_t instrument_versions() const { return balances + ecograms + life_events; }
};

Result<DemoInstrumentSummary> generate_demo_instruments(Store& store, uint64_t seed,
                                                        const std::function<void(const std::string&)>& progress = nullptr);

}  // namespace spiraal
