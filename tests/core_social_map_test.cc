// The rules of the sociale kaart: one organisation from a JSON body, and the
// CSV import that accepts each line whole or reports why not.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/social_map.h"
#include "core/vocabulary.h"

namespace spiraal {
namespace {

using nlohmann::json;

const char* kHeader = "name,address,themes,contact_name,contact_email\n";

std::vector<std::string> rules(const SocialMapCsv& csv) {
  std::vector<std::string> out;
  for (const auto& e : csv.errors) out.push_back(std::to_string(e.line) + ":" + e.rule);
  return out;
}

TEST(SocialMapOrganisation, ElevenThemesOfTheW2Overleg) {
  EXPECT_EQ(Vocabulary::get().codes("social_theme").size(), 11u);
  EXPECT_EQ(social_theme_code("Huisvesting"), "housing");
  EXPECT_EQ(social_theme_code("FINANCIËN"), "finances");
  EXPECT_EQ(social_theme_code("work_training"), "work_training");
  EXPECT_EQ(social_theme_code("astrologie"), "");
}

TEST(SocialMapOrganisation, ReadsAllFieldsAndOrdersThemes) {
  auto o = parse_organisation({{"name", "  CAW Gent "},
                               {"email", "onthaal@caw.be"},
                               {"website", "www.caw.be"},
                               {"phone", "+32 9 000 11 22"},
                               {"themes", {"housing", "Financiën"}}});
  ASSERT_TRUE(o.is_ok());
  EXPECT_EQ(o->name, "CAW Gent");
  EXPECT_EQ(o->website, "https://www.caw.be");
  EXPECT_EQ(o->themes, (std::vector<std::string>{"finances", "housing"}));
}

TEST(SocialMapOrganisation, ReportsEveryFieldAtOnce) {
  auto o = parse_organisation({{"name", ""},
                               {"email", "geen-adres"},
                               {"website", "javascript:alert(1)"},
                               {"phone", "bel me"},
                               {"themes", {"horoscoop"}},
                               {"address", std::string(501, 'x')},
                               {"colour", "blue"}});
  ASSERT_FALSE(o.is_ok());
  std::set<std::string> fields;
  for (const auto& e : o.status().fields()) fields.insert(e.field + ":" + e.rule);
  EXPECT_EQ(fields, (std::set<std::string>{"name:required", "email:email", "website:website", "phone:phone",
                                           "themes:choice", "address:too_long", "colour:unknown_field"}));
  EXPECT_FALSE(parse_organisation({{"name", std::string(201, 'a')}}).is_ok());
  EXPECT_FALSE(parse_organisation({{"name", "bad \x01 text"}}).is_ok());
}

TEST(SocialMapOrganisation, NameKeyIgnoresCaseSpacesAndAccents) {
  EXPECT_EQ(organisation_name_key("  OCMW   Gent "), "ocmw gent");
  EXPECT_EQ(organisation_name_key("ÉÉN Huis"), organisation_name_key("één huis"));
}

TEST(SocialMapCsv, QuotedFieldsHoldCommasDoubledQuotesAndNewlines) {
  std::string csv = std::string(kHeader) +
                    "\"OCMW Gent, Zuid\",\"Straat 1\nGent\",housing;health,\"An \"\"Annie\"\" P\",an@ocmw.be\r\n"
                    "CAW,Kerkplein 3,,,\n";
  auto r = parse_social_map_csv(csv);
  ASSERT_TRUE(r.errors.empty()) << rules(r)[0];
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].organisation.name, "OCMW Gent, Zuid");
  EXPECT_EQ(r.rows[0].organisation.address, "Straat 1\nGent");
  EXPECT_EQ(r.rows[0].organisation.themes, (std::vector<std::string>{"health", "housing"}));
  ASSERT_EQ(r.rows[0].organisation.contacts.size(), 1u);
  EXPECT_EQ(r.rows[0].organisation.contacts[0].name, "An \"Annie\" P");
  // The second record starts on line 4: the first spans lines 2 and 3.
  EXPECT_EQ(r.rows[1].line, 4u);
  EXPECT_TRUE(r.rows[1].organisation.contacts.empty());
}

TEST(SocialMapCsv, LineNumbersCountPhysicalLines) {
  std::string csv = std::string(kHeader) + "\"A\nB\",x,,,\nC,x,,,\n\"D\",x,,,,\n";
  auto r = parse_social_map_csv(csv);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].line, 2u);
  EXPECT_EQ(r.rows[1].line, 4u);
  EXPECT_EQ(rules(r), (std::vector<std::string>{"5:csv_field_count"}));
}

TEST(SocialMapCsv, ByteOrderMarkIsSkipped) {
  auto r = parse_social_map_csv("\xEF\xBB\xBFname\nVDAB Gent\n");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].organisation.name, "VDAB Gent");
}

