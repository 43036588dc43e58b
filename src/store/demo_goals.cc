#include "store/demo_goals.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/agreement.h"
#include "core/clock.h"
#include "core/goals.h"
#include "core/overleg.h"
#include "core/vocabulary.h"
#include "store/demo_cooperation.h"
#include "store/demo_random.h"

namespace spiraal {
namespace {

using nlohmann::json;
using sql::Param;

constexpr int64_t kBatch = 2000;

struct GoalIdea {
  const char* text;
  const char* track;
  const char* domain;
  const char* horizon;
  const char* actions[2];
};

const GoalIdea kIdeas[] = {
    {"Ik wil mijn schulden op een rij zetten, zodat ik weer rustig kan slapen",
     "welfare",
     "financial",
     "short",
     {"Samen alle brieven van schuldeisers sorteren", "Een afspraak maken bij de schuldbemiddeling"}},
    {"Ik wil elke maand weten wat er binnenkomt en wat er weggaat",
     "welfare",
     "financial",
     "short",
     {"Een budgetschrift bijhouden", "De vaste kosten op een rij zetten"}},
    {"Ik wil een woning waar de kinderen een eigen kamer hebben",
     "welfare",
     "housing",
     "long",
     {"Inschrijven bij de sociale huisvestingsmaatschappij", "Samen zoeken op de private huurmarkt"}},
    {"Ik wil weer beter slapen en minder piekeren",
     "welfare",
     "health",
     "short",
     {"Een afspraak bij de huisarts maken", "Eén keer per week gaan wandelen"}},
    {"Ik wil dat mijn kinderen na school ergens terechtkunnen",
     "welfare",
     "social_relational",
     "short",
     {"Informeren naar de naschoolse opvang in de buurt", "Een aanvraag voor de opvang indienen"}},
    {"Ik wil mensen leren kennen in de buurt",
     "welfare",
     "social_participation",
     "long",
     {"Eens meegaan naar het buurtrestaurant", "Vrijwilligerswerk zoeken"}},
    {"Ik wil een halftijdse job waar ik met mensen werk",
     "work",
     "application_assets",
     "long",
     {"Een cv maken met wat ik als vrijwilliger deed", "Twee vacatures samen bekijken"}},
    {"Ik wil beter Nederlands spreken op het werk",
     "work",
     "language",
     "long",
     {"Inschrijven voor een cursus Nederlands", "Elke week een gesprek oefenen"}},
    {"Ik wil mijn rijbewijs halen zodat ik verder kan werken",
     "work",
     "general_work_skills",
     "long",
     {"Het theorieboek aanvragen", "Informeren naar een premie voor het rijexamen"}},
    {"Ik wil weten welk werk bij mij past",
     "work",
     "work_history",
     "short",
     {"Een dag meelopen in een bedrijf", "Samen mijn vroegere jobs overlopen"}},
};

const char* const kPhasing[] = {
    "Eerst de schulden en de woning, daarna stap voor stap naar werk.",
    "Welzijn en werk naast elkaar: elke maand één stap in elk spoor.",
    "Eerst een opleiding, dan een stage, dan solliciteren.",
};
const char* const kFollowup[] = {"Om de twee weken een gesprek, bij mij thuis of op kantoor.",
                                 "Elke week even bellen, elke maand samen zitten."};
const char* const kOccupations[] = {"Verzorgende",    "Magazijnier", "Poetshulp", "Keukenhulp",
                                    "Winkelbediende", "Schoonmaker", "Chauffeur", "Kinderbegeleider"};
const char* const kServices[] = {"OCMW",         "CAW", "CGG", "Schuldbemiddeling", "Huisvestingsmaatschappij",
                                 "Kind en Gezin"};

const char* const kGoalWhenClosed[] = {"reached", "dropped", "open"};
const char* const kGoalWhileRunning[] = {"open", "reached", "dropped"};
const char* const kActionPast[] = {"done", "doing", "todo"};
const char* const kActionAhead[] = {"todo", "doing"};
const char* const kOverlegStatus[] = {"held", "planned", "requested", "cancelled"};

std::string plus(const std::string& date, int64_t days) { return iso_from_days(*days_from_iso(date) + days); }
std::string at_most(const std::string& date, const std::string& today) { return std::min(date, today); }

struct Person {
  int64_t id;
  int64_t coach;
  std::string coach_name;
  std::string started;  // the trajectory's start (or its last move)
  bool closed;
};

// The goals, their actions and maybe an agreement of one person.
void write_goals(sql::Connection& c, demo::Random& r, const Person& p, const std::string& today, const std::string& now,
                 DemoGoalSummary& sum) {
  json agreed = json::array();
  const int count = 1 + int(r.weighted({30, 40, 20, 10}));
  std::vector<size_t> ideas;
  while (int(ideas.size()) < count) {
    size_t i = r.below(std::size(kIdeas));
    if (std::find(ideas.begin(), ideas.end(), i) == ideas.end()) ideas.push_back(i);
  }
  for (size_t idea : ideas) {
    const GoalIdea& g = kIdeas[idea];
    // The agreement copies each goal with its actions as the service does
    // (core to_json of Goal and GoalAction).
    Goal goal{0, p.id, 1, g.text, g.track, g.domain, g.horizon, {}, {}};
    for (const auto& f : goal_features())
      if (r.chance(0.6)) goal.features.push_back(f);
    goal.status = p.closed ? kGoalWhenClosed[r.weighted({60, 20, 20})] : kGoalWhileRunning[r.weighted({75, 20, 5})];
    goal.id = c.query("INSERT INTO goals (jobseeker_id, version, text, track, domain, horizon, features, status, "
                      "created_by, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      {p.id, goal.text, goal.track, goal.domain, goal.horizon, json(goal.features).dump(), goal.status,
                       p.coach, now, now})
                  .integer(0, 0);
    ++sum.goals;
    json copied = to_json(goal);
    copied["actions"] = json::array();
    const int actions = 1 + int(r.weighted({50, 50}));
    for (int k = 0; k < actions; ++k) {
      GoalAction action;
      action.goal_id = goal.id;
      action.version = 1;
      action.text = g.actions[k];
      action.owner = r.chance(0.6) ? "jobseeker" : "coach";
      action.due_on = plus(p.started, r.between(14, 120));
      action.status = goal.status == "reached"   ? "done"
                      : goal.status == "dropped" ? "dropped"
                      : action.due_on < today    ? kActionPast[r.weighted({60, 25, 15})]
                                                 : kActionAhead[r.weighted({70, 30})];
      action.id = c.query("INSERT INTO goal_actions (goal_id, jobseeker_id, version, text, owner, organisation_id, "
                          "due_on, status, created_by, created_at, updated_at) "
                          "VALUES (?, ?, 1, ?, ?, NULL, ?, ?, ?, ?, ?) RETURNING id",
                          {goal.id, p.id, action.text, action.owner, action.due_on, action.status, p.coach, now, now})
                      .integer(0, 0);
      ++sum.actions;
      copied["actions"].push_back(to_json(action));
    }
    agreed.push_back(std::move(copied));
  }
  if (!r.chance(0.85)) return;
  const std::string drafted = at_most(plus(p.started, r.between(7, 30)), today);
  const bool signed_it = r.chance(0.9);
  json occupations = json::array();
  if (r.chance(0.7)) occupations.push_back(kOccupations[r.below(std::size(kOccupations))]);
  json content = {{"goals", agreed},
                  {"phasing", kPhasing[r.below(std::size(kPhasing))]},
                  {"followup", kFollowup[r.below(std::size(kFollowup))]},
                  {"evaluation_on", plus(drafted, 180)},
                  {"occupations", occupations}};
  const std::string signed_on = at_most(plus(drafted, r.between(0, 7)), today);
  c.query(
      "INSERT INTO agreements (jobseeker_id, version, content, signed_on, "
      "signed_by, signed_at, created_by, "
      "created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
      {p.id, content.dump(), signed_it ? Param(signed_on) : Param(nullptr), signed_it ? Param(p.coach) : Param(nullptr),
       signed_it ? Param(signed_on + "T10:00:00Z") : Param(nullptr), p.coach, drafted + "T10:00:00Z"});
  ++sum.agreements;
}

// A W²-overleg around one person: asked for, planned, held or cancelled.
void write_overleg(sql::Connection& c, demo::Random& r, const Person& p, const std::vector<std::string>& themes,
                   const std::string& today, const std::string& now, DemoGoalSummary& sum) {
  Overleg o;
  o.jobseeker_id = p.id;
  o.version = 1;
  o.status = kOverlegStatus[r.weighted({60, 20, 10, 10})];
  o.requested_by = p.coach_name;
  o.reason = "Verschillende diensten werken rond dezelfde persoon; we stemmen af.";
  o.aim = "Samen met de werkzoekende één plan maken.";
  o.requested_on = at_most(plus(p.started, r.between(20, 200)), today);
  if (o.status != "requested") o.consent_on = o.requested_on;
  if (o.status == "held" || o.status == "planned")
    o.planned_on =
        o.status == "held" ? at_most(plus(o.requested_on, r.between(7, 30)), today) : plus(today, r.between(3, 30));
  o.participants = {{"De werkzoekende", "jobseeker", std::nullopt, o.status == "held" ? "present" : "unknown"},
                    {p.coach_name, "pivot", std::nullopt, o.status == "held" ? "present" : "unknown"}};
  const int services = 1 + int(r.below(3));
  for (int k = 0; k < services; ++k)
    o.participants.push_back({std::string(kServices[r.below(std::size(kServices))]), "support", std::nullopt,
                              o.status == "held" ? (r.chance(0.85) ? "present" : "excused") : "unknown"});
  if (o.status == "held") {
    o.participation = r.chance(0.8) ? "whole" : "part";
    if (o.participation == "part") o.participation_reason = "Ging eerder weg om de kinderen op te halen.";
    for (int k = 0; k < 2 && !themes.empty(); ++k)
      o.themes.push_back({themes[r.below(themes.size())],
                          "Besproken met alle diensten samen.",
                          {{"Elke dienst brengt de eigen afspraken mee naar "
                            "het volgende overleg",
                            p.coach_name, plus(o.planned_on, 30)}}});
    o.followup_on = plus(o.planned_on, r.between(30, 90));
  }
  json doc = to_json(o);
  c.query(
      "INSERT INTO overlegs (jobseeker_id, version, status, planned_on, "
      "document, created_by, created_at, "
      "updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
      {p.id, o.status, o.planned_on.empty() ? Param(nullptr) : Param(o.planned_on), doc.dump(), p.coach, now, now});
  ++sum.overlegs;
}

}  // namespace

