#pragma once
// The monitoring indicators (core/monitoring.h) as a flat table for the
// analyst's exports: one row per figure — section, indicator, cell, value —
// with the values exactly as suppressed on screen, as CSV or as an XLSX
// workbook (libxlsxwriter).
#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace spiraal {

using MonitoringRow = std::array<std::string, 4>;

// The rows of monitoring_indicators(), in a fixed order, with a header row.
std::vector<MonitoringRow> monitoring_rows(const nlohmann::json& indicators);
// RFC 4180 CSV, UTF-8, CRLF line ends.
std::string monitoring_csv(const std::vector<MonitoringRow>& rows);
// An XLSX workbook with one sheet "Monitoring"; an internal error when the
// library cannot write its temporary file.
Result<std::string> monitoring_xlsx(const std::vector<MonitoringRow>& rows);

}  // namespace spiraal
