// "Mijn traject" (issue 11): the rules of codes, PINs, invitations and
// messages; the service on both engines (invitation, device, revocation,
// self-scoring, own actions, messages, consent withdrawal); and the way in
// over HTTP with cookies.
#include "core/portal.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/clock.h"
#include "core/secrets.h"
#include "store/consent_service.h"
#include "store/goal_service.h"
#include "store/instrument_service.h"
#include "store/portal_service.h"
#include "store/score_service.h"
#include "test_support.h"
#include "web/auth.h"

namespace spiraal::testing {
namespace {

using nlohmann::json;

bool has_error(const FieldErrors& errors, const std::string& field, const std::string& rule) {
  for (const auto& e : errors)
    if (e.field == field && e.rule == rule) return true;
  return false;
}

TEST(PortalRules, CodesAreEightCharactersWithoutLookAlikesAndReadAsTyped) {
  std::string code = new_invitation_code();
  ASSERT_EQ(code.size(), 8u);
  EXPECT_EQ(code.find_first_of("01OIL"), std::string::npos);
  EXPECT_EQ(normalise_code(format_code(code)), code);
  EXPECT_EQ(normalise_code("k7qm 4t2p"), "K7QM4T2P");
  EXPECT_EQ(normalise_code("K7QM-4T2"), "");   // too short
  EXPECT_EQ(normalise_code("K7QM-4T2O"), "");  // O is not in the alphabet
  EXPECT_EQ(normalise_code("K7QM;4T2P"), "");
  EXPECT_NE(new_invitation_code(), new_invitation_code());
}

TEST(PortalRules, APinIsSixToTwelveDigitsAndNotGuessableAndAPasswordLong) {
  EXPECT_TRUE(validate_portal_secret("493817", "493817").empty());
  EXPECT_TRUE(validate_portal_secret("lange zin als wachtwoord", "lange zin als wachtwoord").empty());
  EXPECT_TRUE(has_error(validate_portal_secret("49381", "49381"), "secret", "pin_length"));
  EXPECT_TRUE(has_error(validate_portal_secret("1234567890123", "1234567890123"), "secret", "pin_length"));
  EXPECT_TRUE(has_error(validate_portal_secret("123456", "123456"), "secret", "pin_guessable"));
  EXPECT_TRUE(has_error(validate_portal_secret("111111", "111111"), "secret", "pin_guessable"));
  EXPECT_TRUE(has_error(validate_portal_secret("987654", "987654"), "secret", "pin_guessable"));
  EXPECT_TRUE(has_error(validate_portal_secret("kort", "kort"), "secret", "secret_length"));
  EXPECT_TRUE(has_error(validate_portal_secret("493817", "493818"), "secret_repeat", "secret_mismatch"));
}

TEST(PortalRules, AnInvitationNeedsConsentAndAnSmsAMobileNumber) {
  EXPECT_TRUE(parse_invitation({{"channel", "in_person"}, {"consent", true}}).is_ok());
  auto no_consent = parse_invitation({{"channel", "in_person"}, {"consent", false}});
  ASSERT_FALSE(no_consent.is_ok());
  EXPECT_TRUE(has_error(no_consent.status().fields(), "consent", "portal_consent"));
  auto no_phone = parse_invitation({{"channel", "sms"}, {"consent", true}});
  ASSERT_FALSE(no_phone.is_ok());
  EXPECT_TRUE(has_error(no_phone.status().fields(), "phone", "required"));
  EXPECT_EQ(parse_invitation({{"channel", "sms"}, {"phone", "0470 12 34 56"}, {"consent", true}})->phone,
            "+32470123456");
  EXPECT_EQ(parse_invitation({{"channel", "sms"}, {"phone", "+32 470/12.34.56"}, {"consent", true}})->phone,
            "+32470123456");
  EXPECT_EQ(parse_invitation({{"channel", "sms"}, {"phone", "0031 6 1234 5678"}, {"consent", true}})->phone,
            "+31612345678");
  EXPECT_FALSE(parse_invitation({{"channel", "sms"}, {"phone", "bel me"}, {"consent", true}}).is_ok());
  EXPECT_FALSE(parse_invitation({{"channel", "pigeon"}, {"consent", true}}).is_ok());
  EXPECT_FALSE(parse_invitation(json::array()).is_ok());
}

TEST(PortalRules, AMessageIsCleanTextOfAtMostTwoThousandCharacters) {
  EXPECT_EQ(parse_message({{"text", "  Ik kan morgen niet  "}}).value(), "Ik kan morgen niet");
  EXPECT_FALSE(parse_message({{"text", ""}}).is_ok());
  EXPECT_FALSE(parse_message({{"text", std::string(kMessageLength + 1, 'a')}}).is_ok());
  EXPECT_FALSE(parse_message({{"text", "hoi"}, {"to", "iedereen"}}).is_ok());
}

class PortalServiceTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    dossiers_ = std::make_unique<DossierService>(store());
    portal_ = std::make_unique<PortalService>(store(), *dossiers_, nullptr);
    coach_ = add_user(store(), "coach.a", Role::kCoach, "Team Noord");
    other_ = add_user(store(), "coach.b", Role::kCoach, "Team Zuid");
    partner_ = add_user(store(), "caw.els", Role::kPartner, "Team Noord");
    id_ = dossiers_
              ->create(coach_.principal(), {{"first_name", "Samira"}, {"last_name", "B"}, {"birth_date", "1990-02-01"}})
              ->id;
    other_id_ =
        dossiers_->create(other_.principal(), {{"first_name", "Jan"}, {"last_name", "C"}, {"birth_date", "1980-02-01"}})
            ->id;
  }
  Store& store() { return db_->store(); }
  // Invites and redeems: the jobseeker's account and device.
  Unlocked join(const std::string& pin = "493817") {
    auto inv = portal_->invite(coach_.principal(), id_, {{"channel", "in_person"}, {"consent", true}}, "{param}");
    EXPECT_TRUE(inv.is_ok());
    auto u = portal_->redeem(format_code(inv->code), pin, pin, "Android");
    EXPECT_TRUE(u.is_ok()) << u.status().message();
    return u.value();
  }

