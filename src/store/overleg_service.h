#pragma once
// The W²-overleg workflow of one dossier over core/overleg.h: request,
// consent (and its withdrawal), planning, report. Access is checked and
// every step audited like all dossier operations; each step takes the
// version it read (a stale one is a conflict).
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/overleg.h"
#include "store/dossier_service.h"

namespace spiraal {

class OverlegService {
 public:
  OverlegService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}

  Result<std::vector<Overleg>> list(const Principal& p, int64_t jobseeker_id);
  Result<Overleg> get(const Principal& p, int64_t jobseeker_id, int64_t overleg_id);
  Result<Overleg> request(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // step: consent | withdraw | plan | report; body carries the version read.
  Result<Overleg> step(const Principal& p, int64_t jobseeker_id, int64_t overleg_id, const std::string& step,
                       const nlohmann::json& body);

  // Held reports with consent in force, for a partner's shared view (no
  // access check: the caller has checked the consent register).
  std::vector<Overleg> shareable_reports(int64_t jobseeker_id);

 private:
  std::vector<Overleg> load(int64_t jobseeker_id);

  Store& store_;
  DossierService& dossiers_;
};

}  // namespace spiraal
