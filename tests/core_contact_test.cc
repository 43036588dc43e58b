#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/access.h"
#include "core/clock.h"
#include "core/contact.h"

namespace spiraal {
namespace {

Contact make(int64_t id, const std::string& date, const std::string& status) {
  Contact c;
  c.id = id;
  c.date = date;
  c.status = status;
  return c;
}

TEST(ContactSummary, NoContacts_GivesZeroes) { EXPECT_EQ(summarize({}), ContactSummary{}); }

TEST(ContactSummary, TrailingMissedAppointments_FormTheCurrentStreak) {
  auto s = summarize({make(1, "2026-01-01", "held"), make(2, "2026-01-08", "missed"), make(3, "2026-01-15", "missed")});
  EXPECT_EQ(s.held, 1);
  EXPECT_EQ(s.missed, 2);
  EXPECT_EQ(s.current_missed_streak, 2);
  EXPECT_EQ(s.longest_missed_streak, 2);
  EXPECT_EQ(s.last_held_date, "2026-01-01");
}

TEST(ContactSummary, AHeldContact_EndsTheStreakButKeepsTheLongest) {
  auto s = summarize({make(1, "2026-01-01", "missed"), make(2, "2026-01-02", "missed"), make(3, "2026-01-03", "missed"),
                      make(4, "2026-01-04", "held"), make(5, "2026-01-05", "missed")});
  EXPECT_EQ(s.current_missed_streak, 1);
  EXPECT_EQ(s.longest_missed_streak, 3);
}

TEST(ContactSummary, RescheduledNeitherBreaksNorExtendsAStreak) {
  auto s = summarize({make(1, "2026-01-01", "missed"), make(2, "2026-01-02", "rescheduled"), make(3, "2026-01-03", "missed")});
  EXPECT_EQ(s.current_missed_streak, 2);
  EXPECT_EQ(s.rescheduled, 1);
}

TEST(ContactSummary, OrderFollowsDatesNotInput) {
  auto s = summarize({make(2, "2026-02-01", "held"), make(1, "2026-01-01", "missed")});
  EXPECT_EQ(s.current_missed_streak, 0);
  EXPECT_EQ(s.last_held_date, "2026-02-01");
}

TEST(ContactPatch, ValidContact_PassesValidation) {
  Contact c;
  auto errors = apply_patch(c, {{"date", "2026-11-20"}, {"kind", "home_visit"}, {"status", "held"},
                                {"initiative", "outreach"}, {"note", "  Koffie gedronken  "}},
                            "2026-11-23");
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(validate(c).empty());
  EXPECT_EQ(c.note, "Koffie gedronken");
}

TEST(ContactPatch, UnknownKindAndDateFarAhead_AreRefused) {
  Contact c;
  auto errors = apply_patch(c, {{"date", "2028-01-01"}, {"kind", "sms"}, {"status", 1}, {"extra", true}}, "2026-11-23");
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].field, "date");
  EXPECT_EQ(errors[0].rule, "date_too_far_ahead");
}

TEST(ContactPatch, MissingFields_AreRequired) { EXPECT_EQ(validate(Contact{}).size(), 4u); }

TEST(Clock, CalendarDates_AreChecked) {
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("2023-2-28"));
  EXPECT_FALSE(is_iso_date("2023-02-28x"));
  EXPECT_FALSE(is_iso_date("abcd-ef-gh"));
  EXPECT_EQ(iso_from_days(*days_from_iso("2026-11-23")), "2026-11-23");
  EXPECT_EQ(age_in_years("1980-11-24", "2026-11-23"), 45);
  EXPECT_EQ(age_in_years("1980-11-23", "2026-11-23"), 46);
}

TEST(Access, CoachReadsOnlyAssignedDossiers) {
  Principal coach{1, Role::kCoach, 1, "c", "C", std::nullopt};
  EXPECT_TRUE(allowed(coach, Action::kReadDossier, Relation::kAssigned));
  EXPECT_FALSE(allowed(coach, Action::kReadDossier, Relation::kSameTeam));
  EXPECT_FALSE(allowed(coach, Action::kReadDossier, Relation::kNone));
}

TEST(Access, CoordinatorReadsTheTeamButWritesOnlyWhenAssigned) {
  Principal coordinator{2, Role::kCoordinator, 1, "k", "K", std::nullopt};
  EXPECT_TRUE(allowed(coordinator, Action::kReadDossier, Relation::kSameTeam));
  EXPECT_FALSE(allowed(coordinator, Action::kWriteDossier, Relation::kSameTeam));
  EXPECT_TRUE(allowed(coordinator, Action::kWriteDossier, Relation::kAssigned));
}

TEST(Access, AdminManagesUsersButReadsNoDossier) {
  Principal admin{3, Role::kAdmin, std::nullopt, "a", "A", std::nullopt};
  EXPECT_TRUE(allowed(admin, Action::kManageUsers));
  for (auto r : {Relation::kNone, Relation::kSameTeam, Relation::kAssigned})
    EXPECT_FALSE(allowed(admin, Action::kReadDossier, r));
  EXPECT_FALSE(allowed(admin, Action::kListCaseload));
}

TEST(Access, AnalystAndPartnerReadNoDossierYet) {
  for (auto role : {Role::kAnalyst, Role::kPartner}) {
    Principal p{4, role, 1, "p", "P", std::nullopt};
    EXPECT_FALSE(allowed(p, Action::kReadDossier, Relation::kAssigned));
    EXPECT_FALSE(allowed(p, Action::kCreateJobseeker));
  }
}

}  // namespace
}  // namespace spiraal
