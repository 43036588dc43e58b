// Tests of `spiraal demo-data` (store/demo_data.h) on temporary SQLite files:
// what it writes must match what it reports, follow the handbook's Tabel 1,
// keep caseloads realistic, and read back through the Store like any dossier.
#include "store/demo_data.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "store/demo_people.h"

namespace spiraal {
namespace {

// A migrated SQLite database in a temporary file, removed afterwards.
class TempDatabase {
 public:
  TempDatabase() {
    std::random_device random;
    path_ = (std::filesystem::temp_directory_path() /
             ("spiraal_demo_" + std::to_string(random()) + std::to_string(random()) + ".db"))
                .string();
    auto store = Store::open(path_, 2);
    if (!store.is_ok()) throw std::runtime_error(store.status().message());
    store_ = std::move(store).value();
    auto migrated = store_->migrate();
    if (!migrated.is_ok()) throw std::runtime_error(migrated.status().message());
  }
  ~TempDatabase() {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  Store& store() { return *store_; }
  int64_t count(const std::string& sql) { return store_->pool().acquire()->query(sql).integer(0, 0); }

 private:
  std::string path_;
  std::unique_ptr<Store> store_;
};

DemoOptions options(int64_t jobseekers, uint64_t seed = 20100301) {
  DemoOptions o;
  o.jobseekers = jobseekers;
  o.seed = seed;
  o.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$demo$demo";
  return o;
}

std::vector<std::string> first_names(TempDatabase& db, int n) {
  auto rows = db.store().pool().acquire()->query("SELECT first_name FROM jobseekers ORDER BY id LIMIT ?",
                                                 {int64_t(n)});
  std::vector<std::string> out;
  for (size_t i = 0; i < rows.size(); ++i) out.push_back(rows.text(i, 0));
  return out;
}

// Five hundred jobseekers, generated once for the whole suite.
class DemoDataTest : public ::testing::Test {
 protected:
  static constexpr int64_t kJobseekers = 500;

  static void SetUpTestSuite() {
    db_ = new TempDatabase();
    auto o = options(kJobseekers);
    o.progress = [](const std::string& line) { progress_lines_.push_back(line); };
    auto result = generate_demo_data(db_->store(), o);
    ASSERT_TRUE(result.is_ok()) << result.status().message();
    summary_ = *result;
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
  }

  // Every stored dossier, read back through the Store.
  static std::vector<Jobseeker> all_jobseekers() {
    std::vector<Jobseeker> out;
    auto ids = db_->store().pool().acquire()->query("SELECT id FROM jobseekers ORDER BY id");
    for (size_t i = 0; i < ids.size(); ++i) {
      auto j = db_->store().jobseeker(ids.integer(i, 0));
      EXPECT_TRUE(j.is_ok());
      if (j.is_ok()) out.push_back(*j);
    }
    return out;
  }

