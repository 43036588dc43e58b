// Demo goals at scale (issue 10): every started trajectory outside the
// curated demo dossiers gets goals with actions; most get a trajectory
// agreement, some a W²-overleg; after reseal_all everything is sealed and
// reads back through the services as a coach sees it.
#include <gtest/gtest.h>

#include "store/demo_cooperation.h"
#include "store/demo_data.h"
#include "store/demo_goals.h"
#include "store/demo_trajectories.h"
#include "store/goal_service.h"
#include "store/overleg_service.h"
#include "store/reseal.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

class DemoGoalsTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    if (!db_) GTEST_SKIP() << "PostgreSQL not configured";
    DemoOptions options;
    options.jobseekers = 150;
    options.password_hash = "x";
    ASSERT_TRUE(generate_demo_data(db_->store(), options).is_ok());
    ASSERT_TRUE(generate_demo_trajectories(db_->store(), 7, nullptr).is_ok());
    auto s = generate_demo_goals(db_->store(), 7, nullptr);
    ASSERT_TRUE(s.is_ok()) << s.status().message();
    sum_ = s.value();
    reseal_all(db_->store());
  }
  int64_t count(const std::string& sql) { return db_->store().pool().acquire()->query(sql).integer(0, 0); }
  sql::Rows rows(const std::string& sql) { return db_->store().pool().acquire()->query(sql); }

  std::unique_ptr<TestDb> db_;
  DemoGoalSummary sum_;
};

TEST_P(DemoGoalsTest, StartedTrajectoriesGetGoalsAgreementsAndSomeOverlegs) {
  const int64_t people = count(
      "SELECT COUNT(*) FROM trajectories t WHERE t.jobseeker_id NOT IN (SELECT a.jobseeker_id FROM assignments a "
      "JOIN users u ON u.id = a.user_id WHERE u.username = 'coach' ORDER BY a.jobseeker_id LIMIT 5)");
  ASSERT_GT(people, 50);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT jobseeker_id) FROM goals"), people);
  EXPECT_EQ(count("SELECT COUNT(*) FROM goals"), sum_.goals);
  EXPECT_GE(sum_.goals, people);  // one to four each
  EXPECT_LE(sum_.goals, 4 * people);
  EXPECT_GE(sum_.actions, sum_.goals);
  EXPECT_EQ(count("SELECT COUNT(*) FROM goal_actions"), sum_.actions);
  EXPECT_GT(sum_.agreements, people / 2);
  EXPECT_LT(sum_.agreements, people);
  EXPECT_GT(sum_.overlegs, 0);
  EXPECT_LT(sum_.overlegs, people / 2);
  // No goals without a trajectory, none in the curated demo dossiers.
  EXPECT_EQ(count("SELECT COUNT(*) FROM goals g WHERE NOT EXISTS (SELECT 1 FROM trajectories t "
                  "WHERE t.jobseeker_id = g.jobseeker_id)"),
            0);
  // Closed trajectories mostly reached their goals.
  EXPECT_GT(count("SELECT COUNT(*) FROM goals g JOIN trajectories t ON t.jobseeker_id = g.jobseeker_id "
                  "WHERE t.state = 'closed' AND g.status = 'reached'"),
            0);
  // Sealed after reseal_all.
  EXPECT_EQ(count("SELECT COUNT(*) FROM goals WHERE text NOT LIKE 'enc:%'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM goal_actions WHERE text NOT LIKE 'enc:%'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM agreements WHERE content NOT LIKE 'enc:%'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM overlegs WHERE document NOT LIKE 'enc:%'"), 0);
}

TEST_P(DemoGoalsTest, TheAnchorCoachReadsThemThroughTheServices) {
  Store& store = db_->store();
  auto r = rows(
      "SELECT o.jobseeker_id, a.user_id, o.id FROM overlegs o JOIN assignments a ON a.jobseeker_id = o.jobseeker_id "
      "WHERE o.status = 'held' ORDER BY o.id LIMIT 1");
  ASSERT_FALSE(r.empty());
  const int64_t id = r.integer(0, 0);
  auto coach = store.user_by_id(r.integer(0, 1));
  ASSERT_TRUE(coach);
  DossierService dossiers(store);
  GoalService goals(store, dossiers);
  OverlegService overlegs(store, dossiers);
  auto g = goals.goals(coach->principal(), id);
  ASSERT_TRUE(g.is_ok());
  ASSERT_FALSE(g->empty());
  EXPECT_FALSE(g->front().goal.text.empty());
  EXPECT_FALSE(g->front().actions.empty());
  auto held = overlegs.get(coach->principal(), id, r.integer(0, 2));
  ASSERT_TRUE(held.is_ok()) << held.status().message();
  EXPECT_EQ(held->status, "held");
  EXPECT_GE(held->participants.size(), 3u);
  EXPECT_FALSE(held->themes.empty());
  auto signed_one = rows("SELECT jobseeker_id, a.user_id FROM agreements g JOIN assignments a USING (jobseeker_id) "
                             "WHERE g.signed_on IS NOT NULL ORDER BY g.id LIMIT 1");
  ASSERT_FALSE(signed_one.empty());
  auto agreements = goals.agreements(store.user_by_id(signed_one.integer(0, 1))->principal(), signed_one.integer(0, 0));
  ASSERT_TRUE(agreements.is_ok());
  ASSERT_EQ(agreements->size(), 1u);
  EXPECT_FALSE(agreements->front().goals.empty());
  EXPECT_FALSE(agreements->front().signed_on.empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoGoalsTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
