// `spiraal catalogue import` and `spiraal measures import | export`: the
// operator loads occupations, vacancies and training offers, and replaces
// the employment measures' eligibility rules without a new release. Same
// validation as the API (CatalogueService); audited under the name "cli".
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "store/catalogue_service.h"

namespace spiraal::cli {
namespace {

// The operator holds the database: the rights of an admin, audited as "cli".
Principal operator_principal() { return {0, Role::kAdmin, std::nullopt, "cli", "cli", std::nullopt}; }

bool read_file(const std::string& path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream s;
  s << f.rdbuf();
  out = s.str();
  return true;
}

}  // namespace

int run_catalogue_import(const Options& o) {
  std::string bytes;
  if (!read_file(o.file, bytes)) {
    std::cerr << "spiraal: cannot read " << o.file << "\n";
    return 2;
  }
  std::string format = o.format;
  if (format.empty()) format = o.file.ends_with(".json") ? "json" : "csv";
  auto store = open_store(o);
  if (!store) return 1;
  auto r = CatalogueService(*store).import(operator_principal(), o.catalogue, bytes, format);
  if (!r.is_ok()) {
    std::cerr << "spiraal: " << r.status().message() << "\n";
    return 2;
  }
  for (const auto& p : r->rejected)
    std::cerr << o.file << ":" << p.line << ": " << (p.field.empty() ? "" : p.field + ": ") << p.rule
              << (p.param.empty() ? "" : " (" + p.param + ")") << "\n";
  std::cout << o.catalogue << ": " << r->imported << " imported, " << r->rejected.size() << " refused\n";
  return r->unreadable || (r->imported == 0 && !r->rejected.empty()) ? 2 : 0;
}

int run_measures_import(const Options& o) {
  std::string bytes;
  if (!read_file(o.file, bytes)) {
    std::cerr << "spiraal: cannot read " << o.file << "\n";
    return 2;
  }
  auto doc = nlohmann::json::parse(bytes, nullptr, false);
  if (doc.is_discarded()) {
    std::cerr << "spiraal: " << o.file << " is not JSON\n";
    return 2;
  }
  auto store = open_store(o);
  if (!store) return 1;
  auto r = CatalogueService(*store).replace_measures(operator_principal(), doc);
  if (!r.is_ok()) {
    for (const auto& e : r.status().fields())
      std::cerr << o.file << ": " << e.field << ": " << e.rule << (e.param.empty() ? "" : " (" + e.param + ")") << "\n";
    std::cerr << "spiraal: the measures were not replaced\n";
    return 2;
  }
  std::cout << "measures: version " << r->version << " in force, " << r->measures.size() << " measures\n";
  return 0;
}

int run_measures_export(const Options& o) {
  auto store = open_store(o);
  if (!store) return 1;
  std::cout << to_json(current_measure_catalogue(*store)).dump(1) << "\n";
  return 0;
}

}  // namespace spiraal::cli
