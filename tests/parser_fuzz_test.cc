// The input parsers (urlencoded forms, JSON bodies through apply_patch,
// query parameters, cookies) against malformed and random input: they must
// answer with field errors, never crash or accept garbage.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "core/clock.h"
#include "core/contact.h"
#include "core/text.h"
#include "core/jobseeker.h"
#include "web/auth.h"
#include "web/form.h"
#include "web/i18n.h"
#include "web/paging.h"

namespace spiraal {
namespace {

using nlohmann::json;

TEST(Form, DecodesPlusPercentAndRepeatedKeys) {
  Form f = Form::parse("a=1+2&b=%C3%A9%21&k=x&k=y&empty=&novalue&bad=%zz%4");
  EXPECT_EQ(f.get("a"), "1 2");
  EXPECT_EQ(f.get("b"), "é!");
  EXPECT_EQ(f.all("k"), (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(f.has("empty"));
  EXPECT_TRUE(f.has("novalue"));
  EXPECT_EQ(f.get("bad"), "%zz%4");
  EXPECT_EQ(f.get("missing"), "");
}

TEST(Form, UrlEncodeRoundTrips) {
  std::string s = "a b/é?&=%";
  EXPECT_EQ(url_decode(url_encode(s)), s);
}

TEST(Form, ObjectiveSection_BecomesTheApiPatch) {
  Form f = Form::parse("first_name=Ann&children=2&unemployment_months=&kansengroep=migrant&kansengroep=older&version=3");
  json patch = dossier_patch_from_form(f, "objective");
  EXPECT_EQ(patch["first_name"], "Ann");
  EXPECT_EQ(patch["children"], 2);
  EXPECT_TRUE(patch["unemployment_months"].is_null());
  EXPECT_EQ(patch["kansengroep"], json({"migrant", "older"}));
  EXPECT_EQ(patch["version"], 3);
}

TEST(Form, NonNumericCount_StaysTextSoValidationNamesIt) {
  Jobseeker j;
  json patch = dossier_patch_from_form(Form::parse("children=twee"), "objective");
  auto errors = apply_patch(j, patch, "2026-11-23");
  bool found = false;
  for (const auto& e : errors) found |= e.field == "children" && e.rule == "type_integer";
  EXPECT_TRUE(found);
}

TEST(Form, DomainRows_DropBlankBarriersAndPairPriorities) {
  Form f = Form::parse(
      "welfare.health.strengths=Wandelt&welfare.health.barrier_text=Rug&welfare.health.barrier_priority=later"
      "&welfare.health.barrier_text=+&welfare.health.barrier_priority=now");
  json patch = dossier_patch_from_form(f, "welfare");
  ASSERT_EQ(patch["welfare"]["health"]["barriers"].size(), 1u);
  EXPECT_EQ(patch["welfare"]["health"]["barriers"][0]["priority"], "later");
  Jobseeker j;
  EXPECT_TRUE(apply_patch(j, patch, "2026-11-23").empty());
}

TEST(Paging, RejectsOutOfRangeAndGarbage) {
  EXPECT_FALSE(parse_paging({{"limit", "0"}}).is_ok());
  EXPECT_FALSE(parse_paging({{"limit", "201"}}).is_ok());
  EXPECT_FALSE(parse_paging({{"offset", "-1"}}).is_ok());
  EXPECT_FALSE(parse_paging({{"limit", "12abc"}}).is_ok());
  EXPECT_FALSE(parse_paging({{"page", "99999999999999999999"}}).is_ok());
  EXPECT_EQ(parse_paging({{"page", "3"}, {"limit", "10"}})->offset, 20);
}

TEST(Cookies, FindsTheNamedCookieOnly) {
  EXPECT_EQ(cookie_value("a=1; spiraal_session=abc; b=2", "spiraal_session"), "abc");
  EXPECT_EQ(cookie_value("xspiraal_session=abc", "spiraal_session"), "");
  EXPECT_EQ(cookie_value(";;=;", "spiraal_session"), "");
}

TEST(Language, AcceptLanguagePicksASupportedLanguage) {
  EXPECT_EQ(language_from_accept("en-GB,en;q=0.8"), "en");
  EXPECT_EQ(language_from_accept("de, en"), "en");
  EXPECT_EQ(language_from_accept("de"), "nl");
  EXPECT_EQ(language_from_accept("fr-BE, nl"), "fr");  // "mijn traject" speaks French too
  EXPECT_EQ(language_from_accept(""), "nl");
}

// Random bytes and random JSON shapes through every parser. The property:
// no crash, no exception, and whatever is accepted is valid.
TEST(Fuzz, RandomInputNeverCrashesTheParsers) {
  std::mt19937_64 rng(12345);
  auto random_bytes = [&](size_t max) {
    std::string s(rng() % max, '\0');
    for (auto& ch : s) ch = char(rng() % 256);
    return s;
  };
  const std::vector<std::string> keys = {"first_name", "birth_date", "children", "welfare", "work", "kansengroep",
                                         "date",       "kind",       "status",   "note",    "version", "x"};
  std::function<json(int)> random_json = [&](int depth) -> json {
    switch (rng() % (depth > 3 ? 5 : 7)) {
      case 0: return nullptr;
      case 1: return int64_t(rng() % 2000) - 1000;
      case 2: return random_bytes(40);
      case 3: return bool(rng() % 2);
      case 4: return double(rng() % 1000) / 7.0;
      case 5: {
        json a = json::array();
        for (size_t i = 0; i < rng() % 4; ++i) a.push_back(random_json(depth + 1));
        return a;
      }
      default: {
        json o = json::object();
        for (size_t i = 0; i < rng() % 5; ++i) o[keys[rng() % keys.size()]] = random_json(depth + 1);
        return o;
      }
    }
  };
  for (int i = 0; i < 5000; ++i) {
    std::string bytes = random_bytes(200);
    Form f = Form::parse(bytes);
    for (const auto& section : dossier_sections()) {
      Jobseeker j;
      auto errors = apply_patch(j, dossier_patch_from_form(f, section), "2026-11-23");
      if (errors.empty()) {
        EXPECT_TRUE(is_clean_text(j.life_history));
      }
    }
    cookie_value(bytes, "spiraal_session");
    language_from_accept(bytes);
    json body = json::parse(bytes, nullptr, false);
    json doc = random_json(0);
    Jobseeker j;
    Contact c;
    auto je = apply_patch(j, doc, "2026-11-23");
    auto ce = apply_patch(c, doc, "2026-11-23");
    for (const auto& e : je) EXPECT_FALSE(Catalogs::get().describe("nl", e).empty());
    if (ce.empty() && validate(c).empty()) {
      EXPECT_TRUE(is_iso_date(c.date));
    }
    (void)body;
  }
}

}  // namespace
}  // namespace spiraal
