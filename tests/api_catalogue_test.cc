// The catalogues, matching and the employment measures through the API, on
// both engines: imports of vacancies from CSV and JSON with a report per
// refused line and nothing half-written, who may import and read, a vacancy
// that needs core tasks, a jobseeker's matches under the hard constraints of
// their work profile, the candidates of a vacancy within the caller's
// caseload, measure proposals with their reasons and warnings, replacing the
// measures' rules, and an application that offers a measure.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(SPIRAAL_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const char* kVacancyHeader = "reference,employer,title,occupation_code,core_tasks,hours_per_week,schedule,place,contract\n";

class CatalogueApiTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    other_ = add_user(db_->store(), "coach.b", Role::kCoach, "Team Zuid");
    coordinator_ = add_user(db_->store(), "coord.a", Role::kCoordinator, "Team Noord");
    analyst_ = add_user(db_->store(), "analyst.a", Role::kAnalyst, "Team Noord");
    server_ = std::make_unique<TestServer>(db_->store());
    id_ = jobseeker("Ann");
    base_ = "/api/v1/jobseekers/" + std::to_string(id_);
  }

  int64_t jobseeker(const std::string& first) {
    auto r = call("POST", "/api/v1/jobseekers", {{"first_name", first}, {"last_name", "P"}, {"birth_date", "1985-01-01"}});
    EXPECT_EQ(r->status, 201) << r->body;
    return json::parse(r->body)["id"].get<int64_t>();
  }
  httplib::Result call(const std::string& method, const std::string& path, const json& body = nullptr,
                       const TestUser* who = nullptr) {
    return api_call(*server_, (who ? *who : coach_).token, method, path, body);
  }
  // The call's JSON answer, after checking its status.
  json expect(int status, const std::string& method, const std::string& path, const json& body = nullptr,
              const TestUser* who = nullptr) {
    auto r = call(method, path, body, who);
    EXPECT_EQ(r->status, status) << method << " " << path << ": " << r->body;
    return json::parse(r->body, nullptr, false);
  }
  // "field:rule" of every field error of a 422.
  std::set<std::string> refused(const std::string& method, const std::string& path, const json& body,
                                const TestUser* who = nullptr) {
    auto r = call(method, path, body, who);
    EXPECT_EQ(r->status, 422) << method << " " << path << ": " << r->body;
    std::set<std::string> out;
    for (const auto& f : json::parse(r->body).value("fields", json::array()))
      out.insert(f["field"].get<std::string>() + ":" + f["rule"].get<std::string>());
    return out;
  }
  // Uploads a vacancies file as the coordinator (or `who`).
  httplib::Result import_vacancies(const std::string& bytes, const std::string& content_type = "text/csv",
                                   const TestUser* who = nullptr) {
    return server_->client().Post("/api/v1/vacancies/import", bearer((who ? *who : coordinator_).token), bytes,
                                  content_type.c_str());
  }
  // "line:field:rule" of every rejected line of an import report.
  static std::set<std::string> rejected(const json& report) {
    std::set<std::string> out;
    for (const auto& p : report["rejected"])
      out.insert(std::to_string(p["line"].get<int64_t>()) + ":" + p["field"].get<std::string>() + ":" +
                 p["rule"].get<std::string>());
    return out;
  }
  json vacancies(const TestUser* who = nullptr) { return expect(200, "GET", "/api/v1/vacancies", nullptr, who)["items"]; }
  std::set<std::string> references() {
    std::set<std::string> out;
    for (const auto& v : vacancies()) out.insert(v["reference"].get<std::string>());
    return out;
  }
  int64_t vacancy_id(const std::string& reference) {
    for (const auto& v : vacancies())
      if (v["reference"] == reference) return v["id"].get<int64_t>();
    ADD_FAILURE() << "no vacancy " << reference;
    return 0;
  }
  json vacancy(const std::string& reference, const std::string& title, const std::string& place,
               const json& competences) {
    return {{"reference", reference}, {"employer", "Werkgever " + reference}, {"title", title},
            {"core_tasks", {{{"text", "De kerntaak"}, {"competences", competences}}}},
            {"hours_per_week", 20}, {"schedule", "day"}, {"place", place}, {"contract", "permanent"}};
  }
  // The codes of the proposed measures for these facts about a jobseeker.
  std::vector<std::string> proposed(const json& facts) {
    json r = expect(200, "POST", "/api/v1/measures/proposals", {{"facts", facts}, {"beneficiary", "jobseeker"}});
    std::vector<std::string> out;
    for (const auto& p : r["items"]) out.push_back(p["code"]);
    return out;
  }
  // The jobseeker's recorded profile for matching: three competences decided
  // together, at most 30 hours, travel times to three places, at most 45
  // minutes, childcare-friendly hours.
  void record_profile() {
    for (const char* code : {"accuracy", "independence", "information_handling"})
      expect(201, "POST", base_ + "/competence-decisions",
             {{"competence", code}, {"decision", "acquired"}, {"decided_with_jobseeker", true}});
    expect(200, "PUT", base_ + "/work-profile",
           {{"version", 0}, {"max_hours_per_week", 30},
            {"travel", {{{"place", "gent"}, {"minutes", 20}}, {{"place", "Antwerpen"}, {"minutes", 60}},
                        {{"place", "Sint-Niklaas"}, {"minutes", 25}}}},
            {"max_travel_minutes", 45}, {"needs_childcare_friendly_hours", true}});
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_, other_, coordinator_, analyst_;
  std::unique_ptr<TestServer> server_;
  int64_t id_ = 0;
  std::string base_;
};

