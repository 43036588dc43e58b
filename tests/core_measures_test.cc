#include "core/measures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace spiraal {
namespace {

using nlohmann::json;

// A small valid catalogue: one bool, one int and one choice fact, and one
// measure whose rules the tests rewrite.
json tiny_catalogue() {
  return json::parse(R"({
    "_source": "test",
    "version": "t1",
    "facts": [
      {"code": "leefloon", "type": "bool", "nl": "Leefloon", "en": "Living wage"},
      {"code": "age", "type": "int", "nl": "Leeftijd", "en": "Age"},
      {"code": "education_level", "type": "choice", "choices": ["low", "medium", "high"], "nl": "Niveau", "en": "Level"}
    ],
    "measures": [{
      "code": "m1", "name": "Maatregel", "name_en": "Measure", "module": "leading_to_work",
      "circuit": ["social_economy"], "place": "on_floor", "beneficiary": "jobseeker",
      "goal": "Doel", "target_group": "Leefloners", "max_duration": "6 maanden", "max_months": 6,
      "time_limited": true, "obligations": [], "exclusion_effects": [], "needs_employer_consent": false,
      "strengths": [], "weaknesses": [], "provider": "OCMW", "source": "000 test",
      "rules": [{"valid_from": "2011-01-01", "valid_to": null,
                 "conditions": [{"fact": "leefloon", "op": "eq", "value": true}]}]
    }]
  })");
}

MeasureCatalogue parsed(const json& doc) {
  auto r = parse_measure_catalogue(doc);
  EXPECT_TRUE(r.is_ok());
  return r.is_ok() ? r.value() : MeasureCatalogue{};
}

// Whether parsing `doc` fails with `rule` at `field`.
bool refused_with(const json& doc, const std::string& field, const std::string& rule) {
  auto r = parse_measure_catalogue(doc);
  if (r.is_ok()) return false;
  for (const auto& e : r.status().fields())
    if (e.field == field && e.rule == rule) return true;
  return false;
}

