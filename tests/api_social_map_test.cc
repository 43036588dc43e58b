// The sociale kaart over the API and the pages, on both engines: who may read
// and write it, unique names, optimistic versions, and a CSV import that takes
// every good line and reports every bad one, never half a line.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/social_map.h"
#include "core/vocabulary.h"
#include "store/demo_social_map.h"
#include "test_support.h"
#include "web/form.h"
#include "web/i18n.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

class SocialMapApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    coordinator_ = add_user(db_->store(), "coord", Role::kCoordinator, "Team Noord", "juist-wachtwoord");
    analyst_ = add_user(db_->store(), "analyst", Role::kAnalyst, "Team Noord");
    server_ = std::make_unique<TestServer>(db_->store());
  }
  httplib::Result call(const std::string& method, const std::string& path, const TestUser& who,
                       const json& body = nullptr) {
    auto client = server_->client();
    if (method == "GET") return client.Get(path.c_str(), bearer(who.token));
    if (method == "PUT") return client.Put(path.c_str(), bearer(who.token), body.dump(), "application/json");
    return client.Post(path.c_str(), bearer(who.token), body.is_null() ? "{}" : body.dump(), "application/json");
  }
  httplib::Result import(const TestUser& who, const std::string& csv, const std::string& lang = "nl") {
    return server_->client().Post("/api/v1/organisations/import", bearer(who.token, lang), csv, "text/csv");
  }
  size_t count() { return json::parse(call("GET", "/api/v1/organisations", coach_)->body)["items"].size(); }
  std::vector<std::string> audit_actions() {
    auto c = db_->store().pool().acquire();
    auto r = c->query("SELECT action FROM audit_log WHERE jobseeker_id IS NULL ORDER BY id");
    std::vector<std::string> out;
    for (size_t i = 0; i < r.size(); ++i) out.push_back(r.text(i, 0));
    return out;
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, coordinator_, analyst_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(SocialMapApiTest, ACoordinatorAddsAnOrganisationAndACoachFindsIt) {
  auto r = call("POST", "/api/v1/organisations", coordinator_,
                {{"name", "CAW Oost-Vlaanderen"}, {"address", "Kerkplein 3, Gent"}, {"website", "www.caw.be"},
                 {"email", "onthaal@caw.be"}, {"themes", {"housing", "finances"}}});
  ASSERT_EQ(r->status, 201) << r->body;
  json o = json::parse(r->body);
  EXPECT_EQ(o["version"], 1);
  EXPECT_EQ(o["themes"], json({"finances", "housing"}));
  std::string path = "/api/v1/organisations/" + std::to_string(o["id"].get<int64_t>());
  auto k = call("POST", path + "/contacts", coordinator_, {{"name", "Koen De Smet"}, {"role", "onthaal"}});
  ASSERT_EQ(k->status, 201) << k->body;

  auto read = call("GET", path, coach_);
  ASSERT_EQ(read->status, 200);
  EXPECT_EQ(json::parse(read->body)["contacts"][0]["name"], "Koen De Smet");
  auto found = json::parse(call("GET", "/api/v1/organisations?q=oost-vl&theme=housing", coach_)->body);
  ASSERT_EQ(found["items"].size(), 1u);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/organisations?theme=health", coach_)->body)["items"].size(), 0u);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/organisations?q=50%25", coach_)->body)["items"].size(), 0u);

  SocialMapService service(db_->store());
  EXPECT_TRUE(service.organisation_exists(o["id"]));
  EXPECT_FALSE(service.organisation_exists(o["id"].get<int64_t>() + 1000));
  auto actions = audit_actions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "social_map.create"), 1);
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "social_map.update"), 1);
}

TEST_P(SocialMapApiTest, ACoachReadsButDoesNotWriteAndAnAnalystDoesNeither) {
  auto r = call("POST", "/api/v1/organisations", coordinator_, {{"name", "VDAB Gent"}});
  ASSERT_EQ(r->status, 201);
  std::string path = "/api/v1/organisations/" + std::to_string(json::parse(r->body)["id"].get<int64_t>());
  EXPECT_EQ(call("POST", "/api/v1/organisations", coach_, {{"name", "Eigen lijstje"}})->status, 403);
  EXPECT_EQ(call("PUT", path, coach_, {{"name", "Anders"}, {"version", 1}})->status, 403);
  EXPECT_EQ(call("POST", path + "/contacts", coach_, {{"name", "X"}})->status, 403);
  EXPECT_EQ(import(coach_, "name\nEigen lijstje\n")->status, 403);
  EXPECT_EQ(call("GET", path, coach_)->status, 200);
  EXPECT_EQ(call("GET", path, analyst_)->status, 403);
  EXPECT_EQ(call("GET", "/api/v1/organisations", analyst_)->status, 403);
  EXPECT_EQ(count(), 1u);
}

