// The JSON API against both engines: the contract outside checks rely on,
// bad input of every kind, versions and conflicts, and languages.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class ApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    other_ = add_user(db_->store(), "coach.b", Role::kCoach, "Team Zuid");
    admin_ = add_user(db_->store(), "admin", Role::kAdmin, "");
    server_ = std::make_unique<TestServer>(db_->store());
  }

  httplib::Result post(const TestUser& u, const std::string& path, const json& body, const std::string& lang = "nl") {
    return server_->client().Post(path.c_str(), bearer(u.token, lang), body.dump(), "application/json");
  }
  httplib::Result patch(const TestUser& u, const std::string& path, const json& body) {
    return server_->client().Patch(path.c_str(), bearer(u.token), body.dump(), "application/json");
  }
  httplib::Result get(const TestUser& u, const std::string& path) {
    return server_->client().Get(path.c_str(), bearer(u.token));
  }
  json create_jobseeker(const TestUser& u, const std::string& first = "Ann") {
    auto r = post(u, "/api/v1/jobseekers", {{"first_name", first}, {"last_name", "Peeters"}, {"birth_date", "1985-04-02"}});
    EXPECT_EQ(r->status, 201) << r->body;
    return json::parse(r->body);
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, other_, admin_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(ApiTest, CreateJobseeker_Answers201WithIdAndVersion) {
  json j = create_jobseeker(coach_);
  EXPECT_GT(j["id"].get<int64_t>(), 0);
  EXPECT_EQ(j["version"], 1);
}

TEST_P(ApiTest, ReadJobseeker_ReturnsTheDossierWithVersionAndCreatorAsCoach) {
  json j = create_jobseeker(coach_);
  auto r = get(coach_, "/api/v1/jobseekers/" + std::to_string(j["id"].get<int64_t>()));
  ASSERT_EQ(r->status, 200);
  json d = json::parse(r->body);
  EXPECT_EQ(d["version"], 1);
  EXPECT_EQ(d["first_name"], "Ann");
  ASSERT_EQ(d["coaches"].size(), 1u);
  EXPECT_EQ(d["coaches"][0]["id"], coach_.user.id);
}

TEST_P(ApiTest, PatchWithCurrentVersion_SavesAndBumpsVersion) {
  json j = create_jobseeker(coach_);
  std::string path = "/api/v1/jobseekers/" + std::to_string(j["id"].get<int64_t>());
  auto r = patch(coach_, path, {{"version", 1}, {"education", "low"}, {"life_history", "Opgegroeid in Borgerhout."}});
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["version"], 2);
  EXPECT_EQ(json::parse(get(coach_, path)->body)["education"], "low");
}

TEST_P(ApiTest, PatchWithStaleVersion_Answers409AndChangesNothing) {
  json j = create_jobseeker(coach_);
  std::string path = "/api/v1/jobseekers/" + std::to_string(j["id"].get<int64_t>());
  ASSERT_EQ(patch(coach_, path, {{"version", 1}, {"origin", "Belg"}})->status, 200);
  auto r = patch(coach_, path, {{"version", 1}, {"origin", "Marokkaan"}});
  EXPECT_EQ(r->status, 409);
  EXPECT_NE(json::parse(r->body)["message"].get<std::string>().find("gewijzigd"), std::string::npos);
  EXPECT_EQ(json::parse(get(coach_, path)->body)["origin"], "Belg");
}

TEST_P(ApiTest, PatchWithoutVersion_IsRefused) {
  json j = create_jobseeker(coach_);
  auto r = patch(coach_, "/api/v1/jobseekers/" + std::to_string(j["id"].get<int64_t>()), {{"origin", "x"}});
  EXPECT_EQ(r->status, 422);
  EXPECT_EQ(json::parse(r->body)["fields"][0]["field"], "version");
}

