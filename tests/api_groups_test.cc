// Groepswerking over the API, on both engines: a coach creates a group, adds
// members with their roles (an external ervaringsdeskundige among them),
// records sessions with attendance, passes a theme from a dossier that
// arrives as the theme only, and takes it into a session. Stale versions,
// other teams, bad input, audit, the subject export and erasure.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "store/demo_data.h"
#include "store/demo_groups.h"
#include "store/group_service.h"
#include "store/subject_data.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class GroupApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    colleague_ = add_user(db_->store(), "coach.c", Role::kCoach, "Team Noord");
    coordinator_ = add_user(db_->store(), "coord", Role::kCoordinator, "Team Noord");
    other_ = add_user(db_->store(), "coach.b", Role::kCoach, "Team Zuid");
    admin_ = add_user(db_->store(), "admin", Role::kAdmin, "");
    analyst_ = add_user(db_->store(), "analyst", Role::kAnalyst, "Team Noord");
    DossierService dossiers(db_->store());
    ann_ = dossiers
               .create(coach_.principal(),
                       {{"first_name", "Annelies"}, {"last_name", "Vermeulen"}, {"birth_date", "1985-01-01"}})
               ->id;
    server_ = std::make_unique<TestServer>(db_->store());
  }
  httplib::Result call(const TestUser& who, const std::string& method, const std::string& path,
                       const json& body = json::object()) {
    return api_call(*server_, who.token, method, path, body);
  }
  // Creates a group led by coach_ and returns its id.
  int64_t group(const std::string& starts_on = "2026-01-05", const std::string& ends_on = "") {
    auto r = call(coach_, "POST", "/api/v1/groups",
                  {{"name", "Gekwetst binnenste"}, {"group_kind", "inner_wound"}, {"lead_user_id", coach_.user.id},
                   {"starts_on", starts_on}, {"ends_on", ends_on}, {"group_aim", "Samen sterker"}});
    EXPECT_EQ(r->status, 201) << r->body;
    return json::parse(r->body)["id"].get<int64_t>();
  }
  int64_t member(int64_t g, const json& body) {
    auto r = call(coach_, "POST", "/api/v1/groups/" + std::to_string(g) + "/members", body);
    EXPECT_EQ(r->status, 201) << r->body;
    return json::parse(r->body)["id"].get<int64_t>();
  }
  int64_t count(const std::string& sql, int64_t id) {
    return db_->store().pool().acquire()->query(sql, {id}).integer(0, 0);
  }
  std::vector<std::string> columns(const std::string& table) {
    auto c = db_->store().pool().acquire();
    auto r = c->dialect() == sql::Dialect::kSqlite
                 ? c->query("SELECT name FROM pragma_table_info('" + table + "')")
                 : c->query("SELECT column_name FROM information_schema.columns WHERE table_name = '" + table +
                            "' AND table_schema = current_schema() ORDER BY ordinal_position");
    std::vector<std::string> out;
    for (size_t i = 0; i < r.size(); ++i) out.push_back(r.text(i, 0));
    return out;
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, colleague_, coordinator_, other_, admin_, analyst_;
  int64_t ann_ = 0;
  std::unique_ptr<TestServer> server_;
};

