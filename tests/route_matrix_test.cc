// Every route × every role and relationship to a dossier, against the table
// below. A route without an entry fails the test, so a new route cannot
// ship without a decision about who may use it.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include <nlohmann/json.hpp>

#include "store/consent_service.h"
#include "store/goal_service.h"
#include "store/group_service.h"
#include "store/overleg_service.h"
#include "store/social_link_service.h"
#include "store/trajectory_service.h"
#include "store/catalogue_service.h"
#include "store/work_service.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

// Callers, in the column order of the expectations.
const std::vector<std::string> kCallers = {"anonymous", "coach_assigned", "coach_other_team", "coordinator_same_team",
                                           "admin",     "analyst",        "partner"};

// A = allowed, D = refused (401/403/404 or a redirect to log in first),
// P = public whatever the caller (anything but a server error).
const std::map<std::string, std::string> kExpected = {
    {"healthz", "PPPPPPP"},
    {"home", "PAAAAAA"},
    {"login.form", "PPPPPPP"},
    {"login.submit", "PPPPPPP"},
    {"language", "PPPPPPP"},
    {"logout", "DAAAAAA"},
    {"caseload", "DAAADDD"},
    {"jobseekers.new", "DAAADDD"},
    {"jobseekers.create", "DAAADDD"},
    {"jobseekers.show", "DADADDD"},
    {"jobseekers.history", "DADADDD"},
    {"jobseekers.edit", "DADDDDD"},
    {"jobseekers.save", "DADDDDD"},
    {"contacts.create", "DADDDDD"},
    {"referrals", "DAAADDD"},
    {"referrals.new", "DAAADDD"},
    {"referrals.create", "DAAADDD"},
    {"referrals.pick_up", "DADADDD"},
    {"knipperlichten.evaluate", "DAAADDD"},
    {"selection.show", "DADADDD"},
    {"selection.save", "DADDDDD"},
    {"selection.decide", "DADDDDD"},
    {"trajectory.show", "DADADDD"},
    {"trajectory.move", "DADDDDD"},
    {"crises.open", "DADDDDD"},
    {"crises.end", "DADDDDD"},
    {"admin.users", "DDDDADD"},
    {"admin.users.create", "DDDDADD"},
    // The sociale kaart: read by whoever refers or is referred to, kept by
    // coordinators and admins; no dossier, so no relationship.
    {"api.organisations.list", "DAAAADA"},
    {"api.organisations.create", "DDDAADD"},
    {"api.organisations.import", "DDDAADD"},
    {"api.organisations.read", "DAAAADA"},
    {"api.organisations.update", "DDDAADD"},
    {"api.organisations.contacts.create", "DDDAADD"},
    {"social_map.list", "DAAAADA"},
    {"social_map.create", "DDDAADD"},
    {"social_map.import", "DDDAADD"},
    {"social_map.show", "DAAAADA"},
    {"social_map.save", "DDDAADD"},
    {"social_map.contacts.create", "DDDAADD"},
    {"api.me", "DAAAAAA"},
    {"api.jobseekers.list", "DAAADDD"},
    {"api.jobseekers.create", "DAAADDD"},
    {"api.jobseekers.read", "DADADDD"},
    {"api.jobseekers.update", "DADDDDD"},
    {"api.jobseekers.versions", "DADADDD"},
    {"api.jobseekers.audit", "DADADDD"},
    {"api.sections.list", "DADADDD"},
    {"api.sections.read", "DADADDD"},
    {"api.sections.update", "DADDDDD"},
    {"api.contacts.list", "DADADDD"},
    {"api.contacts.create", "DADDDDD"},
    {"api.contacts.read", "DADADDD"},
    {"api.contacts.update", "DADDDDD"},
    {"api.knipperlichten.list", "DAAAAAA"},
    {"api.knipperlichten.evaluate", "DAAADDD"},
    {"api.referrals.list", "DAAADDD"},
    {"api.referrals.create", "DAAADDD"},
    {"api.referrals.pick_up", "DADADDD"},
    {"api.jobseekers.referrals", "DADADDD"},
    {"api.screening.read", "DADADDD"},
    {"api.screening.save", "DADDDDD"},
    {"api.screening.decide", "DADDDDD"},
    {"api.trajectory.read", "DADADDD"},
    {"api.trajectory.move", "DADDDDD"},
    {"api.crises.open", "DADDDDD"},
    {"api.crises.update", "DADDDDD"},
    {"api.scores.items", "DADADDD"},
    {"api.scores.items.save", "DADDDDD"},
    {"api.scores.list", "DADADDD"},
    {"api.scores.add", "DADDDDD"},
    {"scores.show", "DADADDD"},
    {"scores.add", "DADDDDD"},
    {"api.instruments.list", "DADADDD"},
    {"api.instruments.add", "DADDDDD"},
    {"instruments.show", "DADADDD"},
    {"instruments.sheet", "DADADDD"},
    {"scores.sheet", "DADADDD"},
    {"instruments.add", "DADDDDD"},
    {"api.consents.list", "DADADDD"},
    {"api.consents.create", "DADDDDD"},
    {"api.consents.withdraw", "DADDDDD"},
    {"api.shared.list", "DDDDDDA"},
    {"api.shared.read", "DDDDDDA"},
    {"api.break_glass", "DDDADDD"},
    {"consents.show", "DADADDD"},
    {"consents.create", "DADDDDD"},
    {"consents.withdraw", "DADDDDD"},
    {"shared.list", "DDDDDDA"},
    {"shared.show", "DDDDDDA"},
    {"break_glass.form", "DDDADDD"},
    {"break_glass.open", "DDDADDD"},
    {"api.subject.export", "DADADDD"},
    {"subject.show", "DADADDD"},
    {"api.goals.list", "DADADDD"},
    {"api.goals.create", "DADDDDD"},
    {"api.goals.update", "DADDDDD"},
    {"api.actions.create", "DADDDDD"},
    {"api.actions.update", "DADDDDD"},
    {"api.followups.list", "DADADDD"},
    {"api.followups.create", "DADDDDD"},
    {"api.agreements.list", "DADADDD"},
    {"api.agreements.draft", "DADDDDD"},
    {"api.agreements.sign", "DADDDDD"},
    {"goals.show", "DADADDD"},
    {"goals.create", "DADDDDD"},
    {"actions.create", "DADDDDD"},
    {"actions.update", "DADDDDD"},
    {"followups.create", "DADDDDD"},
    {"agreements.show", "DADADDD"},
    {"agreements.draft", "DADDDDD"},
    {"agreements.sign", "DADDDDD"},
    {"agreements.print", "DADADDD"},
    {"api.overlegs.list", "DADADDD"},
    {"api.overlegs.request", "DADDDDD"},
    {"api.overlegs.consent", "DADDDDD"},
    {"api.overlegs.withdraw", "DADDDDD"},
    {"api.overlegs.plan", "DADDDDD"},
    {"api.overlegs.report", "DADDDDD"},
    {"overlegs.show", "DADADDD"},
    {"overlegs.request", "DADDDDD"},
    {"overlegs.detail", "DADADDD"},
    {"overlegs.print", "DADADDD"},
    {"overlegs.consent", "DADDDDD"},
    {"overlegs.withdraw", "DADDDDD"},
    {"overlegs.plan", "DADDDDD"},
    {"overlegs.report", "DADDDDD"},
    {"api.social_links.list", "DADADDD"},
    {"api.social_links.create", "DADDDDD"},
    {"api.social_links.remove", "DADDDDD"},
    {"social_links.show", "DADADDD"},
    {"social_links.create", "DADDDDD"},
    {"social_links.remove", "DADDDDD"},
    {"api.shared.actions.update", "DDDDDDA"},
    {"shared.actions.update", "DDDDDDA"},
    // The road to work: work records read by the dossier's readers, written by its coaches.
    {"api.key_competences", "DAAAAAA"},
    {"api.competences", "DADADDD"},
    {"api.aftercare", "DADADDD"},
    {"competences.show", "DADADDD"},
    {"job_targets.show", "DADADDD"},
    {"applications.show", "DADADDD"},
    {"work_starts.show", "DADADDD"},
    {"business_card.print", "DADADDD"},
    {"emergency_card.print", "DADADDD"},
    {"employer_sheet.print", "DADADDD"},
    {"api.situation.list", "DADADDD"},
    {"api.situation.create", "DADDDDD"},
    {"situation.create", "DADDDDD"},
    {"api.situation.update", "DADDDDD"},
    {"situation.update", "DADDDDD"},
    {"api.competence_decision.list", "DADADDD"},
    {"api.competence_decision.create", "DADDDDD"},
    {"competence_decision.create", "DADDDDD"},
    {"api.competence_decision.update", "DADDDDD"},
    {"competence_decision.update", "DADDDDD"},
    {"api.work_experience.list", "DADADDD"},
    {"api.work_experience.create", "DADDDDD"},
    {"work_experience.create", "DADDDDD"},
    {"api.work_experience.update", "DADDDDD"},
    {"work_experience.update", "DADDDDD"},
    {"api.business_card.list", "DADADDD"},
    {"api.business_card.save", "DADDDDD"},
    {"business_card.save", "DADDDDD"},
    {"api.work_profile.list", "DADADDD"},
    {"api.work_profile.save", "DADDDDD"},
    {"work_profile.save", "DADDDDD"},
    {"api.job_target.list", "DADADDD"},
    {"api.job_target.create", "DADDDDD"},
    {"job_target.create", "DADDDDD"},
    {"api.job_target.update", "DADDDDD"},
    {"job_target.update", "DADDDDD"},
    {"api.placement.list", "DADADDD"},
    {"api.placement.create", "DADDDDD"},
    {"placement.create", "DADDDDD"},
    {"api.placement.update", "DADDDDD"},
    {"placement.update", "DADDDDD"},
    {"api.application.list", "DADADDD"},
    {"api.application.create", "DADDDDD"},
    {"application.create", "DADDDDD"},
    {"api.application.update", "DADDDDD"},
    {"application.update", "DADDDDD"},
    {"api.work_start.list", "DADADDD"},
    {"api.work_start.create", "DADDDDD"},
    {"work_start.create", "DADDDDD"},
    {"api.work_start.update", "DADDDDD"},
    {"work_start.update", "DADDDDD"},
    {"api.aftercare_contact.list", "DADADDD"},
    {"api.aftercare_contact.create", "DADDDDD"},
    {"aftercare_contact.create", "DADDDDD"},
    {"api.aftercare_contact.update", "DADDDDD"},
    {"aftercare_contact.update", "DADDDDD"},
    {"api.absence_signal.list", "DADADDD"},
    {"api.absence_signal.create", "DADDDDD"},
    {"absence_signal.create", "DADDDDD"},
    {"api.absence_signal.update", "DADDDDD"},
    {"absence_signal.update", "DADDDDD"},
    {"api.disclosure.list", "DADADDD"},
    {"api.disclosure.create", "DADDDDD"},
    {"disclosure.create", "DADDDDD"},
    {"api.disclosure.update", "DADDDDD"},
    {"disclosure.update", "DADDDDD"},
    {"api.sustainability_check.list", "DADADDD"},
    {"api.sustainability_check.update", "DADDDDD"},
    {"sustainability_check.update", "DADDDDD"},
    // Catalogues and measures: reference data for those who guide, kept by coordinators and admins.
    {"api.occupations.list", "DAAAADD"},
    {"api.occupations.put", "DDDAADD"},
    {"api.occupations.import", "DDDAADD"},
    {"api.vacancies.list", "DAAAADD"},
    {"api.vacancies.put", "DDDAADD"},
    {"api.vacancies.import", "DDDAADD"},
    {"api.trainings.list", "DAAAADD"},
    {"api.trainings.put", "DDDAADD"},
    {"api.trainings.import", "DDDAADD"},
    {"api.measures.get", "DAAAADD"},
    {"api.measures.replace", "DDDAADD"},
    {"api.measures.proposals", "DAAAADD"},
    {"catalogues.show", "DAAAADD"},
    {"catalogues.import", "DDDAADD"},
    {"measures.show", "DAAAADD"},
    {"measures.import", "DDDAADD"},
    {"api.matches", "DADADDD"},
    {"matches.show", "DADADDD"},
    {"api.vacancies.candidates", "DAAADDD"},
    {"vacancies.candidates", "DAAADDD"},
    // Groepswerking: the coaches and coordinators of the group's team
    // (Team Noord); the list and a new group for every coach or coordinator
    // (their own team's); passing a theme is a write to the dossier.
    {"api.groups.list", "DAAADDD"},
    {"api.groups.create", "DAAADDD"},
    {"api.groups.read", "DADADDD"},
    {"api.groups.update", "DADADDD"},
    {"api.groups.members.list", "DADADDD"},
    {"api.groups.members.create", "DADADDD"},
    {"api.groups.sessions.list", "DADADDD"},
    {"api.groups.sessions.create", "DADADDD"},
    {"api.groups.sessions.update", "DADADDD"},
    {"api.groups.themes.list", "DADADDD"},
    {"api.groups.themes.update", "DADADDD"},
    {"api.group_themes.pass", "DADDDDD"},
    {"groups.list", "DAAADDD"},
    {"groups.create", "DAAADDD"},
    {"groups.show", "DADADDD"},
    {"groups.save", "DADADDD"},
    {"groups.members.create", "DADADDD"},
    {"groups.sessions.create", "DADADDD"},
    {"groups.sessions.save", "DADADDD"},
    {"groups.themes.update", "DADADDD"},
    {"group_themes.new", "DADDDDD"},
    {"group_themes.pass", "DADDDDD"},
    {"api.users.list", "DDDDADD"},
    {"api.users.create", "DDDDADD"},
};

