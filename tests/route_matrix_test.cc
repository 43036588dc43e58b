// Every route × every role and relationship to a dossier, against the table
// below. A route without an entry fails the test, so a new route cannot
// ship without a decision about who may use it.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "store/consent_service.h"
#include "store/goal_service.h"
#include "store/group_service.h"
#include "store/overleg_service.h"
#include "store/social_link_service.h"
#include "store/trajectory_service.h"
#include "store/catalogue_service.h"
#include "store/work_service.h"
#include "store/integrated_report_service.h"
#include "store/mdo_service.h"
#include "store/track_service.h"
#include "store/voice_service.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

// Callers, in the column order of the expectations.
const std::vector<std::string> kCallers = {"anonymous", "coach_assigned", "coach_other_team", "coordinator_same_team",
                                           "admin",     "analyst",        "partner",  "toeleider"};

// A = allowed, D = refused (401/403/404 or a redirect to log in first),
// P = public whatever the caller (anything but a server error).
const std::map<std::string, std::string> kExpected = {
    {"healthz", "PPPPPPPP"},
    // Outreach: the toeleider's own register; the coach sees the history
    // through the dossier; the network view is the coordinator's.
    {"api.outreach.list", "DDDDDDDA"},
    {"api.outreach.create", "DDDDDDDA"},
    {"api.outreach.teams", "DDDDDDDA"},
    {"api.outreach.read", "DDDDDDDA"},
    {"api.outreach.contacts.create", "DDDDDDDA"},
    {"api.outreach.moves.create", "DDDDDDDA"},
    {"api.outreach.segment", "DDDDDDDA"},
    {"api.outreach.handover", "DDDDDDDA"},
    {"api.outreach.history_consent", "DDDDDDDA"},
    {"api.outreach.erase", "DDDDDDDA"},
    {"outreach.list", "DDDDDDDA"},
    {"outreach.create", "DDDDDDDA"},
    {"outreach.show", "DDDDDDDA"},
    {"outreach.contacts.create", "DDDDDDDA"},
    {"outreach.moves.create", "DDDDDDDA"},
    {"outreach.segment", "DDDDDDDA"},
    {"outreach.handover", "DDDDDDDA"},
    {"outreach.history_consent", "DDDDDDDA"},
    {"outreach.erase", "DDDDDDDA"},
    {"api.dossier_outreach.read", "DADADDDD"},
    {"api.dossier_outreach.consent", "DADDDDDD"},
    {"dossier_outreach.show", "DADADDDD"},
    {"dossier_outreach.consent", "DADDDDDD"},
    {"api.network", "DDDADDDD"},
    // Monitoring: the analyst's, anonymised; the analyst reaches no dossier route.
    {"api.monitoring", "DDDDDADD"},
    {"api.monitoring.export", "DDDDDADD"},
    {"monitoring.show", "DDDDDADD"},
    // The integrated report: read by those who read the dossier, written by its coach.
    {"api.integrated_report.read", "DADADDDD"},
    {"api.integrated_report.save", "DADDDDDD"},
    {"api.integrated_report.finalise", "DADDDDDD"},
    {"api.integrated_report.final", "DADADDDD"},
    {"integrated_report.show", "DADADDDD"},
    {"integrated_report.save", "DADDDDDD"},
    {"integrated_report.finalise", "DADDDDDD"},
    {"integrated_report.print", "DADADDDD"},
    {"network.show", "DDDADDDD"},
    // Signaalfunctie: flagging is a write to the dossier, the dossier's list
    // a read; the counts and the beleidsnota's are the coordinators'.
    {"api.structural_signals.list", "DADADDDD"},
    {"api.structural_signals.create", "DADDDDDD"},
    {"structural_signals.show", "DADADDDD"},
    {"structural_signals.create", "DADDDDDD"},
    {"api.structural_signals.counts", "DDDADDDD"},
    {"api.policy_notes.list", "DDDADDDD"},
    {"api.policy_notes.create", "DDDADDDD"},
    {"api.policy_notes.read", "DDDADDDD"},
    {"api.policy_notes.update", "DDDADDDD"},
    {"api.policy_notes.finalise", "DDDADDDD"},
    {"structural_signals.overview", "DDDADDDD"},
    {"policy_notes.create", "DDDADDDD"},
    {"policy_notes.show", "DDDADDDD"},
    {"policy_notes.save", "DDDADDDD"},
    {"policy_notes.finalise", "DDDADDDD"},
    // The teamoverzicht: the coordinator of the own team only.
    {"api.dashboard", "DDDADDDD"},
    {"dashboard.show", "DDDADDDD"},
    {"home", "PAAAAAAA"},
    {"login.form", "PPPPPPPP"},
    {"login.submit", "PPPPPPPP"},
    {"language", "PPPPPPPP"},
    {"logout", "DAAAAAAA"},
    {"caseload", "DAAADDDD"},
    {"jobseekers.new", "DAAADDDD"},
    {"jobseekers.create", "DAAADDDD"},
    {"jobseekers.show", "DADADDDD"},
    {"jobseekers.history", "DADADDDD"},
    {"jobseekers.edit", "DADDDDDD"},
    {"jobseekers.save", "DADDDDDD"},
    {"contacts.create", "DADDDDDD"},
    {"referrals", "DAAADDDD"},
    {"referrals.new", "DAAADDDD"},
    {"referrals.create", "DAAADDDD"},
    {"referrals.pick_up", "DADADDDD"},
    {"knipperlichten.evaluate", "DAAADDDD"},
    {"selection.show", "DADADDDD"},
    {"selection.save", "DADDDDDD"},
    {"selection.decide", "DADDDDDD"},
    {"trajectory.show", "DADADDDD"},
    {"trajectory.move", "DADDDDDD"},
    {"crises.open", "DADDDDDD"},
    {"crises.end", "DADDDDDD"},
    {"admin.users", "DDDDADDD"},
    {"admin.users.create", "DDDDADDD"},
    // The sociale kaart: read by whoever refers or is referred to, kept by
    // coordinators and admins; no dossier, so no relationship.
    {"api.organisations.list", "DAAAADAD"},
    {"api.organisations.create", "DDDAADDD"},
    {"api.organisations.import", "DDDAADDD"},
    {"api.organisations.read", "DAAAADAD"},
    {"api.organisations.update", "DDDAADDD"},
    {"api.organisations.contacts.create", "DDDAADDD"},
    {"social_map.list", "DAAAADAD"},
    {"social_map.create", "DDDAADDD"},
    {"social_map.import", "DDDAADDD"},
    {"social_map.show", "DAAAADAD"},
    {"social_map.save", "DDDAADDD"},
    {"social_map.contacts.create", "DDDAADDD"},
    {"api.me", "DAAAAAAA"},
    {"api.jobseekers.list", "DAAADDDD"},
    {"api.jobseekers.create", "DAAADDDD"},
    {"api.jobseekers.read", "DADADDDD"},
    {"api.jobseekers.update", "DADDDDDD"},
    {"api.jobseekers.versions", "DADADDDD"},
    {"api.jobseekers.audit", "DADADDDD"},
    {"api.sections.list", "DADADDDD"},
    {"api.sections.read", "DADADDDD"},
    {"api.sections.update", "DADDDDDD"},
    {"api.contacts.list", "DADADDDD"},
    {"api.contacts.create", "DADDDDDD"},
    {"api.contacts.read", "DADADDDD"},
    {"api.contacts.update", "DADDDDDD"},
    {"api.knipperlichten.list", "DAAAAAAA"},
    {"api.knipperlichten.evaluate", "DAAADDDD"},
    {"api.referrals.list", "DAAADDDD"},
    {"api.referrals.create", "DAAADDDD"},
    {"api.referrals.pick_up", "DADADDDD"},
    {"api.jobseekers.referrals", "DADADDDD"},
    {"api.screening.read", "DADADDDD"},
    {"api.screening.save", "DADDDDDD"},
    {"api.screening.decide", "DADDDDDD"},
    {"api.trajectory.read", "DADADDDD"},
    {"api.trajectory.move", "DADDDDDD"},
    {"api.crises.open", "DADDDDDD"},
    {"api.crises.update", "DADDDDDD"},
    {"api.scores.items", "DADADDDD"},
    {"api.scores.items.save", "DADDDDDD"},
    {"api.scores.list", "DADADDDD"},
    {"api.scores.add", "DADDDDDD"},
    {"scores.show", "DADADDDD"},
    {"scores.add", "DADDDDDD"},
    {"api.instruments.list", "DADADDDD"},
    {"api.instruments.add", "DADDDDDD"},
    {"instruments.show", "DADADDDD"},
    {"instruments.sheet", "DADADDDD"},
    {"scores.sheet", "DADADDDD"},
    {"instruments.add", "DADDDDDD"},
    {"api.consents.list", "DADADDDD"},
    {"api.consents.create", "DADDDDDD"},
    {"api.consents.withdraw", "DADDDDDD"},
    {"api.shared.list", "DDDDDDAD"},
    {"api.shared.read", "DDDDDDAD"},
    {"api.break_glass", "DDDADDDD"},
    {"consents.show", "DADADDDD"},
    {"consents.create", "DADDDDDD"},
    {"consents.withdraw", "DADDDDDD"},
    {"shared.list", "DDDDDDAD"},
    {"shared.show", "DDDDDDAD"},
    {"break_glass.form", "DDDADDDD"},
    {"break_glass.open", "DDDADDDD"},
    {"api.subject.export", "DADADDDD"},
    {"subject.show", "DADADDDD"},
    {"api.goals.list", "DADADDDD"},
    {"api.goals.create", "DADDDDDD"},
    {"api.goals.update", "DADDDDDD"},
    {"api.actions.create", "DADDDDDD"},
    {"api.actions.update", "DADDDDDD"},
    {"api.followups.list", "DADADDDD"},
    {"api.followups.create", "DADDDDDD"},
    {"api.agreements.list", "DADADDDD"},
    {"api.agreements.draft", "DADDDDDD"},
    {"api.agreements.sign", "DADDDDDD"},
    {"goals.show", "DADADDDD"},
    {"goals.create", "DADDDDDD"},
    {"actions.create", "DADDDDDD"},
    {"actions.update", "DADDDDDD"},
    {"followups.create", "DADDDDDD"},
    {"agreements.show", "DADADDDD"},
    {"agreements.draft", "DADDDDDD"},
    {"agreements.sign", "DADDDDDD"},
    {"agreements.print", "DADADDDD"},
    {"api.overlegs.list", "DADADDDD"},
    {"api.overlegs.request", "DADDDDDD"},
    {"api.overlegs.consent", "DADDDDDD"},
    {"api.overlegs.withdraw", "DADDDDDD"},
    {"api.overlegs.plan", "DADDDDDD"},
    {"api.overlegs.report", "DADDDDDD"},
    {"overlegs.show", "DADADDDD"},
    {"overlegs.request", "DADDDDDD"},
    {"overlegs.detail", "DADADDDD"},
    {"overlegs.print", "DADADDDD"},
    {"overlegs.consent", "DADDDDDD"},
    {"overlegs.withdraw", "DADDDDDD"},
    {"overlegs.plan", "DADDDDDD"},
    {"overlegs.report", "DADDDDDD"},
    {"api.social_links.list", "DADADDDD"},
    {"api.social_links.create", "DADDDDDD"},
    {"api.social_links.remove", "DADDDDDD"},
    {"social_links.show", "DADADDDD"},
    {"social_links.create", "DADDDDDD"},
    {"social_links.remove", "DADDDDDD"},
    {"api.shared.actions.update", "DDDDDDAD"},
    {"shared.actions.update", "DDDDDDAD"},
    // The road to work: work records read by the dossier's readers, written by its coaches.
    {"api.key_competences", "DAAAAAAA"},
    {"api.competences", "DADADDDD"},
    {"api.aftercare", "DADADDDD"},
    {"competences.show", "DADADDDD"},
    {"job_targets.show", "DADADDDD"},
    {"applications.show", "DADADDDD"},
    {"work_starts.show", "DADADDDD"},
    {"business_card.print", "DADADDDD"},
    {"emergency_card.print", "DADADDDD"},
    {"employer_sheet.print", "DADADDDD"},
    {"api.situation.list", "DADADDDD"},
    {"api.situation.create", "DADDDDDD"},
    {"situation.create", "DADDDDDD"},
    {"api.situation.update", "DADDDDDD"},
    {"situation.update", "DADDDDDD"},
    {"api.competence_decision.list", "DADADDDD"},
    {"api.competence_decision.create", "DADDDDDD"},
    {"competence_decision.create", "DADDDDDD"},
    {"api.competence_decision.update", "DADDDDDD"},
    {"competence_decision.update", "DADDDDDD"},
    {"api.work_experience.list", "DADADDDD"},
    {"api.work_experience.create", "DADDDDDD"},
    {"work_experience.create", "DADDDDDD"},
    {"api.work_experience.update", "DADDDDDD"},
    {"work_experience.update", "DADDDDDD"},
    {"api.business_card.list", "DADADDDD"},
    {"api.business_card.save", "DADDDDDD"},
    {"business_card.save", "DADDDDDD"},
    {"api.work_profile.list", "DADADDDD"},
    {"api.work_profile.save", "DADDDDDD"},
    {"work_profile.save", "DADDDDDD"},
    {"api.job_target.list", "DADADDDD"},
    {"api.job_target.create", "DADDDDDD"},
    {"job_target.create", "DADDDDDD"},
    {"api.job_target.update", "DADDDDDD"},
    {"job_target.update", "DADDDDDD"},
    {"api.placement.list", "DADADDDD"},
    {"api.placement.create", "DADDDDDD"},
    {"placement.create", "DADDDDDD"},
    {"api.placement.update", "DADDDDDD"},
    {"placement.update", "DADDDDDD"},
    {"api.application.list", "DADADDDD"},
    {"api.application.create", "DADDDDDD"},
    {"application.create", "DADDDDDD"},
    {"api.application.update", "DADDDDDD"},
    {"application.update", "DADDDDDD"},
    {"api.work_start.list", "DADADDDD"},
    {"api.work_start.create", "DADDDDDD"},
    {"work_start.create", "DADDDDDD"},
    {"api.work_start.update", "DADDDDDD"},
    {"work_start.update", "DADDDDDD"},
    {"api.aftercare_contact.list", "DADADDDD"},
    {"api.aftercare_contact.create", "DADDDDDD"},
    {"aftercare_contact.create", "DADDDDDD"},
    {"api.aftercare_contact.update", "DADDDDDD"},
    {"aftercare_contact.update", "DADDDDDD"},
    {"api.absence_signal.list", "DADADDDD"},
    {"api.absence_signal.create", "DADDDDDD"},
    {"absence_signal.create", "DADDDDDD"},
    {"api.absence_signal.update", "DADDDDDD"},
    {"absence_signal.update", "DADDDDDD"},
    {"api.disclosure.list", "DADADDDD"},
    {"api.disclosure.create", "DADDDDDD"},
    {"disclosure.create", "DADDDDDD"},
    {"api.disclosure.update", "DADDDDDD"},
    {"disclosure.update", "DADDDDDD"},
    {"api.sustainability_check.list", "DADADDDD"},
    {"api.sustainability_check.update", "DADDDDDD"},
    {"sustainability_check.update", "DADDDDDD"},
    // Catalogues and measures: reference data for those who guide, kept by coordinators and admins.
    {"api.occupations.list", "DAAAADDD"},
    {"api.occupations.put", "DDDAADDD"},
    {"api.occupations.import", "DDDAADDD"},
    {"api.vacancies.list", "DAAAADDD"},
    {"api.vacancies.put", "DDDAADDD"},
    {"api.vacancies.import", "DDDAADDD"},
    {"api.trainings.list", "DAAAADDD"},
    {"api.trainings.put", "DDDAADDD"},
    {"api.trainings.import", "DDDAADDD"},
    {"api.measures.get", "DAAAADDD"},
    {"api.measures.replace", "DDDAADDD"},
    {"api.measures.proposals", "DAAAADDD"},
    {"catalogues.show", "DAAAADDD"},
    {"catalogues.import", "DDDAADDD"},
    {"measures.show", "DAAAADDD"},
    {"measures.import", "DDDAADDD"},
    {"api.matches", "DADADDDD"},
    {"matches.show", "DADADDDD"},
    {"api.vacancies.candidates", "DAAADDDD"},
    {"vacancies.candidates", "DAAADDDD"},
    {"api.users.list", "DDDDADDD"},
    {"api.users.create", "DDDDADDD"},
    // Parallel tracks and the MDO: dossier operations (read and write).
    {"api.tracks.list", "DADADDDD"},
    {"api.tracks.create", "DADDDDDD"},
    {"api.tracks.update", "DADDDDDD"},
    {"tracks.show", "DADADDDD"},
    {"tracks.create", "DADDDDDD"},
    {"tracks.update", "DADDDDDD"},
    {"api.mdos.list", "DADADDDD"},
    {"api.mdos.plan", "DADDDDDD"},
    {"api.mdos.consent", "DADDDDDD"},
    {"api.mdos.withdraw", "DADDDDDD"},
    {"api.mdos.interval", "DADDDDDD"},
    {"api.mdos.report", "DADDDDDD"},
    {"mdos.plan", "DADDDDDD"},
    {"mdos.consent", "DADDDDDD"},
    {"mdos.withdraw", "DADDDDDD"},
    {"mdos.interval", "DADDDDDD"},
    {"mdos.detail", "DADADDDD"},
    {"mdos.report", "DADDDDDD"},
    // The person's voice: feedback is given through the assigned coach; a
    // request for another counsellor is recorded by the coach or the team's
    // coordinator and answered by the coordinator only.
    {"api.feedback.list", "DADADDDD"},
    {"api.feedback.create", "DADDDDDD"},
    {"feedback.show", "DADADDDD"},
    {"feedback.create", "DADDDDDD"},
    {"api.counsellor_requests.list", "DADADDDD"},
    {"api.counsellor_requests.create", "DADADDDD"},
    {"api.counsellor_requests.answer", "DDDADDDD"},
    {"api.counsellor_requests.queue", "DDDADDDD"},
    {"counsellor_requests.show", "DADADDDD"},
    {"counsellor_requests.create", "DADADDDD"},
    {"counsellor_requests.answer", "DDDADDDD"},
    {"counsellor_requests.queue", "DDDADDDD"},
    // Groepswerking: the coaches and coordinators of the group's team
    // (Team Noord); the list and a new group for every coach or coordinator
    // (their own team's); passing a theme is a write to the dossier.
    {"api.groups.list", "DAAADDDD"},
    {"api.groups.create", "DAAADDDD"},
    {"api.groups.read", "DADADDDD"},
    {"api.groups.update", "DADADDDD"},
    {"api.groups.members.list", "DADADDDD"},
    {"api.groups.members.create", "DADADDDD"},
    {"api.groups.sessions.list", "DADADDDD"},
    {"api.groups.sessions.create", "DADADDDD"},
    {"api.groups.sessions.update", "DADADDDD"},
    {"api.groups.themes.list", "DADADDDD"},
    {"api.groups.themes.update", "DADADDDD"},
    {"api.group_themes.pass", "DADDDDDD"},
    {"groups.list", "DAAADDDD"},
    {"groups.create", "DAAADDDD"},
    {"groups.show", "DADADDDD"},
    {"groups.save", "DADADDDD"},
    {"groups.members.create", "DADADDDD"},
    {"groups.sessions.create", "DADADDDD"},
    {"groups.sessions.save", "DADADDDD"},
    {"groups.themes.update", "DADADDDD"},
    {"group_themes.new", "DADDDDDD"},
    {"group_themes.pass", "DADDDDDD"},
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
  pattern = std::regex_replace(pattern, std::regex(R"(\(nl\|en\|fr\))"), "en");
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
    users_["toeleider"] = add_user(s, "toeleider", Role::kToeleider, "");
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
    // A finalised integrated report (the print and API routes name it).
    IntegratedReportService reports(s, service);
    nlohmann::json sections = nlohmann::json::object();
    for (const auto& name : integrated_report_sections()) sections[name] = "Tekst";
    reports.save(owner, jobseeker_, {{"version", 0}, {"sections", sections}});
    int64_t report = reports.finalise(owner, jobseeker_, {{"version", 1}})->id;
    second_ids_["integrated-report"] = {report};
    second_ids_["integrated-reports"] = {report};
    // The toeleider's register holds a person with the dossier's id (the
    // outreach routes take the first id of a path), handed over into it.
    s.pool().acquire()->query(
        "INSERT INTO outreach_people (id, toeleider_id, phase, channel, first_contact_on, jobseeker_id, version, content, "
        "created_at, updated_at) VALUES (?, ?, 'handover', 'word_of_mouth', '2026-01-01', ?, 1, ?, '', '')",
        {jobseeker_, users_["toeleider"].user.id, jobseeker_, s.cipher().seal(R"({"name":"Zon","consent_on":"2026-01-01"})")});
    TrackService tracks(s, service);
    second_ids_["tracks"] = {
        tracks.add(owner, jobseeker_, {{"kind", "welfare"}, {"worker_name", "Els (CAW)"}, {"aim", "Schulden op een rij"}})->id};
    MdoService mdos(s, service, tracks);
    mdos.plan_step(owner, jobseeker_, "consent", {{"version", 0}});
    second_ids_["mdos"] = {mdos.plan(owner, jobseeker_, {{"planned_on", add_months(today_utc(), 1)}})->id};
    second_ids_["counsellor-requests"] = {VoiceService(s, service).ask(owner, jobseeker_, {{"reason", "Klikt niet"}})->id};
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
    // A beleidsnota with the dossier's id (the first id of its paths).
    s.pool().acquire()->query(
        "INSERT INTO policy_notes (id, title, summary, content, status, version, created_at, updated_at) "
        "VALUES (?, 'Opvang', 'Te weinig opvang', '{\"counts\":[],\"descriptions\":[]}', 'draft', 1, '', '')",
        {jobseeker_});
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
