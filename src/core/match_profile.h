#pragma once
// What matching knows of one jobseeker, read from their work records: the
// key competences decided as acquired (and those on the business card), the
// job targets not let go, and the hours, travel times and childcare needs of
// the work profile.
#include <vector>

#include "core/matching.h"
#include "core/work_record.h"

namespace spiraal {

WorkProfile profile_from_records(const std::vector<WorkRecord>& records);

}  // namespace spiraal