  static inline TempDatabase* db_ = nullptr;
  static inline DemoSummary summary_;
  static inline std::vector<std::string> progress_lines_;
};

TEST_F(DemoDataTest, DemoData_FiveHundredJobseekers_SummaryMatchesTheDatabase) {
  EXPECT_EQ(summary_.jobseekers, kJobseekers);
  EXPECT_EQ(summary_.jobseekers, db_->count("SELECT COUNT(*) FROM jobseekers"));
  EXPECT_EQ(summary_.versions, db_->count("SELECT COUNT(*) FROM jobseeker_versions"));
  EXPECT_EQ(summary_.contacts, db_->count("SELECT COUNT(*) FROM contacts"));
  EXPECT_EQ(summary_.teams, db_->count("SELECT COUNT(*) FROM teams"));
  EXPECT_EQ(summary_.coaches, db_->count("SELECT COUNT(*) FROM users WHERE role = 'coach'"));
  EXPECT_EQ(kJobseekers, db_->count("SELECT COUNT(*) FROM assignments WHERE is_anchor = 1"));
  EXPECT_GT(summary_.seconds, 0);
}

TEST_F(DemoDataTest, DemoData_FiveHundredJobseekers_ReportsProgressPerBatch) {
  ASSERT_GE(progress_lines_.size(), 2u);
  EXPECT_NE(progress_lines_.back().find("500 of 500 jobseekers"), std::string::npos) << progress_lines_.back();
}

TEST_F(DemoDataTest, DemoData_SecondRun_IsRefusedAndWritesNothing) {
  auto again = generate_demo_data(db_->store(), options(10));
  ASSERT_FALSE(again.is_ok());
  EXPECT_EQ(again.status().code(), Code::kInvalid);
  ASSERT_EQ(again.status().fields().size(), 1u);
  EXPECT_EQ(again.status().fields()[0], (FieldError{"database", "not_empty", ""}));
  EXPECT_EQ(db_->count("SELECT COUNT(*) FROM jobseekers"), kJobseekers);
}

TEST_F(DemoDataTest, DemoData_FiveHundredJobseekers_CaseloadsStayWithinThirtyToEighty) {
  int coaches = 0;
  for (const User& u : db_->store().list_users()) {
    if (u.role != Role::kCoach) continue;
    ++coaches;
    CaseloadQuery q;
    q.coach_id = u.id;
    int64_t caseload = db_->store().caseload(q).total;
    if (u.username == "coach") {
      EXPECT_EQ(caseload, 40);
    } else {
      EXPECT_GE(caseload, 30) << u.username;
      EXPECT_LE(caseload, 80) << u.username;
    }
  }
  EXPECT_EQ(coaches, summary_.coaches);
}

TEST_F(DemoDataTest, DemoData_FixedLogins_ExistWithTheirRolesAndTheGivenHash) {
  for (const auto& [username, role] : demo_logins()) {
    auto u = db_->store().user_by_username(username);
    ASSERT_TRUE(u.has_value()) << username;
    EXPECT_EQ(to_string(u->role), role);
    EXPECT_EQ(u->password_hash, options(0).password_hash);
  }
  auto coach = db_->store().user_by_username("coach");
  auto coordinator = db_->store().user_by_username("coordinator");
  ASSERT_TRUE(coach->team_id.has_value());
  EXPECT_EQ(coach->team_id, coordinator->team_id);
  EXPECT_TRUE(coach->team_name.starts_with("Team ")) << coach->team_name;
}

TEST_F(DemoDataTest, DemoData_EveryJobseeker_BelongsToTheTeamOfTheirCoach) {
  EXPECT_EQ(0, db_->count("SELECT COUNT(*) FROM jobseekers j JOIN assignments a ON a.jobseeker_id = j.id "
                          "JOIN users u ON u.id = a.user_id WHERE j.team_id IS NOT u.team_id"));
  EXPECT_EQ(0, db_->count("SELECT COUNT(*) FROM teams t WHERE NOT EXISTS "
                          "(SELECT 1 FROM users u WHERE u.team_id = t.id AND u.role = 'coordinator')"));
}

TEST_F(DemoDataTest, DemoData_FiveHundredJobseekers_FollowTabelOne) {
  auto all = all_jobseekers();
  ASSERT_EQ(int64_t(all.size()), kJobseekers);
  std::map<std::string, int> seen;
  for (const auto& j : all) {
    ++seen["sex." + j.sex];
    ++seen["education." + j.education];
    ++seen["dutch." + j.dutch_level];
    for (const auto& flag : j.kansengroep) ++seen["kansengroep." + flag];
  }
  auto share = [&](const std::string& key) { return 100.0 * seen[key] / double(all.size()); };
  const std::map<std::string, double> table = {
      {"sex.male", 58},        {"sex.female", 42},        {"education.low", 71},
      {"education.medium", 21}, {"education.high", 8},     {"dutch.very_good", 45},
      {"dutch.good", 39},      {"dutch.limited", 13},     {"kansengroep.migrant", 45},
      {"kansengroep.low_skilled", 74}, {"kansengroep.older", 8}, {"kansengroep.work_disabled", 5},
  };
  for (const auto& [key, percent] : table) EXPECT_NEAR(share(key), percent, 8) << key;
}

TEST_F(DemoDataTest, DemoData_KansengroepFlags_AgreeWithAgeAndEducation) {
  const std::string today = today_utc();
  for (const auto& j : all_jobseekers()) {
    const int age = age_in_years(j.birth_date, today);
    EXPECT_GE(age, 18) << j.id;
    EXPECT_EQ(j.kansengroep.count("older") > 0, age >= 50) << j.id;
    if (j.education == "low") {
      EXPECT_TRUE(j.kansengroep.count("low_skilled")) << j.id;
    }
    if (j.living_situation.ends_with("children")) {
      EXPECT_GT(j.children.value_or(0), 0) << j.id;
    }
  }
}

TEST_F(DemoDataTest, DemoData_Contacts_FallWithinTheLastThreeYears) {
  auto r = db_->store().pool().acquire()->query("SELECT MIN(contact_date), MAX(contact_date) FROM contacts");
  const long today = *days_from_iso(today_utc());
  EXPECT_GE(r.text(0, 0), iso_from_days(today - 3 * 365));
  EXPECT_LE(r.text(0, 1), iso_from_days(today));
  EXPECT_EQ(0, db_->count("SELECT COUNT(*) FROM jobseekers j WHERE NOT EXISTS "
                          "(SELECT 1 FROM contacts c WHERE c.jobseeker_id = j.id)"));
}

TEST_F(DemoDataTest, DemoData_Contacts_AverageAboutFiftyWithOneInSevenMissed) {
  const double per_jobseeker = double(summary_.contacts) / double(kJobseekers);
  EXPECT_GT(per_jobseeker, 40);
  EXPECT_LT(per_jobseeker, 60);
  const double missed = double(db_->count("SELECT COUNT(*) FROM contacts WHERE status = 'missed'"));
  EXPECT_NEAR(100 * missed / double(summary_.contacts), 15, 4);
  for (const char* kind : {"office", "phone", "home_visit", "letter", "accompanying"})
    EXPECT_GT(db_->count(std::string("SELECT COUNT(*) FROM contacts WHERE kind = '") + kind + "'"), 0) << kind;
  for (const char* initiative : {"coach", "jobseeker", "persistent_reinvitation", "outreach"})
    EXPECT_GT(db_->count(std::string("SELECT COUNT(*) FROM contacts WHERE initiative = '") + initiative + "'"), 0)
        << initiative;
}

TEST_F(DemoDataTest, DemoData_ContactJournal_ShowsStreaksOfMissedAppointments) {
  int with_streak = 0;
  for (int64_t id = 1; id <= 50; ++id)
    if (db_->store().contact_summary(id).longest_missed_streak >= 2) ++with_streak;
  EXPECT_GT(with_streak, 5);
}

TEST_F(DemoDataTest, DemoData_GeneratedDossier_ReadsBackAsItsFirstVersion) {
  auto id = db_->count("SELECT MIN(id) FROM jobseekers");
  auto j = db_->store().jobseeker(id);
  ASSERT_TRUE(j.is_ok()) << j.status().message();
  EXPECT_TRUE(validate(*j).empty());
  EXPECT_FALSE(j->life_history.empty());
  EXPECT_FALSE(j->welfare.empty());
  EXPECT_FALSE(j->work.empty());
  EXPECT_EQ(j->life_history.find("{naam}"), std::string::npos);
  auto versions = db_->store().jobseeker_versions(id);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].version, 1);
  EXPECT_EQ(to_json(*j), versions[0].data);
}

TEST(DemoDataSeedTest, DemoData_SameSeed_GivesTheSamePeople) {
  TempDatabase a, b, c;
  ASSERT_TRUE(generate_demo_data(a.store(), options(60, 7)).is_ok());
  ASSERT_TRUE(generate_demo_data(b.store(), options(60, 7)).is_ok());
  ASSERT_TRUE(generate_demo_data(c.store(), options(60, 8)).is_ok());
  EXPECT_EQ(first_names(a, 10), first_names(b, 10));
  EXPECT_NE(first_names(a, 10), first_names(c, 10));
}

TEST(DemoDataSmallTest, DemoData_FewerThanFortyJobseekers_AllGoToCoach) {
  TempDatabase db;
  auto result = generate_demo_data(db.store(), options(25));
  ASSERT_TRUE(result.is_ok());
  EXPECT_EQ(result->coaches, 1);
  EXPECT_EQ(result->teams, 1);
  CaseloadQuery q;
  q.coach_id = db.store().user_by_username("coach")->id;
  EXPECT_EQ(db.store().caseload(q).total, 25);
}

TEST(DemoDataSmallTest, DemoData_AnyCount_KeepsGeneratedCaseloadsWithinFortyToEighty) {
  for (int64_t n : {41, 70, 121, 170, 333, 1000}) {
    TempDatabase db;
    ASSERT_TRUE(generate_demo_data(db.store(), options(n)).is_ok()) << n;
    auto rows = db.store().pool().acquire()->query(
        "SELECT u.username, COUNT(*) FROM assignments a JOIN users u ON u.id = a.user_id GROUP BY u.username");
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows.text(i, 0) == "coach") continue;
      EXPECT_GE(rows.integer(i, 1), std::min<int64_t>(40, n - 40)) << n << " " << rows.text(i, 0);
      EXPECT_LE(rows.integer(i, 1), 80) << n << " " << rows.text(i, 0);
    }
  }
}

