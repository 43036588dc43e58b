// The PostgreSQL implementation of sql::Connection, on libpqxx 6.4.
//
// Design choices:
// - Transactions: a pqxx connection admits one transaction object at a time.
//   begin() opens a pqxx::work that every query uses until commit()/rollback();
//   outside it each query runs in a short-lived pqxx::nontransaction, which
//   sends no BEGIN, so the statement autocommits and an error leaves nothing
//   behind to clean up: the connection stays usable.
// - Placeholders: the Store writes `?`; each distinct statement is translated
//   to `$1..$n` once, prepared under a generated name ("s1", "s2", ...) and
//   reused. pqxx registers it with the server lazily, on first execution.
// - Parameters go untyped and as text; the server infers their types from
//   context (`id = $1`, `LIMIT $1`, `x LIKE $1`, INSERT columns). Results come
//   back as text too, which is what Rows stores.
// - Errors: every pqxx exception becomes sql::Error; SQLSTATE 23505 sets
//   unique_violation.
#include <pqxx/pqxx>

#include <unordered_map>

#include "store/sql.h"

namespace spiraal::sql {
namespace {

// `?` -> `$n`, leaving `?` inside single-quoted literals alone (a doubled
// quote '' inside a literal just closes and reopens it, which works out).
std::string to_dollar_placeholders(std::string_view sql, size_t& count) {
  std::string out;
  out.reserve(sql.size() + 8);
  bool in_literal = false;
  count = 0;
  for (char c : sql) {
    if (c == '\'') in_literal = !in_literal;
    if (c == '?' && !in_literal)
      out += '$' + std::to_string(++count);
    else
      out += c;
  }
  return out;
}

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& url) {
    // The URL is left out of the message: it may carry a password.
    try {
      conn_ = std::make_unique<pqxx::connection>(url);
    } catch (const std::exception& e) {
      throw Error(std::string("cannot connect to PostgreSQL: ") + e.what());
    }
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Rows query(std::string_view sql, const Params& params) override {
    const Prepared& stmt = prepare(sql);
    if (params.size() != stmt.params) throw Error("parameter count mismatch for: " + std::string(sql));
    std::vector<std::optional<std::string>> values;
    values.reserve(params.size());
    for (const Param& p : params) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) values.emplace_back();
            else if constexpr (std::is_same_v<T, int64_t>) values.emplace_back(std::to_string(v));
            else values.emplace_back(v);
          },
          p);
    }
    pqxx::result result = run(sql, [&](pqxx::transaction_base& tx) {
      return tx.exec_prepared(stmt.name, pqxx::prepare::make_dynamic_params(values));
    });
    Rows rows;
    for (const auto& row : result) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(row.size());
      for (const auto& field : row) {
        if (field.is_null()) cells.emplace_back();
        else cells.emplace_back(std::in_place, field.c_str(), field.size());
      }
      rows.add_row(std::move(cells));
    }
    return rows;
  }

  void exec_script(std::string_view sql) override {
    run(sql, [&](pqxx::transaction_base& tx) { return tx.exec(std::string(sql)); });
  }

  void begin() override {
    translate("BEGIN", [&] { tx_ = std::make_unique<pqxx::work>(*conn_); });
  }
  // Both take the transaction out of tx_ first, so that it is gone even when
  // COMMIT or ROLLBACK fails (e.g. the connection broke).
  void commit() override {
    auto tx = std::move(tx_);
    if (!tx) throw Error("COMMIT without BEGIN");
    translate("COMMIT", [&] { tx->commit(); });
  }
  void rollback() override {
    if (auto tx = std::move(tx_)) translate("ROLLBACK", [&] { tx->abort(); });
  }

 private:
  struct Prepared {
    std::string name;
    size_t params;
  };

  const Prepared& prepare(std::string_view sql) {
    std::string key(sql);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    Prepared p{"s" + std::to_string(cache_.size() + 1), 0};
    std::string translated = to_dollar_placeholders(sql, p.params);
    translate(sql, [&] { conn_->prepare(p.name, translated); });
    return cache_.emplace(std::move(key), std::move(p)).first->second;
  }

  // Runs `fn` in the open transaction, or else autocommitting.
  template <typename Fn>
  pqxx::result run(std::string_view sql, Fn&& fn) {
    pqxx::result result;
    translate(sql, [&] {
      if (tx_) {
        result = fn(*tx_);
      } else {
        pqxx::nontransaction tx(*conn_);
        result = fn(tx);
      }
    });
    return result;
  }

  template <typename Fn>
  static void translate(std::string_view context, Fn&& fn) {
    try {
      fn();
    } catch (const pqxx::sql_error& e) {
      throw Error("PostgreSQL: " + std::string(e.what()) + " in: " + std::string(context), e.sqlstate() == "23505");
    } catch (const std::exception& e) {
      throw Error("PostgreSQL: " + std::string(e.what()) + " in: " + std::string(context));
    }
  }

  std::unique_ptr<pqxx::connection> conn_;  // a pointer so the constructor can translate a failed connect
  std::unique_ptr<pqxx::work> tx_;  // the open transaction, between begin() and commit()/rollback()
  std::unordered_map<std::string, Prepared> cache_;  // SQL as written -> prepared statement
};

}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& url) { return std::make_unique<PgConnection>(url); }

}  // namespace spiraal::sql
