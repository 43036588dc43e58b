#pragma once
// Anonymised monitoring for the analyst role (core/monitoring.h): gathers
// the facts of every started trajectory that passes the filter — no names,
// no ids leave this class — and counts them. One query per table for each
// block of people, grouped in memory: the round trips grow with the data by
// blocks, and memory holds one block's rows.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/monitoring.h"
#include "store/store.h"

namespace spiraal {

class MonitoringService {
 public:
  // `store` must outlive the service.
  // `block` people are read per query (tests make it small to cross blocks).
  explicit MonitoringService(Store& store, size_t block = 1000);
  MonitoringService(const MonitoringService&) = delete;
  MonitoringService& operator=(const MonitoringService&) = delete;

  // The indicators for the filter; forbidden without kReadMonitoring.
  // Audited as a read of aggregates.
  Result<nlohmann::json> indicators(const Principal& p, const MonitoringFilter& f);
  // The facts themselves (for the exports, which suppress the same way).
  Result<std::vector<TrajectoryFacts>> facts(const Principal& p, const MonitoringFilter& f);
  // The filter's choices: every team, and the regions and organisations set on them.
  struct Choices {
    std::vector<std::string> teams, regions, organisations;
  };
  Choices choices();

 private:
  std::vector<TrajectoryFacts> gather(const MonitoringFilter& f);

  Store& store_;              // read only
  size_t block_;              // people per block
  std::string placeholders_;  // "?, ?, …", one per person of a block
};

}  // namespace spiraal
