// Signaalfunctie over the API and the pages, on both engines: a coach flags
// structural barriers from a dossier, a coordinator counts them per period
// and region (under 5 as "<5"), bundles them into a beleidsnota, finalises
// it (immutable afterwards), and the network view shows it. No person
// leaves in the counts or the note; other teams and roles are refused; bad
// input writes nothing; the subject export and erasure include the flags.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/dossier_service.h"
#include "store/subject_data.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class StructuralSignalApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    coordinator_ = add_user(db_->store(), "coord", Role::kCoordinator, "Team Noord");
    other_ = add_user(db_->store(), "coach.b", Role::kCoach, "Team Zuid");
    admin_ = add_user(db_->store(), "admin", Role::kAdmin, "");
    analyst_ = add_user(db_->store(), "analyst", Role::kAnalyst, "Team Noord");
    partner_ = add_user(db_->store(), "partner", Role::kPartner, "Team Noord");
    DossierService dossiers(db_->store());
    ann_ = dossiers
               .create(coach_.principal(),
                       {{"first_name", "Annelies"}, {"last_name", "Vermeulen"}, {"birth_date", "1985-01-01"}})
               ->id;
    signals_ = "/api/v1/jobseekers/" + std::to_string(ann_) + "/structural-signals";
    server_ = std::make_unique<TestServer>(db_->store());
  }
  httplib::Result call(const TestUser& who, const std::string& method, const std::string& path,
                       const json& body = json::object()) {
    return api_call(*server_, who.token, method, path, body);
  }
  int64_t count(const std::string& sql) { return db_->store().pool().acquire()->query(sql, {}).integer(0, 0); }
  void flag(const std::string& category, const std::string& description, const std::string& on) {
    auto r = call(coach_, "POST", signals_, {{"category", category}, {"description", description}, {"signalled_on", on}});
    ASSERT_EQ(r->status, 201) << r->body;
  }
  // No trace of Annelies in a body meant to leave the dossier.
  void expect_no_person(const std::string& body) {
    EXPECT_EQ(body.find("Annelies"), std::string::npos) << body;
    EXPECT_EQ(body.find("Vermeulen"), std::string::npos) << body;
    EXPECT_EQ(body.find("jobseeker"), std::string::npos) << body;
    EXPECT_FALSE(holds_id(json::parse(body), "")) << body;
  }
  // Whether some member of `v` (a note's own id and version apart) holds the
  // dossier's id, as a number or as text.
  bool holds_id(const json& v, const std::string& key) const {
    if (v.is_object() || v.is_array()) {
      for (const auto& [k, child] : v.items())
        if (holds_id(child, v.is_object() ? k : key)) return true;
      return false;
    }
    if (key == "id" || key == "version") return false;
    return (v.is_number_integer() && v.get<int64_t>() == ann_) || (v.is_string() && v.get<std::string>() == std::to_string(ann_));
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, coordinator_, other_, admin_, analyst_, partner_;
  int64_t ann_ = 0;
  std::string signals_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(StructuralSignalApiTest, FlagCountBundleFinalise_AndTheNetworkViewShowsIt) {
  for (const char* on : {"2026-01-12", "2026-01-20", "2026-02-03", "2026-02-17", "2026-03-30"})
    flag("childcare", "Geen opvang voor vroege shiften in de regio", on);
  flag("mobility", "Geen openbaar vervoer naar het industrieterrein voor 6 uur", "2026-02-10");

  auto list = call(coach_, "GET", signals_);
  ASSERT_EQ(list->status, 200);
  json items = json::parse(list->body)["items"];
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[0]["category"], "childcare");  // newest first
  EXPECT_EQ(items[0]["signalled_on"], "2026-03-30");
  EXPECT_EQ(items[0]["region"], "Team Noord");
  EXPECT_EQ(call(coordinator_, "GET", signals_)->status, 200);  // the team's coordinator reads the dossier
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'structural_signal.create' AND jobseeker_id = " +
                  std::to_string(ann_)),
            6);

  auto counts = call(coordinator_, "GET", "/api/v1/structural-signals/counts?period=quarter");
  ASSERT_EQ(counts->status, 200) << counts->body;
  EXPECT_EQ(json::parse(counts->body)["items"], json::parse(R"([
    {"period": "2026-Q1", "region": "Team Noord", "category": "childcare", "signals": "5"},
    {"period": "2026-Q1", "region": "Team Noord", "category": "mobility", "signals": "<5"}])"));
  expect_no_person(counts->body);
  auto monthly = json::parse(
      call(coordinator_, "GET", "/api/v1/structural-signals/counts?period=month&category=childcare")->body)["items"];
  ASSERT_EQ(monthly.size(), 3u);
  EXPECT_EQ(monthly[0], json({{"period", "2026-01"}, {"region", "Team Noord"}, {"category", "childcare"}, {"signals", "<5"}}));
  EXPECT_EQ(call(coordinator_, "GET", "/api/v1/structural-signals/counts?period=week")->status, 422);

  auto created = call(coordinator_, "POST", "/api/v1/policy-notes",
                      {{"title", "Kinderopvang en vroege shiften"}, {"summary", "Vijf signalen in het eerste kwartaal."},
                       {"category", "childcare"}, {"from", "2026-01-01"}, {"to", "2026-03-31"}});
  ASSERT_EQ(created->status, 201) << created->body;
  json note = json::parse(created->body);
  expect_no_person(created->body);
  EXPECT_EQ(note["content"]["counts"], json::parse(R"([{"category": "childcare", "signals": "5"}])"));
  EXPECT_EQ(note["content"]["descriptions"],
            json::parse(R"([{"category": "childcare", "description": "Geen opvang voor vroege shiften in de regio"}])"));
  EXPECT_FALSE(note["final"]);
  const std::string path = "/api/v1/policy-notes/" + std::to_string(note["id"].get<int64_t>());

  auto stale = call(coordinator_, "PUT", path, {{"version", 7}, {"title", "x"}, {"summary", "y"}});
  EXPECT_EQ(stale->status, 409);
  auto saved = call(coordinator_, "PUT", path, {{"version", 1}, {"title", "Kinderopvang"}, {"summary", "Vijf signalen."}});
  ASSERT_EQ(saved->status, 200) << saved->body;
  EXPECT_EQ(json::parse(saved->body)["version"], 2);
  auto final = call(coordinator_, "POST", path + "/finalise", {{"version", 2}});
  ASSERT_EQ(final->status, 200) << final->body;
  EXPECT_TRUE(json::parse(final->body)["final"]);
  EXPECT_FALSE(json::parse(final->body)["finalised_on"].get<std::string>().empty());

  // Final means immutable.
  auto change = call(coordinator_, "PUT", path, {{"version", 3}, {"title", "Anders"}, {"summary", "Anders"}});
  EXPECT_EQ(change->status, 409);
  EXPECT_EQ(json::parse(change->body)["error"], "note_final");
  EXPECT_EQ(call(coordinator_, "POST", path + "/finalise", {{"version", 3}})->status, 409);
  auto read = json::parse(call(coordinator_, "GET", path)->body);
  EXPECT_EQ(read["title"], "Kinderopvang");
  EXPECT_EQ(read["version"], 3);

  // The network view: the note and the counts for its filter.
  auto network = call(coordinator_, "GET", "/api/v1/network?from=2026-02-01&to=2026-03-31&region=Team%20Noord");
  ASSERT_EQ(network->status, 200) << network->body;
  json view = json::parse(network->body)["structural_signals"];
  ASSERT_EQ(view["notes"].size(), 1u);
  EXPECT_EQ(view["notes"][0]["title"], "Kinderopvang");
  EXPECT_EQ(view["notes"][0]["counts"], note["content"]["counts"]);
  EXPECT_EQ(view["counts"], json::parse(R"([
    {"period": "2026-Q1", "region": "Team Noord", "category": "childcare", "signals": "<5"},
    {"period": "2026-Q1", "region": "Team Noord", "category": "mobility", "signals": "<5"}])"));
  expect_no_person(view.dump());
  auto page = server_->client().Get("/network", bearer(coordinator_.token));
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Kinderopvang"), std::string::npos);
  auto sheet = server_->client().Get(("/policy-notes/" + std::to_string(note["id"].get<int64_t>())).c_str(),
                                     bearer(coordinator_.token));
  ASSERT_EQ(sheet->status, 200);
  EXPECT_NE(sheet->body.find("Geen opvang voor vroege shiften"), std::string::npos);
  EXPECT_EQ(sheet->body.find("Annelies"), std::string::npos);
  EXPECT_EQ(sheet->body.find("action=\"/policy-notes/"), std::string::npos);  // no forms on a final note
}

