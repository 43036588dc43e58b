// The catalogues a coordinator imports (occupations, vacancies, trainings):
// one item from a JSON body, and the CSV and JSON imports that accept each
// line whole or report why not.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/catalogue.h"

namespace spiraal {
namespace {

using nlohmann::json;

template <typename T>
std::vector<std::string> rules(const CatalogueImport<T>& r) {
  std::vector<std::string> out;
  for (const auto& e : r.errors) out.push_back(std::to_string(e.line) + ":" + e.field + ":" + e.rule);
  return out;
}

std::set<std::string> field_rules(const Status& s) {
  std::set<std::string> out;
  for (const auto& e : s.fields()) out.insert(e.field + ":" + e.rule);
  return out;
}

std::string sample(const std::string& name) {
  std::ifstream in(std::string(SPIRAAL_SOURCE_DIR) + "/data/samples/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

json good_vacancy() {
  return {{"employer", "Logistiek Waasland"},
          {"title", "Magazijnier"},
          {"occupation_code", "N1103"},
          {"core_tasks", {{{"text", "Orders verzamelen"}, {"competences", {"accuracy", "Zelfstandigheid"}}}}},
          {"hours_per_week", 38},
          {"schedule", "day"},
          {"place", "Sint-Niklaas"},
          {"contract", "permanent"}};
}

const char* kVacancyHeader = "reference,employer,title,occupation_code,core_tasks,hours_per_week,schedule,place,contract\n";

// --- parse_* ----------------------------------------------------------------

TEST(ParseVacancy, ReadsAllFieldsAndTurnsNamesIntoCodes) {
  auto v = parse_vacancy(good_vacancy());
  ASSERT_TRUE(v.is_ok()) << *field_rules(v.status()).begin();
  EXPECT_EQ(v->title, "Magazijnier");
  ASSERT_EQ(v->core_tasks.size(), 1u);
  EXPECT_EQ(v->core_tasks[0].competences, (std::vector<std::string>{"accuracy", "independence"}));
  EXPECT_EQ(v->hours_per_week, 38);
  // to_json gives the shape parse_vacancy reads.
  auto again = parse_vacancy(to_json(v.value()));
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(to_json(again.value()), to_json(v.value()));
}

TEST(ParseVacancy, WithoutCoreTasksIsRefused) {
  json body = good_vacancy();
  body.erase("core_tasks");
  EXPECT_EQ(field_rules(parse_vacancy(body).status()), (std::set<std::string>{"core_tasks:required"}));
  body["core_tasks"] = json::array();
  EXPECT_EQ(field_rules(parse_vacancy(body).status()), (std::set<std::string>{"core_tasks:required"}));
}

TEST(ParseVacancy, ReportsEveryFieldAtOnce) {
  json body = good_vacancy();
  body["hours_per_week"] = 61;
  body["schedule"] = "sometimes";
  body["contract"] = nullptr;
  body["salary"] = 2000;
  body["core_tasks"] = {{{"text", ""}, {"competences", {"accuracy", "heftruck rijden"}}, {"x", 1}}};
  auto v = parse_vacancy(body);
  ASSERT_FALSE(v.is_ok());
  EXPECT_EQ(field_rules(v.status()),
            (std::set<std::string>{"hours_per_week:range", "schedule:choice", "contract:required",
                                   "salary:unknown_field", "core_tasks.0.text:required",
                                   "core_tasks.0.competences.1:unknown_competence", "core_tasks.0.x:unknown_field"}));
  for (const auto& e : v.status().fields()) {
    if (e.rule == "unknown_competence") {
      EXPECT_EQ(e.param, "heftruck rijden");
    }
    if (e.rule == "range") {
      EXPECT_EQ(e.param, "1-60");
    }
  }
}

TEST(ParseVacancy, HoursBetweenOneAndSixty) {
  json body = good_vacancy();
  for (double h : {1.0, 19.5, 60.0}) {
    body["hours_per_week"] = h;
    EXPECT_TRUE(parse_vacancy(body).is_ok()) << h;
  }
  for (double h : {0.0, 0.5, 60.5, -3.0}) {
    body["hours_per_week"] = h;
    EXPECT_EQ(field_rules(parse_vacancy(body).status()), (std::set<std::string>{"hours_per_week:range"})) << h;
  }
  body["hours_per_week"] = "38";
  EXPECT_EQ(field_rules(parse_vacancy(body).status()), (std::set<std::string>{"hours_per_week:type_number"}));
}

TEST(ParseTraining, DurationBetweenOneAndFiveHundredTwentyWeeks) {
  json body = {{"provider", "VDAB"}, {"title", "Magazijnier"}, {"duration_weeks", 10},
               {"hours_per_week", 36}, {"place", "Gent"}};
  auto t = parse_training(body);
  ASSERT_TRUE(t.is_ok());
  EXPECT_FALSE(t->childcare_friendly_hours);
  EXPECT_TRUE(t->core_tasks.empty());
  for (json w : {json(0), json(521), json(-1), json(18446744073709551615ull)}) {
    body["duration_weeks"] = w;
    EXPECT_EQ(field_rules(parse_training(body).status()), (std::set<std::string>{"duration_weeks:range"})) << w;
  }
  body["duration_weeks"] = 2.5;
  EXPECT_EQ(field_rules(parse_training(body).status()), (std::set<std::string>{"duration_weeks:type_integer"}));
  body["duration_weeks"] = 520;
  body["childcare_friendly_hours"] = "ja";
  EXPECT_EQ(field_rules(parse_training(body).status()),
            (std::set<std::string>{"childcare_friendly_hours:type_boolean"}));
}

TEST(ParseOccupation, CodeAndTitleRequiredAndKeyCompetencesChecked) {
  EXPECT_EQ(field_rules(parse_occupation(json::object()).status()),
            (std::set<std::string>{"code:required", "title:required"}));
  auto o = parse_occupation({{"code", "http://data.europa.eu/esco/occupation/abc"},
                             {"title", "Poetshulp"},
                             {"competences", {{"basic", {"Strijken", " ", "Strijken"}}, {"key", {"Loyaliteit"}}}}});
  ASSERT_TRUE(o.is_ok());
  EXPECT_EQ(o->competences.basic, (std::vector<std::string>{"Strijken"}));
  EXPECT_EQ(o->competences.key, (std::vector<std::string>{"loyalty"}));
  auto bad = parse_occupation({{"code", "K2204"}, {"title", "Poetshulp"}, {"competences", {{"key", {"koken"}}}}});
  EXPECT_EQ(field_rules(bad.status()), (std::set<std::string>{"competences.key.0:unknown_competence"}));
  EXPECT_FALSE(parse_occupation(json::array()).is_ok());
}

// --- CSV import ---------------------------------------------------------------

TEST(ImportVacancies, CsvCoreTasksAreSplitByBarAndColon) {
  auto r = import_vacancies(std::string(kVacancyHeader) +
                                "V1,Hotel Zeezicht,Afwasser,G1803,\"Vaat reinigen: accuracy;Doorzettingsvermogen | "
                                "Drukte opvangen: Omgaan met stress\",\"19,5\",evening,Oostende,student\n",
                            "csv");
  ASSERT_TRUE(r.errors.empty()) << rules(r)[0];
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].first, 2u);
  const Vacancy& v = r.rows[0].second;
  ASSERT_EQ(v.core_tasks.size(), 2u);
  EXPECT_EQ(v.core_tasks[0].text, "Vaat reinigen");
  EXPECT_EQ(v.core_tasks[0].competences, (std::vector<std::string>{"accuracy", "perseverance"}));
  EXPECT_EQ(v.core_tasks[1].competences, (std::vector<std::string>{"coping_with_stress"}));
  EXPECT_DOUBLE_EQ(v.hours_per_week, 19.5);
}

TEST(ImportVacancies, UnknownCompetenceRejectsThatLineWithItsNumber) {
  auto r = import_vacancies(std::string(kVacancyHeader) +
                                "V1,A,Magazijnier,,Orders: accuracy,38,day,Gent,permanent\n"
                                "V2,B,Poetshulp,,Poetsen: poetsen;accuracy,20,day,Gent,permanent\n"
                                "V3,C,Keukenhulp,,Snijden: accuracy,30,day,Gent,permanent\n",
                            "csv");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].first, 2u);
  EXPECT_EQ(r.rows[1].first, 4u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], (CsvProblem{3, "core_tasks", "unknown_competence", "poetsen"}));
  EXPECT_FALSE(r.unreadable);
}

