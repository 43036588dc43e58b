// Demo parallel tracks, MDOs and the person's voice: written through the
// services for the demo coach's first dossiers, with one dossier whose MDO is
// overdue on the caseload, feedback on held contacts, and one open and one
// refused request for another counsellor.
#include <gtest/gtest.h>

#include <set>

#include "store/demo_data.h"
#include "store/demo_social_map.h"
#include "store/demo_tracks.h"
#include "store/dossier_service.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

TEST(DemoTracks, TheDemoCoachsDossiersCarryTracksMdosFeedbackAndRequests) {
  auto db = TestDb::create(Engine::kSqlite);
  Store& store = db->store();
  EXPECT_EQ(generate_demo_tracks(store).value().tracks, 0);  // no logins yet: nothing
  DemoOptions options;
  options.jobseekers = 40;
  options.password_hash = "x";
  ASSERT_TRUE(generate_demo_data(store, options).is_ok());
  ASSERT_TRUE(generate_demo_social_map(store).is_ok());
  auto s = generate_demo_tracks(store);
  ASSERT_TRUE(s.is_ok()) << s.status().message();
  EXPECT_EQ(s->tracks, 13);  // three tracks in three dossiers, two in the other two
  EXPECT_EQ(s->mdos, 4);
  EXPECT_GT(s->feedback, 0);
  EXPECT_EQ(s->requests, 2);
  {
    auto c = store.pool().acquire();
    EXPECT_EQ(c->query("SELECT COUNT(*) FROM counsellor_requests WHERE status = 'open'").integer(0, 0), 1);
    EXPECT_EQ(c->query("SELECT COUNT(*) FROM counsellor_requests WHERE status = 'refused' AND answer_reason <> ''").integer(0, 0), 1);
    EXPECT_EQ(c->query("SELECT COUNT(*) FROM tracks WHERE aim LIKE 'enc:1:%'").integer(0, 0), 13);  // sealed
  }
  DossierService dossiers(store);
  auto coach = store.user_by_username("coach").value();
  CaseloadQuery q;
  q.limit = 200;
  auto page = dossiers.caseload(coach.principal(), q);
  ASSERT_TRUE(page.is_ok());
  int due = 0;
  for (const auto& row : page->items)
    for (const auto& signal : row.signals) due += signal.code == "mdo_due";
  EXPECT_EQ(due, 1);
}

}  // namespace
}  // namespace spiraal::testing
