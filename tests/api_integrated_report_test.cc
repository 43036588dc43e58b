// The integrated work-welfare report through the API, on both engines: a
// draft offered from the dossier, saved and edited with versions, refused
// at finalising while sections are empty (named), finalised versions kept
// unchanged, other teams refused, every step audited and sealed at rest.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "core/integrated_report.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class IntegratedReportApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    other_ = add_user(db_->store(), "coach.b", Role::kCoach, "Team Zuid");
    server_ = std::make_unique<TestServer>(db_->store());
    auto r = api_call(*server_, coach_.token, "POST", "/api/v1/jobseekers",
                      {{"first_name", "Karima"}, {"last_name", "B"}, {"birth_date", "1984-02-01"}});
    id_ = json::parse(r->body)["id"].get<int64_t>();
    base_ = "/api/v1/jobseekers/" + std::to_string(id_);
  }
  json expect(int status, const std::string& method, const std::string& path, const json& body = nullptr,
              const TestUser* who = nullptr) {
    auto r = api_call(*server_, (who ? *who : coach_).token, method, path, body);
    EXPECT_EQ(r->status, status) << method << " " << path << ": " << r->body;
    return json::parse(r->body, nullptr, false);
  }
  json all_sections(const std::string& text) {
    json s = json::object();
    for (const auto& name : integrated_report_sections()) s[name] = text + " " + name;
    return s;
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, other_;
  std::unique_ptr<TestServer> server_;
  int64_t id_ = 0;
  std::string base_;
};

TEST_P(IntegratedReportApiTest, DraftEditFinaliseAndKeepFinalVersions) {
  json offered = expect(200, "GET", base_ + "/integrated-report");
  EXPECT_EQ(offered["generated"], true);
  EXPECT_EQ(offered["version"], 0);
  EXPECT_NE(offered["sections"]["details"].get<std::string>().find("Karima B"), std::string::npos);
  EXPECT_EQ(offered["finals"].size(), 0u);

  // Saved with empty sections: finalising names them.
  json partial = offered["sections"];
  json saved = expect(200, "PUT", base_ + "/integrated-report", {{"version", 0}, {"sections", partial}});
  EXPECT_EQ(saved["version"], 1);
  json refused = expect(422, "POST", base_ + "/integrated-report/finalise", {{"version", 1}});
  std::set<std::string> fields;
  for (const auto& f : refused["fields"]) fields.insert(f["field"].get<std::string>());
  EXPECT_TRUE(fields.count("sections.key_figures"));
  EXPECT_FALSE(fields.count("sections.details"));
  EXPECT_NE(refused["fields"][0]["message"].get<std::string>().find("verplicht"), std::string::npos);

  expect(409, "PUT", base_ + "/integrated-report", {{"version", 0}, {"sections", all_sections("Eerste")}});
  expect(200, "PUT", base_ + "/integrated-report", {{"version", 1}, {"sections", all_sections("Eerste")}});
  expect(409, "POST", base_ + "/integrated-report/finalise", {{"version", 1}});
  json final1 = expect(201, "POST", base_ + "/integrated-report/finalise", {{"version", 2}});
  EXPECT_EQ(final1["status"], "final");

  // The draft goes on; the final version stays as it was.
  expect(200, "PUT", base_ + "/integrated-report", {{"version", 2}, {"sections", all_sections("Tweede")}});
  json kept = expect(200, "GET", base_ + "/integrated-reports/" + std::to_string(final1["id"].get<int64_t>()));
  EXPECT_EQ(kept["sections"]["insights"], "Eerste insights");
  json now = expect(200, "GET", base_ + "/integrated-report");
  EXPECT_EQ(now["generated"], false);
  EXPECT_EQ(now["sections"]["insights"], "Tweede insights");
  EXPECT_EQ(now["finals"].size(), 1u);
  expect(404, "GET", base_ + "/integrated-reports/999999");

  auto c = db_->store().pool().acquire();
  auto rows = c->query("SELECT sections FROM integrated_reports WHERE jobseeker_id = ?", {id_});
  ASSERT_EQ(rows.size(), 2u);
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows.text(i, 0).find("insights"), std::string::npos);
  auto audit = c->query("SELECT COUNT(*) FROM audit_log WHERE jobseeker_id = ? AND action = 'report.finalise'", {id_});
  EXPECT_EQ(audit.integer(0, 0), 1);
}

TEST_P(IntegratedReportApiTest, AnotherTeamAndBadInput_AreRefusedAndWriteNothing) {
  expect(404, "GET", base_ + "/integrated-report", nullptr, &other_);
  expect(404, "PUT", base_ + "/integrated-report", {{"version", 0}, {"sections", all_sections("x")}}, &other_);
  expect(422, "PUT", base_ + "/integrated-report", {{"version", 0}, {"sections", {{"weather", "zon"}}}});
  expect(422, "PUT", base_ + "/integrated-report", {{"sections", all_sections("x")}});
  expect(422, "POST", base_ + "/integrated-report/finalise", {{"version", 1}});  // nothing saved yet
  auto c = db_->store().pool().acquire();
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM integrated_reports", {}).integer(0, 0), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, IntegratedReportApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
