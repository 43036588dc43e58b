// The store against both engines: migrations, versioned dossiers, caseload
// queries, the contact journal, sessions, and all-or-nothing writes.
#include <gtest/gtest.h>

#include <thread>

#include "core/clock.h"
#include "core/secrets.h"
#include "store/dossier_service.h"
#include "store/migrations.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class StoreTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(store(), "coach.a", Role::kCoach, "Team Noord");
  }
  Store& store() { return db_->store(); }
  Jobseeker create(const std::string& first, const std::string& last = "Peeters", const std::string& born = "1985-04-02") {
    DossierService s(store());
    auto j = s.create(coach_.principal(), {{"first_name", first}, {"last_name", last}, {"birth_date", born}});
    EXPECT_TRUE(j.is_ok());
    return j.value();
  }
  AuditEntry audit() { return {coach_.user.id, coach_.user.username, "test", std::nullopt, ""}; }

  std::unique_ptr<TestDb> db_;
  TestUser coach_;
};

TEST_P(StoreTest, Migrate_IsIdempotent) {
  auto again = store().migrate();
  ASSERT_TRUE(again.is_ok());
  EXPECT_TRUE(again->empty());
  auto c = store().pool().acquire();
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM schema_migrations").integer(0, 0), int64_t(all_migrations().size()));
}

TEST_P(StoreTest, UpdateWithStaleVersion_IsAConflictAndKeepsTheStoredState) {
  Jobseeker j = create("Ann");
  Jobseeker changed = j;
  changed.origin = "Belg";
  auto first = store().update_jobseeker(changed, 1, audit());
  ASSERT_TRUE(first.is_ok());
  EXPECT_EQ(first->version, 2);
  changed.origin = "Turk";
  auto stale = store().update_jobseeker(changed, 1, audit());
  EXPECT_EQ(stale.status().code(), Code::kConflict);
  EXPECT_EQ(store().jobseeker(j.id)->origin, "Belg");
  EXPECT_EQ(store().jobseeker_versions(j.id).size(), 2u);
}

TEST_P(StoreTest, UpdateOfMissingDossier_IsNotFound) {
  Jobseeker ghost;
  ghost.id = 424242;
  EXPECT_EQ(store().update_jobseeker(ghost, 1, audit()).status().code(), Code::kNotFound);
}

TEST_P(StoreTest, ConcurrentUpdatesWithTheSameVersion_OnlyOneWins) {
  Jobseeker j = create("Ann");
  std::atomic<int> wins{0}, conflicts{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      Jobseeker mine = j;
      mine.origin = "writer " + std::to_string(i);
      auto r = store().update_jobseeker(mine, 1, audit());
      (r.is_ok() ? wins : conflicts)++;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wins.load(), 1);
  EXPECT_EQ(conflicts.load(), 3);
  EXPECT_EQ(store().jobseeker(j.id)->version, 2);
}

TEST_P(StoreTest, DossierRoundTrip_KeepsEverySection) {
  Jobseeker j = create("Ann");
  json patch = {{"sex", "female"},
                {"children", 2},
                {"kansengroep", {"migrant", "low_skilled"}},
                {"life_history", "Ze groeide op in Gent — met één broer."},
                {"welfare", {{"financial", {{"strengths", "Kasboek"}, {"barriers", {{{"text", "Schuld"}, {"priority", "now"}}}}}}}},
                {"work", {{"language", {{"strengths", "Spreekt Arabisch en Frans"}}}}},
                {"trajectory_so_far", "Drie gesprekken."},
                {"what_gives_strength", "Haar dochter."}};
  Jobseeker changed = j;
  ASSERT_TRUE(apply_patch(changed, patch, today_utc()).empty());
  ASSERT_TRUE(store().update_jobseeker(changed, 1, audit()).is_ok());
  Jobseeker back = store().jobseeker(j.id).value();
  changed.version = back.version;
  changed.updated_at = back.updated_at;
  EXPECT_EQ(back, changed);
}

TEST_P(StoreTest, Caseload_SearchesSortsAndPages) {
  create("Ann", "Zeger", "1990-01-01");
  create("Bert", "Appel", "1970-01-01");
  create("Chris", "Mertens", "2000-01-01");
  CaseloadQuery q;
  q.coach_id = coach_.user.id;
  auto all = store().caseload(q);
  ASSERT_EQ(all.total, 3);
  EXPECT_EQ(all.items[0].last_name, "Appel");
  q.sort = CaseloadSort::kBirthDate;
  q.descending = true;
  EXPECT_EQ(store().caseload(q).items[0].first_name, "Chris");
  q.search = "MERT";
  EXPECT_EQ(store().caseload(q).total, 1);
  q.search = "chris mer";
  EXPECT_EQ(store().caseload(q).total, 1);
  q.search = "%";
  EXPECT_EQ(store().caseload(q).total, 0);  // wildcards are literal
  q.search.clear();
  q.limit = 2;
  q.offset = 2;
  EXPECT_EQ(store().caseload(q).items.size(), 1u);
}

