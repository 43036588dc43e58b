// The outreach rules of core/outreach.h, core/segment.h and core/network.h:
// the segment tree of seed 002 on every path, the six-phase moves, the
// registration that asks for no identity, the warm handover's consent, and
// the network view's counts with suppression and segment 5 left out.
#include <gtest/gtest.h>

#include <set>

#include "core/network.h"
#include "core/outreach.h"
#include "core/segment.h"

namespace spiraal {
namespace {

using nlohmann::json;

const std::string kToday = "2026-06-15";

std::set<std::string> fields(const Status& s) {
  std::set<std::string> out;
  for (const auto& f : s.fields()) out.insert(f.field + ":" + f.rule);
  return out;
}

// --- The segment tree (seed 002, figure 1)

TEST(SegmentTree, NotWorkReady_IsSegment5WhateverElse) {
  EXPECT_EQ(decide_segment({false, std::nullopt, std::nullopt, std::nullopt}).value(), 5);
  EXPECT_EQ(decide_segment({false, true, true, true}).value(), 5);
}

TEST(SegmentTree, NotRegisteredAndUnknownElsewhere_IsSegment1) {
  EXPECT_EQ(decide_segment({true, false, false, std::nullopt}).value(), 1);
}

TEST(SegmentTree, NotRegisteredButKnownToAnotherAgency_IsSegment2) {
  EXPECT_EQ(decide_segment({true, false, true, std::nullopt}).value(), 2);
}

TEST(SegmentTree, RegisteredNotReachedInTwoYears_IsSegment3) {
  EXPECT_EQ(decide_segment({true, true, std::nullopt, false}).value(), 3);
}

TEST(SegmentTree, RegisteredAndActivelyServed_IsSegment4) {
  EXPECT_EQ(decide_segment({true, true, std::nullopt, true}).value(), 4);
}

TEST(SegmentTree, AnswersOffThePath_AreIgnored) {
  // "Known elsewhere" is not asked of someone registered at VDAB.
  EXPECT_EQ(decide_segment({true, true, true, false}).value(), 3);
  EXPECT_EQ(decide_segment({true, false, false, true}).value(), 1);
}

TEST(SegmentTree, MissingAnswerOnThePath_NamesThatQuestion) {
  EXPECT_EQ(fields(decide_segment({}).status()), std::set<std::string>{"work_ready:required"});
  EXPECT_EQ(fields(decide_segment({true, std::nullopt, true, true}).status()), std::set<std::string>{"registered:required"});
  EXPECT_EQ(fields(decide_segment({true, false, std::nullopt, true}).status()),
            std::set<std::string>{"known_elsewhere:required"});
  EXPECT_EQ(fields(decide_segment({true, true, true, std::nullopt}).status()),
            std::set<std::string>{"served_last_two_years:required"});
}

TEST(SegmentTree, PrimaryTargetIsSegments1And2_Segment5NotCounted) {
  EXPECT_TRUE(primary_target(1));
  EXPECT_TRUE(primary_target(2));
  EXPECT_FALSE(primary_target(3));
  EXPECT_FALSE(primary_target(5));
  EXPECT_TRUE(counts_for_outreach(4));
  EXPECT_FALSE(counts_for_outreach(5));
}

TEST(SegmentDecision, RecordsSegmentAnswersAndDate) {
  auto e = parse_segment_decision({{"work_ready", true}, {"registered", false}, {"known_elsewhere", true},
                                   {"decided_on", "2026-06-01"}},
                                  kToday);
  ASSERT_TRUE(e.is_ok()) << e.status().message();
  EXPECT_EQ(e->content["segment"], 2);
  EXPECT_EQ(e->occurred_on, "2026-06-01");
  EXPECT_EQ(e->content["answers"]["known_elsewhere"], true);
}

TEST(SegmentDecision, NonBooleanAnswer_IsRefused) {
  auto e = parse_segment_decision({{"work_ready", "ja"}}, kToday);
  EXPECT_EQ(fields(e.status()), std::set<std::string>{"work_ready:type_boolean"});
}

// --- Registration

json registration() {
  return {{"name", "Samira"}, {"consent_on", "2026-06-01"}, {"channel", "direct"}, {"find_place", "day_centre"}};
}

TEST(OutreachRegistration, FirstNameAndConsentAreEnough) {
  auto p = parse_outreach_person(registration(), kToday);
  ASSERT_TRUE(p.is_ok()) << p.status().message();
  EXPECT_EQ(p->name, "Samira");
  EXPECT_EQ(p->phase, "reach");
  EXPECT_EQ(p->first_contact_on, kToday);
}

TEST(OutreachRegistration, WithoutNameOrConsent_IsRefused) {
  auto p = parse_outreach_person({{"channel", "word_of_mouth"}}, kToday);
  EXPECT_EQ(fields(p.status()), (std::set<std::string>{"name:required", "consent_on:required"}));
}

TEST(OutreachRegistration, IdentityFieldsAreNotTaken) {
  json body = registration();
  body["last_name"] = "El Amrani";
  body["birth_date"] = "1990-01-01";
  auto p = parse_outreach_person(body, kToday);
  EXPECT_EQ(fields(p.status()), (std::set<std::string>{"last_name:unknown_field", "birth_date:unknown_field"}));
}

TEST(OutreachRegistration, ChannelNeedsItsDetail) {
  json direct = registration();
  direct.erase("find_place");
  EXPECT_EQ(fields(parse_outreach_person(direct, kToday).status()), std::set<std::string>{"find_place:required"});
  json referral = registration();
  referral["channel"] = "partner_referral";
  EXPECT_EQ(fields(parse_outreach_person(referral, kToday).status()), std::set<std::string>{"referred_by:required"});
  json unknown = registration();
  unknown["channel"] = "billboard";
  EXPECT_EQ(fields(parse_outreach_person(unknown, kToday).status()), std::set<std::string>{"channel:choice"});
}

TEST(OutreachRegistration, ConsentInTheFuture_IsRefused) {
  json body = registration();
  body["consent_on"] = "2026-07-01";
  EXPECT_FALSE(parse_outreach_person(body, kToday).is_ok());
}

TEST(OutreachContact, ChannelFromTheListAndALimitedNote) {
  auto ok = parse_outreach_contact({{"contacted_on", "2026-06-10"}, {"channel", "key_figure"}, {"note", "Via de imam"}},
                                   kToday);
  ASSERT_TRUE(ok.is_ok());
  EXPECT_EQ(ok->content["channel"], "key_figure");
  auto bad = parse_outreach_contact({{"contacted_on", "2026-06-10"}, {"channel", "pigeon"},
                                     {"note", std::string(kMaxOutreachNote + 1, 'x')}},
                                    kToday);
  EXPECT_EQ(fields(bad.status()), (std::set<std::string>{"channel:choice", "note:too_long"}));
}

// --- The six phases

OutreachPerson at(const std::string& phase, bool handed_over = false) {
  OutreachPerson p;
  p.phase = phase;
  if (handed_over) p.jobseeker_id = 7;
  return p;
}

json move_to(const std::string& to, const std::string& on = "2026-06-10") {
  return {{"to_phase", to}, {"moved_on", on}, {"reason", "Samen beslist"}};
}

TEST(OutreachMove, ForwardSkipAndBack_AreAllowedAndLogged) {
  auto forward = parse_outreach_move(at("reach"), "", move_to("acquaint"), kToday);
  ASSERT_TRUE(forward.is_ok());
  EXPECT_EQ(forward->content["from"], "reach");
  EXPECT_EQ(forward->content["to"], "acquaint");
  EXPECT_TRUE(parse_outreach_move(at("acquaint"), "", move_to("orient"), kToday).is_ok());
  EXPECT_TRUE(parse_outreach_move(at("orient"), "", move_to("context"), kToday).is_ok());
}

TEST(OutreachMove, HandoverPhase_IsEnteredByTheHandoverOnly) {
  EXPECT_EQ(fields(parse_outreach_move(at("orient"), "", move_to("handover"), kToday).status()),
            std::set<std::string>{"to_phase:use_handover"});
}

TEST(OutreachMove, FollowUp_NeedsAHandover) {
  EXPECT_EQ(fields(parse_outreach_move(at("orient"), "", move_to("follow_up"), kToday).status()),
            std::set<std::string>{"to_phase:handover_first"});
  EXPECT_TRUE(parse_outreach_move(at("handover", true), "", move_to("follow_up"), kToday).is_ok());
}

TEST(OutreachMove, Closing_NeedsAGround) {
  EXPECT_EQ(fields(parse_outreach_move(at("follow_up", true), "", move_to("closed"), kToday).status()),
            std::set<std::string>{"closing:required"});
  json body = move_to("closed");
  body["closing"] = "sustainable_work";
  auto closed = parse_outreach_move(at("follow_up", true), "", body, kToday);
  ASSERT_TRUE(closed.is_ok());
  EXPECT_EQ(closed->content["closing"], "sustainable_work");
}

TEST(OutreachMove, SamePhaseDateOrderAndReason_AreChecked) {
  EXPECT_EQ(fields(parse_outreach_move(at("reach"), "", move_to("reach"), kToday).status()),
            std::set<std::string>{"to_phase:same_state"});
  EXPECT_EQ(fields(parse_outreach_move(at("reach"), "2026-06-12", move_to("acquaint", "2026-06-11"), kToday).status()),
            std::set<std::string>{"moved_on:before_last_move"});
  json no_reason = move_to("acquaint");
  no_reason.erase("reason");
  EXPECT_EQ(fields(parse_outreach_move(at("reach"), "", no_reason, kToday).status()),
            std::set<std::string>{"reason:required"});
}

// --- The warm handover

json handover() {
  return {{"consent", true},      {"consent_on", "2026-06-14"}, {"team_id", 3},
          {"joint_date", "2026-06-20"}, {"toeleider_attends", "first"}, {"open_conditions", {"childcare", "debts"}},
          {"reason", "Werk in de zorg"}, {"first_name", "Samira"}, {"last_name", "El Amrani"},
          {"birth_date", "1990-03-04"}};
}

TEST(Handover, WithConsent_CarriesJointDateAttendanceAndOpenConditions) {
  auto h = parse_handover(at("orient"), handover(), kToday);
  ASSERT_TRUE(h.is_ok()) << h.status().message();
  EXPECT_EQ(h->joint_date, "2026-06-20");
  EXPECT_EQ(h->open_conditions, (std::vector<std::string>{"childcare", "debts"}));
  EXPECT_EQ(h->handed_over_on, kToday);
  EXPECT_FALSE(h->share_history);
}

TEST(Handover, WithoutConsent_IsRefused) {
  json body = handover();
  body["consent"] = false;
  EXPECT_EQ(fields(parse_handover(at("orient"), body, kToday).status()), std::set<std::string>{"consent:handover_consent"});
  body.erase("consent");
  EXPECT_EQ(fields(parse_handover(at("orient"), body, kToday).status()), std::set<std::string>{"consent:handover_consent"});
}

TEST(Handover, TwiceOrWhenClosed_IsRefused) {
  EXPECT_EQ(fields(parse_handover(at("handover", true), handover(), kToday).status()),
            std::set<std::string>{":already_handed_over"});
  EXPECT_EQ(fields(parse_handover(at("closed"), handover(), kToday).status()), std::set<std::string>{":outreach_closed"});
}

TEST(Handover, UnknownConditionAndJointDateBeforeHandover_AreRefused) {
  json body = handover();
  body["open_conditions"] = {"weather"};
  body["joint_date"] = "2026-06-01";
  EXPECT_EQ(fields(parse_handover(at("orient"), body, kToday).status()),
            (std::set<std::string>{"open_conditions:choice", "joint_date:before_handover"}));
}

TEST(HistoryConsent, NeedsAnAnswerAndADate) {
  EXPECT_EQ(fields(parse_history_consent(json::object(), kToday).status()),
            (std::set<std::string>{"shared:required", "on:required"}));
  auto e = parse_history_consent({{"shared", true}, {"on", kToday}}, kToday);
  ASSERT_TRUE(e.is_ok());
  EXPECT_EQ(e->content["shared"], true);
}

// --- The network view

TEST(NetworkOverview, CountsPerServiceWithSuppressionAndSegment5LeftOut) {
  std::vector<NetworkPersonRow> people;
  for (int i = 0; i < 6; ++i) people.push_back({"Buurtwerk", 1 + i % 2, 1, i < 5});
  people.push_back({"Buurtwerk", 1, 2, false});
  people.push_back({"Buurtwerk", 1, 5, false});  // recorded, not counted
  people.push_back({"Moskee", 3, std::nullopt, false});
  auto v = network_overview(people, {});
  ASSERT_EQ(v["services"].size(), 2u);
  EXPECT_EQ(v["services"][0]["organisation"], "Buurtwerk");
  EXPECT_EQ(v["services"][0]["toeleiders"], 2);
  EXPECT_EQ(v["services"][0]["reached"], "7");
  EXPECT_EQ(v["services"][0]["primary_target"], "7");
  EXPECT_EQ(v["services"][0]["handovers"], "5");
  EXPECT_EQ(v["services"][1]["reached"], "<5");
  EXPECT_EQ(v["services"][1]["handovers"], "0");
  EXPECT_EQ(v["segments"][0]["people"], "6");   // segment 1
  EXPECT_EQ(v["segments"][1]["people"], "<5");  // segment 2
  EXPECT_EQ(v["segments"][4]["people"], "<5");  // segment 5: shown, suppressed
}

TEST(NetworkOverview, MediansFromFiveHandoversAndConditionsPerRegion) {
  std::vector<NetworkHandoverRow> handovers;
  // Reach → handover: 10, 20, 30, 40, 50 days; handover → first contact: 1, 2, 3, 4, and one without a contact yet.
  for (int i = 0; i < 5; ++i) {
    std::string first = "2026-01-01";
    std::string handed = i == 0 ? "2026-01-11" : i == 1 ? "2026-01-21" : i == 2 ? "2026-01-31" : i == 3 ? "2026-02-10" : "2026-02-20";
    std::string contact = i == 4 ? "" : "2026-03-0" + std::to_string(i + 1);
    handovers.push_back({"Buurtwerk", "Team Noord", "Gent", 1, first, handed, contact, {"childcare"}});
  }
  handovers.push_back({"Moskee", "Team Noord", "Gent", 5, "2026-01-01", "2026-01-05", "", {"childcare"}});
  handovers.push_back({"Moskee", "Team Zuid", "Aalst", 2, "2026-01-01", "2026-01-05", "", {"housing"}});
  auto v = network_overview({}, handovers);
  ASSERT_EQ(v["flows"].size(), 2u);  // the segment-5 handover is left out
  EXPECT_EQ(v["flows"][0]["from"], "Buurtwerk");
  EXPECT_EQ(v["flows"][0]["handovers"], "5");
  EXPECT_DOUBLE_EQ(v["flows"][0]["median_days_reach_to_handover"].get<double>(), 30.0);
  // Handover → first contact: 2026-01-11→03-01 = 49, 01-21→03-02 = 40, 01-31→03-03 = 31, 02-10→03-04 = 22 days.
  EXPECT_TRUE(v["flows"][0]["median_days_handover_to_first_contact"].is_null());  // only 4 with a contact
  EXPECT_TRUE(v["flows"][1]["median_days_reach_to_handover"].is_null());           // one handover
  ASSERT_EQ(v["conditions"].size(), 2u);
  EXPECT_EQ(v["conditions"][0]["region"], "Aalst");
  EXPECT_EQ(v["conditions"][0]["people"], "<5");
  EXPECT_EQ(v["conditions"][1]["region"], "Gent");
  EXPECT_EQ(v["conditions"][1]["people"], "5");
}

TEST(NetworkFilter, DatesInOrderAndNoUnknownMembers) {
  EXPECT_TRUE(parse_network_filter({{"from", "2026-01-01"}, {"to", "2026-06-30"}, {"region", "Gent"}}).is_ok());
  EXPECT_EQ(fields(parse_network_filter({{"from", "2026-06-30"}, {"to", "2026-01-01"}}).status()),
            std::set<std::string>{"to:before_from"});
  EXPECT_EQ(fields(parse_network_filter({{"from", "gisteren"}, {"team", "x"}}).status()),
            (std::set<std::string>{"from:date", "team:unknown_field"}));
}

TEST(SuppressedCount, ZeroAndFiveAreShown_OneToFourAreNot) {
  EXPECT_EQ(suppressed_count(0), "0");
  EXPECT_EQ(suppressed_count(1), "<5");
  EXPECT_EQ(suppressed_count(4), "<5");
  EXPECT_EQ(suppressed_count(5), "5");
}

}  // namespace
}  // namespace spiraal