std::vector<std::string> codes(const std::vector<MeasureProposal>& proposals) {
  std::vector<std::string> out;
  for (const auto& p : proposals) out.push_back(p.measure->code);
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// --- The shipped catalogue --------------------------------------------------

TEST(DefaultMeasureCatalogue, ShippedFile_Parses) {
  EXPECT_NO_THROW(default_measure_catalogue());
  EXPECT_GE(default_measure_catalogue().measures.size(), 25u);
}

TEST(DefaultMeasureCatalogue, Measures_CoverAllSixModulesAndThreeCircuits) {
  std::set<std::string> modules, circuits;
  for (const auto& m : default_measure_catalogue().measures) {
    modules.insert(m.module);
    circuits.insert(m.circuit.begin(), m.circuit.end());
  }
  EXPECT_EQ(modules, (std::set<std::string>{"training_on_job", "guidance_on_job", "wage_premium",
                                             "workplace_adaptation", "leading_to_work", "employer_attitude"}));
  EXPECT_EQ(circuits, (std::set<std::string>{"social_economy", "regular_economy", "self_employment"}));
}

TEST(DefaultMeasureCatalogue, EveryMeasure_CitesASeedSource) {
  for (const auto& m : default_measure_catalogue().measures)
    EXPECT_EQ(m.source.rfind("000 ", 0), 0u) << m.code << ": " << m.source;
}

TEST(DefaultMeasureCatalogue, KeyMeasuresOfTheSeed_ArePresentWithTheirEffects) {
  const auto& cat = default_measure_catalogue();
  for (const char* code : {"artikel_60_7", "activa", "ibo", "invoegbedrijf", "werkervaring", "pwa", "jobcoaching",
                           "supported_employment", "activiteitencooperatie", "diversiteitsplannen", "jobkanaal"})
    EXPECT_NE(cat.find_measure(code), nullptr) << code;
  ASSERT_NE(cat.find_measure("activa"), nullptr);
  EXPECT_FALSE(cat.find_measure("activa")->exclusion_effects.empty());
  EXPECT_FALSE(cat.find_measure("ibo")->obligations.empty());
  EXPECT_TRUE(cat.find_measure("jobcoaching")->needs_employer_consent);
  EXPECT_EQ(cat.find_measure("activiteitencooperatie")->max_months, 18);
  EXPECT_FALSE(cat.find_measure("pwa")->time_limited);
  EXPECT_TRUE(cat.find_measure("artikel_60_7")->time_limited);
}

TEST(DefaultMeasureCatalogue, ToJsonThenParse_GivesTheSameCatalogue) {
  const auto& cat = default_measure_catalogue();
  auto again = parse_measure_catalogue(to_json(cat));
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(to_json(again.value()), to_json(cat));
  EXPECT_EQ(again->measures.size(), cat.measures.size());
}

// --- Proposals --------------------------------------------------------------

TEST(ProposeMeasures, PersonOnLeefloonWithoutRights_GetsArticle60WithTheReason) {
  const auto& cat = default_measure_catalogue();
  json facts = {{"leefloon", true}, {"social_security_rights", false}};
  auto proposals = propose_measures(cat, facts, "2011-06-01", "jobseeker");
  auto it = std::find_if(proposals.begin(), proposals.end(),
                         [](const MeasureProposal& p) { return p.measure->code == "artikel_60_7"; });
  ASSERT_NE(it, proposals.end());
  EXPECT_TRUE(std::find(it->reasons.begin(), it->reasons.end(), MeasureCondition{"leefloon", "eq", true}) !=
              it->reasons.end());
  EXPECT_TRUE(contains(it->warnings, "time_limited"));
}

TEST(ProposeMeasures, PersonWithSocialSecurityRights_DoesNotGetArticle60) {
  json facts = {{"leefloon", true}, {"social_security_rights", true}};
  EXPECT_FALSE(contains(codes(propose_measures(default_measure_catalogue(), facts, "2011-06-01", "")), "artikel_60_7"));
}

TEST(ProposeMeasures, ActivaForLeefloner_WarnsOfExclusionEffects) {
  json facts = {{"leefloon", true}};
  auto proposals = propose_measures(default_measure_catalogue(), facts, "2011-06-01", "jobseeker");
  auto it = std::find_if(proposals.begin(), proposals.end(),
                         [](const MeasureProposal& p) { return p.measure->code == "activa"; });
  ASSERT_NE(it, proposals.end());
  EXPECT_TRUE(contains(it->warnings, "exclusion_effects"));
}

TEST(ProposeMeasures, IboForRegisteredJobseeker_WarnsOfHiringObligationAndEmployerConsent) {
  json facts = {{"registered_jobseeker", true}};
  auto proposals = propose_measures(default_measure_catalogue(), facts, "2011-06-01", "");
  auto it = std::find_if(proposals.begin(), proposals.end(),
                         [](const MeasureProposal& p) { return p.measure->code == "ibo"; });
  ASSERT_NE(it, proposals.end());
  EXPECT_EQ(it->warnings, (std::vector<std::string>{"time_limited", "obligations", "needs_employer_consent"}));
}

TEST(ProposeMeasures, ShippedRules_AreNotValidBefore2011) {
  json facts = {{"leefloon", true}, {"registered_jobseeker", true}, {"work_disability", true}};
  EXPECT_TRUE(propose_measures(default_measure_catalogue(), facts, "2010-12-31", "").empty());
  EXPECT_FALSE(propose_measures(default_measure_catalogue(), facts, "2011-01-01", "").empty());
}

TEST(ProposeMeasures, EveryTimeLimitedMeasure_CarriesTheWarning) {
  // Enough facts to fit many measures at once.
  json facts = {{"leefloon", true},          {"social_security_rights", false}, {"registered_jobseeker", true},
                {"long_term_unemployed", true}, {"work_disability", true},        {"starting_worker", true},
                {"employer_kind", "regular"}, {"education_level", "low"},       {"age", 52},
                {"unemployment_benefit", true}, {"eligible_social_economy", true}};
  auto proposals = propose_measures(default_measure_catalogue(), facts, "2011-06-01", "");
  ASSERT_GT(proposals.size(), 10u);
  for (const auto& p : proposals)
    EXPECT_EQ(contains(p.warnings, "time_limited"), p.measure->time_limited) << p.measure->code;
}

TEST(ProposeMeasures, Order_NotTimeLimitedFirstThenByName) {
  json facts = {{"leefloon", true}, {"registered_jobseeker", true}, {"long_term_unemployed", true},
                {"work_disability", true}, {"education_level", "low"}};
  auto proposals = propose_measures(default_measure_catalogue(), facts, "2011-06-01", "");
  ASSERT_GT(proposals.size(), 2u);
  for (size_t i = 1; i < proposals.size(); ++i) {
    const Measure& a = *proposals[i - 1].measure;
    const Measure& b = *proposals[i].measure;
    EXPECT_TRUE(a.time_limited < b.time_limited || (a.time_limited == b.time_limited && a.name <= b.name))
        << a.code << " before " << b.code;
  }
}

TEST(ProposeMeasures, BeneficiaryFilter_KeepsOnlyThatSide) {
  json facts = {{"leefloon", true}, {"employer_kind", "regular"}};
  for (const auto& p : propose_measures(default_measure_catalogue(), facts, "2011-06-01", "employer"))
    EXPECT_EQ(p.measure->beneficiary, "employer");
  for (const auto& p : propose_measures(default_measure_catalogue(), facts, "2011-06-01", "jobseeker"))
    EXPECT_EQ(p.measure->beneficiary, "jobseeker");
}

TEST(ProposeMeasures, MissingFact_FailsItsCondition) {
  auto cat = parsed(tiny_catalogue());
  EXPECT_TRUE(propose_measures(cat, json::object(), "2012-01-01", "").empty());
  EXPECT_TRUE(propose_measures(cat, {{"leefloon", nullptr}}, "2012-01-01", "").empty());
  EXPECT_EQ(codes(propose_measures(cat, {{"leefloon", true}}, "2012-01-01", "")), std::vector<std::string>{"m1"});
}

TEST(ProposeMeasures, RuleExpiredYesterday_NotProposed) {
  json doc = tiny_catalogue();
  doc["measures"][0]["rules"][0]["valid_to"] = "2012-01-01";
  auto cat = parsed(doc);
  EXPECT_TRUE(propose_measures(cat, {{"leefloon", true}}, "2012-01-02", "").empty());
  EXPECT_EQ(propose_measures(cat, {{"leefloon", true}}, "2012-01-01", "").size(), 1u);  // the last day counts
}

TEST(ProposeMeasures, RuleValidFromTomorrow_NotProposed) {
  json doc = tiny_catalogue();
  doc["measures"][0]["rules"][0]["valid_from"] = "2012-01-02";
  auto cat = parsed(doc);
  EXPECT_TRUE(propose_measures(cat, {{"leefloon", true}}, "2012-01-01", "").empty());
  EXPECT_EQ(propose_measures(cat, {{"leefloon", true}}, "2012-01-02", "").size(), 1u);
}

TEST(ProposeMeasures, NewerRuleReplacesExpiredOne_ReasonsComeFromTheValidRule) {
  json doc = tiny_catalogue();
  doc["measures"][0]["rules"][0]["valid_to"] = "2012-12-31";
  doc["measures"][0]["rules"].push_back(
      {{"valid_from", "2013-01-01"}, {"valid_to", nullptr},
       {"conditions", {{{"fact", "age"}, {"op", "gte"}, {"value", 50}}}}});
  auto cat = parsed(doc);
  json facts = {{"leefloon", true}, {"age", 30}};
  EXPECT_EQ(propose_measures(cat, facts, "2012-06-01", "").size(), 1u);
  EXPECT_TRUE(propose_measures(cat, facts, "2013-06-01", "").empty());
  facts["age"] = 50;
  auto p = propose_measures(cat, facts, "2013-06-01", "");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].reasons, (std::vector<MeasureCondition>{{"age", "gte", 50}}));
}