TEST_P(SocialMapApiTest, ANameIsUniqueWhateverItsCase) {
  ASSERT_EQ(call("POST", "/api/v1/organisations", coordinator_, {{"name", "OCMW Gent"}})->status, 201);
  auto r = call("POST", "/api/v1/organisations", coordinator_, {{"name", "  ocmw   GENT "}});
  ASSERT_EQ(r->status, 422) << r->body;
  json body = json::parse(r->body);
  EXPECT_EQ(body["fields"][0]["field"], "name");
  EXPECT_EQ(body["fields"][0]["rule"], "name_exists");
  auto bad = call("POST", "/api/v1/organisations", coordinator_, {{"name", ""}, {"email", "x"}, {"themes", {"zon"}}});
  ASSERT_EQ(bad->status, 422);
  EXPECT_EQ(json::parse(bad->body)["fields"].size(), 3u);
  EXPECT_EQ(count(), 1u);
}

TEST_P(SocialMapApiTest, AStaleVersionIsAConflictAndChangesNothing) {
  auto r = call("POST", "/api/v1/organisations", coordinator_, {{"name", "CGG Eclips"}});
  std::string path = "/api/v1/organisations/" + std::to_string(json::parse(r->body)["id"].get<int64_t>());
  auto first = call("PUT", path, coordinator_, {{"name", "CGG Eclips"}, {"phone", "09 000 44 55"}, {"version", 1}});
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(json::parse(first->body)["version"], 2);
  auto stale = call("PUT", path, coordinator_, {{"name", "CGG Eclips"}, {"phone", "09 999 99 99"}, {"version", 1}});
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ(json::parse(call("GET", path, coach_)->body)["phone"], "09 000 44 55");
  EXPECT_EQ(call("PUT", path, coordinator_, {{"name", "CGG Eclips"}})->status, 422);  // no version
  EXPECT_EQ(call("PUT", "/api/v1/organisations/999999", coordinator_, {{"name", "X"}, {"version", 1}})->status, 404);
  // Renaming onto another organisation's name is refused too.
  call("POST", "/api/v1/organisations", coordinator_, {{"name", "Huurdersbond"}});
  EXPECT_EQ(call("PUT", path, coordinator_, {{"name", "HUURDERSBOND"}, {"version", 2}})->status, 422);
}

TEST_P(SocialMapApiTest, AnImportTakesTheGoodLinesWholeAndReportsEachBadOne) {
  ASSERT_EQ(call("POST", "/api/v1/organisations", coordinator_, {{"name", "OCMW Gent"}})->status, 201);
  std::string csv =
      "name,address,themes,contact_name,contact_email\n"
      "CAW Gent,\"Kerkplein 3, Gent\",housing;Justitie,Koen,koen@caw.be\n"
      "OCMW Gent,Elders,,,\n"                          // already in the map
      "VDAB Gent,Industrieweg 100,work_training,,\n"
      "Huurdersbond,Stationsstraat 21,housing,Pieter,geen-adres\n"  // a bad contact: the whole line stays out
      "\"Huis van het Kind\nEeklo\",Markt 2,parenting,,\n";
  auto r = import(coordinator_, csv);
  ASSERT_EQ(r->status, 200) << r->body;
  json report = json::parse(r->body);
  EXPECT_EQ(report["imported"], 3);
  ASSERT_EQ(report["rejected"].size(), 2u);
  EXPECT_EQ(report["rejected"][0]["line"], 3);
  EXPECT_EQ(report["rejected"][0]["rule"], "name_exists");
  EXPECT_EQ(report["rejected"][1]["line"], 5);
  EXPECT_EQ(report["rejected"][1]["field"], "contact_email");
  EXPECT_NE(report["rejected"][1]["message"].get<std::string>().find("e-mail"), std::string::npos);
  EXPECT_EQ(count(), 4u);
  // The refused line left no organisation and no contact behind.
  EXPECT_EQ(json::parse(call("GET", "/api/v1/organisations?q=huurders", coach_)->body)["items"].size(), 0u);
  EXPECT_EQ(db_->store().pool().acquire()->query("SELECT COUNT(*) FROM organisation_contacts").integer(0, 0), 1);
  auto actions = audit_actions();
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "social_map.import"), 1);
}

TEST_P(SocialMapApiTest, AnUnreadableFileImportsNothing) {
  auto latin1 = import(coordinator_, "name,themes\nCAW,Financi\xEBn\nVDAB,\n", "en");
  ASSERT_EQ(latin1->status, 422);
  json body = json::parse(latin1->body);
  EXPECT_EQ(body["rejected"][0]["rule"], "csv_not_utf8");
  EXPECT_NE(body["rejected"][0]["message"].get<std::string>().find("UTF-8"), std::string::npos);
  EXPECT_EQ(import(coordinator_, "naam,adres\nCAW,x\n")->status, 422);
  EXPECT_EQ(server_->client().Post("/api/v1/organisations/import", bearer(coordinator_.token), "name\nA\n",
                                   "application/json")->status, 415);
  EXPECT_EQ(count(), 0u);
}

