#include "test_support.h"

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "core/secrets.h"
#include "store/migrations.h"
#include "store/sql.h"

namespace spiraal::testing {

std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::kSqlite ? "Sqlite" : "Postgres";
}

std::unique_ptr<TestDb> TestDb::create(Engine engine, size_t pool_size, int migrated_to) {
  auto db = std::unique_ptr<TestDb>(new TestDb());
  db->engine_ = engine;
  if (engine == Engine::kSqlite) {
    auto dir = std::filesystem::temp_directory_path() / ("spiraal-test-" + random_token(8));
    std::filesystem::create_directories(dir);
    db->address_ = (dir / "test.db").string();
  } else {
    const char* url = std::getenv("SPIRAAL_TEST_PG_URL");
    if (!url || !*url) return nullptr;
    db->base_url_ = url;
    db->schema_ = "t_" + random_token(6);
    sql::open_postgres(url)->exec_script("CREATE SCHEMA " + db->schema_);
    db->address_ = db->base_url_ + (db->base_url_.find('?') == std::string::npos ? "?" : "&") +
                   "options=-csearch_path%3D" + db->schema_;
  }
  db->key_ = random_token(16);  // 32 characters serve as 32 key bytes
  auto store = Store::open(db->address_, pool_size, std::make_shared<FieldCipher>("t1", db->key_));
  if (!store.is_ok()) throw std::runtime_error(store.status().message());
  db->store_ = std::move(store).value();
  if (migrated_to) {
    if (auto applied = migrate(*db->store_->pool().acquire(), migrated_to); !applied.is_ok())
      throw std::runtime_error(applied.status().message());
    return db;
  }
  auto migrated = db->store_->migrate();
  if (!migrated.is_ok()) throw std::runtime_error(migrated.status().message());
  return db;
}

TestDb::~TestDb() {
  store_.reset();
  if (engine_ == Engine::kSqlite) {
    std::error_code ec;
    std::filesystem::remove_all(std::filesystem::path(address_).parent_path(), ec);
  } else {
    try {
      sql::open_postgres(base_url_)->exec_script("DROP SCHEMA " + schema_ + " CASCADE");
    } catch (const std::exception&) {
    }
  }
}

TestUser add_user(Store& store, const std::string& username, Role role, const std::string& team,
                  const std::string& password) {
  auto hash = hash_password(password, /*fast=*/true);
  auto user = store.create_user({username, "Test " + username, role, team, *hash});
  if (!user.is_ok()) throw std::runtime_error("cannot create test user " + username);
  std::string token = "sp_test_" + random_token(12);
  store.add_token(user->id, sha256_hex(token), "test");
  return {user.value(), token};
}

TestUser add_jobseeker_account(Store& store, int64_t jobseeker_id, const std::string& password) {
  TestUser t = add_user(store, "mijn." + std::to_string(jobseeker_id), Role::kJobseeker, "", password);
  store.pool().acquire()->query("UPDATE users SET jobseeker_id = ? WHERE id = ?", {jobseeker_id, t.user.id});
  t.user = *store.user_by_id(t.user.id);
  return t;
}

TestServer::TestServer(Store& store, AppOptions options) : app_(store, std::move(options)) {
  app_.install(server_);
  port_ = server_.bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TestServer::~TestServer() {
  server_.stop();
  thread_.join();
}

httplib::Client TestServer::client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_read_timeout(30, 0);
  return c;
}

httplib::Headers bearer(const std::string& token, const std::string& lang) {
  return {{"Authorization", "Bearer " + token}, {"Accept-Language", lang}};
}

httplib::Result api_call(TestServer& server, const std::string& token, const std::string& method,
                         const std::string& path, const nlohmann::json& body) {
  auto client = server.client();
  const auto headers = bearer(token);
  if (method == "GET") return client.Get(path.c_str(), headers);
  if (method == "PUT") return client.Put(path.c_str(), headers, body.dump(), "application/json");
  return client.Post(path.c_str(), headers, body.dump(), "application/json");
}

httplib::Result post_login(TestServer& server, const std::string& form) {
  auto client = server.client();
  auto page = client.Get("/login");
  std::smatch m;
  const std::string body = page ? page->body : std::string();
  if (!std::regex_search(body, m, std::regex(R"re(name="_csrf" value="([0-9a-f]+)")re"))) return page;
  const std::string set = page->get_header_value("Set-Cookie");
  return client.Post("/login", {{"Cookie", set.substr(0, set.find(';'))}}, "_csrf=" + std::string(m[1]) + "&" + form,
                     "application/x-www-form-urlencoded");
}

}  // namespace spiraal::testing