TEST(ProposeMeasures, OperatorsNeInLte_AreApplied) {
  json doc = tiny_catalogue();
  doc["measures"][0]["rules"][0]["conditions"] = {
      {{"fact", "education_level"}, {"op", "in"}, {"value", {"low", "medium"}}},
      {{"fact", "age"}, {"op", "lte"}, {"value", 25}},
      {{"fact", "leefloon"}, {"op", "ne"}, {"value", true}}};
  auto cat = parsed(doc);
  EXPECT_EQ(propose_measures(cat, {{"education_level", "medium"}, {"age", 25}, {"leefloon", false}}, "2012-01-01", "")
                .size(),
            1u);
  EXPECT_TRUE(
      propose_measures(cat, {{"education_level", "high"}, {"age", 25}, {"leefloon", false}}, "2012-01-01", "").empty());
  EXPECT_TRUE(
      propose_measures(cat, {{"education_level", "low"}, {"age", 26}, {"leefloon", false}}, "2012-01-01", "").empty());
  EXPECT_TRUE(propose_measures(cat, {{"education_level", "low"}, {"age", 20}}, "2012-01-01", "").empty());
}

TEST(ProposeMeasures, MeasureWithoutRules_IsNeverProposed) {
  json doc = tiny_catalogue();
  doc["measures"][0]["rules"] = json::array();
  EXPECT_TRUE(propose_measures(parsed(doc), {{"leefloon", true}}, "2012-01-01", "").empty());
}

