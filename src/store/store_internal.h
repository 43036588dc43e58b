#pragma once
// Helpers shared by the files that implement Store (store.cc,
// store_accounts.cc, store_audit.cc). Not part of the store's interface.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

// The sealed JSON documents of one dossier kept in `table` (columns id,
// version, document, jobseeker_id), newest first, each read with
// `from_json` and given its id, version and dossier.
template <class Doc>
std::vector<Doc> load_sealed_documents(Store& store, const std::string& table, int64_t jobseeker_id,
                                       Doc (*from_json)(const nlohmann::json&)) {
  auto r = store.pool().acquire()->query(
      "SELECT id, version, document FROM " + table + " WHERE jobseeker_id = ? ORDER BY id DESC", {jobseeker_id});
  std::vector<Doc> out;
  for (size_t i = 0; i < r.size(); ++i) {
    Doc d = from_json(nlohmann::json::parse(store.cipher().open(r.text(i, 2))));
    d.id = r.integer(i, 0);
    d.version = r.integer(i, 1);
    d.jobseeker_id = jobseeker_id;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace spiraal::store_internal
