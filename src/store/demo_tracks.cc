#include "store/demo_tracks.h"

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "store/mdo_service.h"
#include "store/track_service.h"
#include "store/voice_service.h"

namespace spiraal {

using nlohmann::json;

namespace {

struct DemoFeedback {
  int rating;
  const char* text;
  const char* channel;
};

const DemoFeedback kFeedback[] = {
    {4, "Ik voelde me gehoord. Fijn dat we samen de brieven hebben bekeken.", "handed_screen"},
    {3, "", "handed_screen"},
    {2, "Het ging een beetje snel, ik had nog vragen over de opleiding.", "told_coach"},
    {4, "Goed dat je meeging naar het OCMW.", "handed_screen"},
};

// The first track of `kind`, or 0.
int64_t track_of(const std::vector<Track>& tracks, const std::string& kind) {
  for (const auto& t : tracks)
    if (t.kind == kind) return t.id;
  return 0;
}

}  // namespace

Result<DemoTracksSummary> generate_demo_tracks(Store& store, int dossiers) {
  auto coach = store.user_by_username("coach");
  auto coordinator = store.user_by_username("coordinator");
  if (!coach || !coordinator) return DemoTracksSummary{};
  std::vector<int64_t> ids;
  {
    auto r = store.pool().acquire()->query(
        "SELECT jobseeker_id FROM assignments WHERE user_id = ? ORDER BY jobseeker_id LIMIT ?",
        {coach->id, int64_t(dossiers)});
    for (size_t i = 0; i < r.size(); ++i) ids.push_back(r.integer(i, 0));
  }
  std::optional<int64_t> partner_service;
  std::string partner_name;
  {
    auto r = store.pool().acquire()->query("SELECT id, name FROM organisations ORDER BY name LIMIT 1");
    if (!r.empty()) partner_service = r.integer(0, 0), partner_name = r.text(0, 1);
  }
  DossierService dossier_service(store);
  TrackService tracks(store, dossier_service);
  MdoService mdos(store, dossier_service, tracks);
  VoiceService voice(store, dossier_service);
  const Principal p = coach->principal();
  const std::string today = today_utc();
  const long day = *days_from_iso(today);
  DemoTracksSummary s;
  for (size_t n = 0; n < ids.size(); ++n) {
    const int64_t id = ids[n];
    // Dossier 2 started its tracks longer ago than the interval and has had
    // no MDO yet: it shows "MDO due".
    const std::string started = iso_from_days(day - (n == 2 ? 45 : 20));
    json welfare = {{"kind", "welfare"}, {"worker_name", "Els Verbeke"}, {"starts_on", started},
                    {"aim", "Schulden in kaart brengen en een afbetalingsplan"}};
    if (partner_service) welfare["organisation_id"] = *partner_service;
    for (const json& body : {json{{"kind", "work"}, {"worker_user_id", coach->id}, {"starts_on", started},
                                  {"aim", "Een halftijdse job waar ik met mensen werk"}},
                             welfare,
                             json{{"kind", "group"}, {"worker_name", "Groepswerker Lies en ervaringsdeskundige Samir"},
                                  {"starts_on", started}, {"aim", "Sterker staan, samen met anderen"}}}) {
      if (n >= 3 && body["kind"] == "group") continue;  // not everyone joins the group
      auto t = tracks.add(p, id, body);
      if (!t.is_ok()) return t.status();
      ++s.tracks;
    }
    const auto all = tracks.load(id);
    if (n != 2) {
      if (auto c = mdos.plan_step(p, id, "consent", {{"version", 0}, {"consent_on", started}}); !c.is_ok())
        return c.status();
      auto m = mdos.plan(p, id, {{"planned_on", today}});
      if (!m.is_ok()) return m.status();
      json decisions = {{{"track_id", track_of(all, "work")}, {"text", "Twee vacatures in de zorg samen bekijken"},
                         {"owner", coach->display_name}, {"due_on", iso_from_days(day + 14)}},
                        {{"track_id", track_of(all, "welfare")},
                         {"text", "Afbetalingsplan voorleggen aan de schuldeisers" +
                                      (partner_name.empty() ? std::string() : " (" + partner_name + ")")},
                         {"owner", "Els Verbeke"}, {"due_on", iso_from_days(day + 21)}}};
      auto held = mdos.report(p, id, m->id, {{"version", 1}, {"held_on", iso_from_days(day - 2)},
                                             {"note", "De sporen lopen goed naast elkaar; de schulden wegen op de job."},
                                             {"decisions", decisions}});
      if (!held.is_ok()) return held.status();
      ++s.mdos;
    }
    auto contacts = dossier_service.contacts(p, id, 2, 0);
    if (!contacts.is_ok()) return contacts.status();
    for (size_t k = 0; k < contacts->items.size(); ++k) {
      const Contact& ct = contacts->items[k];
      if (ct.status != "held") continue;
      const DemoFeedback& f = kFeedback[(n + k) % std::size(kFeedback)];
      auto given = voice.give_feedback(p, id, ct.id, {{"rating", f.rating}, {"text", f.text}, {"channel", f.channel}});
      if (!given.is_ok()) return given.status();
      ++s.feedback;
    }
  }
  if (ids.size() > 3) {
    auto open = voice.ask(p, ids[3], {{"reason", "Ik wil liever met een vrouw praten over mijn situatie thuis."}});
    if (!open.is_ok()) return open.status();
    ++s.requests;
  }
  if (ids.size() > 4) {
    auto asked = voice.ask(p, ids[4], json::object());
    if (!asked.is_ok()) return asked.status();
    auto answered = voice.answer(coordinator->principal(), ids[4], asked->id,
                                 {{"version", 1}, {"decision", "refused"},
                                  {"reason", "Eerst samen met de coach en de coördinator bespreken wat er misloopt; "
                                             "daarna kan de vraag opnieuw."}});
    if (!answered.is_ok()) return answered.status();
    ++s.requests;
  }
  return s;
}

}  // namespace spiraal
