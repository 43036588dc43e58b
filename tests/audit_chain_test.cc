// The audit log's hash chain on both engines: intact after real use, and
// every kind of tampering (change, deletion, reordering, truncation) found.
#include <gtest/gtest.h>

#include "store/dossier_service.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

class AuditChainTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    auto coach = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    DossierService s(db_->store());
    auto j = s.create(coach.principal(), {{"first_name", "Ann"}, {"last_name", "P"}, {"birth_date", "1985-01-01"}});
    for (int i = 0; i < 5; ++i) s.read(coach.principal(), j->id);
  }
  void exec(const std::string& sql) { db_->store().pool().acquire()->exec_script(sql); }
  ChainCheck check() { return db_->store().verify_audit_chain(); }

  std::unique_ptr<TestDb> db_;
};

TEST_P(AuditChainTest, UntouchedLog_IsIntact) {
  auto c = check();
  EXPECT_TRUE(c.intact) << c.reason;
  EXPECT_EQ(c.records, 6);
}

TEST_P(AuditChainTest, ChangedDetail_IsDetected) {
  exec("UPDATE audit_log SET username = 'someone.else' WHERE seq = 3");
  auto c = check();
  EXPECT_FALSE(c.intact);
  EXPECT_EQ(c.broken_at, 3);
  EXPECT_EQ(c.reason, "changed");
}

TEST_P(AuditChainTest, DeletedRecord_IsDetected) {
  exec("DELETE FROM audit_log WHERE seq = 2");
  auto c = check();
  EXPECT_FALSE(c.intact);
  EXPECT_EQ(c.broken_at, 3);
}

TEST_P(AuditChainTest, ReorderedRecords_AreDetected) {
  // Swap the content of two records, keeping their positions.
  exec("UPDATE audit_log SET seq = -1 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 4; "
       "UPDATE audit_log SET seq = 4 WHERE seq = -1");
  auto c = check();
  EXPECT_FALSE(c.intact);
  EXPECT_EQ(c.broken_at, 2);
}

TEST_P(AuditChainTest, TruncatedTail_IsDetectedByTheHead) {
  exec("DELETE FROM audit_log WHERE seq = 6");
  auto c = check();
  EXPECT_FALSE(c.intact);
  EXPECT_EQ(c.reason, "head_mismatch");
}

TEST_P(AuditChainTest, RecomputedForgery_WithoutTheHead_IsDetected) {
  // A forger who rewrites a record and its own hash still breaks the next link.
  exec("UPDATE audit_log SET detail = 'forged', hash = 'abc' WHERE seq = 5");
  auto c = check();
  EXPECT_FALSE(c.intact);
  EXPECT_EQ(c.broken_at, 5);
}

TEST_P(AuditChainTest, ConcurrentWriters_KeepOneUnbrokenChain) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) db_->store().audit({0, "thread" + std::to_string(t), "test", std::nullopt, ""});
    });
  for (auto& th : threads) th.join();
  auto c = check();
  EXPECT_TRUE(c.intact) << c.reason << " at " << c.broken_at;
  EXPECT_EQ(c.records, 106);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditChainTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