// --- Imports ---

TEST_P(CatalogueApiTest, ImportVacancies_TheSampleFile_ImportsAllTen) {
  const std::string sample = read_source_file("data/samples/vacancies.csv");
  ASSERT_FALSE(sample.empty()) << "data/samples/vacancies.csv under " << SPIRAAL_SOURCE_DIR;
  auto r = import_vacancies(sample);
  ASSERT_EQ(r->status, 200) << r->body;
  json report = json::parse(r->body);
  EXPECT_EQ(report["imported"], 10);
  EXPECT_EQ(report["rejected"], json::array());
  EXPECT_EQ(report["unreadable"], false);
  auto audited = db_->store().pool().acquire()->query(
      "SELECT detail FROM audit_log WHERE action = 'catalogue.import' ORDER BY seq");
  ASSERT_EQ(audited.size(), 1u);
  EXPECT_EQ(audited.text(0, 0), "vacancies: 10");
  json all = vacancies();
  ASSERT_EQ(all.size(), 10u);
  for (const auto& v : all)
    if (v["reference"] == "VAC-2025-010") {  // a competence given by its Dutch name comes back as its code
      EXPECT_EQ(v["core_tasks"][1]["competences"], json({"coping_with_stress"}));
    }
}

TEST_P(CatalogueApiTest, ImportVacancies_UnknownCompetenceCode_ReportedWithItsLine) {
  const std::string csv = std::string(kVacancyHeader) +
                          "T-1,Bakkerij Mertens,Verkoper,,\"Klanten helpen: service_skills;accuracy\",20,day,Gent,permanent\n"
                          "T-2,Bakkerij Mertens,Bakker,,\"Deeg kneden: accuracy;juggling\",38,day,Gent,permanent\n"
                          "T-3,Bakkerij Mertens,Hulp,,,20,day,Gent,permanent\n";
  auto r = import_vacancies(csv);
  ASSERT_EQ(r->status, 200) << r->body;
  json report = json::parse(r->body);
  EXPECT_EQ(report["imported"], 1);
  EXPECT_EQ(rejected(report), (std::set<std::string>{"3:core_tasks:unknown_competence", "4:core_tasks:required"}));
  for (const auto& p : report["rejected"]) EXPECT_FALSE(p["message"].get<std::string>().empty()) << p;
  // Nothing half-written: only the good line is in the catalogue.
  EXPECT_EQ(references(), std::set<std::string>{"T-1"});
}