TEST_P(GroupApiTest, ACoachRunsAGroupAndAThemeFromACaseArrivesAsTheThemeOnly) {
  const int64_t g = group();
  const std::string base = "/api/v1/groups/" + std::to_string(g);
  const int64_t expert = member(g, {{"member_role", "expert_by_experience"}, {"name", "Marleen"},
                                    {"organisation", "Vereniging waar armen het woord nemen"}});
  const int64_t ann = member(g, {{"member_role", "participant"}, {"jobseeker_id", ann_}});
  const int64_t sam = member(g, {{"member_role", "participant"}, {"name", "Samira"}});
  member(g, {{"member_role", "group_worker"}, {"user_id", coordinator_.user.id}});

  auto read = json::parse(call(coordinator_, "GET", base)->body);
  ASSERT_EQ(read["members"].size(), 4u);
  EXPECT_EQ(read["members"][0]["member_role"], "expert_by_experience");
  EXPECT_EQ(read["members"][1]["name"], "Annelies");  // participants by first name
  EXPECT_EQ(read["members"][3]["name"], coordinator_.user.display_name);

  auto s = call(coach_, "POST", base + "/sessions",
                {{"session_on", "2026-01-12"},
                 {"themes", {"Wat geeft mij kracht?"}},
                 {"report", "Iedereen kwam aan het woord."},
                 {"attendance", {{{"member_id", expert}, {"attendance", "present"}},
                                 {{"member_id", ann}, {"attendance", "present"}},
                                 {{"member_id", sam}, {"attendance", "excused"}}}}});
  ASSERT_EQ(s->status, 201) << s->body;
  const int64_t session = json::parse(s->body)["id"];

  // The coach passes a theme from Annelies's dossier.
  auto passed = call(coach_, "POST", "/api/v1/jobseekers/" + std::to_string(ann_) + "/group-themes",
                     {{"group_id", g}, {"theme", "Omgaan met schulden"}, {"theme_code", "finances"}});
  ASSERT_EQ(passed->status, 201) << passed->body;
  const int64_t theme = json::parse(passed->body)["id"];

  // The group worker's queue: the theme, nothing about whose it is.
  auto queue = call(coordinator_, "GET", base + "/themes");
  ASSERT_EQ(queue->status, 200);
  json items = json::parse(queue->body)["items"];
  ASSERT_EQ(items.size(), 1u);
  std::set<std::string> keys;
  for (auto& [k, _] : items[0].items()) keys.insert(k);
  EXPECT_EQ(keys, (std::set<std::string>{"id", "group_id", "theme", "theme_code", "theme_status", "session_id",
                                         "passed_on", "version"}));
  EXPECT_EQ(items[0]["theme"], "Omgaan met schulden");
  EXPECT_EQ(items[0]["theme_status"], "new");
  for (const char* leak : {"Annelies", "Vermeulen", "jobseeker", "coach.a"})
    EXPECT_EQ(queue->body.find(leak), std::string::npos) << leak;

  // At the database level: no column and no content that leads to the case.
  EXPECT_EQ(columns("group_themes"), (std::vector<std::string>{"id", "group_id", "text", "code", "status", "session_id",
                                                                "passed_on", "version"}));
  {
    auto c = db_->store().pool().acquire();
    auto r = c->query("SELECT id, group_id, text, code, status, session_id, passed_on, version FROM group_themes");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_TRUE(r.text(0, 2).starts_with("enc:")) << "the theme text is sealed";
    EXPECT_EQ(db_->store().cipher().open(r.text(0, 2)), "Omgaan met schulden");
    EXPECT_EQ(r.text(0, 6).size(), 10u) << "the day only, no time to match with the dossier's log";
    for (size_t k = 0; k < 8; ++k) {
      std::string cell = r.is_null(0, k) ? "" : db_->store().cipher().open(r.text(0, k));
      EXPECT_EQ(cell.find("Annelies"), std::string::npos);
      EXPECT_EQ(cell.find("Vermeulen"), std::string::npos);
    }
  }
  // The passing is in the dossier's own audit trail, not in the group's.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'group.theme.pass' AND jobseeker_id = ?", ann_), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'group.theme%' AND jobseeker_id IS NULL AND "
                  "detail LIKE '%' || ? || '%'",
                  g),
            0);
  for (const char* action : {"group.create", "group.member.add", "group.session.create"})
    EXPECT_GE(count(std::string("SELECT COUNT(*) FROM audit_log WHERE jobseeker_id IS NULL AND action = '") + action +
                        "' AND detail LIKE 'group ' || ? || '%'",
                    g),
              1)
        << action;
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'group.attendance.write' AND jobseeker_id = ?", ann_),
            1);

  // The group worker takes the theme into the session; a stale version is refused.
  json update = {{"version", 1},
                 {"session_on", "2026-01-12"},
                 {"themes", {"Wat geeft mij kracht?", {{"theme_id", theme}}}},
                 {"report", "Ook over schulden gepraat."},
                 {"attendance", {{{"member_id", ann}, {"attendance", "present"}}}}};
  auto taken = call(coordinator_, "PUT", base + "/sessions/" + std::to_string(session), update);
  ASSERT_EQ(taken->status, 200) << taken->body;
  EXPECT_EQ(json::parse(taken->body)["version"], 2);
  auto again = call(coach_, "PUT", base + "/sessions/" + std::to_string(session), update);
  EXPECT_EQ(again->status, 409);
  json after = json::parse(call(coach_, "GET", base + "/themes")->body)["items"][0];
  EXPECT_EQ(after["theme_status"], "taken_up");
  EXPECT_EQ(after["session_id"], session);
  json sessions = json::parse(call(coach_, "GET", base + "/sessions")->body)["items"];
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0]["report"], "Ook over schulden gepraat.");
  EXPECT_EQ(sessions[0]["attendance"].size(), 1u);

  // Setting the theme aside needs the current version too.
  auto aside = call(coach_, "PUT", base + "/themes/" + std::to_string(theme), {{"theme_status", "set_aside"}, {"version", 1}});
  EXPECT_EQ(aside->status, 409);
  aside = call(coach_, "PUT", base + "/themes/" + std::to_string(theme),
               {{"theme_status", "set_aside"}, {"version", after["version"]}});
  ASSERT_EQ(aside->status, 200) << aside->body;
  EXPECT_TRUE(json::parse(aside->body)["session_id"].is_null());

  // Annelies's export holds her membership and attendance.
  auto exported = call(coach_, "GET", "/api/v1/jobseekers/" + std::to_string(ann_) + "/export");
  ASSERT_EQ(exported->status, 200);
  json tables = json::parse(exported->body)["tables"];
  ASSERT_EQ(tables["group_attendance"].size(), 1u);
  EXPECT_EQ(tables["group_attendance"][0]["status"], "present");
  EXPECT_EQ(tables["group_attendance"][0]["held_on"], "2026-01-12");
  EXPECT_EQ(tables["group_members"][0]["name"], "Annelies");
}

