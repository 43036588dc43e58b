#pragma once
// Helpers shared by the files that implement Store (store.cc,
// store_accounts.cc, store_audit.cc). Not part of the store's interface.
#include <optional>
#include <string>

#include "store/store.h"

namespace spiraal::store_internal {

sql::Param opt_param(const std::optional<int64_t>& v);
// NULL for an empty string.
sql::Param text_or_null(const std::string& s);

// The user columns selected with "FROM users u LEFT JOIN teams t".
extern const char* const kUserColumns;
User user_from_row(const sql::Rows& r, size_t i);

// Appends one sealed link to the audit chain. Must run inside a transaction:
// the head row is locked (PostgreSQL) or the write lock held (SQLite), so
// concurrent writers extend the chain one at a time.
void insert_audit(sql::Connection& c, const AuditEntry& e, const std::string& at);

}  // namespace spiraal::store_internal
