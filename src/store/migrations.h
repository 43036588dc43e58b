#pragma once
// Applies the numbered migrations of db/migrations/ (embedded in the binary)
// that a database has not seen yet, each in its own transaction.
#include <limits>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/sql.h"

namespace spiraal {

struct Migration {
  int version;       // the leading number of the file name
  std::string name;  // the file name
  std::string sql;   // with @ID@ still in it
};

// All embedded migrations, ordered by version.
std::vector<Migration> all_migrations();

// The SQL of `m` for one engine: @ID@ becomes the engine's generated key,
// and a line "-- postgres: <statement>" runs on PostgreSQL only.
std::string migration_sql(const Migration& m, sql::Dialect dialect);

// Applies what is missing, up to version `up_to` (tests stop early to put
// data in an older shape); returns the names it applied. Safe to run from
// several servers at once (PostgreSQL takes an advisory lock, SQLite the
// write lock).
Result<std::vector<std::string>> migrate(sql::Connection& c, int up_to = std::numeric_limits<int>::max());

}  // namespace spiraal