// A concrete path for a route pattern: the dossier, then the record the
// second id names (a contact unless `second` maps the segment before it,
// e.g. "/consents/" to a consent id); a referral's own id for /referrals/.
// A segment mapped to several ids hands them out in turn, for routes that
// use their record up (removing it).
std::string concrete(std::string pattern, int64_t jobseeker, int64_t contact, int64_t referral,
                     std::map<std::string, std::vector<int64_t>>& second) {
  if (pattern.find("/referrals/(") != std::string::npos) jobseeker = referral;
  for (auto& [segment, ids] : second)
    if (pattern.find("/" + segment + "/(") != std::string::npos) {
      contact = ids.front();
      if (ids.size() > 1 && pattern.find("/remove") != std::string::npos) ids.erase(ids.begin());
    }
  pattern = std::regex_replace(pattern, std::regex(R"(\(nl\|en\))"), "en");
  const char* name = pattern.find("/instruments/") != std::string::npos ? "ecogram" : "welfare";
  pattern = std::regex_replace(pattern, std::regex(R"(\(\[a-z_\]\+\))"), name);
  std::string ids[] = {std::to_string(jobseeker), std::to_string(contact)};
  for (const auto& id : ids) {
    auto pos = pattern.find(R"((\d+))");
    if (pos != std::string::npos) pattern.replace(pos, 5, id);
  }
  return pattern;
}

class RouteMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDb::create(Engine::kSqlite);
    Store& s = db_->store();
    users_["coach_assigned"] = add_user(s, "coach.a", Role::kCoach, "Team Noord");
    users_["coach_other_team"] = add_user(s, "coach.b", Role::kCoach, "Team Zuid");
    users_["coordinator_same_team"] = add_user(s, "coord", Role::kCoordinator, "Team Noord");
    users_["admin"] = add_user(s, "admin", Role::kAdmin, "");
    users_["analyst"] = add_user(s, "analyst", Role::kAnalyst, "Team Noord");
    users_["partner"] = add_user(s, "partner", Role::kPartner, "Team Noord");
    DossierService service(s);
    auto owner = users_["coach_assigned"].principal();
    jobseeker_ = service.create(owner, {{"first_name", "Ann"}, {"last_name", "P"}, {"birth_date", "1985-01-01"}})->id;
    // The sociale kaart's routes take the first id of a path: an organisation
    // with the dossier's id.
    SocialMapService(s).create(users_["admin"].principal(), {{"name", "CAW Gent"}});
    s.pool().acquire()->query("UPDATE organisations SET id = ?", {jobseeker_});
    contact_ = service
                   .add_contact(owner, jobseeker_,
                                {{"date", "2026-01-01"}, {"kind", "phone"}, {"status", "held"}, {"initiative", "coach"}})
                   ->id;
    TrajectoryService trajectories(s, service);
    TrajectoryService(s, service).save_screening(owner, jobseeker_, {{"indicators", {"single"}}});
    // A waiting referral of Team Noord (the assigned coach's team, not theirs).
    referral_ = trajectories
                    .refer(owner, {{"first_name", "Bo"},
                                   {"last_name", "Q"},
                                   {"birth_date", "1990-01-01"},
                                   {"referrer_kind", "ocmw"},
                                   {"referrer_organisation", "OCMW Gent"},
                                   {"referred_on", "2026-01-01"},
                                   {"reason", "Vraagt hulp"},
                                   {"warm_handover", false}})
                    ->id;
    // The partner reads the life history only, by the jobseeker's consent.
    ConsentService consents(s, service);
    second_ids_["consents"] = { consents
                   .record(owner, jobseeker_,
                           {{"recipient_id", users_["partner"].user.id}, {"purpose", "W²-overleg"}, {"scope", {"life_history"}}})
                   ->id};
    // A second consent keeps the partner's access after the matrix withdraws the first.
    consents.record(owner, jobseeker_, {{"recipient_id", users_["partner"].user.id}, {"purpose", "Opvolging"}, {"scope", {"welfare", "own_actions"}}});
    GoalService goals(s, service);
    int64_t goal = goals.add_goal(owner, jobseeker_, {{"text", "Schulden op een rij"}, {"track", "welfare"},
                                                      {"domain", "financial"}, {"horizon", "short"}})->id;
    second_ids_["goals"] = {goal};
    second_ids_["actions"] = {
        goals.add_action(owner, jobseeker_, goal, {{"text", "Bellen"}, {"owner", "coach"}, {"due_on", "2026-12-01"}})->id};
    second_ids_["agreements"] = { goals.draft_agreement(owner, jobseeker_, {{"goal_ids", {goal}}})->id};
    int64_t organisation = s.pool()
                               .acquire()
                               ->query("INSERT INTO organisations (name, name_key, address, phone, email, website, "
                                       "opening_hours, target_group, themes, version, created_at, updated_at) VALUES "
                                       "('CAW Test', 'caw test', '', '', '', '', '', '', '[]', 1, '', '') RETURNING id")
                               .integer(0, 0);
    // The partner works for that organisation, which owns one action.
    goals.link_partner(users_["partner"].user.id, "CAW Test");
    second_ids_["shared/actions"] = {goals
                                         .add_action(owner, jobseeker_, goal,
                                                     {{"text", "Budgetbeheer"}, {"owner", "partner"},
                                                      {"organisation_id", organisation}, {"due_on", "2026-12-01"}})
                                         ->id};
    SocialLinkService links(s, service);
    for (int i = 0; i < 2; ++i)  // the API and the page each remove one
      second_ids_["social-links"].push_back(
          links.add(owner, jobseeker_, {{"domain", "financial"}, {"organisation_id", organisation},
                                        {"question_kind", "advice"}, {"smart", "Budgetbegeleiding"}})
              ->id);
    second_ids_["overlegs"] = { OverlegService(s, service)
                                  .request(owner, jobseeker_, {{"requested_by", "An (VDAB)"}, {"reason", "Schulden en werk"}, {"aim", "Afstemmen"}})
                                  ->id};
    WorkService work(s, service);
    work.save_single(owner, jobseeker_, *find_work_record_kind("business_card"), {{"key", {"perseverance"}}});
    second_ids_["work-starts"] = {work.add(owner, jobseeker_, *find_work_record_kind("work_start"),
                                           {{"kind", "work"}, {"organisation", "Bakkerij Noord"}, {"job_title", "Verkoper"},
                                            {"contract", "permanent"}, {"starts_on", "2026-01-05"}})
                                      ->id};
    second_ids_["vacancies"] = {CatalogueService(s)
                                    .put(users_["admin"].principal(), "vacancies",
                                         {{"employer", "Bakkerij Noord"}, {"title", "Verkoper"},
                                          {"core_tasks", {{{"text", "Klanten helpen"}, {"competences", {"contact_skills"}}}}},
                                          {"hours_per_week", 30}, {"schedule", "day"}, {"place", "Gent"},
                                          {"contract", "permanent"}})
                                    ->at("id")
                                    .get<int64_t>()};
    // A group of Team Noord with the dossier's id (the first id of its
    // paths), a member, a session and a passed theme.
    GroupService groups(s, service);
    int64_t group = groups.create(owner, {{"name", "Gekwetst binnenste"}, {"group_kind", "inner_wound"},
                                          {"lead_user_id", users_["coach_assigned"].user.id},
                                          {"starts_on", "2026-01-05"}})->id;
    s.pool().acquire()->query("UPDATE groups SET id = ? WHERE id = ?", {jobseeker_, group});
    int64_t member = groups.add_member(owner, jobseeker_, {{"member_role", "participant"}, {"name", "Samira"}})->id;
    second_ids_["sessions"] = {groups.add_session(owner, jobseeker_, {{"session_on", "2026-01-12"},
                                                                      {"attendance", {{{"member_id", member},
                                                                                       {"attendance", "present"}}}}})
                                   ->id};
    second_ids_["themes"] = {groups.pass_theme(owner, jobseeker_, {{"group_id", jobseeker_}, {"theme", "Schulden"}})->id};
    server_ = std::make_unique<TestServer>(s);
  }

  std::unique_ptr<TestDb> db_;
  std::map<std::string, TestUser> users_;
  int64_t jobseeker_ = 0, contact_ = 0, referral_ = 0;
  std::map<std::string, std::vector<int64_t>> second_ids_;  // path segment -> ids of the records it names
  std::unique_ptr<TestServer> server_;
};