  std::unique_ptr<TestDb> db_;
  std::unique_ptr<DossierService> dossiers_;
  std::unique_ptr<PortalService> portal_;
  TestUser coach_, other_, partner_;
  int64_t id_ = 0, other_id_ = 0;
};

TEST_P(PortalServiceTest, ACodeOpensOneAccountOnOneDeviceOnceAndTheCoachRevokesIt) {
  auto inv = portal_->invite(coach_.principal(), id_, {{"channel", "in_person"}, {"consent", true}}, "{param}");
  ASSERT_TRUE(inv.is_ok());
  // Only the assigned coach invites; nobody learns of another team's dossier.
  EXPECT_EQ(portal_->invite(other_.principal(), id_, {{"channel", "in_person"}, {"consent", true}}, "").status().code(),
            Code::kNotFound);
  EXPECT_EQ(
      portal_->invite(coach_.principal(), id_, {{"channel", "sms"}, {"phone", "0470123456"}, {"consent", true}}, "")
          .status()
          .code(),
      Code::kInvalid);  // no SMS outbox on this server
  EXPECT_TRUE(portal_->check_code(inv->code).is_ok());
  EXPECT_EQ(portal_->redeem(inv->code, "123456", "123456", "Android").status().code(), Code::kInvalid);
  auto u = portal_->redeem(inv->code, "493817", "493817", "Android");
  ASSERT_TRUE(u.is_ok());
  EXPECT_EQ(u->user.role, Role::kJobseeker);
  EXPECT_EQ(u->user.jobseeker_id, id_);
  EXPECT_EQ(u->user.display_name, "Samira");
  EXPECT_EQ(portal_->redeem(inv->code, "493817", "493817", "Android").status().code(), Code::kNotFound);  // used up

  auto unlock = [&](const std::string& device_token, const std::string& secret) {
    return portal_->unlock(portal_->device_of(device_token), secret);
  };
  EXPECT_TRUE(unlock(u->device_token, "493817").is_ok());
  EXPECT_EQ(unlock(u->device_token, "493818").status().code(), Code::kUnauthenticated);
  EXPECT_EQ(unlock("not-a-device", "493817").status().code(), Code::kUnauthenticated);
  EXPECT_FALSE(portal_->device_of("not-a-device").has_value());
  // The staff log-in does not take a jobseeker's account.
  Auth auth(store(), true);
  EXPECT_EQ(auth.login(u->user.username, "493817", "10.0.0.1").status().code(), Code::kUnauthenticated);

  std::string session = auth.open_session(u->user, u->device_id);
  EXPECT_TRUE(auth.identify("", std::string(kSessionCookie) + "=" + session).user.has_value());
  auto account = portal_->account(coach_.principal(), id_);
  ASSERT_TRUE(account.is_ok());
  EXPECT_TRUE(account->exists);
  ASSERT_EQ(account->devices.size(), 1u);
  EXPECT_EQ(portal_->revoke_device(other_.principal(), id_, u->device_id).code(), Code::kNotFound);
  ASSERT_TRUE(portal_->revoke_device(coach_.principal(), id_, u->device_id).is_ok());
  EXPECT_EQ(portal_->revoke_device(coach_.principal(), id_, u->device_id).code(), Code::kConflict);
  // The lost phone's session ended with it, and it unlocks no more.
  EXPECT_FALSE(auth.identify("", std::string(kSessionCookie) + "=" + session).user.has_value());
  EXPECT_TRUE(portal_->device_of(u->device_token)->revoked);  // still known: the limiter counts per device
  EXPECT_EQ(unlock(u->device_token, "493817").status().code(), Code::kUnauthenticated);
  // A new code gives a new device on the same account, with a new PIN.
  auto again = join("583920");
  EXPECT_EQ(again.user.id, u->user.id);
  EXPECT_TRUE(unlock(again.device_token, "583920").is_ok());
}

