#pragma once
// Reading the CSV files coordinators upload (the social map, the catalogues
// of occupations, vacancies and trainings): RFC 4180 records with the
// physical line each starts on, and the problems that refuse a whole file.
// What the columns mean is left to the caller.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace spiraal {

// One problem with an imported file. `line` is the 1-based physical line where
// the record starts (for JSON imports: the 1-based item index), 0 for a
// problem with the whole file; `field` the column (or JSON field path) when
// one field is at fault, else empty; `rule` a catalog key suffix
// (error.<rule>) and `param` a detail substituted into it.
struct CsvProblem {
  size_t line = 0;
  std::string field;
  std::string rule;
  std::string param;
  bool operator==(const CsvProblem&) const = default;
};

struct CsvRecord {
  size_t line = 0;  // physical line where the record starts
  std::vector<std::string> fields;
};

struct CsvFile {
  std::vector<std::string> header;  // the first record's fields, as written
  size_t header_line = 0;           // where the header starts (after blank lines)
  std::vector<CsvRecord> records;   // the records after the header
  std::vector<CsvProblem> errors;   // file-level problems (only when unreadable)
  // True when the file was refused: larger than `max_bytes`, more than
  // `max_lines` lines after the header, not UTF-8, a quote that never closes,
  // or no records at all. Then `header` and `records` are empty and `errors`
  // holds one problem: csv_too_large, csv_too_many_lines, csv_not_utf8,
  // csv_open_quote (with the line the quote opens on) or csv_empty.
  bool unreadable = false;
};

// Splits `bytes` (RFC 4180: comma-separated, fields quoted with '"' may hold
// commas, doubled quotes and line breaks; CRLF or LF; text after a closing
// quote is kept, as spreadsheet programs do). A UTF-8 byte order mark is
// skipped, and a record that is only an empty line is skipped too.
CsvFile read_csv(std::string_view bytes, size_t max_bytes, size_t max_lines);

// Whether `s` is well-formed UTF-8 (no overlong forms, no surrogates).
// Control characters are allowed: the field checks name them per line.
bool valid_utf8(std::string_view s);

// The trimmed, non-empty items of `list` separated by `separator`.
std::vector<std::string> split_list(std::string_view list, char separator);

// Reports, for a header already lower-cased, every column not in `known`
// (csv_unknown_column) and every column given twice (csv_duplicate_column),
// each once, with line 0 and the column as param. Returns whether none was.
bool check_header(const std::vector<std::string>& header, const std::vector<std::string>& known,
                  std::vector<CsvProblem>& errors);

}  // namespace spiraal
