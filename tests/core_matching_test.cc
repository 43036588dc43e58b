// Matching a work profile to vacancies and trainings, and a vacancy to a
// caseload: it proposes a ranking with, per core task, what is covered and
// what is missing, and says why anything was left out. It never decides.
#include <gtest/gtest.h>

#include "core/matching.h"

namespace spiraal {
namespace {

Vacancy vacancy(int64_t id, std::string title, std::vector<CoreTask> tasks, std::string place = "Gent",
                double hours = 38, std::string schedule = "day", std::string occupation = "") {
  Vacancy v;
  v.id = id;
  v.employer = "Werkgever";
  v.title = std::move(title);
  v.core_tasks = std::move(tasks);
  v.place = std::move(place);
  v.hours_per_week = hours;
  v.schedule = std::move(schedule);
  v.occupation_code = std::move(occupation);
  v.contract = "permanent";
  return v;
}

Training training(int64_t id, std::string title, bool childcare, double hours = 30, std::string place = "Gent") {
  Training t;
  t.id = id;
  t.provider = "VDAB";
  t.title = std::move(title);
  t.duration_weeks = 10;
  t.hours_per_week = hours;
  t.place = std::move(place);
  t.childcare_friendly_hours = childcare;
  t.core_tasks = {{"Werken", {"accuracy", "independence"}}};
  return t;
}

WorkProfile profile() {
  WorkProfile p;
  p.competences = {"accuracy", "independence", "perseverance"};
  p.travel_minutes = {{"gent", 20}, {"Antwerpen", 50}};
  return p;
}

std::vector<int64_t> ids(const std::vector<Match>& ms) {
  std::vector<int64_t> out;
  for (const auto& m : ms) out.push_back(m.id);
  return out;
}

TEST(MatchVacancies, RankedByShareOfCompetencesCovered) {
  auto r = match_vacancies(profile(), {vacancy(1, "Half", {{"a", {"accuracy", "empathy"}}}),
                                       vacancy(2, "Alles", {{"a", {"accuracy"}}, {"b", {"independence"}}}),
                                       vacancy(3, "Niets", {{"a", {"empathy", "creativity"}}})});
  EXPECT_EQ(ids(r.ranked), (std::vector<int64_t>{2, 1, 3}));
  EXPECT_DOUBLE_EQ(r.ranked[0].fit, 1.0);
  EXPECT_DOUBLE_EQ(r.ranked[1].fit, 0.5);
  EXPECT_DOUBLE_EQ(r.ranked[2].fit, 0.0);
  EXPECT_TRUE(r.excluded.empty());
  EXPECT_FALSE(r.catalogue_empty);
}

TEST(MatchVacancies, FitCountsCompetencesOverAllCoreTasks) {
  auto r = match_vacancies(profile(), {vacancy(1, "V", {{"a", {"accuracy", "empathy", "loyalty"}},
                                                        {"b", {"independence"}}})});
  EXPECT_DOUBLE_EQ(r.ranked[0].fit, 0.5);  // 2 of 4
}

TEST(MatchVacancies, ExplainsPerTaskWhatIsCoveredAndMissing) {
  auto r = match_vacancies(profile(), {vacancy(1, "Magazijnier", {{"Orders verzamelen", {"accuracy", "empathy"}},
                                                                  {"Rapporteren", {"information_handling"}}})});
  ASSERT_EQ(r.ranked.size(), 1u);
  const auto& tasks = r.ranked[0].tasks;
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].task, "Orders verzamelen");
  EXPECT_EQ(tasks[0].covered, (std::vector<std::string>{"accuracy"}));
  EXPECT_EQ(tasks[0].missing, (std::vector<std::string>{"empathy"}));
  EXPECT_TRUE(tasks[1].covered.empty());
  EXPECT_EQ(tasks[1].missing, (std::vector<std::string>{"information_handling"}));
}

TEST(MatchVacancies, EqualFitGoesTargetOccupationFirstThenTitle) {
  WorkProfile p = profile();
  p.target_occupations = {"K2204"};
  std::vector<CoreTask> tasks = {{"a", {"accuracy", "empathy"}}};
  auto r = match_vacancies(p, {vacancy(1, "B", tasks), vacancy(2, "A", tasks),
                               vacancy(3, "C", tasks, "Gent", 38, "day", "k2204")});
  EXPECT_EQ(ids(r.ranked), (std::vector<int64_t>{3, 2, 1}));
  EXPECT_TRUE(r.ranked[0].target_occupation);
  EXPECT_DOUBLE_EQ(r.ranked[0].fit, 0.5);  // the bonus is in the order, not in the fit
}

