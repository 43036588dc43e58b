// Monitoring for the analyst, on both engines, over demo trajectories: the
// headline counts equal the raw SQL for the same figure, filters are
// validated, the exports (CSV and a real XLSX workbook) carry the same
// suppressed figures, no person leaves, and only the analyst gets in.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/monitoring.h"
#include "store/demo_data.h"
#include "store/demo_instruments.h"
#include "store/demo_trajectories.h"
#include "store/demo_work.h"
#include "store/monitoring_service.h"
#include "test_support.h"
#include "web/form.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class MonitoringApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    DemoOptions options;
    options.jobseekers = 120;
    options.password_hash = "x";
    ASSERT_TRUE(generate_demo_data(db_->store(), options).is_ok());
    ASSERT_TRUE(generate_demo_trajectories(db_->store(), 7).is_ok());
    ASSERT_TRUE(generate_demo_work(db_->store(), 7).is_ok());  // sustainability follow-ups, sealed
    analyst_ = add_user(db_->store(), "analyst.a", Role::kAnalyst, "");
    coach_ = add_user(db_->store(), "coach.z", Role::kCoach, "Team Z");
    server_ = std::make_unique<TestServer>(db_->store());
  }
  int64_t sql_count(const std::string& where) {
    return db_->store().pool().acquire()->query("SELECT COUNT(*) FROM trajectories WHERE " + where, {}).integer(0, 0);
  }

  std::unique_ptr<TestDb> db_;
  TestUser analyst_, coach_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(MonitoringApiTest, HeadlineCountsEqualTheRawQuery) {
  auto r = api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring");
  ASSERT_EQ(r->status, 200) << r->body;
  json m = json::parse(r->body);
  int64_t started = sql_count("started_on IS NOT NULL AND started_on <> ''");
  int64_t closed = sql_count("started_on IS NOT NULL AND started_on <> '' AND state = 'closed'");
  ASSERT_GE(started, 5);
  EXPECT_EQ(m["outcomes"]["started"], std::to_string(started));
  EXPECT_EQ(m["outcomes"]["closed"], closed >= 5 ? std::to_string(closed) : std::string("<5"));
  EXPECT_EQ(m["participants"]["total"], std::to_string(started));
  // Lasting work: every recorded follow-up of a started trajectory is counted at its moment.
  auto recorded = db_->store().pool().acquire()->query(
      "SELECT COUNT(*) FROM work_records w JOIN trajectories t ON t.jobseeker_id = w.jobseeker_id "
      "WHERE w.kind = 'sustainability_check' AND w.status = 'recorded' AND t.started_on <> ''", {});
  ASSERT_GT(recorded.integer(0, 0), 0);
  long counted = 0;
  for (const auto& s : m["sustainable_employment"]) {
    const std::string n = s["checked"];
    counted += n == "<5" ? 1 : std::stol(n);
  }
  EXPECT_GT(counted, 0);
  EXPECT_LE(counted, recorded.integer(0, 0));
  // No name of any jobseeker in the answer.
  auto names = db_->store().pool().acquire()->query("SELECT last_name FROM jobseekers", {});
  for (size_t i = 0; i < names.size(); ++i) EXPECT_EQ(r->body.find("\"" + names.text(i, 0) + "\""), std::string::npos);
}

// The service reads people in blocks; blocks of 7 (several, the last one
// padded) give the same facts as one block for everyone.
TEST_P(MonitoringApiTest, BlocksOfPeopleGiveTheSameFigures) {
  ASSERT_TRUE(generate_demo_instruments(db_->store(), 7).is_ok());  // score tables, for the W² change
  MonitoringService one_block(db_->store(), 1000), small_blocks(db_->store(), 7);
  MonitoringFilter since_2025;
  since_2025.from = "2025-01-01";
  for (const MonitoringFilter& f : {MonitoringFilter{}, since_2025}) {
    auto whole = one_block.facts(analyst_.principal(), f), blocked = small_blocks.facts(analyst_.principal(), f);
    ASSERT_TRUE(whole.is_ok() && blocked.is_ok());
    ASSERT_GT(whole->size(), 7u * 3);
    auto with_scores = [](const std::vector<TrajectoryFacts>& facts) {
      return std::count_if(facts.begin(), facts.end(), [](const auto& t) { return t.first_outside.has_value(); });
    };
    EXPECT_GT(with_scores(*whole), 0);
    EXPECT_EQ(with_scores(*blocked), with_scores(*whole));
    EXPECT_EQ(monitoring_indicators(*blocked, "2026-12-01"), monitoring_indicators(*whole, "2026-12-01"));
  }
}

