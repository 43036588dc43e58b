#pragma once
// The readable form of a subject-access export (store/subject_data.h): every
// table's rows as labelled lines, for the page, the PDF and `spiraal subject
// export`. Labels come from the message catalogs.
#include <string>

#include <nlohmann/json.hpp>

namespace spiraal {

// {subject, exported_at, tables: [{title, rows: [{fields: [{label, value}]}]}], audit: [...]}
nlohmann::json subject_report_model(const nlohmann::json& export_doc, const std::string& lang);

// A whole HTML document with its own print styles, for printing outside the
// web server (the CLI prints it to PDF with headless chromium).
std::string subject_report_document(const nlohmann::json& export_doc, const std::string& lang);

}  // namespace spiraal