TEST_P(StoreTest, Relation_DistinguishesAssignedTeamAndStranger) {
  Jobseeker j = create("Ann");
  auto coordinator = add_user(store(), "coord", Role::kCoordinator, "Team Noord");
  auto stranger = add_user(store(), "coach.z", Role::kCoach, "Team Zuid");
  EXPECT_EQ(store().relation(coach_.principal(), j.id), Relation::kAssigned);
  EXPECT_EQ(store().relation(coordinator.principal(), j.id), Relation::kSameTeam);
  EXPECT_EQ(store().relation(stranger.principal(), j.id), Relation::kNone);
  EXPECT_EQ(store().relation(coach_.principal(), 999999), Relation::kNone);
}

TEST_P(StoreTest, Contacts_AreListedNewestFirstAndSummarised) {
  Jobseeker j = create("Ann");
  for (auto [date, status] : {std::pair{"2026-01-01", "held"}, {"2026-02-01", "missed"}, {"2026-03-01", "missed"}}) {
    Contact c;
    c.jobseeker_id = j.id;
    c.author_id = coach_.user.id;
    c.date = date;
    c.kind = "office";
    c.status = status;
    c.initiative = "coach";
    ASSERT_TRUE(store().add_contact(c, audit()).is_ok());
  }
  auto page = store().contacts(j.id, 2, 0);
  EXPECT_EQ(page.total, 3);
  EXPECT_EQ(page.items[0].date, "2026-03-01");
  EXPECT_EQ(page.items[0].author_name, "Test coach.a");
  auto s = store().contact_summary(j.id);
  EXPECT_EQ(s.current_missed_streak, 2);
  EXPECT_EQ(s.held, 1);
}

TEST_P(StoreTest, FailingWriteInsideATransaction_LeavesNoHalfRecord) {
  Jobseeker j = create("Ann");
  auto c = store().pool().acquire();
  int64_t before = c->query("SELECT COUNT(*) FROM contacts").integer(0, 0);
  EXPECT_THROW(sql::in_transaction(*c,
                                   [&] {
                                     c->query(
                                         "INSERT INTO contacts (jobseeker_id, version, contact_date, kind, status, "
                                         "initiative, note, created_at, updated_at) VALUES (?, 1, '2026-01-01', "
                                         "'office', 'held', 'coach', '', 'x', 'x')",
                                         {j.id});
                                     c->query("INSERT INTO jobseekers (id) VALUES (NULL)");  // violates NOT NULL
                                   }),
               sql::Error);
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM contacts").integer(0, 0), before);
}

TEST_P(StoreTest, DuplicateUsername_IsAFieldError) {
  auto again = store().create_user({"coach.a", "X", Role::kCoach, "", "hash"});
  ASSERT_EQ(again.status().code(), Code::kInvalid);
  EXPECT_EQ(again.status().fields()[0].rule, "taken");
}

TEST_P(StoreTest, Sessions_ExpireWhenOldOrIdleAndCanBeDeleted) {
  const std::string long_ago = "2000-01-01T00:00:00Z";
  ASSERT_TRUE(store().create_session({"live", coach_.user.id, "csrf1", "2999-01-01T00:00:00Z", {}, std::nullopt}).is_ok());
  ASSERT_TRUE(store().create_session({"dead", coach_.user.id, "csrf2", long_ago, {}, std::nullopt}).is_ok());
  EXPECT_TRUE(store().session("live", now_utc(), long_ago).has_value());
  EXPECT_EQ(store().session("live", now_utc(), long_ago)->second.username, "coach.a");
  EXPECT_FALSE(store().session("dead", now_utc(), long_ago).has_value());
  // Idle: unused since before the cutoff, until a use is recorded.
  EXPECT_FALSE(store().session("live", now_utc(), "2999-01-01T00:00:00Z").has_value());
  store().touch_session("live", "2999-06-01T00:00:00Z");
  EXPECT_TRUE(store().session("live", now_utc(), "2999-01-01T00:00:00Z").has_value());
  store().delete_session("live");
  EXPECT_FALSE(store().session("live", now_utc(), long_ago).has_value());
}

TEST_P(StoreTest, Tokens_ResolveToTheirUser) {
  EXPECT_EQ(store().user_by_token(sha256_hex(coach_.token))->id, coach_.user.id);
  EXPECT_FALSE(store().user_by_token(sha256_hex("nope")).has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