TEST_P(GroupApiTest, AnotherTeamAndOtherRoles_SeeNoGroup) {
  const int64_t g = group();
  const std::string base = "/api/v1/groups/" + std::to_string(g);
  EXPECT_EQ(call(other_, "GET", base)->status, 404);
  EXPECT_EQ(call(other_, "GET", base + "/themes")->status, 404);
  EXPECT_EQ(call(other_, "POST", base + "/members", {{"member_role", "participant"}, {"name", "X"}})->status, 404);
  EXPECT_EQ(json::parse(call(other_, "GET", "/api/v1/groups")->body)["items"].size(), 0u);
  EXPECT_EQ(json::parse(call(coordinator_, "GET", "/api/v1/groups")->body)["items"].size(), 1u);
  for (const TestUser* who : {&admin_, &analyst_}) {
    EXPECT_EQ(call(*who, "GET", "/api/v1/groups")->status, 403);
    EXPECT_EQ(call(*who, "GET", base)->status, 403);
  }
  // A coach of another team cannot pass a theme to this group, even from their own dossier.
  auto bo = DossierService(db_->store())
                .create(other_.principal(), {{"first_name", "Bo"}, {"last_name", "Q"}, {"birth_date", "1990-01-01"}});
  auto r = call(other_, "POST", "/api/v1/jobseekers/" + std::to_string(bo->id) + "/group-themes",
                {{"group_id", g}, {"theme", "Mobiliteit"}});
  EXPECT_EQ(r->status, 422);
  EXPECT_EQ(json::parse(r->body)["fields"][0]["rule"], "unknown_group");
  // A colleague of the team who may not read Annelies's dossier cannot add her or pass from it.
  auto add = call(colleague_, "POST", base + "/members", {{"member_role", "participant"}, {"jobseeker_id", ann_}});
  EXPECT_TRUE(add->status == 403 || add->status == 404) << add->status;
  EXPECT_EQ(count("SELECT COUNT(*) FROM group_members WHERE group_id = ?", g), 0);
  auto pass = call(colleague_, "POST", "/api/v1/jobseekers/" + std::to_string(ann_) + "/group-themes",
                   {{"group_id", g}, {"theme", "Schulden"}});
  EXPECT_TRUE(pass->status == 403 || pass->status == 404) << pass->status;
  EXPECT_EQ(count("SELECT COUNT(*) FROM group_themes WHERE group_id = ?", g), 0);
  // Refused attempts on the dossier are audited there.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE jobseeker_id = ? AND action = 'access.denied' "
                  "AND detail IN ('group.member.add', 'group.theme.pass')",
                  ann_),
            2);
}

