// `spiraal subject export | erase | retention`: the GDPR rights of one
// person, for the operator or data-protection officer handling a request.
// These bypass role checks (the operator holds the database) and are
// audited under the user name "cli".
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "report/subject_export.h"
#include "store/subject_data.h"
#include "web/subject_report.h"

namespace spiraal::cli {
namespace {

AuditEntry cli_entry(const char* action, int64_t id, std::string detail = {}) {
  return {0, "cli", action, id, std::move(detail)};
}

// Debian's chromium, or $SPIRAAL_CHROMIUM.
std::string chromium() {
  if (const char* env = std::getenv("SPIRAAL_CHROMIUM"); env && *env) return env;
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (std::filesystem::exists(p)) return p;
  return {};
}

std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  return bool(f);
}

}  // namespace

int run_subject_export(const Options& o) {
  auto store = open_store(o);
  if (!store) return 1;
  auto doc = subject_export(*store, o.jobseeker_id, cli_entry("subject.export", o.jobseeker_id));
  if (!doc.is_ok()) {
    std::cerr << "spiraal: no jobseeker " << o.jobseeker_id << "\n";
    return 2;
  }
  if (o.out_dir.empty()) {
    std::cout << doc->dump(2) << "\n";
    return 0;
  }
  std::filesystem::path dir(o.out_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::string base = "spiraal-" + std::to_string(o.jobseeker_id);
  const auto json_path = dir / (base + ".json"), html_path = dir / (base + ".html"), pdf_path = dir / (base + ".pdf");
  if (!write_file(json_path, doc->dump(2) + "\n") ||
      !write_file(html_path, subject_report_document(doc.value(), o.lang))) {
    std::cerr << "spiraal: cannot write to " << dir << "\n";
    return 1;
  }
  std::string browser = chromium();
  if (browser.empty()) {
    std::cerr << "spiraal: wrote " << json_path << " and " << html_path
              << "; no chromium found to print the PDF (set SPIRAAL_CHROMIUM)\n";
    return 1;
  }
  std::string cmd = shell_quoted(browser) + " --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=" +
                    shell_quoted(pdf_path.string()) + " " + shell_quoted("file://" + std::filesystem::absolute(html_path).string()) +
                    " >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0 || !std::filesystem::exists(pdf_path)) {
    std::cerr << "spiraal: chromium could not print " << pdf_path << "\n";
    return 1;
  }
  std::cout << json_path.string() << "\n" << pdf_path.string() << "\n";
  return 0;
}

int run_subject_erase(const Options& o) {
  auto store = open_store(o);
  if (!store) return 1;
  auto t = erase_subject(*store, o.jobseeker_id, cli_entry("subject.erase", o.jobseeker_id));
  if (!t.is_ok()) {
    std::cerr << "spiraal: no jobseeker " << o.jobseeker_id << "\n";
    return 2;
  }
  std::cout << "erased jobseeker " << o.jobseeker_id << "; kept an anonymised tombstone (" << t->age_band << ", "
            << (t->final_state.empty() ? "no trajectory" : t->final_state) << ", " << t->contacts << " contacts)\n";
  return 0;
}

int run_subject_retention(const Options& o) {
  auto store = open_store(o);
  if (!store) return 1;
  auto due = retention_due(*store, o.retention_months);
  for (const auto& d : due)
    std::cout << d["id"].get<int64_t>() << "\tclosed " << d["closed_on"].get<std::string>() << "\t"
              << d["outcome"].get<std::string>() << "\n";
  std::cerr << due.size() << " closed dossiers past " << o.retention_months
            << " months; erase each with `spiraal subject erase --jobseeker ID --yes`\n";
  return 0;
}

}  // namespace spiraal::cli