TEST_P(MonitoringApiTest, FiltersAreValidatedAndApplied) {
  auto bad = api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring?from=2026-05-01&to=2026-01-01&colour=red");
  ASSERT_EQ(bad->status, 422) << bad->body;
  const json refused = json::parse(bad->body);
  std::set<std::string> fields;
  for (const auto& f : refused["fields"]) fields.insert(f["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"to", "colour"}));
  EXPECT_EQ(api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring?referral_source=aliens")->status, 422);
  auto none = api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring?team=Nergens");
  ASSERT_EQ(none->status, 200);
  EXPECT_EQ(json::parse(none->body)["outcomes"]["started"], "0");
  auto later = api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring?from=2100-01-01");
  EXPECT_EQ(json::parse(later->body)["participants"]["total"], "0");
}

TEST_P(MonitoringApiTest, RegionAndOrganisationFilterOnTheTeam) {
  auto query = [&](const std::string& text, sql::Params params) {
    return db_->store().pool().acquire()->query(text, params);
  };
  const std::string region = query("SELECT region FROM teams WHERE region <> '' ORDER BY id", {}).text(0, 0);
  const std::string organisation = query("SELECT organisation FROM teams WHERE organisation <> '' ORDER BY id", {}).text(0, 0);
  auto expected = [&](const std::string& column, const std::string& value) {
    int64_t n = query("SELECT COUNT(*) FROM trajectories tr JOIN jobseekers j ON j.id = tr.jobseeker_id "
                         "JOIN teams t ON t.id = j.team_id WHERE tr.started_on <> '' AND t." + column + " = ?",
                         {value}).integer(0, 0);
    return n > 0 && n < 5 ? std::string("<5") : std::to_string(n);
  };
  auto by_region = api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring?region=" + url_encode(region));
  ASSERT_EQ(by_region->status, 200) << by_region->body;
  EXPECT_EQ(json::parse(by_region->body)["participants"]["total"], expected("region", region));
  auto by_org = api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring?organisation=" + url_encode(organisation));
  ASSERT_EQ(by_org->status, 200);
  EXPECT_EQ(json::parse(by_org->body)["participants"]["total"], expected("organisation", organisation));
  EXPECT_EQ(api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring?region=" + std::string(201, 'x'))->status, 422);
  // `spiraal team set` underneath: an unknown team, and too long a value, change nothing.
  EXPECT_EQ(db_->store().set_team_place("Nergens", "Limburg", "VDAB").code(), Code::kNotFound);
  EXPECT_EQ(db_->store().set_team_place("Team Z", std::string(201, 'x'), "VDAB").code(), Code::kInvalid);
  ASSERT_TRUE(db_->store().set_team_place("Team Z", "Limburg", "CAW").is_ok());
  EXPECT_EQ(query("SELECT region || '/' || organisation FROM teams WHERE name = 'Team Z'", {}).text(0, 0), "Limburg/CAW");
}

TEST_P(MonitoringApiTest, ExportsCarryTheSameSuppressedFigures) {
  auto csv = api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring/export?format=csv");
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body.rfind("section,indicator,cell,value\r\n", 0), 0u);
  int64_t started = sql_count("started_on IS NOT NULL AND started_on <> ''");
  EXPECT_NE(csv->body.find("outcomes,all,started," + std::to_string(started) + "\r\n"), std::string::npos);
  auto xlsx = api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring/export?format=xlsx");
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.rfind("PK", 0), 0u);  // a zip container, as every XLSX
  EXPECT_GT(xlsx->body.size(), 2000u);
  EXPECT_EQ(api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring/export?format=pdf")->status, 422);
}

TEST_P(MonitoringApiTest, OnlyTheAnalyst_AndAudited) {
  EXPECT_EQ(api_call(*server_, coach_.token, "GET", "/api/v1/monitoring")->status, 403);
  EXPECT_EQ(api_call(*server_, coach_.token, "GET", "/api/v1/monitoring/export")->status, 403);
  api_call(*server_, analyst_.token, "GET", "/api/v1/monitoring");
  auto audit = db_->store().pool().acquire()->query(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'monitoring.read' AND jobseeker_id IS NULL", {});
  EXPECT_EQ(audit.integer(0, 0), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, MonitoringApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