TEST_P(GroupApiTest, BadInput_IsRefusedFieldByFieldAndWritesNothing) {
  auto r = api_call(*server_, coach_.token, "POST", "/api/v1/groups", {{"group_kind", "astrology"}, {"ends_on", "x"}});
  ASSERT_EQ(r->status, 422);
  json fields = json::parse(r->body)["fields"];
  EXPECT_EQ(fields.size(), 5u) << fields.dump();  // name, kind, lead, start, end
  EXPECT_NE(fields[0]["message"].get<std::string>().find("Naam"), std::string::npos);
  auto lead = call(coach_, "POST", "/api/v1/groups",
                   {{"name", "G"}, {"group_kind", "job_club"}, {"lead_user_id", other_.user.id}, {"starts_on", "2026-01-05"},
                    {"organisation_id", 999}});
  ASSERT_EQ(lead->status, 422);
  EXPECT_EQ(json::parse(lead->body)["fields"].size(), 2u) << lead->body;  // lead of another team, unknown organisation

  const int64_t g = group("2026-01-05", "2026-06-30");
  const std::string base = "/api/v1/groups/" + std::to_string(g);
  const int64_t m = member(g, {{"member_role", "participant"}, {"name", "Samira"}});
  auto s = call(coach_, "POST", base + "/sessions",
                {{"session_on", "2026-07-01"},
                 {"report", std::string(5000, 'x')},
                 {"attendance", {{{"member_id", m}, {"attendance", "present"}}, {{"member_id", m + 100}, {"attendance", "present"}}}}});
  ASSERT_EQ(s->status, 422) << s->body;
  std::set<std::string> rules;
  const json refused = json::parse(s->body);
  for (const auto& f : refused["fields"]) rules.insert(f["field"].get<std::string>() + ":" + f["rule"].get<std::string>());
  EXPECT_EQ(rules, (std::set<std::string>{"session_on:outside_group_period", "report:too_long",
                                          "attendance.1.member_id:not_a_member"}))
      << s->body;
  // A theme that is not this group's undoes the whole session, attendance included.
  auto t = call(coach_, "POST", base + "/sessions",
                {{"session_on", "2026-02-02"}, {"themes", {{{"theme_id", 12345}}}},
                 {"attendance", {{{"member_id", m}, {"attendance", "present"}}}}});
  ASSERT_EQ(t->status, 422) << t->body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM group_sessions WHERE group_id = ?", g), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM group_attendance WHERE group_id = ?", g), 0);
  // A theme that names the person stays in the dossier.
  auto named = call(coach_, "POST", "/api/v1/jobseekers/" + std::to_string(ann_) + "/group-themes",
                    {{"group_id", g}, {"theme", "Annelies durft niet te bellen"}});
  ASSERT_EQ(named->status, 422);
  EXPECT_EQ(json::parse(named->body)["fields"][0]["rule"], "names_person");
  EXPECT_EQ(count("SELECT COUNT(*) FROM group_themes WHERE group_id = ?", g), 0);
  // The same member twice.
  member(g, {{"member_role", "participant"}, {"jobseeker_id", ann_}});
  auto twice = call(coach_, "POST", base + "/members", {{"member_role", "participant"}, {"jobseeker_id", ann_}});
  EXPECT_EQ(twice->status, 422);
  // A stale group version.
  auto stale = call(coach_, "PUT", base,
                    {{"version", 7}, {"name", "G"}, {"group_kind", "job_club"}, {"lead_user_id", coach_.user.id},
                     {"starts_on", "2026-01-05"}});
  EXPECT_EQ(stale->status, 409);
}

TEST_P(GroupApiTest, AFailingAttendanceWrite_LeavesNoSessionNoThemeTakenUpAndNoAudit) {
  const int64_t g = group();
  const int64_t ann = member(g, {{"member_role", "participant"}, {"jobseeker_id", ann_}});
  DossierService dossiers(db_->store());
  GroupService groups(db_->store(), dossiers);
  const int64_t theme = groups.pass_theme(coach_.principal(), ann_, {{"group_id", g}, {"theme", "Schulden"}})->id;
  // The database refuses the attendance row, after the session row was written.
  {
    auto c = db_->store().pool().acquire();
    if (c->dialect() == sql::Dialect::kSqlite)
      c->exec_script("CREATE TRIGGER refuse_attendance BEFORE INSERT ON group_attendance "
                     "BEGIN SELECT RAISE(ABORT, 'injected fault'); END;");
    else
      c->exec_script("CREATE FUNCTION refuse_attendance() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected fault'; "
                     "END $$ LANGUAGE plpgsql; CREATE TRIGGER refuse_attendance BEFORE INSERT ON group_attendance "
                     "FOR EACH ROW EXECUTE FUNCTION refuse_attendance();");
  }
  const int64_t audit_before = count("SELECT COUNT(*) FROM audit_log WHERE ? > 0", 1);
  EXPECT_THROW(groups.add_session(coach_.principal(), g,
                                  {{"session_on", "2026-01-12"}, {"themes", {{{"theme_id", theme}}}},
                                   {"attendance", {{{"member_id", ann}, {"attendance", "present"}}}}}),
               sql::Error);
  EXPECT_EQ(count("SELECT COUNT(*) FROM group_sessions WHERE group_id = ?", g), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM group_themes WHERE group_id = ? AND status = 'new'", g), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE ? > 0", 1), audit_before);
  EXPECT_TRUE(db_->store().verify_audit_chain().intact);
}

