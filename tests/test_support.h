#pragma once
// Shared test fixtures: a fresh, migrated database on either engine, users
// with API tokens, and an in-process HTTP server on a free loopback port.
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <string>
#include <thread>

#include "store/store.h"
#include "web/app.h"

namespace spiraal::testing {

enum class Engine { kSqlite, kPostgres };
std::string engine_name(const ::testing::TestParamInfo<Engine>& info);
inline const auto kEngines = ::testing::Values(Engine::kSqlite, Engine::kPostgres);

// A fresh database: a temporary SQLite file, or a new schema in the
// PostgreSQL database named by SPIRAAL_TEST_PG_URL. Removed on destruction.
class TestDb {
 public:
  // nullptr when the engine is not available (PostgreSQL without the URL).
  // With `migrated_to`, the schema stops at that migration (to test the
  // ones after it on data in the older shape).
  static std::unique_ptr<TestDb> create(Engine engine, size_t pool_size = 4, int migrated_to = 0);
  ~TestDb();
  Store& store() { return *store_; }
  const std::string& address() const { return address_; }
  // The field-encryption key the store uses (id "t1").
  const std::string& key() const { return key_; }

 private:
  Engine engine_;
  std::string address_;
  std::string base_url_, schema_;  // PostgreSQL only
  std::string key_;
  std::unique_ptr<Store> store_;
};

// Skips the current test when `db` is null (call at the start of SetUp).
#define SPIRAAL_REQUIRE_DB(db)                                                           \
  if (!(db)) GTEST_SKIP() << "PostgreSQL tests need SPIRAAL_TEST_PG_URL (make test sets it)"

// A user with an API token, created with a cheap password hash.
struct TestUser {
  User user;
  std::string token;
  Principal principal() const { return user.principal(); }
};
TestUser add_user(Store& store, const std::string& username, Role role, const std::string& team = "Team Test",
                  const std::string& password = "correct horse battery");
// The jobseeker's own "mijn traject" account for dossier `jobseeker_id`,
// with an API token (as PortalService::redeem makes it, without a device).
TestUser add_jobseeker_account(Store& store, int64_t jobseeker_id, const std::string& password = "493817");

// The App served on 127.0.0.1 at a free port for the lifetime of the object.
class TestServer {
 public:
  explicit TestServer(Store& store, AppOptions options = {});
  ~TestServer();
  int port() const { return port_; }
  httplib::Client client() const;
  App& app() { return app_; }

 private:
  App app_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

// Headers for an API call with a Bearer token.
httplib::Headers bearer(const std::string& token, const std::string& lang = "nl");
// A JSON API call with `token`: GET, or PUT/POST with `body`.
httplib::Result api_call(TestServer& server, const std::string& token, const std::string& method,
                         const std::string& path, const nlohmann::json& body = nullptr);

// Posts the staff log-in form as a browser does: GET /login first for the
// form's CSRF token and its cookie, then POST `form` (urlencoded fields,
// without _csrf) with both.
httplib::Result post_login(TestServer& server, const std::string& form);

}  // namespace spiraal::testing
