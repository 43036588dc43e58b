#pragma once
// Catalogues for the demo: the sample occupations and training offers of
// data/samples/, and vacancies drawn from the sample ones across the demo
// towns and employers (about one for every 40 jobseekers, at least 40),
// imported as the demo coordinator would, through CatalogueService.
#include <cstdint>

#include "core/status.h"
#include "store/store.h"

namespace spiraal {

struct DemoCatalogueSummary {
  int occupations = 0, vacancies = 0, trainings = 0;
};

Result<DemoCatalogueSummary> generate_demo_catalogues(Store& store, int64_t jobseekers, uint64_t seed);

}  // namespace spiraal
