// `spiraal export monitoring`: the analyst's export from the command line,
// with the same filters, suppression and audit as the web page.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "report/monitoring_export.h"
#include "store/monitoring_service.h"

namespace spiraal::cli {

int run_export_monitoring(const Options& o) {
  nlohmann::json query = nlohmann::json::object();
  if (!o.from.empty()) query["from"] = o.from;
  if (!o.to.empty()) query["to"] = o.to;
  if (!o.team.empty()) query["team"] = o.team;
  if (!o.region.empty()) query["region"] = o.region;
  if (!o.organisation.empty()) query["organisation"] = o.organisation;
  if (!o.referral_source.empty()) query["referral_source"] = o.referral_source;
  auto filter = parse_monitoring_filter(query);
  if (!filter.is_ok()) {
    for (const auto& e : filter.status().fields()) std::cerr << "spiraal: --" << e.field << ": " << e.rule << "\n";
    return 2;
  }
  if (o.format == "xlsx" && o.out_file.empty()) {
    std::cerr << "spiraal: an XLSX export needs --out FILE\n";
    return 2;
  }
  auto store = open_store(o);
  if (!store) return 1;
  // The command line stands in for an analyst: the same rights, audited as "cli".
  const Principal analyst{0, Role::kAnalyst, std::nullopt, "cli", "command line", std::nullopt};
  auto indicators = MonitoringService(*store).indicators(analyst, filter.value());
  if (!indicators.is_ok()) {
    std::cerr << "spiraal: " << indicators.status().message() << "\n";
    return 1;
  }
  auto rows = monitoring_rows(indicators.value());
  std::string bytes;
  if (o.format == "xlsx") {
    auto xlsx = monitoring_xlsx(rows);
    if (!xlsx.is_ok()) {
      std::cerr << "spiraal: " << xlsx.status().message() << "\n";
      return 1;
    }
    bytes = xlsx.value();
  } else {
    bytes = monitoring_csv(rows);
  }
  if (o.out_file.empty()) {
    std::cout << bytes;
    return 0;
  }
  std::ofstream out(o.out_file, std::ios::binary);
  out << bytes;
  if (!out) {
    std::cerr << "spiraal: cannot write " << o.out_file << "\n";
    return 1;
  }
  std::cerr << "monitoring: " << rows.size() - 1 << " figures written to " << o.out_file << "\n";
  return 0;
}

}  // namespace spiraal::cli
