// The message catalogs are complete: both languages have the same keys, and
// every vocabulary code, field and error rule the code can produce has text.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "core/jobseeker.h"
#include "core/spiral.h"
#include "core/team_dashboard.h"
#include "core/vocabulary.h"
#include "core/embedded.h"
#include "web/i18n.h"

namespace spiraal {
namespace {

void collect_keys(const nlohmann::json& j, const std::string& prefix, std::set<std::string>& out) {
  for (const auto& [k, v] : j.items()) {
    if (v.is_object())
      collect_keys(v, prefix + k + ".", out);
    else
      out.insert(prefix + k);
  }
}

TEST(Catalogs, DutchAndEnglishHaveTheSameKeys) {
  std::set<std::string> nl, en;
  collect_keys(Catalogs::get().catalog("nl"), "", nl);
  collect_keys(Catalogs::get().catalog("en"), "", en);
  EXPECT_EQ(nl, en);
}

TEST(Catalogs, EveryVocabularyCodeHasALabel) {
  for (const char* list : {"sex", "civil_status", "living_situation", "status", "education", "dutch_level",
                           "kansengroep", "welfare_domain", "work_domain", "barrier_priority", "contact_kind",
                           "contact_status", "contact_initiative", "role", "referrer_kind",
                           "participation_condition", "screening_outcome", "outcome_class", "referral_status"}) {
    ASSERT_FALSE(Vocabulary::get().codes(list).empty()) << list;
    for (const auto& code : Vocabulary::get().codes(list))
      for (const auto& lang : Catalogs::get().languages()) {
        std::string key = std::string("vocab.") + list + "." + code;
        EXPECT_NE(Catalogs::get().text(lang, key), key) << lang;
      }
  }
}

TEST(Catalogs, EverySpiralStateAndSignalHasAName) {
  for (const auto& lang : Catalogs::get().languages()) {
    for (const auto& s : all_spiral_states())
      EXPECT_NE(Catalogs::get().text(lang, "spiral." + s.code()), "spiral." + s.code()) << lang;
    for (const char* s : {"nine_months", "score_table_due", "no_contact", "long_crisis", "aftercare_lapsed",
                          "absence_signal", "follow_up_due", "mdo_due"})
      EXPECT_NE(Catalogs::get().text(lang, std::string("signal.") + s), std::string("signal.") + s);
  }
}

TEST(Catalogs, EveryObjectiveFieldAndSectionHasALabel) {
  for (const auto& lang : Catalogs::get().languages()) {
    for (const auto& f : objective_fields())
      EXPECT_NE(Catalogs::get().text(lang, std::string("field.") + f.name), std::string("field.") + f.name);
    for (const auto& s : dossier_sections()) EXPECT_NE(Catalogs::get().text(lang, "section." + s), "section." + s);
  }
}

// Scans the sources for the rules they report, so a new rule cannot ship
// without a message.
TEST(Catalogs, EveryErrorRuleInTheSourcesHasAMessage) {
  const char* root = SPIRAAL_SOURCE_DIR;
  std::regex rule_re(R"re((?:push_back\(\{|invalid_field\(|return \{\{|fail\()[^;]*?,\s*"([a-z_]+)")re");
  std::set<std::string> rules;
  for (const char* file : {"src/core/jobseeker.cc", "src/core/contact.cc", "src/core/account.cc", "src/web/paging.cc",
                           "src/core/selection.cc", "src/core/field_reader.cc", "src/core/score_table.cc", "src/core/instruments.cc", "src/core/spiral.cc", "src/core/knipperlichten.cc",
                           "src/store/trajectory_service.cc", "src/store/trajectory_store.cc",
                           "src/core/track.cc", "src/core/mdo.cc", "src/core/voice.cc", "src/store/track_service.cc",
                           "src/store/voice_service.cc", "src/core/group.cc", "src/store/group_service.cc",
                           "src/store/group_sessions.cc", "src/core/outreach.cc", "src/core/segment.cc",
                           "src/core/network.cc", "src/store/outreach_service.cc", "src/core/integrated_report.cc",
                           "src/store/integrated_report_service.cc", "src/core/monitoring.cc", "src/web/monitoring_routes.cc",
                           "src/core/structural_signal.cc", "src/store/structural_signal_service.cc",
                           "src/core/team_dashboard.cc", "src/store/team_dashboard_service.cc",
                           "src/web/dashboard_routes.cc"}) {
    std::ifstream in(std::string(root) + "/" + file);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    for (std::sregex_iterator it(text.begin(), text.end(), rule_re), end; it != end; ++it) rules.insert((*it)[1]);
  }
  EXPECT_GT(rules.size(), 10u);
  for (const auto& rule : rules)
    for (const auto& lang : Catalogs::get().languages())
      EXPECT_NE(Catalogs::get().text(lang, "error." + rule), "error." + rule) << rule << " in " << lang;
}

TEST(Catalogs, EveryDashboardSignalAndPhaseHasALabel) {
  for (const auto& lang : Catalogs::get().languages()) {
    for (const auto& code : dashboard_signal_codes())
      EXPECT_NE(Catalogs::get().text(lang, "signal." + code), "signal." + code) << code << " in " << lang;
    for (const auto& s : all_spiral_states())
      EXPECT_NE(Catalogs::get().text(lang, "spiral." + s.code()), "spiral." + s.code()) << s.code() << " in " << lang;
  }
}

TEST(Catalogs, EveryGroupCodeHasALabel) {
  for (const char* list : {"group_kind", "group_rhythm", "group_status", "group_role", "attendance", "group_theme_status",
                           "structural_barrier"}) {
    ASSERT_FALSE(Vocabulary::get().codes(list).empty()) << list;
    for (const auto& code : Vocabulary::get().codes(list))
      for (const auto& lang : Catalogs::get().languages()) {
        std::string key = std::string("vocab.") + list + "." + code;
        EXPECT_NE(Catalogs::get().text(lang, key), key) << lang;
      }
  }
}

}  // namespace
}  // namespace spiraal

namespace spiraal {
namespace {

// "Mijn traject" speaks French too: every message of its pages has a French
// text of its own (the professional pages fall back to English).
TEST(Catalogs, FrenchCoversEveryMessageOfMijnTraject) {
  // Read from the French file itself: the merged catalog would fill gaps
  // from English.
  auto file = embedded_file("web/i18n/portal.fr.json");
  ASSERT_TRUE(file.has_value());
  nlohmann::json own = nlohmann::json::parse(*file);
  std::set<std::string> en, fr;
  collect_keys(Catalogs::get().catalog("en").at("portal"), "", en);
  collect_keys(own.at("portal"), "", fr);
  EXPECT_EQ(en, fr);
  EXPECT_EQ(Catalogs::get().text("fr", "language.name"), "Français");
  EXPECT_EQ(Catalogs::get().text("fr", "portal.name"), own["portal"]["name"]);
  for (const char* rule : {"pin_length", "pin_guessable", "secret_length", "secret_mismatch", "invitation_code"})
    EXPECT_TRUE(own["error"].contains(rule)) << rule;
}

}  // namespace
}  // namespace spiraal
