#pragma once
// The road to work for the demo jobseekers (handbook ch. 4 §3–4 and ch. 5),
// written after generate_demo_trajectories(): by the phase each person
// reached, a mindmap of life situations over several meetings (gaps in the CV
// reframed), competence decisions, work experiences, a work profile, job
// targets through the four checks, exploration placements, applications
// through the eight steps, and for those who started in work or training the
// start with its welfare checklist and emergency plan, aftercare contacts in
// the supported-employment rhythm, absence signals, disclosures and the
// sustainability follow-ups at 3, 6 and 12 months.
//
// Every document is run through its core parser (core/work_record.h) before
// it is written, so status, due_on and parent_id are the parser's; `content`
// is written sealed with the current key (reseal_all skips it). Dates follow
// the trajectory's moves and are never later than today where a parser
// forbids it.
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct DemoWorkSummary {
  int64_t jobseekers = 0;                 // with at least one record
  int64_t records = 0;                    // work_records rows
  std::map<std::string, int64_t> kinds;   // rows per kind
  int64_t hired = 0, rejected = 0;        // applications by outcome
  int64_t starts_ended = 0;               // work starts that stopped
  double seconds = 0;
};

Result<DemoWorkSummary> generate_demo_work(Store& store, uint64_t seed,
                                           const std::function<void(const std::string&)>& progress = nullptr);

}  // namespace spiraal