TEST_P(PortalServiceTest, ANewCodeReplacesTheUnusedOneAndAnSmsGoesToTheOutbox) {
  auto dir = std::filesystem::temp_directory_path() / ("spiraal-sms-" + random_token(4));
  DirectorySmsOutbox outbox(dir.string());
  PortalService with_sms(store(), *dossiers_, &outbox);
  auto first = with_sms.invite(coach_.principal(), id_, {{"channel", "in_person"}, {"consent", true}}, "{param}");
  auto second =
      with_sms.invite(coach_.principal(), id_, {{"channel", "sms"}, {"phone", "0470 12 34 56"}, {"consent", true}},
                      "Je code is {param}.");
  ASSERT_TRUE(first.is_ok() && second.is_ok());
  EXPECT_EQ(with_sms.check_code(first->code).code(), Code::kNotFound);
  EXPECT_TRUE(with_sms.check_code(second->code).is_ok());
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(dir)) files.push_back(f.path());
  ASSERT_EQ(files.size(), 1u);
  std::ifstream in(files[0]);
  json sms = json::parse(in);
  EXPECT_EQ(sms["to"], "+32470123456");
  EXPECT_EQ(sms["text"], "Je code is " + format_code(second->code) + ".");
  std::filesystem::remove_all(dir);
}