TEST(SocialMapCsv, WrongFieldCountRejectsOnlyThatLine) {
  auto r = parse_social_map_csv(std::string(kHeader) + "A,x,,,\nB,x\nC,x,,,,extra\nD,x,,,\n");
  EXPECT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(rules(r), (std::vector<std::string>{"3:csv_field_count", "4:csv_field_count"}));
  EXPECT_FALSE(r.unreadable);
}

TEST(SocialMapCsv, DuplicateNamesInTheFileAndInTheMapAreRejected) {
  auto r = parse_social_map_csv(std::string(kHeader) + "CAW Gent,x,,,\ncaw  gent,y,,,\nOCMW Gent,z,,,\n",
                                {organisation_name_key("OCMW GENT")});
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].organisation.name, "CAW Gent");
  EXPECT_EQ(rules(r), (std::vector<std::string>{"3:csv_duplicate_name", "4:name_exists"}));
}

TEST(SocialMapCsv, ALineWithAnyFieldErrorIsRejectedWhole) {
  auto r = parse_social_map_csv(std::string(kHeader) + "A,x,horoscoop,,\nB,x,,Jan,geen-adres\n,x,,,\nD,x,Justitie,,\n");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].organisation.themes, (std::vector<std::string>{"justice"}));
  EXPECT_EQ(rules(r), (std::vector<std::string>{"2:choice", "3:email", "4:required"}));
  EXPECT_EQ(r.errors[1].field, "contact_email");
}

TEST(SocialMapCsv, UnknownOrMissingColumnsRefuseTheFile) {
  auto r = parse_social_map_csv("name,fax\nA,1\n");
  EXPECT_TRUE(r.unreadable);
  EXPECT_TRUE(r.rows.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], (CsvProblem{0, "", "csv_unknown_column", "fax"}));
  r = parse_social_map_csv("address,phone\nx,1\n");
  EXPECT_TRUE(r.unreadable);
  EXPECT_EQ(rules(r), (std::vector<std::string>{"0:csv_no_name_column"}));
  EXPECT_EQ(rules(parse_social_map_csv("name,Name\nA,B\n")), (std::vector<std::string>{"0:csv_duplicate_column"}));
  EXPECT_EQ(rules(parse_social_map_csv("")), (std::vector<std::string>{"0:csv_empty"}));
  EXPECT_EQ(rules(parse_social_map_csv("\r\n\n")), (std::vector<std::string>{"0:csv_empty"}));
}

TEST(SocialMapCsv, NotUtf8RefusesTheFile) {
  // "Financiën" as Windows-1252 / Latin-1: 0xEB is not UTF-8 on its own.
  auto r = parse_social_map_csv("name,themes\nOCMW,Financi\xEBn\n");
  EXPECT_TRUE(r.unreadable);
  EXPECT_TRUE(r.rows.empty());
  EXPECT_EQ(rules(r), (std::vector<std::string>{"0:csv_not_utf8"}));
  EXPECT_TRUE(parse_social_map_csv("name\n\xED\xA0\x80\n").unreadable);  // a UTF-16 surrogate
  EXPECT_TRUE(parse_social_map_csv("name\nA\xC3").unreadable);           // cut off
}

TEST(SocialMapCsv, AnUnclosedQuoteRefusesTheFile) {
  auto r = parse_social_map_csv("name,address\nA,x\n\"B,y\nC,z\n");
  EXPECT_TRUE(r.unreadable);
  EXPECT_EQ(rules(r), (std::vector<std::string>{"3:csv_open_quote"}));
}

TEST(SocialMapCsv, HugeFilesAreRefused) {
  std::string big = "name\n" + std::string(kSocialMapCsvMaxBytes, 'a');
  EXPECT_EQ(rules(parse_social_map_csv(big)), (std::vector<std::string>{"0:csv_too_large"}));
  std::string many = "name\n";
  for (size_t i = 0; i <= kSocialMapCsvMaxLines; ++i) many += "O" + std::to_string(i) + "\n";
  EXPECT_EQ(rules(parse_social_map_csv(many)), (std::vector<std::string>{"0:csv_too_many_lines"}));
  // Exactly at the limit is fine.
  std::string limit = "name\n";
  for (size_t i = 0; i < kSocialMapCsvMaxLines; ++i) limit += "O" + std::to_string(i) + "\n";
  auto r = parse_social_map_csv(limit);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.rows.size(), kSocialMapCsvMaxLines);
}

TEST(SocialMapCsv, TheSampleFileImportsWhole) {
  std::ifstream in(std::string(SPIRAAL_SOURCE_DIR) + "/data/samples/sociale_kaart_voorbeeld.csv", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto r = parse_social_map_csv(ss.str());
  EXPECT_TRUE(r.errors.empty()) << rules(r)[0];
  EXPECT_EQ(r.rows.size(), 8u);
  for (const auto& row : r.rows) {
    EXPECT_FALSE(row.organisation.themes.empty()) << row.organisation.name;
    EXPECT_EQ(row.organisation.contacts.size(), 1u) << row.organisation.name;
  }
}

}  // namespace
}  // namespace spiraal