TEST(MatchVacancies, TargetOccupationBonusIsSmall) {
  WorkProfile p = profile();
  p.competences = {"accuracy", "independence"};
  p.target_occupations = {"N1103"};
  // Target: 3 of 4 (0.75). Others: 4 of 5 (0.80, within the bonus) and 1 of 1 (1.0).
  auto r = match_vacancies(
      p, {vacancy(1, "Doel", {{"a", {"accuracy", "independence", "accuracy", "empathy"}}}, "Gent", 38, "day", "N1103"),
          vacancy(2, "Bijna", {{"a", {"accuracy", "independence", "accuracy", "independence", "empathy"}}}),
          vacancy(3, "Alles", {{"a", {"accuracy"}}})});
  EXPECT_EQ(ids(r.ranked), (std::vector<int64_t>{3, 1, 2}));
}

TEST(MatchVacancies, HoursOverPersonsMax_ExcludedWithReason) {
  WorkProfile p = profile();
  p.max_hours_per_week = 30;
  auto r = match_vacancies(p, {vacancy(1, "Voltijds", {{"a", {"accuracy"}}}, "Gent", 38),
                               vacancy(2, "Deeltijds", {{"a", {"accuracy"}}}, "Gent", 30)});
  EXPECT_EQ(ids(r.ranked), (std::vector<int64_t>{2}));
  ASSERT_EQ(r.excluded.size(), 1u);
  EXPECT_EQ(r.excluded[0].id, 1);
  EXPECT_EQ(r.excluded[0].excluded_because, (std::vector<std::string>{"hours_over_max"}));
  EXPECT_EQ(r.excluded[0].tasks.size(), 1u);  // still explained
}

TEST(MatchVacancies, HoursUnderPersonsMin_ExcludedWithReason) {
  WorkProfile p = profile();
  p.min_hours_per_week = 20;
  auto r = match_vacancies(p, {vacancy(1, "Student", {{"a", {"accuracy"}}}, "Gent", 12)});
  EXPECT_TRUE(r.ranked.empty());
  ASSERT_EQ(r.excluded.size(), 1u);
  EXPECT_EQ(r.excluded[0].excluded_because, (std::vector<std::string>{"hours_under_min"}));
}

TEST(MatchVacancies, TravelTooLong_ExcludedWithReason) {
  WorkProfile p = profile();
  p.max_travel_minutes = 45;
  auto r = match_vacancies(p, {vacancy(1, "Ver", {{"a", {"accuracy"}}}, " ANTWERPEN "),
                               vacancy(2, "Dichtbij", {{"a", {"accuracy"}}}, "Gent")});
  EXPECT_EQ(ids(r.ranked), (std::vector<int64_t>{2}));
  ASSERT_EQ(r.excluded.size(), 1u);
  EXPECT_EQ(r.excluded[0].excluded_because, (std::vector<std::string>{"travel_too_long"}));
  EXPECT_TRUE(r.ranked[0].notes.empty());
}

TEST(MatchVacancies, PlaceWithoutTravelTime_KeptWithNote) {
  WorkProfile p = profile();
  p.max_travel_minutes = 45;
  auto r = match_vacancies(p, {vacancy(1, "Onbekend", {{"a", {"accuracy"}}}, "Hasselt")});
  ASSERT_EQ(r.ranked.size(), 1u);
  EXPECT_EQ(r.ranked[0].notes, (std::vector<std::string>{"travel_unknown"}));
}

TEST(MatchVacancies, ChildcareNeed_ExcludesAllButDaySchedules) {
  WorkProfile p = profile();
  p.needs_childcare_friendly_hours = true;
  std::vector<CoreTask> t = {{"a", {"accuracy"}}};
  auto r = match_vacancies(p, {vacancy(1, "Dag", t, "Gent", 38, "day"), vacancy(2, "Avond", t, "Gent", 38, "evening"),
                               vacancy(3, "Ploegen", t, "Gent", 38, "shifts"), vacancy(4, "Nacht", t, "Gent", 38, "night"),
                               vacancy(5, "Weekend", t, "Gent", 38, "weekend")});
  EXPECT_EQ(ids(r.ranked), (std::vector<int64_t>{1}));
  EXPECT_EQ(r.excluded.size(), 4u);
  for (const auto& m : r.excluded) EXPECT_EQ(m.excluded_because, (std::vector<std::string>{"childcare_hours"}));
}