TEST_P(StructuralSignalApiTest, AnotherTeamAndOtherRoles_AreRefused) {
  const json body = {{"category", "housing"}, {"description", "Wachtlijst sociale huisvesting van drie jaar"}};
  auto r = call(other_, "POST", signals_, body);
  EXPECT_TRUE(r->status == 403 || r->status == 404) << r->status;
  EXPECT_TRUE(call(other_, "GET", signals_)->status == 403 || call(other_, "GET", signals_)->status == 404);
  // The coordinator reads the dossier but is not its assigned coach: no flag.
  r = call(coordinator_, "POST", signals_, body);
  EXPECT_TRUE(r->status == 403 || r->status == 404) << r->status;
  for (const TestUser* who : {&analyst_, &partner_, &admin_}) {
    r = call(*who, "POST", signals_, body);
    EXPECT_TRUE(r->status == 403 || r->status == 404) << who->user.username << " " << r->status;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM structural_signals"), 0);
  flag("housing", "Wachtlijst sociale huisvesting van drie jaar", "2026-03-01");
  for (const TestUser* who : {&coach_, &other_, &analyst_, &partner_, &admin_}) {
    EXPECT_EQ(call(*who, "GET", "/api/v1/structural-signals/counts")->status, 403) << who->user.username;
    EXPECT_EQ(call(*who, "GET", "/api/v1/policy-notes")->status, 403) << who->user.username;
    EXPECT_EQ(call(*who, "POST", "/api/v1/policy-notes", {{"title", "t"}, {"summary", "s"}})->status, 403)
        << who->user.username;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM policy_notes"), 0);
}

TEST_P(StructuralSignalApiTest, BadInput_IsRefusedAndWritesNothing) {
  struct Case {
    json body;
    const char* field;
    const char* rule;
  };
  const std::vector<Case> cases = {
      {{{"category", "laziness"}, {"description", "Geen opvang"}}, "category", "choice"},
      {{{"category", "childcare"}, {"description", "   "}}, "description", "required"},
      {{{"category", "childcare"}, {"description", std::string(1001, 'x')}}, "description", "too_long"},
      {{{"category", "childcare"}, {"description", "Annelies vindt geen opvang"}}, "description", "names_person"},
      {{{"category", "childcare"}, {"description", "Opvang voor mevrouw vermeulen ontbreekt"}}, "description",
       "names_person"},
      {{{"category", "childcare"}, {"description", "Geen opvang"}, {"jobseeker_id", 3}}, "jobseeker_id",
       "unknown_field"},
  };
  for (const auto& c : cases) {
    auto r = call(coach_, "POST", signals_, c.body);
    ASSERT_EQ(r->status, 422) << c.body.dump();
    json fields = json::parse(r->body)["fields"];
    ASSERT_FALSE(fields.empty());
    EXPECT_EQ(fields[0]["field"], c.field) << c.body.dump();
    EXPECT_EQ(fields[0]["rule"], c.rule) << c.body.dump();
  }
  auto future = call(coach_, "POST", signals_, {{"category", "childcare"}, {"description", "x"}, {"signalled_on", "2999-01-01"}});
  EXPECT_EQ(future->status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM structural_signals"), 0);

  auto note = call(coordinator_, "POST", "/api/v1/policy-notes", {{"summary", "s"}, {"from", "2026-05-01"}, {"to", "2026-04-01"}});
  EXPECT_EQ(note->status, 422);
  EXPECT_EQ(json::parse(note->body)["fields"].size(), 2u);  // title required, to before from
  EXPECT_EQ(call(coordinator_, "PUT", "/api/v1/policy-notes/999", {{"version", 1}, {"title", "t"}, {"summary", "s"}})->status,
            404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM policy_notes"), 0);
}

TEST_P(StructuralSignalApiTest, TheSubjectExportHoldsTheFlags_ErasureRemovesThem_AndAFinalNoteStays) {
  flag("debt_rules", "Beslag op loon maakt werken financieel onmogelijk", "2026-04-02");
  auto exported = call(coach_, "GET", "/api/v1/jobseekers/" + std::to_string(ann_) + "/export");
  ASSERT_EQ(exported->status, 200);
  json rows = json::parse(exported->body)["tables"]["structural_signals"];
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["description"], "Beslag op loon maakt werken financieel onmogelijk");  // opened, not sealed
  EXPECT_NE(db_->store().pool().acquire()->query("SELECT description FROM structural_signals", {}).text(0, 0),
            "Beslag op loon maakt werken financieel onmogelijk");  // sealed at rest

  auto note = call(coordinator_, "POST", "/api/v1/policy-notes", {{"title", "Schuldregeling"}, {"summary", "s"}});
  ASSERT_EQ(note->status, 201);
  ASSERT_EQ(call(coordinator_, "POST", "/api/v1/policy-notes/" + std::to_string(json::parse(note->body)["id"].get<int64_t>()) +
                                           "/finalise",
                 {{"version", 1}})
                ->status,
            200);
  auto erased = erase_subject(db_->store(), ann_, {coordinator_.user.id, "coord", "subject.erase", ann_, ""});
  ASSERT_TRUE(erased.is_ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM structural_signals"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM policy_notes WHERE status = 'final'"), 1);
}

TEST_P(StructuralSignalApiTest, ThePagesFlagFromTheDossier_AndACoordinatorBundles) {
  auto client = server_->client();
  const std::string dossier = "/jobseekers/" + std::to_string(ann_);
  EXPECT_NE(client.Get(dossier.c_str(), bearer(coach_.token))->body.find(dossier + "/structural-signals"),
            std::string::npos);
  auto form = client.Get((dossier + "/structural-signals").c_str(), bearer(coach_.token));
  ASSERT_EQ(form->status, 200);
  auto post = [&](const TestUser& who, const std::string& path, const std::string& body) {
    return client.Post(path.c_str(), bearer(who.token), body, "application/x-www-form-urlencoded");
  };
  auto flagged = post(coach_, dossier + "/structural-signals",
                      "category=mobility&description=Geen+bus+naar+de+ploegenarbeid&signalled_on=");
  ASSERT_EQ(flagged->status, 303) << flagged->body;
  auto named = post(coach_, dossier + "/structural-signals", "category=mobility&description=Vermeulen+heeft+geen+auto");
  EXPECT_EQ(named->status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM structural_signals"), 1);
  auto overview = client.Get("/structural-signals", bearer(coordinator_.token));
  ASSERT_EQ(overview->status, 200);
  EXPECT_NE(overview->body.find("&lt;5"), std::string::npos);
  EXPECT_EQ(overview->body.find("Vermeulen"), std::string::npos);
  EXPECT_EQ(client.Get("/structural-signals", bearer(coach_.token))->status, 403);
  auto created = post(coordinator_, "/policy-notes", "title=Mobiliteit&summary=Bussen&category=mobility&from=&to=&region=");
  ASSERT_EQ(created->status, 303) << created->body;
  const std::string note = created->get_header_value("Location");
  ASSERT_EQ(post(coordinator_, note + "/finalise", "version%23=1")->status, 303);
  auto sheet = client.Get(note.c_str(), bearer(coordinator_.token));
  EXPECT_NE(sheet->body.find("Geen bus naar de ploegenarbeid"), std::string::npos);
  EXPECT_EQ(post(coordinator_, note, "version%23=2&title=x&summary=y")->status, 409);
}

INSTANTIATE_TEST_SUITE_P(Engines, StructuralSignalApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
