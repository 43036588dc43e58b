#include "store/demo_signals.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "store/demo_random.h"
#include "store/structural_signal_service.h"

namespace spiraal {

using nlohmann::json;

namespace {

struct DemoSignal {
  const char* category;
  const char* description;  // in general terms, as a coach would write it
  double weight;            // how often coaches meet it (childcare, income and mobility most)
};

// After the thresholds of seed 000 ch. 4 and the context conditions of seed 002.
const DemoSignal kSignals[] = {
    {"childcare", "Geen kinderopvang voor vroege of late shiften; de job valt daardoor af.", 3},
    {"childcare", "Wachtlijst voor de kinderopvang langer dan de proefperiode van de job.", 2},
    {"unemployment_trap", "Deeltijds werk levert netto minder op dan de uitkering met toeslagen.", 3},
    {"mobility", "Geen openbaar vervoer naar het industrieterrein voor de vroege ploeg.", 3},
    {"debt_rules", "Loonbeslag laat na de schuldregeling te weinig over om werken te laten lonen.", 2},
    {"housing", "Wachtlijst voor sociale huisvesting; dakloosheid maakt werk zoeken onhaalbaar.", 2},
    {"foreign_diploma", "Het buitenlandse diploma wordt niet gelijkgesteld; de procedure duurt maanden.", 1},
    {"competence_recognition", "Ervaring als vrijwilliger telt niet mee bij de selectie.", 1},
    {"discrimination", "Kandidaten met een hoofddoek worden na het eerste gesprek niet teruggebeld.", 1},
    {"no_reasonable_accommodation", "De werkgever weigert aangepaste uren voor een chronische ziekte.", 1},
    {"inflexible_labour_market", "Enkel voltijdse contracten aangeboden in de sector.", 1},
    {"job_complexity", "Instapjobs vragen steeds meer taken tegelijk en digitale vaardigheden.", 1},
    {"education", "Geen opleiding in de buurt die een taalcursus combineert met een vak.", 1},
};

}  // namespace

Result<DemoSignalSummary> generate_demo_signals(Store& store, uint64_t seed) {
  DossierService dossiers(store);
  StructuralSignalService signals(store, dossiers);
  DemoSignalSummary s;
  demo::Random random(seed ^ 0x5167ull);
  std::vector<double> weights;
  for (const auto& d : kSignals) weights.push_back(d.weight);
  auto leads = store.pool().acquire()->query(
      "SELECT u.team_id, MIN(u.id) FROM users u WHERE u.role = 'coach' AND u.active = 1 AND u.team_id IS NOT NULL "
      "AND EXISTS (SELECT 1 FROM assignments a WHERE a.user_id = u.id) GROUP BY u.team_id ORDER BY u.team_id");
  const long today = *days_from_iso(today_utc());
  for (size_t t = 0; t < leads.size(); ++t) {
    auto lead = store.user_by_id(leads.integer(t, 1));
    if (!lead) continue;
    auto caseload = store.pool().acquire()->query(
        "SELECT jobseeker_id FROM assignments WHERE user_id = ? ORDER BY jobseeker_id LIMIT 12", {lead->id});
    if (caseload.empty()) continue;
    // The first team gets the most, so that some counts pass 5 and others stay "<5".
    const int count = t == 0 ? 24 : 8;
    for (int i = 0; i < count; ++i) {
      const DemoSignal& d = kSignals[random.weighted(weights)];
      const int64_t jobseeker = caseload.integer(random.below(caseload.size()), 0);
      const std::string on = iso_from_days(today - long(random.between(0, 270)));
      auto flagged = signals.flag(lead->principal(), jobseeker,
                                  {{"category", d.category}, {"description", d.description}, {"signalled_on", on}});
      // A demo surname that happens to be a word of the text is refused, as
      // it would be for a coach: that signal is left out.
      if (!flagged.is_ok() && flagged.status().code() == Code::kInvalid) continue;
      if (!flagged.is_ok()) return flagged.status();
      ++s.signals;
    }
  }
  auto coordinator = store.user_by_username("coordinator");
  if (!coordinator || s.signals == 0) return s;
  const Principal p = coordinator->principal();
  auto note = signals.create_note(
      p, {{"title", "Kinderopvang als drempel naar duurzaam werk"},
          {"summary",
           "Trajectbegeleiders signaleren dat kinderopvang voor vroege en late shiften ontbreekt en dat wachtlijsten "
           "langer duren dan een proefperiode. Voorstel: flexibele opvang en voorrang bij werkhervatting."},
          {"category", "childcare"}});
  if (!note.is_ok()) return note.status();
  auto final = signals.finalise_note(p, note->id, {{"version", note->version}});
  if (!final.is_ok()) return final.status();
  ++s.notes;
  auto draft = signals.create_note(p, {{"title", "Mobiliteit naar industrieterreinen"},
                                       {"summary", "Ontwerp: vroege ploegen zijn zonder wagen niet bereikbaar."},
                                       {"category", "mobility"}});
  if (!draft.is_ok()) return draft.status();
  ++s.notes;
  return s;
}

}  // namespace spiraal