TEST(ImportVacancies, ALineWithoutCoreTasksIsRefused) {
  auto r = import_vacancies(std::string(kVacancyHeader) + "V1,A,Magazijnier,,,38,day,Gent,permanent\n", "csv");
  EXPECT_TRUE(r.rows.empty());
  EXPECT_EQ(rules(r), (std::vector<std::string>{"2:core_tasks:required"}));
}

TEST(ImportVacancies, ALineIsRejectedWholeWithEveryProblem) {
  auto r = import_vacancies(std::string(kVacancyHeader) +
                                "V1,,Magazijnier,,Orders: accuracy,veel,nacht,Gent,permanent\n"
                                "V2,A,Magazijnier,,Orders: accuracy,38,day,Gent\n"
                                "V3,A,Magazijnier,,Orders: accuracy,38,day,Gent,permanent\n"
                                "v3,A,Magazijnier,,Orders: accuracy,38,day,Gent,permanent\n",
                            "csv");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].first, 4u);
  EXPECT_EQ(rules(r), (std::vector<std::string>{"2:employer:required", "2:hours_per_week:type_number",
                                                "2:schedule:choice", "3::csv_field_count",
                                                "5:reference:duplicate_in_file"}));
}

TEST(ImportVacancies, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  auto r = import_vacancies(std::string(kVacancyHeader) +
                                "V1,\"Janssens, Peeters & Co\",\"Magazijnier \"\"A\"\"\",,\"Orders\nverzamelen: "
                                "accuracy\",38,DAY,Gent,permanent\nV2,B,Poetshulp,,Poetsen: accuracy,20,day,Gent,other\n",
                            "csv");
  ASSERT_TRUE(r.errors.empty()) << rules(r)[0];
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].second.employer, "Janssens, Peeters & Co");
  EXPECT_EQ(r.rows[0].second.title, "Magazijnier \"A\"");
  EXPECT_EQ(r.rows[0].second.core_tasks[0].text, "Orders\nverzamelen");
  EXPECT_EQ(r.rows[0].second.schedule, "day");
  EXPECT_EQ(r.rows[1].first, 4u);  // the first record spans lines 2 and 3
}

