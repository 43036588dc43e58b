#include "web/subject_report.h"

#include "store/subject_data.h"
#include "web/i18n.h"
#include "web/view.h"

namespace spiraal {

using nlohmann::json;

namespace {

// A column's label: the form field's name where there is one ("field.<column>"),
// else the column name in words.
std::string column_label(const json& catalog, const std::string& column) {
  if (catalog.contains("field") && catalog["field"].contains(column) && catalog["field"][column].is_string())
    return catalog["field"][column];
  std::string out = column;
  for (char& ch : out)
    if (ch == '_') ch = ' ';
  return out;
}

}  // namespace

json subject_report_model(const json& doc, const std::string& lang) {
  const Catalogs& cat = Catalogs::get();
  const json& catalog = cat.catalog(lang);
  json tables = json::array();
  // In the order of the data map, the dossier first.
  for (auto it = subject_tables().rbegin(); it != subject_tables().rend(); ++it) {
    const std::string table = it->table;
    if (!doc["tables"].contains(table)) continue;
    const json& rows = doc["tables"][table];
    json shown = json::array();
    for (const auto& row : rows) {
      json fields = json::array();
      for (const auto& [column, value] : row.items()) {
        if (value.is_null()) continue;
        fields.push_back({{"label", column_label(catalog, column)}, {"value", value.is_string() ? value.get<std::string>() : value.dump()}});
      }
      shown.push_back({{"fields", fields}});
    }
    tables.push_back({{"title", cat.text(lang, "subject.table." + table)}, {"rows", shown}, {"count", rows.size()}});
  }
  return {{"subject", doc["subject"]}, {"exported_at", doc["exported_at"]}, {"tables", tables}, {"audit", doc["audit"]},
          {"lang", lang}};
}

std::string subject_report_document(const json& doc, const std::string& lang) {
  return Views::get().fragment("subject_report_document", subject_report_model(doc, lang));
}

}  // namespace spiraal