Result<DemoGoalSummary> generate_demo_goals(Store& store, uint64_t seed,
                                            const std::function<void(const std::string&)>& progress) {
  DemoGoalSummary sum;
  const std::string today = today_utc();
  const std::string now = now_utc();
  const auto& themes = Vocabulary::get().codes("social_theme");
  demo::Random root(seed ^ 0x474f414c53ull);
  // The first dossiers of the login `coach` get theirs through the services
  // (generate_demo_cooperation): the story the demo walks through.
  std::set<int64_t> curated;
  if (auto coach = store.user_by_username("coach")) {
    auto r = store.pool().acquire()->query(
        "SELECT jobseeker_id FROM assignments WHERE user_id = ? ORDER BY "
        "jobseeker_id LIMIT ?",
        {coach->id, int64_t(kCuratedDossiers)});
    for (size_t i = 0; i < r.size(); ++i) curated.insert(r.integer(i, 0));
  }
  int64_t after = 0;
  try {
    for (;;) {
      auto c = store.pool().acquire();
      // Everyone whose trajectory has started, with the anchor coach.
      auto rows = c->query(
          "SELECT t.jobseeker_id, a.user_id, u.display_name, "
          "COALESCE(NULLIF(t.started_on, ''), t.last_moved_on), "
          "t.state FROM trajectories t JOIN assignments a ON "
          "a.jobseeker_id = t.jobseeker_id AND a.is_anchor = 1 "
          "JOIN users u ON u.id = a.user_id WHERE t.jobseeker_id > ? "
          "ORDER BY t.jobseeker_id LIMIT ?",
          {after, kBatch});
      if (rows.empty()) break;
      sql::in_transaction(*c, [&] {
        for (size_t i = 0; i < rows.size(); ++i) {
          Person p{rows.integer(i, 0), rows.integer(i, 1), rows.text(i, 2), rows.text(i, 3),
                   rows.text(i, 4) == "closed"};
          after = p.id;
          if (!days_from_iso(p.started) || curated.count(p.id)) continue;
          demo::Random r = root.fork(uint64_t(p.id));
          write_goals(*c, r, p, today, now, sum);
          if (r.chance(0.15)) write_overleg(*c, r, p, themes, today, now, sum);
        }
      });
      if (progress) progress("demo goals: up to jobseeker " + std::to_string(after));
    }
  } catch (const std::exception& e) {  // sql::Error: the batch was rolled back
    return Status::internal(std::string("demo goals: ") + e.what());
  }
  return sum;
}

}  // namespace spiraal