TEST_P(ApiTest, EveryChange_KeepsADatedVersion) {
  json j = create_jobseeker(coach_);
  std::string path = "/api/v1/jobseekers/" + std::to_string(j["id"].get<int64_t>());
  patch(coach_, path, {{"version", 1}, {"origin", "Belg"}});
  patch(coach_, path, {{"version", 2}, {"origin", "Belg en Turk"}});
  auto r = get(coach_, path + "/versions");
  ASSERT_EQ(r->status, 200);
  json items = json::parse(r->body)["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["version"], 3);
  EXPECT_EQ(items[1]["data"]["origin"], "Belg");
  EXPECT_FALSE(items[2]["changed_at"].get<std::string>().empty());
}

TEST_P(ApiTest, OtherCoachAndAdmin_CannotReadTheDossier) {
  json j = create_jobseeker(coach_);
  std::string path = "/api/v1/jobseekers/" + std::to_string(j["id"].get<int64_t>());
  for (const auto* u : {&other_, &admin_}) {
    int status = get(*u, path)->status;
    EXPECT_TRUE(status == 403 || status == 404) << u->user.username << " got " << status;
    EXPECT_GE(patch(*u, path, {{"version", 1}, {"origin", "x"}})->status, 403);
  }
}

TEST_P(ApiTest, List_ShowsOnlyTheCallersCaseload) {
  create_jobseeker(coach_, "Ann");
  create_jobseeker(other_, "Bert");
  auto r = get(coach_, "/api/v1/jobseekers");
  ASSERT_EQ(r->status, 200);
  json list = json::parse(r->body);
  ASSERT_EQ(list["total"], 1);
  EXPECT_EQ(list["items"][0]["first_name"], "Ann");
}

TEST_P(ApiTest, List_PagesSearchesAndSorts) {
  for (const char* name : {"Ann", "Bert", "Chris", "Dirk", "Els"}) create_jobseeker(coach_, name);
  json page = json::parse(get(coach_, "/api/v1/jobseekers?limit=2&offset=2")->body);
  EXPECT_EQ(page["total"], 5);
  EXPECT_EQ(page["items"].size(), 2u);
  json found = json::parse(get(coach_, "/api/v1/jobseekers?q=chr")->body);
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["items"][0]["first_name"], "Chris");
  EXPECT_EQ(get(coach_, "/api/v1/jobseekers?limit=0")->status, 422);
  EXPECT_EQ(get(coach_, "/api/v1/jobseekers?sort=shoe")->status, 422);
  EXPECT_EQ(get(coach_, "/api/v1/jobseekers?q=%25")->status, 200);
}

TEST_P(ApiTest, MalformedJson_Answers400) {
  auto r = server_->client().Post("/api/v1/jobseekers", bearer(coach_.token), "{\"first_name\": ", "application/json");
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(json::parse(r->body)["error"], "malformed_json");
}

TEST_P(ApiTest, WrongContentType_Answers415) {
  auto r = server_->client().Post("/api/v1/jobseekers", bearer(coach_.token), "first_name=Ann", "text/plain");
  EXPECT_EQ(r->status, 415);
}

