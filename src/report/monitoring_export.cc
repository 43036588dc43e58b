#include "report/monitoring_export.h"

#include <xlsxwriter.h>

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace spiraal {

using nlohmann::json;

namespace {

std::string value_text(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

// Leaves of `node` below `section`, named by their path.
void flatten(const std::string& section, const std::string& path, const json& node, std::vector<MonitoringRow>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) flatten(section, path.empty() ? key : path + "." + key, value, out);
    return;
  }
  auto dot = path.rfind('.');
  out.push_back({section, dot == std::string::npos ? path : path.substr(0, dot),
                 dot == std::string::npos ? "" : path.substr(dot + 1), value_text(node)});
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

}  // namespace

std::vector<MonitoringRow> monitoring_rows(const json& m) {
  std::vector<MonitoringRow> out = {{"section", "indicator", "cell", "value"}};
  for (const char* section : {"participants", "referral_shares", "process", "w2_change", "baseline_endline", "appreciation"})
    if (m.contains(section)) flatten(section, "", m[section], out);
  // An outcome summary {started, closed, by_class} under one indicator.
  auto outcomes = [&](const std::string& section, const std::string& indicator, const json& o) {
    out.push_back({section, indicator, "started", value_text(o.value("started", json()))});
    if (!o.contains("closed")) return;  // a suppressed group shows its count only
    out.push_back({section, indicator, "closed", value_text(o.value("closed", json()))});
    for (const auto& c : o.value("by_class", json::array()))
      for (const char* key : {"count", "share_of_started", "share_of_closed"})
        out.push_back({section, indicator, c.value("class", "") + " " + key, value_text(c.value(key, json()))});
  };
  if (m.contains("outcomes")) outcomes("outcomes", "all", m["outcomes"]);
  if (m.contains("outcomes_by"))
    for (const auto& [dimension, groups] : m["outcomes_by"].items())
      for (const auto& g : groups) outcomes("outcomes_by_" + dimension, g.value("group", ""), g);
  if (m.contains("durations")) {
    const json& d = m["durations"];
    for (const char* kind : {"closed", "running"})
      for (const char* key : {"people", "median_days"})
        out.push_back({"durations", kind, key, value_text(d[kind].value(key, json()))});
    for (const auto& p : d.value("by_phase", json::array()))
      for (const char* key : {"people", "median_days"})
        out.push_back({"durations", p.value("phase", ""), key, value_text(p.value(key, json()))});
  }
  for (const auto& s : m.value("sustainable_employment", json::array()))
    for (const char* key : {"checked", "working", "share_working", "four_a", "income_sufficient_share"})
      out.push_back({"sustainable_employment", std::to_string(s.value("months", 0)) + " months", key,
                     value_text(s.value(key, json()))});
  return out;
}

std::string monitoring_csv(const std::vector<MonitoringRow>& rows) {
  std::string out;
  for (const auto& r : rows)
    out += csv_field(r[0]) + "," + csv_field(r[1]) + "," + csv_field(r[2]) + "," + csv_field(r[3]) + "\r\n";
  return out;
}

Result<std::string> monitoring_xlsx(const std::vector<MonitoringRow>& rows) {
  // libxlsxwriter writes to a file; a private temporary one is read back.
  auto dir = std::filesystem::temp_directory_path();
  static std::atomic<unsigned> serial{0};
  std::string path =
      (dir / ("spiraal-monitoring-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + ".xlsx")).string();
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) return Status::internal("xlsx: cannot create the workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Monitoring");
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t k = 0; k < 4; ++k) {
      const std::string& v = rows[r][k];
      char* end = nullptr;
      double number = std::strtod(v.c_str(), &end);
      bool numeric = r > 0 && k == 3 && !v.empty() && end && *end == '\0';
      if (numeric)
        worksheet_write_number(sheet, lxw_row_t(r), lxw_col_t(k), number, nullptr);
      else
        worksheet_write_string(sheet, lxw_row_t(r), lxw_col_t(k), v.c_str(), r == 0 ? bold : nullptr);
    }
  worksheet_set_column(sheet, 0, 2, 26, nullptr);
  if (workbook_close(book) != LXW_NO_ERROR) return Status::internal("xlsx: cannot write the workbook");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

}  // namespace spiraal
