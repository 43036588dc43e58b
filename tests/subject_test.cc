// The GDPR rights over the whole data map: the subject export holds every
// table on the person with sealed text opened; erasure leaves no row on
// them but a tombstone, keeps the audit chain intact and touches no one
// else; retention lists dossiers closed long enough ago. On both engines.
#include <gtest/gtest.h>

#include <set>

#include "core/clock.h"
#include "report/subject_export.h"
#include "store/consent_service.h"
#include "store/instrument_service.h"
#include "store/score_service.h"
#include "store/subject_data.h"
#include "store/trajectory_service.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class SubjectTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    Store& s = db_->store();
    coach_ = add_user(s, "coach.a", Role::kCoach, "Team Noord");
    auto partner = add_user(s, "caw", Role::kPartner, "CAW");
    auto coordinator = add_user(s, "coord.zuid", Role::kCoordinator, "Team Zuid");
    DossierService dossiers(s);
    TrajectoryService trajectories(s, dossiers);
    auto p = coach_.principal();
    for (int64_t* id : {&ann_, &bo_}) {
      *id = dossiers
                .create(p, {{"first_name", id == &ann_ ? "Ann" : "Bo"},
                            {"last_name", "P"},
                            {"birth_date", "1985-06-01"},
                            {"registered_on", "2024-02-01"},
                            {"life_history", "GEHEIM-LEVEN"}})
                ->id;
      dossiers.add_contact(p, *id, {{"date", "2026-01-01"}, {"kind", "phone"}, {"status", "held"},
                                    {"initiative", "coach"}, {"note", "GEHEIM-NOTITIE"}});
      trajectories.open_crisis(p, *id, {{"cause", "GEHEIM-CRISIS"}, {"started_on", "2026-01-02"}});
      trajectories.save_screening(p, *id, {{"indicators", {"single"}}});
      json block = {{"kind", "load"}, {"label", "GEHEIM-BLOK"}, {"size", 3}};
      InstrumentService(s, dossiers).add(p, *id, "balance", {{"document", {{"blocks", json::array({block})}}}});
      ConsentService(s, dossiers).record(p, *id, {{"recipient_id", partner.user.id}, {"purpose", "GEHEIM-DOEL"}, {"scope", {"welfare"}}});
      ConsentService(s, dossiers).break_glass(coordinator.principal(), *id, {{"reason", "GEHEIM-REDEN noodgeval"}});
    }
  }
  int64_t rows_on(const char* table, const char* column, int64_t id) {
    auto c = db_->store().pool().acquire();
    return c->query(std::string("SELECT COUNT(*) FROM ") + table + " WHERE " + column + " = ?", {id}).integer(0, 0);
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_;
  int64_t ann_ = 0, bo_ = 0;
};

TEST_P(SubjectTest, EveryTableWithAJobseekerColumn_IsOnTheDataMap) {
  auto c = db_->store().pool().acquire();
  auto r = c->dialect() == sql::Dialect::kSqlite
               ? c->query("SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
                          "WHERE m.type = 'table' AND p.name = 'jobseeker_id'")
               : c->query("SELECT table_name FROM information_schema.columns WHERE column_name = 'jobseeker_id' "
                          "AND table_schema = current_schema()");
  std::set<std::string> mapped;
  for (const auto& t : subject_tables()) mapped.insert(t.table);
  ASSERT_GT(r.size(), 10u);
  for (size_t i = 0; i < r.size(); ++i) {
    std::string table = r.text(i, 0);
    if (table == "audit_log" || table == "tombstones") continue;  // kept on purpose: the chain, the statistics
    if (table == "users") continue;  // the jobseeker's own account: anonymised by erase_subject, not deleted
    EXPECT_TRUE(mapped.count(table)) << table << " holds data on a person but is not in subject_tables()";
  }
}

TEST_P(SubjectTest, TheExportHoldsEveryTableWithSealedTextOpened) {
  auto doc = subject_export(db_->store(), ann_, {coach_.user.id, "coach.a", "subject.export", ann_, ""});
  ASSERT_TRUE(doc.is_ok());
  std::string text = doc->dump();
  for (const char* secret : {"GEHEIM-LEVEN", "GEHEIM-NOTITIE", "GEHEIM-CRISIS", "GEHEIM-BLOK", "GEHEIM-DOEL", "GEHEIM-REDEN"})
    EXPECT_NE(text.find(secret), std::string::npos) << secret;
  EXPECT_EQ(text.find("enc:1:"), std::string::npos);
  for (const auto& t : subject_tables()) EXPECT_TRUE(doc->at("tables").contains(t.table)) << t.table;
  EXPECT_EQ(doc->at("tables")["jobseekers"][0]["first_name"], "Ann");
  EXPECT_EQ(doc->at("tables")["contacts"].size(), 1u);
  EXPECT_GT(doc->at("audit").size(), 5u);
  EXPECT_FALSE(subject_export(db_->store(), 999999, {}).is_ok());
}

TEST_P(SubjectTest, ErasureLeavesATombstoneOnlyAndTheChainIntact) {
  auto t = erase_subject(db_->store(), ann_, {0, "cli", "subject.erase", ann_, ""});
  ASSERT_TRUE(t.is_ok()) << t.status().message();
  EXPECT_EQ(t->age_band, "35-44");
  EXPECT_EQ(t->registered_year, "2024");
  EXPECT_EQ(t->contacts, 1);
  EXPECT_EQ(t->crises, 1);
  for (const auto& table : subject_tables()) EXPECT_EQ(rows_on(table.table, table.person_column, ann_), 0) << table.table;
  EXPECT_EQ(rows_on("tombstones", "jobseeker_id", ann_), 1);
  // Bo is untouched.
  for (const char* table : {"contacts", "crises", "consents", "instrument_versions", "jobseeker_versions"})
    EXPECT_EQ(rows_on(table, "jobseeker_id", bo_), 1) << table;
  EXPECT_TRUE(db_->store().verify_audit_chain().intact);
  EXPECT_GT(rows_on("audit_log", "jobseeker_id", ann_), 0);  // the record of who did what stays
  EXPECT_FALSE(db_->store().jobseeker(ann_).is_ok());
  EXPECT_FALSE(erase_subject(db_->store(), ann_, {0, "cli", "subject.erase", ann_, ""}).is_ok());
}

TEST_P(SubjectTest, RetentionListsOnlyDossiersClosedLongerAgoThanThePeriod) {
  const std::string old_close = add_months(today_utc(), -30), recent = add_months(today_utc(), -2);
  for (auto [id, on] : {std::pair{ann_, old_close}, std::pair{bo_, recent}})
    db_->store().pool().acquire()->query("INSERT INTO trajectories (jobseeker_id, state, version, last_moved_on, started_on, outcome, updated_at) "
             "VALUES (?, 'closed', 1, ?, '2023-01-01', 'work', ?)",
             {id, on, now_utc()});
  auto due = retention_due(db_->store(), 24);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0]["id"], ann_);
  EXPECT_EQ(retention_due(db_->store(), 1).size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, SubjectTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
