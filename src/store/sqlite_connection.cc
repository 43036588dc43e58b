// The SQLite implementation of sql::Connection: WAL journal, foreign keys on,
// synchronous=FULL so that an acknowledged commit survives a crash or power cut.
#include <sqlite3.h>

#include <unordered_map>

#include "store/sql.h"

namespace spiraal::sql {
namespace {

// Once per process, before the first connection: no memory statistics.
// With them (SQLite's default) every allocation takes one global mutex,
// and the connections of a busy server queue on it (seen with perf on the
// team dashboard: a fifth of its time in futex calls).
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // SQLITE_MISUSE if already initialised: then it stays on
    return sqlite3_initialize() == SQLITE_OK;
  }();
  (void)configured;
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    configure_sqlite_once();
    int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw Error("cannot open SQLite database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
    // An 8 MB page cache per connection: a server's 16 connections then hold
    // at most 128 MB; the rest is the kernel's page cache, shared and not
    // counted in the server's memory (32 MB each gave a 385 MB RSS under load).
    try {
      exec_script(
          "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
          "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-8000;");
    } catch (...) {
      // Not a database (or unreadable): the destructor will not run, so close here.
      sqlite3_close(db_);
      throw;
    }
  }
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }

  Rows query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* stmt = prepare(sql);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (int(params.size()) != sqlite3_bind_parameter_count(stmt))
      throw Error("parameter count mismatch for: " + std::string(sql));
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = int(i) + 1;
      int rc = std::visit(
          [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) return sqlite3_bind_null(stmt, idx);
            else if constexpr (std::is_same_v<T, int64_t>) return sqlite3_bind_int64(stmt, idx, v);
            else return sqlite3_bind_text(stmt, idx, v.data(), int(v.size()), SQLITE_STATIC);
          },
          params[i]);
      if (rc != SQLITE_OK) fail("bind");
    }
    Rows rows;
    int columns = sqlite3_column_count(stmt);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        sqlite3_reset(stmt);
        fail(sql);
      }
      std::vector<std::optional<std::string>> cells(columns);
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(stmt, c) == SQLITE_NULL) continue;
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
        cells[c] = std::string(text, sqlite3_column_bytes(stmt, c));
      }
      rows.add_row(std::move(cells));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  void exec_script(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw Error("SQLite: " + msg, msg.find("UNIQUE") != std::string::npos);
    }
  }

  void begin() override { exec_script("BEGIN IMMEDIATE"); }
  void commit() override { exec_script("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) exec_script("ROLLBACK");
  }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    std::string key(sql);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, key.data(), int(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
      fail(sql);
    cache_.emplace(std::move(key), stmt);
    return stmt;
  }

  [[noreturn]] void fail(std::string_view context) {
    int ext = sqlite3_extended_errcode(db_);
    bool unique = ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY;
    throw Error("SQLite: " + std::string(sqlite3_errmsg(db_)) + " in: " + std::string(context), unique);
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;  // prepared once, reused for the connection's life
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path) { return std::make_unique<SqliteConnection>(path); }

}  // namespace spiraal::sql