TEST(DemoDataSmallTest, DemoData_NegativeCount_IsRejected) {
  TempDatabase db;
  auto result = generate_demo_data(db.store(), options(-1));
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().fields()[0].field, "jobseekers");
}

TEST(DemoDataSmallTest, DemoData_TakenDemoUsername_IsRefusedWithoutWritingUsers) {
  TempDatabase db;
  ASSERT_TRUE(db.store().create_user({"admin", "Echte beheerder", Role::kAdmin, "", "hash"}).is_ok());
  auto result = generate_demo_data(db.store(), options(10));
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().fields()[0], (FieldError{"database", "not_empty", ""}));
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM users"), 1);
  EXPECT_EQ(db.count("SELECT COUNT(*) FROM teams"), 0);
}

TEST(DemoPeopleTest, Personalise_EveryPlaceholder_BecomesTheFirstName) {
  EXPECT_EQ(demo::personalise("{naam} belt; {naam} komt.", "Els"), "Els belt; Els komt.");
  EXPECT_EQ(demo::personalise("geen naam", "Els"), "geen naam");
}

// The load test of the brief: run by hand with
//   --gtest_also_run_disabled_tests --gtest_filter='*HundredThousand*'
TEST(DemoDataLoadTest, DISABLED_DemoData_HundredThousandJobseekers_FinishWithinMinutes) {
  TempDatabase db;
  auto o = options(100000);
  o.progress = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  auto result = generate_demo_data(db.store(), o);
  ASSERT_TRUE(result.is_ok()) << result.status().message();
  std::fprintf(stderr, "%lld jobseekers, %lld contacts, %lld coaches, %lld teams in %.1f s\n",
               static_cast<long long>(result->jobseekers), static_cast<long long>(result->contacts),
               static_cast<long long>(result->coaches), static_cast<long long>(result->teams), result->seconds);
  EXPECT_LT(result->seconds, 600);
}

}  // namespace
}  // namespace spiraal