TEST_P(CatalogueApiTest, ImportVacancies_AsJson_ReportsItemsWithTheirIndexAndFieldPath) {
  json items = json::array({vacancy("J-1", "Verkoper", "Gent", {"service_skills", "accuracy"}),
                            vacancy("J-2", "Bakker", "Gent", {"accuracy", "juggling"}),
                            vacancy("J-3", "Hulp", "Gent", {"accuracy"})});
  items[2]["core_tasks"] = json::array();
  auto r = import_vacancies(items.dump(), "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  json report = json::parse(r->body);
  EXPECT_EQ(report["imported"], 1);
  EXPECT_EQ(rejected(report),
            (std::set<std::string>{"2:core_tasks.0.competences.1:unknown_competence", "3:core_tasks:required"}));
  EXPECT_EQ(references(), std::set<std::string>{"J-1"});
  // ?format=json wins over the content type.
  items.erase(1);
  items.erase(1);
  items[0]["reference"] = "J-9";
  r = server_->client().Post("/api/v1/vacancies/import?format=json", bearer(coordinator_.token), items.dump(), "text/plain");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(references(), (std::set<std::string>{"J-1", "J-9"}));
}

TEST_P(CatalogueApiTest, ImportVacancies_AgainWithTheSameReference_Replaces) {
  const std::string sample = read_source_file("data/samples/vacancies.csv");
  ASSERT_EQ(import_vacancies(sample)->status, 200);
  auto again = import_vacancies(sample);
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(json::parse(again->body)["imported"], 10);
  EXPECT_EQ(vacancies().size(), 10u);
  const int64_t before = vacancy_id("VAC-2025-002");
  auto changed = import_vacancies(std::string(kVacancyHeader) +
                                  "VAC-2025-002,Schoonmaak Dewitte bv,Poetshulp (halftijds),K2204,"
                                  "\"Woningen poetsen: independence\",19,day,Gent,permanent\n");
  ASSERT_EQ(changed->status, 200) << changed->body;
  json all = vacancies();
  EXPECT_EQ(all.size(), 10u);
  for (const auto& v : all)
    if (v["reference"] == "VAC-2025-002") {
      EXPECT_EQ(v["title"], "Poetshulp (halftijds)");
      EXPECT_EQ(v["hours_per_week"], 19);
      EXPECT_EQ(v["id"], before);
    }
}

TEST_P(CatalogueApiTest, ImportVacancies_UnreadableFile_Is422AndImportsNothing) {
  const std::string good = "T-1,Bakkerij Mertens,Verkoper,,\"Klanten helpen: service_skills\",20,day,Gent,permanent\n";
  auto latin1 = import_vacancies(std::string(kVacancyHeader) + good +
                                 "T-2,Caf\xE9 De Zon,Kelner,,\"Bedienen: service_skills\",20,day,Gent,permanent\n");
  ASSERT_EQ(latin1->status, 422) << latin1->body;
  json report = json::parse(latin1->body);
  EXPECT_EQ(report["unreadable"], true);
  EXPECT_EQ(report["imported"], 0);
  EXPECT_EQ(rejected(report), std::set<std::string>{"0::csv_not_utf8"});

  auto header = import_vacancies("reference,employer,title,salary,core_tasks,hours_per_week,schedule,place,contract\n" + good);
  ASSERT_EQ(header->status, 422) << header->body;
  report = json::parse(header->body);
  EXPECT_EQ(report["unreadable"], true);
  ASSERT_FALSE(report["rejected"].empty());
  EXPECT_EQ(report["rejected"][0]["line"], 0);
  EXPECT_EQ(report["rejected"][0]["rule"], "csv_unknown_column") << report;

  auto missing = import_vacancies("reference,employer,title\nT-1,Bakkerij Mertens,Verkoper\n");
  ASSERT_EQ(missing->status, 422) << missing->body;
  EXPECT_EQ(json::parse(missing->body)["rejected"][0]["rule"], "csv_missing_column");

  auto not_json = import_vacancies("{\"reference\": ", "application/json");
  ASSERT_EQ(not_json->status, 422) << not_json->body;
  EXPECT_EQ(json::parse(not_json->body)["rejected"][0]["rule"], "json_invalid");
  EXPECT_EQ(vacancies(), json::array());
}

TEST_P(CatalogueApiTest, ImportVacancies_ByACoach_Is403AndImportsNothing) {
  auto r = import_vacancies(read_source_file("data/samples/vacancies.csv"), "text/csv", &coach_);
  EXPECT_EQ(r->status, 403) << r->body;
  EXPECT_EQ(call("POST", "/api/v1/vacancies", vacancy("C-1", "Verkoper", "Gent", {"accuracy"}))->status, 403);
  EXPECT_EQ(vacancies(), json::array());  // a coach may read
}

TEST_P(CatalogueApiTest, TheCatalogues_ReadByAnAnalyst_Are403) {
  for (const char* path : {"/api/v1/occupations", "/api/v1/vacancies", "/api/v1/trainings", "/api/v1/measures"})
    EXPECT_EQ(call("GET", path, nullptr, &analyst_)->status, 403) << path;
  EXPECT_EQ(call("POST", "/api/v1/measures/proposals", {{"facts", {{"leefloon", true}}}}, &analyst_)->status, 403);
  EXPECT_EQ(import_vacancies(read_source_file("data/samples/vacancies.csv"), "text/csv", &analyst_)->status, 403);
}

TEST_P(CatalogueApiTest, PostVacancy_WithoutCoreTasks_Is422WithFieldCoreTasks) {
  json body = vacancy("P-1", "Verkoper", "Gent", {"accuracy"});
  body.erase("core_tasks");
  EXPECT_EQ(refused("POST", "/api/v1/vacancies", body, &coordinator_), std::set<std::string>{"core_tasks:required"});
  body["core_tasks"] = json::array();
  EXPECT_EQ(refused("POST", "/api/v1/vacancies", body, &coordinator_), std::set<std::string>{"core_tasks:required"});
  EXPECT_EQ(vacancies(), json::array());
  json saved = expect(200, "POST", "/api/v1/vacancies", vacancy("P-1", "Verkoper", "Gent", {"Accuratesse"}), &coordinator_);
  EXPECT_GT(saved["id"].get<int64_t>(), 0);
  EXPECT_EQ(saved["core_tasks"][0]["competences"], json({"accuracy"}));
  EXPECT_EQ(references(), std::set<std::string>{"P-1"});
}

// --- Matching ---

TEST_P(CatalogueApiTest, Matches_WithAnEmptyCatalogue_SayCatalogueEmpty) {
  json m = expect(200, "GET", base_ + "/matches");
  EXPECT_EQ(m["vacancies"]["catalogue_empty"], true);
  EXPECT_EQ(m["vacancies"]["ranked"], json::array());
  EXPECT_EQ(m["vacancies"]["excluded"], json::array());
  EXPECT_EQ(m["trainings"]["catalogue_empty"], true);
}

TEST_P(CatalogueApiTest, Matches_RankedByFit_AndExcludedByTheProfilesConstraints) {
  ASSERT_EQ(import_vacancies(read_source_file("data/samples/vacancies.csv"))->status, 200);
  expect(200, "POST", "/api/v1/vacancies", vacancy("VAC-T-1", "Sorteerder", "Gent", {"accuracy", "independence"}), &coordinator_);
  expect(200, "POST", "/api/v1/vacancies",
         vacancy("VAC-T-2", "Archiefmedewerker", "Lokeren", {"information_handling", "work_planning"}), &coordinator_);
  record_profile();

  json m = expect(200, "GET", base_ + "/matches");
  EXPECT_EQ(m["profile"]["competences"], json({"accuracy", "independence", "information_handling"}));
  EXPECT_EQ(m["profile"]["max_hours_per_week"], 30);
  EXPECT_EQ(m["profile"]["max_travel_minutes"], 45);
  EXPECT_EQ(m["profile"]["needs_childcare_friendly_hours"], true);
  json v = m["vacancies"];
  EXPECT_EQ(v["catalogue_empty"], false);
  std::vector<std::string> ranked;
  for (const auto& x : v["ranked"]) ranked.push_back(x["title"]);
  EXPECT_EQ(ranked, (std::vector<std::string>{"Sorteerder", "Archiefmedewerker", "Poetshulp dienstencheques"}));
  ASSERT_EQ(v["ranked"].size(), 3u);

  json best = v["ranked"][0];
  EXPECT_DOUBLE_EQ(best["fit"].get<double>(), 1.0);
  EXPECT_EQ(best["fit_percent"], 100);
  EXPECT_EQ(best["offered_by"], "Werkgever VAC-T-1");
  EXPECT_EQ(best["notes"], json::array()) << "a travel time recorded as 'gent' is Gent's";
  EXPECT_EQ(best["excluded_because"], json::array());

  json lokeren = v["ranked"][1];
  EXPECT_DOUBLE_EQ(lokeren["fit"].get<double>(), 0.5);
  ASSERT_EQ(lokeren["notes"].size(), 1u);
  EXPECT_EQ(lokeren["notes"][0]["code"], "travel_unknown");
  EXPECT_FALSE(lokeren["notes"][0]["message"].get<std::string>().empty());
  ASSERT_EQ(lokeren["tasks"].size(), 1u);
  EXPECT_EQ(lokeren["tasks"][0]["covered"][0]["code"], "information_handling");
  EXPECT_EQ(lokeren["tasks"][0]["missing"][0]["code"], "work_planning");

  json poets = v["ranked"][2];
  EXPECT_DOUBLE_EQ(poets["fit"].get<double>(), 0.25);
  EXPECT_EQ(poets["fit_percent"], 25);
  ASSERT_EQ(poets["tasks"].size(), 2u);
  EXPECT_EQ(poets["tasks"][0]["task"], "Woningen poetsen bij klanten");
  ASSERT_EQ(poets["tasks"][0]["covered"].size(), 1u);
  EXPECT_EQ(poets["tasks"][0]["covered"][0]["code"], "independence");
  EXPECT_FALSE(poets["tasks"][0]["covered"][0]["name"].get<std::string>().empty());
  EXPECT_EQ(poets["tasks"][0]["missing"][0]["code"], "quality_awareness");
  EXPECT_EQ(poets["tasks"][1]["covered"], json::array());
  EXPECT_EQ(poets["tasks"][1]["missing"].size(), 2u);

  std::map<std::string, std::set<std::string>> reasons;
  std::map<std::string, std::set<std::string>> notes;
  for (const auto& x : v["excluded"]) {
    for (const auto& r : x["excluded_because"]) {
      reasons[x["title"]].insert(r["code"]);
      EXPECT_FALSE(r["message"].get<std::string>().empty()) << r;
    }
    for (const auto& n : x["notes"]) notes[x["title"]].insert(n["code"]);
  }
  const std::map<std::string, std::set<std::string>> expected = {
      {"Magazijnier (dagploeg)", {"hours_over_max"}},                      // 38 h, Sint-Niklaas 25 min
      {"Keukenhulp", {"travel_too_long", "childcare_hours"}},              // Antwerpen 60 min, evening
      {"Kassamedewerker", {"childcare_hours"}},                            // weekend
      {"Productiemedewerker", {"hours_over_max", "childcare_hours"}},      // 38 h, shifts
      {"Zorgkundige", {"childcare_hours"}},                                // Gent, 30 h, shifts
      {"Kinderbegeleider (halftijds)", {"travel_too_long"}},               // Antwerpen, day
      {"Chauffeur-koerier", {"hours_over_max"}},
      {"Groenarbeider (sociale economie)", {"hours_over_max"}},
      {"Afwasser", {"childcare_hours"}}};
  EXPECT_EQ(reasons, expected);
  EXPECT_EQ(notes["Kassamedewerker"], std::set<std::string>{"travel_unknown"});  // Mechelen
  EXPECT_EQ(notes["Zorgkundige"], std::set<std::string>{});
}

TEST_P(CatalogueApiTest, Matches_AJobTargetsOccupationRanksFirstOnATie_AndTheLatestDecisionHolds) {
  json a = vacancy("VAC-A", "Aardappelschiller", "Gent", {"accuracy", "work_planning"});
  json b = vacancy("VAC-B", "Bakkershulp", "Gent", {"independence", "work_planning"});
  b["occupation_code"] = "D1102";
  expect(200, "POST", "/api/v1/vacancies", a, &coordinator_);
  expect(200, "POST", "/api/v1/vacancies", b, &coordinator_);
  for (const char* code : {"accuracy", "independence"})
    expect(201, "POST", base_ + "/competence-decisions",
           {{"competence", code}, {"decision", "acquired"}, {"decided_with_jobseeker", true}});
  json ranked = expect(200, "GET", base_ + "/matches")["vacancies"]["ranked"];
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0]["title"], "Aardappelschiller");  // equal fit: by title
  EXPECT_EQ(ranked[0]["notes"][0]["code"], "travel_unknown");

  expect(201, "POST", base_ + "/job-targets", {{"occupation", "Bakkershulp"}, {"occupation_code", "d1102 "}});
  ranked = expect(200, "GET", base_ + "/matches")["vacancies"]["ranked"];
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0]["title"], "Bakkershulp");
  EXPECT_EQ(ranked[0]["target_occupation"], true);
  EXPECT_EQ(ranked[1]["target_occupation"], false);

  // Decided again later: not yet acquired after all.
  expect(201, "POST", base_ + "/competence-decisions",
         {{"competence", "independence"}, {"decision", "to_develop"}, {"decided_with_jobseeker", true}});
  json m = expect(200, "GET", base_ + "/matches");
  EXPECT_EQ(m["profile"]["competences"], json({"accuracy"}));
  ranked = m["vacancies"]["ranked"];
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0]["title"], "Aardappelschiller");  // 0.5 beats 0 + the bonus
  EXPECT_DOUBLE_EQ(ranked[1]["fit"].get<double>(), 0.0);
}