TEST(MatchVacancies, EveryBrokenConstraintIsNamed) {
  WorkProfile p = profile();
  p.max_hours_per_week = 20;
  p.max_travel_minutes = 30;
  p.needs_childcare_friendly_hours = true;
  auto r = match_vacancies(p, {vacancy(1, "Alles mis", {{"a", {"accuracy"}}}, "Antwerpen", 38, "night")});
  ASSERT_EQ(r.excluded.size(), 1u);
  EXPECT_EQ(r.excluded[0].excluded_because,
            (std::vector<std::string>{"hours_over_max", "travel_too_long", "childcare_hours"}));
}

TEST(MatchVacancies, EmptyCatalogueIsFlagged) {
  auto r = match_vacancies(profile(), {});
  EXPECT_TRUE(r.catalogue_empty);
  EXPECT_TRUE(r.ranked.empty());
  // Everything excluded is not an empty catalogue.
  WorkProfile p = profile();
  p.max_hours_per_week = 10;
  r = match_vacancies(p, {vacancy(1, "V", {{"a", {"accuracy"}}})});
  EXPECT_FALSE(r.catalogue_empty);
  EXPECT_TRUE(r.ranked.empty());
  EXPECT_EQ(r.excluded.size(), 1u);
}

TEST(MatchVacancies, TasksWithoutCompetencesGiveNoFitAndANote) {
  auto r = match_vacancies(profile(), {vacancy(1, "V", {{"Rekken aanvullen", {}}})});
  ASSERT_EQ(r.ranked.size(), 1u);
  EXPECT_DOUBLE_EQ(r.ranked[0].fit, 0.0);
  EXPECT_EQ(r.ranked[0].notes, (std::vector<std::string>{"no_competences_listed"}));
}

TEST(MatchTrainings, ChildcareNeed_ExcludesCoursesOutsideSchoolHours) {
  WorkProfile p = profile();
  p.needs_childcare_friendly_hours = true;
  auto r = match_trainings(p, {training(1, "Heftruck", false), training(2, "Kassa", true)});
  EXPECT_EQ(ids(r.ranked), (std::vector<int64_t>{2}));
  ASSERT_EQ(r.excluded.size(), 1u);
  EXPECT_EQ(r.excluded[0].excluded_because, (std::vector<std::string>{"childcare_hours"}));
  EXPECT_DOUBLE_EQ(r.ranked[0].fit, 1.0);
  EXPECT_FALSE(r.ranked[0].target_occupation);
}

TEST(MatchTrainings, HoursTravelAndEmptyCatalogue) {
  WorkProfile p = profile();
  p.max_hours_per_week = 25;
  p.max_travel_minutes = 30;
  auto r = match_trainings(p, {training(1, "Lang", true, 36), training(2, "Ver", true, 20, "Antwerpen"),
                               training(3, "Ok", true, 20, "Kortrijk")});
  EXPECT_EQ(ids(r.ranked), (std::vector<int64_t>{3}));
  EXPECT_EQ(r.ranked[0].notes, (std::vector<std::string>{"travel_unknown"}));
  EXPECT_EQ(ids(r.excluded), (std::vector<int64_t>{1, 2}));
  EXPECT_TRUE(match_trainings(p, {}).catalogue_empty);
}

TEST(MatchCandidates, CaseloadRankedForOneVacancyWithJobseekerIds) {
  Vacancy v = vacancy(9, "Magazijnier", {{"Orders", {"accuracy", "independence"}}}, "Gent", 38, "day", "N1103");
  Candidate all{101, profile()};
  Candidate half{102, profile()};
  half.profile.competences = {"accuracy"};
  Candidate target{103, profile()};
  target.profile.competences = {"accuracy"};
  target.profile.target_occupations = {"N1103"};
  Candidate part_time{104, profile()};
  part_time.profile.max_hours_per_week = 19;
  auto r = match_candidates(v, {half, part_time, all, target});
  EXPECT_EQ(ids(r.ranked), (std::vector<int64_t>{101, 103, 102}));
  for (const auto& m : r.ranked) {
    EXPECT_TRUE(m.title.empty());
    EXPECT_EQ(m.place, "Gent");
  }
  EXPECT_TRUE(r.ranked[1].target_occupation);
  EXPECT_EQ(r.ranked[2].tasks[0].missing, (std::vector<std::string>{"independence"}));
  ASSERT_EQ(r.excluded.size(), 1u);
  EXPECT_EQ(r.excluded[0].id, 104);
  EXPECT_EQ(r.excluded[0].excluded_because, (std::vector<std::string>{"hours_over_max"}));
  EXPECT_TRUE(match_candidates(v, {}).catalogue_empty);
}

}  // namespace
}  // namespace spiraal
