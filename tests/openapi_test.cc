// docs/openapi.yaml and the server's /api routes describe the same API: every
// route is documented and every documented operation exists.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "test_support.h"

namespace spiraal::testing {
namespace {

// "/api/v1/jobseekers/{id}" and "/api/v1/jobseekers/(\d+)" both become
// "/api/v1/jobseekers/{}".
std::string normalise(const std::string& path) {
  static const std::regex param(R"(\{[a-z_]+\}|\(\\d\+\)|\(\[a-z_\]\+\))");
  return std::regex_replace(path, param, "{}");
}

std::set<std::string> documented_operations() {
  std::ifstream in(std::string(SPIRAAL_SOURCE_DIR) + "/docs/openapi.yaml");
  std::set<std::string> ops;
  std::string line, path;
  std::smatch m;
  static const std::regex path_re(R"(^  (/[^:]+):\s*$)");
  static const std::regex method_re(R"(^    (get|post|put|patch|delete):)");
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, path_re)) {
      path = normalise(m[1]);
    } else if (!path.empty() && std::regex_search(line, m, method_re)) {
      std::string method = m[1];
      for (auto& ch : method) ch = char(std::toupper(ch));
      ops.insert(method + " " + path);
    } else if (!line.empty() && line[0] != ' ') {
      path.clear();  // left the paths: section
    }
  }
  return ops;
}

TEST(OpenApi, RoutesAndSpecAgree) {
  auto db = TestDb::create(Engine::kSqlite);
  App app(db->store(), {});
  std::set<std::string> served;
  for (const auto& r : app.routes())
    if (r.pattern.starts_with("/api/")) served.insert(r.method + " " + normalise(r.pattern));
  auto documented = documented_operations();
  ASSERT_GT(documented.size(), 10u);
  for (const auto& op : served) EXPECT_TRUE(documented.count(op)) << op << " is served but not in docs/openapi.yaml";
  for (const auto& op : documented) EXPECT_TRUE(served.count(op)) << op << " is documented but not served";
}

}  // namespace
}  // namespace spiraal::testing
