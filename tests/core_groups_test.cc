// The rules of groepswerking (core/group.h): a group, its members, a session
// with attendance, and a theme passed from a case, each refused field by
// field and all at once.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/group.h"

namespace spiraal {
namespace {

using nlohmann::json;

// "field:rule" of every error, in order.
std::vector<std::string> rules(const Status& s) {
  std::vector<std::string> out;
  for (const auto& e : s.fields()) out.push_back(e.field + ":" + e.rule);
  return out;
}

bool has(const std::vector<std::string>& all, const std::string& one) {
  return std::find(all.begin(), all.end(), one) != all.end();
}

Group period(const std::string& from, const std::string& to) {
  Group g;
  g.id = 7;
  g.starts_on = from;
  g.ends_on = to;
  return g;
}

TEST(GroupRules, AGroupWithNameKindLeadAndStart_DefaultsToWeeklyAndPlanned) {
  auto g = parse_group({{"name", " Gekwetst binnenste "}, {"group_kind", "inner_wound"}, {"lead_user_id", 3},
                        {"starts_on", "2026-01-05"}});
  ASSERT_TRUE(g.is_ok()) << rules(g.status()).size();
  EXPECT_EQ(g->name, "Gekwetst binnenste");
  EXPECT_EQ(g->rhythm, "weekly");
  EXPECT_EQ(g->status, "planned");
  EXPECT_FALSE(g->organisation_id);
}

TEST(GroupRules, AnEmptyGroup_ReportsEveryMissingFieldAtOnce) {
  auto g = parse_group(json::object());
  ASSERT_FALSE(g.is_ok());
  EXPECT_EQ(rules(g.status()),
            (std::vector<std::string>{"name:required", "group_kind:required", "lead_user_id:required",
                                      "starts_on:required"}));
}

TEST(GroupRules, AnEndBeforeTheStartAnUnknownKindAndATooLongName_AreRefusedTogether) {
  auto g = parse_group({{"name", std::string(kGroupNameMax + 1, 'x')}, {"group_kind", "astrology"},
                        {"lead_user_id", 3}, {"starts_on", "2026-03-01"}, {"ends_on", "2026-02-01"},
                        {"rhythm", "daily"}, {"colour", "red"}});
  auto r = rules(g.status());
  EXPECT_TRUE(has(r, "name:too_long"));
  EXPECT_TRUE(has(r, "group_kind:choice"));
  EXPECT_TRUE(has(r, "ends_on:before_start"));
  EXPECT_TRUE(has(r, "rhythm:choice"));
  EXPECT_TRUE(has(r, "colour:unknown_field"));
}

TEST(GroupRules, AnExternalExpertByExperience_IsANameWithAnOrganisation) {
  auto m = parse_group_member({{"member_role", "expert_by_experience"}, {"name", "Marleen"},
                               {"organisation", "Vereniging waar armen het woord nemen"}},
                              "2026-02-01");
  ASSERT_TRUE(m.is_ok());
  EXPECT_EQ(m->joined_on, "2026-02-01");
  EXPECT_FALSE(m->jobseeker_id);
  EXPECT_FALSE(m->user_id);
}

TEST(GroupRules, AMemberIsExactlyOnePerson_AndOnlyAParticipantHasADossier) {
  EXPECT_EQ(rules(parse_group_member({{"member_role", "participant"}}, "2026-02-01").status()),
            (std::vector<std::string>{"name:required"}));
  auto both = parse_group_member({{"member_role", "participant"}, {"jobseeker_id", 4}, {"name", "Sara"}}, "2026-02-01");
  EXPECT_TRUE(has(rules(both.status()), "name:one_member"));
  auto worker = parse_group_member({{"member_role", "group_worker"}, {"jobseeker_id", 4}}, "2026-02-01");
  EXPECT_EQ(rules(worker.status()), (std::vector<std::string>{"jobseeker_id:participant_only"}));
  auto org = parse_group_member({{"member_role", "group_worker"}, {"user_id", 4}, {"organisation", "CAW"}}, "2026-02-01");
  EXPECT_EQ(rules(org.status()), (std::vector<std::string>{"organisation:named_only"}));
  EXPECT_EQ(rules(parse_group_member({{"member_role", "participant"}, {"user_id", 4}}, "2026-02-01").status()),
            (std::vector<std::string>{"user_id:not_for_participant"}));
  EXPECT_TRUE(has(rules(parse_group_member({{"member_role", "boss"}, {"name", "X"}}, "2026-02-01").status()),
                  "member_role:choice"));
}

TEST(GroupRules, ASessionWithinThePeriod_ReadsThemesReportAndAttendance) {
  auto s = parse_group_session({{"session_on", "2026-02-10"},
                                {"themes", {"Wat geeft mij kracht?", {{"code", "finances"}, {"theme_id", 9}}}},
                                {"report", "Goed gesprek."},
                                {"attendance", {{{"member_id", 1}, {"attendance", "present"}},
                                                {{"member_id", 2}, {"attendance", "excused"}}}}},
                               period("2026-01-05", "2026-06-30"), {1, 2, 3});
  ASSERT_TRUE(s.is_ok()) << rules(s.status()).front();
  ASSERT_EQ(s->themes.size(), 2u);
  EXPECT_EQ(s->themes[0].text, "Wat geeft mij kracht?");
  EXPECT_EQ(*s->themes[1].theme_id, 9);
  EXPECT_EQ(s->attendance.size(), 2u);
  EXPECT_EQ(s->group_id, 7);
}

TEST(GroupRules, ASessionOutsideThePeriod_IsRefused) {
  EXPECT_EQ(rules(parse_group_session({{"session_on", "2026-01-04"}}, period("2026-01-05", ""), {}).status()),
            (std::vector<std::string>{"session_on:outside_group_period"}));
  EXPECT_EQ(rules(parse_group_session({{"session_on", "2026-07-01"}}, period("2026-01-05", "2026-06-30"), {}).status()),
            (std::vector<std::string>{"session_on:outside_group_period"}));
  EXPECT_TRUE(parse_group_session({{"session_on", "2030-07-01"}}, period("2026-01-05", ""), {}).is_ok());
}

TEST(GroupRules, AttendanceOfSomeoneNotAMemberOrTwice_IsRefusedWithTheOtherErrors) {
  auto s = parse_group_session({{"session_on", "2026-02-10"},
                                {"report", std::string(kSessionReportMax + 1, 'x')},
                                {"themes", {{{"code", "astrology"}}}},
                                {"attendance", {{{"member_id", 1}, {"attendance", "present"}},
                                                {{"member_id", 1}, {"attendance", "absent"}},
                                                {{"member_id", 99}, {"attendance", "late"}}}}},
                               period("2026-01-05", ""), {1, 2});
  EXPECT_EQ(rules(s.status()),
            (std::vector<std::string>{"themes.0.code:choice", "report:too_long", "attendance.1.member_id:duplicate_member",
                                      "attendance.2.attendance:choice", "attendance.2.member_id:not_a_member"}));
}

TEST(GroupRules, TooManyThemes_AreRefused) {
  json themes = json::array();
  for (size_t i = 0; i <= kSessionThemesMax; ++i) themes.push_back("thema " + std::to_string(i));
  EXPECT_EQ(rules(parse_group_session({{"session_on", "2026-02-10"}, {"themes", themes}}, period("2026-01-05", ""), {})
                      .status()),
            (std::vector<std::string>{"themes:too_many"}));
}

TEST(GroupRules, APassedTheme_IsTheThemeOnly_AndNamingThePersonIsRefused) {
  auto t = parse_group_theme({{"group_id", 2}, {"theme", "Omgaan met schulden"}, {"theme_code", "finances"}},
                             {"Ann", "Peeters"});
  ASSERT_TRUE(t.is_ok());
  EXPECT_EQ(t->status, "new");
  EXPECT_EQ(t->text, "Omgaan met schulden");
  for (const char* text : {"Ann heeft schulden", "schulden van mevrouw PEETERS", "Zelfvertrouwen (ann)"})
    EXPECT_EQ(rules(parse_group_theme({{"group_id", 2}, {"theme", text}}, {"Ann", "Peeters"}).status()),
              (std::vector<std::string>{"theme:names_person"}))
        << text;
  // A name inside another word is no name: "Annemie" is not "Ann", "planning" not "Ann".
  EXPECT_TRUE(parse_group_theme({{"group_id", 2}, {"theme", "Annemie's planning"}}, {"Ann"}).is_ok());
  EXPECT_EQ(rules(parse_group_theme({{"jobseeker_id", 5}}, {}).status()),
            (std::vector<std::string>{"jobseeker_id:unknown_field", "group_id:required", "theme:required"}));
}

TEST(GroupRules, AThemeStatus_IsOneOfTheQueueStates) {
  EXPECT_EQ(parse_theme_status({{"theme_status", "set_aside"}, {"version", 1}}).value(), "set_aside");
  EXPECT_EQ(rules(parse_theme_status({{"theme_status", "done"}}).status()),
            (std::vector<std::string>{"theme_status:choice"}));
}

}  // namespace
}  // namespace spiraal
