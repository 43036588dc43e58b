#pragma once
// The catalogues in the database: occupations, vacancies and training offers
// (core/catalogue.h), imported from CSV or JSON by coordinators and admins
// (kManageCatalogues) and consulted by whoever guides (kReadCatalogues); and
// the catalogue of employment measures (core/measures.h), whose rules an
// organisation replaces by uploading a new document. No dossier data, so
// reads are not audited; every write is.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/catalogue.h"
#include "core/measures.h"
#include "store/store.h"

namespace spiraal {

// What an import did: entries added or replaced (same code or reference),
// and per refused line (line 0: the whole file) why.
struct CatalogueImportReport {
  int imported = 0;
  std::vector<CsvProblem> rejected;
  bool unreadable = false;  // the file itself was refused; nothing was imported
};

// The catalogues by name: "occupations", "vacancies", "trainings".
const std::vector<std::string>& catalogue_names();

// The measures in force: the newest uploaded catalogue, else the shipped one.
MeasureCatalogue current_measure_catalogue(Store& store);

class CatalogueService {
 public:
  // `store` must outlive the service.
  explicit CatalogueService(Store& store) : store_(store) {}
  CatalogueService(const CatalogueService&) = delete;
  CatalogueService& operator=(const CatalogueService&) = delete;

  Result<std::vector<Occupation>> occupations(const Principal& p);
  Result<std::vector<Vacancy>> vacancies(const Principal& p);
  Result<std::vector<Training>> trainings(const Principal& p);
  Result<Vacancy> vacancy(const Principal& p, int64_t id);

  // Every valid line of a CSV or JSON file (`format` "csv" or "json") of
  // catalogue `name`, in one transaction; a line is taken whole or not at all.
  Result<CatalogueImportReport> import(const Principal& p, const std::string& name, std::string_view bytes,
                                       std::string_view format);
  // One entry as JSON (the to_json shape), added or replacing its key.
  Result<nlohmann::json> put(const Principal& p, const std::string& name, const nlohmann::json& body);

  Result<MeasureCatalogue> measures(const Principal& p);
  // Replaces the measures and their rules by `document` once it validates
  // whole (core/measures.h parse_measure_catalogue).
  Result<MeasureCatalogue> replace_measures(const Principal& p, const nlohmann::json& document);

 private:
  // Upserts one validated entry (its to_json) under its key.
  void upsert(sql::Connection& c, const std::string& name, const nlohmann::json& doc, const std::string& now);
  AuditEntry entry(const Principal& p, std::string action, std::string detail) const;

  Store& store_;  // where the catalogues live
};

}  // namespace spiraal
