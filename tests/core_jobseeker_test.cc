#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/jobseeker.h"

namespace spiraal {
namespace {

using nlohmann::json;
const std::string kToday = "2026-11-23";

bool has_error(const FieldErrors& errors, const std::string& field, const std::string& rule) {
  for (const auto& e : errors)
    if (e.field == field && e.rule == rule) return true;
  return false;
}

TEST(JobseekerPatch, MinimalCreateBody_IsValid) {
  Jobseeker j;
  auto errors = apply_patch(j, {{"first_name", "Ann"}, {"last_name", "Peeters"}, {"birth_date", "1985-04-02"}}, kToday);
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(validate(j).empty());
  EXPECT_EQ(j.first_name, "Ann");
}

TEST(JobseekerPatch, MissingNamesAndBirthDate_AreEachRequired) {
  Jobseeker j;
  auto errors = validate(j);
  EXPECT_TRUE(has_error(errors, "first_name", "required"));
  EXPECT_TRUE(has_error(errors, "last_name", "required"));
  EXPECT_TRUE(has_error(errors, "birth_date", "required"));
}

TEST(JobseekerPatch, AllProblemsAreReportedAtOnce) {
  Jobseeker j;
  auto errors = apply_patch(j,
                            {{"first_name", 42},
                             {"birth_date", "1985-02-30"},
                             {"education", "phd"},
                             {"children", -1},
                             {"shoe_size", 43}},
                            kToday);
  EXPECT_TRUE(has_error(errors, "first_name", "type_text"));
  EXPECT_TRUE(has_error(errors, "birth_date", "date"));
  EXPECT_TRUE(has_error(errors, "education", "choice"));
  EXPECT_TRUE(has_error(errors, "children", "range"));
  EXPECT_TRUE(has_error(errors, "shoe_size", "unknown_field"));
}

TEST(JobseekerPatch, BirthDateInTheFuture_IsRefused) {
  Jobseeker j;
  EXPECT_TRUE(has_error(apply_patch(j, {{"birth_date", "2027-01-01"}}, kToday), "birth_date", "date_in_future"));
}

TEST(JobseekerPatch, TooLongName_NamesTheLimit) {
  Jobseeker j;
  auto errors = apply_patch(j, {{"last_name", std::string(101, 'x')}}, kToday);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rule, "too_long");
  EXPECT_EQ(errors[0].param, "100");
}

TEST(JobseekerPatch, ControlCharactersAndBrokenUtf8_AreRefused) {
  Jobseeker j;
  EXPECT_TRUE(has_error(apply_patch(j, {{"origin", std::string("a\x01")}}, kToday), "origin", "text_invalid"));
  EXPECT_TRUE(has_error(apply_patch(j, {{"origin", std::string("\xC3")}}, kToday), "origin", "text_invalid"));
  EXPECT_TRUE(has_error(apply_patch(j, {{"origin", std::string("\xC0\xAF")}}, kToday), "origin", "text_invalid"));
}

TEST(JobseekerPatch, BarriersNeedTextAndAKnownPriority) {
  Jobseeker j;
  json patch = {{"welfare",
                 {{"health", {{"strengths", "Sport"}, {"barriers", json::array({{{"text", "Rugpijn"}, {"priority", "now"}},
                                                                                 {{"text", ""}, {"priority", "soon"}}})}}}}}};
  auto errors = apply_patch(j, patch, kToday);
  EXPECT_TRUE(has_error(errors, "welfare.health.barriers.1.text", "required"));
  EXPECT_TRUE(has_error(errors, "welfare.health.barriers.1.priority", "choice"));
}

TEST(JobseekerPatch, UnknownWelfareDomain_IsAnUnknownField) {
  Jobseeker j;
  EXPECT_TRUE(has_error(apply_patch(j, {{"welfare", {{"hobbies", {{"strengths", "x"}}}}}}, kToday), "welfare.hobbies",
                        "unknown_field"));
}

TEST(JobseekerPatch, DomainsRoundTripThroughJson) {
  Jobseeker j;
  json patch = {{"first_name", "Ann"},
                {"last_name", "P"},
                {"birth_date", "1980-01-01"},
                {"kansengroep", {"migrant", "older"}},
                {"children", 2},
                {"welfare", {{"housing", {{"strengths", "Goede buren"}, {"barriers", {{{"text", "Vocht"}, {"priority", "later"}}}}}}}},
                {"work", {{"literacy", {{"strengths", "Leest graag"}}}}},
                {"what_gives_strength", "Haar kinderen"}};
  ASSERT_TRUE(apply_patch(j, patch, kToday).empty());
  Jobseeker back;
  json doc = to_json(j);
  doc.erase("id");
  doc.erase("version");
  doc.erase("created_at");
  doc.erase("updated_at");
  ASSERT_TRUE(apply_patch(back, doc, kToday).empty());
  EXPECT_EQ(back, j);
  EXPECT_EQ(j.welfare.at("housing").barriers[0].priority, "later");
}

TEST(JobseekerPatch, EmptyDomain_IsDropped) {
  Jobseeker j;
  ASSERT_TRUE(apply_patch(j, {{"welfare", {{"health", {{"strengths", "x"}}}}}}, kToday).empty());
  ASSERT_TRUE(apply_patch(j, {{"welfare", {{"health", {{"strengths", ""}, {"barriers", json::array()}}}}}}, kToday).empty());
  EXPECT_TRUE(j.welfare.empty());
}

TEST(JobseekerPatch, NullClearsAnOptionalCount) {
  Jobseeker j;
  ASSERT_TRUE(apply_patch(j, {{"children", 3}}, kToday).empty());
  ASSERT_TRUE(apply_patch(j, {{"children", nullptr}}, kToday).empty());
  EXPECT_FALSE(j.children.has_value());
}

TEST(JobseekerPatch, NonObjectBody_IsRefused) {
  Jobseeker j;
  EXPECT_EQ(apply_patch(j, json::array(), kToday).size(), 1u);
}

TEST(JobseekerSections, EverySectionHasContent) {
  Jobseeker j;
  for (const auto& s : dossier_sections()) EXPECT_FALSE(section_to_json(j, s).is_null()) << s;
}

}  // namespace
}  // namespace spiraal
