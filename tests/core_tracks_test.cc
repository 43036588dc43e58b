// The rules of parallel tracks (core/track.h), the MDO (core/mdo.h) and the
// person's voice (core/voice.h): track kinds and rhythm bounds, the consent
// gate shared with the W²-overleg, decisions only for existing tracks that
// have not ended, the next MDO date, feedback length, and an answer to a
// request for another counsellor that always needs a reason.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/mdo.h"
#include "core/overleg.h"
#include "core/track.h"
#include "core/voice.h"

namespace spiraal {
namespace {

using nlohmann::json;

const std::string kToday = "2026-03-15";

std::set<std::string> rules_of(const Status& s) {
  std::set<std::string> out;
  for (const auto& f : s.fields()) out.insert(f.field + ":" + f.rule);
  return out;
}

Track active(int64_t id, const std::string& kind, const std::string& starts_on = "2026-01-05") {
  Track t;
  t.id = id;
  t.kind = kind;
  t.worker_name = "Els";
  t.starts_on = starts_on;
  return t;
}

MdoPlan consented() {
  MdoPlan p;
  p.version = 1;
  p.consent_on = "2026-01-05";
  return p;
}

TEST(Track, EachKindHasItsDefaultRhythm) {
  EXPECT_EQ(default_rhythm_days("work"), 14);
  EXPECT_EQ(default_rhythm_days("welfare"), 14);
  EXPECT_EQ(default_rhythm_days("group"), 7);
  auto t = parse_track({{"kind", "group"}, {"worker_name", "Groepswerker Lies"}, {"aim", "Sterker staan"}}, nullptr, kToday);
  ASSERT_TRUE(t.is_ok()) << rules_of(t.status()).size();
  EXPECT_EQ(t->rhythm_days, 7);
  EXPECT_EQ(t->starts_on, kToday);
  EXPECT_EQ(t->status, "active");
}

TEST(Track, UnknownKindAndRhythmOutOfBounds_AreFieldErrors) {
  auto t = parse_track({{"kind", "sport"}, {"worker_name", "X"}, {"rhythm_days", 91}, {"aim", "x"}}, nullptr, kToday);
  EXPECT_EQ(rules_of(t.status()), (std::set<std::string>{"kind:choice", "rhythm_days:range"}));
  EXPECT_FALSE(parse_track({{"kind", "work"}, {"worker_name", "X"}, {"rhythm_days", 0}, {"aim", "x"}}, nullptr, kToday).is_ok());
  EXPECT_TRUE(parse_track({{"kind", "work"}, {"worker_name", "X"}, {"rhythm_days", 90}, {"aim", "x"}}, nullptr, kToday).is_ok());
  EXPECT_TRUE(parse_track({{"kind", "work"}, {"worker_name", "X"}, {"rhythm_days", 1}, {"aim", "x"}}, nullptr, kToday).is_ok());
}

TEST(Track, NeedsExactlyOneResponsibleWorkerAndAnAim) {
  auto none = parse_track({{"kind", "work"}}, nullptr, kToday);
  EXPECT_EQ(rules_of(none.status()), (std::set<std::string>{"worker_name:track_needs_worker", "aim:required"}));
  auto both = parse_track({{"kind", "work"}, {"worker_user_id", 3}, {"worker_name", "Els"}, {"aim", "x"}}, nullptr, kToday);
  EXPECT_EQ(rules_of(both.status()), (std::set<std::string>{"worker_name:track_one_worker"}));
  auto user = parse_track({{"kind", "work"}, {"worker_user_id", 3}, {"aim", "x"}}, nullptr, kToday);
  ASSERT_TRUE(user.is_ok());
  EXPECT_EQ(user->worker_user_id, 3);
}

TEST(Track, AnEndDateReachedEndsTheTrack_AndTheKindCannotChange) {
  Track current = active(4, "welfare");
  auto ended = parse_track({{"worker_name", "Els"}, {"aim", "x"}, {"ends_on", kToday}}, &current, kToday);
  ASSERT_TRUE(ended.is_ok());
  EXPECT_EQ(ended->status, "ended");
  EXPECT_EQ(ended->kind, "welfare");
  EXPECT_EQ(ended->starts_on, "2026-01-05");  // kept when not sent
  auto later = parse_track({{"worker_name", "Els"}, {"aim", "x"}, {"ends_on", "2026-12-31"}}, &current, kToday);
  ASSERT_TRUE(later.is_ok());
  EXPECT_EQ(later->status, "active");
  EXPECT_EQ(rules_of(parse_track({{"kind", "work"}, {"worker_name", "Els"}, {"aim", "x"}}, &current, kToday).status()),
            (std::set<std::string>{"kind:track_kind_fixed"}));
  EXPECT_EQ(rules_of(parse_track({{"worker_name", "Els"}, {"aim", "x"}, {"status", "ended"}}, &current, kToday).status()),
            (std::set<std::string>{"ends_on:required"}));
  EXPECT_EQ(rules_of(parse_track({{"worker_name", "Els"}, {"aim", "x"}, {"ends_on", "2025-12-01"}}, &current, kToday).status()),
            (std::set<std::string>{"ends_on:ends_before_start"}));
}

TEST(Mdo, CannotBePlannedWithoutConsent_NorAfterItsWithdrawal) {
  std::vector<Track> tracks = {active(1, "work"), active(2, "welfare")};
  MdoPlan plan;
  auto refused = plan_mdo(plan, {{"planned_on", "2026-04-01"}}, "Ann P", tracks, {"Coach A", "Els (CAW)"}, kToday);
  EXPECT_EQ(rules_of(refused.status()), (std::set<std::string>{"consent_on:consent_required"}));
  ASSERT_TRUE(record_consent(plan.consent_on, plan.consent_withdrawn_on, false, json::object(), kToday).is_ok());
  auto planned = plan_mdo(plan, {{"planned_on", "2026-04-01"}}, "Ann P", tracks, {"Coach A", "Els (CAW)"}, kToday);
  ASSERT_TRUE(planned.is_ok());
  ASSERT_EQ(planned->participants.size(), 3u);
  EXPECT_EQ(planned->participants[0].role, "jobseeker");
  EXPECT_EQ(planned->participants[2].name, "Els (CAW)");
  EXPECT_EQ(planned->participants[2].track_id, 2);
  ASSERT_TRUE(withdraw_consent(plan.consent_on, plan.consent_withdrawn_on, kToday).is_ok());
  EXPECT_EQ(withdraw_consent(plan.consent_on, plan.consent_withdrawn_on, kToday).code(), Code::kConflict);
  Mdo m = planned.value();
  Status report = apply_mdo_report(m, plan, json::object(), tracks, kToday);
  EXPECT_EQ(rules_of(report), (std::set<std::string>{"consent_on:consent_required"}));
  EXPECT_EQ(m.status, "planned");
}

TEST(Mdo, NeedsAnActiveTrackAndADateFromToday) {
  auto r = plan_mdo(consented(), {{"planned_on", "2026-03-14"}}, "Ann", {}, {}, kToday);
  EXPECT_EQ(rules_of(r.status()), (std::set<std::string>{"planned_on:future_date", "participants:mdo_needs_tracks"}));
}

TEST(Mdo, DecisionsOnlyForATrackOfThisDossierThatHasNotEnded) {
  std::vector<Track> tracks = {active(1, "work"), active(2, "welfare")};
  tracks[1].status = "ended";
  Mdo m;
  json body = {{"decisions",
                {{{"track_id", 1}, {"text", "Twee sollicitaties"}, {"owner", "Coach A"}, {"due_on", "2026-04-01"}},
                 {{"track_id", 2}, {"text", "Budget"}, {"owner", "Els"}, {"due_on", "2026-04-01"}},
                 {{"track_id", 99}, {"text", "?"}, {"owner", "?"}, {"due_on", "2026-04-01"}}}}};
  Status s = apply_mdo_report(m, consented(), body, tracks, kToday);
  EXPECT_EQ(rules_of(s), (std::set<std::string>{"decisions.1.track_id:track_ended", "decisions.2.track_id:track_unknown"}));
  EXPECT_EQ(m.status, "planned");
  EXPECT_TRUE(m.decisions.empty());
  body["decisions"].erase(2);
  body["decisions"].erase(1);
  ASSERT_TRUE(apply_mdo_report(m, consented(), body, tracks, kToday).is_ok());
  EXPECT_EQ(m.status, "held");
  EXPECT_EQ(m.held_on, kToday);
  EXPECT_EQ(m.decisions.at(0).owner, "Coach A");
  EXPECT_EQ(rules_of(apply_mdo_report(m, consented(), body, tracks, kToday)), (std::set<std::string>{"status:mdo_not_planned"}));
}

TEST(Mdo, ADecisionNeedsTextOwnerAndDate) {
  Mdo m;
  Status s = apply_mdo_report(m, consented(), {{"decisions", {{{"track_id", 1}}}}}, {active(1, "work")}, kToday);
  EXPECT_EQ(rules_of(s), (std::set<std::string>{"decisions.0.text:required", "decisions.0.owner:required",
                                                 "decisions.0.due_on:required"}));
}

TEST(Mdo, NextDateIsTheLastHeldPlusTheInterval) {
  MdoPlan plan = consented();
  std::vector<Track> tracks = {active(1, "work", "2026-02-01"), active(2, "group", "2026-01-10")};
  EXPECT_EQ(next_mdo_due(plan, {}, tracks), "2026-02-09");  // first start + 30 days
  Mdo held;
  held.status = "held";
  held.held_on = "2026-03-01";
  Mdo older = held;
  older.held_on = "2026-02-01";
  EXPECT_EQ(next_mdo_due(plan, {older, held}, tracks), "2026-03-31");
  plan.interval_days = 14;
  EXPECT_EQ(next_mdo_due(plan, {held}, tracks), "2026-03-15");
  EXPECT_EQ(next_mdo_due(plan, {}, {}), "");
  tracks[0].status = tracks[1].status = "ended";
  EXPECT_EQ(next_mdo_due(plan, {held}, tracks), "");  // nothing left to align
}

TEST(Mdo, OverdueOnceTheDueDayHasComeAndNoneIsPlannedFromToday) {
  EXPECT_EQ(mdo_overdue_since("2026-02-13", 30, "", kToday), "2026-03-15");
  EXPECT_EQ(mdo_overdue_since("2026-02-14", 30, "", kToday), "");
  EXPECT_EQ(mdo_overdue_since("2026-01-01", 30, kToday, kToday), "");         // planned for today
  EXPECT_EQ(mdo_overdue_since("2026-01-01", 30, "2026-03-01", kToday), "2026-01-31");  // planned, but not held
  EXPECT_EQ(mdo_overdue_since("", 30, "", kToday), "");
}

TEST(Mdo, IntervalBounds) {
  MdoPlan plan;
  EXPECT_EQ(rules_of(apply_mdo_interval(plan, {{"interval_days", 6}})), (std::set<std::string>{"interval_days:range"}));
  EXPECT_EQ(rules_of(apply_mdo_interval(plan, json::object())), (std::set<std::string>{"interval_days:required"}));
  ASSERT_TRUE(apply_mdo_interval(plan, {{"interval_days", 14}}).is_ok());
  EXPECT_EQ(plan.interval_days, 14);
}

TEST(Voice, FeedbackIsARatingFromOneToFourAndAtMost500Characters) {
  EXPECT_EQ(rules_of(parse_contact_feedback(json::object()).status()), (std::set<std::string>{"rating:required"}));
  EXPECT_EQ(rules_of(parse_contact_feedback({{"rating", 5}}).status()), (std::set<std::string>{"rating:range"}));
  EXPECT_EQ(rules_of(parse_contact_feedback({{"rating", 0}}).status()), (std::set<std::string>{"rating:range"}));
  EXPECT_EQ(rules_of(parse_contact_feedback({{"rating", 3}, {"text", std::string(501, 'x')}}).status()),
            (std::set<std::string>{"text:too_long"}));
  auto ok = parse_contact_feedback({{"rating", 4}, {"text", std::string(500, 'x')}});
  ASSERT_TRUE(ok.is_ok());
  EXPECT_EQ(ok->channel, "handed_screen");
  // Characters, not bytes: 500 accented letters are allowed.
  std::string e500;
  for (int i = 0; i < 500; ++i) e500 += "é";
  EXPECT_TRUE(parse_contact_feedback({{"rating", 1}, {"text", e500}}).is_ok());
}

TEST(Voice, ARequestNeedsNoReason_ButTheAnswerAlwaysDoes) {
  auto q = parse_counsellor_request(json::object(), kToday);
  ASSERT_TRUE(q.is_ok());
  EXPECT_EQ(q->requested_on, kToday);
  CounsellorRequest r = q.value();
  r.from_coach_id = 7;
  EXPECT_EQ(rules_of(apply_counsellor_answer(r, {{"decision", "refused"}, {"reason", "   "}}, 9, kToday)),
            (std::set<std::string>{"reason:required"}));
  EXPECT_EQ(rules_of(apply_counsellor_answer(r, {{"decision", "granted"}, {"reason", "Ok"}}, 9, kToday)),
            (std::set<std::string>{"new_coach_id:required"}));
  EXPECT_EQ(rules_of(apply_counsellor_answer(r, {{"decision", "granted"}, {"reason", "Ok"}, {"new_coach_id", 7}}, 9, kToday)),
            (std::set<std::string>{"new_coach_id:same_coach"}));
  EXPECT_EQ(r.status, "open");
  ASSERT_TRUE(apply_counsellor_answer(r, {{"decision", "granted"}, {"reason", "Andere aanpak"}, {"new_coach_id", 8}}, 9, kToday).is_ok());
  EXPECT_EQ(r.status, "granted");
  EXPECT_EQ(r.answered_by, 9);
  EXPECT_EQ(rules_of(apply_counsellor_answer(r, {{"decision", "refused"}, {"reason", "x"}}, 9, kToday)),
            (std::set<std::string>{"status:request_answered"}));
}

}  // namespace
}  // namespace spiraal