TEST_P(CatalogueApiTest, Matches_OfAnotherTeamsJobseeker_Are404) {
  EXPECT_EQ(call("GET", base_ + "/matches", nullptr, &other_)->status, 404);
}

TEST_P(CatalogueApiTest, Candidates_OfAVacancy_AreTheCallersCaseloadOnly) {
  expect(200, "POST", "/api/v1/vacancies", vacancy("VAC-T-1", "Sorteerder", "Gent", {"accuracy", "independence"}), &coordinator_);
  record_profile();
  const int64_t bea = jobseeker("Bea");  // no profile recorded
  const std::string path = "/api/v1/vacancies/" + std::to_string(vacancy_id("VAC-T-1")) + "/candidates";

  json mine = expect(200, "GET", path);
  EXPECT_EQ(mine["catalogue_empty"], false);
  ASSERT_EQ(mine["ranked"].size(), 2u) << mine;
  EXPECT_EQ(mine["ranked"][0]["id"], id_);
  EXPECT_EQ(mine["ranked"][0]["title"], "Ann P");
  EXPECT_DOUBLE_EQ(mine["ranked"][0]["fit"].get<double>(), 1.0);
  EXPECT_EQ(mine["ranked"][1]["id"], bea);
  EXPECT_DOUBLE_EQ(mine["ranked"][1]["fit"].get<double>(), 0.0);

  json theirs = expect(200, "GET", path, nullptr, &other_);
  for (const auto* list : {&theirs["ranked"], &theirs["excluded"]})
    for (const auto& c : *list) {
      EXPECT_NE(c["id"], id_) << theirs;
      EXPECT_NE(c["id"], bea) << theirs;
    }
  EXPECT_EQ(theirs["catalogue_empty"], true);
  EXPECT_EQ(call("GET", "/api/v1/vacancies/999999/candidates")->status, 404);
}