TEST_F(RouteMatrixTest, EveryRouteHasAnEntryAndEveryEntryARoute) {
  std::set<std::string> names;
  for (const auto& r : server_->app().routes()) {
    names.insert(r.name);
    EXPECT_TRUE(kExpected.count(r.name)) << "route " << r.name << " (" << r.method << " " << r.pattern
                                         << ") has no entry in the access matrix";
  }
  for (const auto& [name, _] : kExpected) EXPECT_TRUE(names.count(name)) << "matrix entry " << name << " has no route";
}

TEST_F(RouteMatrixTest, EveryRoleAndRelationship_GetsWhatTheMatrixSays) {
  auto client = server_->client();
  for (const auto& route : server_->app().routes()) {
    auto expected = kExpected.find(route.name);
    if (expected == kExpected.end()) continue;  // reported by the test above
    std::string path = concrete(route.pattern, jobseeker_, contact_, referral_, second_ids_);
    bool api = path.starts_with("/api/");
    for (size_t i = 0; i < kCallers.size(); ++i) {
      httplib::Headers headers;
      if (kCallers[i] != "anonymous") headers = bearer(users_[kCallers[i]].token);
      std::string body = api ? "{}" : "";
      std::string type = api ? "application/json" : "application/x-www-form-urlencoded";
      httplib::Result r = route.method == "GET"     ? client.Get(path.c_str(), headers)
                          : route.method == "POST"  ? client.Post(path.c_str(), headers, body, type.c_str())
                          : route.method == "PATCH" ? client.Patch(path.c_str(), headers, body, type.c_str())
                                                    : client.Put(path.c_str(), headers, body, type.c_str());
      ASSERT_TRUE(r) << route.name;
      bool refused = r->status == 401 || r->status == 403 || r->status == 404 ||
                     (r->status == 303 && r->get_header_value("Location").starts_with("/login?next="));
      char want = expected->second[i];
      std::string where = route.method + " " + path + " as " + kCallers[i] + " -> " + std::to_string(r->status);
      EXPECT_LT(r->status, 500) << where;
      if (want == 'A') {
        EXPECT_FALSE(refused) << where;
      } else if (want == 'D') {
        EXPECT_TRUE(refused) << where;
      }
    }
  }
}

}  // namespace
}  // namespace spiraal::testing
