// libFuzzer harness: the social-map CSV import (core/social_map.h).
//
// The bytes are a CSV file as a coordinator uploads it. Whatever they hold,
// the reader must answer with rows and per-line problems, never a throw, an
// abort or a sanitizer report; and it keeps its promises: a refused file has
// no rows, every row it accepts has a name and passes the organisation rules
// again, and no accepted line is also reported as a problem.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/social_map.h"

using namespace spiraal;

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
  return 0;
}
