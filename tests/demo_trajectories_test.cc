// Demo referral, selection and spiral paths: legal, dated in order, and
// readable by the application.
#include <gtest/gtest.h>

#include <map>

#include "core/clock.h"
#include "core/spiral.h"
#include "store/demo_data.h"
#include "store/demo_trajectories.h"
#include "store/trajectory_store.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

class DemoTrajectoriesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = TestDb::create(Engine::kSqlite).release();
    DemoOptions options;
    options.jobseekers = 600;
    options.password_hash = "x";
    ASSERT_TRUE(generate_demo_data(db_->store(), options).is_ok());
    auto s = generate_demo_trajectories(db_->store(), 7);
    ASSERT_TRUE(s.is_ok());
    summary_ = s.value();
  }
  static void TearDownTestSuite() { delete db_; }
  sql::Rows query(const std::string& q) { return db_->store().pool().acquire()->query(q); }

  static TestDb* db_;
  static DemoTrajectorySummary summary_;
};
TestDb* DemoTrajectoriesTest::db_ = nullptr;
DemoTrajectorySummary DemoTrajectoriesTest::summary_;

TEST_F(DemoTrajectoriesTest, EveryMoveIsLegalInOrderAndNotInTheFuture) {
  auto r = query("SELECT jobseeker_id, from_state, to_state, moved_on FROM spiral_moves ORDER BY jobseeker_id, moved_on, id");
  ASSERT_GT(r.size(), 1000u);
  std::map<int64_t, std::pair<std::string, std::string>> last;  // state, date
  std::string today = today_utc();
  for (size_t i = 0; i < r.size(); ++i) {
    int64_t id = r.integer(i, 0);
    auto from = parse_spiral_state(r.text(i, 1)), to = parse_spiral_state(r.text(i, 2));
    ASSERT_TRUE(from && to);
    EXPECT_TRUE(classify_move(*from, *to).is_ok()) << r.text(i, 1) << " -> " << r.text(i, 2);
    if (last.count(id)) {
      EXPECT_EQ(last[id].first, r.text(i, 1)) << "moves of " << id << " do not chain";
      EXPECT_LE(last[id].second, r.text(i, 3));
    } else {
      EXPECT_EQ(r.text(i, 1), "selection");
    }
    EXPECT_LE(r.text(i, 3), today);
    last[id] = {r.text(i, 2), r.text(i, 3)};
  }
  auto t = query("SELECT jobseeker_id, state FROM trajectories");
  for (size_t i = 0; i < t.size(); ++i) EXPECT_EQ(t.text(i, 1), last[t.integer(i, 0)].first);
}

TEST_F(DemoTrajectoriesTest, PathsFallAndGetUpAgain) {
  EXPECT_GT(query("SELECT COUNT(*) FROM spiral_moves WHERE kind = 'slide_back'").integer(0, 0), 30);
  EXPECT_GT(query("SELECT COUNT(*) FROM spiral_moves WHERE kind = 'cycle1_to_cycle3'").integer(0, 0), 10);
  EXPECT_GT(summary_.crises, 30);
  EXPECT_GT(query("SELECT COUNT(*) FROM crises WHERE ended_on IS NULL").integer(0, 0), 0);
  EXPECT_GT(summary_.closed, 5);
  EXPECT_EQ(query("SELECT COUNT(*) FROM trajectories WHERE state = 'closed' AND outcome IS NULL").integer(0, 0), 0);
  // At most one open crisis per person.
  EXPECT_EQ(query("SELECT COUNT(*) FROM (SELECT jobseeker_id FROM crises WHERE ended_on IS NULL GROUP BY jobseeker_id "
                  "HAVING COUNT(*) > 1) x").integer(0, 0), 0);
}

TEST_F(DemoTrajectoriesTest, ReferralsAndScreeningsReadBack) {
  EXPECT_EQ(summary_.referrals, 600);
  EXPECT_GT(summary_.waiting, 0);
  TrajectoryStore data(db_->store());
  auto included = query("SELECT jobseeker_id FROM screenings WHERE outcome = 'included' LIMIT 1");
  auto s = data.screening(included.integer(0, 0));
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->result.probably_in_poverty, evaluate_knipperlichten(s->indicators)->probably_in_poverty);
  auto team = query("SELECT team_id FROM referrals WHERE status = 'waiting' LIMIT 1");
  EXPECT_FALSE(data.referrals(team.integer(0, 0), "waiting", 50).empty());
  double share = double(query("SELECT COUNT(*) FROM screenings WHERE outcome = 'included'").integer(0, 0)) /
                 double(summary_.screenings);
  EXPECT_NEAR(share, 0.83, 0.08);
}

}  // namespace
}  // namespace spiraal::testing