TEST(ImportVacancies, BadHeaderRefusesTheFile) {
  auto r = import_vacancies("employer,title,salary\nA,B,1\n", "csv");
  EXPECT_TRUE(r.unreadable);
  EXPECT_TRUE(r.rows.empty());
  EXPECT_EQ(rules(r), (std::vector<std::string>{"0::csv_unknown_column", "0::csv_missing_column",
                                                "0::csv_missing_column", "0::csv_missing_column",
                                                "0::csv_missing_column", "0::csv_missing_column"}));
  EXPECT_EQ(r.errors[0].param, "salary");
  EXPECT_EQ(r.errors[1].param, "core_tasks");
  EXPECT_EQ(rules(import_vacancies("title,TITLE\n", "csv")).front(), "0::csv_duplicate_column");
  EXPECT_EQ(rules(import_vacancies("", "csv")), (std::vector<std::string>{"0::csv_empty"}));
  EXPECT_EQ(rules(import_vacancies("title\n\"open\n", "csv")), (std::vector<std::string>{"2::csv_open_quote"}));
  EXPECT_TRUE(import_vacancies("title\nCaf\xE9\n", "csv").unreadable);
}

TEST(ImportVacancies, UnknownFormatRefusesTheFile) {
  auto r = import_vacancies("[]", "xlsx");
  EXPECT_TRUE(r.unreadable);
  EXPECT_EQ(r.errors, (std::vector<CsvProblem>{{0, "", "import_format", "xlsx"}}));
}

