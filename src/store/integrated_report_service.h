#pragma once
// The integrated work-welfare report of one dossier (core/integrated_report.h):
// the material a draft is made of, the coach's saved draft, and the
// finalised versions, which never change. Access is checked and every read
// and write audited like all dossier operations; saving takes the version
// read (0 for the first save), a stale one is a conflict.
#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/integrated_report.h"
#include "store/dossier_service.h"

namespace spiraal {

struct IntegratedReport {
  int64_t id = 0;
  int64_t version = 0;
  std::string status;  // draft | final
  nlohmann::json sections;
  std::string finalised_on;
  std::string updated_at;
};

nlohmann::json to_json(const IntegratedReport& r);

class IntegratedReportService {
 public:
  // Both must outlive the service.
  IntegratedReportService(Store& store, DossierService& dossiers) : store_(store), dossiers_(dossiers) {}
  IntegratedReportService(const IntegratedReportService&) = delete;
  IntegratedReportService& operator=(const IntegratedReportService&) = delete;

  // What a draft is drafted from (see draft_integrated_report): the person's
  // records, the coaches' names and the social map's names.
  Result<nlohmann::json> material(const Principal& p, int64_t jobseeker_id);
  // The saved draft, or nullopt before the first save.
  Result<std::optional<IntegratedReport>> draft(const Principal& p, int64_t jobseeker_id);
  // body: {version, sections}.
  Result<IntegratedReport> save(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // body: {version} of the saved draft; every section needs text. Keeps a
  // final copy; the draft stays for the next report.
  Result<IntegratedReport> finalise(const Principal& p, int64_t jobseeker_id, const nlohmann::json& body);
  // The finalised versions, newest first.
  Result<std::vector<IntegratedReport>> finals(const Principal& p, int64_t jobseeker_id);
  Result<IntegratedReport> final_version(const Principal& p, int64_t jobseeker_id, int64_t report_id);

 private:
  std::vector<IntegratedReport> load(int64_t jobseeker_id, const char* status);

  Store& store_;              // where reports live
  DossierService& dossiers_;  // authorisation and audit entries
};

}  // namespace spiraal
