#pragma once
// The thin SQL layer under the Store: one Connection interface, implemented
// for SQLite (sqlite_connection.cc) and PostgreSQL (pg_connection.cc). The
// Store writes portable SQL with `?` placeholders; each connection adapts it.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <condition_variable>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace spiraal::sql {

enum class Dialect { kSqlite, kPostgres };

// A bound parameter: NULL, an integer or text.
using Param = std::variant<std::nullptr_t, int64_t, std::string>;
using Params = std::vector<Param>;

// A database error. `unique_violation` marks a broken UNIQUE constraint so
// callers can answer "already exists" instead of failing.
struct Error : std::runtime_error {
  Error(const std::string& what, bool unique = false) : std::runtime_error(what), unique_violation(unique) {}
  bool unique_violation;
};

// The result of one statement, as text cells (NULL kept apart).
class Rows {
 public:
  size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  bool is_null(size_t row, size_t col) const { return !rows_.at(row).at(col).has_value(); }
  // The cell as text; "" for NULL.
  const std::string& text(size_t row, size_t col) const;
  // The cell as an integer; 0 for NULL. Throws Error when not an integer.
  int64_t integer(size_t row, size_t col) const;
  std::optional<int64_t> opt_integer(size_t row, size_t col) const;

  void add_row(std::vector<std::optional<std::string>> cells) { rows_.push_back(std::move(cells)); }

 private:
  std::vector<std::vector<std::optional<std::string>>> rows_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement with `?` placeholders; statements are prepared once
  // per connection and reused. Throws Error.
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  // Runs several `;`-separated statements without parameters (migrations).
  virtual void exec_script(std::string_view sql) = 0;
  // Transactions. SQLite takes the write lock at begin (BEGIN IMMEDIATE), so
  // read-then-write sequences never fail half-way with SQLITE_BUSY.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
};

// Opens a connection. `sqlite` takes a file path; `postgres` a libpq URL.
std::unique_ptr<Connection> open_sqlite(const std::string& path);
std::unique_ptr<Connection> open_postgres(const std::string& url);

// True for postgresql:// and postgres:// addresses.
bool is_postgres_url(std::string_view address);

// Runs `fn` inside a transaction: commits when it returns, rolls back when it
// throws (and rethrows). Nothing is half-written.
template <typename Fn>
auto in_transaction(Connection& c, Fn&& fn) -> decltype(fn()) {
  c.begin();
  try {
    if constexpr (std::is_void_v<decltype(fn())>) {
      fn();
      c.commit();
    } else {
      auto result = fn();
      c.commit();
      return result;
    }
  } catch (...) {
    try {
      c.rollback();
    } catch (...) {
    }
    throw;
  }
}

// A fixed-size pool of connections to one database, shared by the server's
// worker threads. acquire() blocks while all connections are in use.
class Pool {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;
  Pool(Factory factory, size_t size);
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Connection> c) : pool_(pool), c_(std::move(c)) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), c_(std::move(other.c_)) { other.pool_ = nullptr; }
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() { return *c_; }
    Connection* operator->() { return c_.get(); }
    // Drops a connection that failed (e.g. lost server); the pool makes a new one.
    void discard() { c_.reset(); }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> c_;
  };

  // Throws std::logic_error when the calling thread already holds a lease
  // of this pool: nested acquisition deadlocks once every connection is
  // held by a thread waiting for a second one.
  Lease acquire();
  Dialect dialect();

 private:
  void release(std::unique_ptr<Connection> c);
  Factory factory_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mu_
  size_t open_ = 0;                                // connections handed out or idle; guarded by mu_
  size_t size_;
};

}  // namespace spiraal::sql
