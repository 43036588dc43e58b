// Tests of the PostgreSQL connection against a real server. They run only when
// SPIRAAL_TEST_PG_URL names a database, e.g. one made by
// scripts/pg-test-cluster.sh; otherwise they are skipped. Each test works in
// its own freshly made schema and drops it afterwards.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "store/sql.h"

namespace spiraal::sql {
namespace {

class PgConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("SPIRAAL_TEST_PG_URL");
    if (!url || !*url) GTEST_SKIP() << "SPIRAAL_TEST_PG_URL not set; skipping PostgreSQL tests";
    url_ = url;
    std::random_device random;
    schema_ = "spiraal_test_" + std::to_string(random()) + std::to_string(random());
    db_ = open_postgres(url_);
    db_->exec_script("CREATE SCHEMA " + schema_);
    use_schema(*db_);
  }

  void TearDown() override {
    if (db_) {
      db_->rollback();
      db_->exec_script("DROP SCHEMA " + schema_ + " CASCADE");
    }
  }

  // A second connection to the same schema, to see what others see.
  std::unique_ptr<Connection> open_other() {
    auto c = open_postgres(url_);
    use_schema(*c);
    return c;
  }

  int64_t count(Connection& c, const std::string& table) {
    return c.query("SELECT count(*) FROM " + table).integer(0, 0);
  }

  std::string url_;
  std::string schema_;
  std::unique_ptr<Connection> db_;

 private:
  void use_schema(Connection& c) { c.exec_script("SET search_path TO " + schema_); }
};

TEST_F(PgConnectionTest, PgConnection_Dialect_IsPostgres) { EXPECT_EQ(db_->dialect(), Dialect::kPostgres); }

TEST_F(PgConnectionTest, PgConnection_QuestionMarkInsideStringLiteral_IsNotAPlaceholder) {
  Rows rows = db_->query("SELECT '?' || ?, 'it''s ?', ?", {std::string("x"), std::string("y")});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows.text(0, 0), "?x");
  EXPECT_EQ(rows.text(0, 1), "it's ?");
  EXPECT_EQ(rows.text(0, 2), "y");
}

TEST_F(PgConnectionTest, PgConnection_NullIntegerAndText_RoundTrip) {
  db_->exec_script("CREATE TABLE t (id BIGINT PRIMARY KEY, n INTEGER, s TEXT)");
  db_->query("INSERT INTO t (id, n, s) VALUES (?, ?, ?)",
             {int64_t{9000000000}, int64_t{-7}, std::string("héllo 'x'")});
  db_->query("INSERT INTO t (id, n, s) VALUES (?, ?, ?)", {int64_t{2}, nullptr, nullptr});

  Rows rows = db_->query("SELECT id, n, s FROM t ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows.integer(0, 0), 2);
  EXPECT_TRUE(rows.is_null(0, 1));
  EXPECT_TRUE(rows.is_null(0, 2));
  EXPECT_EQ(rows.integer(1, 0), 9000000000);
  EXPECT_EQ(rows.integer(1, 1), -7);
  EXPECT_EQ(rows.text(1, 2), "héllo 'x'");
}

TEST_F(PgConnectionTest, PgConnection_Parameters_WorkInWhereLimitOffsetAndLike) {
  db_->exec_script("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT)");
  for (int64_t i = 1; i <= 5; ++i) db_->query("INSERT INTO t (id, s) VALUES (?, ?)", {i, "row " + std::to_string(i)});

  EXPECT_EQ(db_->query("SELECT s FROM t WHERE id = ?", {int64_t{3}}).text(0, 0), "row 3");
  Rows page = db_->query("SELECT id FROM t ORDER BY id LIMIT ? OFFSET ?", {int64_t{2}, int64_t{1}});
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page.integer(0, 0), 2);
  EXPECT_EQ(page.integer(1, 0), 3);
  EXPECT_EQ(db_->query("SELECT id FROM t WHERE s LIKE ?", {std::string("%4")}).integer(0, 0), 4);
}

TEST_F(PgConnectionTest, PgConnection_SameSql_IsPreparedOnceAndReused) {
  for (int64_t i = 0; i < 3; ++i) EXPECT_EQ(db_->query("SELECT ? + 1", {i}).integer(0, 0), i + 1);
  Rows prepared = db_->query("SELECT count(*) FROM pg_prepared_statements WHERE statement = ?",
                             {std::string("SELECT $1 + 1")});
  EXPECT_EQ(prepared.integer(0, 0), 1);
}

