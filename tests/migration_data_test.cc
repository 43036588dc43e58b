// Migrations that reshape stored data, run on data in the shape before them,
// on both engines.
#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/score_table.h"
#include "store/dossier_service.h"
#include "store/score_service.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

TEST(MigrationDataTest, ScoreTablesKeepTheirItemSetWhenItMovesToSnapshots_0028) {
  for (Engine engine : {Engine::kSqlite, Engine::kPostgres}) {
    auto db = TestDb::create(engine, 4, 27);
    if (!db) continue;
    Store& store = db->store();
    TestUser coach = add_user(store, "coach.a", Role::kCoach, "Team Noord");
    DossierService dossiers(store);
    auto j =
        dossiers.create(coach.principal(), {{"first_name", "Ann"}, {"last_name", "P"}, {"birth_date", "1985-01-01"}});
    ASSERT_TRUE(j.is_ok());
    // Two tables in the old shape: each with its own sealed copy of a set.
    const json old_set = {{{"code", "income"}, {"side", "outside"}, {"label", "Geld"}}};
    for (const char* day : {"2026-01-10", "2026-02-10"})
      store.pool().acquire()->query(
          "INSERT INTO score_tables (jobseeker_id, taken_on, scorer, items, scores, created_by, created_at) "
          "VALUES (?, ?, 'coach', ?, ?, ?, ?)",
          {j->id, std::string(day), store.cipher().seal(old_set.dump()), json{{"income", {{"now", 4}}}}.dump(),
           coach.user.id, now_utc()});
    ASSERT_TRUE(store.migrate().is_ok());

    ScoreService scores(store, dossiers);
    auto tables = scores.tables(coach.principal(), j->id);
    ASSERT_TRUE(tables.is_ok());
    ASSERT_EQ(tables->size(), 2u);
    for (const auto& t : *tables) {
      ASSERT_EQ(t.items.size(), 1u);
      EXPECT_EQ(t.items[0].label, "Geld");
      EXPECT_EQ(t.table.scores[0].now, 4);
    }
    // New snapshots get fresh ids after the moved ones (PostgreSQL's
    // identity sequence was moved past them), and a new table scored with
    // the default set stores it once more.
    json body = {{"taken_on", "2026-03-01"}, {"scorer", "coach"}, {"scores", json::object()}};
    for (const auto& item : default_score_items("nl")) body["scores"][item.code] = {{"now", 5}};
    auto added = scores.add_table(coach.principal(), j->id, body, "nl");
    ASSERT_TRUE(added.is_ok()) << added.status().message();
    auto c = store.pool().acquire();
    EXPECT_EQ(c->query("SELECT COUNT(*) FROM score_item_snapshots").integer(0, 0), 3);
    EXPECT_EQ(c->query("SELECT COUNT(DISTINCT item_snapshot_id) FROM score_tables").integer(0, 0), 3);
  }
}

}  // namespace
}  // namespace spiraal::testing