TEST_P(SocialMapApiTest, TheSampleFileImports) {
  std::ifstream in(std::string(SPIRAAL_SOURCE_DIR) + "/data/samples/sociale_kaart_voorbeeld.csv", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto r = import(coordinator_, ss.str());
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(json::parse(r->body)["imported"], 8) << r->body;
  // A second time every line is a duplicate, and nothing changes.
  json again = json::parse(import(coordinator_, ss.str())->body);
  EXPECT_EQ(again["imported"], 0);
  EXPECT_EQ(again["rejected"].size(), 8u);
  EXPECT_EQ(count(), 8u);
}

// Pages with a browser session: the form keeps what was typed, and the file
// upload carries its CSRF token as a multipart field.
TEST_P(SocialMapApiTest, PagesCreateKeepWhatWasTypedAndImportAnUploadedFile) {
  auto client = server_->client();
  auto login = post_login(*server_, "username=coord&password=juist-wachtwoord&next=%2Fsocial-map");
  ASSERT_EQ(login->status, 303);
  std::string set = login->get_header_value("Set-Cookie");
  httplib::Headers cookie = {{"Cookie", set.substr(0, set.find(';'))}};
  auto page = client.Get("/social-map", cookie);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("href=\"/social-map\""), std::string::npos);  // in the navigation
  std::smatch m;
  std::string body = page->body;
  ASSERT_TRUE(std::regex_search(body, m, std::regex(R"re(name="_csrf" value="([0-9a-f]+)")re")));
  std::string token = m[1];

  auto refused = client.Post("/social-map", cookie,
                             "_csrf=" + token + "&name=&address=" + url_encode("Markt 2, Eeklo") + "&themes=parenting",
                             "application/x-www-form-urlencoded");
  ASSERT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("Markt 2, Eeklo"), std::string::npos);
  EXPECT_NE(refused->body.find("value=\"parenting\" checked"), std::string::npos);
  EXPECT_NE(refused->body.find("Naam: is verplicht."), std::string::npos);
  auto made = client.Post("/social-map", cookie, "_csrf=" + token + "&name=Huis+van+het+Kind&themes=parenting",
                          "application/x-www-form-urlencoded");
  ASSERT_EQ(made->status, 303);
  auto show = client.Get(made->get_header_value("Location").c_str(), cookie);
  ASSERT_EQ(show->status, 200);
  EXPECT_NE(show->body.find("Opvoeding"), std::string::npos);

  httplib::MultipartFormDataItems items = {
      {"_csrf", token, "", ""},
      {"file", "name,phone\nCAW Gent,09 000 11 22\nVDAB Gent,bel ons\n", "kaart.csv", "text/csv"}};
  auto without = client.Post("/social-map/import", cookie,
                             httplib::MultipartFormDataItems{items[1]});
  EXPECT_EQ(without->status, 403);  // no token: refused
  auto imported = client.Post("/social-map/import", cookie, items);
  ASSERT_EQ(imported->status, 200) << imported->body;
  EXPECT_NE(imported->body.find("kaart.csv"), std::string::npos);
  EXPECT_NE(imported->body.find("<td>3</td>"), std::string::npos);  // the line of VDAB
  EXPECT_NE(imported->body.find("Telefoon: mag enkel cijfers"), std::string::npos);
  EXPECT_EQ(count(), 2u);
}

TEST(SocialMapDemo, TheDemoOrganisationsImportWhole) {
  auto csv = parse_social_map_csv(demo_social_map_csv());
  EXPECT_TRUE(csv.errors.empty()) << csv.errors[0].line << " " << csv.errors[0].rule;
  EXPECT_EQ(csv.rows.size(), 30u);
}

// Like tests/i18n_test.cc, for the rules these files report: a field error
// rule, a CSV problem (csv_...), or a catalog key named in full ("error.x").
TEST(SocialMapCatalogs, EveryThemeAndEveryRuleHasText) {
  std::set<std::string> rules;
  const std::regex field_rule(R"re((?:push_back\(\{|invalid_field\()[^;]*?,\s*"([a-z_]+)")re");
  const std::regex named(R"re("(?:error\.|(?=csv_))([a-z_]+)")re");
  const std::regex status(R"re((?:conflict|refuse)\("([a-z_]+)")re");
  for (const char* file : {"/src/core/social_map.cc", "/src/store/social_map_service.cc", "/src/web/social_map_routes.cc"}) {
    std::ifstream in(std::string(SPIRAAL_SOURCE_DIR) + file);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    for (const auto* re : {&field_rule, &named, &status})
      for (std::sregex_iterator it(text.begin(), text.end(), *re), end; it != end; ++it) rules.insert((*it)[1]);
  }
  EXPECT_GT(rules.size(), 15u);
  for (const auto& lang : Catalogs::get().languages()) {
    for (const auto& code : Vocabulary::get().codes("social_theme"))
      EXPECT_NE(Catalogs::get().text(lang, "vocab.social_theme." + code), "vocab.social_theme." + code) << lang;
    for (const auto& rule : rules) {
      // A capture may be a field name (problems.push_back({line, "name", rule})).
      bool field = Catalogs::get().text(lang, "field." + rule) != "field." + rule;
      bool error = Catalogs::get().text(lang, "error." + rule) != "error." + rule;
      EXPECT_TRUE(field || error) << rule << " in " << lang;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, SocialMapApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