// --- validate_facts ---------------------------------------------------------

TEST(ValidateFacts, UnknownFactAndWrongTypes_AreFieldErrorsByCode) {
  auto cat = parsed(tiny_catalogue());
  auto s = validate_facts(cat, {{"leefloon", "yes"}, {"age", 3.5}, {"education_level", "phd"}, {"shoe_size", 42}});
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.fields(), (FieldErrors{{"age", "type_integer"},
                                      {"education_level", "choice"},
                                      {"leefloon", "type_boolean"},
                                      {"shoe_size", "unknown_code"}}));
}

TEST(ValidateFacts, GoodFactsAndNulls_AreAccepted) {
  auto cat = parsed(tiny_catalogue());
  EXPECT_TRUE(validate_facts(cat, {{"leefloon", true}, {"age", 40}, {"education_level", nullptr}}).is_ok());
  EXPECT_FALSE(validate_facts(cat, json::array()).is_ok());
}

// --- Bad catalogues ---------------------------------------------------------

TEST(ParseMeasureCatalogue, TinyCatalogue_Parses) {
  auto cat = parsed(tiny_catalogue());
  ASSERT_EQ(cat.measures.size(), 1u);
  EXPECT_EQ(cat.measures[0].max_months, 6);
  EXPECT_EQ(cat.find_fact("education_level")->choices.size(), 3u);
}

TEST(ParseMeasureCatalogue, UnknownModule_Refused) {
  json doc = tiny_catalogue();
  doc["measures"][0]["module"] = "free_lunch";
  EXPECT_TRUE(refused_with(doc, "measures.0.module", "choice"));
}

TEST(ParseMeasureCatalogue, UnknownCircuitPlaceBeneficiary_Refused) {
  json doc = tiny_catalogue();
  doc["measures"][0]["circuit"] = {"social_economy", "grey_economy"};
  doc["measures"][0]["place"] = "at_home";
  doc["measures"][0]["beneficiary"] = "union";
  EXPECT_TRUE(refused_with(doc, "measures.0.circuit.1", "choice"));
  EXPECT_TRUE(refused_with(doc, "measures.0.place", "choice"));
  EXPECT_TRUE(refused_with(doc, "measures.0.beneficiary", "choice"));
}

TEST(ParseMeasureCatalogue, BadDate_Refused) {
  json doc = tiny_catalogue();
  doc["measures"][0]["rules"][0]["valid_from"] = "2011-02-30";
  EXPECT_TRUE(refused_with(doc, "measures.0.rules.0.valid_from", "date"));
}

