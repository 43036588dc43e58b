// libFuzzer harness: the CSV imports, the social map (core/social_map.h)
// and the catalogues of occupations, vacancies and trainings
// (core/catalogue.h, as CSV and as JSON).
//
// The bytes are a file as a coordinator uploads it. Whatever they hold, each
// reader must answer with rows and per-line problems, never a throw, an
// abort or a sanitizer report; and it keeps its promises: a refused file has
// no rows, every row it accepts passes the rules again (a name for the
// social map; parse_* of its own to_json for a catalogue), and no accepted
// line is also reported as a problem.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/catalogue.h"
#include "core/social_map.h"

using namespace spiraal;

namespace {

// The promises of one catalogue import; `parse` reads back what to_json gave.
template <typename T, typename Parse>
void check(const CatalogueImport<T>& r, Parse parse) {
  if (r.unreadable && !r.rows.empty()) std::abort();
  std::set<size_t> refused;
  for (const auto& e : r.errors) refused.insert(e.line);
  for (const auto& [line, item] : r.rows) {
    if (line == 0 || refused.count(line)) std::abort();
    if (!parse(to_json(item)).is_ok()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const std::vector<std::string> existing = {"caw oost-vlaanderen", "ocmw gent"};
  SocialMapCsv csv = parse_social_map_csv(bytes, existing);
  if (csv.unreadable && !csv.rows.empty()) std::abort();
  std::set<size_t> refused;
  for (const auto& e : csv.errors) refused.insert(e.line);
  for (const auto& row : csv.rows) {
    if (row.organisation.name.empty()) std::abort();
    if (refused.count(row.line)) std::abort();  // a line is imported whole or not at all
    (void)to_json(row.organisation).dump();
  }
  for (const char* format : {"csv", "json"}) {
    check(import_occupations(bytes, format), parse_occupation);
    check(import_vacancies(bytes, format), parse_vacancy);
    check(import_trainings(bytes, format), parse_training);
  }
  return 0;
}