TEST_P(PortalServiceTest, TheJobseekerScoresThemselvesAndMarksOwnActionsInTheirOwnDossierOnly) {
  Principal me = join().user.principal();
  ScoreService scores(store(), *dossiers_);
  json body = {{"taken_on", "2026-11-01"}, {"scorer", "jobseeker"}, {"scores", json::object()}};
  for (const auto& item : default_score_items("nl")) body["scores"][item.code] = {{"now", 6}};
  ASSERT_TRUE(scores.add_table(me, id_, body, "nl").is_ok());
  body["scorer"] = "coach";
  EXPECT_EQ(scores.add_table(me, id_, body, "nl").status().code(), Code::kInvalid);
  EXPECT_EQ(scores.add_table(me, other_id_, body, "nl").status().code(), Code::kNotFound);
  auto seen = scores.tables(coach_.principal(), id_);
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_TRUE(seen->front().table.self_entered);
  EXPECT_EQ(seen->front().table.scorer, "jobseeker");
  // The own dossier's parts, not another's, and no professional write.
  EXPECT_EQ(dossiers_->read(me, other_id_).status().code(), Code::kNotFound);
  EXPECT_EQ(dossiers_->update(me, id_, {{"version", 1}, {"first_name", "X"}}).status().code(), Code::kNotFound);

  GoalService goals(store(), *dossiers_);
  int64_t goal =
      goals
          .add_goal(
              coach_.principal(), id_,
              {{"text", "Schulden op een rij"}, {"track", "welfare"}, {"domain", "financial"}, {"horizon", "short"}})
          ->id;
  auto mine = goals.add_action(coach_.principal(), id_, goal,
                               {{"text", "Brieven sorteren"}, {"owner", "jobseeker"}, {"due_on", "2026-12-01"}});
  auto coach_s = goals.add_action(coach_.principal(), id_, goal,
                                  {{"text", "OCMW bellen"}, {"owner", "coach"}, {"due_on", "2026-12-01"}});
  auto done = goals.update_action(me, id_, mine->id, {{"version", mine->version}, {"status", "done"}});
  ASSERT_TRUE(done.is_ok());
  EXPECT_EQ(done->status, "done");
  EXPECT_EQ(goals.update_action(me, id_, coach_s->id, {{"version", 1}, {"status", "done"}}).status().code(),
            Code::kForbidden);
  EXPECT_EQ(goals.update_action(me, id_, mine->id, {{"version", 2}, {"text", "Anders"}}).status().code(),
            Code::kInvalid);
}

TEST_P(PortalServiceTest, MessagesPassBetweenJobseekerAndCoachAndAWithdrawalReachesBoth) {
  Principal me = join().user.principal();
  ASSERT_TRUE(portal_->send(me, id_, {{"text", "Ik kan morgen niet komen"}}).is_ok());
  EXPECT_EQ(portal_->send(me, other_id_, {{"text", "Hallo"}}).status().code(), Code::kNotFound);
  EXPECT_EQ(portal_->messages(other_.principal(), id_).status().code(), Code::kNotFound);
  EXPECT_EQ(portal_->unread(coach_.principal(), id_), 1);
  auto read = portal_->messages(coach_.principal(), id_);
  ASSERT_EQ(read->size(), 1u);
  EXPECT_EQ(read->front().text, "Ik kan morgen niet komen");
  EXPECT_EQ(portal_->unread(coach_.principal(), id_), 0);
  ASSERT_TRUE(portal_->send(coach_.principal(), id_, {{"text", "Geen probleem, tot donderdag"}}).is_ok());
  EXPECT_EQ(portal_->unread(me, id_), 1);

  // A consent withdrawn in "mijn traject": the partner's access ends and
  // the coach hears of it.
  ConsentService consents(store(), *dossiers_);
  auto k =
      consents.record(coach_.principal(), id_,
                      {{"recipient_id", partner_.user.id}, {"purpose", "Schuldhulp"}, {"scope", {"life_history"}}});
  ASSERT_TRUE(k.is_ok());
  ASSERT_TRUE(consents.shared(partner_.principal(), id_).is_ok());
  EXPECT_EQ(consents.withdraw(me, other_id_, k->id).status().code(), Code::kNotFound);
  ASSERT_TRUE(consents.withdraw(me, id_, k->id).is_ok());
  EXPECT_EQ(consents.shared(partner_.principal(), id_).status().code(), Code::kNotFound);
  EXPECT_EQ(portal_->unread(coach_.principal(), id_), 1);
  auto notice = portal_->messages(coach_.principal(), id_)->front();
  EXPECT_EQ(notice.kind, "consent_withdrawn");
  EXPECT_EQ(notice.text, "Test caw.els · Schuldhulp");

  // Who read the dossier: the coach, not the jobseeker themselves.
  auto readers = portal_->readers(me);
  ASSERT_TRUE(readers.is_ok());
  ASSERT_FALSE(readers->empty());
  std::set<std::string> names;
  for (const auto& r : readers.value()) names.insert(r.name);
  // The partner who read the shared part, and the coach; not the jobseeker.
  EXPECT_EQ(names, (std::set<std::string>{"Test caw.els", "Test coach.a"}));
}