// --- Measures ---

TEST_P(CatalogueApiTest, Proposals_ForLeefloon_IncludeArticle60WithItsReasonAndWarning) {
  json r = expect(200, "POST", "/api/v1/measures/proposals",
                  {{"facts", {{"leefloon", true}, {"social_security_rights", false}, {"age", 34}}},
                   {"beneficiary", "jobseeker"}});
  const json* art60 = nullptr;
  bool limited_seen = false;
  for (const auto& p : r["items"]) {
    if (p["code"] == "artikel_60_7") art60 = &p;
    std::set<std::string> warnings;
    for (const auto& w : p["warnings"]) warnings.insert(w["code"]);
    // Not time-limited ones come first.
    if (warnings.count("time_limited")) {
      limited_seen = true;
    } else {
      EXPECT_FALSE(limited_seen) << p["code"] << " after a time-limited measure";
    }
  }
  ASSERT_NE(art60, nullptr) << r;
  json reasons = json::array();
  for (const auto& x : (*art60)["reasons"]) reasons.push_back({x["fact"], x["op"], x["value"]});
  EXPECT_EQ(reasons, json::parse(R"([["leefloon", "eq", true], ["social_security_rights", "eq", false]])"));
  EXPECT_FALSE((*art60)["reasons"][0]["message"].get<std::string>().empty());
  ASSERT_FALSE((*art60)["warnings"].empty());
  EXPECT_EQ((*art60)["warnings"][0]["code"], "time_limited");
  EXPECT_FALSE((*art60)["source"].get<std::string>().empty());

  // Without the fact that it needs, article 60 is not proposed.
  auto codes = proposed({{"leefloon", true}, {"social_security_rights", true}});
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "artikel_60_7"), 0);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "artikel_61"), 1);
  // Employer measures are left out for a jobseeker.
  for (const auto& p : r["items"]) EXPECT_NE(p["code"], "gesco");
}

