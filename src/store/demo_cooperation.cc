#include "store/demo_cooperation.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "store/consent_service.h"
#include "store/goal_service.h"

namespace spiraal {

using nlohmann::json;

namespace {

struct DemoGoal {
  const char* text;
  const char* track;
  const char* domain;
  const char* horizon;
  const char* action;
  const char* owner;
};

const DemoGoal kGoals[] = {
    {"Ik wil mijn schulden op een rij zetten, zodat ik weer rustig kan slapen", "welfare", "financial", "short",
     "Samen alle brieven van schuldeisers sorteren", "coach"},
    {"Ik wil een halftijdse job waar ik met mensen werk", "work", "application_assets", "long",
     "Een cv maken met wat ik als vrijwilliger deed", "jobseeker"},
    {"Ik wil dat mijn kinderen na school ergens terechtkunnen", "welfare", "social_relational", "short",
     "Informeren naar de naschoolse opvang in de buurt", "jobseeker"},
};

}  // namespace

Result<DemoCooperationSummary> generate_demo_cooperation(Store& store, int dossiers) {
  auto coach = store.user_by_username("coach");
  auto partner = store.user_by_username("partner");
  if (!coach || !partner) return DemoCooperationSummary{};
  std::vector<int64_t> ids;
  {
    auto r = store.pool().acquire()->query(
        "SELECT jobseeker_id FROM assignments WHERE user_id = ? ORDER BY jobseeker_id LIMIT ?",
        {coach->id, int64_t(dossiers)});
    for (size_t i = 0; i < r.size(); ++i) ids.push_back(r.integer(i, 0));
  }
  DossierService dossier_service(store);
  GoalService goals(store, dossier_service);
  // The demo partner works for the first service of the social map, which
  // owns one action in each of these dossiers.
  auto organisations = goals.organisations();
  std::optional<int64_t> service;
  if (!organisations.empty()) {
    service = organisations.front()["id"].get<int64_t>();
    if (auto s = goals.link_partner(partner->id, organisations.front()["name"]); !s.is_ok()) return s;
  }
  ConsentService consents(store, dossier_service);
  const Principal p = coach->principal();
  const std::string today = today_utc();
  DemoCooperationSummary s;
  for (size_t n = 0; n < ids.size(); ++n) {
    const int64_t id = ids[n];
    json chosen = json::array();
    for (size_t k = 0; k < 2; ++k) {
      const DemoGoal& d = kGoals[(n + k) % std::size(kGoals)];
      auto g = goals.add_goal(p, id, {{"text", d.text}, {"track", d.track}, {"domain", d.domain}, {"horizon", d.horizon},
                                      {"features", {"small", "concrete", "positive", "own_words"}}});
      if (!g.is_ok()) return g.status();
      ++s.goals;
      chosen.push_back(g->id);
      auto a = goals.add_action(p, id, g->id, {{"text", d.action}, {"owner", d.owner}, {"due_on", add_months(today, 1)}});
      if (!a.is_ok()) return a.status();
      ++s.actions;
      if (service && k == 0) {
        auto shared = goals.add_action(p, id, g->id, {{"text", "Een gesprek over een afbetalingsplan"}, {"owner", "partner"},
                                                      {"organisation_id", *service}, {"due_on", add_months(today, 1)}});
        if (!shared.is_ok()) return shared.status();
        ++s.actions;
      }
    }
    auto followup = goals.add_followup(p, id, {{"improved", "Ze heeft zelf de huisbaas gebeld en een afspraak gemaakt."},
                               {"actions_review", "De brieven zijn gesorteerd; het cv is half klaar."}});
    if (!followup.is_ok()) return followup.status();
    auto a = goals.draft_agreement(p, id, {{"goal_ids", chosen},
                                           {"phasing", "Eerst rust in de financiën, dan stap voor stap naar werk."},
                                           {"followup", "Om de twee weken, bij ons op kantoor of thuis"},
                                           {"evaluation_on", add_months(today, 3)},
                                           {"occupations", {"Onthaalmedewerker", "Winkelbediende"}}});
    if (!a.is_ok()) return a.status();
    ++s.agreements;
    if (n % 2 == 0) {  // half of them signed already, the others still a draft
      auto signed_version = goals.sign_agreement(p, id, a->id, {{"signed_on", today}});
      if (!signed_version.is_ok()) return signed_version.status();
    }
    auto k = consents.record(p, id, {{"recipient_id", partner->id},
                                     {"purpose", "Samen zoeken naar een oplossing voor de schulden (W²-overleg)"},
                                     {"scope", {"life_history", "welfare", "own_actions"}}});
    if (!k.is_ok()) return k.status();
    ++s.consents;
  }
  return s;
}

}  // namespace spiraal
