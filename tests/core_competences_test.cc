// The 35 sleutelcompetenties of handbook ch. 8 §10 and the competence-map
// rule: a key competence seen in several situations may be presented as
// acquired. The rule suggests; coach and jobseeker decide.
#include <gtest/gtest.h>

#include <set>

#include "core/competences.h"

namespace spiraal {
namespace {

TEST(KeyCompetences, TheHandbookListsThirtyFiveWithUniqueCodes) {
  const auto& all = key_competences();
  ASSERT_EQ(all.size(), 35u);
  std::set<std::string> codes;
  for (const auto& k : all) {
    EXPECT_TRUE(codes.insert(k.code).second) << k.code;
    EXPECT_FALSE(k.nl.empty());
    EXPECT_FALSE(k.definition_nl.empty()) << k.code;
    EXPECT_FALSE(k.en.empty());
    EXPECT_FALSE(k.definition_en.empty()) << k.code;
    for (char ch : k.code) EXPECT_TRUE((ch >= 'a' && ch <= 'z') || ch == '_') << k.code;
  }
  EXPECT_EQ(all.front().nl, "Abstract denken");
  EXPECT_EQ(all.back().nl, "Zin voor esthetiek");
}

TEST(KeyCompetences, DefinitionsAreTheHandbooksWords) {
  const KeyCompetence* k = find_key_competence("perseverance");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->nl, "Doorzettingsvermogen");
  EXPECT_EQ(k->definition_nl, "in staat zijn om, ondanks moeilijkheden, op een doel gericht te blijven");
}

TEST(KeyCompetences, FoundByCodeOrDutchOrEnglishNameInAnyCase) {
  const KeyCompetence* k = find_key_competence("coping_with_stress");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(find_key_competence("Omgaan met stress"), k);
  EXPECT_EQ(find_key_competence("  OMGAAN MET STRESS "), k);
  EXPECT_EQ(find_key_competence("coping with stress"), k);
  EXPECT_EQ(find_key_competence("zelfvertrouwen")->code, "self_confidence");
  EXPECT_EQ(find_key_competence("Veiligheids- en milieubewustzijn")->code, "safety_environment_awareness");
}

TEST(KeyCompetences, UnknownNamesAreNotFound) {
  EXPECT_EQ(find_key_competence(""), nullptr);
  EXPECT_EQ(find_key_competence("heftruck rijden"), nullptr);
  EXPECT_EQ(find_key_competence("stress"), nullptr);
}

TEST(SuggestAcquired, TwoSituationsSuggestOneDoesNot) {
  auto s = suggest_acquired({{1, {"perseverance", "empathy"}}, {2, {"perseverance"}}}, {});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0], (CompetenceSuggestion{"perseverance", {1, 2}}));
}

TEST(SuggestAcquired, TheSameSituationTwiceCountsOnce) {
  EXPECT_TRUE(suggest_acquired({{7, {"empathy", "Empathie"}}}, {}).empty());
  EXPECT_TRUE(suggest_acquired({{7, {"empathy"}}, {7, {"empathy"}}}, {}).empty());
}

TEST(SuggestAcquired, AlreadyDecidedCompetencesAreNotSuggested) {
  auto s = suggest_acquired({{1, {"empathy", "loyalty"}}, {2, {"empathy", "loyalty"}}}, {"empathy"});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].code, "loyalty");
}

TEST(SuggestAcquired, NamesCountAsTheirCodeAndUnknownOnesAreIgnored) {
  auto s = suggest_acquired({{1, {"Loyaliteit", "koken"}}, {2, {"loyalty", "koken"}}}, {});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].code, "loyalty");
}

TEST(SuggestAcquired, MostSituationsFirstThenByCode) {
  auto s = suggest_acquired({{1, {"loyalty", "empathy", "accuracy"}},
                             {2, {"loyalty", "empathy", "accuracy"}},
                             {3, {"loyalty"}}},
                            {});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].code, "loyalty");
  EXPECT_EQ(s[0].situation_ids, (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(s[1].code, "accuracy");
  EXPECT_EQ(s[2].code, "empathy");
}

TEST(SuggestAcquired, NoEvidenceNoSuggestion) { EXPECT_TRUE(suggest_acquired({}, {}).empty()); }

}  // namespace
}  // namespace spiraal