TEST_P(CatalogueApiTest, Proposals_WithAnUnknownFactOrBadValue_Are422) {
  EXPECT_EQ(refused("POST", "/api/v1/measures/proposals", {{"facts", {{"leefloon", true}, {"gambling", true}}}}),
            std::set<std::string>{"gambling:unknown_code"});
  EXPECT_EQ(refused("POST", "/api/v1/measures/proposals", {{"facts", {{"leefloon", "ja"}, {"age", "34"}}}}),
            (std::set<std::string>{"leefloon:type_boolean", "age:type_integer"}));
  EXPECT_EQ(refused("POST", "/api/v1/measures/proposals", {{"facts", {{"leefloon", true}}}, {"beneficiary", "cat"}}),
            std::set<std::string>{"beneficiary:choice"});
}

TEST_P(CatalogueApiTest, ReplaceMeasures_ABrokenDocument_Is422AndTheOldCatalogueStays) {
  json doc = expect(200, "GET", "/api/v1/measures");
  const json original = doc;
  ASSERT_GT(doc["measures"].size(), 3u);
  doc["measures"][0]["module"] = "teleportation";
  doc["measures"][2]["rules"][0]["valid_from"] = "2011-13-45";
  auto r = call("PUT", "/api/v1/measures", doc, &coordinator_);
  ASSERT_EQ(r->status, 422) << r->body;
  std::set<std::string> fields;
  const json answer = json::parse(r->body);
  for (const auto& f : answer["fields"]) fields.insert(f["field"].get<std::string>());
  EXPECT_TRUE(fields.count("measures.0.module")) << r->body;
  EXPECT_TRUE(fields.count("measures.2.rules.0.valid_from")) << r->body;
  EXPECT_EQ(refused("PUT", "/api/v1/measures", {{"version", "x"}}, &coordinator_).empty(), false);
  EXPECT_EQ(expect(200, "GET", "/api/v1/measures"), original);
  auto codes = proposed({{"leefloon", true}, {"social_security_rights", false}});
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "artikel_60_7"), 1);
}

