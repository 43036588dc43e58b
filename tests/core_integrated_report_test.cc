// The integrated work-welfare report's draft from a small fixed dossier, the
// edit body, and the rule that every section needs text before finalising.
#include <gtest/gtest.h>

#include <set>

#include "core/integrated_report.h"

namespace spiraal {
namespace {

using nlohmann::json;

std::string label(const std::string& key) { return "[" + key + "]"; }

json dossier() {
  json narrative = {{"life_history", "Zorgde jaren voor haar moeder."},
                    {"what_gives_strength", "De kinderen."},
                    {"welfare",
                     {{"housing",
                       {{"strengths", "Kent de buren."},
                        {"barriers", {{{"priority", "now"}, {"text", "Huur te hoog."}},
                                      {{"priority", "later"}, {"text", "Grotere woning zoeken."}}}}}}}}};
  json first = {{"taken_on", "2026-01-10"},
                {"items", {{{"code", "income"}, {"side", "outside"}}, {{"code", "courage"}, {"side", "inside"}}}},
                {"scores", {{"income", {{"now", 2}}}, {"courage", {{"now", 3}}}}}};
  json last = first;
  last["taken_on"] = "2026-06-10";
  last["scores"] = {{"income", {{"now", 4}}}, {"courage", {{"now", 3.5}}}};
  return {{"jobseeker", {{"first_name", "Karima"}, {"last_name", "B"}, {"birth_date", "1984-02-01"}, {"narrative", narrative}}},
          {"coaches", {"An Peeters"}},
          {"organisations", {{"7", "CAW Gent"}}},
          {"tables",
           {{"trajectories", {{{"started_on", "2025-09-01"}, {"state", "c2.2"}}}},
            {"work_records",
             {{{"kind", "competence_decision"}, {"status", "acquired"}, {"content", {{"competence", "perseverance"}}}},
              {{"kind", "competence_decision"}, {"status", "not_acquired"}, {"content", {{"competence", "accuracy"}}}},
              {{"kind", "job_target"}, {"status", "realistic"}, {"content", {{"occupation", "Kok"}}}},
              {{"kind", "application"},
               {"status", "rejected"},
               {"content", {{"employer", "Brasserie Zuid"}, {"job_title", "Hulpkok"}}}}}},
            {"social_links", {{{"domain", "financial"}, {"organisation_id", 7}, {"smart", "Budgetbegeleiding"}}}},
            {"goals", {{{"text", "Rijbewijs halen"}, {"status", "open"}}, {{"text", "Oud doel"}, {"status", "done"}}}},
            {"spiral_moves", {{{"kind", "forward"}}, {{"kind", "slide_back"}}, {{"kind", "forward"}}}},
            {"crises", {{{"id", 1}}}},
            {"score_tables", {first, last}}}}};
}

TEST(IntegratedReportDraft, EverySectionIsPresentInTheHandbooksOrder) {
  json d = draft_integrated_report(dossier(), label, "2026-07-01");
  ASSERT_EQ(integrated_report_sections().size(), 9u);
  for (const auto& name : integrated_report_sections()) EXPECT_TRUE(d.contains(name)) << name;
}

TEST(IntegratedReportDraft, DrawsEachSectionFromTheDossier) {
  json d = draft_integrated_report(dossier(), label, "2026-07-01");
  EXPECT_NE(d["details"].get<std::string>().find("Karima B"), std::string::npos);
  EXPECT_NE(d["details"].get<std::string>().find("An Peeters"), std::string::npos);
  EXPECT_NE(d["details"].get<std::string>().find("[spiral.c2.2]"), std::string::npos);
  EXPECT_NE(d["insights"].get<std::string>().find("Zorgde jaren voor haar moeder."), std::string::npos);
  EXPECT_NE(d["insights"].get<std::string>().find("Huur te hoog."), std::string::npos);
  EXPECT_EQ(d["insights"].get<std::string>().find("Grotere woning"), std::string::npos);  // later: a future theme
  EXPECT_EQ(d["competences"], "[report.acquired]: [competence.perseverance]");
  EXPECT_EQ(d["network"], "[vocab.welfare_domain.financial]: CAW Gent (Budgetbegeleiding)");
  EXPECT_EQ(d["road_to_work"], "[report.job_target]: Kok ([report.status.realistic])");
  EXPECT_EQ(d["future_themes"], "[vocab.welfare_domain.housing]: Grotere woning zoeken.\n[report.goal]: Rijbewijs halen");
  EXPECT_EQ(d["applying"], "Hulpkok, Brasserie Zuid — [report.status.rejected]");
  EXPECT_EQ(d["key_figures"], "");  // no ecogram: the coach sees what is missing
}

TEST(IntegratedReportDraft, LookingBackCountsMovesSlidesCrisesAndScoreChangeBySide) {
  json d = draft_integrated_report(dossier(), label, "2026-07-01");
  EXPECT_EQ(d["looking_back"],
            "[report.moves]: 3 · [report.slides_back]: 1 · [report.crises]: 1\n"
            "[report.scores_outside]: 2.0 → 4.0 (2026-01-10 – 2026-06-10)\n"
            "[report.scores_inside]: 3.0 → 3.5 (2026-01-10 – 2026-06-10)");
}

TEST(IntegratedReportDraft, AnEmptyDossierGivesEmptySectionsNotAnError) {
  json d = draft_integrated_report(json::object(), label, "2026-07-01");
  EXPECT_EQ(d["insights"], "");
  EXPECT_EQ(d["looking_back"], "");
}

TEST(IntegratedReportEdit, KnownSectionsWithinTheLimit) {
  auto ok = parse_report_sections({{"sections", {{"insights", "Tekst"}}}});
  ASSERT_TRUE(ok.is_ok());
  EXPECT_EQ(ok->size(), 9u);
  EXPECT_EQ((*ok)["insights"], "Tekst");
  EXPECT_EQ((*ok)["network"], "");
  auto bad = parse_report_sections(
      {{"sections", {{"weather", "x"}, {"insights", std::string(kMaxReportSection + 1, 'x')}}}, {"extra", 1}});
  ASSERT_FALSE(bad.is_ok());
  std::set<std::string> got;
  for (const auto& f : bad.status().fields()) got.insert(f.field + ":" + f.rule);
  EXPECT_EQ(got, (std::set<std::string>{"sections.weather:unknown_field", "sections.insights:too_long",
                                        "extra:unknown_field"}));
}

TEST(IntegratedReportFinal, EmptySectionsAreNamed) {
  json sections = json::object();
  for (const auto& name : integrated_report_sections()) sections[name] = "Tekst";
  EXPECT_TRUE(check_report_final(sections).is_ok());
  sections["applying"] = "";
  sections.erase("network");
  auto s = check_report_final(sections);
  ASSERT_FALSE(s.is_ok());
  std::set<std::string> got;
  for (const auto& f : s.fields()) got.insert(f.field + ":" + f.rule);
  EXPECT_EQ(got, (std::set<std::string>{"sections.applying:required", "sections.network:required"}));
}

}  // namespace
}  // namespace spiraal