TEST(ParseMeasureCatalogue, ValidToBeforeValidFrom_Refused) {
  json doc = tiny_catalogue();
  doc["measures"][0]["rules"][0]["valid_to"] = "2010-12-31";
  EXPECT_TRUE(refused_with(doc, "measures.0.rules.0.valid_to", "date_order"));
}

TEST(ParseMeasureCatalogue, ConditionOnUndeclaredFact_Refused) {
  json doc = tiny_catalogue();
  doc["measures"][0]["rules"][0]["conditions"].push_back({{"fact", "shoe_size"}, {"op", "eq"}, {"value", 42}});
  EXPECT_TRUE(refused_with(doc, "measures.0.rules.0.conditions.1.fact", "unknown_code"));
}

TEST(ParseMeasureCatalogue, ConditionValueOfWrongType_Refused) {
  json doc = tiny_catalogue();
  auto& conditions = doc["measures"][0]["rules"][0]["conditions"];
  conditions[0]["value"] = "yes";
  conditions.push_back({{"fact", "age"}, {"op", "gte"}, {"value", "fifty"}});
  conditions.push_back({{"fact", "education_level"}, {"op", "in"}, {"value", {"low", "phd"}}});
  conditions.push_back({{"fact", "leefloon"}, {"op", "lte"}, {"value", true}});
  EXPECT_TRUE(refused_with(doc, "measures.0.rules.0.conditions.0.value", "type_boolean"));
  EXPECT_TRUE(refused_with(doc, "measures.0.rules.0.conditions.1.value", "type_integer"));
  EXPECT_TRUE(refused_with(doc, "measures.0.rules.0.conditions.2.value.1", "choice"));
  EXPECT_TRUE(refused_with(doc, "measures.0.rules.0.conditions.3.op", "op_type"));
}

TEST(ParseMeasureCatalogue, DuplicateCodes_Refused) {
  json doc = tiny_catalogue();
  doc["measures"].push_back(doc["measures"][0]);
  doc["facts"].push_back(doc["facts"][1]);
  EXPECT_TRUE(refused_with(doc, "measures.1.code", "duplicate"));
  EXPECT_TRUE(refused_with(doc, "facts.3.code", "duplicate"));
}

TEST(ParseMeasureCatalogue, MissingAndUnknownFields_AllReportedAtOnce) {
  json doc = tiny_catalogue();
  doc["measures"][0].erase("source");
  doc["measures"][0].erase("time_limited");
  doc["measures"][0]["colour"] = "red";
  doc["measures"][0]["max_months"] = 0;
  doc.erase("version");
  auto r = parse_measure_catalogue(doc);
  ASSERT_FALSE(r.is_ok());
  EXPECT_TRUE(refused_with(doc, "measures.0.source", "required"));
  EXPECT_TRUE(refused_with(doc, "measures.0.time_limited", "required"));
  EXPECT_TRUE(refused_with(doc, "measures.0.colour", "unknown_field"));
  EXPECT_TRUE(refused_with(doc, "measures.0.max_months", "range"));
  EXPECT_TRUE(refused_with(doc, "version", "required"));
  EXPECT_EQ(r.status().fields().size(), 5u);
}

TEST(ParseMeasureCatalogue, NotAnObject_Refused) {
  EXPECT_FALSE(parse_measure_catalogue(json::array()).is_ok());
  json doc = tiny_catalogue();
  doc["measures"] = "none";
  EXPECT_TRUE(refused_with(doc, "measures", "type_list"));
  doc = tiny_catalogue();
  doc["measures"][0]["rules"][0] = 7;
  EXPECT_TRUE(refused_with(doc, "measures.0.rules.0", "type_object"));
}

TEST(ParseMeasureCatalogue, TinyCatalogueRoundTrip_IsStable) {
  auto cat = parsed(tiny_catalogue());
  auto again = parse_measure_catalogue(to_json(cat));
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(to_json(again.value()), to_json(cat));
  EXPECT_EQ(to_json(cat)["measures"][0], tiny_catalogue()["measures"][0]);
}

}  // namespace
}  // namespace spiraal