TEST(ImportOccupations, CsvListsSeparatedBySemicolon) {
  auto r = import_occupations("\xEF\xBB\xBF" "Code,Title,Basic,Key,Traits\r\n"
                              "K2204,Poetshulp,Strijken;Ramen wassen,Loyaliteit;accuracy,Discreet\r\n"
                              "K2205,Glazenwasser,,Hoogtevrees,\r\n",
                              "csv");
  ASSERT_EQ(r.rows.size(), 1u);
  const Occupation& o = r.rows[0].second;
  EXPECT_EQ(o.code, "K2204");
  EXPECT_EQ(o.competences.basic, (std::vector<std::string>{"Strijken", "Ramen wassen"}));
  EXPECT_EQ(o.competences.key, (std::vector<std::string>{"loyalty", "accuracy"}));
  EXPECT_EQ(o.competences.traits, (std::vector<std::string>{"Discreet"}));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], (CsvProblem{3, "key", "unknown_competence", "Hoogtevrees"}));
}

TEST(ImportTrainings, CsvFlagAndNumbers) {
  auto r = import_trainings(
      "reference,provider,title,duration_weeks,hours_per_week,place,childcare_friendly_hours,core_tasks\n"
      "O1,VDAB,Kassa,8,32,Mechelen,ja,Kassa bedienen: accuracy\n"
      "O2,VDAB,Heftruck,10,36,Gent,,\n"
      "O3,VDAB,Lang,600,36,Gent,misschien,\n",
      "csv");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_TRUE(r.rows[0].second.childcare_friendly_hours);
  EXPECT_EQ(r.rows[0].second.duration_weeks, 8);
  EXPECT_FALSE(r.rows[1].second.childcare_friendly_hours);
  EXPECT_EQ(rules(r), (std::vector<std::string>{"4:duration_weeks:range", "4:childcare_friendly_hours:type_boolean"}));
}

// --- JSON import ---------------------------------------------------------------

TEST(ImportVacancies, JsonItemsAreNumberedFromOne) {
  json bad = good_vacancy();
  bad["core_tasks"][0]["competences"] = {"toveren"};
  json doc = {good_vacancy(), bad, json("not an object")};
  auto r = import_vacancies(doc.dump(), "json");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].first, 1u);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0], (CsvProblem{2, "core_tasks.0.competences.0", "unknown_competence", "toveren"}));
  EXPECT_EQ(r.errors[1], (CsvProblem{3, "", "type_object", ""}));
}

TEST(ImportCatalogues, JsonMustBeAnArray) {
  EXPECT_EQ(rules(import_trainings("{\"a\":1}", "json")), (std::vector<std::string>{"0::json_not_array"}));
  EXPECT_EQ(rules(import_occupations("[{", "json")), (std::vector<std::string>{"0::json_invalid"}));
  EXPECT_TRUE(import_occupations("[{", "json").unreadable);
  auto empty = import_occupations("[]", "json");
  EXPECT_FALSE(empty.unreadable);
  EXPECT_TRUE(empty.rows.empty() && empty.errors.empty());
}