TEST_P(PortalServiceTest, TheStoryIsReadOnlyUntilTheCoachOpensAPart) {
  Principal me = join().user.principal();
  InstrumentService instruments(store(), *dossiers_);
  json events = {{"events", {{{"date", "2019"}, {"text", "Verhuisd naar Gent"}, {"tone", "turn"}}}}};
  ASSERT_TRUE(instruments.add(coach_.principal(), id_, "life_events", {{"document", events}}).is_ok());
  EXPECT_TRUE(instruments.versions(me, id_, "life_events").is_ok());  // read-only
  auto added =
      add_to_story("life_events", events, {{"date", "2023-05-01"}, {"text", "Eerste eigen woning"}, {"tone", "up"}});
  ASSERT_TRUE(added.is_ok());
  EXPECT_EQ(instruments.add(me, id_, "life_events", {{"document", added.value()}}).status().code(), Code::kForbidden);

  EXPECT_EQ(portal_->set_opened(other_.principal(), id_, {{"open", {"life_events"}}}).code(), Code::kNotFound);
  EXPECT_EQ(portal_->set_opened(coach_.principal(), id_, {{"open", {"ecogram"}}}).code(), Code::kInvalid);
  ASSERT_TRUE(portal_->set_opened(coach_.principal(), id_, {{"open", {"life_events"}}}).is_ok());
  EXPECT_EQ(portal_->opened(me, id_).value(), std::vector<std::string>{"life_events"});
  ASSERT_TRUE(instruments.add(me, id_, "life_events", {{"document", added.value()}}).is_ok());
  auto versions = instruments.versions(coach_.principal(), id_, "life_events");
  ASSERT_EQ(versions->size(), 2u);  // the coach's version stays
  EXPECT_EQ(versions->back().document["events"].size(), 2u);
  EXPECT_EQ(versions->back().created_by, "Samira");
  // Still only the opened part, and a bad addition is refused whole.
  EXPECT_EQ(instruments.add(me, id_, "balance", {{"document", json::object()}}).status().code(), Code::kForbidden);
  auto bad = add_to_story("life_events", events, {{"date", "gisteren"}, {"text", ""}, {"tone", "up"}});
  EXPECT_EQ(instruments.add(me, id_, "life_events", {{"document", bad.value()}}).status().code(), Code::kInvalid);
  ASSERT_TRUE(portal_->set_opened(coach_.principal(), id_, {{"open", json::array()}}).is_ok());
  EXPECT_EQ(instruments.add(me, id_, "life_events", {{"document", added.value()}}).status().code(), Code::kForbidden);
}

TEST(PortalRules, AnAdditionToTheStoryBuildsOnTheLatestVersion) {
  auto balance = add_to_story("balance", nullptr, {{"kind", "load"}, {"label", "Schulden"}, {"size", "8"}});
  ASSERT_TRUE(balance.is_ok());
  EXPECT_EQ(balance.value()["blocks"][0]["size"], 8);
  EXPECT_FALSE(add_to_story("balance", nullptr, {{"kind", "load"}, {"label", "Schulden"}, {"size", "11"}}).is_ok());
  auto strengths = add_to_story("strengths", {{"domains", {{"work", {{"i_am", "stipt"}}}}}},
                                {{"domain", "health"}, {"i_can", "wandelen"}});
  ASSERT_TRUE(strengths.is_ok());
  EXPECT_EQ(strengths.value()["domains"]["work"]["i_am"], "stipt");
  EXPECT_EQ(strengths.value()["domains"]["health"]["i_can"], "wandelen");
  EXPECT_EQ(add_to_story("ecogram", nullptr, json::object()).status().code(), Code::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Engines, PortalServiceTest, kEngines, engine_name);

// Over HTTP, on SQLite: a coach and Samira's dossier; each test starts its server.
class PortalHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDb::create(Engine::kSqlite);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    dossiers_ = std::make_unique<DossierService>(db_->store());
    id_ = dossiers_
              ->create(coach_.principal(), {{"first_name", "Samira"}, {"last_name", "B"}, {"birth_date", "1990-02-01"}})
              ->id;
  }
  std::unique_ptr<TestDb> db_;
  TestUser coach_;
  std::unique_ptr<DossierService> dossiers_;
  int64_t id_ = 0;
};