TEST_F(PgConnectionTest, PgConnection_DuplicateKey_ThrowsUniqueViolation) {
  db_->exec_script("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL)");
  db_->query("INSERT INTO t (id, name) VALUES (?, ?)", {int64_t{1}, std::string("a")});
  try {
    db_->query("INSERT INTO t (id, name) VALUES (?, ?)", {int64_t{2}, std::string("a")});
    FAIL() << "expected a unique violation";
  } catch (const Error& e) {
    EXPECT_TRUE(e.unique_violation) << e.what();
  }
}

TEST_F(PgConnectionTest, PgConnection_OtherConstraintViolation_IsNotAUniqueViolation) {
  db_->exec_script("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  try {
    db_->query("INSERT INTO t (id, name) VALUES (?, ?)", {int64_t{1}, nullptr});
    FAIL() << "expected a NOT NULL violation";
  } catch (const Error& e) {
    EXPECT_FALSE(e.unique_violation) << e.what();
  }
}

TEST_F(PgConnectionTest, PgConnection_WrongParameterCount_Throws) {
  EXPECT_THROW(db_->query("SELECT ?, ?", {int64_t{1}}), Error);
}

TEST_F(PgConnectionTest, PgConnection_ErrorOutsideTransaction_LeavesConnectionUsable) {
  db_->exec_script("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  db_->query("INSERT INTO t (id) VALUES (?)", {int64_t{1}});
  EXPECT_THROW(db_->query("INSERT INTO t (id) VALUES (?)", {int64_t{1}}), Error);
  EXPECT_THROW(db_->query("SELEC nonsense"), Error);
  EXPECT_THROW(db_->exec_script("CREATE TABLE t (id INTEGER)"), Error);

  db_->query("INSERT INTO t (id) VALUES (?)", {int64_t{2}});
  EXPECT_EQ(count(*db_, "t"), 2);
}

TEST_F(PgConnectionTest, PgConnection_Commit_MakesWritesVisibleToOthersOnlyThen) {
  db_->exec_script("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  auto other = open_other();

  db_->begin();
  db_->query("INSERT INTO t (id) VALUES (?)", {int64_t{1}});
  EXPECT_EQ(count(*db_, "t"), 1);
  EXPECT_EQ(count(*other, "t"), 0);
  db_->commit();

  EXPECT_EQ(count(*other, "t"), 1);
}

TEST_F(PgConnectionTest, PgConnection_Rollback_DiscardsQueriesAndScripts) {
  db_->exec_script("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  db_->begin();
  db_->query("INSERT INTO t (id) VALUES (?)", {int64_t{1}});
  db_->exec_script("CREATE TABLE u (id INTEGER); INSERT INTO u VALUES (1)");
  db_->rollback();

  EXPECT_EQ(count(*db_, "t"), 0);
  EXPECT_THROW(db_->query("SELECT * FROM u"), Error);
}

TEST_F(PgConnectionTest, PgConnection_RollbackWithoutTransaction_IsNoOp) {
  db_->rollback();
  db_->rollback();
  EXPECT_EQ(db_->query("SELECT 1").integer(0, 0), 1);
}

TEST_F(PgConnectionTest, PgConnection_ErrorInsideTransaction_RollbackRestoresConnection) {
  db_->exec_script("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  db_->begin();
  db_->query("INSERT INTO t (id) VALUES (?)", {int64_t{1}});
  EXPECT_THROW(db_->query("INSERT INTO t (id) VALUES (?)", {int64_t{1}}), Error);
  db_->rollback();

  EXPECT_EQ(count(*db_, "t"), 0);
  db_->begin();
  db_->query("INSERT INTO t (id) VALUES (?)", {int64_t{2}});
  db_->commit();
  EXPECT_EQ(count(*db_, "t"), 1);
}

TEST_F(PgConnectionTest, PgConnection_InTransaction_RollsBackWhenFnThrows) {
  db_->exec_script("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  EXPECT_THROW(in_transaction(*db_,
                              [&] {
                                db_->query("INSERT INTO t (id) VALUES (?)", {int64_t{1}});
                                throw std::runtime_error("abandon");
                              }),
               std::runtime_error);
  EXPECT_EQ(count(*db_, "t"), 0);
}

TEST_F(PgConnectionTest, PgConnection_ExecScript_RunsSeveralStatements) {
  db_->exec_script(
      "CREATE TABLE a (id INTEGER PRIMARY KEY, note TEXT);\n"
      "CREATE TABLE b (id BIGINT PRIMARY KEY REFERENCES a (id));\n"
      "INSERT INTO a VALUES (1, 'semicolon; inside'), (2, NULL);\n"
      "INSERT INTO b VALUES (2);");
  EXPECT_EQ(count(*db_, "a"), 2);
  EXPECT_EQ(count(*db_, "b"), 1);
  EXPECT_EQ(db_->query("SELECT note FROM a WHERE id = ?", {int64_t{1}}).text(0, 0), "semicolon; inside");
}

}  // namespace
}  // namespace spiraal::sql
