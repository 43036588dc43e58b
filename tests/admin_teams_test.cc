// The administrator's teams page, on both engines: every team with its
// active staff, the region and organisation set through the form (which the
// monitoring's filters then use), a too-long value refused with the typed
// values kept, an unknown team 404, and nothing for anyone but the admin.
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"
#include "web/form.h"

namespace spiraal::testing {
namespace {

class AdminTeamsTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    admin_ = add_user(db_->store(), "beheer", Role::kAdmin, "");
    coordinator_ = add_user(db_->store(), "coord", Role::kCoordinator, "Team Noord");
    add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    add_user(db_->store(), "coach.b", Role::kCoach, "Team Zuid");
    server_ = std::make_unique<TestServer>(db_->store());
  }
  httplib::Result place(const TestUser& who, const std::string& team, const std::string& region,
                        const std::string& organisation) {
    return server_->client().Post(
        "/admin/teams", bearer(who.token),
        "team=" + url_encode(team) + "&region=" + url_encode(region) + "&organisation=" + url_encode(organisation),
        "application/x-www-form-urlencoded");
  }
  std::string page() { return server_->client().Get("/admin/teams", bearer(admin_.token))->body; }

  std::unique_ptr<TestDb> db_;
  TestUser admin_, coordinator_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(AdminTeamsTest, ListsTeamsWithTheirActiveStaff) {
  auto teams = db_->store().list_teams();
  ASSERT_EQ(teams.size(), 2u);
  EXPECT_EQ(teams[0].name, "Team Noord");
  EXPECT_EQ(teams[0].members, 2);
  EXPECT_EQ(teams[1].name, "Team Zuid");
  EXPECT_EQ(teams[1].members, 1);
  std::string html = page();
  EXPECT_NE(html.find("<th scope=\"row\">Team Noord</th><td>2</td>"), std::string::npos) << html;
}

TEST_P(AdminTeamsTest, TheFormPlacesATeamInARegionAndOrganisation) {
  auto r = place(admin_, "Team Zuid", "  Meetjesland ", "OCMW Eeklo");
  ASSERT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), "/admin/teams?saved=1");
  auto teams = db_->store().list_teams();
  EXPECT_EQ(teams[1].region, "Meetjesland");  // trimmed
  EXPECT_EQ(teams[1].organisation, "OCMW Eeklo");
  EXPECT_EQ(teams[0].region, "");  // the other team untouched
  auto saved = server_->client().Get("/admin/teams?saved=1", bearer(admin_.token));
  EXPECT_NE(saved->body.find("De plaats van het team is bewaard."), std::string::npos);
  EXPECT_NE(saved->body.find("value=\"Meetjesland\""), std::string::npos);
}

TEST_P(AdminTeamsTest, ATooLongRegionIsRefusedAndTheTypedValuesStay) {
  const std::string long_region(201, 'x');
  auto r = place(admin_, "Team Noord", long_region, "VDAB");
  ASSERT_EQ(r->status, 422);
  EXPECT_NE(r->body.find("Niet bewaard"), std::string::npos);
  EXPECT_NE(r->body.find("value=\"VDAB\""), std::string::npos);
  EXPECT_EQ(db_->store().list_teams()[0].organisation, "");  // nothing half-written
  EXPECT_EQ(place(admin_, "Team West", "Gent", "VDAB")->status, 404);
  auto nameless = place(admin_, "", "Gent", "VDAB");
  EXPECT_EQ(nameless->status, 422);
  EXPECT_NE(nameless->body.find("Team: is verplicht."), std::string::npos) << nameless->body;
}

TEST_P(AdminTeamsTest, OnlyTheAdministratorReachesIt) {
  EXPECT_EQ(server_->client().Get("/admin/teams", bearer(coordinator_.token))->status, 403);
  EXPECT_EQ(place(coordinator_, "Team Noord", "Gent", "VDAB")->status, 403);
  EXPECT_EQ(db_->store().list_teams()[0].region, "");
}

INSTANTIATE_TEST_SUITE_P(Engines, AdminTeamsTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