// The way in over HTTP: code, PIN, cookies, and the PIN again on the device.
TEST_F(PortalHttp, ACodeAndAPinOpenMijnTrajectOnThisDeviceOnly) {
  auto& db = db_;
  TestUser& coach = coach_;
  DossierService& dossiers = *dossiers_;
  const int64_t id = id_;
  AppOptions options;
  options.secure_cookies = false;
  TestServer server(db->store(), options);
  auto client = server.client();
  auto inv = client.Post(("/api/v1/jobseekers/" + std::to_string(id) + "/portal/invitations").c_str(),
                         bearer(coach.token), R"({"channel":"in_person","consent":true})", "application/json");
  ASSERT_EQ(inv->status, 201) << inv->body;
  std::string code = json::parse(inv->body)["code"];

  auto bad = client.Post("/mijn/start", "code=AAAA-BBBB", "application/x-www-form-urlencoded");
  EXPECT_EQ(bad->status, 422);
  auto joined = client.Post("/mijn/start/secret", "code=" + code + "&secret=493817&secret_repeat=493817",
                            "application/x-www-form-urlencoded");
  ASSERT_EQ(joined->status, 303);
  std::string device, session;
  for (const auto& [k, v] : joined->headers)
    if (k == "Set-Cookie") {
      if (v.starts_with(kDeviceCookie)) device = v.substr(0, v.find(';'));
      if (v.starts_with(kSessionCookie)) session = v.substr(0, v.find(';'));
      if (v.starts_with(kDeviceCookie)) {
        EXPECT_NE(v.find("HttpOnly"), std::string::npos);
        EXPECT_NE(v.find("Path=/mijn"), std::string::npos);
      }
    }
  ASSERT_FALSE(device.empty());
  ASSERT_FALSE(session.empty());
  auto home = client.Get("/mijn", {{"Cookie", session}});
  EXPECT_EQ(home->status, 200);
  EXPECT_NE(home->body.find("Samira"), std::string::npos);
  // The account opens nothing of the professional side, not even the own dossier.
  EXPECT_EQ(client.Get(("/api/v1/jobseekers/" + std::to_string(id)).c_str(), {{"Cookie", session}})->status, 404);
  EXPECT_EQ(client.Get("/caseload", {{"Cookie", session}})->status, 404);
  // A professional does not use the jobseeker's pages.
  EXPECT_EQ(client.Get("/mijn", bearer(coach.token))->status, 403);
  // The signed agreement, printable from the phone; another's is not found.
  GoalService goals(db->store(), dossiers);
  int64_t goal = goals
                     .add_goal(coach.principal(), id,
                               {{"text", "Een vaste job in de zorg"},
                                {"track", "work"},
                                {"domain", "application_assets"},
                                {"horizon", "long"}})
                     ->id;
  auto agreement = goals.draft_agreement(
      coach.principal(), id,
      {{"goal_ids", {goal}}, {"followup", "Om de twee weken"}, {"evaluation_on", add_months(today_utc(), 3)}});
  ASSERT_TRUE(agreement.is_ok()) << agreement.status().message();
  ASSERT_TRUE(goals.sign_agreement(coach.principal(), id, agreement->id, json::object()).is_ok());
  EXPECT_NE(client.Get("/mijn", {{"Cookie", session}})->body.find("/mijn/agreement/" + std::to_string(agreement->id)),
            std::string::npos);
  auto printed = client.Get(("/mijn/agreement/" + std::to_string(agreement->id)).c_str(), {{"Cookie", session}});
  EXPECT_EQ(printed->status, 200);
  EXPECT_NE(printed->body.find("Een vaste job in de zorg"), std::string::npos);
  int64_t other =
      dossiers.create(coach.principal(), {{"first_name", "Jan"}, {"last_name", "C"}, {"birth_date", "1980-02-01"}})->id;
  int64_t other_goal =
      goals
          .add_goal(coach.principal(), other,
                    {{"text", "Iets anders"}, {"track", "work"}, {"domain", "application_assets"}, {"horizon", "long"}})
          ->id;
  auto theirs = goals.draft_agreement(coach.principal(), other, {{"goal_ids", {other_goal}}});
  EXPECT_EQ(client.Get(("/mijn/agreement/" + std::to_string(theirs->id)).c_str(), {{"Cookie", session}})->status, 404);

  // Unlocking: the device and the PIN together; five wrong guesses stop it.
  EXPECT_EQ(
      client.Post("/mijn/login", {{"Cookie", device}}, "secret=493817", "application/x-www-form-urlencoded")->status,
      303);
  EXPECT_EQ(client.Post("/mijn/login", "secret=493817", "application/x-www-form-urlencoded")->status, 401);
  // (The client's address counts the wrong code and the device-less try too.)
  int wrong = 0;
  while (
      wrong < 5 &&
      client.Post("/mijn/login", {{"Cookie", device}}, "secret=000001", "application/x-www-form-urlencoded")->status ==
          401)
    ++wrong;
  EXPECT_EQ(wrong, 3);
  EXPECT_EQ(
      client.Post("/mijn/login", {{"Cookie", device}}, "secret=493817", "application/x-www-form-urlencoded")->status,
      429);
}