TEST_P(CatalogueApiTest, ReplaceMeasures_ARuleThatEndedYesterday_NoLongerProposes) {
  json doc = expect(200, "GET", "/api/v1/measures");
  json* art60 = nullptr;
  for (auto& m : doc["measures"])
    if (m["code"] == "artikel_60_7") art60 = &m;
  ASSERT_NE(art60, nullptr);
  for (auto& rule : (*art60)["rules"]) rule["valid_to"] = iso_from_days(*days_from_iso(today_utc()) - 1);
  doc["version"] = "2026.1";
  EXPECT_EQ(call("PUT", "/api/v1/measures", doc)->status, 403);  // a coach
  EXPECT_EQ(expect(200, "GET", "/api/v1/measures")["version"], "2011.1");

  json now = expect(200, "PUT", "/api/v1/measures", doc, &coordinator_);
  EXPECT_EQ(now["version"], "2026.1");
  EXPECT_EQ(expect(200, "GET", "/api/v1/measures")["version"], "2026.1");
  auto codes = proposed({{"leefloon", true}, {"social_security_rights", false}});
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "artikel_60_7"), 0);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "artikel_61"), 1) << "the other measures still stand";
  // Still a known measure: it can be offered, just no longer proposed.
  expect(201, "POST", base_ + "/applications",
         {{"employer", "OCMW Gent"}, {"job_title", "Onthaal"}, {"measures_offered", {"artikel_60_7"}}});
}

TEST_P(CatalogueApiTest, AnApplication_OfferingAnUnknownMeasure_Is422) {
  EXPECT_EQ(refused("POST", base_ + "/applications",
                    {{"employer", "Kringwinkel"}, {"job_title", "Winkelmedewerker"}, {"measures_offered", {"teleportatie"}}}),
            std::set<std::string>{"measures_offered.0:unknown_code"});
  EXPECT_EQ(refused("POST", base_ + "/applications",
                    {{"employer", "Kringwinkel"}, {"job_title", "Winkelmedewerker"},
                     {"measures_offered", {"artikel_60_7", "teleportatie"}}}),
            std::set<std::string>{"measures_offered.1:unknown_code"});
  EXPECT_EQ(expect(200, "GET", base_ + "/applications")["items"], json::array());
  json app = expect(201, "POST", base_ + "/applications",
                    {{"employer", "Kringwinkel"}, {"job_title", "Winkelmedewerker"}, {"measures_offered", {"artikel_60_7"}}});
  EXPECT_EQ(app["measures_offered"], json({"artikel_60_7"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, CatalogueApiTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
