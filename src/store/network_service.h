#pragma once
// The network coordinator's regional view over the outreach register and
// the warm handovers (core/network.h does the counting and suppression).
#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/network.h"
#include "store/store.h"

namespace spiraal {

class NetworkService {
 public:
  // `store` must outlive the service.
  explicit NetworkService(Store& store) : store_(store) {}
  NetworkService(const NetworkService&) = delete;
  NetworkService& operator=(const NetworkService&) = delete;

  // The overview for the filter; forbidden without kReadNetwork. Audited as
  // a read of aggregates (no dossier). Holds `structural_signals`: {counts
  // (core signal_counts per quarter within the filter), notes (the final
  // beleidsnota's: id, title, finalised_on, counts)}.
  Result<nlohmann::json> overview(const Principal& p, const NetworkFilter& f);
  // The regions that occur, for the filter's choices.
  std::vector<std::string> regions();

 private:
  nlohmann::json structural_signals(const NetworkFilter& f);

  Store& store_;  // the register and handovers
};

}  // namespace spiraal
