#pragma once
// Dated versions of the balance, the ecogram and the life-event line, with
// access checked and audited like every dossier operation.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/dossier_service.h"

namespace spiraal {

struct InstrumentVersion {
  int64_t id = 0;
  std::string instrument;
  std::string taken_on;
  nlohmann::json document;
  std::string created_by;  // display name
  std::string created_at;
};

nlohmann::json to_json(const InstrumentVersion& v);

class InstrumentService {
 public:
  // Both must outlive the service.
  InstrumentService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}

  // Every version of one instrument, oldest first.
  Result<std::vector<InstrumentVersion>> versions(const Principal& p, int64_t jobseeker_id, const std::string& name);
  // body: {taken_on, document}; the document is validated by core/instruments.h.
  Result<InstrumentVersion> add(const Principal& p, int64_t jobseeker_id, const std::string& name,
                                const nlohmann::json& body);

 private:
  Store& store_;
  DossierService& dossiers_;
};

}  // namespace spiraal
