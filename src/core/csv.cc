#include "core/csv.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "core/text.h"

namespace spiraal {

namespace {

// Splits RFC 4180 text into records. A record that is only an empty line is
// skipped. Returns false (with the line) for a quote that never closes.
bool split_records(std::string_view s, std::vector<CsvRecord>& out, size_t& bad_line) {
  size_t line = 1, i = 0;
  while (i < s.size()) {
    CsvRecord r;
    r.line = line;
    std::string field;
    bool done = false;
    while (!done) {
      if (i < s.size() && s[i] == '"') {
        size_t open_line = line;
        ++i;
        for (;;) {
          if (i >= s.size()) {
            bad_line = open_line;
            return false;
          }
          if (s[i] == '"') {
            if (i + 1 < s.size() && s[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (s[i] == '\n') ++line;
          field += s[i++];
        }
        // Text after the closing quote is kept, as spreadsheet programs do.
        while (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') field += s[i++];
      } else {
        while (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') field += s[i++];
      }
      r.fields.push_back(std::move(field));
      field.clear();
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == '\r') ++i;
      if (i < s.size() && s[i] == '\n') ++i;
      ++line;
      done = true;
    }
    bool blank = r.fields.size() == 1 && trim(r.fields[0]).empty();
    if (!blank) out.push_back(std::move(r));
  }
  return true;
}

size_t count_lines(std::string_view s) {
  size_t n = static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
  return s.empty() || s.back() == '\n' ? n : n + 1;
}

// "5 MB" for whole mebibytes (as the messages say it), else bytes.
std::string size_text(size_t bytes) {
  constexpr size_t kMiB = 1024 * 1024;
  return bytes % kMiB == 0 ? std::to_string(bytes / kMiB) + " MB" : std::to_string(bytes) + " bytes";
}

}  // namespace

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 99;
    if (n == 99 || (n == 1 && c < 0xC2) || (n > 0 && i + n >= s.size())) return false;
    uint32_t cp = n == 0 ? c : n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k <= n; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += n + 1;
  }
  return true;
}

CsvFile read_csv(std::string_view bytes, size_t max_bytes, size_t max_lines) {
  CsvFile out;
  auto refuse = [&out](std::string rule, std::string param = {}, size_t line = 0) {
    out.unreadable = true;
    out.header.clear();
    out.records.clear();
    out.errors.push_back({line, "", std::move(rule), std::move(param)});
    return out;
  };
  if (bytes.size() > max_bytes) return refuse("csv_too_large", size_text(max_bytes));
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!valid_utf8(bytes)) return refuse("csv_not_utf8");
  if (count_lines(bytes) > max_lines + 1) return refuse("csv_too_many_lines", std::to_string(max_lines));

  std::vector<CsvRecord> records;
  size_t bad_line = 0;
  if (!split_records(bytes, records, bad_line)) return refuse("csv_open_quote", "", bad_line);
  if (records.empty()) return refuse("csv_empty");
  out.header = std::move(records[0].fields);
  out.header_line = records[0].line;
  out.records.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
  return out;
}

std::vector<std::string> split_list(std::string_view list, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(separator, start);
    std::string item = trim(list.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!item.empty()) out.push_back(std::move(item));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool check_header(const std::vector<std::string>& header, const std::vector<std::string>& known,
                  std::vector<CsvProblem>& errors) {
  bool ok = true;
  std::set<std::string> reported;
  for (const auto& h : header) {
    if (!reported.insert(h).second) continue;
    if (std::find(known.begin(), known.end(), h) == known.end()) {
      errors.push_back({0, "", "csv_unknown_column", h});
      ok = false;
    } else if (std::count(header.begin(), header.end(), h) > 1) {
      errors.push_back({0, "", "csv_duplicate_column", h});
      ok = false;
    }
  }
  return ok;
}

}  // namespace spiraal
