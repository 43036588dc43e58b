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

TEST(MigrationDataTest, ScoreTablesKeepTheirItemSetWhenItMovesToSharedSnapshots_0028) {
  for (Engine engine : {Engine::kSqlite, Engine::kPostgres}) {
    auto db = TestDb::create(engine, 4, 27);
    if (!db) continue;
    Store& store = db->store();
    TestUser coach = add_user(store, "coach.a", Role::kCoach, "Team Noord");
    DossierService dossiers(store);
    auto person = [&](const char* name) {
      return dossiers
          .create(coach.principal(), {{"first_name", name}, {"last_name", "P"}, {"birth_date", "1985-01-01"}})
          .value()
          .id;
    };
    const int64_t ann = person("Ann"), bert = person("Bert");
    // Tables in the old shape, each with its own sealed copy of its set:
    // Ann's first two share a set, her third has another; Bert's is the
    // same as Ann's first but his own.
    auto old_table = [&](int64_t id, const char* day, const char* label) {
      const json set = {{{"code", "income"}, {"side", "outside"}, {"label", label}}};
      store.pool().acquire()->query(
          "INSERT INTO score_tables (jobseeker_id, taken_on, scorer, items, scores, created_by, created_at) "
          "VALUES (?, ?, 'coach', ?, ?, ?, ?)",
          {id, std::string(day), store.cipher().seal(set.dump()), json{{"income", {{"now", 4}}}}.dump(), coach.user.id,
           now_utc()});
    };
    old_table(ann, "2026-01-10", "Geld");
    old_table(ann, "2026-02-10", "Geld");
    old_table(ann, "2026-03-10", "Inkomen");
    old_table(bert, "2026-01-10", "Geld");
    ASSERT_TRUE(store.migrate().is_ok());

    auto count = [&](const char* sql) { return store.pool().acquire()->query(sql).integer(0, 0); };
    // The data step after the migration merged Ann's two identical copies.
    EXPECT_EQ(count("SELECT COUNT(*) FROM score_item_snapshots"), 3);
    ScoreService scores(store, dossiers);
    auto tables = scores.tables(coach.principal(), ann);
    ASSERT_TRUE(tables.is_ok());
    ASSERT_EQ(tables->size(), 3u);
    std::vector<std::string> labels;
    for (const auto& t : *tables) {
      ASSERT_EQ(t.items.size(), 1u);
      labels.push_back(t.items[0].label);
      EXPECT_EQ(t.table.scores[0].now, 4);
    }
    EXPECT_EQ(labels, (std::vector<std::string>{"Geld", "Geld", "Inkomen"}));
    EXPECT_EQ(scores.tables(coach.principal(), bert)->at(0).items.at(0).label, "Geld");

    // New snapshots get fresh ids after the moved ones (PostgreSQL's
    // identity sequence was moved past them).
    json body = {{"taken_on", "2026-04-01"}, {"scorer", "coach"}, {"scores", json::object()}};
    for (const auto& item : default_score_items("nl")) body["scores"][item.code] = {{"now", 5}};
    auto added = scores.add_table(coach.principal(), ann, body, "nl");
    ASSERT_TRUE(added.is_ok()) << added.status().message();
    EXPECT_EQ(count("SELECT COUNT(*) FROM score_item_snapshots"), 4);
  }
}

}  // namespace
}  // namespace spiraal::testing
