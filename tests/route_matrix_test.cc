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
                                           "admin",     "analyst",        "partner",  "toeleider", "jobseeker"};

// A = allowed, D = refused (401/403/404 or a redirect to log in first),
// P = public whatever the caller (anything but a server error).
const std::map<std::string, std::string> kExpected = {
    {"healthz", "PPPPPPPPP"},
    // Outreach: the toeleider's own register; the coach sees the history
    // through the dossier; the network view is the coordinator's.
    {"api.outreach.list", "DDDDDDDAD"},
    {"api.outreach.create", "DDDDDDDAD"},
    {"api.outreach.teams", "DDDDDDDAD"},
    {"api.outreach.read", "DDDDDDDAD"},
    {"api.outreach.contacts.create", "DDDDDDDAD"},
    {"api.outreach.moves.create", "DDDDDDDAD"},
    {"api.outreach.segment", "DDDDDDDAD"},
    {"api.outreach.handover", "DDDDDDDAD"},
    {"api.outreach.history_consent", "DDDDDDDAD"},
    {"api.outreach.erase", "DDDDDDDAD"},
    {"outreach.list", "DDDDDDDAD"},
    {"outreach.create", "DDDDDDDAD"},
    {"outreach.show", "DDDDDDDAD"},
    {"outreach.contacts.create", "DDDDDDDAD"},
    {"outreach.moves.create", "DDDDDDDAD"},
    {"outreach.segment", "DDDDDDDAD"},
    {"outreach.handover", "DDDDDDDAD"},
    {"outreach.history_consent", "DDDDDDDAD"},
    {"outreach.erase", "DDDDDDDAD"},
    {"api.dossier_outreach.read", "DADADDDDD"},
    {"api.dossier_outreach.consent", "DADDDDDDD"},
    {"dossier_outreach.show", "DADADDDDD"},
    {"dossier_outreach.consent", "DADDDDDDD"},
    {"api.network", "DDDADDDDD"},
    // Monitoring: the analyst's, anonymised; the analyst reaches no dossier route.
    {"api.monitoring", "DDDDDADDD"},
    {"api.monitoring.export", "DDDDDADDD"},
    {"monitoring.show", "DDDDDADDD"},
    // The integrated report: read by those who read the dossier, written by its coach.
    {"api.integrated_report.read", "DADADDDDD"},
    {"api.integrated_report.save", "DADDDDDDD"},
    {"api.integrated_report.finalise", "DADDDDDDD"},
    {"api.integrated_report.final", "DADADDDDD"},
    {"integrated_report.show", "DADADDDDD"},
    {"integrated_report.save", "DADDDDDDD"},
    {"integrated_report.finalise", "DADDDDDDD"},
    {"integrated_report.print", "DADADDDDD"},
    {"network.show", "DDDADDDDD"},
    // Signaalfunctie: flagging is a write to the dossier, the dossier's list
    // a read; the counts and the beleidsnota's are the coordinators'.
    {"api.structural_signals.list", "DADADDDDD"},
    {"api.structural_signals.create", "DADDDDDDD"},
    {"structural_signals.show", "DADADDDDD"},
    {"structural_signals.create", "DADDDDDDD"},
    {"api.structural_signals.counts", "DDDADDDDD"},
    {"api.policy_notes.list", "DDDADDDDD"},
    {"api.policy_notes.create", "DDDADDDDD"},
    {"api.policy_notes.read", "DDDADDDDD"},
    {"api.policy_notes.update", "DDDADDDDD"},
    {"api.policy_notes.finalise", "DDDADDDDD"},
    {"structural_signals.overview", "DDDADDDDD"},
    {"policy_notes.create", "DDDADDDDD"},
    {"policy_notes.show", "DDDADDDDD"},
    {"policy_notes.save", "DDDADDDDD"},
    {"policy_notes.finalise", "DDDADDDDD"},
    // The teamoverzicht: the coordinator of the own team only.
    {"api.dashboard", "DDDADDDDD"},
    {"dashboard.show", "DDDADDDDD"},
    {"home", "PAAAAAAAA"},
    {"login.form", "PPPPPPPPP"},
    {"login.submit", "PPPPPPPPP"},
    {"language", "PPPPPPPPP"},
    {"logout", "DAAAAAAAD"},
    {"caseload", "DAAADDDDD"},
    {"jobseekers.new", "DAAADDDDD"},
    {"jobseekers.create", "DAAADDDDD"},
    {"jobseekers.show", "DADADDDDD"},
    {"jobseekers.history", "DADADDDDD"},
    {"jobseekers.edit", "DADDDDDDD"},
    {"jobseekers.save", "DADDDDDDD"},
    {"contacts.create", "DADDDDDDD"},
    {"referrals", "DAAADDDDD"},
    {"referrals.new", "DAAADDDDD"},
    {"referrals.create", "DAAADDDDD"},
    {"referrals.pick_up", "DADADDDDD"},
    {"knipperlichten.evaluate", "DAAADDDDD"},
    {"selection.show", "DADADDDDD"},
    {"selection.save", "DADDDDDDD"},
    {"selection.decide", "DADDDDDDD"},
    {"trajectory.show", "DADADDDDD"},
    {"trajectory.move", "DADDDDDDD"},
    {"crises.open", "DADDDDDDD"},
    {"crises.end", "DADDDDDDD"},
    {"admin.users", "DDDDADDDD"},
    {"admin.users.create", "DDDDADDDD"},
    {"admin.teams", "DDDDADDDD"},
    {"admin.teams.place", "DDDDADDDD"},
    // The sociale kaart: read by whoever refers or is referred to, kept by
    // coordinators and admins; no dossier, so no relationship.
    {"api.organisations.list", "DAAAADADD"},
    {"api.organisations.create", "DDDAADDDD"},
    {"api.organisations.import", "DDDAADDDD"},
    {"api.organisations.read", "DAAAADADD"},
    {"api.organisations.update", "DDDAADDDD"},
    {"api.organisations.contacts.create", "DDDAADDDD"},
    {"social_map.list", "DAAAADADD"},
    {"social_map.create", "DDDAADDDD"},
    {"social_map.import", "DDDAADDDD"},
    {"social_map.show", "DAAAADADD"},
    {"social_map.save", "DDDAADDDD"},
    {"social_map.contacts.create", "DDDAADDDD"},
    {"api.me", "DAAAAAAAD"},
    {"api.jobseekers.list", "DAAADDDDD"},
    {"api.jobseekers.create", "DAAADDDDD"},
    {"api.jobseekers.read", "DADADDDDD"},
    {"api.jobseekers.update", "DADDDDDDD"},
    {"api.jobseekers.versions", "DADADDDDD"},
    {"api.jobseekers.audit", "DADADDDDD"},
    {"api.sections.list", "DADADDDDD"},
    {"api.sections.read", "DADADDDDD"},
    {"api.sections.update", "DADDDDDDD"},
    {"api.contacts.list", "DADADDDDD"},
    {"api.contacts.create", "DADDDDDDD"},
    {"api.contacts.read", "DADADDDDD"},
    {"api.contacts.update", "DADDDDDDD"},
    {"api.knipperlichten.list", "DAAAAAAAD"},
    {"api.knipperlichten.evaluate", "DAAADDDDD"},
    {"api.referrals.list", "DAAADDDDD"},
    {"api.referrals.create", "DAAADDDDD"},
    {"api.referrals.pick_up", "DADADDDDD"},
    {"api.jobseekers.referrals", "DADADDDDD"},
    {"api.screening.read", "DADADDDDD"},
    {"api.screening.save", "DADDDDDDD"},
    {"api.screening.decide", "DADDDDDDD"},
    {"api.trajectory.read", "DADADDDDD"},
    {"api.trajectory.move", "DADDDDDDD"},
    {"api.crises.open", "DADDDDDDD"},
    {"api.crises.update", "DADDDDDDD"},
    {"api.scores.items", "DADADDDDD"},
    {"api.scores.items.save", "DADDDDDDD"},
    {"api.scores.list", "DADADDDDD"},
    {"api.scores.add", "DADDDDDDD"},
    {"scores.show", "DADADDDDD"},
    {"scores.add", "DADDDDDDD"},
    {"api.instruments.list", "DADADDDDD"},
    {"api.instruments.add", "DADDDDDDD"},
    {"instruments.show", "DADADDDDD"},
    {"instruments.sheet", "DADADDDDD"},
    {"scores.sheet", "DADADDDDD"},
    {"instruments.add", "DADDDDDDD"},
    {"api.consents.list", "DADADDDDD"},
    {"api.consents.create", "DADDDDDDD"},
    {"api.consents.withdraw", "DADDDDDDD"},
    {"api.shared.list", "DDDDDDADD"},
    {"api.shared.read", "DDDDDDADD"},
    {"api.break_glass", "DDDADDDDD"},
    {"consents.show", "DADADDDDD"},
    {"consents.create", "DADDDDDDD"},
    {"consents.withdraw", "DADDDDDDD"},
    {"shared.list", "DDDDDDADD"},
    {"shared.show", "DDDDDDADD"},
    {"break_glass.form", "DDDADDDDD"},
    {"break_glass.open", "DDDADDDDD"},
    {"api.subject.export", "DADADDDDD"},
    {"subject.show", "DADADDDDD"},
    {"api.goals.list", "DADADDDDD"},
    {"api.goals.create", "DADDDDDDD"},
    {"api.goals.update", "DADDDDDDD"},
    {"api.actions.create", "DADDDDDDD"},
    {"api.actions.update", "DADDDDDDD"},
    {"api.followups.list", "DADADDDDD"},
    {"api.followups.create", "DADDDDDDD"},
    {"api.agreements.list", "DADADDDDD"},
    {"api.agreements.draft", "DADDDDDDD"},
    {"api.agreements.sign", "DADDDDDDD"},
    {"goals.show", "DADADDDDD"},
    {"goals.create", "DADDDDDDD"},
    {"actions.create", "DADDDDDDD"},
    {"actions.update", "DADDDDDDD"},
    {"followups.create", "DADDDDDDD"},
    {"agreements.show", "DADADDDDD"},
    {"agreements.draft", "DADDDDDDD"},
    {"agreements.sign", "DADDDDDDD"},
    {"agreements.print", "DADADDDDD"},
    {"api.overlegs.list", "DADADDDDD"},
    {"api.overlegs.request", "DADDDDDDD"},
    {"api.overlegs.consent", "DADDDDDDD"},
    {"api.overlegs.withdraw", "DADDDDDDD"},
    {"api.overlegs.plan", "DADDDDDDD"},
    {"api.overlegs.report", "DADDDDDDD"},
    {"overlegs.show", "DADADDDDD"},
    {"overlegs.request", "DADDDDDDD"},
    {"overlegs.detail", "DADADDDDD"},
    {"overlegs.print", "DADADDDDD"},
    {"overlegs.consent", "DADDDDDDD"},
    {"overlegs.withdraw", "DADDDDDDD"},
    {"overlegs.plan", "DADDDDDDD"},
    {"overlegs.report", "DADDDDDDD"},
    {"api.social_links.list", "DADADDDDD"},
    {"api.social_links.create", "DADDDDDDD"},
    {"api.social_links.remove", "DADDDDDDD"},
    {"social_links.show", "DADADDDDD"},
    {"social_links.create", "DADDDDDDD"},
    {"social_links.remove", "DADDDDDDD"},
    {"api.shared.actions.update", "DDDDDDADD"},
    {"shared.actions.update", "DDDDDDADD"},
    // The road to work: work records read by the dossier's readers, written by its coaches.
    {"api.key_competences", "DAAAAAAAD"},
    {"api.competences", "DADADDDDD"},
    {"api.aftercare", "DADADDDDD"},
    {"competences.show", "DADADDDDD"},
    {"job_targets.show", "DADADDDDD"},
    {"applications.show", "DADADDDDD"},
    {"work_starts.show", "DADADDDDD"},
    {"business_card.print", "DADADDDDD"},
    {"emergency_card.print", "DADADDDDD"},
    {"employer_sheet.print", "DADADDDDD"},
    {"api.situation.list", "DADADDDDD"},
    {"api.situation.create", "DADDDDDDD"},
    {"situation.create", "DADDDDDDD"},
    {"api.situation.update", "DADDDDDDD"},
    {"situation.update", "DADDDDDDD"},
    {"api.competence_decision.list", "DADADDDDD"},
    {"api.competence_decision.create", "DADDDDDDD"},
    {"competence_decision.create", "DADDDDDDD"},
    {"api.competence_decision.update", "DADDDDDDD"},
    {"competence_decision.update", "DADDDDDDD"},
    {"api.work_experience.list", "DADADDDDD"},
    {"api.work_experience.create", "DADDDDDDD"},
    {"work_experience.create", "DADDDDDDD"},
    {"api.work_experience.update", "DADDDDDDD"},
    {"work_experience.update", "DADDDDDDD"},
    {"api.business_card.list", "DADADDDDD"},
    {"api.business_card.save", "DADDDDDDD"},
    {"business_card.save", "DADDDDDDD"},
    {"api.work_profile.list", "DADADDDDD"},
    {"api.work_profile.save", "DADDDDDDD"},
    {"work_profile.save", "DADDDDDDD"},
    {"api.job_target.list", "DADADDDDD"},
    {"api.job_target.create", "DADDDDDDD"},
    {"job_target.create", "DADDDDDDD"},
    {"api.job_target.update", "DADDDDDDD"},
    {"job_target.update", "DADDDDDDD"},
    {"api.placement.list", "DADADDDDD"},
    {"api.placement.create", "DADDDDDDD"},
    {"placement.create", "DADDDDDDD"},
    {"api.placement.update", "DADDDDDDD"},
    {"placement.update", "DADDDDDDD"},
    {"api.application.list", "DADADDDDD"},
    {"api.application.create", "DADDDDDDD"},
    {"application.create", "DADDDDDDD"},
    {"api.application.update", "DADDDDDDD"},
    {"application.update", "DADDDDDDD"},
    {"api.work_start.list", "DADADDDDD"},
    {"api.work_start.create", "DADDDDDDD"},
    {"work_start.create", "DADDDDDDD"},
    {"api.work_start.update", "DADDDDDDD"},
    {"work_start.update", "DADDDDDDD"},
    {"api.aftercare_contact.list", "DADADDDDD"},
    {"api.aftercare_contact.create", "DADDDDDDD"},
    {"aftercare_contact.create", "DADDDDDDD"},
    {"api.aftercare_contact.update", "DADDDDDDD"},
    {"aftercare_contact.update", "DADDDDDDD"},
    {"api.absence_signal.list", "DADADDDDD"},
    {"api.absence_signal.create", "DADDDDDDD"},
    {"absence_signal.create", "DADDDDDDD"},
    {"api.absence_signal.update", "DADDDDDDD"},
    {"absence_signal.update", "DADDDDDDD"},
    {"api.disclosure.list", "DADADDDDD"},
    {"api.disclosure.create", "DADDDDDDD"},
    {"disclosure.create", "DADDDDDDD"},
    {"api.disclosure.update", "DADDDDDDD"},
    {"disclosure.update", "DADDDDDDD"},
    {"api.sustainability_check.list", "DADADDDDD"},
    {"api.sustainability_check.update", "DADDDDDDD"},
    {"sustainability_check.update", "DADDDDDDD"},
    // Catalogues and measures: reference data for those who guide, kept by coordinators and admins.
    {"api.occupations.list", "DAAAADDDD"},
    {"api.occupations.put", "DDDAADDDD"},
    {"api.occupations.import", "DDDAADDDD"},
    {"api.vacancies.list", "DAAAADDDD"},
    {"api.vacancies.put", "DDDAADDDD"},
    {"api.vacancies.import", "DDDAADDDD"},
    {"api.trainings.list", "DAAAADDDD"},
    {"api.trainings.put", "DDDAADDDD"},
    {"api.trainings.import", "DDDAADDDD"},
    {"api.measures.get", "DAAAADDDD"},
    {"api.measures.replace", "DDDAADDDD"},
    {"api.measures.proposals", "DAAAADDDD"},
    {"catalogues.show", "DAAAADDDD"},
    {"catalogues.import", "DDDAADDDD"},
    {"measures.show", "DAAAADDDD"},
    {"measures.import", "DDDAADDDD"},
    {"api.matches", "DADADDDDD"},
    {"matches.show", "DADADDDDD"},
    {"api.vacancies.candidates", "DAAADDDDD"},
    {"vacancies.candidates", "DAAADDDDD"},
    {"api.users.list", "DDDDADDDD"},
    {"api.users.create", "DDDDADDDD"},
    // Parallel tracks and the MDO: dossier operations (read and write).
    {"api.tracks.list", "DADADDDDD"},
    {"api.tracks.create", "DADDDDDDD"},
    {"api.tracks.update", "DADDDDDDD"},
    {"tracks.show", "DADADDDDD"},
    {"tracks.create", "DADDDDDDD"},
    {"tracks.update", "DADDDDDDD"},
    {"api.mdos.list", "DADADDDDD"},
    {"api.mdos.plan", "DADDDDDDD"},
    {"api.mdos.consent", "DADDDDDDD"},
    {"api.mdos.withdraw", "DADDDDDDD"},
    {"api.mdos.interval", "DADDDDDDD"},
    {"api.mdos.report", "DADDDDDDD"},
    {"mdos.plan", "DADDDDDDD"},
    {"mdos.consent", "DADDDDDDD"},
    {"mdos.withdraw", "DADDDDDDD"},
    {"mdos.interval", "DADDDDDDD"},
    {"mdos.detail", "DADADDDDD"},
    {"mdos.report", "DADDDDDDD"},
    // The person's voice: feedback is given through the assigned coach; a
    // request for another counsellor is recorded by the coach or the team's
    // coordinator and answered by the coordinator only.
    {"api.feedback.list", "DADADDDDD"},
    {"api.feedback.create", "DADDDDDDD"},
    {"feedback.show", "DADADDDDD"},
    {"feedback.create", "DADDDDDDD"},
    {"api.counsellor_requests.list", "DADADDDDD"},
    {"api.counsellor_requests.create", "DADADDDDD"},
    {"api.counsellor_requests.answer", "DDDADDDDD"},
    {"api.counsellor_requests.queue", "DDDADDDDD"},
    {"counsellor_requests.show", "DADADDDDD"},
    {"counsellor_requests.create", "DADADDDDD"},
    {"counsellor_requests.answer", "DDDADDDDD"},
    {"counsellor_requests.queue", "DDDADDDDD"},
    // Groepswerking: the coaches and coordinators of the group's team
    // (Team Noord); the list and a new group for every coach or coordinator
    // (their own team's); passing a theme is a write to the dossier.
    {"api.groups.list", "DAAADDDDD"},
    {"api.groups.create", "DAAADDDDD"},
    {"api.groups.read", "DADADDDDD"},
    {"api.groups.update", "DADADDDDD"},
    {"api.groups.members.list", "DADADDDDD"},
    {"api.groups.members.create", "DADADDDDD"},
    {"api.groups.sessions.list", "DADADDDDD"},
    {"api.groups.sessions.create", "DADADDDDD"},
    {"api.groups.sessions.update", "DADADDDDD"},
    {"api.groups.themes.list", "DADADDDDD"},
    {"api.groups.themes.update", "DADADDDDD"},
    {"api.group_themes.pass", "DADDDDDDD"},
    {"groups.list", "DAAADDDDD"},
    {"groups.create", "DAAADDDDD"},
    {"groups.show", "DADADDDDD"},
    {"groups.save", "DADADDDDD"},
    {"groups.members.create", "DADADDDDD"},
    {"groups.sessions.create", "DADADDDDD"},
    {"groups.sessions.save", "DADADDDDD"},
    {"groups.themes.update", "DADADDDDD"},
    {"group_themes.new", "DADDDDDDD"},
    {"group_themes.pass", "DADDDDDDD"},
    // "Mijn traject": the jobseeker's own pages (their own dossier only) and
    // the way in; the assigned coach invites, revokes devices and writes.
    {"portal.start", "PPPPPPPPP"},
    {"portal.start.check", "PPPPPPPPP"},
    {"portal.start.redeem", "PPPPPPPPP"},
    {"portal.login", "PPPPPPPPP"},
    {"portal.unlock", "PPPPPPPPP"},
    {"portal.home", "DDDDDDDDA"},
    {"portal.action.done", "DDDDDDDDA"},
    {"portal.agreement", "DDDDDDDDA"},
    {"portal.scores", "DDDDDDDDA"},
    {"portal.scores.new", "DDDDDDDDA"},
    {"portal.scores.step", "DDDDDDDDA"},
    {"portal.story", "DDDDDDDDA"},
    {"portal.story.add", "DDDDDDDDA"},
    {"portal_admin.story", "DADDDDDDD"},
    {"api.portal.story", "DADDDDDDD"},
    {"portal.messages", "DDDDDDDDA"},
    {"portal.messages.send", "DDDDDDDDA"},
    {"portal.data", "DDDDDDDDA"},
    {"portal.consent.withdraw", "DDDDDDDDA"},
    {"portal.data.download", "DDDDDDDDA"},
    {"portal.logout", "DDDDDDDDA"},
    {"api.portal.invite", "DADDDDDDD"},
    {"api.portal.account", "DADDDDDDD"},
    {"api.portal.revoke", "DADDDDDDD"},
    {"api.messages.list", "DADDDDDDD"},
    {"api.messages.send", "DADDDDDDD"},
    {"portal_admin.show", "DADDDDDDD"},
    {"portal_admin.invite", "DADDDDDDD"},
    {"portal_admin.revoke", "DADDDDDDD"},
    {"portal_admin.message", "DADDDDDDD"},
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
  // The jobseeker's own pages name no dossier: their one id is the record.
  if (pattern.starts_with("/mijn/")) jobseeker = contact;
  pattern = std::regex_replace(pattern, std::regex(R"(\(nl\|en\|fr\))"), "en");
  pattern = std::regex_replace(pattern, std::regex(R"(\(life_events\|balance\|strengths\))"), "life_events");
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
    users_["jobseeker"] = add_jobseeker_account(s, jobseeker_);
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
    second_ids_["mijn/agreement"] = second_ids_["agreements"];
    // The jobseeker's own action, which "mijn traject" marks done.
    second_ids_["mijn/actions"] = {
        goals.add_action(owner, jobseeker_, goal, {{"text", "Brieven sorteren"}, {"owner", "jobseeker"}, {"due_on", "2026-12-01"}})->id};
    // A device of the jobseeker's account, which the coach revokes.
    s.pool().acquire()->query(
        "INSERT INTO portal_devices (jobseeker_id, user_id, token_hash, label, created_at, last_used_at) "
        "VALUES (?, ?, 'x', 'Android', '', '')",
        {jobseeker_, users_["jobseeker"].user.id});
    second_ids_["devices"] = {s.pool().acquire()->query("SELECT MAX(id) FROM portal_devices").integer(0, 0)};
    // The life-event line is open for the jobseeker to add to.
    s.pool().acquire()->query(
        "INSERT INTO portal_openings (jobseeker_id, instrument, opened_by, opened_at) VALUES (?, 'life_events', ?, '')",
        {jobseeker_, users_["coach_assigned"].user.id});
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
      const std::string location = r->get_header_value("Location");
      bool refused = r->status == 401 || r->status == 403 || r->status == 404 ||
                     (r->status == 303 && location.starts_with("/login?next=")) ||
                     (r->status == 303 && location == "/mijn/login" && kCallers[i] == "anonymous");
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