TEST_P(ApiTest, OversizedBody_Answers413) {
  std::string big = "{\"life_history\": \"" + std::string(2 << 20, 'a') + "\"}";
  auto r = server_->client().Post("/api/v1/jobseekers", bearer(coach_.token), big, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_P(ApiTest, UnknownFieldsAndWrongTypes_NameTheFieldInTheUsersLanguage) {
  auto r = post(coach_, "/api/v1/jobseekers",
                {{"first_name", "Ann"}, {"last_name", 7}, {"birth_date", "1985-04-02"}, {"favourite", "x"}}, "en");
  ASSERT_EQ(r->status, 422);
  json body = json::parse(r->body);
  ASSERT_EQ(body["fields"].size(), 2u);
  // JSON objects are read in key order.
  EXPECT_EQ(body["fields"][0]["field"], "favourite");
  EXPECT_EQ(body["fields"][0]["rule"], "unknown_field");
  EXPECT_EQ(body["fields"][1]["field"], "last_name");
  EXPECT_EQ(body["fields"][1]["message"], "Last name: must be text.");
  auto nl = post(coach_, "/api/v1/jobseekers", {{"first_name", "Ann"}}, "nl");
  EXPECT_NE(json::parse(nl->body)["fields"][0]["message"].get<std::string>().find("is verplicht"), std::string::npos);
}

TEST_P(ApiTest, RefusedCreate_WritesNothing) {
  post(coach_, "/api/v1/jobseekers", {{"first_name", "Ann"}, {"last_name", "P"}, {"birth_date", "1985-13-01"}});
  EXPECT_EQ(json::parse(get(coach_, "/api/v1/jobseekers")->body)["total"], 0);
}

TEST_P(ApiTest, Contacts_CreateListReadUpdate) {
  json j = create_jobseeker(coach_);
  std::string base = "/api/v1/jobseekers/" + std::to_string(j["id"].get<int64_t>());
  auto r = post(coach_, base + "/contacts",
                {{"date", "2026-01-05"}, {"kind", "home_visit"}, {"status", "missed"}, {"initiative", "outreach"}});
  ASSERT_EQ(r->status, 201) << r->body;
  json c = json::parse(r->body);
  post(coach_, base + "/contacts",
       {{"date", "2026-01-12"}, {"kind", "phone"}, {"status", "missed"}, {"initiative", "persistent_reinvitation"}});
  json list = json::parse(get(coach_, base + "/contacts?limit=1")->body);
  EXPECT_EQ(list["total"], 2);
  EXPECT_EQ(list["items"][0]["date"], "2026-01-12");
  std::string one = base + "/contacts/" + std::to_string(c["id"].get<int64_t>());
  EXPECT_EQ(get(coach_, one)->status, 200);
  EXPECT_EQ(patch(coach_, one, {{"version", 1}, {"status", "held"}})->status, 200);
  EXPECT_EQ(patch(coach_, one, {{"version", 1}, {"status", "missed"}})->status, 409);
  json dossier = json::parse(get(coach_, base)->body);
  EXPECT_EQ(dossier["contact_summary"]["held"], 1);
  EXPECT_EQ(dossier["contact_summary"]["current_missed_streak"], 1);
}

TEST_P(ApiTest, BadContact_Answers422WithEveryField) {
  json j = create_jobseeker(coach_);
  auto r = post(coach_, "/api/v1/jobseekers/" + std::to_string(j["id"].get<int64_t>()) + "/contacts",
                {{"kind", "telepathy"}});
  ASSERT_EQ(r->status, 422);
  EXPECT_EQ(json::parse(r->body)["fields"].size(), 4u);  // kind choice + date, status, initiative required
}

TEST_P(ApiTest, Sections_ReadAndReplaceOneSection) {
  json j = create_jobseeker(coach_);
  std::string base = "/api/v1/jobseekers/" + std::to_string(j["id"].get<int64_t>()) + "/sections";
  json list = json::parse(get(coach_, base)->body);
  EXPECT_EQ(list["items"].size(), 6u);
  json welfare = {{"version", 1},
                  {"welfare", {{"financial", {{"strengths", "Houdt een kasboek bij"},
                                              {"barriers", {{{"text", "Schulden"}, {"priority", "now"}}}}}}}}};
  auto r = server_->client().Put((base + "/welfare").c_str(), bearer(coach_.token), welfare.dump(), "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  json got = json::parse(get(coach_, base + "/welfare")->body);
  EXPECT_EQ(got["content"]["welfare"]["financial"]["barriers"][0]["text"], "Schulden");
  auto wrong = server_->client().Put((base + "/welfare").c_str(), bearer(coach_.token),
                                     json{{"version", 2}, {"origin", "x"}}.dump(), "application/json");
  EXPECT_EQ(wrong->status, 422);
  EXPECT_EQ(get(coach_, base + "/hobbies")->status, 404);
}

TEST_P(ApiTest, EveryReadAndWrite_LeavesAnAuditRecord) {
  json j = create_jobseeker(coach_);
  int64_t id = j["id"].get<int64_t>();
  std::string path = "/api/v1/jobseekers/" + std::to_string(id);
  get(coach_, path);
  patch(coach_, path, {{"version", 1}, {"origin", "x"}});
  get(other_, path);
  auto log = db_->store().audit_for(id);
  std::vector<std::string> actions;
  for (const auto& r : log) actions.push_back(r.entry.action + ":" + r.entry.username);
  EXPECT_NE(std::find(actions.begin(), actions.end(), "dossier.create:coach.a"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "dossier.read:coach.a"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "dossier.update:coach.a"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "access.denied:coach.b"), actions.end());
}

TEST_P(ApiTest, NoToken_Answers401AndBadToken_Too) {
  EXPECT_EQ(server_->client().Get("/api/v1/jobseekers")->status, 401);
  EXPECT_EQ(server_->client().Get("/api/v1/jobseekers", bearer("sp_nonsense"))->status, 401);
}

TEST_P(ApiTest, UnknownApiPath_Answers404Json) {
  auto r = get(coach_, "/api/v1/nothing-here");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(json::parse(r->body)["error"], "not_found");
}

TEST_P(ApiTest, HugeIdInPath_IsNotFound) {
  EXPECT_EQ(get(coach_, "/api/v1/jobseekers/99999999999999999999999")->status, 404);
}

TEST_P(ApiTest, AdminCreatesUsers_WithValidation) {
  auto ok = post(admin_, "/api/v1/users",
                 {{"username", "nieuw"}, {"role", "coach"}, {"team", "Team Noord"}, {"password", "lang-genoeg-1"}});
  EXPECT_EQ(ok->status, 201) << ok->body;
  auto dup = post(admin_, "/api/v1/users", {{"username", "nieuw"}, {"role", "coach"}, {"password", "lang-genoeg-1"}});
  EXPECT_EQ(dup->status, 422);
  auto bad = post(admin_, "/api/v1/users", {{"username", "X"}, {"role", "boss"}, {"password", "short"}});
  EXPECT_EQ(json::parse(bad->body)["fields"].size(), 3u);
  EXPECT_EQ(post(coach_, "/api/v1/users", {{"username", "zzz"}})->status, 403);
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
