// Demo signaalfunctie: signals flagged through the service by a coach of
// every team, across the categories, sealed; one final beleidsnota and one
// draft; the same seed gives the same signals.
#include <gtest/gtest.h>

#include "store/demo_data.h"
#include "store/demo_signals.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

TEST(DemoSignals, CoachesOfEveryTeamFlagAcrossCategories_AndTheCoordinatorFinalisesOneNote) {
  auto db = TestDb::create(Engine::kSqlite);
  Store& store = db->store();
  EXPECT_EQ(generate_demo_signals(store, 7).value().signals, 0);  // no caseloads yet: nothing
  DemoOptions options;
  options.jobseekers = 60;
  options.password_hash = "x";
  ASSERT_TRUE(generate_demo_data(store, options).is_ok());
  auto s = generate_demo_signals(store, 7);
  ASSERT_TRUE(s.is_ok()) << s.status().message();
  EXPECT_GE(s->signals, 20);  // 24 for the first team, less any that named a person
  EXPECT_EQ(s->notes, 2);
  auto c = store.pool().acquire();
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM structural_signals").integer(0, 0), s->signals);
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM structural_signals WHERE region = ''").integer(0, 0), 0);
  EXPECT_GE(c->query("SELECT COUNT(DISTINCT category) FROM structural_signals").integer(0, 0), 5);
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM structural_signals WHERE description NOT LIKE 'enc:1:%'").integer(0, 0), 0);
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM policy_notes WHERE status = 'final'").integer(0, 0), 1);
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM audit_log WHERE action = 'structural_signal.create'").integer(0, 0),
            s->signals);
}

TEST(DemoSignals, TheSameSeed_GivesTheSameSignals) {
  std::vector<std::string> runs;
  for (int run = 0; run < 2; ++run) {
    auto db = TestDb::create(Engine::kSqlite);
    DemoOptions options;
    options.jobseekers = 60;
    options.password_hash = "x";
    ASSERT_TRUE(generate_demo_data(db->store(), options).is_ok());
    ASSERT_TRUE(generate_demo_signals(db->store(), 11).is_ok());
    auto r = db->store().pool().acquire()->query(
        "SELECT jobseeker_id, category, signalled_on FROM structural_signals ORDER BY id");
    std::string all;
    for (size_t i = 0; i < r.size(); ++i)
      all += std::to_string(r.integer(i, 0)) + r.text(i, 1) + r.text(i, 2) + ";";
    runs.push_back(all);
  }
  EXPECT_EQ(runs[0], runs[1]);
}

}  // namespace
}  // namespace spiraal::testing