TEST_P(GroupApiTest, ErasureRemovesMembershipAndAttendance_AndKeepsTheSession) {
  const int64_t g = group();
  const int64_t ann = member(g, {{"member_role", "participant"}, {"jobseeker_id", ann_}});
  const int64_t sam = member(g, {{"member_role", "participant"}, {"name", "Samira"}});
  auto s = call(coach_, "POST", "/api/v1/groups/" + std::to_string(g) + "/sessions",
                {{"session_on", "2026-01-12"},
                 {"attendance", {{{"member_id", ann}, {"attendance", "absent"}}, {{"member_id", sam}, {"attendance", "present"}}}}});
  ASSERT_EQ(s->status, 201) << s->body;
  auto erased = erase_subject(db_->store(), ann_, {coordinator_.user.id, "coord", "subject.erase", ann_, ""});
  ASSERT_TRUE(erased.is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM group_attendance WHERE group_id = ?", g), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM group_members WHERE group_id = ?", g), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM group_sessions WHERE group_id = ?", g), 1);
}

TEST_P(GroupApiTest, ThePagesRunAGroupAndPassAThemeFromTheDossier) {
  auto client = server_->client();
  auto post = [&](const std::string& path, const std::string& form) {
    return client.Post(path.c_str(), bearer(coach_.token), form, "application/x-www-form-urlencoded");
  };
  auto created = post("/groups", "name=Sollicitatieclub&group_kind=job_club&rhythm=weekly&lead_user_id%23=" +
                                     std::to_string(coach_.user.id) + "&organisation_id%23=&starts_on=2026-01-05&ends_on=");
  ASSERT_EQ(created->status, 303) << created->body;
  const std::string page = created->get_header_value("Location");
  ASSERT_TRUE(page.starts_with("/groups/"));
  const std::string id = page.substr(8);
  ASSERT_EQ(post(page + "/members", "member_role=participant&jobseeker_id%23=" + std::to_string(ann_) + "&user_id%23=")->status,
            303);
  ASSERT_EQ(post(page + "/members", "member_role=expert_by_experience&jobseeker_id%23=&user_id%23=&name=Marleen&organisation=VWAWN")
                ->status,
            303);
  const std::string dossier = "/jobseekers/" + std::to_string(ann_);
  EXPECT_NE(client.Get(dossier.c_str(), bearer(coach_.token))->body.find(dossier + "/group-themes"), std::string::npos);
  auto form = client.Get((dossier + "/group-themes").c_str(), bearer(coach_.token));
  ASSERT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("Sollicitatieclub"), std::string::npos);
  auto passed = post(dossier + "/group-themes", "group_id%23=" + id + "&theme=Zelfvertrouwen+bij+sollicitaties&theme_code=");
  ASSERT_EQ(passed->status, 303) << passed->body;
  auto named = post(dossier + "/group-themes", "group_id%23=" + id + "&theme=Vermeulen+en+geld");
  EXPECT_EQ(named->status, 422);
  EXPECT_NE(named->body.find("noemt de persoon"), std::string::npos);

  auto members = json::parse(call(coach_, "GET", "/api/v1/groups/" + id + "/members")->body)["items"];
  auto themes = json::parse(call(coach_, "GET", "/api/v1/groups/" + id + "/themes")->body)["items"];
  ASSERT_EQ(members.size(), 2u);
  ASSERT_EQ(themes.size(), 1u);
  const std::string m = std::to_string(members[0]["id"].get<int64_t>());
  auto outside = post(page + "/sessions", "session_on=2025-12-01&attendance_" + m + "=present");
  EXPECT_EQ(outside->status, 422);
  EXPECT_NE(outside->body.find("valt buiten de looptijd"), std::string::npos);
  auto session = post(page + "/sessions", "session_on=2026-01-12&themes_text=Sterktes%0D%0AOmgaan+met+stress&theme_ids=" +
                                              std::to_string(themes[0]["id"].get<int64_t>()) + "&report=Goed&attendance_" +
                                              m + "=present");
  ASSERT_EQ(session->status, 303) << session->body;
  auto shown = client.Get(page.c_str(), bearer(coach_.token));
  ASSERT_EQ(shown->status, 200);
  for (const char* text : {"Sterktes", "Omgaan met stress", "Annelies: Aanwezig", "Marleen", "Ervaringsdeskundige",
                           "Opgenomen in een sessie", "href=\"/groups\""})
    EXPECT_NE(shown->body.find(text), std::string::npos) << text;
  EXPECT_EQ(client.Get(page.c_str(), bearer(other_.token))->status, 404);

  // The session is corrected on the page: Annelies was excused; the passed theme stays taken up.
  json sessions = json::parse(call(coach_, "GET", "/api/v1/groups/" + id + "/sessions")->body)["items"];
  ASSERT_EQ(sessions.size(), 1u);
  const std::string spath = page + "/sessions/" + std::to_string(sessions[0]["id"].get<int64_t>());
  const std::string passed_id = std::to_string(themes[0]["id"].get<int64_t>());
  EXPECT_NE(shown->body.find("name=\"theme_ids\" value=\"" + passed_id + "\""), std::string::npos);
  auto corrected = post(spath, "version=1&session_on=2026-01-12&themes_text=Sterktes&theme_ids=" + passed_id +
                                   "&report=Goed&attendance_" + m + "=excused");
  ASSERT_EQ(corrected->status, 303) << corrected->body;
  EXPECT_EQ(post(spath, "version=1&session_on=2026-01-12&attendance_" + m + "=present")->status, 409);
  json now = json::parse(call(coach_, "GET", "/api/v1/groups/" + id + "/sessions")->body)["items"][0];
  EXPECT_EQ(now["attendance"][0]["attendance"], "excused");
  ASSERT_EQ(now["themes"].size(), 2u);
  EXPECT_EQ(now["themes"][1]["text"], "Zelfvertrouwen bij sollicitaties");

  // The group is started and later ended through its edit form; a stale form is refused.
  const std::string edit = "name=Sollicitatieclub&group_kind=job_club&rhythm=weekly&group_status=running&lead_user_id%23=" +
                           std::to_string(coach_.user.id) + "&starts_on=2026-01-05&ends_on=&group_aim=Samen+oefenen";
  ASSERT_EQ(post(page, "version%23=1&" + edit)->status, 303);
  auto stale = post(page, "version%23=1&" + edit);
  EXPECT_EQ(stale->status, 409);
  EXPECT_NE(stale->body.find("Iemand anders wijzigde dit"), std::string::npos);
  auto early = post(page, "version%23=2&" + edit.substr(0, edit.find("&ends_on=")) + "&ends_on=2026-01-01");
  EXPECT_EQ(early->status, 422);
  EXPECT_NE(early->body.find("Einddatum"), std::string::npos);
  json stored = json::parse(call(coach_, "GET", "/api/v1/groups/" + id)->body);
  EXPECT_EQ(stored["group_status"], "running");
  EXPECT_EQ(stored["group_aim"], "Samen oefenen");
  EXPECT_EQ(stored["version"], 2);
}

TEST_P(GroupApiTest, TheDemoGivesEveryTeamGroupsWithSessionsAndPassedThemes) {
  // The demo runs through the services: a clean database of its own.
  auto db = TestDb::create(GetParam());
  DemoOptions options;
  options.jobseekers = 30;
  options.password_hash = "x";
  ASSERT_TRUE(generate_demo_data(db->store(), options).is_ok());
  auto s = generate_demo_groups(db->store());
  ASSERT_TRUE(s.is_ok()) << s.status().message();
  EXPECT_GE(s->groups, 2);
  EXPECT_GT(s->sessions, s->groups * 4);
  EXPECT_GT(s->themes, 0);
  auto c = db->store().pool().acquire();
  EXPECT_GT(c->query("SELECT COUNT(*) FROM group_attendance WHERE jobseeker_id IS NOT NULL").integer(0, 0), 0);
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM group_themes WHERE status = 'taken_up'").integer(0, 0), s->groups);
  EXPECT_GT(c->query("SELECT COUNT(*) FROM group_members WHERE role = 'expert_by_experience'").integer(0, 0), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, GroupApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