TEST(ImportCatalogues, JsonRoundTripsEachType) {
  auto occupations = import_occupations(sample("occupations.csv"), "csv");
  auto vacancies = import_vacancies(sample("vacancies.csv"), "csv");
  auto trainings = import_trainings(sample("trainings.csv"), "csv");
  json o = json::array(), v = json::array(), t = json::array();
  for (const auto& [_, x] : occupations.rows) o.push_back(to_json(x));
  for (const auto& [_, x] : vacancies.rows) v.push_back(to_json(x));
  for (const auto& [_, x] : trainings.rows) t.push_back(to_json(x));
  auto o2 = import_occupations(o.dump(), "json");
  auto v2 = import_vacancies(v.dump(), "json");
  auto t2 = import_trainings(t.dump(), "json");
  EXPECT_TRUE(o2.errors.empty() && v2.errors.empty() && t2.errors.empty());
  ASSERT_EQ(v2.rows.size(), vacancies.rows.size());
  for (size_t i = 0; i < v2.rows.size(); ++i) EXPECT_EQ(to_json(v2.rows[i].second), v[i]);
  EXPECT_EQ(o2.rows.size(), occupations.rows.size());
  EXPECT_EQ(t2.rows.size(), trainings.rows.size());
}

TEST(ImportCatalogues, TheSampleFilesImportWhole) {
  auto o = import_occupations(sample("occupations.csv"), "csv");
  auto v = import_vacancies(sample("vacancies.csv"), "csv");
  auto t = import_trainings(sample("trainings.csv"), "csv");
  EXPECT_TRUE(o.errors.empty()) << rules(o)[0];
  EXPECT_TRUE(v.errors.empty()) << rules(v)[0];
  EXPECT_TRUE(t.errors.empty()) << rules(t)[0];
  EXPECT_EQ(o.rows.size(), 10u);
  EXPECT_EQ(v.rows.size(), 10u);
  EXPECT_EQ(t.rows.size(), 10u);
}

TEST(ImportCatalogues, HugeFilesAreRefused) {
  std::string big(kCatalogueMaxBytes + 1, ' ');
  EXPECT_EQ(rules(import_vacancies(big, "csv")), (std::vector<std::string>{"0::csv_too_large"}));
  EXPECT_EQ(rules(import_vacancies(big, "json")), (std::vector<std::string>{"0::csv_too_large"}));
  std::string many = "[";
  for (size_t i = 0; i <= kCatalogueMaxLines; ++i) many += i ? ",1" : "1";
  EXPECT_EQ(rules(import_trainings(many + "]", "json")), (std::vector<std::string>{"0::json_too_many_items"}));
}

// Random bytes and random mutations of the sample files through every
// import: no crash or throw, a refused file has no rows, no accepted line is
// also reported, and each accepted item passes its parser again.
template <typename T, typename Parse>
void expect_promises(const CatalogueImport<T>& r, Parse parse) {
  EXPECT_TRUE(!r.unreadable || r.rows.empty());
  std::set<size_t> refused;
  for (const auto& e : r.errors) refused.insert(e.line);
  for (const auto& [line, item] : r.rows) {
    EXPECT_FALSE(refused.count(line)) << line;
    EXPECT_TRUE(parse(to_json(item)).is_ok());
  }
}

TEST(ImportCatalogues, RandomInputKeepsThePromises) {
  std::mt19937_64 rng(20251123);
  const std::vector<std::string> seeds = {sample("occupations.csv"), sample("vacancies.csv"), sample("trainings.csv"),
                                          "[{\"title\":\"x\",\"core_tasks\":[{\"text\":\"t\"}]}]"};
  const std::string alphabet = ",;:|\"\n\r[]{}0123456789.aZ \xC3\xA9";
  for (int i = 0; i < 3000; ++i) {
    std::string bytes = seeds[rng() % seeds.size()];
    for (size_t k = 0, n = rng() % 8; k < n && !bytes.empty(); ++k) {
      size_t at = rng() % bytes.size();
      switch (rng() % 3) {
        case 0: bytes[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: bytes.erase(at, rng() % 20); break;
        default: bytes.insert(at, 1, char(rng() % 256));
      }
    }
    for (const char* format : {"csv", "json"}) {
      expect_promises(import_occupations(bytes, format), parse_occupation);
      expect_promises(import_vacancies(bytes, format), parse_vacancy);
      expect_promises(import_trainings(bytes, format), parse_training);
    }
  }
}

}  // namespace
}  // namespace spiraal