// The self-score asks, per item, where the jobseeker stands now and, if they
// want, where they want to get to; both travel along the steps and are kept.
TEST_F(PortalHttp, TheSelfScoreKeepsNowAndWhereTheJobseekerWantsToGet) {
  auto& db = db_;
  TestUser& coach = coach_;
  DossierService& dossiers = *dossiers_;
  const int64_t id = id_;
  TestUser me = add_jobseeker_account(db->store(), id);
  TestServer server(db->store());
  auto client = server.client();
  const auto items = default_score_items("nl");
  const std::string first = items[0].code, second = items[1].code;
  auto step = [&](const std::string& form) {
    return client.Post("/mijn/scores/new", bearer(me.token), form, "application/x-www-form-urlencoded");
  };

  auto page = client.Get("/mijn/scores/new", bearer(me.token));
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("En waar wil je naartoe?"), std::string::npos);
  auto next = step("step=0&now=4&future=8&go=next");
  ASSERT_EQ(next->status, 200);
  EXPECT_NE(next->body.find("name=\"a_" + first + "\" value=\"4\""), std::string::npos) << next->body;
  EXPECT_NE(next->body.find("name=\"f_" + first + "\" value=\"8\""), std::string::npos);
  // Only where they want to get to, for the second item; 11 is refused.
  const std::string carried = "a_" + first + "=4&f_" + first + "=8&";
  EXPECT_EQ(step(carried + "step=1&future=11&go=next")->status, 422);
  auto check = step(carried + "step=1&future=7&go=next");
  EXPECT_NE(check->body.find("name=\"f_" + second + "\" value=\"7\""), std::string::npos);
  EXPECT_EQ(check->body.find("name=\"a_" + second + "\""), std::string::npos);
  auto last = step(carried + "f_" + second + "=7&step=" + std::to_string(items.size()) + "&go=next");
  EXPECT_NE(last->body.find("4 → 8"), std::string::npos);
  auto saved = step(carried + "f_" + second + "=7&step=" + std::to_string(items.size()) + "&go=save");
  ASSERT_EQ(saved->status, 303);

  ScoreService scores(db->store(), dossiers);
  auto tables = scores.tables(coach.principal(), id);
  ASSERT_EQ(tables->size(), 1u);
  const auto& kept = tables->front().table.scores;
  auto score_of = [&](const std::string& code) {
    for (const auto& s : kept)
      if (s.code == code) return s;
    return ItemScore{};
  };
  EXPECT_EQ(score_of(first).now, 4);
  EXPECT_EQ(score_of(first).future, 8);
  EXPECT_FALSE(score_of(second).now.has_value());
  EXPECT_EQ(score_of(second).future, 7);
  EXPECT_FALSE(score_of(items[2].code).future.has_value());
}

}  // namespace
}  // namespace spiraal::testing
